"""`risorse_trasferite`: staff or budget of a running function has moved to the Union (art. 24 c.5).

Applies to the functions already started or conferred by every member; `personale: 2.5` or
`spesa_in_bilancio_unione: true` passes; neither fails.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "risorse_trasferite"
VALORI = ("funzione",)


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for stato, funzione in ctx.in_corso():
        if not ((funzione.personale or 0) > 0 or funzione.spesa_in_bilancio_unione is True):
            yield Violazione(
                {"funzione": stato.etichetta},
                ("funzioni", stato.indice),
                funzione=stato.codice,
            )
