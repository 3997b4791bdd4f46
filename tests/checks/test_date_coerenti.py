"""`date_coerenti` visits only the fields that can hold a date: the same dates, paths and order as a walk of the
whole dumped profile (what it did before)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from avviamento.checks.date_coerenti import _dates
from avviamento.profilo import load_profile
from tests.conftest import EXAMPLES

PROFILI = [
    *sorted(EXAMPLES.glob("*.yaml")),
    Path(__file__).parent.parent / "dati" / "profilo-esempio-spec.yaml",
]


def _tutte(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], dt.date]]:
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _tutte(item, (*path, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _tutte(item, (*path, i))


@pytest.mark.parametrize("percorso", PROFILI, ids=lambda p: p.name)
def test_the_same_dates_as_a_walk_of_the_dumped_profile(percorso: Path) -> None:
    profilo = load_profile(percorso).profilo
    attese = list(_tutte(profilo.model_dump(), ()))
    assert len(attese) > 10
    assert _dates(profilo, (), []) == attese
