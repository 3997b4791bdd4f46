"""Working days: weekends, Italian national holidays (the `holidays` package), a Comune's patron saint."""

from __future__ import annotations

import datetime as dt

from avviamento.piano.calendario import Calendario, festa_nazionale

D = dt.date


def test_national_holidays_known_to_the_library() -> None:
    # L. 260/1949 as amended: 25 April, 2 June, 26 December; Easter Monday moves (1 April 2024, 21 April 2025)
    for giorno in (D(2024, 4, 25), D(2025, 6, 2), D(2024, 12, 26), D(2024, 4, 1), D(2025, 4, 21)):
        assert festa_nazionale(giorno) is not None, giorno
    festa = festa_nazionale(D(2025, 6, 2))
    assert festa == {"it": "Festa della Repubblica", "en": "Republic Day"}
    # L. 151/2025: San Francesco, 4 October, a national holiday from 2026 only
    assert festa_nazionale(D(2026, 10, 4)) is not None
    assert festa_nazionale(D(2025, 10, 4)) is None
    # L. 54/1977 abolished 19 March (San Giuseppe) as a civil holiday
    assert festa_nazionale(D(2024, 3, 19)) is None


def test_previous_working_day_skips_weekend_and_holidays() -> None:
    cal = Calendario()
    assert cal.lavorativo(D(2024, 5, 16)) == D(2024, 5, 16)  # a Thursday: unchanged
    assert cal.lavorativo(D(2024, 5, 19)) == D(2024, 5, 17)  # Sunday -> Friday
    # Monday 2 June 2025 (Festa della Repubblica) -> Sunday 1 -> Saturday 31 May -> Friday 30 May
    assert cal.lavorativo(D(2025, 6, 2)) == D(2025, 5, 30)
    # Thursday 25 April 2024 (Liberazione) -> Wednesday 24 April
    assert cal.lavorativo(D(2024, 4, 25)) == D(2024, 4, 24)
    # Tuesday 2 April 2024, the day after Easter Monday, is a working day; Monday 1 April is not
    assert cal.lavorativo(D(2024, 4, 1)) == D(2024, 3, 29)  # Easter Monday -> Sun -> Sat -> Friday 29 March


def test_patron_saint_is_a_holiday_for_its_comune_only() -> None:
    # San Giovanni in Persiceto: San Giovanni Battista, 24 June; Monday 24 June 2024 -> Friday 21 June
    persiceto = Calendario.di([("San Giovanni in Persiceto", "06-24"), ("Crevalcore", None)])
    assert persiceto.lavorativo(D(2024, 6, 24)) == D(2024, 6, 21)
    assert persiceto.festivo(D(2024, 6, 24)) == {
        "it": "santo patrono di San Giovanni in Persiceto",
        "en": "patron saint's day of San Giovanni in Persiceto",
    }
    assert Calendario().lavorativo(D(2024, 6, 24)) == D(2024, 6, 24)


def test_reasons_for_a_non_working_day() -> None:
    cal = Calendario()
    assert cal.festivo(D(2024, 5, 18)) == {"it": "sabato", "en": "Saturday"}
    assert cal.festivo(D(2024, 5, 19)) == {"it": "domenica", "en": "Sunday"}
    assert cal.festivo(D(2024, 4, 25)) == {"it": "Anniversario della Liberazione", "en": "Liberation Day"}
    assert cal.festivo(D(2024, 5, 16)) is None
