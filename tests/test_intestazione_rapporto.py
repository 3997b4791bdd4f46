"""The check report's header names the packs applied, and shows a computed class only for packs with classes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
LR21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
IMOLA = str(EXAMPLES / "nuovo-circondario-imolese.yaml")


@pytest.mark.parametrize("formato", ["text", "markdown", "html"])
def test_the_lr15_pack_gives_its_title_and_no_class(run: Run, formato: str) -> None:
    out = run("check", IMOLA, "--rules", LR15, "--format", formato).stdout
    assert "Verifica LR Emilia-Romagna 15/2018" in out
    assert "21/2012" not in out
    assert "Classe calcolata" not in out and "dichiarata" not in out
    # a pack without a function catalogue has no (empty) functions section either
    assert "Funzioni" not in out and "Nessuna funzione" not in out


@pytest.mark.parametrize("formato", ["text", "markdown", "html"])
def test_the_default_pack_keeps_its_title_and_class(run: Run, formato: str) -> None:
    out = run("check", IMOLA, "--format", formato).stdout
    assert "Verifica LR Emilia-Romagna 21/2012" in out
    assert "15/2018" not in out
    assert "Classe calcolata" in out
    assert "Funzioni" in out


def test_two_packs_are_both_named_in_italian_and_english(run: Run) -> None:
    out = run("check", IMOLA, "--rules", LR21, "--rules", LR15).stdout
    assert out.splitlines()[0].endswith("Verifica LR Emilia-Romagna 21/2012 e LR Emilia-Romagna 15/2018")
    assert "Classe calcolata" in out  # the first pack has classes
    en = run("check", IMOLA, "--rules", LR15, "--rules", LR21, "--lang", "en").stdout
    first = en.splitlines()[0]
    assert first.endswith("Emilia-Romagna Regional Law 15/2018 and Emilia-Romagna Regional Law 21/2012 check")
    assert "Computed class" not in en  # the first pack (LR 15) has none


def test_the_html_header_lists_every_pack(run: Run) -> None:
    out = run("check", IMOLA, "--rules", LR21, "--rules", LR15, "--format", "html").stdout
    assert "<code>er-lr21-2012</code>" in out and "<code>er-lr15-2018</code>" in out
    assert "<title>Nuovo Circondario Imolese — Verifica LR Emilia-Romagna 21/2012 e LR" in out
