"""`delibera_prima_costituzione`: no conferral deliberation predates the Union's `atto_costitutivo`.

With `atto_costitutivo: 2022-11-29`, a deliberation of 2023-03-30 passes and one of 2021-05-01 fails.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, NonApplicabile, ParametriBase, Risultati, Violazione

KIND = "delibera_prima_costituzione"
VALORI = ("comune", "funzione", "data", "costituzione")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    costituzione = ctx.profilo.unione.atto_costitutivo
    if costituzione is None:
        yield NonApplicabile({"it": "atto costitutivo non indicato", "en": "no atto_costitutivo given"})
        return
    for i, funzione in enumerate(ctx.profilo.funzioni):
        for j, conferimento in enumerate(funzione.conferimenti):
            delibera = conferimento.delibera
            if delibera and delibera.data and delibera.data < costituzione:
                yield Violazione(
                    {
                        "comune": conferimento.comune,
                        "funzione": ctx.etichetta(funzione.codice),
                        "data": delibera.data,
                        "costituzione": costituzione,
                    },
                    ("funzioni", i, "conferimenti", j, "delibera", "data"),
                    funzione=funzione.codice,
                )
