"""The text report written by hand on a pipe is what rich draws without colour or width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from avviamento.cli.common import load_rules_list
from avviamento.engine import evaluate_packs
from avviamento.profilo import load_profile
from avviamento.reporters.text import Righe, render

ESEMPI = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("esempio", ESEMPI, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_plain_text_is_rich_without_colour_or_width(esempio: Path, lang: str) -> None:
    esito = evaluate_packs(load_profile(esempio), load_rules_list(None), None)
    semplice = render(esito, lang)  # type: ignore[arg-type]
    assert semplice.startswith(esito.unione + " — ")
    # the same lines drawn by rich: render with colour, then without its escape sequences
    disegnato = render(esito, lang, color=True)  # type: ignore[arg-type]
    assert "\x1b[1m" in disegnato
    assert re.sub(r"\x1b\[[0-9;]*m", "", disegnato) == semplice


def test_pieces_and_paragraphs() -> None:
    righe = Righe()
    righe.riga(("Unione", "bold"), " — verifica")
    righe.riga()
    righe.paragrafo("una riga lunga " * 8, 4, 2, ("✔", "green"))
    assert righe.testo() == "Unione — verifica\n\n  ✔ " + "una riga lunga " * 8 + "\n"
    assert righe.disegna(color=False, width=None) == righe.testo()
    stretto = righe.disegna(color=False, width=40).splitlines()
    assert stretto[2] == "  ✔ una riga lunga una riga lunga una"
    assert all(riga.startswith("    ") for riga in stretto[3:]) and max(map(len, stretto)) <= 40
