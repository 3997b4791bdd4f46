"""`review --jobs`: the process pool gives the same bytes as one process, in every format."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.review import batch
from tests.conftest import EXAMPLES

Run = Callable[..., Result]


def _uscite(run: Run, cartella: Path, jobs: str, tmp_path: Path) -> dict[str, tuple[int, bytes]]:
    """Each format's exit code and bytes; the HTML through --out, so the written file is compared too."""
    uscite: dict[str, tuple[int, bytes]] = {}
    for formato in ("json", "csv", "table"):
        result = run("review", str(cartella), "--format", formato, "--jobs", jobs)
        uscite[formato] = (result.exit_code, result.stdout_bytes)
    result = run("review", str(cartella), "--format", "csv", "--per-rilievo", "--jobs", jobs)
    uscite["csv-rilievi"] = (result.exit_code, result.stdout_bytes)
    out = tmp_path / f"istruttoria-{jobs}.html"
    result = run("review", str(cartella), "--format", "html", "--out", str(out), "--jobs", jobs)
    uscite["html"] = (result.exit_code, out.read_bytes())
    rapporti = tmp_path / f"rapporti-{jobs}"
    run("review", str(cartella), "--format", "json", "--report-dir", str(rapporti), "--force", "--jobs", jobs)
    for rapporto in sorted(rapporti.iterdir()):
        uscite[rapporto.name] = (0, rapporto.read_bytes())
    return uscite


@pytest.fixture
def molti(cartella: Path) -> Path:
    """The reviewer's folder copied until the real threshold sends it to two processes (with its bad files)."""
    originali = sorted(cartella.glob("*.y*ml"))
    copie = 0
    while copie < 2 * batch.SOGLIA_PARALLELO + 10:
        for path in originali:
            shutil.copy(path, cartella / f"{copie:04d}-{path.name}")
            copie += 1
    return cartella


def test_jobs_2_is_byte_identical_to_jobs_1_in_every_format(run: Run, molti: Path, tmp_path: Path) -> None:
    assert batch.processi_utili(len(batch.raccogli([molti])), 2) == 2  # the pool really runs
    uno = _uscite(run, molti, "1", tmp_path)
    due = _uscite(run, molti, "2", tmp_path)
    assert uno == due
    assert uno["json"][0] == 1  # broken files among them: the exit code crosses the pool too
    assert b"comune_in_piu_unioni" in uno["json"][1]


def test_small_chunks_and_more_workers_than_needed_keep_file_order(
    run: Run, cartella: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uno = _uscite(run, cartella, "1", tmp_path)
    monkeypatch.setattr(batch, "SOGLIA_PARALLELO", 1)
    monkeypatch.setattr(batch, "BLOCCO_MASSIMO", 1)  # one file per task: completion order would shuffle rows
    assert batch.processi_utili(8, 3) == 3
    assert _uscite(run, cartella, "3", tmp_path) == uno


def _muore(files: object) -> list[object]:
    os._exit(3)  # a worker killed (out of memory, a signal): no exception, no result


def test_a_dead_worker_does_not_lose_rows(
    run: Run, cartella: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uno = _uscite(run, cartella, "1", tmp_path)
    monkeypatch.setattr(batch, "SOGLIA_PARALLELO", 1)
    monkeypatch.setattr(batch, "_valuta_blocco", _muore)
    assert _uscite(run, cartella, "2", tmp_path) == uno


def test_few_files_stay_in_one_process() -> None:
    assert batch.processi_utili(batch.SOGLIA_PARALLELO - 1, 8) == 1
    assert batch.processi_utili(10_000, 1) == 1
    assert batch.processi_utili(10_000, 2) == 2


def test_jobs_must_be_a_positive_number() -> None:
    """Through the real entry point: one line on standard error, exit code 2, nothing evaluated."""
    comando = [sys.executable, "-m", "avviamento", "review", str(EXAMPLES)]
    for valore, riga in (
        ("0", "avviamento: --jobs: deve essere un numero intero da 1 in su (ricevuto: 0)"),
        ("-3", "avviamento: --jobs: deve essere un numero intero da 1 in su (ricevuto: -3)"),
        ("due", "avviamento review: valore non valido per '--jobs'"),
    ):
        result = subprocess.run([*comando, "--jobs", valore], capture_output=True, text=True, check=False)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith(riga)
    result = subprocess.run(
        [*comando, "--jobs", "0", "--lang", "en"], capture_output=True, text=True, check=False
    )
    assert result.stderr == "avviamento: --jobs: must be a whole number from 1 up (got: 0)\n"
