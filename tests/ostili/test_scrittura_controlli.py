"""Control characters and line breaks in names never crash a writer; odd targets get a real one-line reason."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.testo import pulisci
from tests.conftest import EXAMPLES

Run = Callable[..., Result]
Write = Callable[[str, str], Path]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")
CONTROLLI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _profilo(unione: str, comuni: list[str]) -> str:
    righe = [
        "versione_formato: 1",
        "data_riferimento: 2024-03-01",
        "unione:",
        f"  nome: {json.dumps(unione)}",
        "  classe_dichiarata: costituita",
        "comuni:",
        *[f"  - nome: {json.dumps(nome)}" for nome in comuni],
        "funzioni:",
        "  - codice: sistemi_informativi",
        "    conferimenti: []",
    ]
    return "\n".join(righe) + "\n"


@pytest.mark.parametrize("comando", ["draft", "plan"])
@pytest.mark.parametrize("nome", ["Unione\x00 del\x07 Po\x1b[31m", "Unione\nTerre\r\ndel Delta"])
def test_control_characters_in_names_are_refused_before_any_writer(
    run: Run, write: Write, tmp_path: Path, comando: str, nome: str
) -> None:
    # The profile refuses them (one line naming the field); the writers' own cleaning (pulisci, below) is a
    # second line of defence for texts that reach them by other ways.
    profilo = write(_profilo(nome, ["Goro", "Mesola"]), "c.yaml")
    out = tmp_path / "uscita"
    args = ["--out", str(out)] if comando == "draft" else ["--ics", str(out)]
    result = run(comando, str(profilo), *args)
    assert result.exit_code == 2
    [riga] = result.stderr.splitlines()
    assert riga.startswith(f"{profilo}:4:9: 'unione.nome': contiene un carattere di controllo")
    assert "\x1b" not in result.output and "\x00" not in result.output  # nothing drives the terminal
    assert not out.exists()


def test_pulisci_walks_nested_contexts() -> None:
    assert pulisci({"a": ["x\x00y", ("\x1bz",)], "b": 3, "c": None}) == {
        "a": ["xy", ("z",)],
        "b": 3,
        "c": None,
    }


def test_review_out_to_a_dangling_symlink_says_why(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.html"
    out.symlink_to(tmp_path / "manca" / "x.html")
    result = run("review", str(EXAMPLES), "--format", "html", "--out", str(out))
    assert result.exit_code == 2
    righe = result.output.strip().splitlines()
    assert len(righe) == 1 and "collegamento simbolico" in righe[0] and str(out) in righe[0], result.output
    assert out.is_symlink()
    result = run("review", str(EXAMPLES), "--format", "html", "--out", str(out), "--force")
    assert result.exit_code in (0, 1), result.output
    assert out.is_file() and not out.is_symlink()


@pytest.mark.parametrize("comando", ["plan", "review"])
def test_force_never_replaces_a_fifo(run: Run, tmp_path: Path, comando: str) -> None:
    fifo = tmp_path / "uscita.txt"
    os.mkfifo(fifo)
    if comando == "plan":
        result = run("plan", DELTA, "--ics", str(fifo), "--force")
    else:
        result = run("review", str(EXAMPLES), "--out", str(fifo), "--force")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "FIFO" in result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["uscita.txt"]
