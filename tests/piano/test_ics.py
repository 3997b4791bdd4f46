"""`plan --ics`: a calendar the icalendar library reads back; all-day events on or before the deadline; stable
UIDs; never an existing file overwritten without --force."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from icalendar import Calendar
from typer.testing import Result

from tests.conftest import EXAMPLES

DELTA = str(EXAMPLES / "terre-del-delta.yaml")
Run = Callable[..., Result]


def _giorni(dal: dt.date, al: dt.date) -> list[dt.date]:
    """The days from `dal` (included) to `al` (excluded)."""
    return [dal + dt.timedelta(days=n) for n in range((al - dal).days)]


def events(path: Path) -> list[Any]:
    cal = Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def test_calendar_parses_back_with_one_all_day_event_per_step(run: Run, tmp_path: Path) -> None:
    ics = tmp_path / "piano.ics"
    result = run("plan", DELTA, "--as-of", "2024-03-01", "--ics", str(ics))
    assert result.exit_code == 0, result.output
    assert f"Calendario scritto in {ics}: 57 eventi." in result.stdout
    found = events(ics)
    assert len(found) == 57  # the 57 steps of the schedule (see test_plan.py)
    for event in found:
        start = event.decoded("dtstart")
        assert type(start) is dt.date  # all-day
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
        assert start <= dt.date(2024, 6, 30)
        assert len(str(event["summary"])) <= 80  # the Union's name goes to the description
        assert str(event["description"]).startswith("Unione dei Comuni Terre del Delta — ")
        [allarme] = event.walk("VALARM")
        assert allarme["action"] == "DISPLAY"
        # three working days before the step
        giorno = start - allarme.decoded("trigger").days * -dt.timedelta(days=1)
        assert giorno.weekday() < 5 and len([g for g in _giorni(giorno, start) if g.weekday() < 5]) == 3
    summaries = [str(e["summary"]) for e in found]
    assert any(s.startswith("Goro: Convocazione del Consiglio comunale") for s in summaries)
    assert "Unione: Sottoscrizione digitale della convenzione [Protezione civile]" in summaries
    assert all(s.count("[") == s.count("]") for s in summaries)  # a long title drops the function, never half
    convocazione = next(e for e in found if "Goro: Convocazione" in str(e["summary"]))
    assert convocazione.decoded("dtstart") == dt.date(2024, 5, 10)
    assert "Presidente del Consiglio comunale di Goro" in str(convocazione["description"])
    assert len({str(e["uid"]) for e in found}) == 57


def test_uids_are_stable_and_late_events_still_before_the_deadline(run: Run, tmp_path: Path) -> None:
    first, second, late = tmp_path / "a.ics", tmp_path / "b.ics", tmp_path / "c.ics"
    assert run("plan", DELTA, "--as-of", "2024-03-01", "--ics", str(first)).exit_code == 0
    assert (
        run("plan", DELTA, "--as-of", "2024-03-01", "--ics", str(second), "--format", "json").exit_code == 0
    )
    assert first.read_bytes() == second.read_bytes()  # same input, same file
    assert run("plan", DELTA, "--as-of", "2024-07-01", "--ics", str(late)).exit_code == 0
    uids = [str(e["uid"]) for e in events(first)]
    # Re-planning later keeps each step's identity: a calendar app updates the events instead of duplicating.
    assert sorted(uids) == sorted(str(e["uid"]) for e in events(late))
    for event in events(late):
        assert event.decoded("dtstart") <= dt.date(2024, 6, 30)
        assert "IN RITARDO" in str(event["description"])


def test_existing_file_is_never_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    ics = tmp_path / "piano.ics"
    ics.write_text("mio calendario", encoding="utf-8")
    result = run("plan", DELTA, "--as-of", "2024-03-01", "--ics", str(ics))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"avviamento: --ics: {ics}: il file esiste già (usare --force per sovrascriverlo)"
    )
    assert result.stdout == ""
    assert ics.read_text(encoding="utf-8") == "mio calendario"
    forced = run("plan", DELTA, "--as-of", "2024-03-01", "--ics", str(ics), "--force")
    assert forced.exit_code == 0
    assert len(events(ics)) == 57
    assert [p.name for p in tmp_path.iterdir()] == ["piano.ics"]  # no temporary file left behind


def test_bad_ics_destinations(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nessuna" / "piano.ics"
    result = run("plan", DELTA, "--ics", str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"avviamento: --ics: {missing}: la cartella non esiste\n"
    result = run("plan", DELTA, "--ics", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"avviamento: --ics: {tmp_path}: è una cartella, non un file\n"


def test_empty_plan_writes_an_empty_calendar(run: Run, tmp_path: Path) -> None:
    ics = tmp_path / "vuoto.ics"
    result = run("plan", str(EXAMPLES / "terre-d-acqua.yaml"), "--ics", str(ics), "--lang", "en")
    assert result.exit_code == 0
    assert events(ics) == []
    assert "Calendar written to" in result.stdout
