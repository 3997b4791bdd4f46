"""`review --rules` repeated, like `check --rules`: every pack's findings, each with its pack id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
LR21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")


def test_two_packs_in_one_review_as_in_check(run: Run, tmp_path: Path) -> None:
    base = tmp_path / "profili"
    base.mkdir()
    testo = (EXAMPLES / "nuovo-circondario-imolese.yaml").read_text(encoding="utf-8")
    assert "relazione_finale: {inviata: 2020-10-30}" in testo
    # the final report of the participatory process never sent: a PP finding
    senza = testo.replace("relazione_finale: {inviata: 2020-10-30}", "relazione_finale: {inviata: null}")
    (base / "imola.yaml").write_text(senza, encoding="utf-8")
    (base / "delta.yaml").write_text((EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8"))
    opzioni = ("--rules", LR21, "--rules", LR15, "--as-of", "2021-06-01")

    dati = json.loads(run("review", str(base), *opzioni, "--format", "json").stdout)
    assert [p["id"] for p in dati["pacchetti"]] == ["er-lr21-2012", "er-lr15-2018"]
    assert dati["regole"]["id"] == "er-lr21-2012"  # unchanged: the first pack
    esito = json.loads(run("check", str(base / "imola.yaml"), *opzioni, "--format", "json").stdout)
    imola = next(p for p in dati["profili"] if p["file"] == "imola.yaml")
    aperti = [r for r in esito["rilievi"] if r["stato"] in ("violata", "in_scadenza", "scaduta")]
    assert imola["errori"] == sum(1 for r in aperti if r["gravita"] == "errore")
    assert imola["avvisi"] == sum(1 for r in aperti if r["gravita"] == "avviso")
    assert any(r["regola"].startswith("PP-") for r in aperti)

    result = run("review", str(base), *opzioni, "--format", "csv", "--per-rilievo")
    righe = list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))
    assert list(righe[0])[-1] == "Pacchetto di regole"
    proprie = [r for r in righe if r["Stato"] != "rilievo incrociato"]  # Imola claims too high a class too
    mie = [(r["Regola"], r["Pacchetto di regole"]) for r in proprie if r["File"] == "imola.yaml"]
    assert mie == [(r["regola"], r["pacchetto"]) for r in aperti]
    assert {p for _, p in mie} == {"er-lr21-2012", "er-lr15-2018"}

    # one pack: no pack column, and the JSON lists the one pack
    solo = run("review", str(base), "--format", "csv", "--per-rilievo").stdout.splitlines()[0]
    assert solo.endswith(";Fonte")
    uno = json.loads(run("review", str(base), "--format", "json").stdout)
    assert [p["id"] for p in uno["pacchetti"]] == ["er-lr21-2012"]
