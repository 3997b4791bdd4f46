"""`review --out`: streamed into a temporary file beside the target, moved into place only at the end."""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest
from typer.testing import Result

from avviamento.cli import main
from avviamento.i18n import Lang
from avviamento.review import batch
from avviamento.review.istruttoria import Istruttoria
from avviamento.review.render import json as render_json

Run = Callable[..., Result]

FORMATI = (
    ("table",),
    ("json",),
    ("csv",),
    ("csv", "--bom"),
    ("csv", "--per-rilievo"),
    ("html",),
)


@pytest.mark.parametrize("formato", FORMATI, ids=" ".join)
def test_out_is_byte_identical_to_standard_output(
    run: Run, cartella: Path, tmp_path: Path, formato: tuple[str, ...]
) -> None:
    opzioni = ("--format", *formato, "--as-of", "2024-05-15")
    a_video = run("review", str(cartella), *opzioni)
    out = tmp_path / "uscita" / "istruttoria"
    out.parent.mkdir()
    su_file = run("review", str(cartella), *opzioni, "--out", str(out))
    assert su_file.exit_code == a_video.exit_code == 1
    assert su_file.stdout == ""
    assert su_file.stderr == f"Istruttoria di 8 profili scritta in {out}\n"
    assert out.read_bytes() == a_video.stdout_bytes
    assert len(a_video.stdout_bytes) > 1000
    assert [p.name for p in out.parent.iterdir()] == ["istruttoria"]  # no temporary file left


@pytest.mark.parametrize("formato", FORMATI, ids=" ".join)
def test_an_existing_file_is_untouched_without_force(
    run: Run, validi: Path, tmp_path: Path, formato: tuple[str, ...]
) -> None:
    out = tmp_path / "istruttoria"
    out.write_bytes(b"lavoro del revisore\r\n")
    result = run("review", str(validi), "--format", *formato, "--out", str(out))
    assert result.exit_code == 2
    assert (
        result.stderr == f"avviamento: --out: {out}: il file esiste già (usare --force per sovrascriverlo)\n"
    )
    assert out.read_bytes() == b"lavoro del revisore\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["istruttoria", "validi"]


def test_a_file_created_during_the_batch_is_never_replaced(
    run: Run, validi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "istruttoria.json"
    componi = batch.componi

    def e_intanto_un_altro_scrive(*args: object, **kwargs: object) -> Istruttoria:
        out.write_text("scritto da un'altra esecuzione", encoding="utf-8")
        return componi(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "componi", e_intanto_un_altro_scrive)
    result = run("review", str(validi), "--format", "json", "--out", str(out))
    assert result.exit_code == 2
    assert (
        result.stderr == f"avviamento: --out: {out}: il file esiste già (usare --force per sovrascriverlo)\n"
    )
    assert out.read_text(encoding="utf-8") == "scritto da un'altra esecuzione"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["istruttoria.json", "validi"]


@pytest.mark.parametrize("formato", FORMATI, ids=" ".join)
def test_a_missing_folder_is_refused_before_the_batch(
    run: Run, validi: Path, tmp_path: Path, formato: tuple[str, ...]
) -> None:
    out = tmp_path / "manca" / "istruttoria"
    result = run("review", str(validi), "--format", *formato, "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"avviamento: --out: {out}: la cartella non esiste\n"
    assert not out.parent.exists()


def _scrive_a_meta(guasto: BaseException, cartella: Path, visti: list[int]) -> Callable[..., None]:
    """A JSON writer that stops halfway; before stopping it looks at what is already on disk."""
    scrivi = render_json.scrivi

    def a_meta(istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it") -> None:
        intero = io.StringIO()
        scrivi(istruttoria, intero, lang)
        testo = intero.getvalue()
        flusso.write(testo[: len(testo) // 2] + " " * (1 << 20))  # past any buffer: it reaches the disk
        flusso.flush()
        visti.extend(p.stat().st_size for p in cartella.iterdir() if p.name.endswith(".tmp"))
        raise guasto

    return a_meta


@pytest.mark.parametrize("force", [False, True], ids=["nuovo", "force"])
def test_ctrl_c_while_writing_leaves_no_partial_file(
    validi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    cartella = tmp_path / "uscita"
    cartella.mkdir()
    out = cartella / "istruttoria.json"
    if force:
        out.write_text("la versione di ieri", encoding="utf-8")
    visti: list[int] = []
    monkeypatch.setattr(render_json, "scrivi", _scrive_a_meta(KeyboardInterrupt(), cartella, visti))
    opzioni = ["--force"] if force else []
    monkeypatch.setattr(
        sys, "argv", ["avviamento", "review", str(validi), "--format", "json", "--out", str(out)]
    )
    sys.argv.extend(opzioni)
    with pytest.raises(SystemExit) as uscita:  # the real entry point, as a shell runs it
        main()
    assert uscita.value.code == 130
    assert len(visti) == 1 and visti[0] > 1 << 20  # written progressively, into a temporary file beside it
    if force:
        assert [p.name for p in cartella.iterdir()] == ["istruttoria.json"]
        assert out.read_text(encoding="utf-8") == "la versione di ieri"
    else:
        assert list(cartella.iterdir()) == []


def test_a_full_disk_is_one_line_and_leaves_nothing(
    run: Run, validi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "istruttoria.json"
    pieno = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(render_json, "scrivi", _scrive_a_meta(pieno, tmp_path, []))
    result = run("review", str(validi), "--format", "json", "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == (f"avviamento: --out: scrittura di {out} non riuscita: No space left on device\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["validi"]
