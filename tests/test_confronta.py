"""`avviamento confronta`: Terre d'Acqua from January to June 2024, the JSON contract, different Unions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.conftest import EXAMPLES

Run = Callable[..., Result]
TDA = str(EXAMPLES / "terre-d-acqua.yaml")
DATES = ("--as-of-prima", "2024-01-15", "--as-of-dopo", "2024-06-30")


def test_terre_d_acqua_january_to_june_is_told_as_a_story(run: Run) -> None:
    result = run("confronta", TDA, TDA, *DATES)
    assert result.exit_code == 0, result.output
    assert (
        "Dal 15 gennaio al 30 giugno 2024 l'Unione è passata da non avviata ad avviata: "
        "sono divenute effettive Protezione civile e Tributi; chiusi 7 rilievi su 7." in result.stdout
    )
    assert "Rilievi chiusi (7)" in result.stdout
    assert "ER-004 La funzione «Tributi» non è conferita da tutti i Comuni" in result.stdout


def test_json_follows_the_contract(run: Run) -> None:
    result = run("confronta", TDA, TDA, *DATES, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {
        "formato", "unione", "prima", "dopo", "funzioni_divenute_effettive", "funzioni_non_piu_effettive",
        "rilievi_chiusi", "rilievi_aperti", "rilievi_persistenti",
    }  # fmt: skip
    assert data["formato"] == "avviamento/confronto@1"
    assert data["unione"] == "Unione Terre d'Acqua"
    assert data["prima"] == {
        "data_valutazione": "2024-01-15",
        "classe": "non_avviata",
        "esito": "non_conforme",
        "funzioni_effettive": ["cuc", "personale", "sistemi_informativi", "ufficio_di_piano"],
    }
    assert data["dopo"]["classe"] == "avviata" and data["dopo"]["data_valutazione"] == "2024-06-30"
    assert data["dopo"]["esito"] == "conforme"
    assert data["funzioni_divenute_effettive"] == ["protezione_civile", "tributi"]
    assert data["funzioni_non_piu_effettive"] == []
    chiusi = data["rilievi_chiusi"]
    assert len(chiusi) == 7 and data["rilievi_aperti"] == [] and data["rilievi_persistenti"] == []
    assert set(chiusi[0]) == {"regola", "funzione", "comuni", "messaggio"}
    chiavi = [(r["regola"], r["funzione"] or "", r["comuni"]) for r in chiusi]
    assert chiavi == sorted(chiavi)


def test_reverse_order_reopens_the_findings(run: Run) -> None:
    result = run(
        "confronta", TDA, TDA, "--as-of-prima", "2024-06-30", "--as-of-dopo", "2024-01-15", "--format", "json"
    )
    data = json.loads(result.stdout)
    assert len(data["rilievi_aperti"]) == 7 and data["rilievi_chiusi"] == []
    assert len(data["funzioni_non_piu_effettive"]) == 2
    assert (
        "l'Unione è passata da avviata a non avviata"
        in run("confronta", TDA, TDA, "--as-of-prima", "2024-06-30", "--as-of-dopo", "2024-01-15").stdout
    )


def test_markdown_html_and_english(run: Run) -> None:
    md = run("confronta", TDA, TDA, *DATES, "--format", "markdown").stdout
    assert md.startswith("# Unione Terre d'Acqua — Confronto tra due valutazioni")
    html = run("confronta", TDA, TDA, *DATES, "--format", "html").stdout
    assert "<h2>Rilievi chiusi (7)</h2>" in html and "l&#x27;Unione è passata" in html
    en = run("confronta", TDA, TDA, *DATES, "--lang", "en").stdout
    assert "From 15 January to 30 June 2024 the Union went from non avviata to avviata" in en


def test_two_different_unions_exit_2_with_one_line(run: Run) -> None:
    result = run("confronta", TDA, str(EXAMPLES / "terre-del-delta.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "terre-del-delta.yaml:1:1: i due profili sono di Unioni diverse" in lines[0]


def test_same_name_without_codice_fiscale_is_the_same_union(run: Run, tmp_path: Path) -> None:
    testo = Path(TDA).read_text(encoding="utf-8")
    senza_cf = tmp_path / "senza-cf.yaml"
    senza_cf.write_text(testo.replace('  codice_fiscale: "03011230376"\n', ""), encoding="utf-8")
    assert "codice_fiscale" not in senza_cf.read_text(encoding="utf-8").split("comuni:")[0]
    assert run("confronta", TDA, str(senza_cf)).exit_code == 0


def test_a_bad_profile_or_date_is_exit_2(run: Run, tmp_path: Path) -> None:
    rotto = tmp_path / "rotto.yaml"
    rotto.write_text("unione: [\n", encoding="utf-8")
    result = run("confronta", TDA, str(rotto))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert run("confronta", TDA, TDA, "--as-of-prima", "2024-13-01").exit_code == 2
