"""`durata_processo`: a participatory process ends within its allowed length (LR 15/2018).

    parametri: {mesi: 6, mesi_complesso: 12, preavviso_giorni: 30}

The limit is `avvio` + 6 months (12 if `complesso`) + `sospensione_giorni`. A process concluded after the limit
fails with the `tardivo` message; an open one is `in_scadenza` within `preavviso_giorni` of the limit and
`scaduta` after it, with the days like the ER deadlines.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from avviamento.checks.common import (
    NESSUN_PROCESSO,
    Contesto,
    ParametriBase,
    Risultati,
    Valore,
    Violazione,
    piu_mesi,
)

KIND = "durata_processo"
VALORI = ("titolo", "avvio", "limite", "conclusione", "mesi", "giorni_oltre")


class Parametri(ParametriBase):
    mesi: int = Field(gt=0, le=60)
    mesi_complesso: int = Field(gt=0, le=60)
    preavviso_giorni: int = Field(default=30, ge=0, le=365)


def check(ctx: Contesto, params: Parametri) -> Risultati:
    if not ctx.profilo.processi_partecipativi:
        yield NESSUN_PROCESSO
        return
    for i, processo in enumerate(ctx.profilo.processi_partecipativi):
        if processo.avvio is None or processo.avvio > ctx.data:
            continue
        mesi = params.mesi_complesso if processo.complesso else params.mesi
        limite = piu_mesi(processo.avvio, mesi) + dt.timedelta(days=processo.sospensione_giorni)
        valori: dict[str, Valore] = {
            "titolo": processo.titolo,
            "avvio": processo.avvio,
            "limite": limite,
            "mesi": mesi,
        }
        fine = processo.conclusione
        if fine is not None and fine <= ctx.data:
            if fine > limite:
                oltre: dict[str, Valore] = {"conclusione": fine, "giorni_oltre": (fine - limite).days}
                yield Violazione(valori | oltre, ("processi_partecipativi", i, "conclusione"), "tardivo")
        elif (limite - ctx.data).days <= params.preavviso_giorni:
            yield Violazione(valori, ("processi_partecipativi", i, "avvio"), scadenza=limite)
