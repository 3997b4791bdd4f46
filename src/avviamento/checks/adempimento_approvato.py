"""`adempimento_approvato`: a change-management deliverable (plan) is approved, by the deadline if any.

    parametri: {adempimento: piano_comunicazione}

`piano_comunicazione: {approvato: 2024-03-20}` passes at any later date; `{approvato: null}` fails; approval
after the rule's deadline fails with the `tardivo` message.
"""

from __future__ import annotations

from typing import Literal

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "adempimento_approvato"
VALORI = ("approvato",)


class Parametri(ParametriBase):
    adempimento: Literal["piano_comunicazione", "programmazione_personale", "piano_formazione"]


def check(ctx: Contesto, params: Parametri) -> Risultati:
    atto = getattr(ctx.profilo.adempimenti, params.adempimento)
    percorso = ("adempimenti", params.adempimento) if atto else ("adempimenti",)
    approvato = atto.approvato if atto else None
    if approvato is None or approvato > ctx.data:
        yield Violazione({"approvato": "—"}, percorso)
        return
    regola_scadenza = ctx.scadenza_regola
    if regola_scadenza is not None and approvato > regola_scadenza:
        yield Violazione({"approvato": approvato}, percorso, variante="tardivo")
