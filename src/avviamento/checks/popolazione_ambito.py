"""`popolazione_ambito`: the Union's population against the ambito threshold (art. 6), for information.

    parametri: {soglia: popolazione_minima_ambito, soglia_montana: popolazione_minima_ambito_montano}

A Union of 20,865 inhabitants fails the 30,000 threshold (15,000 if montane, where it passes); the finding is
`info` because the threshold binds the ambito, not the Union.
"""

from __future__ import annotations

from avviamento.checks.common import (
    Contesto,
    NonApplicabile,
    ParametriBase,
    Risultati,
    Violazione,
    soglia_non_in_vigore,
)

KIND = "popolazione_ambito"
VALORI = ("popolazione", "soglia")


class Parametri(ParametriBase):
    soglia: str
    soglia_montana: str


def check(ctx: Contesto, params: Parametri) -> Risultati:
    nome = params.soglia_montana if ctx.profilo.unione.montana else params.soglia
    soglia = ctx.soglia(nome)
    if soglia is None:
        yield soglia_non_in_vigore(nome, ctx.data)
        return
    if any(p is None for p in ctx.popolazioni):
        ignoti = [c.nome for c, p in zip(ctx.profilo.comuni, ctx.popolazioni, strict=True) if p is None]
        yield NonApplicabile(
            {
                "it": f"popolazione non nota per: {', '.join(ignoti)}",
                "en": f"population unknown for: {', '.join(ignoti)}",
            }
        )
        return
    totale = sum(p or 0 for p in ctx.popolazioni)
    if totale < soglia:
        yield Violazione({"popolazione": totale, "soglia": soglia}, ("comuni",))
