"""`review --format csv --per-rilievo`: one row per open finding, readable in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def _righe(result: Result) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))


def test_one_row_per_open_finding_with_the_check_s_rules_and_messages(run: Run, cartella: Path) -> None:
    result = run("review", str(cartella), "--format", "csv", "--per-rilievo", "--as-of", "2024-05-15")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "File;Unione;Regola;Gravità;Stato;Scadenza;Giorni;Messaggio;Fonte"
    righe = _righe(result)
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
