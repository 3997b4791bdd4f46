"""`composizione_giunta`: the Union's Giunta is made as the law allows (art. 24 c.5).

    parametri: {ammesse: [sindaci, assessori_delegati]}

`organi.giunta: sindaci` passes; `mista` fails; a missing value fails with the `mancante` message.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "composizione_giunta"
VALORI = ("giunta",)


class Parametri(ParametriBase):
    ammesse: list[str]


def check(ctx: Contesto, params: Parametri) -> Risultati:
    organi = ctx.profilo.unione.organi
    giunta = organi.giunta if organi else None
    if giunta is None:
        yield Violazione({"giunta": "—"}, ("unione",), variante="mancante")
    elif giunta not in params.ammesse:
        yield Violazione({"giunta": giunta}, ("unione", "organi", "giunta"))
