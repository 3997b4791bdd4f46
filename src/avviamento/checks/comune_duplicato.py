"""`comune_duplicato`: a Comune is listed once among the members, and confers each function once.

Two members with the same ISTAT code (or the same name) fail; so do two conferrals of one function by the
same Comune.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.comuni import indice_membro, normalizza

KIND = "comune_duplicato"
VALORI = ("comune", "dove")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    visti: set[str] = set()
    for i, comune in enumerate(ctx.profilo.comuni):
        chiavi = {normalizza(comune.nome)} | ({comune.istat} if comune.istat else set())
        if chiavi & visti:
            dove = {"it": "tra i Comuni aderenti", "en": "among the member Comuni"}
            yield Violazione({"comune": comune.nome, "dove": dove}, ("comuni", i), comuni=(comune.nome,))
        visti |= chiavi
    for i, funzione in enumerate(ctx.profilo.funzioni):
        conferenti: set[int] = set()
        for j, conferimento in enumerate(funzione.conferimenti):
            membro = indice_membro(ctx.profilo, conferimento.comune)
            if membro is None:
                continue
            if membro in conferenti:
                nome = ctx.profilo.comuni[membro].nome
                label = ctx.etichetta(funzione.codice)
                dove = {
                    "it": f"tra i conferimenti della funzione «{label['it']}»",
                    "en": f"among the conferrals of «{label['en']}»",
                }
                yield Violazione(
                    {"comune": nome, "dove": dove},
                    ("funzioni", i, "conferimenti", j),
                    funzione=funzione.codice,
                    comuni=(nome,),
                )
            conferenti.add(membro)
