"""Working days of the offices that act: no weekends, no Italian national holidays, no patron-saint days.

National holidays come from the `holidays` package (L. 260/1949 and later laws, including 4 October from 2026);
a Comune's patron saint is a local holiday for its offices (CCNL 6/7/1995 art. 18 c.6), given in the profile as
`santo_patrono: "MM-DD"`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from avviamento.errors import Text

_WEEKEND: dict[int, Text] = {5: {"it": "sabato", "en": "Saturday"}, 6: {"it": "domenica", "en": "Sunday"}}


@cache
def _festivita(lingua: str) -> Any:
    import holidays

    return holidays.country_holidays("IT", language=lingua)


def festa_nazionale(giorno: dt.date) -> Text | None:
    """The national holiday's name in Italian and English, or None."""
    nome_it = _festivita("it_IT").get(giorno)
    if nome_it is None:
        return None
    return {"it": str(nome_it), "en": str(_festivita("en_US").get(giorno))}


@dataclass(frozen=True)
class Calendario:
    """The working days shared by the offices of some Comuni (their patron days all count as holidays)."""

    patroni: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "MM-DD" -> names of the Comuni

    @classmethod
    def di(cls, comuni: Iterable[tuple[str, str | None]]) -> Calendario:
        """From (name, santo_patrono) pairs."""
        patroni: dict[str, list[str]] = {}
        for nome, patrono in comuni:
            if patrono:
                patroni.setdefault(patrono, []).append(nome)
        return cls({k: tuple(v) for k, v in patroni.items()})

    def festivo(self, giorno: dt.date) -> Text | None:
        """Why the day is not a working day (`domenica`, `Festa della Repubblica`, …), or None."""
        if giorno.weekday() in _WEEKEND:
            return _WEEKEND[giorno.weekday()]
        if nazionale := festa_nazionale(giorno):
            return nazionale
        comuni = self.patroni.get(f"{giorno.month:02d}-{giorno.day:02d}")
        if comuni:
            nomi = ", ".join(comuni)
            return {"it": f"santo patrono di {nomi}", "en": f"patron saint's day of {nomi}"}
        return None

    def lavorativo(self, giorno: dt.date) -> dt.date:
        """The day itself if it is a working day, otherwise the working day before it."""
        while self.festivo(giorno) is not None:
            giorno -= dt.timedelta(days=1)
        return giorno
