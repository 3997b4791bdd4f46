"""`date_coerenti`: no date of the profile falls after its `data_riferimento`.

With `data_riferimento: 2024-05-15`, a deliberation of 2024-02-20 passes and an `avvio` of 2024-07-01 fails
(the profile describes a state it cannot yet know). Not applicable without `data_riferimento`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from avviamento.checks.common import Contesto, NonApplicabile, ParametriBase, Risultati, Violazione
from avviamento.errors import percorso_leggibile
from avviamento.yamlio import Path_

KIND = "date_coerenti"
VALORI = ("data", "campo", "riferimento")


class Parametri(ParametriBase):
    pass


def _dates(value: Any, path: Path_) -> Iterator[tuple[Path_, dt.date]]:
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _dates(item, (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _dates(item, (*path, i))


def check(ctx: Contesto, params: Parametri) -> Risultati:
    riferimento = ctx.profilo.data_riferimento
    if riferimento is None:
        yield NonApplicabile({"it": "data_riferimento non indicata", "en": "no data_riferimento given"})
        return
    for path, giorno in _dates(ctx.profilo.model_dump(), ()):
        if path != ("data_riferimento",) and giorno > riferimento:
            campo = percorso_leggibile(path)
            yield Violazione({"data": giorno, "campo": campo, "riferimento": riferimento}, path)
