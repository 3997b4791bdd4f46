"""The Profilo form in a real Chromium (Debian's): a new three-Comuni Union filled with the mouse, saved, verified.

Server, browser and screenshots as in test_browser.py (skipped without chromium unless AVVIAMENTO_REQUIRE_CHROMIUM=1).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import foto, pagina


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # script errors and CSP refusals; not the 422 status of the form shown again with its errors
    with pagina(browser, ignora="status of 422") as vista:
        yield vista


def test_a_new_union_from_nothing_to_its_report(server: str, page: Any, tmp_path: Path) -> None:
    p = page
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
    foto(p, tmp_path, "profilo-nuovo")

    # one mistake first: every error is listed at once, and the form keeps what was typed
    p.get_by_label("Provincia").fill("Bologna")
    p.locator("#campo-comuni-1-istat").fill("37025")
    p.get_by_role("button", name="Salva e verifica").last.click()
    riepilogo = p.locator("#riepilogo-errori")
    assert riepilogo.is_visible()
    assert riepilogo.locator("li").count() == 2
    assert "Unione › Provincia" in riepilogo.inner_text()
    foto(p, tmp_path, "profilo-errori")
    riepilogo.get_by_role("link", name="Comune 2 › Codice ISTAT").click()
    assert p.locator("#campo-comuni-1-istat").get_attribute("aria-invalid") == "true"
    assert p.locator("#campo-funzioni-3-personale").input_value() == "2.5"

    p.get_by_label("Provincia").fill("BO")
    p.locator("#campo-comuni-1-istat").fill("037025")
    p.get_by_role("button", name="Salva e verifica").last.click()
    p.wait_for_url("**/profili/*/verifica")
    assert p.locator(".classe").get_attribute("data-classe") == "avviata"
    foto(p, tmp_path, "profilo-verifica")
