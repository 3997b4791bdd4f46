"""`avviamento plan` end to end: dates computed by hand from the pack's lead times, late steps, options.

The bundled pack's lead times (rules/er_lr21_2012.yaml, `tempi`): avvio_servizio 0 days before the deadline;
informativa_sindacale 25; sottoscrizione_convenzione 7 after the last executivity; esecutività 10 days from the
start of publication (publication day P -> executive on P+10); inizio_pubblicazione 1 day after the meeting;
convocazione_consiglio 5 (Codigoro 5, Goro 5, Mesola 3 in the Terre del Delta profile); approvazione_giunta 15.
Every step falls on a working day: acts move to the previous one, and so does the deadline; publication starts
early enough that executivity (a legal effect) does not fall on a non-working day either.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from tests.conftest import EXAMPLES

DELTA = str(EXAMPLES / "terre-del-delta.yaml")
ACQUA = str(EXAMPLES / "terre-d-acqua.yaml")
D = dt.date
Run = Callable[..., Result]

# Terre del Delta at 1 March 2024: ICT conferred by Codigoro only; Protezione civile and SUAP by nobody; no
# convenzione signed, no service started; the three plans and the regolamento di contabilità missing.
FUNZIONI = ("sistemi_informativi", "protezione_civile", "suap")
ATTI = ("piano_comunicazione", "programmazione_personale", "piano_formazione", "contabilita")


def plan_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("plan", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def dates(data: dict[str, Any]) -> dict[tuple[str, str, str | None], D]:
    """(group code, step code, Comune) -> date."""
    return {
        (g["codice"], p["codice"], p["comune"]): D.fromisoformat(p["data"])
        for g in data["gruppi"]
        for p in g["passi"]
    }


def test_terre_del_delta_schedule_by_hand(run: Run) -> None:
    data = plan_json(run, DELTA, "--as-of", "2024-03-01")
    assert data["formato"] == "avviamento/piano@1"
    assert data["scadenza"] == "2024-06-30"  # fine_programma_cm_2023, the pack's deadline in force
    assert data["scadenza_origine"] == "fine_programma_cm_2023"
    assert data["esecutivita"] == "inizio_pubblicazione"
    assert [g["codice"] for g in data["gruppi"]] == [*FUNZIONI, *ATTI]
    got = dates(data)

    for f in FUNZIONI:
        # Avvio: 30 June 2024 - 0 days = Sunday 30 June -> Friday 28 June.
        assert got[(f, "avvio_servizio", None)] == D(2024, 6, 28)
        # Informativa: 28 June - 25 days = Monday 3 June (working day).
        assert got[(f, "informativa_sindacale", None)] == D(2024, 6, 3)
        # Signature: on or before the notice, Monday 3 June.
        assert got[(f, "sottoscrizione_convenzione", None)] == D(2024, 6, 3)
    # Every deliberation executive by 3 June - 7 = 27 May. Publication: 27 May - 10 = Friday 17 May; executive
    # 17 May + 10 = Monday 27 May; meeting 17 May - 1 = Thursday 16 May.
    # Convocation 16 May - 5 = Saturday 11 May -> Friday 10 May (Codigoro, Goro); Mesola 16 - 3 = Monday 13 May.
    chi = {"sistemi_informativi": ("Goro", "Mesola"), "protezione_civile": ("Codigoro", "Goro", "Mesola")}
    chi["suap"] = chi["protezione_civile"]
    for f, comuni in chi.items():
        for comune in comuni:
            assert got[(f, "pubblicazione_albo", comune)] == D(2024, 5, 17)
            assert got[(f, "esecutivita", comune)] == D(2024, 5, 27)
            assert got[(f, "seduta_consiglio", comune)] == D(2024, 5, 16)
            convocazione = D(2024, 5, 13) if comune == "Mesola" else D(2024, 5, 10)
            assert got[(f, "convocazione_consiglio", comune)] == convocazione
    # Codigoro already conferred ICT (22 February 2024): no step of Codigoro in that chain.
    assert not [k for k in got if k[0] == "sistemi_informativi" and k[2] == "Codigoro"]

    # Plans by the Giunta, executive by 30 June: publication 30 June - 10 = Thursday 20 June would make them
    # executive on Sunday 30, Wednesday 19 on Saturday 29 -> Tuesday 18 June, executive Friday 28 June; meeting
    # Monday 17 June; preparation 17 June - 15 = Sunday 2 June (also Festa della Repubblica) -> Friday 31 May.
    for piano in ATTI[:3]:
        assert got[(piano, "esecutivita", None)] == D(2024, 6, 28)
        assert got[(piano, "pubblicazione_albo", None)] == D(2024, 6, 18)
        assert got[(piano, "seduta_giunta", None)] == D(2024, 6, 17)
        assert got[(piano, "istruttoria_proposta", None)] == D(2024, 5, 31)
    # Regolamento di contabilità by the Union's Council: meeting 17 June, convened 17 - 5 = Wednesday 12 June.
    assert got[("contabilita", "seduta_consiglio_unione", None)] == D(2024, 6, 17)
    assert got[("contabilita", "convocazione_consiglio_unione", None)] == D(2024, 6, 12)

    # 2 Comuni x 4 + 3 (ICT) + 2 x (3 x 4 + 3) + 3 plans x 4 + 4 = 57 steps, none late.
    assert data["passi_totali"] == 57
    assert data["passi_in_ritardo"] == 0


def test_text_timeline_in_italian(run: Run) -> None:
    result = run("plan", DELTA, "--as-of", "2024-03-01")
    assert result.exit_code == 0
    out = result.stdout
    assert "Piano delle scadenze" in out
    assert "Scadenza: 30 giugno 2024" in out
    assert "il primo entro venerdì 10 maggio 2024" in out
    assert "Protezione civile" in out and "Regolamento di contabilità" in out
    assert "Consiglio comunale di Mesola" in out
    assert "Giunta dell'Unione" in out
    assert "Presidente dell'Unione e Sindaci di Codigoro, Goro, Mesola" in out
    assert "TUEL), art. 124" in out and "L. 428/1990" in out
    assert "anticipato dal 30 giugno 2024 (domenica)" in out  # the start of the service
    assert "anticipato perché l'esecutività non cada il 30 giugno 2024 (domenica)" in out  # the plans
    assert "IN RITARDO" not in out


def test_late_steps_after_the_deadline(run: Run) -> None:
    data = plan_json(run, DELTA, "--as-of", "2024-07-01")
    assert data["passi_totali"] == data["passi_in_ritardo"] == 57
    passi = {(g["codice"], p["codice"], p["comune"]): p for g in data["gruppi"] for p in g["passi"]}
    # Goro's convocation, 10 May: 21 days to 31 May + 30 in June + 1 = 52 days late at 1 July.
    assert passi[("protezione_civile", "convocazione_consiglio", "Goro")]["giorni_ritardo"] == 52
    # The start of the service, Friday 28 June (the deadline is a Sunday): 3 days late.
    assert passi[("suap", "avvio_servizio", None)]["giorni_ritardo"] == 3
    assert all(p["in_ritardo"] for p in passi.values())

    text = run("plan", DELTA, "--as-of", "2024-07-01").stdout
    assert "57 passi su 57 sono già in ritardo al 1º luglio 2024" in text
    assert "IN RITARDO di 52 giorni" in text
    assert "--immediata-eseguibilita" not in text  # past the deadline: no shorter chain helps


def test_some_steps_late(run: Run) -> None:
    # At 15 May 2024 only the convocations are past: 10 May (Codigoro, Goro: 5 days late) and 13 May (Mesola:
    # 2 days late). ICT: Goro + Mesola = 2; Protezione civile and SUAP: 3 each -> 8 late steps.
    data = plan_json(run, DELTA, "--as-of", "2024-05-15")
    late = [
        (g["codice"], p["comune"], p["giorni_ritardo"])
        for g in data["gruppi"]
        for p in g["passi"]
        if p["in_ritardo"]
    ]
    assert len(late) == 8
    assert ("sistemi_informativi", "Goro", 5) in late
    assert ("protezione_civile", "Mesola", 2) in late
    # The deadline is still ahead: the text suggests the shorter chain of immediately enforceable resolutions.
    assert "--immediata-eseguibilita" in run("plan", DELTA, "--as-of", "2024-05-15").stdout
    # And it does: its first step is the convocations of Wednesday 22 May (see the immediate test below).
    assert plan_json(run, DELTA, "--as-of", "2024-05-15", "--immediata-eseguibilita")["passi_in_ritardo"] == 0


def test_deadline_before_as_of_flags_everything(run: Run) -> None:
    data = plan_json(run, DELTA, "--as-of", "2024-03-01", "--deadline", "2024-02-01")
    assert data["scadenza"] == "2024-02-01" and data["scadenza_origine"] == "--deadline"
    assert data["passi_in_ritardo"] == data["passi_totali"] == 57


def test_immediate_executability_shortens_the_chain(run: Run) -> None:
    data = plan_json(run, DELTA, "--as-of", "2024-03-01", "--immediata-eseguibilita")
    assert data["esecutivita"] == "immediata"
    got = dates(data)
    # Same tail (avvio 28 June, notice and signature 3 June); deliberations executive on the day of the meeting,
    # so the meeting is on 3 June - 7 = Monday 27 May; no publication or executivity step on the chain.
    assert got[("suap", "sottoscrizione_convenzione", None)] == D(2024, 6, 3)
    for comune in ("Codigoro", "Goro", "Mesola"):
        assert got[("protezione_civile", "seduta_consiglio", comune)] == D(2024, 5, 27)
        assert ("protezione_civile", "pubblicazione_albo", comune) not in got
    # Convocation 27 May - 5 = Wednesday 22 May; Mesola 27 - 3 = Friday 24 May.
    assert got[("protezione_civile", "convocazione_consiglio", "Codigoro")] == D(2024, 5, 22)
    assert got[("protezione_civile", "convocazione_consiglio", "Mesola")] == D(2024, 5, 24)
    # Giunta on the deadline: Sunday 30 June -> Friday 28 June; preparation 28 - 15 = Thursday 13 June.
    assert got[("piano_formazione", "seduta_giunta", None)] == D(2024, 6, 28)
    assert got[("piano_formazione", "istruttoria_proposta", None)] == D(2024, 6, 13)
    # Council of the Union: Friday 28 June, convened 23 June (Sunday) -> Friday 21 June.
    assert got[("contabilita", "convocazione_consiglio_unione", None)] == D(2024, 6, 21)
    # 2 x 2 + 3 (ICT) + 2 x (3 x 2 + 3) + 3 x 2 + 2 = 33 steps instead of 57.
    assert data["passi_totali"] == 33
    text = run("plan", DELTA, "--as-of", "2024-03-01", "--immediata-eseguibilita").stdout
    assert "dichiarata immediatamente eseguibile" in text


def test_holiday_25_april_moves_the_meeting(run: Run) -> None:
    # Deadline Monday 27 May 2024, immediate executability: notice 27 May - 25 = Thursday 2 May; signature 2 May;
    # meetings by 2 May - 7 = Thursday 25 April, Liberazione (and Codigoro's patron) -> Wednesday 24 April.
    # Convocation 24 - 5 = Friday 19 April; Mesola 24 - 3 = Sunday 21 -> Saturday 20 -> Friday 19 April.
    data = plan_json(
        run, DELTA, "--as-of", "2024-03-01", "--deadline", "2024-05-27", "--immediata-eseguibilita"
    )
    got = dates(data)
    assert got[("suap", "informativa_sindacale", None)] == D(2024, 5, 2)
    for comune in ("Codigoro", "Goro", "Mesola"):
        assert got[("suap", "seduta_consiglio", comune)] == D(2024, 4, 24)
        assert got[("suap", "convocazione_consiglio", comune)] == D(2024, 4, 19)
    note = next(p["nota"] for g in data["gruppi"] for p in g["passi"] if p["codice"] == "seduta_consiglio")
    assert note == "anticipato dal 25 aprile 2024 (Anniversario della Liberazione)"


def test_holiday_2_june_moves_the_union_notice(run: Run) -> None:
    # Deadline Friday 27 June 2025: notice 27 June - 25 = Monday 2 June 2025, Festa della Repubblica -> Sunday 1
    # -> Saturday 31 May -> Friday 30 May; signature 30 May; executive by 30 May - 7 = Friday 23 May;
    # publication 23 - 10 = Tuesday 13 May; meeting Monday 12 May; convocation Goro 12 - 5 = Wednesday 7 May,
    # Mesola 12 - 3 = Friday 9 May.
    got = dates(plan_json(run, DELTA, "--as-of", "2024-03-01", "--deadline", "2025-06-27"))
    assert got[("sistemi_informativi", "informativa_sindacale", None)] == D(2025, 5, 30)
    assert got[("sistemi_informativi", "sottoscrizione_convenzione", None)] == D(2025, 5, 30)
    assert got[("sistemi_informativi", "pubblicazione_albo", "Goro")] == D(2025, 5, 13)
    assert got[("sistemi_informativi", "esecutivita", "Goro")] == D(2025, 5, 23)
    assert got[("sistemi_informativi", "seduta_consiglio", "Mesola")] == D(2025, 5, 12)
    assert got[("sistemi_informativi", "convocazione_consiglio", "Goro")] == D(2025, 5, 7)
    assert got[("sistemi_informativi", "convocazione_consiglio", "Mesola")] == D(2025, 5, 9)


def test_patron_saint_of_a_comune(run: Run, write: Callable[[str, str], Path]) -> None:
    # Goro with its patron on 16 May: its meeting moves to Wednesday 15 May, convened 15 - 5 = Friday 10 May;
    # Mesola keeps Thursday 16 May.
    text = (
        Path(DELTA)
        .read_text(encoding="utf-8")
        .replace('sindaco: "Marco Ferroni"\n', 'sindaco: "Marco Ferroni"\n    santo_patrono: "05-16"\n')
    )
    got = dates(plan_json(run, str(write(text, "goro.yaml")), "--as-of", "2024-03-01"))
    assert got[("suap", "seduta_consiglio", "Goro")] == D(2024, 5, 15)
    assert got[("suap", "convocazione_consiglio", "Goro")] == D(2024, 5, 10)
    assert got[("suap", "seduta_consiglio", "Mesola")] == D(2024, 5, 16)


def test_patron_saint_of_the_union_seat(run: Run, write: Callable[[str, str], Path]) -> None:
    # Terre d'Acqua without its training plan; seat San Giovanni in Persiceto, patron 24 June. Deadline Monday
    # 24 June 2024 with immediate executability: the Giunta meets on the deadline, 24 June, the patron's day ->
    # Friday 21 June; preparation 21 - 15 = Thursday 6 June.
    text = (
        Path(ACQUA)
        .read_text(encoding="utf-8")
        .replace(
            'piano_formazione: {approvato: 2024-06-11, atto: "Delibera di Giunta dell\'Unione n. 45/2024"}',
            "piano_formazione: {approvato: null}",
        )
    )
    data = plan_json(
        run, str(write(text, "acqua.yaml")), "--deadline", "2024-06-24", "--immediata-eseguibilita"
    )
    assert [g["codice"] for g in data["gruppi"]] == ["piano_formazione"]
    got = dates(data)
    assert got[("piano_formazione", "seduta_giunta", None)] == D(2024, 6, 21)
    assert got[("piano_formazione", "istruttoria_proposta", None)] == D(2024, 6, 6)
    assert data["gruppi"][0]["passi"][1]["nota"] == (
        "anticipato dal 24 giugno 2024 (santo patrono di San Giovanni in Persiceto)"
    )


def test_executivity_from_the_end_of_publication(run: Run, write: Callable[[str, str], Path]) -> None:
    # 10 days counted after the 15 of publication: executive on P + 25. Executive by 27 May: P = Thursday 2 May,
    # executive Monday 27 May; meeting 1 May (Festa del Lavoro) -> Tuesday 30 April; convened 30 April - 5 =
    # Thursday 25 April (Liberazione) -> Wednesday 24 April (Codigoro, Goro); Mesola 30 - 3 = Saturday 27 April
    # -> Friday 26 April.
    expected = {
        ("protezione_civile", "pubblicazione_albo", "Goro"): D(2024, 5, 2),
        ("protezione_civile", "esecutivita", "Goro"): D(2024, 5, 27),
        ("protezione_civile", "seduta_consiglio", "Codigoro"): D(2024, 4, 30),
        ("protezione_civile", "convocazione_consiglio", "Codigoro"): D(2024, 4, 24),
        ("protezione_civile", "convocazione_consiglio", "Mesola"): D(2024, 4, 26),
        # Plans: publication 30 June - 25 = Wednesday 5 June would make them executive on Sunday 30 June, 4 June
        # on Saturday 29 -> Monday 3 June, executive Friday 28 June; Giunta 2 June (Sunday, Festa della
        # Repubblica) -> Friday 31 May; preparation Thursday 16 May.
        ("piano_comunicazione", "pubblicazione_albo", None): D(2024, 6, 3),
        ("piano_comunicazione", "esecutivita", None): D(2024, 6, 28),
        ("piano_comunicazione", "seduta_giunta", None): D(2024, 5, 31),
        ("piano_comunicazione", "istruttoria_proposta", None): D(2024, 5, 16),
    }
    by_option = plan_json(run, DELTA, "--as-of", "2024-03-01", "--decorrenza", "fine")
    assert by_option["esecutivita"] == "fine_pubblicazione"
    got = dates(by_option)
    assert {k: got[k] for k in expected} == expected
    # The same from a rule pack that sets `decorrenza: fine_pubblicazione`.
    pack = (Path(__file__).resolve().parents[2] / "rules" / "er_lr21_2012.yaml").read_text(encoding="utf-8")
    pack = pack.replace("decorrenza: inizio_pubblicazione", "decorrenza: fine_pubblicazione")
    by_pack = plan_json(run, DELTA, "--as-of", "2024-03-01", "--rules", str(write(pack, "pack.yaml")))
    assert dates(by_pack) == got


def test_nothing_to_plan(run: Run) -> None:
    result = run("plan", ACQUA, "--as-of", "2024-06-24")
    assert result.exit_code == 0
    assert "Nessun passo da pianificare al 24 giugno 2024" in result.stdout
    data = plan_json(run, ACQUA, "--as-of", "2024-06-24")
    assert data["vuoto"] is True and data["gruppi"] == [] and data["passi_totali"] == 0
    english = run("plan", ACQUA, "--as-of", "2024-06-24", "--lang", "en")
    assert english.exit_code == 0 and "Nothing to schedule at 24 June 2024" in english.stdout


def test_skips_steps_already_done(run: Run, write: Callable[[str, str], Path]) -> None:
    # ICT conferred by all three Comuni, convenzione signed: only the notice and the start of the service remain.
    text = (
        Path(DELTA)
        .read_text(encoding="utf-8")
        .replace(
            "      - comune: Codigoro\n        delibera: {numero: 9, data: 2024-02-22}\n"
            "    convenzione: {sottoscritta: null}",
            "      - comune: Codigoro\n        delibera: {numero: 9, data: 2024-02-22}\n"
            "      - comune: Goro\n        delibera: {numero: 3, data: 2024-02-20}\n"
            "      - comune: Mesola\n        delibera: {numero: 4, data: 2024-02-21}\n"
            "    convenzione: {sottoscritta: 2024-02-28, durata: 5, riparto_spese: popolazione}",
        )
    )
    data = plan_json(run, str(write(text, "ict.yaml")), "--as-of", "2024-03-01")
    ict = next(g for g in data["gruppi"] if g["codice"] == "sistemi_informativi")
    assert [p["codice"] for p in ict["passi"]] == ["informativa_sindacale", "avvio_servizio"]
    assert ict["comuni"] == []


def test_english_output(run: Run) -> None:
    result = run("plan", DELTA, "--as-of", "2024-07-01", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "Schedule" in out and "Deadline: 30 June 2024" in out
    assert "57 of 57 steps are already late at 1 July 2024" in out
    assert "LATE by 52 days" in out
    assert "Municipal council of Goro" in out and "Civil protection" in out
    data = plan_json(run, DELTA, "--as-of", "2024-03-01", "--lang", "en")
    assert data["gruppi"][0]["passi"][0]["titolo"] == "Convocation of the municipal council (5 days' notice)"


def test_markdown_output(run: Run) -> None:
    result = run("plan", DELTA, "--as-of", "2024-03-01", "--format", "markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# Unione dei Comuni Terre del Delta — Piano delle scadenze")
    assert "## Protezione civile (ER-004)" in out
    assert "| venerdì 10 maggio 2024 | Goro | Convocazione del Consiglio comunale" in out


def test_no_step_on_a_non_working_day(run: Run, write: Callable[[str, str], Path]) -> None:
    """Whatever the deadline, no step of any example falls on a weekend or an Italian public holiday."""
    import holidays

    festivi = holidays.country_holidays("IT", years=range(2023, 2027))
    for esempio in sorted(EXAMPLES.glob("*.yaml")):
        for deadline in ("2024-06-30", "2024-12-25", "2025-06-02", "2025-08-17", "2026-01-06"):
            for extra in ((), ("--immediata-eseguibilita",), ("--decorrenza", "fine")):
                data = plan_json(run, str(esempio), "--as-of", "2023-06-01", "--deadline", deadline, *extra)
                for g in data["gruppi"]:
                    for p in g["passi"]:
                        giorno = D.fromisoformat(p["data"])
                        assert giorno.weekday() < 5 and giorno not in festivi, (esempio.name, deadline, p)
