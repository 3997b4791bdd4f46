"""`conferimento_completo`: every declared function is conferred by all member Comuni (art. 24 c.2).

One failure per incomplete function, naming the Comuni whose council deliberation is missing (or dated after
the evaluation date). A function conferred by all three members of a three-Comuni Union passes.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.errors import Text
from avviamento.i18n import elenco, plurale

KIND = "conferimento_completo"
VALORI = ("funzione", "comuni", "delibere_mancanti")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for stato in ctx.funzioni:
        if stato.comuni_mancanti:
            yield Violazione(
                {
                    "funzione": stato.etichetta,
                    "comuni": list(stato.comuni_mancanti),
                    "delibere_mancanti": _delibere_mancanti(list(stato.comuni_mancanti)),
                },
                ("funzioni", stato.indice),
                funzione=stato.codice,
                comuni=stato.comuni_mancanti,
            )


def _delibere_mancanti(comuni: list[str]) -> Text:
    n = len(comuni)
    return {
        "it": plurale(n, "manca la deliberazione consiliare di ", "mancano le deliberazioni consiliari di ")
        + elenco(comuni, "it"),
        "en": plurale(n, "no council resolution from ", "no council resolutions from ")
        + elenco(comuni, "en"),
    }
