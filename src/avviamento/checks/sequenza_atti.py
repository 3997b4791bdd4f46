"""`sequenza_atti`: an act comes before another one (art. 16 commitment before the start, Tavolo from the first
phase, certification before the contribution, DocPP validated before it is sent, Patto after the Plan).

    parametri: {sezione: processi_partecipativi, prima: sospensione_atti.deliberata, dopo: [avvio]}

`dopo` lists dotted paths, the first present one counts. Once that date has come, a missing `prima` fails
with the message, a later one with the `tardivo` message. Not applicable without the section.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from avviamento.checks.common import (
    NESSUN_PIANO,
    NESSUN_PROCESSO,
    Contesto,
    ParametriBase,
    Risultati,
    Violazione,
    campo_data,
    percorso_campo,
    sezioni,
)

KIND = "sequenza_atti"
VALORI = ("titolo", "prima", "dopo")


class Parametri(ParametriBase):
    sezione: Literal["processi_partecipativi", "piano_strategico"]
    prima: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)*$")
    dopo: list[str] = Field(min_length=1)


def check(ctx: Contesto, params: Parametri) -> Risultati:
    trovate = list(sezioni(ctx, params.sezione))
    if not trovate:
        yield NESSUN_PIANO if params.sezione == "piano_strategico" else NESSUN_PROCESSO
        return
    for oggetto, base, titolo in trovate:
        dopo = next((d for p in params.dopo if (d := campo_data(oggetto, p)) is not None), None)
        if dopo is None or dopo > ctx.data:
            continue
        prima = campo_data(oggetto, params.prima)
        percorso = (*base, *percorso_campo(params.prima)[:1])
        if prima is None or prima > ctx.data:
            yield Violazione({"titolo": titolo, "dopo": dopo}, percorso if prima else base)
        elif prima > dopo:
            yield Violazione({"titolo": titolo, "prima": prima, "dopo": dopo}, percorso, "tardivo")
