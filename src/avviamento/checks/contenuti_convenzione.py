"""`contenuti_convenzione`: each signed convenzione states the contents art. 21 requires.

    parametri: {campi: [durata, riparto_spese]}

A convenzione with `sottoscritta: 2023-05-10`, `durata: indeterminata`, `riparto_spese: popolazione` passes;
without `riparto_spese` it fails. Unsigned convenzioni are not examined.
"""

from __future__ import annotations

from typing import Literal

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "contenuti_convenzione"
VALORI = ("funzione", "campi")

NOMI = {
    "durata": {"it": "la durata", "en": "the duration"},
    "riparto_spese": {"it": "il riparto delle spese", "en": "the cost sharing"},
}


class Parametri(ParametriBase):
    campi: list[Literal["durata", "riparto_spese"]]


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for i, funzione in enumerate(ctx.profilo.funzioni):
        convenzione = funzione.convenzione
        if convenzione is None or convenzione.sottoscritta is None or convenzione.sottoscritta > ctx.data:
            continue
        assenti = [c for c in params.campi if getattr(convenzione, c) in (None, "")]
        if assenti:
            campi = {
                "it": " né ".join(NOMI[c]["it"] for c in assenti),
                "en": " nor ".join(NOMI[c]["en"] for c in assenti),
            }
            yield Violazione(
                {"funzione": ctx.etichetta(funzione.codice), "campi": campi},
                ("funzioni", i, "convenzione"),
                funzione=funzione.codice,
            )
