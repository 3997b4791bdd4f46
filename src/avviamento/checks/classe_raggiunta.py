"""`classe_raggiunta`: the class computed from the pack's definitions is at least the one required.

    parametri: {classe: avviata}

A Union computed as `avviata` or `in_sviluppo` passes; `non_avviata` fails, naming the functions still to make
effective (declared key functions first).
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.classi import RANGO, etichetta_classe, requisiti_classe
from avviamento.profilo import Classe

KIND = "classe_raggiunta"
VALORI = ("classe", "richiesta", "requisiti", "codici")


class Parametri(ParametriBase):
    classe: Classe


def check(ctx: Contesto, params: Parametri) -> Risultati:
    if RANGO[ctx.classe] >= RANGO[params.classe]:
        return
    chiave = ctx.pack.gruppo("art7_c3_chiave")
    obbligatorie = [f.codice for f in ctx.pack.pacchetto.funzioni if f.art7_c3 == "obbligatoria"]
    da_rendere = [
        f.codice for f in ctx.funzioni if not f.effettiva and (f.codice in chiave or f.codice in obbligatorie)
    ]
    yield Violazione(
        {
            "classe": etichetta_classe(ctx.pack, ctx.classe),
            "richiesta": etichetta_classe(ctx.pack, params.classe),
            "requisiti": requisiti_classe(ctx.pack, params.classe, ctx.data),
            "codici": list(dict.fromkeys(da_rendere)),
        },
        ("unione",),
    )
