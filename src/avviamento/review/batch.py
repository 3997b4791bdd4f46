"""Collect the profiles under the given paths and evaluate each into one row; a broken file is a row too."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from avviamento.engine import evaluate
from avviamento.errors import InputError, Text, both, breve, una_riga
from avviamento.esito import Esito, InfoRegole
from avviamento.profilo import validate_profile
from avviamento.regole import RulePack
from avviamento.review.incrociati import rilievi_incrociati
from avviamento.review.istruttoria import ComuneMembro, Istruttoria, Riga
from avviamento.yamlio import Document, load_yaml

ESTENSIONI = (".yaml", ".yml")


def raccogli(percorsi: Sequence[Path]) -> list[Path]:
    """Every `.yaml`/`.yml` file under the paths (a file named explicitly is taken as it is), once each.

    A path that does not exist is an InputError. Hidden folders (`.git`, `.venv`) are not searched.
    """
    trovati: list[Path] = []
    visti: set[Path] = set()

    def aggiungi(path: Path) -> None:
        try:
            chiave = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: its row will say the file cannot be read
            chiave = path.absolute()
        if chiave not in visti:
            visti.add(chiave)
            trovati.append(path)

    for percorso in percorsi:
        if percorso.is_dir():
            for path in _sotto(percorso):
                aggiungi(path)
        elif percorso.exists():
            aggiungi(percorso)
        else:
            raise InputError(str(percorso), 1, 1, both("file_missing"))
    return trovati


def _sotto(cartella: Path) -> Iterable[Path]:
    for radice, cartelle, files in os.walk(cartella):
        cartelle[:] = sorted(c for c in cartelle if not c.startswith("."))
        base = Path(radice)
        for nome in sorted(files):
            if nome.lower().endswith(ESTENSIONI) and not nome.startswith("."):
                yield base / nome


def valuta_file(path: Path, pack: RulePack, as_of: dt.date | None, *, con_rilievi: bool = False) -> Riga:
    """One profile → one row. Never raises for a bad file: the error becomes the row."""
    nome = str(path)
    return valuta(nome, lambda: load_yaml(path, nome), pack, as_of, con_rilievi=con_rilievi)


def valuta(
    nome: str,
    leggi: Callable[[], Document],
    pack: RulePack,
    as_of: dt.date | None,
    *,
    con_rilievi: bool = False,
) -> Riga:
    """One profile, read by `leggi` (from disk, or from an upload in memory) → one row; never raises."""
    documento: Document | None = None
    try:
        documento = leggi()
        caricato = validate_profile(documento)
        esito = evaluate(caricato, pack, as_of)
    except InputError as exc:
        return Riga(nome, False, errore=_una_riga(exc), unione=_nome_grezzo(documento))
    except Exception as exc:  # a bug must not stop a batch of a hundred Unions: report it on its row
        dettaglio = f"{type(exc).__name__}: {exc}".splitlines()[0]
        testo = {
            "it": f"{nome}:1:1: errore interno nella valutazione ({dettaglio})",
            "en": f"{nome}:1:1: internal error while evaluating ({dettaglio})",
        }
        return Riga(nome, False, errore=testo, unione=_nome_grezzo(documento))
    unione = caricato.profilo.unione
    return Riga(
        file=nome,
        valido=True,
        unione=unione.nome,
        codice_fiscale=unione.codice_fiscale,
        classe_dichiarata=unione.classe_dichiarata,
        classe=esito.classe,
        funzioni_effettive=esito.funzioni_effettive,
        errori=esito.conteggio("errore"),
        avvisi=esito.conteggio("avviso"),
        informazioni=esito.conteggio("info"),
        data_valutazione=esito.data_valutazione,
        data_riferimento=caricato.profilo.data_riferimento,
        comuni=tuple(ComuneMembro(c.nome, c.istat) for c in caricato.profilo.comuni),
        esito=_solo_aperti(esito) if con_rilievi else None,
    )


def istruisci(
    files: Sequence[Path],
    pack: RulePack,
    as_of: dt.date | None = None,
    *,
    con_rilievi: bool = False,
    avanzamento: Callable[[Path], None] | None = None,
) -> Istruttoria:
    """Evaluate every file against one rule pack, then look across the files."""
    righe: list[Riga] = []
    for path in files:
        righe.append(valuta_file(path, pack, as_of, con_rilievi=con_rilievi))
        if avanzamento is not None:
            avanzamento(path)
    return componi(righe, pack, as_of)


def componi(righe: Sequence[Riga], pack: RulePack, as_of: dt.date | None) -> Istruttoria:
    """The rows of a batch, and the findings across them."""
    regole = InfoRegole(pack.id, pack.versione, pack.sha256)
    return Istruttoria(as_of, regole, tuple(righe), tuple(rilievi_incrociati(righe, pack)))


def _solo_aperti(esito: Esito) -> Esito:
    """What the HTML report shows of a Union: its open findings; the met and inapplicable ones are dropped."""
    return dataclasses.replace(esito, rilievi=tuple(r for r in esito.rilievi if r.aperto))


def _una_riga(exc: InputError) -> Text:
    return {lang: " ".join(exc.render(lang).split()) for lang in ("it", "en")}


def _nome_grezzo(documento: Document | None) -> str | None:
    """The Union's name from a profile that failed validation, so the reviewer knows who sent it."""
    data = documento.data if documento is not None else None
    unione = data.get("unione") if isinstance(data, dict) else None
    nome = unione.get("nome") if isinstance(unione, dict) else None
    if not isinstance(nome, str) or not nome.strip():
        return None
    return breve(una_riga(nome.strip()), 120)  # unvalidated: it may be huge or hold control characters
