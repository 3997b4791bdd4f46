"""`review --report-dir`: one HTML report per Union, the same `check --format html` writes, never over a file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from avviamento.review.rapporti import slug

Run = Callable[..., Result]

ATTESI = {
    "nuovo-circondario-imolese.html": "nuovo-circondario-imolese.yaml",
    "unione-dei-comuni-valle-pianura.html": "profilo-esempio.yaml",
    "unione-terre-d-acqua.html": "terre-d-acqua-bis.yml",
    "unione-terre-d-acqua-2.html": "terre-d-acqua.yaml",  # the same Union sent twice: both, told apart
    "unione-dei-comuni-terre-del-delta.html": "terre-del-delta.yaml",
    "terre-acqua-sud.html": "terre-e-acqua-sud.yaml",
}


def test_one_report_per_valid_profile_identical_to_check_html(
    run: Run, cartella: Path, tmp_path: Path
) -> None:
    rapporti = tmp_path / "da inviare" / "giugno"  # created, parents too
    result = run("review", str(cartella), "--report-dir", str(rapporti), "--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "Rapporti di 6 Unioni scritti in" in result.stderr
    assert sorted(os.listdir(rapporti)) == sorted(ATTESI)  # the invalid files have none
    for nome, profilo in ATTESI.items():
        check = run("check", str(cartella / profilo), "--format", "html", "--as-of", "2024-06-01")
        assert (rapporti / nome).read_text(encoding="utf-8") == check.stdout, nome
    assert "Terre &amp; Acqua &lt;Sud&gt;" in (rapporti / "terre-acqua-sud.html").read_text(encoding="utf-8")


def test_no_report_is_overwritten_without_force_and_nothing_half_written(
    run: Run, validi: Path, tmp_path: Path
) -> None:
    rapporti = tmp_path / "rapporti"
    rapporti.mkdir()
    mio = rapporti / "unione-terre-d-acqua.html"
    mio.write_text("mio", encoding="utf-8")
    rifiuto = run("review", str(validi), "--report-dir", str(rapporti), "--lang", "en")
    assert rifiuto.exit_code == 2
    assert (
        rifiuto.stderr
        == f"avviamento: --report-dir: {mio}: the file already exists (use --force to overwrite it)\n"
    )
    assert os.listdir(rapporti) == ["unione-terre-d-acqua.html"] and mio.read_text(encoding="utf-8") == "mio"
    forzato = run("review", str(validi), "--report-dir", str(rapporti), "--force", "--lang", "en")
    assert forzato.exit_code == 0
    assert forzato.stderr == f"Reports of 2 Unions written to {rapporti}\n"
    assert mio.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in os.listdir(rapporti) if p.startswith(".")]  # no temporary file left


def test_a_file_in_the_way_is_refused_before_the_batch(run: Run, validi: Path, tmp_path: Path) -> None:
    file = tmp_path / "rapporti"
    file.write_text("x", encoding="utf-8")
    result = run("review", str(validi), "--report-dir", str(file))
    assert result.exit_code == 2
    assert result.stderr == f"avviamento: --report-dir: {file}: esiste e non è una cartella\n"
    assert result.stdout == ""


def test_slug_is_a_safe_file_name() -> None:
    assert slug("Unione dei Comuni Valle & Pianura") == "unione-dei-comuni-valle-pianura"
    assert slug("Unione Città d'Ascoli / Sàvena") == "unione-citta-d-ascoli-savena"
    assert slug("../..") == slug("") == "unione-senza-nome"
