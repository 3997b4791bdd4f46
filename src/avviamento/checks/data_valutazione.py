"""`data_valutazione`: the evaluation date falls where the rules can speak: after the law, after the Union exists.

    parametri: {dal: 2012-12-21}

`--as-of 2012-06-01` fails (before LR 21/2012); with `atto_costitutivo: 2022-11-29`, `--as-of 2022-01-01`
fails with the `prima_costituzione` message; `--as-of 2024-03-01` passes.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.profilo import Data

KIND = "data_valutazione"
VALORI = ("data", "legge", "costituzione")


class Parametri(ParametriBase):
    dal: Data  # the date of the law the pack encodes


def check(ctx: Contesto, params: Parametri) -> Risultati:
    if ctx.data < params.dal:
        yield Violazione({"data": ctx.data, "legge": params.dal}, ())
    costituzione = ctx.profilo.unione.atto_costitutivo
    if costituzione is not None and ctx.data < costituzione:
        yield Violazione(
            {"data": ctx.data, "costituzione": costituzione},
            ("unione", "atto_costitutivo"),
            variante="prima_costituzione",
        )
