"""History and comparison in a real Chromium (Debian's, driven by Playwright) against `avviamento serve`.

The store is given with `serve --storico` and already holds a Union registered from the CLI. Skipped without
`chromium`, unless AVVIAMENTO_REQUIRE_CHROMIUM=1. AVVIAMENTO_SCREENSHOTS=<dir> keeps the screenshots.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, foto, pagina, servito
from tests.conftest import EXAMPLES

INDICATORI = """
indicatori:
  - {funzione: protezione_civile, codice: QS-01, famiglia: qualita, valore: 12, unita: giorni, anno: 2023, fonte: "Ufficio PC"}
  - {funzione: protezione_civile, codice: QS-01, famiglia: qualita, valore: 9.5, unita: giorni, anno: 2024}
  - {funzione: tributi, codice: SE-02, famiglia: sostenibilita, valore: 104000, unita: euro, anno: 2024}
"""


@pytest.fixture(scope="module")
def cartella(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("storico-web")


@pytest.fixture(scope="module")
def server(cartella: Path) -> Iterator[str]:
    chromium()  # no history to register for tests that will be skipped
    storico = cartella / "altrove" / "storico-regione.sqlite3"
    registrato = subprocess.run(
        [sys.executable, "-m", "avviamento", "storico", "registra", str(EXAMPLES / "terre-del-delta.yaml"),
         "--db", str(storico)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert registrato.returncode == 0, registrato.stderr
    with servito("--db", str(cartella / "profili.sqlite3"), "--storico", str(storico)) as (base, riga):
        assert f"storico in {storico}" in riga
        yield base


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # no CSP violation (the charts are inline SVG without styles or scripts); the refused comparison is a 422 page
    with pagina(browser, ignora="status of 422") as vista:
        yield vista


def test_register_two_dates_then_chart_and_compare(
    server: str, page: Any, cartella: Path, tmp_path: Path
) -> None:
    page.goto(server + "/")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Storico").click()
    page.wait_for_url("**/storico")
    assert (
        page.locator("#tabella-unioni tbody tr")
        .all_inner_texts()[0]
        .startswith("Unione dei Comuni Terre del Delta")
    )  # registered from the CLI in the file given with --storico

    profilo = cartella / "terre-d-acqua.yaml"
    profilo.write_text((EXAMPLES / "terre-d-acqua.yaml").read_text(encoding="utf-8") + INDICATORI, "utf-8")
    page.goto(server + "/")
    page.get_by_label("File del profilo (.yaml)").set_input_files(str(profilo))
    page.get_by_role("button", name="Carica e verifica").click()
    page.wait_for_url("**/profili/*/verifica")
    tabelle = page.locator("table.indicatori")
    assert tabelle.count() == 2
    assert "9,5 giorni" in tabelle.first.inner_text()
    tabelle.first.scroll_into_view_if_needed()
    foto(page, tmp_path, "10-verifica-indicatori")

    page.get_by_role("navigation", name="Pagine del profilo").get_by_role("link", name="Storico").click()
    page.wait_for_url("**/profili/*/storico")
    assert page.locator("#storico-vuoto").is_visible()
    for giorno in ("2024-01-15", "2024-06-30"):
        page.get_by_label("Data di valutazione").fill(giorno)
        page.get_by_role("button", name="Ricalcola").click()
        page.wait_for_url(f"**data={giorno}")
        page.get_by_role("button", name="Registra nello storico").click()
        page.wait_for_url("**registrata=nuova*")
        assert page.get_by_role("status").inner_text() == "Valutazione registrata nello storico."
    righe = page.locator("#tabella-storico tbody tr")
    assert righe.count() == 2
    assert [r.split("\t")[0] for r in righe.all_inner_texts()] == ["15 gennaio 2024", "30 giugno 2024"]
    grafico = page.locator("figure.grafico svg").first
    assert grafico.is_visible()
    assert grafico.locator("polyline").count() == 2 and grafico.locator("line.soglia").count() == 2
    riquadro = grafico.bounding_box()
    assert riquadro is not None and riquadro["width"] > 600 and riquadro["x"] + riquadro["width"] <= 1280
    assert page.locator("figure.grafico svg").nth(1).locator("polyline").count() == 2  # the indicators
    foto(page, tmp_path, "11-storico")

    page.get_by_role("navigation", name="Navigazione principale").get_by_role(
        "link", name="Confronta"
    ).click()
    page.wait_for_url("**/confronta")
    page.get_by_label("Prima (valutazione precedente)").select_option(index=0)
    page.get_by_label("Dopo (valutazione successiva)").select_option(index=0)
    page.locator("#data_prima").fill("2024-01-15")
    page.locator("#data_dopo").fill("2024-06-30")
    page.get_by_role("button", name="Confronta", exact=True).click()
    page.wait_for_url("**/confronta?*")
    narrativa = page.locator("#narrativa").inner_text()
    assert narrativa.startswith(
        "Dal 15 gennaio al 30 giugno 2024 l'Unione è passata da non avviata ad avviata: "
        "sono divenute effettive Protezione civile e Tributi"
    )
    assert page.locator(".rilievi-chiusi li").count() == 7
    foto(page, tmp_path, "12-confronta")

    gennaio = tmp_path / "gennaio.yaml"
    gennaio.write_text(profilo.read_text(encoding="utf-8").replace("2024-06-24", "2024-01-15", 1), "utf-8")
    page.get_by_label("Profilo precedente (.yaml)").set_input_files(str(gennaio))
    page.get_by_label("Profilo successivo (.yaml)").set_input_files(str(EXAMPLES / "terre-del-delta.yaml"))
    page.get_by_role("button", name="Confronta i file").click()
    page.wait_for_selector("#errore-confronto")
    assert "i due profili sono di Unioni diverse" in page.locator("#errore-confronto").inner_text()
    page.get_by_label("Profilo precedente (.yaml)").set_input_files(str(gennaio))
    page.get_by_label("Profilo successivo (.yaml)").set_input_files(str(profilo))
    page.get_by_role("button", name="Confronta i file").click()
    page.wait_for_selector("#narrativa")
    assert "passata da non avviata ad avviata" in page.locator("#narrativa").inner_text()
