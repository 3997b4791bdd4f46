"""One drafting run: choose the acts, check the templates, check the targets, render all, then write all.

The order is the safety: a bad template or an existing file stops the run before a single byte is written;
every document renders in memory before the first file is written; each file lands atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from avviamento.draft.atti import Atto, Selezione, seleziona
from avviamento.draft.contesto import ContestoBase, Costruttore, Fonti, sostitutiva
from avviamento.draft.indice import indice_docx, indice_json, indice_md
from avviamento.draft.lint import CONTESTI, verifica_modello
from avviamento.draft.writer import (
    Ambiente,
    ErroreRedazione,
    converti_pdf,
    destinazione,
    rendi,
    soffice,
)
from avviamento.esito import Esito
from avviamento.fileio import scrivi_atomico
from avviamento.i18n import Lang
from avviamento.profilo import Profilo
from avviamento.regole import RulePack


@dataclass(frozen=True)
class Opzioni:
    out: Path
    modelli: Path  # the templates folder (bundled, or --templates)
    solo: frozenset[str] | None = None  # kinds to draft (convenzione, delibera, …); None: all
    force: bool = False
    pdf: bool = False
    immediata_eseguibilita: bool = False
    lang: Lang = "it"


@dataclass(frozen=True)
class Risultato:
    atti: tuple[Atto, ...]
    senza_modello: tuple[str, ...]
    scritti: tuple[Path, ...]


def pianifica(profilo: Profilo, esito: Esito, solo: frozenset[str] | None = None) -> Selezione:
    firmate = frozenset(f.codice for f in profilo.funzioni if sostitutiva(f, esito.data_valutazione))
    return seleziona(esito, [c.nome for c in profilo.comuni], solo, firmate)


def contesto_di(atto: Atto, costruttore: Costruttore, immediata: bool) -> ContestoBase:
    if atto.tipo == "convenzione":
        return costruttore.convenzione(atto.funzione or "", atto.rilievi)
    if atto.tipo == "delibera":
        return costruttore.delibera(atto.funzione or "", atto.indice_comune or 0, atto.rilievi, immediata)
    if atto.tipo == "delibera_unione":
        return costruttore.delibera_unione(atto.funzione or "", atto.rilievi, immediata)
    if atto.tipo == "adozione":
        return costruttore.adozione(atto.oggetto or "", atto.rilievi, immediata)
    if atto.tipo == "regolamento":
        return costruttore.regolamento(atto.oggetto or "", atto.rilievi)
    return costruttore.piano(atto.oggetto or "", atto.rilievi)


def redigi(profilo: Profilo, pack: RulePack, esito: Esito, opzioni: Opzioni) -> Risultato:
    lang = opzioni.lang
    selezione = pianifica(profilo, esito, opzioni.solo)
    atti = selezione.atti
    eseguibile = soffice() if opzioni.pdf else None
    if opzioni.pdf and eseguibile is None:
        raise ErroreRedazione(
            {
                "it": "avviamento: --pdf: LibreOffice (soffice) non è installato: installare "
                "libreoffice-writer-nogui oppure omettere --pdf; nessun file scritto",
                "en": "avviamento: --pdf: LibreOffice (soffice) is not installed: install "
                "libreoffice-writer-nogui or leave out --pdf; no file written",
            }
        )

    # 1. the templates: present, readable, every variable known, before anything else
    ambiente = Ambiente()
    sorgenti: dict[str, bytes] = {}
    for atto in atti:
        if atto.modello in sorgenti:
            continue
        percorso = opzioni.modelli / atto.modello
        if not percorso.is_file():
            raise ErroreRedazione(
                {
                    "it": f"{percorso}: modello mancante (la cartella dei modelli deve avere la struttura di "
                    f"quella inclusa: convenzioni/, regolamenti/, piani/)",
                    "en": f"{percorso}: template missing (the templates folder must have the layout of the "
                    f"bundled one: convenzioni/, regolamenti/, piani/)",
                }
            )
        dati = percorso.read_bytes()
        problemi = verifica_modello(dati, str(percorso), CONTESTI[atto.tipo], ambiente)
        if problemi:
            raise ErroreRedazione({"it": problemi[0].riga("it"), "en": problemi[0].riga("en")})
        sorgenti[atto.modello] = dati

    # 2. the targets: inside --out, and none overwritten without --force
    out = opzioni.out
    if out.exists() and not out.is_dir():
        raise ErroreRedazione(
            {
                "it": f"avviamento: --out: {out} esiste e non è una cartella",
                "en": f"avviamento: --out: {out} exists and is not a folder",
            }
        )
    relativi = [a.file for a in atti] + ["indice.md", "indice.json", "indice.docx"]
    if opzioni.pdf:
        relativi += [a.file.removesuffix(".docx") + ".pdf" for a in atti]
    bersagli = {r: destinazione(out, r) for r in relativi}
    if not opzioni.force:
        esistenti = [r for r, p in bersagli.items() if p.exists() or p.is_symlink()]
        if esistenti:
            altri = len(esistenti) - 1
            coda = {
                "it": f" (e altri {altri})" if altri else "",
                "en": f" (and {altri} more)" if altri else "",
            }
            raise ErroreRedazione(
                {
                    "it": f"avviamento: {out / esistenti[0]} esiste già{coda['it']}: usare --force per "
                    f"sovrascrivere; nessun file modificato",
                    "en": f"avviamento: {out / esistenti[0]} already exists{coda['en']}: use --force to "
                    f"overwrite; no file changed",
                }
            )
    cartelle = [p for p in bersagli.values() if p.is_dir()]
    if cartelle:
        raise ErroreRedazione(
            {
                "it": f"avviamento: {cartelle[0]} è una cartella: non può essere sostituita da un documento",
                "en": f"avviamento: {cartelle[0]} is a folder: it cannot be replaced by a document",
            }
        )

    # 3. render everything in memory
    costruttore = Costruttore(Fonti(profilo, pack, esito))
    documenti: list[tuple[Path, bytes]] = []
    for atto in atti:
        contesto = contesto_di(atto, costruttore, opzioni.immediata_eseguibilita)
        nome = str(opzioni.modelli / atto.modello)
        documenti.append((bersagli[atto.file], rendi(sorgenti[atto.modello], nome, contesto, ambiente)))

    # 4. write, each file atomically; the index last, so it never lists a file that is not there
    scritti: list[Path] = []
    for percorso, dati in documenti:
        scrivi_atomico(percorso, dati)
        scritti.append(percorso)
    if eseguibile is not None:
        converti_pdf([p for p, _ in documenti], eseguibile)
    scrivi_atomico(bersagli["indice.json"], indice_json(atti).encode("utf-8"))
    scrivi_atomico(bersagli["indice.docx"], indice_docx(atti, esito))
    scrivi_atomico(bersagli["indice.md"], indice_md(atti, esito, lang).encode("utf-8"))
    return Risultato(atti, selezione.senza_modello, tuple(scritti))
