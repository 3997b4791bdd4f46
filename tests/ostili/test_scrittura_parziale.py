"""A failed `draft` leaves nothing half done: no act without its index, no scratch file, every old file intact."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.fileio import CANTIERE_PREFISSO, CANTIERE_SUFFISSO
from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, istantanea, leggi_docx

Run = Callable[..., Result]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")


def _una_riga(result: Result) -> str:
    assert result.exit_code == 2, result.output
    righe = result.stderr.strip().splitlines()
    assert len(righe) == 1, result.stderr
    return righe[0]


def _cede_alla(monkeypatch: pytest.MonkeyPatch, nome: str, volta: int) -> None:
    """`os.<nome>` fails with «No space left on device» on its n-th call."""
    vero = getattr(os, nome)
    chiamate = {"n": 0}

    def cede(*args: object, **kwargs: object) -> object:
        chiamate["n"] += 1
        if chiamate["n"] == volta:
            raise OSError(28, "No space left on device")
        return vero(*args, **kwargs)

    monkeypatch.setattr(os, nome, cede)


def test_a_full_disk_while_writing_changes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bozze"
    out.mkdir()
    (out / "appunti.txt").write_text("del segretario")
    prima = istantanea(out)
    _cede_alla(monkeypatch, "fsync", 5)
    riga = _una_riga(run("draft", DELTA, "--out", str(out)))
    assert "No space left on device" in riga and "nessun file modificato" in riga
    assert istantanea(out) == prima
    assert sorted(p.name for p in out.iterdir()) == ["appunti.txt"]


def test_a_folder_that_cannot_take_files_changes_nothing(run: Run, tmp_path: Path) -> None:
    # as a read-only subfolder would (chmod does not stop root): acts land in convenzioni/, then delibere/ fails
    out = tmp_path / "bozze"
    out.mkdir()
    (out / "delibere").write_text("un file dove serve una cartella")
    prima = istantanea(out)
    riga = _una_riga(run("draft", DELTA, "--out", str(out)))
    assert "nessun file modificato" in riga
    assert istantanea(out) == prima
    assert sorted(p.name for p in out.iterdir()) == ["delibere"]  # convenzioni/ was made by the run: gone


def test_a_failure_under_force_restores_every_old_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bozze"
    assert run("draft", DELTA, "--out", str(out), "--as-of", "2024-01-15").exit_code == 0
    prima = istantanea(out)
    _cede_alla(monkeypatch, "replace", 4)
    _una_riga(run("draft", DELTA, "--out", str(out), "--force"))
    assert istantanea(out) == prima


def test_a_run_never_made_leaves_no_folder(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "nuova" / "bozze"
    _cede_alla(monkeypatch, "link", 2)
    _una_riga(run("draft", DELTA, "--out", str(out)))
    assert list(tmp_path.iterdir()) == []


def test_a_scratch_folder_left_by_a_killed_run_is_cleared(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bozze"
    rimasto = out / f"{CANTIERE_PREFISSO}k9abcd{CANTIERE_SUFFISSO}"
    rimasto.mkdir(parents=True)
    (rimasto / "0").write_bytes(b"mezzo atto")
    (out / ".nascosto-dell-utente.tmp").write_text("non nostro")
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert not rimasto.exists()
    assert (out / ".nascosto-dell-utente.tmp").read_text() == "non nostro"
    for voce in indice(out):
        leggi_docx(out / voce["file"])


def test_force_never_replaces_a_fifo_with_an_act(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bozze"
    out.mkdir()
    os.mkfifo(out / "indice.md")
    riga = _una_riga(run("draft", DELTA, "--out", str(out), "--force"))
    assert "FIFO" in riga and "indice.md" in riga
    assert stat.S_ISFIFO((out / "indice.md").lstat().st_mode)
    assert [p.name for p in out.iterdir()] == ["indice.md"]


def test_temporary_files_left_beside_a_calendar_are_cleared_and_live_ones_kept(
    run: Run, tmp_path: Path
) -> None:
    import fcntl

    ics = tmp_path / "piano.ics"
    vecchio = time.time() - 3600
    abbandonato, vivo, fresco, altrui = (
        tmp_path / ".piano.ics.k9abcd.tmp",  # a killed run's
        tmp_path / ".piano.ics.vivo12.tmp",  # another run still writing (it holds the lock)
        tmp_path / ".piano.ics.nuovo1.tmp",  # just created: its writer may not hold the lock yet
        tmp_path / ".altro.ics.k9abcd.tmp",  # beside another target: not ours to judge
    )
    for percorso in (abbandonato, vivo, fresco, altrui):
        percorso.write_bytes(b"BEGIN:VCALENDAR")
    for percorso in (abbandonato, vivo, altrui):
        os.utime(percorso, (vecchio, vecchio))
    with open(vivo, "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        result = run("plan", DELTA, "--ics", str(ics))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (ics, vivo, fresco, altrui))


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes in read-only folders"
)
def test_a_read_only_subfolder_changes_nothing(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bozze"
    (out / "delibere").mkdir(parents=True)
    (out / "delibere").chmod(0o555)
    try:
        prima = istantanea(out)
        riga = _una_riga(run("draft", DELTA, "--out", str(out)))
        assert "nessun file modificato" in riga
        assert istantanea(out) == prima
        assert sorted(p.name for p in out.iterdir()) == ["delibere"]
    finally:
        (out / "delibere").chmod(0o755)
