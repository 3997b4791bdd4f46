"""History and comparison in the browser (TestClient): the Storico pages, /confronta, their API; the Verifica
page's indicators."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from typer.testing import Result

from avviamento.web.app import create_app
from tests.conftest import EXAMPLES
from tests.web.conftest import csrf

Run = Callable[..., Result]

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


def _svg(html: str) -> ET.Element:
    return ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])


def _registra(client: TestClient, id: int, data: str | None, token: str | None = None) -> Response:
    campi = {"csrf": token if token is not None else csrf(client)} | ({"data": data} if data else {})
    return client.post(f"/profili/{id}/storico", data=campi, follow_redirects=False)


def test_register_from_the_page_then_timeline_chart_and_list(
    client: TestClient, run: Run, tmp_path: Path
) -> None:
    id = carica_testo(client, tda())
    vuota = client.get(f"/profili/{id}/storico")
    assert vuota.status_code == 200 and 'id="storico-vuoto"' in vuota.text and "<svg" not in vuota.text
    assert "Lo storico è vuoto." in client.get("/storico").text

    # registered out of order: the page shows them in date order
    risposta = _registra(client, id, "2024-06-30")
    assert risposta.status_code == 303
    assert risposta.headers["location"] == f"/profili/{id}/storico?registrata=nuova&data=2024-06-30"
    assert _registra(client, id, "2024-01-15").status_code == 303
    ripetuta = _registra(client, id, "2024-01-15")
    assert ripetuta.headers["location"].startswith(f"/profili/{id}/storico?registrata=presente")
    assert "già nello storico" in client.get(ripetuta.headers["location"]).text

    pagina = client.get(f"/profili/{id}/storico?data=2024-01-15").text
    assert "Questa valutazione è già registrata" in pagina
    tabella = pagina[pagina.index('id="tabella-storico"') : pagina.index("</table>")]
    assert tabella.index("15 gennaio 2024") < tabella.index("30 giugno 2024")
    assert re.findall(r'<span class="etichetta-classe">([^<]+)</span>', tabella) == ["non avviata", "avviata"]
    grafico = _svg(pagina)
    ns = "{http://www.w3.org/2000/svg}"
    assert {e.get("data-classe") for e in grafico.iter(f"{ns}line") if e.get("class") == "soglia"} == {
        "avviata", "in_sviluppo",
    }  # fmt: skip
    assert all(len((e.get("points") or "").split()) == 2 for e in grafico.iter(f"{ns}polyline"))

    # the page writes the CLI's store: `storico mostra` reads the same two evaluations
    db = str(tmp_path / "storico.sqlite3")
    cli = json.loads(run("storico", "mostra", "acqua", "--db", db, "--format", "json").stdout)
    assert [v["data_valutazione"] for v in cli] == ["2024-01-15", "2024-06-30"]
    assert client.get("/api/storico/acqua").json() == cli
    assert client.get("/api/storico/03011230376").json() == cli
    assert client.get("/api/storico").json() == json.loads(
        run("storico", "elenco", "--db", db, "--format", "json").stdout
    )

    elenco = client.get("/storico").text
    [collegamento] = re.findall(r'href="(/storico/[^"]+)"', elenco)
    assert "Unione Terre d&#39;Acqua" in elenco
    unione = client.get(collegamento)
    assert unione.status_code == 200 and "Registra nello storico" not in unione.text
    assert ET.tostring(_svg(unione.text)) == ET.tostring(grafico)
    assert f'href="/profili/{id}/storico"' in unione.text  # the stored profile of that Union


def test_registering_needs_the_page_token(client: TestClient, tmp_path: Path) -> None:
    id = carica_testo(client, tda())
    assert _registra(client, id, None, token="falso").status_code == 403
    senza = client.post(f"/profili/{id}/storico", data={}, follow_redirects=False)
    assert senza.status_code == 403
    assert client.get("/api/storico").json() == []
    assert _registra(client, 999, None).status_code == 404


def test_the_indicators_are_charted_on_the_storico_page(client: TestClient) -> None:
    id = carica_testo(client, tda(INDICATORI))
    _registra(client, id, None)
    pagina = client.get(f"/profili/{id}/storico").text
    assert pagina.count("<svg") == 2
    ns = "{http://www.w3.org/2000/svg}"
    secondo = ET.fromstring(pagina[pagina.rindex("<svg") : pagina.rindex("</svg>") + 6])
    assert {e.get("data-codice") for e in secondo.iter(f"{ns}polyline")} == {"QS-01", "SE-02"}
    assert "Ufficio &lt;PC&gt;" not in pagina  # the chart shows values, and the page escapes the rest


def test_unknown_or_ambiguous_union(client: TestClient) -> None:
    for testo in (tda(), (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8")):
        _registra(client, carica_testo(client, testo), None)
    nessuna = client.get("/api/storico/Pianura")
    assert nessuna.status_code == 404
    assert nessuna.json() == {"errore": "avviamento: storico: nessuna Unione «Pianura» nello storico"}
    ambigua = client.get("/api/storico/terre")
    assert ambigua.status_code == 422 and "indica più Unioni" in ambigua.json()["errore"]
    pagina = client.get("/storico/Pianura")
    assert pagina.status_code == 404 and "nessuna Unione «Pianura» nello storico" in pagina.text


@pytest.mark.parametrize("tipo", ["garbage", "foreign", "directory"])
def test_a_corrupt_store_is_one_italian_line_and_never_modified(tmp_path: Path, tipo: str) -> None:
    percorso = tmp_path / "storico.sqlite3"
    if tipo == "garbage":
        percorso.write_bytes(b"non sono un database\n" * 100)
    elif tipo == "foreign":
        with closing(sqlite3.connect(percorso)) as con, con:
            con.execute("CREATE TABLE clienti (nome TEXT)")
    else:
        percorso.mkdir()
    prima = percorso.read_bytes() if percorso.is_file() else b""
    app = create_app(tmp_path / "profili.sqlite3", storico_path=percorso)
    with TestClient(app, raise_server_exceptions=False) as client:
        id = carica_testo(client, tda())
        for risposta in (
            client.get("/storico"),
            client.get("/storico/acqua"),
            client.get(f"/profili/{id}/storico"),
            _registra(client, id, None),
        ):
            assert risposta.status_code == 422
            [riga] = re.findall(r'<code class="riga-errore">([^<]*)</code>', risposta.text)
            assert riga.startswith("storico.sqlite3:1:1: ") and "\n" not in riga
            assert "Traceback" not in risposta.text
        for api in ("/api/storico", "/api/storico/acqua"):
            risposta = client.get(api)
            assert risposta.status_code == 422
            assert risposta.json()["errore"].startswith("storico.sqlite3:1:1: ")
        assert client.get(f"/profili/{id}/verifica").status_code == 200  # the rest keeps working
    if tipo != "directory":
        assert percorso.read_bytes() == prima
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profili.sqlite3", "storico.sqlite3"]


def test_navigation_and_tabs_link_the_new_pages(client: TestClient) -> None:
    id = carica_testo(client, tda())
    navigazione = client.get("/").text
    assert (
        '<a href="/storico">Storico</a>' in navigazione
        and '<a href="/confronta">Confronta</a>' in navigazione
    )
    assert f'href="/profili/{id}/storico"' in client.get(f"/profili/{id}/verifica").text
    assert '<a href="/storico" aria-current="page">Storico</a>' in client.get("/storico").text


# --- confronta ---


def test_compare_one_stored_profile_at_two_dates_as_the_cli(client: TestClient, run: Run) -> None:
    id = carica_testo(client, tda())
    pagina = client.get(f"/confronta?prima={id}&dopo={id}&data_prima=2024-01-15&data_dopo=2024-06-30")
    assert pagina.status_code == 200
    percorso = str(EXAMPLES / "terre-d-acqua.yaml")
    argomenti = ("--as-of-prima", "2024-01-15", "--as-of-dopo", "2024-06-30")
    testo = run("confronta", percorso, percorso, *argomenti).stdout
    narrativa = html.unescape(re.findall(r'id="narrativa">([^<]*)</p>', pagina.text)[0])
    assert narrativa == testo.splitlines()[2]
    assert narrativa.startswith(
        "Dal 15 gennaio al 30 giugno 2024 l'Unione è passata da non avviata ad avviata"
    )
    dati = json.loads(run("confronta", percorso, percorso, *argomenti, "--format", "json").stdout)
    for chiave in ("chiusi", "aperti", "persistenti"):
        sezione = pagina.text.split(f'id="t-{chiave}">')[1].split("</h3>")[0]
        assert sezione.endswith(f"({len(dati['rilievi_' + chiave])})")
        codici = re.findall(
            r'<span class="codice">([^<]+)</span>', pagina.text.split(f'id="t-{chiave}">')[1].split("<h3")[0]
        )
        assert codici == [r["regola"] for r in dati["rilievi_" + chiave]]
    assert "<strong>Protezione civile</strong>: divenuta effettiva" in pagina.text
    assert "<strong>Tributi</strong>: divenuta effettiva" in pagina.text
    assert "selected>Unione Terre d&#39;Acqua" in pagina.text  # the form keeps the choice


def test_compare_two_uploaded_files(client: TestClient) -> None:
    gennaio = tda().replace("data_riferimento: 2024-06-24", "data_riferimento: 2024-01-15")
    assert gennaio != tda()
    risposta = client.post(
        "/confronta",
        data={"csrf": csrf(client)},
        files=[
            ("file_prima", ("gennaio.yaml", gennaio.encode(), "application/yaml")),
            ("file_dopo", ("giugno.yaml", tda().encode(), "application/yaml")),
        ],
    )
    assert risposta.status_code == 200
    assert "l&#39;Unione è passata da non avviata ad avviata" in risposta.text
    assert client.get("/api/storico").json() == []  # nothing is stored
    assert len(client.app.state.store.all()) == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("dopo", "atteso"),
    [
        ("delta", "delta.yaml:1:1: i due profili sono di Unioni diverse"),
        ("rotto", "rotto.yaml:2:1: YAML non valido"),
    ],
)
def test_compare_refusals_are_one_line_on_the_page(client: TestClient, dopo: str, atteso: str) -> None:
    testo = (EXAMPLES / "terre-del-delta.yaml").read_bytes() if dopo == "delta" else b"unione: [\n"
    risposta = client.post(
        "/confronta",
        data={"csrf": csrf(client)},
        files=[
            ("file_prima", ("tda.yaml", tda().encode(), "application/yaml")),
            ("file_dopo", (f"{dopo}.yaml", testo, "application/yaml")),
        ],
    )
    assert risposta.status_code == 422
    [riga] = re.findall(r'<code class="riga-errore">([^<]*)</code>', risposta.text)
    assert html.unescape(riga).startswith(atteso)
    assert 'id="risultato"' not in risposta.text


def test_compare_stored_profiles_of_two_unions_is_refused(client: TestClient) -> None:
    a = carica_testo(client, tda())
    b = carica_testo(client, (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8"))
    risposta = client.get(f"/confronta?prima={a}&dopo={b}")
    assert risposta.status_code == 422 and "i due profili sono di Unioni diverse" in risposta.text
    assert client.get(f"/confronta?prima={a}&dopo=999").status_code == 404
    data = client.get(f"/confronta?prima={a}&dopo={a}&data_prima=31-02-2024")
    assert data.status_code == 422 and "31-02-2024" in data.text


def test_compare_upload_needs_the_page_token(client: TestClient) -> None:
    file = [
        ("file_prima", ("a.yaml", tda().encode(), "application/yaml")),
        ("file_dopo", ("b.yaml", tda().encode(), "application/yaml")),
    ]
    assert client.post("/confronta", data={"csrf": "x"}, files=file).status_code == 403


def test_api_confronta_is_the_cli_json(client: TestClient, run: Run) -> None:
    percorso = EXAMPLES / "terre-d-acqua.yaml"
    file = [
        ("prima", ("a.yaml", percorso.read_bytes(), "application/yaml")),
        ("dopo", ("b.yaml", percorso.read_bytes(), "application/yaml")),
    ]
    risposta = client.post(
        "/api/confronta", files=file, data={"as_of_prima": "2024-01-15", "as_of_dopo": "2024-06-30"}
    )
    assert risposta.status_code == 200
    atteso = run(
        "confronta",
        str(percorso),
        str(percorso),
        "--as-of-prima",
        "2024-01-15",
        "--as-of-dopo",
        "2024-06-30",
        "--format",
        "json",
    ).stdout
    assert risposta.json() == json.loads(atteso)
    assert risposta.json()["funzioni_divenute_effettive"] == ["protezione_civile", "tributi"]

    diverse = client.post(
        "/api/confronta",
        files=[
            file[0],
            ("dopo", ("delta.yaml", (EXAMPLES / "terre-del-delta.yaml").read_bytes(), "application/yaml")),
        ],
    )
    cli = run("confronta", str(percorso), str(EXAMPLES / "terre-del-delta.yaml"))
    assert diverse.status_code == 422 and cli.exit_code == 2
    assert diverse.json()["errore"] == cli.stderr.strip().replace(
        str(EXAMPLES / "terre-del-delta.yaml"), "delta.yaml"
    )
    data = client.post("/api/confronta", files=file, data={"as_of_dopo": "giugno"})
    assert data.status_code == 422 and "--as-of-dopo" in data.json()["errore"]
    assert client.post("/api/confronta", files=file[:1]).status_code == 422
    schema = client.get("/openapi.json").json()["paths"]
    assert {"/api/confronta", "/api/storico", "/api/storico/{unione}"} <= set(schema)
    documentazione = client.get("/api").text
    assert "POST /api/confronta" in documentazione and "GET /api/storico/{unione}" in documentazione


def test_a_union_name_with_a_slash_and_markup_links_and_escapes(client: TestClient) -> None:
    nome = "Unione Reno/Galliera <b>&</b>"
    testo = (
        tda()
        .replace('nome: "Unione Terre d\'Acqua"', f'nome: "{nome}"')
        .replace("codice_fiscale: ", "# codice_fiscale: ")
    )
    assert nome in testo
    _registra(client, carica_testo(client, testo), None)
    elenco = client.get("/storico").text
    assert "<b>&</b>" not in elenco and "Reno/Galliera &lt;b&gt;&amp;&lt;/b&gt;" in elenco
    [collegamento] = re.findall(r'href="(/storico/[^"]+)"', elenco)
    pagina = client.get(html.unescape(collegamento))
    assert pagina.status_code == 200 and "<b>&</b>" not in pagina.text
    assert client.get("/api/storico/reno/galliera").json()[0]["unione"] == nome
