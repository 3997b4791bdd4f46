"""`review --format csv --per-rilievo`: one row per open finding, readable in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from avviamento.esito import InfoRegole
from avviamento.review import incrociati
from avviamento.review.istruttoria import Istruttoria, Riga, RilievoIncrociato
from avviamento.review.render.csv import render, render_rilievi
from tests.conftest import ROOT

Run = Callable[..., Result]


def _righe(result: Result) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))


def test_one_row_per_open_finding_with_the_check_s_rules_and_messages(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella), "--format", "csv", "--per-rilievo", "--as-of", "2024-05-15")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "File;Unione;Regola;Gravità;Stato;Scadenza;Giorni;Messaggio;Fonte"
    righe = [r for r in _righe(result) if r["Stato"] != "rilievo incrociato"]  # those: the test below
    riepilogo = json.loads(run("review", str(cartella), "--format", "json", "--as-of", "2024-05-15").stdout)
    for profilo in riepilogo["profili"]:
        mie = [r for r in righe if r["File"] == profilo["file"]]
        if not profilo["valido"]:  # one row, with the file's error
            assert len(mie) == 1 and mie[0]["Stato"] == "profilo non valido"
            assert mie[0]["Messaggio"] == profilo["errore"]
            continue
        gravita = Counter(r["Gravità"] for r in mie)
        attese = {
            "errore": profilo["errori"],
            "avviso": profilo["avvisi"],
            "informazione": profilo["informazioni"],
        }
        assert gravita == Counter({k: v for k, v in attese.items() if v}), profilo["file"]
    # the same findings `check` gives for one of the files, state and days included
    esito = json.loads(
        run(
            "check", str(cartella / "terre-del-delta.yaml"), "--format", "json", "--as-of", "2024-05-15"
        ).stdout
    )
    aperti = [r for r in esito["rilievi"] if r["stato"] in ("violata", "in_scadenza", "scaduta")]
    delta = [r for r in righe if r["File"] == "terre-del-delta.yaml"]
    assert [(r["Regola"], r["Messaggio"]) for r in delta] == [(r["regola"], r["messaggio"]) for r in aperti]
    scadenze = [r for r in delta if r["Stato"] == "in scadenza"]
    assert scadenze and all(r["Scadenza"] == "2024-06-30" and r["Giorni"] == "46" for r in scadenze)
    assert all(r["Unione"] == "Unione dei Comuni Terre del Delta" and r["Fonte"] for r in delta)


def test_english_headers_and_labels_and_option_only_with_csv(run: Run, validi: Path) -> None:
    result = run(
        "review", str(validi), "--format", "csv", "--per-rilievo", "--lang", "en", "--as-of", "2025-01-01"
    )
    assert result.stdout.splitlines()[0] == "File;Union;Rule;Severity;State;Deadline;Days;Message;Source"
    righe = _righe(result)
    assert righe and {r["Severity"] for r in righe} <= {"error", "warning", "information"}
    assert {r["State"] for r in righe} <= {"violated", "due soon", "overdue"}
    sbagliato = run("review", str(validi), "--per-rilievo")
    assert sbagliato.exit_code == 2
    assert sbagliato.stderr == "avviamento: --per-rilievo: vale solo con --format csv\n"


def test_cross_file_findings_are_rows_for_each_file_they_name(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella), "--format", "csv", "--per-rilievo", "--as-of", "2024-05-15")
    righe = _righe(result)
    dati = json.loads(run("review", str(cartella), "--format", "json", "--as-of", "2024-05-15").stdout)
    unione_di = {p["file"]: p["unione"] for p in dati["profili"]}
    etichette = {
        "comune_in_piu_unioni": "Comune in più Unioni",
        "unione_duplicata": "Unione ripetuta",
        "classe_dichiarata_superiore": "Classe dichiarata superiore a quella calcolata",
    }
    attese = [
        (file, unione_di[file], etichette[r["tipo"]], r["messaggio"])
        for r in dati["rilievi_incrociati"]
        for file in r["file"]
    ]
    assert len(attese) == 6  # three findings: naming 3, 2 and 1 files
    incrociate = [r for r in righe if r["Stato"] == "rilievo incrociato"]
    assert [(r["File"], r["Unione"], r["Regola"], r["Messaggio"]) for r in incrociate] == attese
    assert righe[-len(attese) :] == incrociate  # after every profile's own rows
    assert all(r["Gravità"] == r["Scadenza"] == r["Giorni"] == "" for r in incrociate)
    fonti = {r["Regola"]: r["Fonte"] for r in incrociate}
    assert fonti["Comune in più Unioni"].startswith("D.Lgs. 267/2000 (TUEL), art. 32")
    assert fonti["Unione ripetuta"] == fonti["Classe dichiarata superiore a quella calcolata"] == ""
    assert "comune_in_piu_unioni" not in result.stdout  # labels, not codes
    # what a reviewer filtering the sheet on one file sees: its own findings and the ones across files
    sud = [r["Regola"] for r in righe if r["File"] == "terre-e-acqua-sud.yaml"]
    assert sud[-2:] == ["Comune in più Unioni", "Classe dichiarata superiore a quella calcolata"]
    assert len(sud) > 2


def test_cross_file_rows_in_english_and_with_several_packs(run: Run, cartella: Path) -> None:
    lr21, lr15 = (str(ROOT / "rules" / nome) for nome in ("er_lr21_2012.yaml", "er_lr15_2018.yaml"))
    result = run(
        "review", str(cartella), "--format", "csv", "--per-rilievo", "--lang", "en",
        "--rules", lr21, "--rules", lr15,
    )  # fmt: skip
    righe = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    assert righe[0][-1] == "Rule pack"
    incrociate = [r for r in righe if r[4] == "cross-file finding"]
    assert [r[2] for r in incrociate] == ["Comune in several Unions"] * 3 + ["Union sent twice"] * 2 + [
        "Declared class above the computed one"
    ]
    assert all(len(r) == len(righe[0]) and r[-1] == "" for r in incrociate)
    assert incrociate[0][8].startswith("Legislative Decree 267/2000")


def test_no_cross_file_row_when_there_is_no_cross_file_finding(run: Run, validi: Path) -> None:
    result = run("review", str(validi), "--format", "csv", "--per-rilievo", "--as-of", "2025-01-01")
    assert "rilievo incrociato" not in result.stdout
    assert json.loads(run("review", str(validi), "--format", "json").stdout)["rilievi_incrociati"] == []


def test_a_cross_file_message_is_written_once_however_many_files_it_names() -> None:
    """Many Unions sharing Comuni make long messages naming many files: one copy each, not one per file."""
    scritti: list[str] = []
    messaggio = "Il Comune di Goro risulta membro di 3 Unioni: …"

    def crea(lang: str) -> str:
        scritti.append(lang)
        return messaggio

    file = ("a.yaml", "b.yaml", "c.yaml")
    righe = tuple(Riga(f, True, unione=f"Unione {f}") for f in file)
    incrociato = RilievoIncrociato(
        "comune_in_piu_unioni", incrociati.TestoDifferito(crea), file, ("Goro",), ("A", "B", "C")
    )
    istruttoria = Istruttoria(None, InfoRegole("er", "1", "0"), righe, (incrociato,))
    per_profilo = list(csv.DictReader(io.StringIO(render(istruttoria)), delimiter=";"))
    assert [r["rilievi_incrociati"] for r in per_profilo] == [messaggio] * 3
    per_rilievo = list(csv.DictReader(io.StringIO(render_rilievi(istruttoria)), delimiter=";"))
    assert [(r["File"], r["Unione"]) for r in per_rilievo] == [(f, f"Unione {f}") for f in file]
    assert scritti == ["it", "it"]  # once for each CSV
