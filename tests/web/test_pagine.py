"""The pages through TestClient: upload, Verifica, Atti, Cronoprogramma, Istruttoria, CSRF, token, store."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from docx import Document
from fastapi.testclient import TestClient
from typer.testing import Result

from avviamento.web.app import create_app
from avviamento.web.store import ProfileStore
from tests.conftest import EXAMPLES
from tests.web.conftest import csrf, esempio

Run = Callable[..., Result]


def carica(client: TestClient, nome: str = "terre-del-delta.yaml") -> int:
    risposta = client.post(
        "/profili/carica", data={"csrf": csrf(client)}, files=[esempio(nome)], follow_redirects=False
    )
    assert risposta.status_code == 303, risposta.text
    trovato = re.fullmatch(r"/profili/(\d+)/verifica", risposta.headers["location"])
    assert trovato
    return int(trovato.group(1))


def test_upload_stores_and_shows_the_report(client: TestClient) -> None:
    id = carica(client)
    pagina = client.get(f"/profili/{id}/verifica")
    assert pagina.status_code == 200
    assert 'data-classe="non_avviata"' in pagina.text
    assert "NON CONFORME" in pagina.text
    assert "ER-004" in pagina.text and "LR Emilia-Romagna 21/2012" in pagina.text
    assert f'href="/profili/{id}/modifica"' in pagina.text
    elenco = client.get("/").text
    assert "Unione dei Comuni Terre del Delta" in elenco
    assert '<span class="etichetta-classe">non avviata</span>' in elenco
    salvato = client.app.state.store.get(id)  # type: ignore[attr-defined]
    assert salvato.yaml_text == (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8")


def test_report_downloads_are_the_cli_formats(client: TestClient, run: Run) -> None:
    id = carica(client, "terre-d-acqua.yaml")
    percorso = str(EXAMPLES / "terre-d-acqua.yaml")
    for formato, cli in (("html", "html"), ("md", "markdown"), ("json", "json")):
        scaricato = client.get(f"/profili/{id}/rapporto.{formato}?data=2024-05-31")
        assert scaricato.status_code == 200
        assert "attachment" in scaricato.headers["content-disposition"]
        atteso = run("check", percorso, "--as-of", "2024-05-31", "--format", cli).stdout
        if formato == "json":  # only `file` differs: the stored profile has no path
            assert scaricato.json() | {"file": ""} == json.loads(atteso) | {"file": ""}
        else:
            assert scaricato.text == atteso
    assert client.get(f"/profili/{id}/rapporto.exe").status_code == 404


def test_evaluation_date_is_chosen_on_the_page(client: TestClient) -> None:
    id = carica(client, "terre-d-acqua.yaml")
    assert 'data-classe="avviata"' in client.get(f"/profili/{id}/verifica?data=2024-06-30").text
    assert 'data-classe="non_avviata"' in client.get(f"/profili/{id}/verifica?data=2024-05-31").text
    errata = client.get(f"/profili/{id}/verifica?data=2024-13-01")
    assert errata.status_code == 422
    assert (
        "data inesistente per «data di valutazione»: &#39;2024-13-01&#39; (i mesi vanno da 01 a 12)"
        in errata.text
    )


def test_unknown_profile_pages_are_404(client: TestClient) -> None:
    for percorso in (
        "/profili/999/verifica",
        "/profili/abc/verifica",
        "/profili/1/atti",
        "/profili/-1/cronoprogramma",
    ):
        risposta = client.get(percorso)
        assert risposta.status_code == 404, percorso
        assert "Non trovato" in risposta.text


def test_an_unreadable_stored_profile_is_listed_with_its_line(client: TestClient) -> None:
    client.app.state.store.save("Unione rotta", "unione: [\n")  # type: ignore[attr-defined]
    elenco = client.get("/")
    assert elenco.status_code == 200
    assert "profilo non valido" in elenco.text and "unione-rotta.yaml:2:1: YAML non valido" in elenco.text


def test_bad_upload_is_shown_and_not_stored(client: TestClient) -> None:
    risposta = client.post(
        "/profili/carica", data={"csrf": csrf(client)}, files={"profilo": ("rotto.yaml", b"unione: [\n")}
    )
    assert risposta.status_code == 422
    assert "rotto.yaml:2:1: YAML non valido" in risposta.text
    assert client.app.state.store.all() == []  # type: ignore[attr-defined]


def test_post_without_csrf_token_is_refused(client: TestClient) -> None:
    for dati in ({}, {"csrf": "falso"}):
        risposta = client.post("/profili/carica", data=dati, files=[esempio("terre-del-delta.yaml")])
        assert risposta.status_code == 403
        assert "codice di sicurezza" in risposta.text
    token = csrf(client)
    straniero = client.post(
        "/profili/carica",
        data={"csrf": token},
        files=[esempio("terre-del-delta.yaml")],
        headers={"origin": "https://sito-ostile.example"},
    )
    assert straniero.status_code == 403
    assert client.app.state.store.all() == []  # type: ignore[attr-defined]


def test_csrf_token_may_come_as_a_header(client: TestClient) -> None:
    id = carica(client)
    senza = client.post(f"/profili/{id}/elimina", headers={"x-csrf-token": "falso"})
    assert senza.status_code == 403
    con = client.post(
        f"/profili/{id}/elimina", headers={"x-csrf-token": csrf(client)}, follow_redirects=False
    )
    assert con.status_code == 303


def test_csrf_cookie_is_samesite_strict(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert "avviamento_csrf=" in cookie and "SameSite=strict" in cookie and "HttpOnly" in cookie


def test_delete_asks_first(client: TestClient) -> None:
    id = carica(client)
    assert f'href="/profili/{id}/elimina"' in client.get("/").text
    conferma = client.get(f"/profili/{id}/elimina")
    assert "non si può annullare" in conferma.text
    assert client.get(f"/profili/{id}/verifica").status_code == 200  # asking deletes nothing
    assert client.post(f"/profili/{id}/elimina", data={"csrf": csrf(client)}).status_code == 200
    assert client.get(f"/profili/{id}/verifica").status_code == 404


def test_atti_page_single_docx_and_zip(client: TestClient) -> None:
    id = carica(client)
    pagina = client.get(f"/profili/{id}/atti")
    file = re.findall(r'name="file" value="([^"]+)"', pagina.text)
    assert len(file) == 22  # 3 convenzioni, 8 + 3 delibere, 1 regolamento, 3 piani, 4 adoption deliberations
    singolo = client.get(f"/profili/{id}/atti/documento", params={"file": file[0]})
    assert singolo.status_code == 200
    assert "attachment" in singolo.headers["content-disposition"]
    assert Document(io.BytesIO(singolo.content)).paragraphs
    pacchetto = client.get(f"/profili/{id}/atti/pacchetto.zip", params={"file": file[:2]})
    nomi = zipfile.ZipFile(io.BytesIO(pacchetto.content)).namelist()
    assert sorted(nomi) == sorted([*file[:2], "indice.json", "indice.md", "indice.docx"])
    assert client.get(f"/profili/{id}/atti/documento", params={"file": "../../etc/passwd"}).status_code == 404
    assert client.get(f"/profili/{id}/atti/pacchetto.zip").status_code == 422


def test_remedy_button_preselects_its_acts(client: TestClient) -> None:
    id = carica(client)
    verifica = client.get(f"/profili/{id}/verifica").text
    assert f"/profili/{id}/atti?rimedio=delibera%3Asistemi_informativi" in verifica
    pagina = client.get(f"/profili/{id}/atti", params={"rimedio": "delibera:sistemi_informativi"}).text
    scelti = re.findall(r'value="([^"]+)" checked', pagina)
    assert scelti == [
        "delibere/delibera_goro_sistemi_informativi.docx",
        "delibere/delibera_mesola_sistemi_informativi.docx",
    ]


def test_atti_says_plainly_when_libreoffice_is_missing(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from avviamento.web import viste

    id = carica(client)
    monkeypatch.setattr(viste, "soffice", lambda: None)
    pagina = client.get(f"/profili/{id}/atti").text
    assert "LibreOffice non è installato su questo computer" in pagina
    assert 'name="pdf"' not in pagina
    monkeypatch.setattr(viste, "soffice", lambda: "/usr/bin/soffice")
    assert 'name="pdf"' in client.get(f"/profili/{id}/atti").text


def test_cronoprogramma_table_svg_late_steps_and_ics(client: TestClient) -> None:
    id = carica(client)
    pagina = client.get(f"/profili/{id}/cronoprogramma?data=2024-03-01").text
    assert "<svg" in pagina and 'role="img"' in pagina
    assert 'class="in-ritardo"' not in pagina
    tardi = client.get(f"/profili/{id}/cronoprogramma?data=2024-07-01").text
    assert 'class="in-ritardo"' in tardi and "IN RITARDO di" in tardi
    assert 'fill="#a4001d"' in tardi  # late dots are red in the timeline
    ics = client.get(f"/profili/{id}/cronoprogramma.ics?data=2024-03-01")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.content.count(b"BEGIN:VEVENT") == 57


def test_istruttoria_page_and_downloads(client: TestClient) -> None:
    file = [esempio(n, "profili") for n in ("terre-del-delta.yaml", "terre-d-acqua.yaml")]
    file.append(("profili", ("rotto.yaml", b"unione: [\n", "application/yaml")))
    pagina = client.post("/istruttoria", data={"csrf": csrf(client), "data": "2024-06-30"}, files=file)
    assert pagina.status_code == 200
    assert pagina.text.count("<tr data-classe") == 3
    assert "rotto.yaml:2:1: YAML non valido" in pagina.text
    assert '<script src="/static/istruttoria.js" defer></script>' in pagina.text
    chiave = re.search(r"/istruttoria/([\w-]+)\.csv", pagina.text)
    assert chiave
    csv = client.get(f"/istruttoria/{chiave.group(1)}.csv")
    assert csv.text.startswith("\ufefffile;unione;valido")
    assert client.get(f"/istruttoria/{chiave.group(1)}.json").json()["conteggi"]["profili"] == 3
    assert client.get("/istruttoria/altro.csv").status_code == 404


def test_istruttoria_refuses_a_hostile_zip(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("../../fuori.yaml", "a: 1")
    pagina = client.post(
        "/istruttoria", data={"csrf": csrf(client)}, files={"profili": ("p.zip", buffer.getvalue())}
    )
    assert pagina.status_code == 422
    assert "voce «../../fuori.yaml» fuori dall&#39;archivio" in pagina.text


def test_no_inline_scripts_or_styles(client: TestClient) -> None:
    id = carica(client)
    for percorso in (
        "/",
        f"/profili/{id}/verifica",
        f"/profili/{id}/atti",
        f"/profili/{id}/cronoprogramma",
        "/istruttoria",
        "/api",
    ):
        testo = client.get(percorso).text
        assert re.search(r"<script(?![^>]*\bsrc=)", testo) is None, percorso
        assert "<style" not in testo and " style=" not in testo and " onclick=" not in testo, percorso


def test_token_protects_pages_and_api(tmp_path: Path) -> None:
    app = create_app(tmp_path / "p.sqlite3", token="segreto-di-prova")
    with TestClient(app) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/accesso"
        assert client.get("/api/health").status_code == 200
        assert client.post("/api/check", files=[esempio("terre-del-delta.yaml")]).status_code == 401
        con = client.post(
            "/api/check",
            files=[esempio("terre-del-delta.yaml")],
            headers={"authorization": "Bearer segreto-di-prova"},
        )
        assert con.status_code == 200
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/accesso").text)
        assert token
        errato = client.post("/accesso", data={"csrf": token.group(1), "token": "no"}, follow_redirects=False)
        assert errato.status_code == 401
        giusto = client.post(
            "/accesso", data={"csrf": token.group(1), "token": "segreto-di-prova"}, follow_redirects=False
        )
        assert giusto.status_code == 303
        assert client.get("/").status_code == 200


def test_store_roundtrip(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "sub" / "p.sqlite3")
    a = store.save("Unione B", "b: 1\n")
    b = store.save("Unione A", "a: 1\n")
    assert [p.nome for p in store.all()] == ["Unione A", "Unione B"]
    assert store.save("Unione B2", "b: 2\n", id=a) == a
    assert store.get(a).yaml_text == "b: 2\n"  # type: ignore[union-attr]
    store.delete(b)
    assert store.get(b) is None
    assert ProfileStore(tmp_path / "sub" / "p.sqlite3").get(a) is not None  # persisted on disk


def test_oversized_page_upload_is_a_413_page(client: TestClient) -> None:
    risposta = client.post(
        "/profili/carica",
        content=b"x" * 1_200_000,
        headers={"content-type": "multipart/form-data; boundary=confine"},
    )
    assert risposta.status_code == 413
    assert risposta.headers["content-type"].startswith("text/html")
    assert "File troppo grande" in risposta.text
    grande = client.post(
        "/profili/carica", data={"csrf": csrf(client)}, files={"profilo": ("g.yaml", b"#" * 300_000)}
    )
    assert grande.status_code == 413
    assert "g.yaml:1:1: file oltre il limite di 0.2 MB" in grande.text


# --- the rule packs chosen on the Verifica page ---


def _imolese_senza_tavolo(client: TestClient) -> int:
    """The Imolese's process without its Negotiation Table: an open LR 15/2018 finding (PP-002) with an act."""
    dati = yaml.safe_load((EXAMPLES / "nuovo-circondario-imolese.yaml").read_text(encoding="utf-8"))
    dati["processi_partecipativi"][0].pop("tavolo_negoziazione")
    testo = yaml.safe_dump(dati, allow_unicode=True, sort_keys=False).encode()
    risposta = client.post(
        "/profili/carica",
        data={"csrf": csrf(client)},
        files={"profilo": ("imolese.yaml", testo, "application/yaml")},
        follow_redirects=False,
    )
    assert risposta.status_code == 303, risposta.text
    return int(risposta.headers["location"].split("/")[2])


def _scelte(pagina: str) -> dict[str, bool]:
    """The radio buttons of the pack choice: value → checked."""
    return {
        valore: bool(spuntato)
        for valore, spuntato in re.findall(
            r'type="radio" id="regole-\d" name="regole" value="([^"]+)"( checked)?', pagina
        )
    }


def test_verifica_offers_the_bundled_packs_lr21_by_default(client: TestClient) -> None:
    id = _imolese_senza_tavolo(client)
    pagina = client.get(f"/profili/{id}/verifica").text
    assert "<legend>Regole da applicare</legend>" in pagina
    assert _scelte(pagina) == {
        "er-lr21-2012": True,
        "er-lr15-2018": False,
        "er-lr21-2012,er-lr15-2018": False,
    }
    for etichetta in ("LR 21/2012 — funzioni delle Unioni", "LR 15/2018 — processi partecipativi"):
        assert etichetta in pagina
    assert '<p class="titolo-verifica">Verifica LR Emilia-Romagna 21/2012</p>' in pagina
    assert "PP-002" not in pagina and "Classe calcolata" in pagina
    assert f'href="/profili/{id}/atti"' in pagina  # the default keeps its links as they were


def test_verifica_with_lr15_alone(client: TestClient) -> None:
    id = _imolese_senza_tavolo(client)
    pagina = client.get(f"/profili/{id}/verifica", params={"regole": "er-lr15-2018"}).text
    assert _scelte(pagina)["er-lr15-2018"] is True
    assert '<p class="titolo-verifica">Verifica LR Emilia-Romagna 15/2018</p>' in pagina
    assert "<code>er-lr15-2018</code>" in pagina and "<code>er-lr21-2012</code>" not in pagina
    assert "PP-002" in pagina and "ER-0" not in pagina
    assert "Classe calcolata" not in pagina and "<h2>Funzioni</h2>" not in pagina  # LR 15 has neither
    # the choice stays in the downloads, the remedy buttons and the tabs
    assert f"/profili/{id}/rapporto.json?regole=er-lr15-2018" in pagina
    assert f'href="/profili/{id}/atti?regole=er-lr15-2018"' in pagina
    rapporto = client.get(f"/profili/{id}/rapporto.json", params={"regole": "er-lr15-2018"}).json()
    assert [p["id"] for p in rapporto["pacchetti"]] == ["er-lr15-2018"]
    html = client.get(f"/profili/{id}/rapporto.html", params={"regole": "er-lr15-2018"}).text
    assert "Verifica LR Emilia-Romagna 15/2018" in html


def test_verifica_with_both_packs(client: TestClient) -> None:
    id = _imolese_senza_tavolo(client)
    pagina = client.get(f"/profili/{id}/verifica", params={"regole": "er-lr21-2012,er-lr15-2018"}).text
    assert _scelte(pagina)["er-lr21-2012,er-lr15-2018"] is True
    titolo = "Verifica LR Emilia-Romagna 21/2012 e LR Emilia-Romagna 15/2018"
    assert f'<p class="titolo-verifica">{titolo}</p>' in pagina
    assert "<code>er-lr21-2012</code> 2026" in pagina and "<code>er-lr15-2018</code> 2026" in pagina
    assert "PP-002" in pagina and "Classe calcolata" in pagina


@pytest.mark.parametrize("valore", ["er-lr99-2030", "rules/er_lr15_2018.yaml", "../../etc/passwd"])
def test_verifica_refuses_a_pack_that_is_not_bundled(client: TestClient, valore: str) -> None:
    id = _imolese_senza_tavolo(client)
    pagina = client.get(f"/profili/{id}/verifica", params={"regole": valore})
    assert pagina.status_code == 422
    assert "valore non valido per &#39;regole&#39;" in pagina.text
    assert "(ammessi: er-lr21-2012, er-lr15-2018)" in pagina.text


def test_atti_honour_the_chosen_pack(client: TestClient) -> None:
    id = _imolese_senza_tavolo(client)
    verifica = client.get(f"/profili/{id}/verifica", params={"regole": "er-lr15-2018"}).text
    scheda = re.search(r'<a href="(/profili/\d+/atti[^"]*)"', verifica)  # the Atti tab keeps the choice
    assert scheda and scheda.group(1) == f"/profili/{id}/atti?regole=er-lr15-2018"
    pagina = client.get(scheda.group(1)).text
    assert '<p class="titolo-verifica">Regole applicate: LR Emilia-Romagna 15/2018</p>' in pagina
    assert '<input type="hidden" name="regole" value="er-lr15-2018">' in pagina
    file = re.findall(r'name="file" value="([^"]+)" checked', pagina)
    assert len(file) == 1 and file[0].endswith(".docx")
    assert f"documento?file={file[0]}&amp;regole=er-lr15-2018" in pagina
    assert file[0] not in client.get(f"/profili/{id}/atti").text  # the default pack has no such act
    singolo = client.get(f"/profili/{id}/atti/documento", params={"file": file[0], "regole": "er-lr15-2018"})
    assert singolo.status_code == 200
    testo = "\n".join(p.text for p in Document(io.BytesIO(singolo.content)).paragraphs)
    assert "Tavolo" in testo
    pacchetto = client.get(
        f"/profili/{id}/atti/pacchetto.zip", params={"file": file, "regole": "er-lr15-2018"}
    )
    assert file[0] in zipfile.ZipFile(io.BytesIO(pacchetto.content)).namelist()
    assert client.get(f"/profili/{id}/atti/documento", params={"file": file[0]}).status_code == 404


def test_cronoprogramma_with_lr15_plans_the_processes(client: TestClient) -> None:
    id = _imolese_senza_tavolo(client)
    verifica = client.get(f"/profili/{id}/verifica", params={"regole": "er-lr15-2018"}).text
    assert f'href="/profili/{id}/cronoprogramma?regole=er-lr15-2018"' in verifica
    pagina = client.get(f"/profili/{id}/cronoprogramma", params={"regole": "er-lr15-2018"}).text
    assert "Piano secondo la LR Emilia-Romagna 15/2018</p>" in pagina
    assert (
        '<h3>Processo partecipativo «Il futuro del Circondario» <span class="meta">(PP-002)</span></h3>'
        in pagina
    )
    assert "Costituzione e primo incontro del Tavolo di Negoziazione" in pagina
    assert pagina.count('<strong class="ok">fatto</strong>') > 5  # the done steps, at their real date
    assert '<input type="hidden" name="regole" value="er-lr15-2018">' in pagina
    ics = client.get(f"/profili/{id}/cronoprogramma.ics", params={"regole": "er-lr15-2018"})
    assert "Tavolo di Negoziazione" in ics.text
    predefinito = client.get(f"/profili/{id}/cronoprogramma").text
    assert "Tavolo di Negoziazione" not in predefinito and "Piano secondo" not in predefinito
    entrambe = client.get(
        f"/profili/{id}/cronoprogramma", params={"regole": "er-lr21-2012,er-lr15-2018"}
    ).text
    assert "il cronoprogramma segue il primo" in entrambe and "Tavolo di Negoziazione" not in entrambe


@pytest.mark.parametrize(
    ("regole", "coda"),
    [
        ("er-lr15-2018", "?regole=er-lr15-2018"),
        ("er-lr21-2012,er-lr15-2018", "?regole=er-lr21-2012%2Cer-lr15-2018"),
    ],
)
def test_upload_keeps_the_chosen_packs(client: TestClient, regole: str, coda: str) -> None:
    home = client.get("/").text
    assert "<legend>Regole da applicare</legend>" in home
    assert re.search(r'value="er-lr21-2012" checked>', home)  # the default, as on the Verifica page
    risposta = client.post(
        "/profili/carica",
        data={"csrf": csrf(client), "regole": regole},
        files=[esempio("nuovo-circondario-imolese.yaml")],
        follow_redirects=False,
    )
    assert risposta.status_code == 303
    assert re.fullmatch(rf"/profili/\d+/verifica{re.escape(coda)}", risposta.headers["location"])
    pagina = client.get(risposta.headers["location"]).text
    assert "PP-001" in pagina and re.search(rf'value="{re.escape(regole)}" checked>', pagina)


def test_upload_with_an_unknown_pack_stores_nothing(client: TestClient) -> None:
    risposta = client.post(
        "/profili/carica",
        data={"csrf": csrf(client), "regole": "../../etc/passwd"},
        files=[esempio("terre-del-delta.yaml")],
    )
    assert risposta.status_code == 422
    assert (
        "valore non valido per &#39;regole&#39;: &#39;../../etc/passwd&#39; (ammessi: er-lr21-2012"
        in risposta.text
    )
    assert client.app.state.store.all() == []  # type: ignore[attr-defined]
