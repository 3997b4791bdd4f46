"""The JSON contract `avviamento/istruttoria@1` (documented in the README)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
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


def as_dict(istruttoria: Istruttoria, lang: Lang = "it", *, profili: bool = True) -> dict[str, Any]:
    regole = istruttoria.regole
    giorno = istruttoria.data_valutazione
    pacchetti = istruttoria.pacchetti or (regole,)
    return {
        "formato": FORMATO,
        "data_valutazione": giorno.isoformat() if giorno else None,
        "regole": {"id": regole.id, "versione": regole.versione, "sha256": regole.sha256},
        "conteggi": istruttoria.conteggi(),
        # `scrivi` writes them one by one
        "profili": [riga_dict(r, lang) for r in istruttoria.righe] if profili else [],
        "rilievi_incrociati": [incrociato_dict(r, lang) for r in istruttoria.incrociati] if profili else [],
        # additive: every pack applied (`regole` is the first), for `--rules` repeated
        "pacchetti": [{"id": p.id, "versione": p.versione, "sha256": p.sha256} for p in pacchetti],
    }


def render(istruttoria: Istruttoria, lang: Lang = "it") -> str:
    buffer = io.StringIO()
    scrivi(istruttoria, buffer, lang)
    return buffer.getvalue()


def scrivi(istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it") -> None:
    """The same text as `json.dumps(as_dict(…), indent=2)`, a profile and a cross-file finding at a time: the
    document is never whole in memory."""
    documento = as_dict(istruttoria, lang, profili=False)
    liste: dict[str, Iterable[dict[str, Any]]] = {
        "profili": (riga_dict(r, lang) for r in istruttoria.righe),
        "rilievi_incrociati": (incrociato_dict(r, lang) for r in istruttoria.incrociati),
    }
    flusso.write("{")
    for n, (chiave, valore) in enumerate(documento.items()):
        flusso.write(("," if n else "") + "\n  " + _testo(chiave, "") + ": ")
        if chiave not in liste:
            flusso.write(_testo(valore, "  "))
            continue
        vuota = True
        for m, elemento in enumerate(liste[chiave]):
            flusso.write(("," if m else "[") + "\n    " + _testo(elemento, "    "))
            vuota = False
        flusso.write("[]" if vuota else "\n  ]")
    flusso.write("\n}\n")


def _testo(valore: object, rientro: str) -> str:
    """`valore` as json.dumps(indent=2) writes it `rientro` deep (strings never hold a raw newline)."""
    return json.dumps(valore, ensure_ascii=False, indent=2).replace("\n", "\n" + rientro)
