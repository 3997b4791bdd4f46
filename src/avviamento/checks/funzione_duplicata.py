"""`funzione_duplicata`: each function appears once in the profile's `funzioni`.

Two entries with `codice: polizia_locale` fail at the second one.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "funzione_duplicata"
VALORI = ("funzione",)


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    visti: set[str] = set()
    for i, funzione in enumerate(ctx.profilo.funzioni):
        if funzione.codice in visti:
            yield Violazione(
                {"funzione": ctx.etichetta(funzione.codice)},
                ("funzioni", i, "codice"),
                funzione=funzione.codice,
            )
        visti.add(funzione.codice)
