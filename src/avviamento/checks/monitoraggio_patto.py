"""`monitoraggio_patto`: the Patto per lo sviluppo is reviewed at least every `giorni` days (methodology).

    parametri: {giorni: 365, preavviso_giorni: 30}

From the signature, each review follows the previous one within `giorni`; the next one is `in_scadenza`
within `preavviso_giorni` and `scaduta` after. Not applicable until the Patto is signed.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from avviamento.checks.common import (
    NESSUN_PIANO,
    Contesto,
    NonApplicabile,
    ParametriBase,
    Risultati,
    Valore,
    Violazione,
)

KIND = "monitoraggio_patto"
VALORI = ("ultima", "prossima", "giorni")


class Parametri(ParametriBase):
    giorni: int = Field(gt=0, le=3660)
    preavviso_giorni: int = Field(default=30, ge=0, le=365)


def check(ctx: Contesto, params: Parametri) -> Risultati:
    piano = ctx.profilo.piano_strategico
    if piano is None:
        yield NESSUN_PIANO
        return
    firmato = piano.patto_sviluppo.sottoscritto if piano.patto_sviluppo else None
    if firmato is None or firmato > ctx.data:
        yield NonApplicabile(
            {"it": "il Patto non è ancora sottoscritto", "en": "the Patto is not signed yet"}
        )
        return
    ultima = firmato
    passo = dt.timedelta(days=params.giorni)
    for j, verifica in enumerate(sorted(m.data for m in piano.monitoraggio_patto if m.data <= ctx.data)):
        if verifica > ultima + passo:
            valori: dict[str, Valore] = {"ultima": ultima, "prossima": verifica, "giorni": params.giorni}
            yield Violazione(valori, ("piano_strategico", "monitoraggio_patto", j), "intervallo")
        ultima = max(ultima, verifica)
    prossima = ultima + passo
    if (prossima - ctx.data).days <= params.preavviso_giorni:
        valori = {"ultima": ultima, "prossima": prossima, "giorni": params.giorni}
        yield Violazione(valori, ("piano_strategico", "patto_sviluppo"), scadenza=prossima)
