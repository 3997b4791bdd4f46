"""Files users keep are written atomically and never replace a file without being asked (review --out, plan --ics, draft)."""

from __future__ import annotations

from pathlib import Path

import pytest

from avviamento.fileio import (
    CANTIERE_PREFISSO,
    CANTIERE_SUFFISSO,
    Pubblicazione,
    pubblica,
    scrittura_atomica,
    scrivi_atomico,
)


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


def test_streamed_writing_shows_the_target_only_at_the_end(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.json"
    out.write_text("di ieri")
    with scrittura_atomica(out) as fh:
        fh.write(b"{")
        fh.flush()
        temporanei = [p for p in tmp_path.iterdir() if p.name.startswith(".istruttoria.json.")]
        assert [p.read_bytes() for p in temporanei] == [b"{"]  # the pieces go to disk, beside the target
        assert out.read_text() == "di ieri"
        fh.write(b"}")
    assert out.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.json"]


@pytest.mark.parametrize("guasto", [KeyboardInterrupt, OSError], ids=["ctrl-c", "oserror"])
def test_streamed_writing_interrupted_leaves_the_target_as_it_was(
    tmp_path: Path, guasto: type[BaseException]
) -> None:
    out = tmp_path / "istruttoria.json"
    out.write_text("di ieri")
    with pytest.raises(guasto), scrittura_atomica(out) as fh:
        fh.write(b"{ mezzo")
        raise guasto
    assert out.read_text() == "di ieri"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.json"]
    nuovo = tmp_path / "nuovo.json"
    with pytest.raises(guasto), scrittura_atomica(nuovo, sovrascrivi=False) as fh:
        fh.write(b"{ mezzo")
        raise guasto
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.json"]


def test_streamed_writing_never_replaces_a_file_that_appears_meanwhile(tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.json"
    with pytest.raises(FileExistsError), scrittura_atomica(out, sovrascrivi=False) as fh:
        fh.write(b"nostro")
        out.write_text("di un'altra esecuzione")
    assert out.read_text() == "di un'altra esecuzione"
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.json"]


def test_a_publication_writes_each_file_as_it_comes_and_places_them_all_at_the_end(tmp_path: Path) -> None:
    out = tmp_path / "rapporti"
    pubblicazione = Pubblicazione(out, sovrascrivi=False)
    try:
        pubblicazione.aggiungi("a.html", b"uno")
        (nascosto,) = out.iterdir()  # on disk already, in the run's hidden folder
        assert [f.read_bytes() for f in nascosto.iterdir()] == [b"uno"]
        abbandonato = out / f"{CANTIERE_PREFISSO}ucciso{CANTIERE_SUFFISSO}"
        abbandonato.mkdir()  # what a killed run leaves: not locked
        pubblica(out, {out / "altro.html": b"di un'altra esecuzione"}, sovrascrivi=False)
        assert nascosto.is_dir() and not abbandonato.exists()  # its clean-up spares a live run's folder only
        pubblicazione.aggiungi("b.html", b"due")
        pubblicazione.pubblica()
    finally:
        pubblicazione.chiudi()
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "altro.html", "b.html"]
    assert (out / "a.html").read_bytes() == b"uno" and (out / "b.html").read_bytes() == b"due"


def test_a_publication_places_nothing_if_a_target_appears_meanwhile(tmp_path: Path) -> None:
    out = tmp_path / "nuova" / "rapporti"
    pubblicazione = Pubblicazione(out, sovrascrivi=False)
    try:
        pubblicazione.aggiungi("a.html", b"uno")
        pubblicazione.aggiungi("b.html", b"due")
        (out / "b.html").write_bytes(b"di un'altra esecuzione")
        with pytest.raises(FileExistsError):
            pubblicazione.pubblica()
    finally:
        pubblicazione.chiudi()
    assert [p.name for p in out.iterdir()] == ["b.html"]
    assert (out / "b.html").read_bytes() == b"di un'altra esecuzione"


def test_an_unpublished_publication_leaves_no_folder(tmp_path: Path) -> None:
    pubblicazione = Pubblicazione(tmp_path / "nuova" / "rapporti", sovrascrivi=True)
    try:
        pubblicazione.aggiungi("a.html", b"uno")
    finally:
        pubblicazione.chiudi()
    assert list(tmp_path.iterdir()) == []
