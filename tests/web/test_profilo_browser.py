"""The Profilo form in a real Chromium (Debian's): a new three-Comuni Union filled with the mouse, saved, verified.

Skipped when `chromium` is not installed, unless AVVIAMENTO_REQUIRE_CHROMIUM=1 (CI installs it).
Screenshots go to AVVIAMENTO_SCREENSHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None and os.environ.get("AVVIAMENTO_REQUIRE_CHROMIUM") != "1":
    pytest.skip("chromium non installato", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from avviamento.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(tmp_path / "p.sqlite3"), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--lang=it-IT",
            ],
            env={**os.environ, "LANG": "it_IT.UTF-8", "LANGUAGE": "it"},
        )
        context = browser.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("AVVIAMENTO_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_new_union_from_nothing_to_its_report(server: str, page: object, tmp_path: Path) -> None:
    p: playwright_api.Page = page  # type: ignore[assignment]
    errors: list[str] = []
    # script errors and CSP refusals; not the 422 of the page with errors, nor a missing favicon
    p.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None,
    )
    p.on("pageerror", lambda e: errors.append(str(e)))
    shots = _shots(tmp_path)
    p.goto(f"{server}/profilo/nuovo")
    p.get_by_label("Data di riferimento").fill("2024-05-15")
    p.get_by_label("Denominazione").fill("Unione dei Comuni del Santerno di Prova")
    p.get_by_label("Provincia").fill("BO")
    p.get_by_label("Classe dichiarata").select_option("costituita")

    # three Comuni from the ISTAT list: choosing the name fills code and population
    comuni = p.locator("#campo-comuni")
    for i, nome in enumerate(["Imola", "Dozza", "Castel del Rio"]):
        if i:
            comuni.get_by_role("button", name="Aggiungi comune").click()
        p.locator(f"#campo-comuni-{i}-nome").fill(nome)
    assert p.locator("#campo-comuni-0-istat").input_value() == "037032"
    assert p.locator("#campo-comuni-2-istat").input_value() == "037014"
    assert int(p.locator("#campo-comuni-1-popolazione").input_value()) > 5000
    p.get_by_label("Preavviso di convocazione del Consiglio (giorni)").first.fill("5")

    # ICT and three key functions, conferred by every Comune: the Union is «avviata»
    funzioni = p.locator("#campo-funzioni")
    for f, codice in enumerate(
        ["sistemi_informativi", "polizia_locale", "protezione_civile", "servizi_sociali"]
    ):
        funzioni.get_by_role("button", name="Aggiungi funzione").click()
        riga = p.locator(f"#campo-funzioni-{f}")
        p.locator(f"#campo-funzioni-{f}-codice").select_option(codice)
        for c in range(3):
            assert p.locator(f"#campo-funzioni-{f}-conferimenti-{c}-comune").input_value() in (
                "Imola",
                "Dozza",
                "Castel del Rio",
            )
            p.locator(f"#campo-funzioni-{f}-conferimenti-{c}-delibera-numero").fill(str(10 + c))
            p.locator(f"#campo-funzioni-{f}-conferimenti-{c}-delibera-data").fill(f"2023-1{c}-0{f + 1}")
        riga.get_by_label("Sottoscrizione").fill("2024-01-10")
        riga.get_by_label("Durata").fill("indeterminata")
        riga.get_by_label("Riparto delle spese").fill("popolazione")
        p.locator(f"#campo-funzioni-{f}-avvio").fill("2024-02-01")
        riga.get_by_label("Conferimento integrale").select_option("true")
        p.locator(f"#campo-funzioni-{f}-personale").fill("2,5")
    p.screenshot(path=str(shots / "profilo-nuovo.png"), full_page=True)

    # one mistake first: every error is listed at once, and the form keeps what was typed
    p.get_by_label("Provincia").fill("Bologna")
    p.locator("#campo-comuni-1-istat").fill("37025")
    p.get_by_role("button", name="Salva e verifica").last.click()
    riepilogo = p.locator("#riepilogo-errori")
    assert riepilogo.is_visible()
    assert riepilogo.locator("li").count() == 2
    assert "Unione › Provincia" in riepilogo.inner_text()
    p.screenshot(path=str(shots / "profilo-errori.png"), full_page=False)
    riepilogo.get_by_role("link", name="Comune 2 › Codice ISTAT").click()
    assert p.locator("#campo-comuni-1-istat").get_attribute("aria-invalid") == "true"
    assert p.locator("#campo-funzioni-3-personale").input_value() == "2.5"

    p.get_by_label("Provincia").fill("BO")
    p.locator("#campo-comuni-1-istat").fill("037025")
    p.get_by_role("button", name="Salva e verifica").last.click()
    p.wait_for_url("**/profili/*/verifica")
    assert p.locator(".classe").get_attribute("data-classe") == "avviata"
    p.screenshot(path=str(shots / "profilo-verifica.png"), full_page=False)
    assert errors == []
