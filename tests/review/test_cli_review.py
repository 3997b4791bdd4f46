"""End-to-end: `avviamento review` on a folder of valid, broken and conflicting profiles, every format and exit code."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]

NOMI = (
    "nuovo-circondario-imolese.yaml",
    "profilo-esempio.yaml",
    "rotto.yaml",
    "terre-d-acqua-bis.yml",
    "terre-d-acqua.yaml",
    "terre-del-delta.yaml",
    "terre-e-acqua-sud.yaml",
    "tipo-errato.yaml",
)
UNIONI = (
    "Nuovo Circondario Imolese",
    "Unione dei Comuni Valle & Pianura",
    "Unione Terre d'Acqua",
    "Unione dei Comuni Terre del Delta",
    "Terre & Acqua <Sud>",
)
INTESTAZIONE = [
    "file",
    "unione",
    "valido",
    "errore",
    "classe_dichiarata",
    "classe",
    "funzioni_effettive",
    "errori",
    "avvisi",
    "informazioni",
    "data_valutazione",
    "rilievi_incrociati",
]


def _json(run: Run, *args: str) -> tuple[Result, dict[str, object]]:
    result = run("review", *args, "--format", "json")
    return result, json.loads(result.stdout)


def test_every_file_is_a_row_and_a_broken_file_does_not_stop_the_batch(run: Run, cartella: Path) -> None:
    result, data = _json(run, str(cartella))
    assert result.exit_code == 1  # two invalid files, and profiles with open errors
    profili = data["profili"]
    assert isinstance(profili, list)
    assert [p["file"] for p in profili] == list(NOMI)  # .txt and .bozze/ skipped
    validita = {Path(p["file"]).name: p["valido"] for p in profili}
    assert validita == {n: n not in ("rotto.yaml", "tipo-errato.yaml") for n in NOMI}


def test_invalid_files_carry_their_one_line_error_with_position(run: Run, cartella: Path) -> None:
    _, data = _json(run, str(cartella))
    righe = {Path(p["file"]).name: p for p in data["profili"]}  # type: ignore[attr-defined]
    rotto = righe["rotto.yaml"]
    assert rotto["errore"].startswith("rotto.yaml:2:1: YAML non valido")
    assert "\n" not in rotto["errore"]
    assert rotto["classe"] is None and rotto["errori"] is None and rotto["esito"] == "non_valido"
    tipo = righe["tipo-errato.yaml"]
    assert tipo["errore"] == (
        "tipo-errato.yaml:6:18: 'comuni[1].popolazione': deve essere un numero intero (valore: 'molti')"
    )
    assert tipo["unione"] == "Unione Tipo Errato"  # named even though invalid, so the reviewer knows who


def test_rows_hold_declared_and_computed_class_and_counts(run: Run, cartella: Path) -> None:
    _, data = _json(run, str(cartella))
    righe = {Path(p["file"]).name: p for p in data["profili"]}  # type: ignore[attr-defined]
    sud = righe["terre-e-acqua-sud.yaml"]
    assert sud["unione"] == "Terre & Acqua <Sud>"
    assert sud["classe_dichiarata"] == "avviata"
    assert sud["classe"] == "non_avviata"  # no function at all
    assert sud["funzioni_effettive"] == []
    assert sud["data_valutazione"] == "2024-06-30"
    acqua = righe["terre-d-acqua.yaml"]
    assert acqua["classe"] == "avviata"
    # ICT + personale + protezione civile + tributi (3 of the art. 7 c.3 seven) plus CUC and Ufficio di Piano
    assert acqua["funzioni_effettive"] == [
        "cuc",
        "personale",
        "protezione_civile",
        "sistemi_informativi",
        "tributi",
        "ufficio_di_piano",
    ]
    assert acqua["errori"] == 0 and acqua["esito"] == "conforme"
    delta = righe["terre-del-delta.yaml"]
    assert delta["classe"] == "non_avviata" and delta["funzioni_effettive"] == ["polizia_locale"]
    assert delta["errori"] > 0 and delta["esito"] == "non_conforme"


def test_cross_file_findings_name_the_files(run: Run, cartella: Path) -> None:
    _, data = _json(run, str(cartella))
    incrociati = data["rilievi_incrociati"]
    assert isinstance(incrociati, list)
    per_tipo = {r["tipo"]: r for r in incrociati}
    assert sorted(per_tipo) == ["classe_dichiarata_superiore", "comune_in_piu_unioni", "unione_duplicata"]
    assert len(incrociati) == 3

    comune = per_tipo["comune_in_piu_unioni"]
    assert comune["comuni"] == ["Crevalcore", "San Giovanni in Persiceto"]
    # Terre d'Acqua (both of its files) against Terre & Acqua <Sud>
    assert comune["file"] == ["terre-d-acqua-bis.yml", "terre-d-acqua.yaml", "terre-e-acqua-sud.yaml"]
    assert "Crevalcore (037024)" in comune["messaggio"]
    assert (
        "San Giovanni in Persiceto (037053)" in comune["messaggio"]
    )  # matched by name via the ISTAT register
    assert "2 Unioni" in comune["messaggio"]

    doppia = per_tipo["unione_duplicata"]
    assert doppia["file"] == ["terre-d-acqua-bis.yml", "terre-d-acqua.yaml"]
    assert "stesso nome e codice fiscale 03011230376" in doppia["messaggio"]

    classe = per_tipo["classe_dichiarata_superiore"]
    assert classe["file"] == ["terre-e-acqua-sud.yaml"]


def test_json_shape(run: Run, cartella: Path) -> None:
    _, data = _json(run, str(cartella), "--as-of", "2024-06-30")
    assert data["formato"] == "avviamento/istruttoria@1"
    assert data["data_valutazione"] == "2024-06-30"
    regole = data["regole"]
    assert isinstance(regole, dict) and regole["id"] == "er-lr21-2012" and len(regole["sha256"]) == 64
    chiavi = {"file", "valido", "errore", "unione", "classe_dichiarata", "classe", "funzioni_effettive"}
    for profilo in data["profili"]:  # type: ignore[attr-defined]
        assert chiavi | {"errori", "avvisi"} <= set(profilo)
        if profilo["valido"]:
            assert profilo["data_valutazione"] == "2024-06-30"  # --as-of overrides each data_riferimento
            assert isinstance(profilo["errori"], int) and isinstance(profilo["avvisi"], int)
    for rilievo in data["rilievi_incrociati"]:  # type: ignore[attr-defined]
        assert {"tipo", "messaggio", "file", "comuni"} <= set(rilievo)
    conteggi = data["conteggi"]
    # 8 files: 6 valid, 2 invalid; 3 cross-file findings
    assert isinstance(conteggi, dict)
    assert (conteggi["profili"], conteggi["validi"], conteggi["non_validi"]) == (8, 6, 2)
    assert conteggi["rilievi_incrociati"] == 3


def test_csv_reads_back_with_semicolon(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella), "--format", "csv")
    assert result.exit_code == 1
    assert not result.stdout.startswith("\ufeff")
    righe = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    assert righe[0] == INTESTAZIONE
    assert len(righe) == 1 + len(NOMI)
    per_file = {Path(r[0]).name: dict(zip(INTESTAZIONE, r, strict=True)) for r in righe[1:]}
    sud = per_file["terre-e-acqua-sud.yaml"]
    assert sud["unione"] == "Terre & Acqua <Sud>"
    assert sud["valido"] == "sì"
    assert sud["classe"] == "non avviata"  # labels, not codes (the JSON has the codes)
    assert sud["data_valutazione"] == "2024-06-30"
    assert "Crevalcore (037024)" in sud["rilievi_incrociati"]
    acqua = per_file["terre-d-acqua.yaml"]
    assert acqua["funzioni_effettive"] == (
        "Centrale unica di committenza (CUC), Gestione del personale, Protezione civile, "
        "Sistemi informativi e tecnologie dell'informazione (ICT), Tributi, Ufficio di Piano socio-sanitario"
    )
    assert acqua["errori"] == "0"
    rotto = per_file["rotto.yaml"]
    assert rotto["valido"] == "no" and rotto["errore"].startswith("rotto.yaml:2:1:")
    assert rotto["errori"] == ""


def test_csv_with_bom_for_spreadsheets(run: Run, cartella: Path, tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.csv"
    result = run("review", str(cartella), "--format", "csv", "--bom", "--out", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbffile;unione;valido;")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        righe = list(csv.reader(fh, delimiter=";"))
    assert righe[0] == INTESTAZIONE
    assert len(righe) == 1 + len(NOMI)


def test_csv_neutralises_formulas(run: Run, write: Callable[[str, str], Path]) -> None:
    path = write('unione:\n  nome: "=HYPERLINK(\\"http://x\\")"\ncomuni:\n  - {nome: Goro}\n', "formula.yaml")
    result = run("review", str(path), "--format", "csv")
    riga = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=";"))[1]
    assert riga[1] == '\'=HYPERLINK("http://x")'


class _Testo(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.testo: list[str] = []
        self.tag: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag.append(tag)

    def handle_data(self, data: str) -> None:
        self.testo.append(data)


def test_html_is_self_contained_and_names_every_union(run: Run, cartella: Path, tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.html"
    result = run("review", str(cartella), "--format", "html", "--out", str(out))
    assert result.exit_code == 1
    assert str(out) in result.stderr
    html = out.read_text(encoding="utf-8")
    parser = _Testo()
    parser.feed(html)
    parser.close()
    testo = "".join(parser.testo)
    for unione in (*UNIONI, "Unione Tipo Errato"):
        assert unione in testo
    assert "Terre &amp; Acqua &lt;Sud&gt;" in html and "<Sud>" not in html
    assert not {"link", "img", "iframe"} & set(parser.tag)
    # one inline script (sorting and filters), nothing loaded from elsewhere
    assert parser.tag.count("script") == 1 and "<script>" in html and "src=" not in html
    assert "<style>" in html
    # the findings with their legal source, and the cross-file findings
    assert "LR Emilia-Romagna 21/2012, art. 7, c. 3" in testo
    assert "Comune in più Unioni" in testo
    assert "rotto.yaml:2:1: YAML non valido" in testo


def test_exit_0_when_no_profile_has_errors(run: Run, validi: Path) -> None:
    result = run("review", str(validi))
    assert result.exit_code == 0, result.stdout
    assert "Imolese" in result.stdout and "d'Acqua" in result.stdout  # names may wrap inside their cell
    assert "Profili: 2 · validi: 2 · non validi: 0" in result.stdout


def test_exit_1_for_a_single_invalid_file(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella / "rotto.yaml"))
    assert result.exit_code == 1
    assert f"{cartella / 'rotto.yaml'}:2:1: YAML non valido" in result.stdout


def test_table_lists_invalid_files_and_cross_findings(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella))
    assert result.exit_code == 1
    out = result.stdout
    assert "Profili non validi (2)" in out
    assert "Rilievi incrociati tra i profili (3)" in out
    assert "Terre & Acqua <Sud>" in out
    assert "Profili: 8 · validi: 6 · non validi: 2" in out


def test_english(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella), "--format", "csv", "--lang", "en")
    per_file = {Path(r[0]).name: r for r in csv.reader(io.StringIO(result.stdout, newline=""), delimiter=";")}
    assert per_file["rotto.yaml"][2] == "no"
    assert per_file["terre-d-acqua.yaml"][2] == "yes"
    assert "invalid YAML" in per_file["rotto.yaml"][3]


def test_unusable_arguments_exit_2_with_one_line(run: Run, cartella: Path, tmp_path: Path) -> None:
    missing = run("review", str(cartella), str(tmp_path / "manca"))
    assert missing.exit_code == 2
    assert missing.stderr == f"{tmp_path / 'manca'}:1:1: file non trovato\n"

    date = run("review", str(cartella), "--as-of", "31/02/2024")
    assert date.exit_code == 2
    assert (
        date.stderr == "avviamento: data inesistente per --as-of: '31/02/2024' (febbraio 2024 ha 29 giorni)\n"
    )

    pack = run("review", str(cartella), "--rules", str(cartella / "terre-d-acqua.yaml"))
    assert pack.exit_code == 2
    assert pack.stderr.count("\n") == 1 and pack.stderr.startswith(f"{cartella / 'terre-d-acqua.yaml'}:")

    bom = run("review", str(cartella), "--format", "json", "--bom")
    assert bom.exit_code == 2
    assert bom.stderr == "avviamento: --bom: vale solo con --format csv\n"

    vuota = tmp_path / "vuota"
    vuota.mkdir()
    empty = run("review", str(vuota))
    assert empty.exit_code == 2
    assert empty.stderr == f"avviamento: nessun profilo .yaml o .yml trovato in: {vuota}\n"

    cartella_out = run("review", str(cartella), "--out", str(tmp_path / "non" / "esiste.html"))
    assert cartella_out.exit_code == 2
    assert (
        cartella_out.stderr
        == f"avviamento: --out: {tmp_path / 'non' / 'esiste.html'}: la cartella non esiste\n"
    )


def test_out_never_overwrites_without_force(run: Run, validi: Path, tmp_path: Path) -> None:
    out = tmp_path / "istruttoria.json"
    out.write_text("lavoro del revisore", encoding="utf-8")
    refused = run("review", str(validi), "--format", "json", "--out", str(out))
    assert refused.exit_code == 2
    assert (
        refused.stderr == f"avviamento: --out: {out}: il file esiste già (usare --force per sovrascriverlo)\n"
    )
    assert out.read_text(encoding="utf-8") == "lavoro del revisore"

    forced = run("review", str(validi), "--format", "json", "--out", str(out), "--force")
    assert forced.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["formato"] == "avviamento/istruttoria@1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["istruttoria.json", "validi"]  # no temporary left


def test_the_profiles_are_never_modified(run: Run, cartella: Path) -> None:
    prima = {p: p.read_bytes() for p in cartella.rglob("*") if p.is_file()}
    run("review", str(cartella), "--format", "html")
    assert {p: p.read_bytes() for p in cartella.rglob("*") if p.is_file()} == prima
