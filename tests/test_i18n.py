"""The small text helpers every format shares: dates with their article, Markdown escaping."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest

from avviamento.i18n import data_con_articolo
from avviamento.testo import md_escape


@pytest.mark.parametrize(
    ("preposizione", "giorno", "atteso"),
    [
        ("il", dt.date(2024, 6, 30), "il 30 giugno 2024"),
        ("il", dt.date(2024, 6, 8), "l'8 giugno 2024"),
        ("il", dt.date(2024, 6, 1), "il 1º giugno 2024"),
        ("al", dt.date(2024, 5, 11), "all'11 maggio 2024"),
        ("al", dt.date(2024, 5, 18), "al 18 maggio 2024"),
        ("dal", dt.date(2024, 5, 8), "dall'8 maggio 2024"),
        ("dal", dt.date(2024, 5, 10), "dal 10 maggio 2024"),
    ],
)
def test_data_con_articolo_elide_davanti_a_otto_e_undici(
    preposizione: Literal["il", "al", "dal"], giorno: dt.date, atteso: str
) -> None:
    assert data_con_articolo(preposizione, giorno) == atteso


def test_md_escape_neutralizza_markup_e_html() -> None:
    assert md_escape("Unione *Bassa* | <b>[x](y)</b> #1 \\ `c` _d_") == (
        "Unione \\*Bassa\\* \\| \\<b\\>\\[x\\](y)\\</b\\> \\#1 \\\\ \\`c\\` \\_d\\_"
    )
