"""The Profilo pages through TestClient: new profile, all errors at once, upload to edit, edit, YAML download."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from avviamento.yamlio import parse_yaml
from tests.conftest import EXAMPLES
from tests.web.conftest import csrf

TRE_COMUNI = {
    "data_riferimento": "2024-05-15",
    "unione[nome]": "Unione dei Comuni della Prova",
    "unione[provincia]": "BO",
    "unione[classe_dichiarata]": "costituita",
    "comuni[0][nome]": "Imola",
    "comuni[1][nome]": "Dozza",
    "comuni[2][nome]": "Medicina",
    "funzioni[0][codice]": "sistemi_informativi",
    "funzioni[0][conferimenti][0][comune]": "Imola",
    "funzioni[0][conferimenti][0][delibera][numero]": "12",
    "funzioni[0][conferimenti][0][delibera][data]": "2023-03-01",
    "funzioni[0][avvio]": "2023-06-01",
    "funzioni[0][integrale]": "true",
}


def _summary(pagina: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(r'<li><a href="#campo-[^"]+">.*?</li>', pagina)
    ]


def campi_inviati(pagina: str) -> dict[str, str]:
    """What a browser submits from the profile form: inputs and selected options, not row models or checkboxes."""
    while "<template>" in pagina:
        pagina = re.sub(r"<template>(?:(?!<template>).)*?</template>", "", pagina, flags=re.S)
    form = pagina[pagina.index('id="modulo-profilo"') :]
    campi: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and 'type="checkbox"' not in tag and 'type="submit"' not in tag:
            campi[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
    for name, options in re.findall(r'<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]* selected', options)
        campi[html.unescape(name)] = html.unescape(chosen.group(1)) if chosen else ""
    return campi


def test_new_profile_page_has_the_sections_and_labels(client: TestClient) -> None:
    pagina = client.get("/profilo/nuovo")
    assert pagina.status_code == 200
    text = pagina.text
    for legend in [
        "Dati generali",
        "Unione",
        "Comuni aderenti",
        "Funzioni",
        "Adempimenti",
        "Statuto",
        "Organi",
    ]:
        assert f"<legend>{legend}</legend>" in text
    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', text)
    labels = set(re.findall(r'<label for="([^"]+)"', text))
    assert len(ids) > 30
    assert set(ids) <= labels  # every input has its label
    assert 'aria-describedby="campo-unione-nome-aiuto"' in text
    assert '<option value="Imola" data-istat="037032"' in text  # the ISTAT picker
    assert "Polizia locale</option>" in text  # the function catalogue, with labels
    assert 'name="_aggiungi" value="comuni"' in text  # the no-script «Aggiungi» button
    assert '<script src="/static/profilo.js"' in text
    assert re.search(r"<script(?![^>]*\bsrc=)", text) is None  # the CSP allows no inline script
    assert "<style" not in text and " style=" not in text and " onclick=" not in text
    # the script's row models: this list's index is a placeholder, a nested list keeps its own
    assert 'name="funzioni[__0__][conferimenti]' not in text.split("<template>")[0]
    assert 'data-elenco="funzioni[__0__][conferimenti]" data-prossimo="0" data-segnaposto="__1__"' in text
    assert "<legend>Funzione __0n__</legend>" in text
    assert client.get("/static/profilo.js").status_code == 200


def test_a_valid_profile_is_saved_and_opens_its_report(client: TestClient) -> None:
    risposta = client.post(
        "/profilo/nuovo", data={"csrf": csrf(client), **TRE_COMUNI}, follow_redirects=False
    )
    assert risposta.status_code == 303
    assert re.fullmatch(r"/profili/\d+/verifica", risposta.headers["location"])
    verifica = client.get(risposta.headers["location"])
    assert verifica.status_code == 200
    assert "Unione dei Comuni della Prova" in verifica.text
    assert 'data-classe="non_avviata"' in verifica.text
    id = risposta.headers["location"].split("/")[2]
    yaml_text = client.get(f"/profili/{id}/yaml")
    assert (
        yaml_text.headers["content-disposition"]
        == 'attachment; filename="unione-dei-comuni-della-prova.yaml"'
    )
    data = parse_yaml(yaml_text.text, "p.yaml").data
    assert [c["istat"] for c in data["comuni"]] == [
        "037032",
        "037025",
        "037037",
    ]  # filled from the ISTAT list
    assert "# i Comuni aderenti" in yaml_text.text


def test_every_error_is_shown_at_once_next_to_its_field(client: TestClient) -> None:
    dati = {
        **TRE_COMUNI,
        "unione[nome]": "",
        "unione[provincia]": "Bologna",
        "comuni[1][istat]": "37025",
        "funzioni[0][personale]": "due",
        "funzioni[0][conferimenti][0][delibera][data]": "31/02/2023",
    }
    risposta = client.post("/profilo/nuovo", data={"csrf": csrf(client), **dati})
    assert risposta.status_code == 422
    assert _summary(risposta.text) == [
        "Unione › Denominazione: campo obbligatorio mancante",
        "Unione › Provincia: formato non valido (valore: 'Bologna'): indicare la sigla: BO",
        "Comune 2 › Codice ISTAT: formato non valido (valore: '37025')",
        "Funzione 1 › Conferimento 1 › Delibera di conferimento › Data: "
        "data inesistente '31/02/2023' (febbraio 2023 ha 28 giorni)",
        "Funzione 1 › Personale (equivalenti a tempo pieno): deve essere un numero (valore: 'due')",
    ]
    text = risposta.text
    assert 'id="campo-unione-provincia-errore"' in text
    assert re.search(
        r'id="campo-unione-provincia" name="unione\[provincia\]" aria-describedby="campo-unione-provincia-aiuto campo-unione-provincia-errore" aria-invalid="true"',
        text,
    )
    assert 'value="31/02/2023"' in text  # what the person typed is kept, shown as text
    assert 'value="Medicina"' in text
    assert client.get("/").text.count("/verifica") == 0  # nothing saved


def test_add_row_without_script_re_renders_with_one_more_row(client: TestClient) -> None:
    risposta = client.post(
        "/profilo/nuovo", data={"csrf": csrf(client), **TRE_COMUNI, "_aggiungi": "funzioni"}
    )
    assert risposta.status_code == 200
    assert "<legend>Funzione 2</legend>" in risposta.text
    # the new function has a conferral row for each member Comune
    for i, nome in enumerate(["Imola", "Dozza", "Medicina"]):
        assert campi_inviati(risposta.text)[f"funzioni[1][conferimenti][{i}][comune]"] == nome
    assert "dati da correggere" not in risposta.text  # adding a row is not a save: no errors yet


def test_post_without_csrf_is_refused(client: TestClient) -> None:
    client.get("/profilo/nuovo")
    for dati in (TRE_COMUNI, {**TRE_COMUNI, "csrf": "falso"}):
        assert client.post("/profilo/nuovo", data=dati).status_code == 403
    assert "Unione dei Comuni della Prova" not in client.get("/").text


def test_upload_to_edit_keeps_comments_and_shows_the_mistakes(client: TestClient) -> None:
    text = (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8")
    rotto = text.replace("provincia: FE", "provincia: Ferrara").replace("sede: Codigoro", "sedi: Codigoro")
    pagina = client.post(
        "/profilo/nuovo/carica",
        data={"csrf": csrf(client)},
        files={"profilo": ("tdd.yaml", rotto.encode(), "application/yaml")},
    )
    assert pagina.status_code == 200
    assert "chiavi che il profilo non prevede e che non saranno salvate: «unione.sedi»" in pagina.text
    assert _summary(pagina.text) == [
        "Unione › Provincia: formato non valido (valore: 'Ferrara'): indicare la sigla: FE"
    ]
    campi = campi_inviati(pagina.text)
    assert campi["_base"]  # the uploaded text rides along until it is saved
    campi["unione[provincia]"] = "FE"
    salvato = client.post("/profilo/nuovo", data=campi, follow_redirects=False)
    assert salvato.status_code == 303, _summary(salvato.text)
    id = salvato.headers["location"].split("/")[2]
    scaricato = client.get(f"/profili/{id}/yaml").text
    assert "# Unione dei Comuni Terre del Delta (FE) al 1º marzo 2024." in scaricato  # the upload's comments
    assert "sedi:" not in scaricato and "sede:" not in scaricato
    api = client.post("/api/check", files={"profilo": ("t.yaml", scaricato.encode())}).json()
    originale = client.post("/api/check", files={"profilo": ("t.yaml", text.encode())}).json()
    assert {k: v for k, v in api.items() if k != "rilievi"} == {
        k: v for k, v in originale.items() if k != "rilievi"
    }


def test_upload_of_broken_yaml_says_the_one_line(client: TestClient) -> None:
    pagina = client.post(
        "/profilo/nuovo/carica", data={"csrf": csrf(client)}, files={"profilo": ("r.yaml", b"unione: [\n")}
    )
    assert pagina.status_code == 422
    assert "r.yaml:2:1: YAML non valido" in html.unescape(pagina.text)


def test_edit_a_stored_profile(client: TestClient) -> None:
    creato = client.post("/profilo/nuovo", data={"csrf": csrf(client), **TRE_COMUNI}, follow_redirects=False)
    id = creato.headers["location"].split("/")[2]
    pagina = client.get(f"/profili/{id}/modifica")
    assert pagina.status_code == 200
    assert 'value="Unione dei Comuni della Prova"' in pagina.text
    assert f'action="/profili/{id}/modifica"' in pagina.text
    dati = {**TRE_COMUNI, "unione[sede]": "Imola", "csrf": csrf(client)}
    salvato = client.post(f"/profili/{id}/modifica", data=dati, follow_redirects=False)
    assert salvato.headers["location"] == f"/profili/{id}/verifica"
    assert "sede: Imola" in client.get(f"/profili/{id}/yaml").text
    assert client.get("/profili/999/modifica").status_code == 404
    assert json.loads(json.dumps(client.get("/api/health").json()))["stato"] == "ok"


def test_yaml_download_of_a_missing_profile_is_404(client: TestClient, tmp_path: Path) -> None:
    assert client.get("/profili/42/yaml").status_code == 404


def test_a_tampered_base_falls_back_to_the_starter(client: TestClient) -> None:
    import base64

    bomba = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
    )
    for base in (
        base64.b64encode(bomba.encode()).decode(),
        "non-base64!",
        base64.b64encode(b"- lista").decode(),
    ):
        risposta = client.post(
            "/profilo/nuovo", data={"csrf": csrf(client), **TRE_COMUNI, "_base": base}, follow_redirects=False
        )
        assert risposta.status_code == 303
        id = risposta.headers["location"].split("/")[2]
        assert client.get(f"/profili/{id}/yaml").text.startswith("# Profilo dell'Unione di Comuni")
