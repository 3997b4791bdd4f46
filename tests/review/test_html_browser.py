"""The review's HTML table in a real Chromium (Debian's, via Playwright): sorting, filtering, and no script.

Chromium and screenshots from tests/browser.py (skipped without `chromium` unless AVVIAMENTO_REQUIRE_CHROMIUM=1;
AVVIAMENTO_SCREENSHOTS=<dir> keeps the screenshots).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.browser import foto, pagina

Run = Callable[..., Result]


@pytest.fixture
def rapporto(run: Run, cartella: Path, tmp_path: Path) -> Path:
    out = tmp_path / "istruttoria.html"
    run("review", str(cartella), "--format", "html", "--out", str(out), "--as-of", "2024-06-01")
    return out


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
    with pagina(browser) as vista:  # no script error, no CSP refusal
        vista.goto(rapporto.as_uri())
        conta = vista.locator("#conta")
        assert conta.inner_text() == "Profili mostrati: 8 su 8"

        vista.get_by_role("button", name="Errori").click()
        assert vista.locator("th", has_text="Errori").get_attribute("aria-sort") == "ascending"
        numeri = [int(n) for n in _visibili(vista, 6)[:6]]
        assert numeri == sorted(numeri) and len(set(numeri)) > 1
        # the two invalid profiles (no count) go last
        assert [v.endswith("no") for v in _visibili(vista, 2)] == [False] * 6 + [True] * 2
        vista.get_by_role("button", name="Errori").click()
        discendenti = [int(n) for n in _visibili(vista, 6)[:6]]
        assert discendenti == sorted(numeri, reverse=True)
        vista.get_by_role("button", name="File").click()
        file = _visibili(vista, 0)
        assert file == sorted(file) and file[0] == "nuovo-circondario-imolese.yaml"
        foto(vista, tmp_path, "istruttoria-ordinata")

        vista.get_by_label("Cerca").fill("DELTA")  # case and accents do not matter
        assert _visibili(vista, 1) == ["Unione dei Comuni Terre del Delta"]
        assert conta.inner_text() == "Profili mostrati: 1 su 8"
        vista.get_by_label("Cerca").fill("")
        vista.get_by_label("Validità").select_option(label="non validi")
        assert _visibili(vista, 0) == ["rotto.yaml", "tipo-errato.yaml"]
        vista.get_by_label("Validità").select_option(label="tutti")
        vista.get_by_label("Classe calcolata").select_option(label="avviata")
        assert _visibili(vista, 4) == ["avviata", "avviata"]  # Terre d'Acqua, sent twice
        foto(vista, tmp_path, "istruttoria-filtrata")


def test_without_javascript_it_is_a_plain_table(browser: Any, rapporto: Path, tmp_path: Path) -> None:
    with pagina(browser, java_script_enabled=False) as vista:
        vista.goto(rapporto.as_uri())
        assert vista.locator("#profili tbody tr:visible").count() == 8
        assert not vista.locator("#filtri").is_visible()
        assert vista.locator("#profili th button").count() == 0
        foto(vista, tmp_path, "istruttoria-senza-script")
