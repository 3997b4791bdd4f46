"""`minimo_funzioni`: at least N functions of a group are effective (N is a dated parameter of the pack).

    parametri: {gruppo: art7_c3_chiave, soglia: soglia_funzioni_chiave}

With polizia_locale, personale and tributi effective the art. 7 c.3 test passes; with two of them it fails
and names the declared key functions that are not yet effective as candidates.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione, soglia_non_in_vigore
from avviamento.i18n import plurale

KIND = "minimo_funzioni"
VALORI = ("effettive", "soglia", "mancanti", "richieste", "ne_mancano", "elenco", "candidate", "codici")


class Parametri(ParametriBase):
    gruppo: str
    soglia: str


def check(ctx: Contesto, params: Parametri) -> Risultati:
    soglia = ctx.soglia(params.soglia)
    if soglia is None:
        yield soglia_non_in_vigore(params.soglia, ctx.data)
        return
    gruppo = ctx.pack.gruppo(params.gruppo)
    effettive = [f for f in gruppo if f in ctx.effettive()]
    if len(effettive) >= soglia:
        return
    dichiarate = [f.codice for f in ctx.funzioni if f.codice in gruppo and not f.effettiva]
    candidate = dichiarate or [f for f in gruppo if f not in effettive]
    yield Violazione(
        {
            "effettive": len(effettive),
            "soglia": soglia,
            "mancanti": soglia - len(effettive),
            "richieste": {
                "it": f"{plurale(soglia, 'ne serve', 'ne servono')} {soglia}",
                "en": f"{soglia} required",
            },
            "ne_mancano": {
                "it": f"{plurale(soglia - len(effettive), 'ne manca', 'ne mancano')} {soglia - len(effettive)}",
                "en": f"{soglia - len(effettive)} missing",
            },
            "elenco": ctx.elenco_etichette(effettive),
            "candidate": ctx.elenco_etichette(candidate),
            "codici": candidate,
        },
        ("funzioni",),
    )
