"""The JSON API: the CLI's contracts, the CLI's one-line errors as 422, 413 for oversize, never a 500."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from docx import Document
from fastapi.testclient import TestClient
from typer.testing import Result

from avviamento.web.app import create_app
from tests.conftest import EXAMPLES, ROOT
from tests.ostili.genera import risate
from tests.web.conftest import ESEMPI, esempio

Run = Callable[..., Result]
RIGA = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")  # file:riga:colonna: messaggio, one line


def errore(risposta: object, stato: int = 422) -> str:
    assert risposta.status_code == stato, risposta.text  # type: ignore[attr-defined]
    corpo = risposta.json()  # type: ignore[attr-defined]
    assert set(corpo) == {"errore"}
    assert "\n" not in corpo["errore"] and "Traceback" not in corpo["errore"]
    return str(corpo["errore"])


@pytest.mark.parametrize("nome", ESEMPI)
def test_check_equals_the_cli_json(client: TestClient, run: Run, nome: str) -> None:
    cli = run("check", str(EXAMPLES / nome), "--format", "json")
    assert cli.exit_code in (0, 1)
    atteso = json.loads(cli.stdout)
    risposta = client.post("/api/check", files=[esempio(nome)])
    assert risposta.status_code == 200
    ottenuto = risposta.json()
    assert ottenuto.pop("file") == nome
    atteso.pop("file")
    assert ottenuto == atteso


def test_check_as_of_changes_the_evaluation(client: TestClient, run: Run) -> None:
    cli = json.loads(
        run("check", str(EXAMPLES / "terre-d-acqua.yaml"), "--as-of", "2024-05-31", "--format", "json").stdout
    )
    api = client.post(
        "/api/check", files=[esempio("terre-d-acqua.yaml")], data={"as_of": "2024-05-31"}
    ).json()
    assert api["data_valutazione"] == "2024-05-31"
    assert api["classe"] == cli["classe"]
    assert api["rilievi"] == cli["rilievi"]


MINIMO = (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8")


CATTIVI = [
    ("rotto.yaml", b"unione: [\n", "YAML non valido"),
    ("chiave.yaml", MINIMO.replace("comuni:", "comunni:").encode(), "chiave sconosciuta 'comunni'"),
    (
        "data.yaml",
        MINIMO.replace("data_riferimento: 2024-03-01", "data_riferimento: 2024-02-30").encode(),
        "data",
    ),
    ("latin1.yaml", "nome: Unione di Forlì\n".encode("latin-1"), "UTF-8"),
    ("bomba.yaml", risate(9).encode(), "troppi alias YAML espansi"),
    ("python.yaml", b"a: !!python/object/apply:os.system ['true']\n", "etichetta YAML non consentita"),
    ("vuoto.yaml", b"   \n", "il file è vuoto"),
    ("immagine.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8"),
    ("testo.txt", b"Gentile segretario, in allegato il profilo.\n", ""),
]


@pytest.mark.parametrize(("nome", "dati", "frammento"), CATTIVI, ids=[c[0] for c in CATTIVI])
def test_bad_uploads_give_the_cli_line(
    client: TestClient,
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    nome: str,
    dati: bytes,
    frammento: str,
) -> None:
    for endpoint in ("/api/check", "/api/plan", "/api/draft"):
        riga = errore(client.post(endpoint, files={"profilo": (nome, dati)}))
        assert RIGA.match(riga), riga
        assert riga.startswith(f"{nome}:")
        assert frammento in riga
    # the same line `check` prints for the same bytes, with the same file label
    monkeypatch.chdir(tmp_path)
    Path(nome).write_bytes(dati)
    risultato = run("check", nome)
    assert risultato.exit_code == 2
    assert risultato.stderr.strip() == errore(client.post("/api/check", files={"profilo": (nome, dati)}))


@pytest.mark.parametrize(
    ("campo", "valore", "endpoint", "attesa"),
    [
        (
            "as_of",
            "2024-13-01",
            "/api/check",
            "data inesistente per --as-of: '2024-13-01' (i mesi vanno da 01 a 12)",
        ),
        ("as_of", "ieri", "/api/plan", "data non valida per --as-of: 'ieri' (usare AAAA-MM-GG)"),
        (
            "deadline",
            "31/02/2024",
            "/api/plan",
            "data inesistente per --deadline: '31/02/2024' (febbraio 2024 ha 29 giorni)",
        ),
    ],
)
def test_bad_dates_are_422_with_the_cli_line(
    client: TestClient, run: Run, campo: str, valore: str, endpoint: str, attesa: str
) -> None:
    riga = errore(client.post(endpoint, files=[esempio("terre-del-delta.yaml")], data={campo: valore}))
    assert riga == f"avviamento: {attesa}"
    comando = "check" if endpoint == "/api/check" else "plan"
    opzione = "--as-of" if campo == "as_of" else "--deadline"
    cli = run(comando, str(EXAMPLES / "terre-del-delta.yaml"), opzione, valore)
    assert cli.exit_code == 2 and cli.stderr.strip() == riga


def test_missing_field_is_422(client: TestClient) -> None:
    assert errore(client.post("/api/check")) == "avviamento: campo «profilo» mancante nella richiesta"
    assert "profili" in errore(client.post("/api/review"))


@pytest.mark.parametrize(
    ("corpo", "tipo", "stato", "atteso"),
    [
        (b"rotto", "multipart/form-data; boundary=zz", 422, "avviamento: richiesta non leggibile"),
        (b"x", "multipart/form-data", 422, "avviamento: richiesta non leggibile"),
        (b"{}", "application/json", 422, "avviamento: campo «profilo» mancante nella richiesta"),
        (
            b"profilo=x",
            "application/x-www-form-urlencoded",
            422,
            "avviamento: campo «profilo» non valido: deve essere un file",
        ),
    ],
    ids=["bad-multipart", "no-boundary", "json", "text-field"],
)
def test_malformed_requests_are_one_italian_line(
    client: TestClient, corpo: bytes, tipo: str, stato: int, atteso: str
) -> None:
    riga = errore(client.post("/api/check", content=corpo, headers={"content-type": tipo}), stato)
    assert riga.startswith(atteso)


def test_oversized_text_field_is_413(client: TestClient, tmp_path: Path) -> None:
    risposta = client.post(
        "/api/check", files=[esempio("terre-del-delta.yaml")], data={"as_of": "x" * 1_100_000}
    )
    assert errore(risposta, 413) == "avviamento: richiesta oltre il limite di 1 MB: rifiutata"
    with TestClient(create_app(tmp_path / "p.sqlite3")) as ampio:  # within the request limit: the field's own
        risposta = ampio.post(
            "/api/check", files=[esempio("terre-del-delta.yaml")], data={"as_of": "x" * 1_100_000}
        )
        assert errore(risposta, 413) == "avviamento: un campo della richiesta supera 1 MB: rifiutato"


def test_upload_name_is_only_a_label(client: TestClient) -> None:
    for ostile in ("../../etc/passwd.yaml", "..\\..\\windows\\passwd.yaml", "/tmp/passwd.yaml"):
        risposta = client.post("/api/check", files={"profilo": (ostile, b"unione: [\n")})
        assert errore(risposta).startswith("passwd.yaml:2:1: ")


def test_oversized_file_is_413(client: TestClient) -> None:
    grande = b"# " + b"x" * 300_000 + b"\n"
    riga = errore(client.post("/api/check", files={"profilo": ("grande.yaml", grande)}), 413)
    assert riga.startswith("grande.yaml:1:1: file oltre il limite")


def test_oversized_request_is_413_from_content_length(client: TestClient) -> None:
    riga = errore(
        client.post(
            "/api/check",
            content=b"x" * 1_200_000,
            headers={"content-type": "multipart/form-data; boundary=confine"},
        ),
        413,
    )
    assert "richiesta oltre il limite di 1 MB" in riga


def test_oversized_stream_without_length_is_cut_off(client: TestClient) -> None:
    def pezzi() -> Iterator[bytes]:
        yield b'--confine\r\nContent-Disposition: form-data; name="profilo"; filename="a.yaml"\r\n\r\n'
        for _ in range(40):
            yield b"#" * 50_000  # 2 MB in all, no Content-Length: counted while it streams

    risposta = client.post(
        "/api/check", content=pezzi(), headers={"content-type": "multipart/form-data; boundary=confine"}
    )
    assert "richiesta oltre il limite" in errore(risposta, 413)


def test_draft_zip_has_the_files_draft_writes(client: TestClient, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bozze"
    assert run("draft", str(EXAMPLES / "terre-del-delta.yaml"), "--out", str(out)).exit_code == 0
    scritti = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    risposta = client.post("/api/draft", files=[esempio("terre-del-delta.yaml")])
    assert risposta.status_code == 200
    assert risposta.headers["content-type"] == "application/zip"
    archivio = zipfile.ZipFile(io.BytesIO(risposta.content))
    assert sorted(archivio.namelist()) == scritti
    assert json.loads(archivio.read("indice.json")) == json.loads((out / "indice.json").read_text())
    primo = next(n for n in archivio.namelist() if n.endswith(".docx"))
    testo = "\n".join(p.text for p in Document(io.BytesIO(archivio.read(primo))).paragraphs)
    assert "Terre del Delta" in testo


def test_draft_only_and_bad_only(client: TestClient) -> None:
    risposta = client.post("/api/draft", files=[esempio("terre-del-delta.yaml")], data={"only": ["delibera"]})
    nomi = zipfile.ZipFile(io.BytesIO(risposta.content)).namelist()
    assert {n.split("/")[0] for n in nomi if "/" in n} == {"delibere"}
    riga = errore(
        client.post("/api/draft", files=[esempio("terre-del-delta.yaml")], data={"only": ["lettera"]})
    )
    assert riga.startswith("avviamento: valore non valido per '--only': 'lettera'")


def test_plan_equals_the_cli_json(client: TestClient, run: Run) -> None:
    percorso = str(EXAMPLES / "terre-del-delta.yaml")
    cli = json.loads(
        run("plan", percorso, "--as-of", "2024-03-01", "--deadline", "2024-12-31", "--format", "json").stdout
    )
    api = client.post(
        "/api/plan",
        files=[esempio("terre-del-delta.yaml")],
        data={"as_of": "2024-03-01", "deadline": "2024-12-31"},
    ).json()
    assert api.pop("file") == "terre-del-delta.yaml"
    cli.pop("file")
    assert api == cli


def test_review_equals_the_cli_json(
    client: TestClient, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cartella = tmp_path / "profili"
    cartella.mkdir()
    for nome in ESEMPI:
        (cartella / nome).write_bytes((EXAMPLES / nome).read_bytes())
    (cartella / "rotto.yaml").write_bytes(b"unione: [\n")
    monkeypatch.chdir(tmp_path)
    cli = json.loads(run("review", "profili", "--as-of", "2024-06-30", "--format", "json").stdout)
    nomi = sorted(p.name for p in cartella.iterdir())
    files = [("profili", (f"{n}", (cartella / n).read_bytes())) for n in nomi]
    api = client.post("/api/review", files=files, data={"as_of": "2024-06-30"}).json()
    for riga in cli["profili"]:
        riga["file"] = riga["file"].removeprefix("profili/")
        if riga["errore"]:
            riga["errore"] = riga["errore"].removeprefix("profili/")
    for x in cli["rilievi_incrociati"]:
        x["file"] = [f.removeprefix("profili/") for f in x["file"]]
        x["messaggio"] = x["messaggio"].replace("profili/", "")
    assert api == cli


def _zip(voci: dict[str, bytes], collegamento: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for nome, dati in voci.items():
            z.writestr(nome, dati)
        if collegamento:
            info = zipfile.ZipInfo(collegamento)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def test_review_of_a_zip(client: TestClient) -> None:
    archivio = _zip({f"domande/{n}": (EXAMPLES / n).read_bytes() for n in ESEMPI} | {"leggimi.txt": b"ciao"})
    corpo = client.post("/api/review", files={"profili": ("domande.zip", archivio)}).json()
    assert corpo["formato"] == "avviamento/istruttoria@1"
    assert [p["file"] for p in corpo["profili"]] == [f"domande.zip/domande/{n}" for n in ESEMPI]


@pytest.mark.parametrize(
    ("voci", "collegamento", "frammento", "stato"),
    [
        ({"../fuori.yaml": b"a: 1"}, None, "fuori dall'archivio", 422),
        ({"/etc/assoluto.yaml": b"a: 1"}, None, "fuori dall'archivio", 422),
        ({"a.yaml": b"a: 1"}, "link.yaml", "collegamento simbolico", 422),
        ({f"p{i}.yaml": b"a: 1" for i in range(501)}, None, "più di 500 voci", 422),
        ({"grande.yaml": b"#" * 300_000}, None, "oltre 0.2 MB", 413),
        ({"leggimi.txt": b"ciao"}, None, "nessun profilo .yaml", 422),
    ],
    ids=["dotdot", "absolute", "symlink", "too-many", "too-large", "no-yaml"],
)
def test_hostile_zips_are_refused(
    client: TestClient, voci: dict[str, bytes], collegamento: str | None, frammento: str, stato: int
) -> None:
    riga = errore(client.post("/api/review", files={"profili": ("p.zip", _zip(voci, collegamento))}), stato)
    assert riga.startswith("p.zip:1:1: ")
    assert frammento in riga


def test_zip_bomb_entry_is_read_with_a_bound(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomba.yaml", b"#" * 50_000_000)  # compresses to ~50 kB
    riga = errore(client.post("/api/review", files={"profili": ("b.zip", buffer.getvalue())}), 413)
    assert "bomba.yaml" in riga


def test_corrupt_zip_is_422(client: TestClient) -> None:
    riga = errore(client.post("/api/review", files={"profili": ("rotto.zip", b"PK\x03\x04rotto")}))
    assert riga == "rotto.zip:1:1: archivio ZIP non leggibile"


def test_review_keeps_a_broken_file_as_a_row(client: TestClient) -> None:
    files = [("profili", ("rotto.yaml", b"unione: [\n")), esempio("terre-del-delta.yaml", "profili")]
    corpo = client.post("/api/review", files=files).json()
    assert corpo["profili"][0]["esito"] == "non_valido"
    assert RIGA.match(corpo["profili"][0]["errore"])


def test_schema_and_health(client: TestClient, run: Run) -> None:
    assert client.get("/api/schema").json() == json.loads(run("schema").stdout)
    assert client.get("/api/health").json() == {"stato": "ok", "versione": "0.1.0"}


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for percorso in ("/api/check", "/api/draft", "/api/plan", "/api/review", "/api/schema", "/api/health"):
        assert percorso in schema["paths"]
    assert "422" in schema["paths"]["/api/check"]["post"]["responses"]
    assert "413" in schema["paths"]["/api/check"]["post"]["responses"]
    pagina = client.get("/api")
    assert pagina.status_code == 200 and "POST /api/review" in pagina.text
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_security_headers(client: TestClient) -> None:
    for percorso in ("/", "/api/health", "/static/avviamento.css", "/non-esiste"):
        h = client.get(percorso).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert "'unsafe-inline'" not in h["content-security-policy"]
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_unexpected_error_is_a_generic_message(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from avviamento.web import servizi

    def guasto(*_: object, **__: object) -> None:
        raise RuntimeError("segreto interno")

    monkeypatch.setattr(servizi, "verifica", guasto)
    risposta = TestClient(client.app, raise_server_exceptions=False).post(
        "/api/check", files=[esempio("terre-del-delta.yaml")]
    )
    assert risposta.status_code == 500
    assert "segreto" not in risposta.text and "Traceback" not in risposta.text
    assert risposta.json()["errore"].startswith("avviamento: errore interno del server")


def test_draft_pdf_without_libreoffice_is_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import avviamento.draft.writer as writer

    monkeypatch.setattr(writer, "soffice", lambda: None)
    riga = errore(client.post("/api/draft", files=[esempio("terre-del-delta.yaml")], data={"pdf": "true"}))
    assert riga.startswith("avviamento: --pdf: LibreOffice (soffice) non è installato")


def test_draft_pdf_through_libreoffice(client: TestClient) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_SOFFICE") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_SOFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    risposta = client.post(
        "/api/draft", files=[esempio("terre-del-delta.yaml")], data={"only": ["regolamento"], "pdf": "true"}
    )
    assert risposta.status_code == 200, risposta.text
    archivio = zipfile.ZipFile(io.BytesIO(risposta.content))
    assert sorted(archivio.namelist()) == [
        "delibere/adozione_contabilita.docx",
        "delibere/adozione_contabilita.pdf",
        "indice.docx",
        "indice.json",
        "indice.md",
        "regolamenti/regolamento_contabilita.docx",
        "regolamenti/regolamento_contabilita.pdf",
    ]
    assert archivio.read("regolamenti/regolamento_contabilita.pdf").startswith(b"%PDF")


# --- the rule packs: `regole`, the bundled packs' ids, as repeated --rules ---

LR21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
IMOLESE = "nuovo-circondario-imolese.yaml"  # the example with participatory processes and a strategic plan


def _cli_json(run: Run, comando: str, *argomenti: str) -> dict[str, object]:
    risultato = run(comando, str(EXAMPLES / IMOLESE), *argomenti, "--format", "json")
    assert risultato.exit_code in (0, 1), risultato.stderr
    atteso: dict[str, object] = json.loads(risultato.stdout)
    atteso.pop("file")
    return atteso


def _api_json(client: TestClient, endpoint: str, regole: list[str] | None) -> dict[str, object]:
    dati = {"regole": regole} if regole is not None else {}
    risposta = client.post(endpoint, files=[esempio(IMOLESE)], data=dati)
    assert risposta.status_code == 200, risposta.text
    ottenuto: dict[str, object] = risposta.json()
    assert ottenuto.pop("file") == IMOLESE
    return ottenuto


def test_check_without_regole_is_the_default_pack(client: TestClient, run: Run) -> None:
    predefinito = _api_json(client, "/api/check", None)
    assert predefinito == _cli_json(run, "check")
    assert [p["id"] for p in predefinito["pacchetti"]] == ["er-lr21-2012"]  # type: ignore[attr-defined]
    assert _api_json(client, "/api/check", ["er-lr21-2012"]) == predefinito


def test_check_with_lr15_alone_equals_the_cli(client: TestClient, run: Run) -> None:
    ottenuto = _api_json(client, "/api/check", ["er-lr15-2018"])
    assert ottenuto == _cli_json(run, "check", "--rules", LR15)
    assert [p["id"] for p in ottenuto["pacchetti"]] == ["er-lr15-2018"]  # type: ignore[attr-defined]
    regole = {r["regola"] for r in ottenuto["rilievi"]}  # type: ignore[attr-defined]
    assert regole and all(r.startswith("PP-") for r in regole)


def test_check_with_both_packs_equals_the_cli(client: TestClient, run: Run) -> None:
    atteso = _cli_json(run, "check", "--rules", LR21, "--rules", LR15)
    ottenuto = _api_json(client, "/api/check", ["er-lr21-2012", "er-lr15-2018"])
    assert ottenuto == atteso
    assert [p["id"] for p in ottenuto["pacchetti"]] == ["er-lr21-2012", "er-lr15-2018"]  # type: ignore[attr-defined]
    prefissi = {r["regola"][:3] for r in ottenuto["rilievi"]}  # type: ignore[attr-defined]
    assert "PP-" in prefissi and len(prefissi) > 1
    # a page's value, comma-separated, is the same choice
    assert _api_json(client, "/api/check", ["er-lr21-2012,er-lr15-2018"]) == atteso


@pytest.mark.parametrize(
    "valore", ["er-lr99-2030", "rules/er_lr15_2018.yaml", "/etc/passwd", "../rules/er_lr21_2012", "a\nb"]
)
@pytest.mark.parametrize("endpoint", ["/api/check", "/api/plan", "/api/draft"])
def test_unknown_rule_pack_is_422_one_line(client: TestClient, endpoint: str, valore: str) -> None:
    risposta = client.post(endpoint, files=[esempio(IMOLESE)], data={"regole": ["er-lr21-2012", valore]})
    riga = errore(risposta)
    assert riga.startswith("avviamento: valore non valido per 'regole': '")
    assert riga.endswith("(ammessi: er-lr21-2012, er-lr15-2018)")


def test_plan_with_lr15_equals_the_cli(client: TestClient, run: Run) -> None:
    ottenuto = _api_json(client, "/api/plan", ["er-lr15-2018"])
    assert ottenuto == _cli_json(run, "plan", "--rules", LR15)
    assert ottenuto["regole"]["id"] == "er-lr15-2018"  # type: ignore[index]
    assert ottenuto != _api_json(client, "/api/plan", None)


def test_draft_with_lr15_writes_what_draft_writes(client: TestClient, run: Run, tmp_path: Path) -> None:
    # the Imolese's process without its Negotiation Table: LR 15/2018 has an act to draft (PP-002)
    dati = yaml.safe_load((EXAMPLES / IMOLESE).read_text(encoding="utf-8"))
    dati["processi_partecipativi"][0].pop("tavolo_negoziazione")
    testo = yaml.safe_dump(dati, allow_unicode=True, sort_keys=False)
    profilo = tmp_path / "imolese.yaml"
    profilo.write_text(testo, encoding="utf-8")
    out = tmp_path / "bozze"
    assert run("draft", str(profilo), "--rules", LR15, "--out", str(out)).exit_code == 0
    scritti = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    campi = {"regole": ["er-lr15-2018"], "only": ["partecipazione"]}
    risposta = client.post("/api/draft", files={"profilo": ("imolese.yaml", testo.encode())}, data=campi)
    assert risposta.status_code == 200, risposta.text
    archivio = zipfile.ZipFile(io.BytesIO(risposta.content))
    assert sorted(archivio.namelist()) == scritti
    indice = json.loads(archivio.read("indice.json"))
    assert indice == json.loads((out / "indice.json").read_text())
    assert [(v["tipo"], v["rilievi"]) for v in indice] == [("tavolo", ["PP-002"])]
    # the default pack drafts no act for a participatory process
    predefinito = client.post("/api/draft", files={"profilo": ("imolese.yaml", testo.encode())})
    assert "tavolo" not in [
        v["tipo"] for v in json.loads(zipfile.ZipFile(io.BytesIO(predefinito.content)).read("indice.json"))
    ]


def test_api_page_documents_regole(client: TestClient) -> None:
    pagina = client.get("/api").text
    assert "<code>regole</code>: Pacchetti di regole inclusi" in pagina
    assert "er-lr21-2012 (predefinito), er-lr15-2018" in pagina
