"""Files users keep are written atomically and never replace a file without being asked (review --out, plan --ics, draft)."""

from __future__ import annotations

from pathlib import Path

import pytest

from avviamento.fileio import scrivi_atomico


def test_writes_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.csv"
    scrivi_atomico(out, "\ufefffile;unione\r\n".encode())
    assert out.read_bytes() == b"\xef\xbb\xbffile;unione\r\n"  # no newline translation
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.csv"]


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.html"
    out.write_text("del revisore")
    with pytest.raises(FileExistsError):
        scrivi_atomico(out, b"nuovo", sovrascrivi=False)
    assert out.read_text() == "del revisore"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.html"]
    scrivi_atomico(out, b"nuovo")
    assert out.read_text() == "nuovo"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.html"]
