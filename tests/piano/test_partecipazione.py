"""`plan --rules rules/er_lr15_2018.yaml`: the participatory process and the strategic plan as a timeline.

Dates by hand from the pack (rules/er_lr15_2018.yaml): the 2019 call's processes start by 15 January 2020
(`calendario`, avvio_bando_2019); a process lasts 6 months (12 if complesso) plus its days of ex officio
suspension (PP-001); final report and art. 19 act within 30 days of the end (PP-006, PP-007); the art. 16
commitment and the certification by the start, the Tavolo by the first phase, the DocPP validated by its sending
(sequenza_atti); the Patto reviewed every 365 days (PP-103). Open steps move to the previous working day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import Result

from avviamento.piano.calendario import festa_nazionale
from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
D = dt.date
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
IMOLA = EXAMPLES / "nuovo-circondario-imolese.yaml"
PROCESSO = "Il futuro del Circondario"


def piano(run: Run, profilo: Path | str, *args: str) -> dict[str, Any]:
    result = run("plan", str(profilo), "--rules", LR15, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def passi(data: dict[str, Any], gruppo: str) -> dict[str, dict[str, Any]]:
    """step code -> step, of the group whose code is `gruppo`."""
    [g] = [g for g in data["gruppi"] if g["codice"] == gruppo]
    return {p["codice"]: p for p in g["passi"]}


def variante(tmp_path: Path, *sostituzioni: tuple[str, str]) -> Path:
    testo = IMOLA.read_text(encoding="utf-8")
    for vecchio, nuovo in sostituzioni:
        assert vecchio in testo, vecchio
        testo = testo.replace(vecchio, nuovo)
    path = tmp_path / f"variante-{len(list(tmp_path.glob('variante-*')))}.yaml"
    path.write_text(testo, encoding="utf-8")
    return path


def test_the_circondario_at_its_real_dates_every_step_done_but_the_next_review(run: Run) -> None:
    data = piano(run, IMOLA)
    assert data["tipo_piano"] == "partecipazione"
    assert data["scadenza"] == "2020-01-15" and data["scadenza_origine"] == "avvio_bando_2019"
    assert data["scadenza_confidenza"] == "verificata"
    processo = passi(data, PROCESSO)
    assert all(p["fatto"] and not p["in_ritardo"] for p in processo.values())
    reali = {codice: p["data"] for codice, p in processo.items()}
    assert reali == {
        "impegno_sospensione": "2019-10-10",
        "certificazione_qualita": "2019-11-20",
        "avvio": "2020-01-15",
        "tavolo_negoziazione": "2020-01-15",
        "fase_0": "2020-01-15",
        "fase_1": "2020-03-16",
        "fase_2": "2020-09-01",
        "validazione_docpp": "2020-10-01",
        "conclusione": "2020-10-05",
        "relazione_finale": "2020-10-30",
        "documento_ente": "2020-11-03",
    }
    strategico = passi(data, "piano_strategico")
    aperti = [p for p in strategico.values() if not p["fatto"]]
    # last review Tuesday 25 June 2024 + 365 days = Wednesday 25 June 2025
    assert [(p["codice"], p["data"]) for p in aperti] == [("monitoraggio_4", "2025-06-25")]
    assert data["passi_da_fare"] == 1 and data["passi_fatti"] == data["passi_totali"] - 1 == 17
    testo = run("plan", str(IMOLA), "--rules", LR15).stdout
    assert "Bando 2019: avvio dei processi entro il 15 gennaio 2020" in testo
    assert testo.count("FATTO") == 17
    assert "1 passo da compiere (17 passi già fatti); il primo entro mercoledì 25 giugno 2025" in testo
    en = run("plan", str(IMOLA), "--rules", LR15, "--lang", "en").stdout
    assert en.count("DONE") == 17 and "1 step to take (17 steps already done)" in en


def test_mid_process_the_end_and_the_closing_acts_are_dated_from_the_limit(run: Run) -> None:
    data = piano(run, IMOLA, "--as-of", "2020-02-01")
    processo = passi(data, PROCESSO)
    fatti = {c for c, p in processo.items() if p["fatto"]}
    assert fatti == {
        "impegno_sospensione",
        "certificazione_qualita",
        "avvio",
        "tavolo_negoziazione",
        "fase_0",
    }
    # 15 January 2020 + 6 months = 15 July 2020, + 83 days of suspension = Tuesday 6 October 2020
    limite = D(2020, 7, 15) + dt.timedelta(days=83)
    assert limite == D(2020, 10, 6)
    assert processo["conclusione"]["data"] == processo["validazione_docpp"]["data"] == "2020-10-06"
    assert "entro 6 mesi dall'avvio più 83 giorni di sospensione" in processo["conclusione"]["titolo"]
    # + 30 days = Thursday 5 November 2020
    assert processo["relazione_finale"]["data"] == processo["documento_ente"]["data"] == "2020-11-05"
    assert processo["fase_1"]["data"] == "2020-03-16" and not processo["fase_1"]["fatto"]
    assert not any(p["in_ritardo"] for p in processo.values())
    # the Patto is not signed yet: no review to date, the plan and the Patto listed without a term
    [strategico] = [g for g in data["gruppi"] if g["codice"] == "piano_strategico"]
    assert [p["codice"] for p in strategico["passi"]] == ["analisi_diagnostica"]
    assert "senza termine di legge" in strategico["motivi"][0]
    assert "Approvazione del Piano strategico" in strategico["motivi"][0]


def test_a_14_month_process_not_complex_is_late_from_its_sixth_month(run: Run, tmp_path: Path) -> None:
    profilo = variante(
        tmp_path,
        ("    conclusione: 2020-10-05\n", "    conclusione: null\n"),
        ("    sospensione_giorni: 83\n", ""),
        ("docpp: {validato: 2020-10-01, trasmesso: 2020-10-05}", "docpp: {validato: null, trasmesso: null}"),
        ("relazione_finale: {inviata: 2020-10-30}", "relazione_finale: {inviata: null}"),
        (
            'documento_ente: {approvato: 2020-11-03, atto: "Delibera di Giunta n. 120/2020"}',
            "documento_ente: {}",
        ),
        (
            "{nome: restituzione, dal: 2020-09-01, al: 2020-10-05}",
            "{nome: restituzione, dal: 2020-09-01, al: 2021-03-15}",
        ),
    )
    giorno = D(2021, 3, 15)  # 14 months after the start
    processo = passi(piano(run, profilo, "--as-of", giorno.isoformat()), PROCESSO)
    fine = processo["conclusione"]
    assert fine["data"] == "2020-07-15" and not fine["fatto"]  # a Wednesday
    assert fine["in_ritardo"] and fine["giorni_ritardo"] == (giorno - D(2020, 7, 15)).days == 243
    # the closing acts follow the latest end: 15 July + 30 days = Friday 14 August 2020
    assert processo["relazione_finale"]["data"] == "2020-08-14"
    assert processo["relazione_finale"]["giorni_ritardo"] == (giorno - D(2020, 8, 14)).days
    complesso = variante(tmp_path, ("    complesso: false\n", "    complesso: true\n"))
    assert passi(piano(run, complesso, "--as-of", "2020-02-01"), PROCESSO)["conclusione"]["data"] == (
        "2021-04-08"  # 15 January 2021 + 83 days = Thursday 8 April 2021
    )
    testo = run("plan", str(profilo), "--rules", LR15, "--as-of", giorno.isoformat()).stdout
    assert "IN RITARDO di 243 giorni" in testo
    assert "già in ritardo al 15 marzo 2021" in testo


def test_a_late_final_report_is_done_and_says_how_late(run: Run, tmp_path: Path) -> None:
    profilo = variante(
        tmp_path, ("relazione_finale: {inviata: 2020-10-30}", "relazione_finale: {inviata: 2020-11-20}")
    )
    relazione = passi(piano(run, profilo), PROCESSO)["relazione_finale"]
    assert relazione["fatto"] and relazione["data"] == "2020-11-20"
    # end on 5 October + 30 days = 4 November 2020
    assert relazione["nota"] == "16 giorni oltre il termine del 4 novembre 2020"


def test_before_the_start_the_missing_commitment_and_table_are_due_by_the_calls_start_day(
    run: Run, tmp_path: Path
) -> None:
    profilo = variante(
        tmp_path,
        ("    avvio: 2020-01-15\n", ""),
        ("    tavolo_negoziazione: {costituito: 2020-01-15}\n", ""),
        ('    sospensione_atti: {deliberata: 2019-10-10, atto: "Delibera di Giunta n. 88/2019"}\n', ""),
    )
    data = piano(run, profilo, "--as-of", "2019-11-04")
    processo = passi(data, PROCESSO)
    for codice in ("impegno_sospensione", "avvio", "tavolo_negoziazione"):
        assert processo[codice]["data"] == "2020-01-15" and not processo[codice]["fatto"], codice
    assert processo["impegno_sospensione"]["attore"] == "Giunta dell'Unione"
    assert processo["impegno_sospensione"]["fonte"]["articolo"] == "16"
    assert processo["certificazione_qualita"]["data"] == "2019-12-10"  # by the contribution (profile)
    [gruppo] = [g for g in data["gruppi"] if g["codice"] == PROCESSO]
    assert {"PP-001", "PP-002", "PP-003"} <= set(gruppo["regole"])
    # too late: the commitment is overdue the day after the call's start day
    tardi = passi(piano(run, profilo, "--as-of", "2020-01-20"), PROCESSO)["impegno_sospensione"]
    assert tardi["in_ritardo"] and tardi["giorni_ritardo"] == 5


def test_deadline_replaces_the_start_day_and_steps_avoid_sundays_and_holidays(
    run: Run, tmp_path: Path
) -> None:
    profilo = variante(
        tmp_path,
        ("    avvio: 2020-01-15\n", ""),
        ("    tavolo_negoziazione: {costituito: 2020-01-15}\n", ""),
        ("    sospensione_giorni: 83\n", ""),
    )
    # Sunday 15 March 2020: the start moves to Friday 13 March, and says so
    data = piano(run, profilo, "--as-of", "2019-11-04", "--deadline", "2020-03-15")
    assert data["scadenza"] == "2020-03-15" and data["scadenza_origine"] == "--deadline"
    avvio = passi(data, PROCESSO)["avvio"]
    assert avvio["data"] == "2020-03-13"
    assert avvio["nota"] == "anticipato dal 15 marzo 2020 (domenica)"
    # 13 March + 6 months = Sunday 13 September -> Friday 11 September; + 30 = Sunday 11 October -> Friday 9
    # (the closing acts count from the planned end)
    fine = passi(data, PROCESSO)["conclusione"]
    assert fine["data"] == "2020-09-11"
    assert passi(data, PROCESSO)["relazione_finale"]["data"] == "2020-10-09"
    for giorno in ("2019-11-04", "2020-06-01", "2021-12-01"):
        for g in piano(run, profilo, "--as-of", giorno, "--deadline", "2020-03-15")["gruppi"]:
            for p in g["passi"]:
                if not p["fatto"]:
                    data_passo = D.fromisoformat(p["data"])
                    assert data_passo.weekday() < 5 and festa_nazionale(data_passo) is None, p


def test_a_process_of_a_comune_is_planned_for_that_comune(run: Run, tmp_path: Path) -> None:
    profilo = variante(
        tmp_path,
        ("    ente_titolare: unione\n", '    ente_titolare: "comune:Dozza"\n'),
        (
            'documento_ente: {approvato: 2020-11-03, atto: "Delibera di Giunta n. 120/2020"}',
            "documento_ente: {}",
        ),
    )
    documento = passi(piano(run, profilo), PROCESSO)["documento_ente"]
    assert documento["comune"] == "Dozza" and documento["attore"] == "Giunta comunale di Dozza"
    assert documento["data"] == "2020-11-04" and documento["in_ritardo"]  # 5 October + 30 days


def test_without_a_start_or_a_known_call_the_process_says_what_is_missing(run: Run, tmp_path: Path) -> None:
    profilo = variante(tmp_path, ("    bando: 2019\n", "    bando: 2024\n"), ("    avvio: 2020-01-15\n", ""))
    data = piano(run, profilo, "--as-of", "2019-11-04")
    [gruppo] = [g for g in data["gruppi"] if g["codice"] == PROCESSO]
    assert gruppo["passi"] == []
    assert "non ha il termine di avvio del bando 2024" in gruppo["motivi"][-1]


def test_a_profile_without_the_sections_has_nothing_to_plan(run: Run) -> None:
    result = run("plan", str(EXAMPLES / "terre-del-delta.yaml"), "--rules", LR15)
    assert result.exit_code == 0, result.output
    assert "Nessun processo partecipativo né Piano strategico nel profilo" in result.stdout
    data = piano(run, EXAMPLES / "terre-del-delta.yaml")
    assert data["gruppi"] == [] and data["vuoto"]


def test_the_calendar_has_the_open_steps_only_with_stable_uids(run: Run, tmp_path: Path) -> None:
    profilo = variante(
        tmp_path,
        ("    conclusione: 2020-10-05\n", "    conclusione: null\n"),
        ("docpp: {validato: 2020-10-01, trasmesso: 2020-10-05}", "docpp: {}"),
        ("relazione_finale: {inviata: 2020-10-30}", "relazione_finale: {}"),
    )
    uid: dict[str, set[str]] = {}
    for giorno in ("2020-02-01", "2020-06-01"):
        ics = tmp_path / f"{giorno}.ics"
        result = run("plan", str(profilo), "--rules", LR15, "--as-of", giorno, "--ics", str(ics))
        assert result.exit_code == 0, result.output
        data = piano(run, profilo, "--as-of", giorno)
        eventi = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
        assert len(eventi) == data["passi_da_fare"] and f": {len(eventi)} eventi." in result.stdout
        for evento in eventi:
            assert len(str(evento["summary"])) <= 80
            assert str(evento["description"]).startswith("Nuovo Circondario Imolese — ")
            assert len(evento.walk("VALARM")) == 1
        uid[giorno] = {str(e["uid"]) for e in eventi}
    # the steps still open in June are the same events as in February
    assert uid["2020-06-01"] < uid["2020-02-01"]


def test_two_processes_with_one_title_have_distinct_calendar_events(run: Run, tmp_path: Path) -> None:
    testo = IMOLA.read_text(encoding="utf-8")
    inizio = testo.index('  - titolo: "Il futuro del Circondario"')
    fine = testo.index("# Piano strategico di Unione")
    blocco = testo[inizio:fine].replace("    conclusione: 2020-10-05\n", "    conclusione: null\n")
    profilo = tmp_path / "doppio.yaml"
    profilo.write_text(testo[:inizio] + blocco + blocco + testo[fine:], encoding="utf-8")
    ics = tmp_path / "doppio.ics"
    assert (
        run("plan", str(profilo), "--rules", LR15, "--as-of", "2020-06-01", "--ics", str(ics)).exit_code == 0
    )
    uid = [str(e["uid"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(uid) == len(set(uid)) == 10  # five open steps per process; the Patto is not signed yet


@pytest.mark.parametrize(
    ("opzioni", "nominata"),
    [(["--decorrenza", "fine"], "--decorrenza"), (["--immediata-eseguibilita"], "--immediata-eseguibilita")],
)
def test_lr21_options_are_refused_for_a_participatory_plan(
    run: Run, opzioni: list[str], nominata: str, tmp_path: Path
) -> None:
    out = tmp_path / "piano.txt"
    result = run("plan", str(IMOLA), "--rules", LR15, *opzioni, "--out", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr == (
        f"avviamento: {nominata} riguarda le delibere dei Comuni del pacchetto LR 21/2012, non il piano di un "
        "processo partecipativo (pacchetto er-lr15-2018): togliere l'opzione\n"
    )
    assert run("plan", str(IMOLA), *opzioni).exit_code == 0  # with the LR 21/2012 pack they apply
