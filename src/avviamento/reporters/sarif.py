"""SARIF 2.1.0, for the code-scanning viewers a regional IT team already has: one result per open finding.

The profile is the scanned artifact; each result points at the line and column of the profile it concerns.
Rules carry the legal source as their help link; the deadline state travels in the result's properties.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from avviamento import __version__
from avviamento.esito import Esito, Rilievo
from avviamento.i18n import Lang
from avviamento.reporters.common import fonte_testo

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LIVELLO = {"errore": "error", "avviso": "warning", "info": "note"}


def _regola(r: Rilievo, lang: Lang) -> dict[str, Any]:
    regola: dict[str, Any] = {
        "id": r.regola,
        "name": r.slug,
        "shortDescription": {"text": r.titolo[lang]},
        "defaultConfiguration": {"level": LIVELLO[r.gravita]},
        "properties": {"fonte": r.fonte.citazione(), "confidenza": r.confidenza},
    }
    if r.fonte.url:
        regola["helpUri"] = r.fonte.url
    return regola


def _risultato(r: Rilievo, indice: int, uri: str, lang: Lang) -> dict[str, Any]:
    regione = (
        {"startLine": r.posizione[0], "startColumn": r.posizione[1]} if r.posizione else {"startLine": 1}
    )
    impronta = "|".join((r.regola, r.funzione or "", ",".join(r.comuni)))
    return {
        "ruleId": r.regola,
        "ruleIndex": indice,
        "level": LIVELLO[r.gravita],
        "message": {"text": f"{r.messaggio[lang]} ({fonte_testo(r, lang)})"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": regione}}],
        "partialFingerprints": {"avviamento/v1": hashlib.sha256(impronta.encode()).hexdigest()[:32]},
        "properties": {
            "stato": r.stato,
            "scadenza": r.scadenza.isoformat() if r.scadenza else None,
            "giorni": r.giorni,
            "funzione": r.funzione,
            "comuni": list(r.comuni),
            "rimedi": list(r.rimedi),
        },
    }


def as_dict(esito: Esito, lang: Lang = "it") -> dict[str, Any]:
    aperti = [r for r in esito.rilievi if r.aperto]
    regole: dict[str, dict[str, Any]] = {}
    for r in aperti:
        regole.setdefault(r.regola, _regola(r, lang))
    indici = {codice: i for i, codice in enumerate(regole)}
    uri = quote(PurePath(esito.file).as_posix())
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "avviamento",
                        "version": __version__,
                        "rules": list(regole.values()),
                        "properties": {"regole": esito.regole.id, "versione_regole": esito.regole.versione},
                    }
                },
                "language": "it" if lang == "it" else "en",
                "artifacts": [{"location": {"uri": uri}}],
                "results": [_risultato(r, indici[r.regola], uri, lang) for r in aperti],
                "properties": {
                    "unione": esito.unione,
                    "data_valutazione": esito.data_valutazione.isoformat(),
                    "classe": esito.classe,
                    "esito": esito.esito,
                },
            }
        ],
    }


def render(esito: Esito, lang: Lang = "it") -> str:
    return json.dumps(as_dict(esito, lang), ensure_ascii=False, indent=2) + "\n"
