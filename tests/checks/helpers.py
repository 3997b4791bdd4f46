"""Build the context a check kind sees from a small profile, and run one kind directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from avviamento.checks import REGISTRY
from avviamento.checks.common import Esame
from avviamento.engine import contesto
from avviamento.profilo import validate_profile
from avviamento.regole import load_pack_cached
from avviamento.risorse import default_rules
from avviamento.yamlio import Document

GIORNO = dt.date(2024, 5, 1)
TUTTI = [
    {"comune": "Codigoro", "delibera": {"numero": 1, "data": "2023-10-02"}},
    {"comune": "Goro", "delibera": {"numero": 2, "data": "2023-10-03"}},
    {"comune": "Mesola", "delibera": {"numero": 3, "data": "2023-10-04"}},
]


def funzione(codice: str, **extra: Any) -> dict[str, Any]:
    """An effective function: conferred by all three, started, whole, with staff."""
    base: dict[str, Any] = {
        "codice": codice,
        "conferimenti": TUTTI,
        "convenzione": {
            "sottoscritta": "2023-11-06",
            "durata": "indeterminata",
            "riparto_spese": "popolazione",
        },
        "avvio": "2024-01-01",
        "integrale": True,
        "personale": 2,
    }
    base.update(extra)
    return base


def profilo(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "versione_formato": 1,
        "unione": {
            "nome": "Unione di prova",
            "atto_costitutivo": "2022-11-29",
            "classe_dichiarata": "costituita",
        },
        "comuni": [
            {"nome": "Codigoro", "istat": "038005"},
            {"nome": "Goro", "istat": "038025"},
            {"nome": "Mesola", "istat": "038014"},
        ],
        "funzioni": [],
    }
    data.update(overrides)
    return data


def esegui(kind: str, params: dict[str, Any], data: dict[str, Any], giorno: dt.date = GIORNO) -> list[Esame]:
    pack = load_pack_cached(default_rules())
    caricato = validate_profile(Document("prova.yaml", data))
    module = REGISTRY[kind]
    return list(module.check(contesto(caricato, pack, giorno), module.Parametri.model_validate(params)))
