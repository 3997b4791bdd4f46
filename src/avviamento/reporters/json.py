"""The JSON contract `avviamento/esito@1` (documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from avviamento.esito import Esito, Rilievo
from avviamento.i18n import Lang

FORMATO = "avviamento/esito@1"


def rilievo_dict(r: Rilievo, lang: Lang) -> dict[str, Any]:
    return {
        "regola": r.regola,
        "slug": r.slug,
        "gravita": r.gravita,
        "stato": r.stato,
        "messaggio": r.messaggio[lang],
        "fonte": {
            "atto": r.fonte.atto,
            "articolo": r.fonte.articolo,
            "comma": r.fonte.comma,
            "url": r.fonte.url,
        },
        "confidenza": r.confidenza,
        "scadenza": r.scadenza.isoformat() if r.scadenza else None,
        "giorni": r.giorni,
        "posizione": {"riga": r.posizione[0], "colonna": r.posizione[1]} if r.posizione else None,
        "rimedi": list(r.rimedi),
        "funzione": r.funzione,
        "comuni": list(r.comuni),
        "pacchetto": r.pacchetto,
    }


def as_dict(esito: Esito, lang: Lang = "it") -> dict[str, Any]:
    return {
        "formato": FORMATO,
        "unione": esito.unione,
        "file": esito.file,
        "data_valutazione": esito.data_valutazione.isoformat(),
        "regole": {"id": esito.regole.id, "versione": esito.regole.versione, "sha256": esito.regole.sha256},
        "pacchetti": [{"id": p.id, "versione": p.versione, "sha256": p.sha256} for p in esito.pacchetti],
        "classe": esito.classe,
        "classe_dichiarata": esito.classe_dichiarata,
        "motivi_classe": [m[lang] for m in esito.motivi_classe],
        "funzioni_effettive": list(esito.funzioni_effettive),
        "funzioni": [
            {
                "codice": f.codice,
                "etichetta": f.etichetta[lang],
                "effettiva": f.effettiva,
                "motivi": [m[lang] for m in f.motivi],
                "comuni_mancanti": list(f.comuni_mancanti),
            }
            for f in esito.funzioni
        ],
        "popolazione": esito.popolazione,
        "esito": esito.esito,
        "conteggi": {g: esito.conteggio(g) for g in ("errore", "avviso", "info")},
        "rilievi": [rilievo_dict(r, lang) for r in esito.rilievi],
        "indicatori": indicatori_dict(esito),
    }


def indicatori_dict(esito: Esito) -> dict[str, list[dict[str, Any]]]:
    """The Carta d'identità indicators by function code, each list by year, family and code (additive field)."""
    per_funzione: dict[str, list[dict[str, Any]]] = {}
    for i in sorted(esito.indicatori, key=lambda i: (i.funzione, i.anno, i.famiglia, i.codice)):
        per_funzione.setdefault(i.funzione, []).append(
            {
                "codice": i.codice,
                "famiglia": i.famiglia,
                "valore": i.valore,
                "unita": i.unita,
                "anno": i.anno,
                "fonte": i.fonte,
            }
        )
    return per_funzione


def render(esito: Esito, lang: Lang = "it") -> str:
    return json.dumps(as_dict(esito, lang), ensure_ascii=False, indent=2) + "\n"
