"""PRT 2024-2026 through the CLI: the class of the issue's example Union at three dates, and the new fields."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.conftest import EXAMPLES

Run = Callable[..., Result]
IMOLA = (EXAMPLES / "nuovo-circondario-imolese.yaml").read_text(encoding="utf-8")


def _senza_percentuali(text: str) -> str:
    righe = [r for r in text.splitlines() if "_percentuale:" not in r]
    return "\n".join(righe) + "\n"


def test_in_sviluppo_needs_the_2024_evidence(run: Run, write: Callable[[str, str], Path]) -> None:
    con = json.loads(
        run(
            "check",
            str(EXAMPLES / "nuovo-circondario-imolese.yaml"),
            "--as-of",
            "2025-03-01",
            "--format",
            "json",
        ).stdout
    )
    assert con["classe"] == "in_sviluppo" and con["motivi_classe"][0].startswith("la classe «avanzata»")
    senza = write(_senza_percentuali(IMOLA), "imola.yaml")
    data = json.loads(run("check", str(senza), "--as-of", "2025-03-01", "--format", "json").stdout)
    assert data["classe"] == "avviata"
    assert any(m.startswith("«in sviluppo» non determinabile: manca") for m in data["motivi_classe"])
    en = json.loads(
        run("check", str(senza), "--as-of", "2025-03-01", "--format", "json", "--lang", "en").stdout
    )
    assert any("cannot be determined" in m for m in en["motivi_classe"])
    # Before the DGR 941/2024 the 2021-23 rules judge it as before.
    prima = json.loads(run("check", str(senza), "--as-of", "2024-03-01", "--format", "json").stdout)
    assert prima["classe"] == "in_sviluppo"
    testo = run("check", str(senza), "--as-of", "2025-03-01").stdout
    assert "non determinabile" in testo


def test_percentages_out_of_range_are_input_errors(run: Run, write: Callable[[str, str], Path]) -> None:
    path = write(IMOLA.replace("completamento_percentuale: 95", "completamento_percentuale: 150"), "p.yaml")
    result = run("check", str(path))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{path}:") and "completamento_percentuale" in line and "al massimo 100" in line
