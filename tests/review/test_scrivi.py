"""`--out` is written atomically and never replaces a file without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from avviamento.cli.review import scrivi


def test_writes_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.csv"
    scrivi(out, "\ufefffile;unione\r\n")
    assert out.read_bytes() == b"\xef\xbb\xbffile;unione\r\n"  # no newline translation
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.csv"]


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.html"
    out.write_text("del revisore")
    with pytest.raises(FileExistsError):
        scrivi(out, "nuovo")
    assert out.read_text() == "del revisore"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.html"]
    scrivi(out, "nuovo", force=True)
    assert out.read_text() == "nuovo"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.html"]
