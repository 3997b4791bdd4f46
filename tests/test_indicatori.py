"""The optional `indicatori:` section (Carta d'identità delle Unioni): validated, reported, stored, charted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES

Run = Callable[..., Result]
INDICATORI = """
indicatori:
  - {funzione: protezione_civile, codice: QS-01, famiglia: qualita, valore: 12, unita: giorni, anno: 2023, fonte: "Ufficio PC"}
  - {funzione: protezione_civile, codice: QS-01, famiglia: qualita, valore: 9.5, unita: giorni, anno: 2024}
  - {funzione: tributi, codice: SE-02, famiglia: sostenibilita, valore: 104000, unita: euro, anno: 2024}
"""


def _profilo(tmp_path: Path, extra: str = INDICATORI) -> Path:
    path = tmp_path / "tda.yaml"
    path.write_text((EXAMPLES / "terre-d-acqua.yaml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_check_shows_the_indicators_per_function(run: Run, tmp_path: Path) -> None:
    out = run("check", str(_profilo(tmp_path))).stdout
    sezione = out[out.index("Indicatori (Carta d'identità delle Unioni)") : out.index("\nRilievi")]
    assert sezione.splitlines()[1:] == [
        "  Protezione civile",
        "    2023 · qualita · QS-01: 12 giorni (fonte: Ufficio PC)",
        "    2024 · qualita · QS-01: 9,5 giorni",
        "  Tributi",
        "    2024 · sostenibilita · SE-02: 104000 euro",
    ]


def test_every_report_format_shows_the_indicators_per_function(run: Run, tmp_path: Path) -> None:
    path = str(_profilo(tmp_path))
    md = run("check", path, "--format", "markdown").stdout
    sezione = md[md.index("## Indicatori (Carta d'identità delle Unioni)") : md.index("## Rilievi")]
    assert sezione.index("### Protezione civile") < sezione.index("### Tributi")
    assert "| 2023 | qualità del servizio | QS-01 | 12 giorni | Ufficio PC |" in sezione
    assert "| 2024 | qualità del servizio | QS-01 | 9,5 giorni | — |" in sezione
    assert "| 2024 | sostenibilità economica | SE-02 | 104000 euro | — |" in sezione

    html = run("check", path, "--format", "html").stdout
    tabelle = [t + "</table>" for t in html.split("</table>")[:-1]]
    assert len(tabelle) == 2
    righe = [ET.fromstring(t[t.index("<table") :]) for t in tabelle]
    assert [t.findtext("caption") for t in righe] == ["Protezione civile", "Tributi"]
    celle = [[td.text for td in tr] for tr in righe[0].iter("tr")][1:]
    assert celle == [
        ["2023", "qualità del servizio", "QS-01", "12 giorni", "Ufficio PC"],
        ["2024", "qualità del servizio", "QS-01", "9,5 giorni", "—"],
    ]
    assert html.index("Indicatori (Carta d'identità") < html.index("<h2>Rilievi")

    dati = json.loads(run("check", path, "--format", "json").stdout)
    assert dati["indicatori"] == {
        "protezione_civile": [
            {"codice": "QS-01", "famiglia": "qualita", "valore": 12.0, "unita": "giorni", "anno": 2023,
             "fonte": "Ufficio PC"},
            {"codice": "QS-01", "famiglia": "qualita", "valore": 9.5, "unita": "giorni", "anno": 2024,
             "fonte": None},
        ],
        "tributi": [
            {"codice": "SE-02", "famiglia": "sostenibilita", "valore": 104000.0, "unita": "euro", "anno": 2024,
             "fonte": None},
        ],
    }  # fmt: skip
    inglese = run("check", path, "--format", "markdown", "--lang", "en").stdout
    assert "| Year | Family | Indicator | Value | Source |" in inglese
    assert "| 2024 | service quality | QS-01 | 9.5 giorni | — |" in inglese


def test_indicator_text_from_the_profile_is_escaped(run: Run, tmp_path: Path) -> None:
    voce = '{funzione: tributi, codice: "<b>X|1</b>", famiglia: innovazione, valore: 1, anno: 2024, fonte: "a|b"}'
    path = str(_profilo(tmp_path, f"indicatori:\n  - {voce}\n"))
    html = run("check", path, "--format", "html").stdout
    assert "<b>X" not in html and "&lt;b&gt;X|1&lt;/b&gt;" in html
    md = run("check", path, "--format", "markdown").stdout
    assert r"| 2024 | innovazione | \<b\>X\|1\</b\> | 1 | a\|b |" in md


def test_without_indicators_the_report_has_no_section(run: Run) -> None:
    for formato in ("text", "markdown", "html"):
        assert (
            "Indicatori" not in run("check", str(EXAMPLES / "terre-d-acqua.yaml"), "--format", formato).stdout
        )
    assert (
        json.loads(run("check", str(EXAMPLES / "terre-d-acqua.yaml"), "--format", "json").stdout)[
            "indicatori"
        ]
        == {}
    )


@pytest.mark.parametrize(
    ("voce", "atteso"),
    [
        ("{funzione: protezione_civle, codice: X, famiglia: qualita, valore: 1, anno: 2024}",
         "funzione sconosciuta 'protezione_civle' (forse intendevi 'protezione_civile'?)"),
        ("{funzione: tributi, codice: X, famiglia: qualita, valore: uno, anno: 2024}", "deve essere un numero"),
        ("{funzione: tributi, codice: X, famiglia: bellezza, valore: 1, anno: 2024}", "'indicatori[1].famiglia'"),
        ("{funzione: tributi, codice: X, famiglia: qualita, valore: 1, anno: 20245}", "'indicatori[1].anno'"),
        ("{funzione: tributi, codice: X, famiglia: qualita, valore: .nan, anno: 2024}", "'indicatori[1].valore'"),
        ("{funzione: tributi, famiglia: qualita, valore: 1, anno: 2024}", "codice"),
    ],
)  # fmt: skip
def test_bad_indicators_are_one_line_exit_2(run: Run, tmp_path: Path, voce: str, atteso: str) -> None:
    path = _profilo(tmp_path, f"indicatori:\n  - {voce}\n")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"{path}:")
    assert atteso in result.stderr


def test_indicators_are_stored_and_charted_across_years(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert run("storico", "registra", str(_profilo(tmp_path)), "--db", db).exit_code == 0
    [v] = json.loads(run("storico", "mostra", "acqua", "--db", db, "--format", "json").stdout)
    assert {(i["codice"], i["anno"], i["valore"]) for i in v["indicatori"]} == {
        ("QS-01", 2023, 12.0), ("QS-01", 2024, 9.5), ("SE-02", 2024, 104000.0),
    }  # fmt: skip
    assert (
        "protezione_civile · QS-01 — 2023: 12 giorni, 2024: 9,5 giorni"
        in run("storico", "mostra", "acqua", "--db", db).stdout
    )
    html = run("storico", "mostra", "acqua", "--db", db, "--format", "html").stdout
    svgs = [html[i : html.index("</svg>", i) + 6] for i in range(len(html)) if html.startswith("<svg", i)]
    assert len(svgs) == 2
    root = ET.fromstring(svgs[1])
    linee = {e.get("data-codice"): e.get("points") for e in root.iter("{http://www.w3.org/2000/svg}polyline")}
    assert len((linee["QS-01"] or "").split()) == 2 and len((linee["SE-02"] or "").split()) == 1
