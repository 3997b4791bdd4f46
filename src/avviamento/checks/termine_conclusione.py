"""`termine_conclusione`: an act due within some days of the process's end (final report, art. 19 document).

    parametri: {atto: relazione_finale.inviata, giorni: 30}

Not applicable to a process not yet concluded. Until the act is done it is `in_scadenza` (with the days left)
and then `scaduta`; an act done after the term fails with the `tardivo` message.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from avviamento.checks.common import (
    NESSUN_PROCESSO,
    Contesto,
    ParametriBase,
    Risultati,
    Valore,
    Violazione,
    campo_data,
    percorso_campo,
)

KIND = "termine_conclusione"
VALORI = ("titolo", "conclusione", "termine", "data", "giorni")


class Parametri(ParametriBase):
    atto: Literal["relazione_finale.inviata", "documento_ente.approvato"]
    giorni: int = Field(gt=0, le=365)


def check(ctx: Contesto, params: Parametri) -> Risultati:
    if not ctx.profilo.processi_partecipativi:
        yield NESSUN_PROCESSO
        return
    for i, processo in enumerate(ctx.profilo.processi_partecipativi):
        fine = processo.conclusione
        if fine is None or fine > ctx.data:
            continue
        termine = fine + dt.timedelta(days=params.giorni)
        fatto = campo_data(processo, params.atto)
        valori: dict[str, Valore] = {
            "titolo": processo.titolo,
            "conclusione": fine,
            "termine": termine,
            "giorni": params.giorni,
        }
        percorso = ("processi_partecipativi", i, *percorso_campo(params.atto)[:1])
        if fatto is None or fatto > ctx.data:
            yield Violazione(valori, percorso, scadenza=termine)
        elif fatto > termine:
            yield Violazione(valori | {"data": fatto}, percorso, "tardivo")
