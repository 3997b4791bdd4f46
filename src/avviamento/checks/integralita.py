"""`integralita`: a function the Union runs is conferred whole (art. 24 c.4).

Applies to the functions already started or conferred by every member; `integrale: true` passes, `false` or
a missing value fails (nothing may stay with the Comuni).
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "integralita"
VALORI = ("funzione",)


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for stato, funzione in ctx.in_corso():
        if funzione.integrale is not True:
            yield Violazione(
                {"funzione": stato.etichetta},
                ("funzioni", stato.indice, "integrale"),
                funzione=stato.codice,
            )
