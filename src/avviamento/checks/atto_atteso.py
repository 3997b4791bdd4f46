"""`atto_atteso`: once an act is done, the act that follows it is expected (the Patto per lo sviluppo once the
strategic plan is approved).

    parametri: {sezione: piano_strategico, dopo: piano.approvato, atteso: patto_sviluppo.sottoscritto}

Once the date at `dopo` has come, an `atteso` that is missing, or dated after the evaluation, is open. Not
applicable without the section, or before `dopo`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from avviamento.checks.common import (
    NESSUN_PIANO,
    NESSUN_PROCESSO,
    Contesto,
    NonApplicabile,
    ParametriBase,
    Risultati,
    Violazione,
    campo_data,
    percorso_campo,
    sezioni,
)

KIND = "atto_atteso"
VALORI = ("titolo", "dopo")


class Parametri(ParametriBase):
    sezione: Literal["processi_partecipativi", "piano_strategico"]
    dopo: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)*$")
    atteso: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)*$")


def check(ctx: Contesto, params: Parametri) -> Risultati:
    trovate = list(sezioni(ctx, params.sezione))
    if not trovate:
        yield NESSUN_PIANO if params.sezione == "piano_strategico" else NESSUN_PROCESSO
        return
    for oggetto, base, titolo in trovate:
        dopo = campo_data(oggetto, params.dopo)
        if dopo is None or dopo > ctx.data:
            yield NonApplicabile(
                {
                    "it": f"«{titolo}»: l'atto da cui decorre ({params.dopo}) non è ancora compiuto",
                    "en": f"«{titolo}»: the act it follows ({params.dopo}) is not done yet",
                }
            )
            continue
        atteso = campo_data(oggetto, params.atteso)
        if atteso is None or atteso > ctx.data:
            yield Violazione({"titolo": titolo, "dopo": dopo}, (*base, *percorso_campo(params.atteso)[:1]))
