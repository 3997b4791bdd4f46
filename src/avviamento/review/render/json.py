"""The JSON contract `avviamento/istruttoria@1` (documented in the README)."""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from avviamento.i18n import Lang
from avviamento.review.istruttoria import FORMATO, Istruttoria, Riga, RilievoIncrociato


def riga_dict(riga: Riga, lang: Lang) -> dict[str, Any]:
    """An invalid profile has no class and no counts: those keys are null, not zero."""
    valido = riga.valido
    return {
        "file": riga.file,
        "valido": valido,
        "errore": riga.errore[lang] if riga.errore else None,
        "unione": riga.unione,
        "codice_fiscale": riga.codice_fiscale,
        "classe_dichiarata": riga.classe_dichiarata,
        "classe": riga.classe,
        "funzioni_effettive": list(riga.funzioni_effettive),
        "errori": riga.errori if valido else None,
        "avvisi": riga.avvisi if valido else None,
        "informazioni": riga.informazioni if valido else None,
        "data_valutazione": riga.data_valutazione.isoformat() if riga.data_valutazione else None,
        "esito": ("conforme" if riga.conforme else "non_conforme") if valido else "non_valido",
    }


def incrociato_dict(rilievo: RilievoIncrociato, lang: Lang) -> dict[str, Any]:
    return {
        "tipo": rilievo.tipo,
        "messaggio": rilievo.messaggio[lang],
        "file": list(rilievo.file),
        "comuni": list(rilievo.comuni),
        "unioni": list(rilievo.unioni),
    }


def as_dict(istruttoria: Istruttoria, lang: Lang = "it") -> dict[str, Any]:
    regole = istruttoria.regole
    giorno = istruttoria.data_valutazione
    pacchetti = istruttoria.pacchetti or (regole,)
    return {
        "formato": FORMATO,
        "data_valutazione": giorno.isoformat() if giorno else None,
        "regole": {"id": regole.id, "versione": regole.versione, "sha256": regole.sha256},
        "conteggi": istruttoria.conteggi(),
        "profili": [riga_dict(r, lang) for r in istruttoria.righe],  # `scrivi` writes them one by one
        "rilievi_incrociati": [incrociato_dict(r, lang) for r in istruttoria.incrociati],
        # additive: every pack applied (`regole` is the first), for `--rules` repeated
        "pacchetti": [{"id": p.id, "versione": p.versione, "sha256": p.sha256} for p in pacchetti],
    }


def render(istruttoria: Istruttoria, lang: Lang = "it") -> str:
    buffer = io.StringIO()
    scrivi(istruttoria, buffer, lang)
    return buffer.getvalue()


def scrivi(istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it") -> None:
    """The same text as `json.dumps(as_dict(…), indent=2)`, one profile at a time: no document in memory."""
    documento = as_dict(istruttoria, lang) | {"profili": []}
    testa, _, coda = json.dumps(documento, ensure_ascii=False, indent=2).partition('"profili": []')
    flusso.write(testa + '"profili": [')
    for n, riga in enumerate(istruttoria.righe):
        testo = json.dumps(riga_dict(riga, lang), ensure_ascii=False, indent=2)
        flusso.write(("," if n else "") + "\n    " + testo.replace("\n", "\n    "))
    flusso.write(("\n  ]" if istruttoria.righe else "]") + coda + "\n")
