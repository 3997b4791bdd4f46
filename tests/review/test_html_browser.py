"""The review's HTML table in a real Chromium (Debian's, via Playwright): sorting, filtering, and no script.

Skipped when `chromium` is not installed, unless AVVIAMENTO_REQUIRE_CHROMIUM=1 (CI sets it): then it must run.
Screenshots land in the test's tmp dir (AVVIAMENTO_SCREENSHOTS=<dir> keeps them elsewhere, to look at).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

Run = Callable[..., Result]


def _chromium() -> str:
    eseguibile = shutil.which("chromium")
    if eseguibile is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_CHROMIUM") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_CHROMIUM=1 but chromium is not installed")
        pytest.skip("chromium is not installed")
    return eseguibile


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    eseguibile = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=eseguibile, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def rapporto(run: Run, cartella: Path, tmp_path: Path) -> Path:
    out = tmp_path / "istruttoria.html"
    run("review", str(cartella), "--format", "html", "--out", str(out), "--as-of", "2024-06-01")
    return out


def _foto(pagina: Any, tmp_path: Path, nome: str) -> None:
    cartella = Path(os.environ.get("AVVIAMENTO_SCREENSHOTS") or tmp_path)
    cartella.mkdir(parents=True, exist_ok=True)
    percorso = cartella / f"{nome}.png"
    pagina.screenshot(path=str(percorso), full_page=True)
    assert percorso.stat().st_size > 10_000


def _visibili(pagina: Any, colonna: int) -> list[str]:
    """The text in one column of the rows shown, in order ("" where an invalid row's error spans it)."""
    testi: list[str] = pagina.evaluate(
        """c => Array.from(document.querySelectorAll("#profili tbody tr"))
        .filter(r => !r.hidden)
        .map(r => r.cells.length > c && r.cells.length === 8 || c < 3 ? r.cells[c].textContent.trim() : "")""",
        colonna,
    )
    return testi


def test_sort_by_a_header_and_filter_by_text_class_and_validity(
    browser: Any, rapporto: Path, tmp_path: Path
) -> None:
    contesto = browser.new_context(viewport={"width": 1280, "height": 900})
    pagina = contesto.new_page()
    errori: list[str] = []
    pagina.on("pageerror", lambda e: errori.append(str(e)))
    pagina.goto(rapporto.as_uri())
    conta = pagina.locator("#conta")
    assert conta.inner_text() == "Profili mostrati: 8 su 8"

    pagina.get_by_role("button", name="Errori").click()
    assert pagina.locator("th", has_text="Errori").get_attribute("aria-sort") == "ascending"
    numeri = [int(n) for n in _visibili(pagina, 6)[:6]]
    assert numeri == sorted(numeri) and len(set(numeri)) > 1
    # the two invalid profiles (no count) go last
    assert [v.endswith("no") for v in _visibili(pagina, 2)] == [False] * 6 + [True] * 2
    pagina.get_by_role("button", name="Errori").click()
    discendenti = [int(n) for n in _visibili(pagina, 6)[:6]]
    assert discendenti == sorted(numeri, reverse=True)
    pagina.get_by_role("button", name="File").click()
    file = _visibili(pagina, 0)
    assert file == sorted(file) and file[0] == "nuovo-circondario-imolese.yaml"
    _foto(pagina, tmp_path, "istruttoria-ordinata")

    pagina.get_by_label("Cerca").fill("DELTA")  # case and accents do not matter
    assert _visibili(pagina, 1) == ["Unione dei Comuni Terre del Delta"]
    assert conta.inner_text() == "Profili mostrati: 1 su 8"
    pagina.get_by_label("Cerca").fill("")
    pagina.get_by_label("Validità").select_option(label="non validi")
    assert _visibili(pagina, 0) == ["rotto.yaml", "tipo-errato.yaml"]
    pagina.get_by_label("Validità").select_option(label="tutti")
    pagina.get_by_label("Classe calcolata").select_option(label="avviata")
    assert _visibili(pagina, 4) == ["avviata", "avviata"]  # Terre d'Acqua, sent twice
    _foto(pagina, tmp_path, "istruttoria-filtrata")
    contesto.close()
    assert errori == []


def test_without_javascript_it_is_a_plain_table(browser: Any, rapporto: Path, tmp_path: Path) -> None:
    contesto = browser.new_context(java_script_enabled=False)
    pagina = contesto.new_page()
    pagina.goto(rapporto.as_uri())
    assert pagina.locator("#profili tbody tr:visible").count() == 8
    assert not pagina.locator("#filtri").is_visible()
    assert pagina.locator("#profili th button").count() == 0
    _foto(pagina, tmp_path, "istruttoria-senza-script")
    contesto.close()
