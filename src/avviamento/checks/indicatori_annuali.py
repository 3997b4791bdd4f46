"""`indicatori_annuali`: a Union that reports Carta d'identità indicators has them for last year, for every
function it runs, once the regional deadline has passed.

    parametri: {mese: 10, giorno: 31}

Year Y's indicators are due by the deadline of year Y + 1 (31 October). Not applicable when the profile has no
`indicatori:` section: the profile does not say which functions the Region finances, nor whether the Union takes
part in the reporting.
"""

from __future__ import annotations

import datetime as dt

from avviamento.checks.common import Contesto, NonApplicabile, ParametriBase, Risultati, Violazione

KIND = "indicatori_annuali"
VALORI = ("funzione", "anno", "scadenza")


class Parametri(ParametriBase):
    mese: int = 10
    giorno: int = 31


def anno_dovuto(giorno: dt.date, params: Parametri) -> int:
    """The latest year whose indicators are due at `giorno`."""
    scadenza = dt.date(giorno.year, params.mese, params.giorno)
    return giorno.year - 1 if giorno > scadenza else giorno.year - 2


def check(ctx: Contesto, params: Parametri) -> Risultati:
    indicatori = ctx.profilo.indicatori
    if not indicatori:
        yield NonApplicabile(
            {
                "it": "il profilo non ha indicatori (sezione «indicatori»)",
                "en": "the profile has no indicators",
            }
        )
        return
    anno = anno_dovuto(ctx.data, params)
    scadenza = dt.date(anno + 1, params.mese, params.giorno)
    presenti = {i.funzione for i in indicatori if i.anno == anno}
    for stato in ctx.funzioni:
        if stato.effettiva and stato.codice not in presenti:
            yield Violazione(
                {"funzione": ctx.etichetta(stato.codice), "anno": str(anno), "scadenza": scadenza},
                ("indicatori",),
                funzione=stato.codice,
            )
