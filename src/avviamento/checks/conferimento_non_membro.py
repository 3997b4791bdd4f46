"""`conferimento_non_membro`: every conferral names a member Comune (by name or ISTAT code).

A conferral by `"037059"` passes when a member has that code; one by `Bologna` in a Union without Bologna fails.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.comuni import indice_membro

KIND = "conferimento_non_membro"
VALORI = ("funzione", "comune")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for i, funzione in enumerate(ctx.profilo.funzioni):
        for j, conferimento in enumerate(funzione.conferimenti):
            if indice_membro(ctx.profilo, conferimento.comune) is None:
                yield Violazione(
                    {"funzione": ctx.etichetta(funzione.codice), "comune": conferimento.comune},
                    ("funzioni", i, "conferimenti", j, "comune"),
                    funzione=funzione.codice,
                    comuni=(conferimento.comune,),
                )
