"""Item 2: devices, FIFOs and links to them are refused unopened, in one line; `review` makes them rows."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.ostili.limitati import ROOT, avviamento, una_riga

ESEMPIO = ROOT / "examples" / "terre-del-delta.yaml"


@pytest.fixture
def speciali(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    return {"fifo": fifo, "zero": zero, "dev-zero": Path("/dev/zero"), "dev-urandom": Path("/dev/urandom")}


@pytest.mark.parametrize("nome", ["fifo", "zero", "dev-zero", "dev-urandom"])
def test_check_refuses_a_special_file(speciali: dict[str, Path], nome: str) -> None:
    path = speciali[nome]
    tipo = "una pipe con nome (FIFO)" if nome == "fifo" else "un dispositivo"
    una_riga(avviamento("check", path, attesa=60), path, f"non è un file regolare ma {tipo}: rifiutato")


@pytest.mark.parametrize(
    ("comando", "nome"), [("rules lint", "fifo"), ("check --rules", "zero"), ("plan --rules", "dev-urandom")]
)
def test_a_special_rule_pack_is_refused(speciali: dict[str, Path], comando: str, nome: str) -> None:
    path = speciali[nome]
    args = (
        ["rules", "lint", path] if comando == "rules lint" else [comando.split()[0], ESEMPIO, "--rules", path]
    )
    una_riga(avviamento(*args, attesa=60), path, "non è un file regolare")


def test_draft_and_plan_refuse_a_fifo_profile(speciali: dict[str, Path], tmp_path: Path) -> None:
    fifo = speciali["fifo"]
    una_riga(avviamento("plan", fifo, attesa=60), fifo, "non è un file regolare")
    una_riga(avviamento("draft", fifo, "--out", tmp_path / "atti", attesa=60), fifo, "non è un file regolare")
    assert not (tmp_path / "atti").exists()


def test_review_reports_special_files_as_invalid_rows_and_goes_on(tmp_path: Path) -> None:
    cartella = tmp_path / "profili"
    cartella.mkdir()
    shutil.copy(ESEMPIO, cartella / "delta.yaml")
    os.mkfifo(cartella / "fifo.yaml")
    (cartella / "zero.yaml").symlink_to("/dev/zero")
    (cartella / "casuale.yml").symlink_to("/dev/urandom")
    risultato = avviamento("review", cartella, "--format", "csv", attesa=60)
    assert risultato.returncode == 1, risultato.stderr
    righe = {r.split(";")[0]: r for r in risultato.stdout.splitlines()[1:]}
    assert len(righe) == 4
    for nome in ("fifo.yaml", "zero.yaml", "casuale.yml"):
        assert "non è un file regolare" in righe[nome], righe
    assert "Unione dei Comuni Terre del Delta" in righe["delta.yaml"]


def test_review_of_a_fifo_named_explicitly_does_not_block(speciali: dict[str, Path]) -> None:
    fifo = speciali["fifo"]
    risultato = avviamento("review", fifo, ESEMPIO, attesa=60)
    assert risultato.returncode == 1, risultato.stderr
    assert "non è un file regolare ma una pipe con nome (FIFO)" in risultato.stdout


def test_read_limited_reads_a_regular_file_through_a_link(tmp_path: Path) -> None:
    from avviamento.yamlio import read_limited

    vero = tmp_path / "vero.yaml"
    vero.write_bytes(b"a: 1\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(vero)
    assert read_limited(link, str(link)) == b"a: 1\n"


def test_review_shows_an_invalid_profile_s_raw_name_escaped_and_short(tmp_path: Path) -> None:
    from avviamento.regole import load_pack_cached
    from avviamento.review.batch import valuta_file
    from avviamento.risorse import default_rules

    path = tmp_path / "sporco.yaml"
    path.write_text('versione_formato: 1\nunione: {nome: "\\e[31mUnione\\nfalsa' + "x" * 3000 + '"}\n')
    riga = valuta_file(path, load_pack_cached(default_rules()), None)
    assert not riga.valido
    assert riga.unione is not None and riga.unione.startswith("\\x1b[31mUnione\\nfalsa")
    assert len(riga.unione) <= 120
    assert "\n" not in riga.errore["it"] and "\x1b" not in riga.errore["it"]


def test_review_reports_a_symlink_loop_as_a_row(tmp_path: Path) -> None:
    cartella = tmp_path / "profili"
    cartella.mkdir()
    shutil.copy(ESEMPIO, cartella / "delta.yaml")
    (cartella / "anello.yaml").symlink_to("anello.yaml")
    risultato = avviamento("review", cartella, "--format", "csv", attesa=60)
    assert risultato.returncode == 1, risultato.stderr
    assert "Traceback" not in risultato.stderr
    assert "anello.yaml:1:1: file non leggibile" in risultato.stdout
