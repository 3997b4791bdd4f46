"""In a real Chromium (Debian's, driven by Playwright) against a real uvicorn server on 127.0.0.1.

Skipped when `chromium` is not installed, unless AVVIAMENTO_REQUIRE_CHROMIUM=1 (CI sets it): then it must run.
Screenshots land in the test's tmp dir (AVVIAMENTO_SCREENSHOTS=<dir> keeps them elsewhere, to look at).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.conftest import EXAMPLES

ARGOMENTI = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _chromium() -> str:
    eseguibile = shutil.which("chromium")
    if eseguibile is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_CHROMIUM") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_CHROMIUM=1 but chromium is not installed")
        pytest.skip("chromium is not installed")
    return eseguibile


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _chromium()
    db = tmp_path_factory.mktemp("db") / "profili.sqlite3"
    processo = subprocess.Popen(
        [sys.executable, "-m", "avviamento", "serve", "--port", "0", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert processo.stdout is not None
        riga = processo.stdout.readline()  # printed once the socket is bound
        trovato = re.search(r"aperto su (http://127\.0\.0\.1:\d+)/", riga)
        if trovato is None:
            pytest.fail(f"serve did not start: {riga!r} {processo.stderr.read() if processo.stderr else ''}")
        base = trovato.group(1)
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("serve did not answer within 10 s")
        yield base
    finally:
        processo.terminate()
        processo.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    eseguibile = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=eseguibile, args=ARGOMENTI)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    contesto = browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="it-IT"
    )
    pagina = contesto.new_page()
    errori: list[str] = []
    pagina.on("console", lambda m: errori.append(m.text) if m.type == "error" else None)
    pagina.on("pageerror", lambda e: errori.append(str(e)))
    yield pagina
    contesto.close()
    assert errori == []  # no CSP violation, no script error


def _foto(pagina: Any, tmp_path: Path, nome: str) -> Path:
    cartella = Path(os.environ.get("AVVIAMENTO_SCREENSHOTS") or tmp_path)
    cartella.mkdir(parents=True, exist_ok=True)
    percorso = cartella / f"{nome}.png"
    pagina.screenshot(path=str(percorso), full_page=True)
    assert percorso.stat().st_size > 10_000
    return percorso


def test_upload_report_draft_zip_plan(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    _foto(page, tmp_path, "01-home")
    page.get_by_label("File del profilo (.yaml)").set_input_files(str(EXAMPLES / "terre-del-delta.yaml"))
    page.get_by_role("button", name="Carica e verifica").click()
    page.wait_for_url("**/profili/*/verifica")
    assert page.locator("dd.classe").inner_text().strip().lower() == "non avviata"
    assert page.get_by_role("heading", name="Unione dei Comuni Terre del Delta", level=1).is_visible()
    _foto(page, tmp_path, "02-verifica")

    page.get_by_role("navigation", name="Pagine del profilo").get_by_role("link", name="Atti").click()
    page.wait_for_url("**/atti")
    assert page.locator('input[name="file"]').count() == 22
    _foto(page, tmp_path, "03-atti")
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
    _foto(page, tmp_path, "04-cronoprogramma")


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
    _foto(page, tmp_path, "05-istruttoria")

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
