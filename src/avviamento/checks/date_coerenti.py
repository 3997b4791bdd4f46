"""`date_coerenti`: no date of the profile falls after its `data_riferimento`.

With `data_riferimento: 2024-05-15`, a deliberation of 2024-02-20 passes and an `avvio` of 2024-07-01 fails
(the profile describes a state it cannot yet know). Not applicable without `data_riferimento`.
"""

from __future__ import annotations

import datetime as dt
import functools
import typing
from typing import Any

from pydantic import BaseModel

from avviamento.checks.common import Contesto, NonApplicabile, ParametriBase, Risultati, Violazione
from avviamento.errors import percorso_leggibile
from avviamento.yamlio import Path_

KIND = "date_coerenti"
VALORI = ("data", "campo", "riferimento")


class Parametri(ParametriBase):
    pass


def _dates(value: Any, path: Path_, found: list[tuple[Path_, dt.date]]) -> list[tuple[Path_, dt.date]]:
    """Every date under `value`, with its path as in `model_dump()`, in field order: only the fields whose type
    can hold a date are visited (a profile's texts, numbers and flags are most of it). A list, not a generator:
    nested generators cost a frame per level for each of a profile's ~400 values."""
    if isinstance(value, dt.date):
        found.append((path, value))
    elif isinstance(value, BaseModel):
        for name in _campi_con_date(type(value)):
            item = getattr(value, name)
            if item is not None:
                _dates(item, (*path, name), found)
    elif isinstance(value, dict):
        for name, item in value.items():
            _dates(item, (*path, name), found)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _dates(item, (*path, i), found)
    return found


@functools.cache
def _campi_con_date(modello: type[BaseModel]) -> tuple[str, ...]:
    return tuple(nome for nome, campo in modello.model_fields.items() if _puo_avere_date(campo.annotation))


def _puo_avere_date(tipo: Any) -> bool:
    """Whether a field's annotation may hold a date: a date, a model with such a field, or a type built of them."""
    if tipo is Any or isinstance(tipo, typing.TypeVar):
        return True
    if typing.get_origin(tipo) is None and isinstance(tipo, type):
        if issubclass(tipo, BaseModel):
            return any(_puo_avere_date(c.annotation) for c in tipo.model_fields.values())
        return issubclass(tipo, dt.date)
    return any(_puo_avere_date(argomento) for argomento in typing.get_args(tipo))  # Literal values: never


def check(ctx: Contesto, params: Parametri) -> Risultati:
    riferimento = ctx.profilo.data_riferimento
    if riferimento is None:
        yield NonApplicabile({"it": "data_riferimento non indicata", "en": "no data_riferimento given"})
        return
    for path, giorno in _dates(ctx.profilo, (), []):
        if path != ("data_riferimento",) and giorno > riferimento:
            campo = percorso_leggibile(path)
            yield Violazione({"data": giorno, "campo": campo, "riferimento": riferimento}, path)
