"""The LR 15/2018 pack end to end: the Circondario's process checks clean, variants give PP findings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from avviamento.checks.common import campo_data, piu_mesi
from avviamento.profilo import Fase, ProcessoPartecipativo
from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
IMOLA = EXAMPLES / "nuovo-circondario-imolese.yaml"


def test_the_circondario_process_is_clean_with_the_lr15_pack(run: Run) -> None:
    result = run("check", str(IMOLA), "--rules", LR15, "--format", "json")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["regole"]["id"] == "er-lr15-2018"
    stati = {r["regola"]: r["stato"] for r in data["rilievi"]}
    assert stati["PP-001"] == stati["PP-007"] == stati["PP-103"] == "soddisfatta"


def test_a_profile_without_the_sections_is_not_applicable(run: Run) -> None:
    result = run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--rules", LR15, "--format", "json")
    assert result.exit_code == 0
    stati = {r["stato"] for r in json.loads(result.stdout)["rilievi"]}
    assert stati == {"non_applicabile"}


def test_a_late_final_report_fails_the_check(run: Run, tmp_path: Path) -> None:
    testo = IMOLA.read_text(encoding="utf-8").replace(
        "relazione_finale: {inviata: 2020-10-30}", "relazione_finale: {inviata: 2020-11-20}"
    )
    profilo = tmp_path / "imola.yaml"
    profilo.write_text(testo, encoding="utf-8")
    result = run("check", str(profilo), "--rules", LR15)
    assert result.exit_code == 1
    assert "PP-006" in result.stdout
    assert "oltre il termine del 4 novembre 2020" in result.stdout


def test_the_pack_lints_clean(run: Run) -> None:
    result = run("rules", "lint", LR15)
    assert result.exit_code == 0
    assert "nessun problema" in result.stdout


def test_months_are_added_like_the_calendar() -> None:
    assert piu_mesi(dt.date(2020, 1, 15), 6) == dt.date(2020, 7, 15)
    assert piu_mesi(dt.date(2020, 8, 31), 6) == dt.date(2021, 2, 28)
    assert piu_mesi(dt.date(2019, 11, 30), 3) == dt.date(2020, 2, 29)
    assert piu_mesi(dt.date(2020, 12, 1), 12) == dt.date(2021, 12, 1)


def test_dates_are_read_at_dotted_paths() -> None:
    processo = ProcessoPartecipativo(
        titolo="t", avvio=dt.date(2020, 1, 15), fasi=[Fase(nome="a", dal=dt.date(2020, 1, 20))]
    )
    assert campo_data(processo, "fasi.0.dal") == dt.date(2020, 1, 20)
    assert campo_data(processo, "fasi.3.dal") is None
    assert campo_data(processo, "docpp.validato") is None
    assert campo_data(processo, "avvio") == dt.date(2020, 1, 15)


def test_two_packs_in_one_report_each_finding_names_its_pack(run: Run) -> None:
    lr21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
    result = run("check", str(IMOLA), "--rules", lr21, "--rules", LR15, "--format", "json")
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["pacchetti"]] == ["er-lr21-2012", "er-lr15-2018"]
    assert data["regole"]["id"] == "er-lr21-2012"  # the first pack, as before
    pacchetti = {r["regola"][:2]: r["pacchetto"] for r in data["rilievi"]}
    assert pacchetti == {"ER": "er-lr21-2012", "PP": "er-lr15-2018"}
    testo = run("check", str(IMOLA), "--rules", lr21, "--rules", LR15).stdout
    assert "er-lr21-2012 2026.11.2" in testo and "er-lr15-2018 2026.12.1" in testo


def test_the_default_stays_the_lr21_pack(run: Run) -> None:
    data = json.loads(run("check", str(IMOLA), "--format", "json").stdout)
    assert [p["id"] for p in data["pacchetti"]] == ["er-lr21-2012"]
    assert {r["pacchetto"] for r in data["rilievi"]} == {"er-lr21-2012"}
    assert not any(r["regola"].startswith("PP-") for r in data["rilievi"])


def test_a_bad_second_pack_is_one_line_exit_2(run: Run, tmp_path: Path) -> None:
    rotto = tmp_path / "rotto.yaml"
    rotto.write_text("id: x\nversione: '1'\n", encoding="utf-8")
    result = run("check", str(IMOLA), "--rules", LR15, "--rules", str(rotto))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "rotto.yaml:" in result.stderr


def test_rules_list_shows_the_bundled_packs(run: Run) -> None:
    out = run("rules", "list").stdout
    assert out.startswith("er-lr21-2012 ")
    assert "\ner-lr15-2018 " in out and "PP-003" in out


def test_plan_and_draft_take_repeated_rules(run: Run, tmp_path: Path) -> None:
    lr21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
    delta = str(EXAMPLES / "terre-del-delta.yaml")
    solo = run("plan", delta, "--rules", lr21)
    entrambi = run("plan", delta, "--rules", lr21, "--rules", LR15)
    assert entrambi.exit_code == solo.exit_code == 0
    assert entrambi.stdout == solo.stdout  # LR 15 adds nothing to schedule for a Union without processes
    bozza = run("draft", delta, "--rules", lr21, "--rules", LR15, "--out", str(tmp_path / "atti"))
    assert bozza.exit_code == 0
    assert (tmp_path / "atti" / "indice.json").exists()
    rotto = run("plan", delta, "--rules", lr21, "--rules", str(tmp_path / "manca.yaml"))
    assert rotto.exit_code == 2 and "manca.yaml" in rotto.stderr
