"""`classe_dichiarata`: the class the Union declares is not above the class its data give.

Declared `avviata` with computed `avviata` passes; declared `in_sviluppo` with computed `avviata` fails.
Not applicable when no class is declared.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, NonApplicabile, ParametriBase, Risultati, Violazione
from avviamento.classi import RANGO, etichetta_classe

KIND = "classe_dichiarata"
VALORI = ("dichiarata", "classe")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    dichiarata = ctx.profilo.unione.classe_dichiarata
    if dichiarata is None:
        yield NonApplicabile({"it": "nessuna classe dichiarata", "en": "no declared class"})
        return
    if RANGO[dichiarata] > RANGO[ctx.classe]:
        yield Violazione(
            {
                "dichiarata": etichetta_classe(ctx.pack, dichiarata),
                "classe": etichetta_classe(ctx.pack, ctx.classe),
            },
            ("unione", "classe_dichiarata"),
        )
