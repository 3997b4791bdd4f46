"""`tempo_indeterminato`: obliged Comuni confer a tempo indeterminato (art. 24 c.6).

    parametri: {soglia: soglia_comuni_obbligati, soglia_montani: soglia_comuni_obbligati_montani}

A convenzione with `durata: 5` fails when a conferring Comune has ≤ 5,000 inhabitants (≤ 3,000 if montane);
`durata: indeterminata` passes.
"""

from __future__ import annotations

from avviamento.checks.common import (
    Contesto,
    NonApplicabile,
    ParametriObbligati,
    Risultati,
    Violazione,
    soglie_obbligati,
)
from avviamento.comuni import indice_membro
from avviamento.i18n import elenco, plurale

KIND = "tempo_indeterminato"
VALORI = ("funzione", "durata", "anni", "comuni", "obbligati")


class Parametri(ParametriObbligati):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    soglie = soglie_obbligati(ctx, params)
    if isinstance(soglie, NonApplicabile):
        yield soglie
        return
    soglia, soglia_montani = soglie
    for i, funzione in enumerate(ctx.profilo.funzioni):
        durata = funzione.convenzione.durata if funzione.convenzione else None
        if not isinstance(durata, int):
            continue
        membri = {indice_membro(ctx.profilo, c.comune) for c in funzione.conferimenti}
        obbligati = [
            ctx.profilo.comuni[m].nome
            for m in sorted(x for x in membri if x is not None)
            if ctx.comune_obbligato(m, soglia, soglia_montani)
        ]
        if obbligati:
            yield Violazione(
                {
                    "funzione": ctx.etichetta(funzione.codice),
                    "durata": durata,
                    "anni": {
                        "it": f"{durata} {plurale(durata, 'anno', 'anni')}",
                        "en": f"{durata} {plurale(durata, 'year', 'years')}",
                    },
                    "comuni": obbligati,
                    "obbligati": {
                        "it": elenco(obbligati, "it")
                        + plurale(len(obbligati), " è un Comune obbligato", " sono Comuni obbligati"),
                        "en": elenco(obbligati, "en")
                        + plurale(len(obbligati), " is an obliged Comune", " are obliged Comuni"),
                    },
                },
                ("funzioni", i, "convenzione", "durata"),
                funzione=funzione.codice,
                comuni=tuple(obbligati),
            )
