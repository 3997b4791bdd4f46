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

from avviamento.testo import pulisci, senza_controlli
from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, leggi_docx

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


def test_nul_bel_esc_in_names_are_dropped_from_the_acts(run: Run, write: Write, tmp_path: Path) -> None:
    profilo = write(_profilo("Unione\x00 del\x07 Po\x1b[31m", ["Go\x00ro", "Mesola\x1b]0;x\x07"]), "c.yaml")
    out = tmp_path / "bozze"
    result = run("draft", str(profilo), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x00" not in result.output  # nothing drives the terminal
    voci = indice(out)
    assert {v["comune"] for v in voci if v["comune"]} == {"Go\x00ro", "Mesola\x1b]0;x\x07"}  # JSON keeps data
    from docx import Document

    for voce in voci:
        testo = leggi_docx(out / voce["file"])
        assert "Unione del Po[31m" in testo
        assert not CONTROLLI.search(testo)
        proprieta = Document(str(out / voce["file"])).core_properties
        assert proprieta.subject == "Unione del Po[31m"
    delibere = {v["comune"]: leggi_docx(out / v["file"]) for v in voci if v["tipo"] == "delibera"}
    assert "Goro" in delibere["Go\x00ro"] and "Mesola]0;x" in delibere["Mesola\x1b]0;x\x07"]
    assert not CONTROLLI.search((out / "indice.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("nome", ["Unione\nTerre\r\ndel Delta", "Unione\x00\x07\x1b Terre\rdel Delta"])
def test_line_breaks_and_controls_in_the_union_name_make_a_valid_calendar(
    run: Run, write: Write, tmp_path: Path, nome: str
) -> None:
    from icalendar import Calendar

    profilo = write(_profilo(nome, ["Goro", "Mesola"]), "p.yaml")
    ics = tmp_path / "piano.ics"
    result = run("plan", str(profilo), "--ics", str(ics))
    assert result.exit_code == 0, result.output
    dati = ics.read_bytes()
    assert not CONTROLLI.search(dati.replace(b"\r\n", b"").decode("utf-8"))  # only the CRLF line ends
    calendario = Calendar.from_ical(dati)
    atteso = senza_controlli(nome.replace("\r\n", "\n").replace("\r", "\n"))
    # readers do not know X-WR-CALNAME is TEXT: they get it escaped, one line
    assert str(calendario["x-wr-calname"]).startswith(atteso.replace("\n", "\\n"))
    eventi = calendario.walk("vevent")
    assert eventi and all(str(e["summary"]).startswith(atteso) for e in eventi)


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
