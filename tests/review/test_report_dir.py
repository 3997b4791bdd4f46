"""`review --report-dir`: one HTML report per Union, the same `check --format html` writes, never over a file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.fileio import CANTIERE_PREFISSO
from avviamento.review import batch
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


def _valutati(monkeypatch: pytest.MonkeyPatch, prima: Callable[[Path], None]) -> list[str]:
    """The batch's evaluation of each file (in process, with --jobs 1), with `prima` run just before it."""
    valutati: list[str] = []
    originale = batch.valuta_file

    def valuta_file(path: Path, *args: object, **kwargs: object) -> batch.Riga:
        prima(path)
        valutati.append(path.name)
        return originale(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "valuta_file", valuta_file)
    return valutati


def _nascosti(cartella: Path) -> list[Path]:
    return (
        [p for p in cartella.iterdir() if p.name.startswith(CANTIERE_PREFISSO)] if cartella.exists() else []
    )


def test_each_report_is_on_disk_before_the_next_profiles_are_evaluated(
    run: Run, cartella: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapporti = tmp_path / "rapporti"
    atteso = run(
        "check", str(cartella / "nuovo-circondario-imolese.yaml"), "--format", "html", "--as-of", "2024-06-01"
    )
    visti: dict[str, list[bytes]] = {}

    def prima(path: Path) -> None:
        # the reports written so far, in the hidden folder of this run: none yet under its own name (all or none)
        visti[path.name] = [f.read_bytes() for n in _nascosti(rapporti) for f in sorted(n.iterdir())]
        assert (
            not [p for p in rapporti.iterdir() if not p.name.startswith(".")] if rapporti.exists() else True
        )

    valutati = _valutati(monkeypatch, prima)
    result = run(
        "review", str(cartella), "--report-dir", str(rapporti), "--as-of", "2024-06-01", "--jobs", "1"
    )
    assert result.exit_code == 1, result.stderr
    assert valutati[0] == "nuovo-circondario-imolese.yaml" and valutati[-1] == "tipo-errato.yaml"
    assert visti["nuovo-circondario-imolese.yaml"] == []
    # before the last profile is read, the first report is already on disk, byte for byte check's, and the other
    # five valid ones too (the two invalid files have none): nothing of them waits in memory
    assert len(visti["tipo-errato.yaml"]) == 6
    assert visti["tipo-errato.yaml"][0] == atteso.stdout.encode("utf-8")
    assert (rapporti / "nuovo-circondario-imolese.html").read_bytes() == atteso.stdout.encode("utf-8")
    assert sorted(os.listdir(rapporti)) == sorted(ATTESI)  # the hidden folder is gone


def test_an_existing_report_is_refused_as_soon_as_its_profile_is_evaluated(
    run: Run, validi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapporti = tmp_path / "rapporti"
    rapporti.mkdir()
    mio = rapporti / "nuovo-circondario-imolese.html"  # the first file's Union
    mio.write_bytes(b"mio")
    valutati = _valutati(monkeypatch, lambda _path: None)
    result = run("review", str(validi), "--report-dir", str(rapporti), "--jobs", "1")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"avviamento: --report-dir: {mio}: il file esiste già (usare --force per sovrascriverlo)\n"
    )
    assert result.stdout == ""
    assert valutati == [
        "nuovo-circondario-imolese.yaml"
    ]  # the reviewer does not wait for the rest of the batch
    assert os.listdir(rapporti) == [mio.name] and mio.read_bytes() == b"mio"


@pytest.mark.parametrize("errore", [KeyboardInterrupt, MemoryError])
def test_an_interrupted_batch_writes_no_report_and_leaves_no_folder(
    run: Run, cartella: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errore: type[BaseException]
) -> None:
    rapporti = tmp_path / "nuova" / "rapporti"
    scritti: list[int] = []

    def prima(path: Path) -> None:
        if path.name == "tipo-errato.yaml":  # the last file: six reports already in the hidden folder
            scritti.extend(len(list(n.iterdir())) for n in _nascosti(rapporti))
            raise errore

    _valutati(monkeypatch, prima)
    argomenti = ["review", str(cartella), "--report-dir", str(rapporti), "--jobs", "1"]
    if errore is KeyboardInterrupt:
        assert run(*argomenti).exit_code == 130  # 128 + SIGINT, as a shell reports Ctrl-C
    else:
        with pytest.raises(errore):
            run(*argomenti)
    assert scritti == [6]
    assert not (tmp_path / "nuova").exists()  # the folders it created are removed with the hidden one


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
