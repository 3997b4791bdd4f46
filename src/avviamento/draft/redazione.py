"""One drafting run: choose the acts, check the templates, check the targets, render all, then write all.

The order is the safety: a bad template or an existing file stops the run before a single byte is written;
every document renders in memory before the first file is written; then all files land, or none (fileio.pubblica).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from avviamento.draft import partecipazione
from avviamento.draft.atti import Atto, Selezione, seleziona
from avviamento.draft.contesto import ContestoBase, Costruttore, Fonti, sostitutiva
from avviamento.draft.indice import indice_docx, indice_json, indice_md
from avviamento.draft.limiti import Lavoro, rendi_limitati
from avviamento.draft.lint import CONTESTI, carica, verifica_modello
from avviamento.draft.writer import (
    Ambiente,
    ErroreRedazione,
    converti_pdf,
    destinazione,
    prepara,
    rendi,
    soffice,
)
from avviamento.errors import InputError, Text
from avviamento.esito import Esito
from avviamento.fileio import NonRegolare, pubblica
from avviamento.i18n import Lang
from avviamento.profilo import Profilo
from avviamento.regole import RulePack
from avviamento.risorse import templates_dir

if TYPE_CHECKING:
    from avviamento.draft.preparato import Preparato


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
    scritti: tuple[Path, ...]  # every file written, in the order it landed


def pianifica(profilo: Profilo, esito: Esito, solo: frozenset[str] | None = None) -> Selezione:
    firmate = frozenset(f.codice for f in profilo.funzioni if sostitutiva(f, esito.data_valutazione))
    return seleziona(esito, [c.nome for c in profilo.comuni], solo, firmate, profilo)


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
    if atto.tipo == "patto":
        return partecipazione.contesto_patto(costruttore, atto.rilievi)
    if atto.processo is not None:
        return partecipazione.contesto_processo(
            costruttore, atto.tipo, atto.processo, atto.rilievi, immediata
        )
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

    # 1. the templates, 2. the targets, 3. every document rendered in memory
    ambiente = Ambiente()
    sorgenti = carica_modelli(atti, opzioni.modelli, ambiente)
    bersagli = _verifica_bersagli(atti, opzioni)
    resi = rendi_in_memoria(atti, sorgenti, profilo, pack, esito, opzioni, ambiente)
    documenti = [(bersagli[r], dati) for r, dati in resi.items()]

    # 4. the PDFs, in a scratch folder of their own; then every file lands, or none (acts first, the index last)
    out = opzioni.out
    file = dict(documenti)
    if eseguibile is not None:
        pdf = converti_pdf([(p.name, dati) for p, dati in documenti], eseguibile)
        file.update({p.with_suffix(".pdf"): dati for (p, _), dati in zip(documenti, pdf, strict=True)})
    file[bersagli["indice.json"]] = indice_json(atti).encode("utf-8")
    file[bersagli["indice.docx"]] = indice_docx(atti, esito)
    file[bersagli["indice.md"]] = indice_md(atti, esito, lang).encode("utf-8")
    try:
        pubblica(out, file, sovrascrivi=opzioni.force)
    except FileExistsError as exc:  # another run wrote there meanwhile
        percorso = Path(exc.filename or out)
        if percorso.is_relative_to(out.resolve()):
            percorso = out / percorso.relative_to(out.resolve())
        raise ErroreRedazione(_testo_esistente(percorso, 0)) from exc
    except NonRegolare as exc:
        raise ErroreRedazione(_testo_non_regolare(Path(exc.filename or out))) from exc
    return Risultato(atti, selezione.senza_modello, tuple(file))


def carica_modelli(atti: tuple[Atto, ...], modelli: Path, ambiente: Ambiente) -> dict[str, bytes]:
    """The templates: present, readable, every variable known, before anything else."""
    sorgenti: dict[str, bytes] = {}
    for atto in atti:
        if atto.modello in sorgenti:
            continue
        percorso = modelli / atto.modello
        if not percorso.is_file():
            raise ErroreRedazione(
                {
                    "it": f"{percorso}: modello mancante (la cartella dei modelli deve avere la struttura di "
                    f"quella inclusa: convenzioni/, regolamenti/, piani/)",
                    "en": f"{percorso}: template missing (the templates folder must have the layout of the "
                    f"bundled one: convenzioni/, regolamenti/, piani/)",
                }
            )
        try:
            dati = carica(percorso)
        except InputError as exc:
            raise ErroreRedazione({lang: exc.render(lang) for lang in ("it", "en")}) from None
        problemi = verifica_modello(dati, str(percorso), CONTESTI[atto.tipo], ambiente)
        if problemi:
            raise ErroreRedazione({"it": problemi[0].riga("it"), "en": problemi[0].riga("en")})
        sorgenti[atto.modello] = dati
    return sorgenti


def _verifica_bersagli(atti: tuple[Atto, ...], opzioni: Opzioni) -> dict[str, Path]:
    """The targets (by relative name): inside --out, and none overwritten without --force."""
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
            raise ErroreRedazione(_testo_esistente(out / esistenti[0], len(esistenti) - 1))
    cartelle = [p for p in bersagli.values() if p.is_dir()]
    if cartelle:
        raise ErroreRedazione(
            {
                "it": f"avviamento: {cartelle[0]} è una cartella: non può essere sostituita da un documento",
                "en": f"avviamento: {cartelle[0]} is a folder: it cannot be replaced by a document",
            }
        )
    speciali = [p for p in bersagli.values() if _non_regolare(p)]
    if speciali:
        raise ErroreRedazione(_testo_non_regolare(speciali[0]))
    return bersagli


def rendi_in_memoria(
    atti: tuple[Atto, ...],
    sorgenti: dict[str, bytes],
    profilo: Profilo,
    pack: RulePack,
    esito: Esito,
    opzioni: Opzioni,
    ambiente: Ambiente,
) -> dict[str, bytes]:
    """Every act as .docx bytes, by its relative file name (what `draft` writes, and the web serves).

    A Union's own templates render in a worker bounded in time and memory; the bundled ones in process.
    """
    costruttore = Costruttore(Fonti(profilo, pack, esito))
    preparati: dict[str, Preparato] = {}

    def preparato(modello: str) -> Preparato:
        # opened on first use, where the act renders (a Union's own template: in the bounded worker)
        if modello not in preparati:
            preparati[modello] = prepara(sorgenti[modello])
        return preparati[modello]

    lavori: list[Lavoro] = []
    for atto in atti:
        nome = str(opzioni.modelli / atto.modello)
        lavori.append((nome, _lavoro(atto, nome, preparato, costruttore, ambiente, opzioni)))
    if opzioni.modelli.resolve() == templates_dir().resolve():
        resi = [lavoro() for _, lavoro in lavori]
    else:
        resi = rendi_limitati(lavori)
    return {atto.file: dati for atto, dati in zip(atti, resi, strict=True)}


def _lavoro(
    atto: Atto,
    nome: str,
    preparato: Callable[[str], Preparato],
    costruttore: Costruttore,
    ambiente: Ambiente,
    opzioni: Opzioni,
) -> Callable[[], bytes]:
    def rendi_atto() -> bytes:
        contesto = contesto_di(atto, costruttore, opzioni.immediata_eseguibilita)
        return rendi(preparato(atto.modello), nome, contesto, ambiente)

    return rendi_atto


def _non_regolare(percorso: Path) -> bool:
    try:
        modo = percorso.lstat().st_mode
    except FileNotFoundError:
        return False
    return not (stat.S_ISREG(modo) or stat.S_ISLNK(modo) or stat.S_ISDIR(modo))


def _testo_non_regolare(percorso: Path) -> Text:
    return {
        "it": f"avviamento: {percorso} non è un file regolare (una FIFO, un dispositivo): non viene sostituito "
        "nemmeno con --force; nessun file modificato",
        "en": f"avviamento: {percorso} is not a regular file (a FIFO, a device): it is not replaced, not even "
        "with --force; no file changed",
    }


def _testo_esistente(primo: Path, altri: int) -> Text:
    coda = {"it": f" (e altri {altri})" if altri else "", "en": f" (and {altri} more)" if altri else ""}
    return {
        "it": f"avviamento: {primo} esiste già{coda['it']}: usare --force per sovrascrivere; nessun file "
        "modificato",
        "en": f"avviamento: {primo} already exists{coda['en']}: use --force to overwrite; no file changed",
    }
