"""History and comparison in the browser (TestClient): the Storico pages, /confronta, their API; the Verifica
page's indicators."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES
from tests.web.conftest import csrf

INDICATORI = """
indicatori:
  - {funzione: protezione_civile, codice: QS-01, famiglia: qualita, valore: 12, unita: giorni, anno: 2023, fonte: "Ufficio <PC>"}
  - {funzione: tributi, codice: SE-02, famiglia: sostenibilita, valore: 104000.5, unita: euro, anno: 2024}
"""


def carica_testo(client: TestClient, testo: str, nome: str = "tda.yaml") -> int:
    risposta = client.post(
        "/profili/carica",
        data={"csrf": csrf(client)},
        files=[("profilo", (nome, testo.encode("utf-8"), "application/yaml"))],
        follow_redirects=False,
    )
    assert risposta.status_code == 303, risposta.text
    trovato = re.fullmatch(r"/profili/(\d+)/verifica", risposta.headers["location"])
    assert trovato
    return int(trovato.group(1))


def tda(extra: str = "") -> str:
    return (EXAMPLES / "terre-d-acqua.yaml").read_text(encoding="utf-8") + extra


def test_the_verifica_page_shows_the_indicators_per_function(client: TestClient) -> None:
    id = carica_testo(client, tda(INDICATORI))
    pagina = client.get(f"/profili/{id}/verifica").text
    sezione = pagina[
        pagina.index("Indicatori (Carta d'identità delle Unioni)") : pagina.index("Rilievi aperti")
    ]
    assert [c for c in re.findall(r"<caption>([^<]*)</caption>", sezione)] == ["Protezione civile", "Tributi"]
    assert "qualità del servizio" in sezione and "sostenibilità economica" in sezione
    assert '<td class="num">104000,5 euro</td>' in sezione
    assert "Ufficio &lt;PC&gt;" in sezione
    senza = carica_testo(client, tda())
    assert "<h2>Indicatori" not in client.get(f"/profili/{senza}/verifica").text
