"""In a real Chromium (Debian's, driven by Playwright) against a real uvicorn server on 127.0.0.1.

Chromium and screenshots from tests/browser.py, the server from tests/web/conftest.py (skipped without
`chromium` unless AVVIAMENTO_REQUIRE_CHROMIUM=1; AVVIAMENTO_SCREENSHOTS=<dir> keeps the screenshots).
"""

from __future__ import annotations

import io
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.browser import foto, pagina
from tests.conftest import EXAMPLES


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with pagina(browser, accept_downloads=True) as vista:  # no CSP violation, no script error
        yield vista


def test_upload_report_draft_zip_plan(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    foto(page, tmp_path, "01-home")
    page.get_by_label("File del profilo (.yaml)").set_input_files(str(EXAMPLES / "terre-del-delta.yaml"))
    page.get_by_role("button", name="Carica e verifica").click()
    page.wait_for_url("**/profili/*/verifica")
    assert page.locator("dd.classe").inner_text().strip().lower() == "non avviata"
    assert page.get_by_role("heading", name="Unione dei Comuni Terre del Delta", level=1).is_visible()
    foto(page, tmp_path, "02-verifica")

    page.get_by_role("navigation", name="Pagine del profilo").get_by_role("link", name="Atti").click()
    page.wait_for_url("**/atti")
    assert page.locator('input[name="file"]').count() == 22
    foto(page, tmp_path, "03-atti")
    with page.expect_download() as scaricamento:
        page.get_by_role("button", name="Scarica gli atti selezionati (ZIP)").click()
    zip_path = tmp_path / "atti.zip"
    scaricamento.value.save_as(zip_path)
    archivio = zipfile.ZipFile(zip_path)
    assert "indice.json" in archivio.namelist()
    docx = next(n for n in archivio.namelist() if n.startswith("delibere/"))
    testo = "\n".join(p.text for p in Document(io.BytesIO(archivio.read(docx))).paragraphs)
    assert "Consiglio comunale" in testo

    page.get_by_role("navigation", name="Pagine del profilo").get_by_role(
        "link", name="Cronoprogramma"
    ).click()
    page.wait_for_url("**/cronoprogramma")
    assert page.locator("svg.linea-tempo circle").count() == 57
    page.get_by_label("Data di valutazione").fill("2024-07-01")
    page.get_by_role("button", name="Ricalcola").click()
    page.wait_for_url("**/cronoprogramma?*")
    assert page.locator("tr.in-ritardo").count() > 0
    foto(page, tmp_path, "04-cronoprogramma")


def test_verifica_with_the_lr15_pack(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    page.get_by_label("File del profilo (.yaml)").set_input_files(
        str(EXAMPLES / "nuovo-circondario-imolese.yaml")
    )
    page.get_by_role("button", name="Carica e verifica").click()
    page.wait_for_url("**/profili/*/verifica")
    scelta = page.get_by_role("group", name="Regole da applicare")
    assert scelta.get_by_role("radio", name="LR 21/2012 — funzioni delle Unioni").is_checked()
    assert page.locator(".titolo-verifica").inner_text() == "Verifica LR Emilia-Romagna 21/2012"

    scelta.get_by_role("radio", name="LR 15/2018 — processi partecipativi").check()
    page.get_by_role("button", name="Ricalcola").click()
    page.wait_for_url("**/verifica?regole=er-lr15-2018*")
    assert page.get_by_role("radio", name="LR 15/2018 — processi partecipativi").is_checked()
    assert page.locator(".titolo-verifica").inner_text() == "Verifica LR Emilia-Romagna 15/2018"
    assert page.locator("dd.classe").count() == 0  # the LR 15 pack has no classes
    chiuse = page.locator("details.chiusi")
    chiuse.locator("summary").click()
    codici = chiuse.locator(".codice").all_inner_texts()
    assert "PP-001" in codici and "PP-101" in codici and not any(c.startswith("ER-") for c in codici)
    foto(page, tmp_path, "06-verifica-lr15")

    page.get_by_role("radio", name="Entrambe: LR 21/2012 e LR 15/2018").check()
    page.get_by_role("button", name="Ricalcola").click()
    page.wait_for_url("**/verifica?regole=er-lr21-2012%2Cer-lr15-2018*")
    titolo = "Verifica LR Emilia-Romagna 21/2012 e LR Emilia-Romagna 15/2018"
    assert page.locator(".titolo-verifica").inner_text() == titolo
    assert page.locator("dd.classe").inner_text().strip().lower() == "in sviluppo"
    foto(page, tmp_path, "07-verifica-entrambe")


def test_istruttoria_sort_and_filter(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/istruttoria")
    nomi = ["terre-del-delta.yaml", "nuovo-circondario-imolese.yaml", "terre-d-acqua.yaml"]
    page.get_by_label("Profili (.yaml, .yml) o un archivio .zip").set_input_files(
        [str(EXAMPLES / n) for n in nomi]
    )
    page.get_by_label("Data di valutazione (facoltativa)").fill("2024-06-30")
    page.get_by_role("button", name="Esegui l'istruttoria").click()
    page.wait_for_selector("#tabella-istruttoria")
    righe = page.locator("#tabella-istruttoria tbody tr")
    assert righe.count() == 3

    def classi() -> list[str]:
        return [
            c.strip() for c in page.locator("#tabella-istruttoria tbody tr td:nth-child(4)").all_inner_texts()
        ]

    def classi_visibili() -> list[str]:
        celle = page.locator("#tabella-istruttoria tbody tr:not([hidden]) td:nth-child(4)")
        return [c.strip() for c in celle.all_inner_texts()]

    pulsante = page.get_by_role("button", name="Ordina per classe calcolata")
    pulsante.click()
    assert classi() == ["non avviata", "avviata", "in sviluppo"]
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    pulsante.click()
    assert classi() == ["in sviluppo", "avviata", "non avviata"]
    foto(page, tmp_path, "05-istruttoria")

    page.get_by_label("Filtra per classe calcolata").select_option("avviata")
    visibili = page.locator("#tabella-istruttoria tbody tr:not([hidden])")
    assert visibili.count() == 1
    assert "Terre d'Acqua" in visibili.inner_text()
    assert page.locator("#conteggio-righe").inner_text() == "1 profili su 3"
    page.get_by_label("Filtra per classe calcolata").select_option("")
    page.get_by_label("Filtra per stato").select_option("non_conforme")
    assert classi_visibili() == ["non avviata"]  # Terre del Delta: 10 open errors at 2024-06-30
    page.get_by_label("Filtra per stato").select_option("conforme")
    assert classi_visibili() == ["in sviluppo", "avviata"]
    page.get_by_label("Filtra per stato").select_option("")

    page.get_by_role("link", name="Unione dei Comuni Terre del Delta").click()
    rapporto = page.locator(".rapporto:target")
    assert rapporto.is_visible()
    assert "ER-004" in rapporto.inner_text()


def test_foreign_host_header_is_refused(server: str) -> None:
    """DNS rebinding: without a token, only requests addressed to a loopback name are answered."""
    richiesta = urllib.request.Request(server + "/", headers={"Host": "sito-ostile.example"})
    with pytest.raises(urllib.error.HTTPError) as errore:
        urllib.request.urlopen(richiesta, timeout=5)
    assert errore.value.code == 400


def test_keyboard_reaches_the_upload(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Vai al contenuto"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenuto"
