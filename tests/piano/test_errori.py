"""Unusable inputs to `plan`: one line on standard error, exit code 2, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES

DELTA = str(EXAMPLES / "terre-del-delta.yaml")
Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--as-of", "2024-13-01"),
            "avviamento: data inesistente per --as-of: '2024-13-01' (i mesi vanno da 01 a 12)",
        ),
        (
            ("--deadline", "30 giugno"),
            "avviamento: data non valida per --deadline: '30 giugno' (usare AAAA-MM-GG)",
        ),
        (
            ("--deadline", "2024-02-30"),
            "avviamento: data inesistente per --deadline: '2024-02-30' (febbraio 2024 ha 29 giorni)",
        ),
    ],
)
def test_bad_dates(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("plan", DELTA, *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_bad_date_in_english(run: Run) -> None:
    result = run("plan", DELTA, "--deadline", "tomorrow", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "avviamento: invalid date for --deadline: 'tomorrow' (use YYYY-MM-DD)\n"


def test_missing_profile_and_rules(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nessuno.yaml"
    result = run("plan", str(missing))
    assert (result.exit_code, result.stderr) == (2, f"{missing}:1:1: file non trovato\n")
    result = run("plan", DELTA, "--rules", str(missing))
    assert (result.exit_code, result.stderr) == (2, f"{missing}:1:1: file non trovato\n")


def test_malformed_profile(run: Run, write: Callable[[str, str], Path]) -> None:
    path = write("unione: {nome: X}\ncomuni:\n  - nome: A\n    santo_patrono: '13-45'\n", "rotto.yaml")
    result = run("plan", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:4:")
    assert result.stderr.count("\n") == 1


def test_pack_without_a_lead_time(run: Run, write: Callable[[str, str], Path]) -> None:
    pack = (Path(__file__).resolve().parents[2] / "rules" / "er_lr21_2012.yaml").read_text(encoding="utf-8")
    pack = pack.replace("  informativa_sindacale:\n", "  informativa_sindacale_x:\n")
    path = write(pack, "pack.yaml")
    result = run("plan", DELTA, "--rules", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:")
    assert "non definisce il tempo 'informativa_sindacale'" in result.stderr
    assert result.stderr.count("\n") == 1


def test_no_deadline_in_force(run: Run) -> None:
    # fine_programma_cm_2023 is in force from 4 September 2023: at an earlier date the user must give one.
    result = run("plan", DELTA, "--as-of", "2023-06-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "avviamento: --as-of: nessuna scadenza del programma in vigore al 1º giugno 2023"
    )
    assert result.stderr.strip().endswith("indicarla con --deadline")
    assert run("plan", DELTA, "--as-of", "2023-06-01", "--deadline", "2024-06-30").exit_code == 0
