"""`draft` with the pack of LR 15/2018: the acts of a participatory process and the Patto per lo sviluppo.

The Nuovo Circondario Imolese's 2019 process (examples/nuovo-circondario-imolese.yaml) checks clean at its real
dates, so it drafts nothing; at the dates of its steps, and in variants with a step missing, each open PP finding
gets exactly the act that cures it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from tests.conftest import EXAMPLES, ROOT
from tests.draft.conftest import indice, leggi_docx

Run = Callable[..., Result]
Write = Callable[..., Path]
NCI = EXAMPLES / "nuovo-circondario-imolese.yaml"
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
LR21 = str(ROOT / "rules" / "er_lr21_2012.yaml")
SLUG = "il-futuro-del-circondario"


def _profilo() -> dict[str, Any]:
    dati = yaml.safe_load(NCI.read_text(encoding="utf-8"))
    assert isinstance(dati, dict)
    return dati


def _processo(dati: dict[str, Any]) -> dict[str, Any]:
    processo = dati["processi_partecipativi"][0]
    assert isinstance(processo, dict)
    return processo


def _scrivi(write: Write, dati: dict[str, Any], nome: str = "profilo.yaml") -> str:
    return str(write(yaml.safe_dump(dati, allow_unicode=True, sort_keys=False), nome))


def _draft(run: Run, profilo: str, out: Path, *extra: str) -> list[dict[str, Any]]:
    result = run("draft", profilo, "--rules", LR15, "--out", str(out), *extra)
    assert result.exit_code == 0, result.output + result.stderr
    return indice(out)


def _atti(voci: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    return [(v["tipo"], v["rilievi"]) for v in voci]


# --- selection: one act per open finding ---


def test_the_real_process_checks_clean_and_drafts_nothing(run: Run, out: Path) -> None:
    assert _draft(run, str(NCI), out) == []
    assert "Nessun atto da redigere" in (out / "indice.md").read_text(encoding="utf-8")


def test_at_the_end_of_the_real_process_the_final_report_and_the_art19_deliberation_are_due(
    run: Run, out: Path
) -> None:
    # 20 October 2020: the process ended on 5 October, the report (30 October) and the act (3 November) are due
    voci = _draft(run, str(NCI), out, "--as-of", "2020-10-20")
    assert _atti(voci) == [("relazione_finale", ["PP-006"]), ("presa_atto", ["PP-007"])]
    assert [v["file"] for v in voci] == [
        f"partecipazione/relazione_finale_{SLUG}.docx",
        f"partecipazione/delibera_art19_{SLUG}.docx",
    ]
    for v in voci:
        assert (out / v["file"]).is_file()


def test_near_its_limit_an_open_process_gets_the_docpp(run: Run, write: Write, out: Path) -> None:
    dati = _profilo()
    processo = _processo(dati)
    for chiave in ("conclusione", "docpp", "relazione_finale", "documento_ente"):
        processo.pop(chiave)
    voci = _draft(run, _scrivi(write, dati), out, "--as-of", "2020-09-15")
    assert _atti(voci) == [("docpp", ["PP-001"])]
    # far from the limit (6 October 2020, with the 83 days of suspension) nothing is open yet
    assert _draft(run, _scrivi(write, dati), out.parent / "prima", "--as-of", "2020-07-01") == []


@pytest.mark.parametrize(
    ("chiave", "tipo", "codice"),
    [
        ("sospensione_atti", "impegno", "PP-003"),
        ("tavolo_negoziazione", "tavolo", "PP-002"),
    ],
)
def test_a_missing_step_of_the_start_gets_its_act(
    run: Run, write: Write, out: Path, chiave: str, tipo: str, codice: str
) -> None:
    dati = _profilo()
    _processo(dati).pop(chiave)
    assert _atti(_draft(run, _scrivi(write, dati), out)) == [(tipo, [codice])]


def test_a_late_act_is_a_finding_no_new_act_can_cure(run: Run, write: Write, out: Path) -> None:
    dati = _profilo()
    processo = _processo(dati)
    processo["conclusione"] = "2021-03-20"  # a 14-month, non-complex process
    processo["docpp"] = {"validato": "2021-03-15", "trasmesso": "2021-03-20"}
    processo["relazione_finale"] = {"inviata": "2021-05-10"}  # 51 days after the end
    processo["documento_ente"] = {"approvato": "2021-04-01", "atto": "Delibera di Giunta n. 40/2021"}
    result = run("check", _scrivi(write, dati), "--rules", LR15, "--format", "json")
    codici = {r["regola"] for r in json.loads(result.stdout)["rilievi"] if r["stato"] == "violata"}
    assert {"PP-001", "PP-006"} <= codici
    assert _draft(run, _scrivi(write, dati), out) == []


def test_the_patto_follows_an_approved_plan_not_yet_signed(run: Run, write: Write, out: Path) -> None:
    dati = _profilo()
    dati["piano_strategico"]["patto_sviluppo"]["sottoscritto"] = None
    dati["piano_strategico"]["monitoraggio_patto"] = []
    voci = _draft(run, _scrivi(write, dati), out)
    assert _atti(voci) == [("patto", ["PP-104"])]
    assert voci[0]["file"] == "partecipazione/patto_sviluppo.docx"
    # before the plan is approved there is no Patto to draft
    voci = _draft(run, _scrivi(write, dati), out.parent / "prima", "--as-of", "2021-03-01")
    assert voci == []


def test_the_default_pack_does_not_draft_the_patto(run: Run, write: Write, out: Path) -> None:
    dati = _profilo()
    dati["piano_strategico"]["patto_sviluppo"]["sottoscritto"] = None
    result = run("draft", _scrivi(write, dati), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert all(not v["file"].startswith("partecipazione/") for v in indice(out))


def test_two_packs_and_only_partecipazione(run: Run, write: Write, out: Path, tmp_path: Path) -> None:
    # the Terre del Delta, with open LR 21 gaps, and the NCI's process without its Tavolo
    dati = yaml.safe_load((EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8"))
    processo = _processo(_profilo())
    processo.pop("tavolo_negoziazione")
    dati["processi_partecipativi"] = [processo]
    profilo = _scrivi(write, dati)
    result = run("draft", profilo, "--rules", LR21, "--rules", LR15, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    tipi = [v["tipo"] for v in indice(out)]
    assert "tavolo" in tipi and any(t in tipi for t in ("convenzione", "delibera", "regolamento", "piano"))
    assert tipi[-1] == "tavolo"  # the LR 21 acts first, then the process's
    solo = tmp_path / "solo"
    result = run(
        "draft", profilo, "--rules", LR21, "--rules", LR15, "--out", str(solo), "--only", "partecipazione"
    )
    assert result.exit_code == 0, result.stderr
    assert _atti(indice(solo)) == [("tavolo", ["PP-002"])]
    senza = tmp_path / "senza"
    result = run("draft", profilo, "--rules", LR21, "--rules", LR15, "--out", str(senza), "--only", "piano")
    assert result.exit_code == 0, result.stderr
    assert "tavolo" not in [v["tipo"] for v in indice(senza)]


def test_with_two_processes_each_act_names_only_its_own(run: Run, write: Write, out: Path) -> None:
    dati = _profilo()
    secondo = dict(_processo(dati), titolo="Imola 2030: la città dei giovani", ente_titolare="comune:Imola")
    secondo.pop("sospensione_atti")
    dati["processi_partecipativi"].append(secondo)
    voci = _draft(run, _scrivi(write, dati), out)
    assert _atti(voci) == [("impegno", ["PP-003"])]
    assert voci[0]["file"] == "partecipazione/delibera_impegno_imola-2030-la-citta-dei-giovani.docx"
    testo = leggi_docx(out / voci[0]["file"])
    assert "COMUNE DI IMOLA" in testo and "SCHEMA DI DELIBERAZIONE DELLA GIUNTA COMUNALE" in testo
    assert "LA GIUNTA COMUNALE" in testo and "Assume la presidenza il Sindaco" in testo
    assert "«Imola 2030: la città dei giovani»" in testo
    assert "Il futuro del Circondario" not in testo  # the other process is not this act's business


def test_two_processes_with_one_title_are_told_apart_by_their_place(
    run: Run, write: Write, out: Path
) -> None:
    """A finding belongs to the process at its path, not to every process its message names."""
    dati = _profilo()
    primo = _processo(dati)
    for chiave in ("conclusione", "docpp", "relazione_finale", "documento_ente"):
        primo.pop(chiave)
    # the same title, started later: on 15 September 2020 its DocPP is not due yet (limit 1 December 2020)
    secondo = dict(primo, avvio="2020-06-01", sospensione_giorni=0, fasi=[])
    secondo["tavolo_negoziazione"] = {"costituito": "2020-06-01"}
    dati["processi_partecipativi"].append(secondo)
    voci = _draft(run, _scrivi(write, dati), out, "--as-of", "2020-09-15")
    assert _atti(voci) == [("docpp", ["PP-001"])]  # the first process's only


# --- the content of each act ---


def _tutti(run: Run, write: Write, out: Path) -> dict[str, str]:
    """Every act at once: the process misses its start acts and its end; the plan's Patto is not signed."""
    dati = _profilo()
    processo = _processo(dati)
    for chiave in ("sospensione_atti", "tavolo_negoziazione", "conclusione", "docpp"):
        processo.pop(chiave)
    processo.pop("relazione_finale")
    processo.pop("documento_ente")
    dati["piano_strategico"]["patto_sviluppo"]["sottoscritto"] = None
    primo = _draft(run, _scrivi(write, dati, "aperto.yaml"), out / "aperto", "--as-of", "2021-04-20")
    # the same process concluded on 5 October 2020, with its report and the art. 19 act still due
    processo.update(
        {
            "conclusione": "2020-10-05",
            "docpp": {"validato": "2020-10-01", "trasmesso": "2020-10-05"},
            "sospensione_atti": {"deliberata": "2019-10-10", "atto": "Delibera di Giunta n. 88/2019"},
            "tavolo_negoziazione": {"costituito": "2020-01-15"},
        }
    )
    secondo = _draft(run, _scrivi(write, dati, "chiuso.yaml"), out / "chiuso", "--as-of", "2020-10-20")
    testi = {v["tipo"]: leggi_docx(out / "aperto" / v["file"]) for v in primo}
    testi.update({v["tipo"]: leggi_docx(out / "chiuso" / v["file"]) for v in secondo})
    assert _atti(primo) == [
        ("impegno", ["PP-003"]),
        ("tavolo", ["PP-002"]),
        ("docpp", ["PP-001"]),
        ("patto", ["PP-104"]),
    ]
    assert _atti(secondo) == [("relazione_finale", ["PP-006"]), ("presa_atto", ["PP-007"])]
    return testi


@pytest.fixture
def testi(run: Run, write: Write, out: Path) -> dict[str, str]:
    return _tutti(run, write, out)


def test_every_act_is_complete_italian_with_blanks_for_what_the_profile_lacks(testi: dict[str, str]) -> None:
    for tipo, testo in testi.items():
        assert "{{" not in testo and "{%" not in testo, tipo
        assert "[DA COMPLETARE:" in testo, tipo
        assert "'" not in re.sub(r"\[DA COMPLETARE:[^\]]*\]", "", testo), tipo  # one apostrophe: ’
        assert "UNIONE «NUOVO CIRCONDARIO IMOLESE»" in testo, tipo
        assert "Nota di redazione" in testo, tipo


def test_the_giunta_commits_to_the_process_and_to_suspend_acts(testi: dict[str, str]) -> None:
    testo = testi["impegno"]
    for atteso in (
        "SCHEMA DI DELIBERAZIONE DELLA GIUNTA DELL’UNIONE",
        "OGGETTO: PROCESSO PARTECIPATIVO «IL FUTURO DEL CIRCONDARIO» (L.R. EMILIA-ROMAGNA 15/2018, BANDO 2019)",
        "LA GIUNTA DELL’UNIONE",
        "Premesso che:",
        "Richiamati:",
        "Visti:",
        "Considerato che:",
        "DELIBERA",
        "il processo è stato avviato il 15 gennaio 2020",
        "più 83 giorni di sospensione disposta dalla Regione, e cioè entro il 6 ottobre 2020",
        "di impegnarsi, ai sensi dell’art. 16 della L.R. Emilia-Romagna 15/2018, a sospendere",
        "Pareri ai sensi dell’art. 49, comma 1, del D.Lgs. 18 agosto 2000, n. 267",
        "Regolarità tecnica:",
        "art. 125",
        "PP-003 – «Il futuro del Circondario», avviato il 15 gennaio 2020: manca l’atto",
        "Borgo Tossignano, Casalfiumanese",
    ):
        assert atteso in testo, atteso


def test_the_tavolo_record_lists_the_comuni_and_the_phases(testi: dict[str, str]) -> None:
    testo = testi["tavolo"]
    for atteso in (
        "VERBALE DI COSTITUZIONE DEL TAVOLO DI NEGOZIAZIONE",
        "promosso dall’Unione «Nuovo Circondario Imolese»",
        "il progetto ha ottenuto il 20 novembre 2019 la certificazione di qualità",
        "Comune di Medicina",
        "Facilitatore del processo",
        "condivisione\n15 gennaio 2020\n15 marzo 2020",
        "restituzione\n1° settembre 2020\n5 ottobre 2020",
        "CONDIVIDE E APPROVA",
        "Art. 1 – Costituzione e composizione",
        "IL SEGRETARIO VERBALIZZANTE",
        "PP-002",
    ):
        assert atteso in testo, atteso
    # the art. 16 commitment is missing too: a blank, never an invented act
    assert "con [DA COMPLETARE: estremi della deliberazione di impegno alla sospensione degli atti" in testo


def test_the_docpp_has_the_regional_structure_and_no_personal_data(testi: dict[str, str]) -> None:
    testo = testi["docpp"]
    for atteso in (
        "DOCUMENTO DI PROPOSTA PARTECIPATA (DocPP)",
        "non riporta dati personali",
        "Termine di conclusione\n6 ottobre 2020 (sei mesi dall’avvio, più 83 giorni di sospensione",
        "5. Le proposte",
        "7. Condivisione, validazione e invio",
        "entro il 6 ottobre 2020: l’invio conclude il processo",
        "PP-001",
    ):
        assert atteso in testo, atteso


def test_the_final_report_has_dates_phases_and_expenses(testi: dict[str, str]) -> None:
    testo = testi["relazione_finale"]
    for atteso in (
        "RELAZIONE FINALE DEL PROCESSO PARTECIPATIVO",
        "Alla Regione Emilia-Romagna",
        "entro trenta giorni dalla conclusione del processo (5 ottobre 2020), e cioè entro il 4 novembre 2020",
        "Validazione del DocPP (Tecnico di garanzia)\n1° ottobre 2020",
        "Impegno alla sospensione degli atti (art. 16)\nDelibera di Giunta n. 88/2019 del 10 ottobre 2019",
        "8. Rendicontazione delle spese",
        "di cui contributo regionale",
        "PP-006",
    ):
        assert atteso in testo, atteso


def test_the_art19_deliberation_accounts_for_the_process_and_the_docpp(testi: dict[str, str]) -> None:
    testo = testi["presa_atto"]
    for atteso in (
        "PRESA D’ATTO DEL PERCORSO SVOLTO E DEL DOCUMENTO DI PROPOSTA PARTECIPATA",
        "Richiamata la Delibera di Giunta n. 88/2019 del 10 ottobre 2019",
        "– apertura, dal 16 marzo 2020 al 31 agosto 2020;",
        "validato dal Tecnico di garanzia il 1° ottobre 2020 e trasmesso all’ente il 5 ottobre 2020",
        "scade il 4 novembre 2020",
        "di prendere atto del processo partecipativo «Il futuro del Circondario», svolto dal 15 gennaio 2020 al "
        "5 ottobre 2020",
        "cessa l’impegno a sospendere gli atti",
        "DELIBERA",
        "Regolarità contabile:",
        "PP-007",
    ):
        assert atteso in testo, atteso


def test_the_patto_has_parties_lines_commitments_a_permanent_table_and_a_yearly_review(
    testi: dict[str, str],
) -> None:
    testo = testi["patto"]
    for atteso in (
        "PATTO PER LO SVILUPPO DEL TERRITORIO",
        "il Piano è stato approvato con Delibera di Consiglio n. 12/2021 del 30 marzo 2021",
        "l’analisi diagnostica del territorio si è conclusa il 20 dicembre 2019",
        "il processo partecipativo «Il futuro del Circondario»",
        "rappresentata dal Presidente Marco Panieri",
        "Associazioni di categoria, rappresentato da [DA COMPLETARE: nome e qualifica di chi firma]",
        "Art. 3 – Linee strategiche condivise",
        "Art. 4 – Impegni dell’Unione e dei Comuni",
        "Art. 5 – Impegni delle altre parti",
        "Art. 6 – Tavolo permanente per lo sviluppo del territorio",
        "Art. 7 – Monitoraggio e verifica annuale",
        "la prima verifica si tiene entro un anno dalla sottoscrizione",
        "Comune di Mordano\nil Sindaco",
        "Organizzazioni sindacali",
        "non previsto da una norma",
    ):
        assert atteso in testo, atteso
    # the Unione and its Comuni sign on their own rows, not again as «other parties»
    assert "Comuni del Circondario" not in testo
    assert testo.count("Nuovo Circondario Imolese»\nil Presidente") == 1


# --- index, languages, templates, PDF ---


def test_the_index_and_the_summary_in_both_languages(
    run: Run, write: Write, out: Path, tmp_path: Path
) -> None:
    dati = _profilo()
    _processo(dati).pop("sospensione_atti")
    profilo = _scrivi(write, dati)
    result = run("draft", profilo, "--rules", LR15, "--out", str(out))
    assert "delibera di impegno (art. 16)" in result.stdout and "Il futuro del Circondario" in result.stdout
    assert "**PP-003**" in (out / "indice.md").read_text(encoding="utf-8")
    docx = leggi_docx(out / "indice.docx")
    assert "1. Avvio del processo partecipativo (L.R. Emilia-Romagna 15/2018)" in docx
    assert "impegno al processo «Il futuro del Circondario» e alla sospensione degli atti (art. 16)" in docx
    inglese = tmp_path / "en"
    result = run("draft", profilo, "--rules", LR15, "--out", str(inglese), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Drafted acts" in result.stdout and "commitment resolution (art. 16)" in result.stdout
    assert "SCHEMA DI DELIBERAZIONE DELLA GIUNTA" in leggi_docx(inglese / indice(inglese)[0]["file"])


def test_the_templates_lint_covers_the_new_templates(run: Run) -> None:
    result = run("templates", "lint")
    assert result.exit_code == 0, result.stderr
    assert "15 modelli verificati, nessun problema" in result.stdout


def test_a_broken_custom_template_is_refused_before_writing(
    run: Run, write: Write, out: Path, tmp_path: Path
) -> None:
    propri = tmp_path / "modelli"
    shutil.copytree(ROOT / "templates", propri)
    from docx import Document

    documento = Document(str(propri / "partecipazione" / "verbale_tavolo.docx"))
    documento.add_paragraph("{{ processo.sindaco_inventato }}")
    documento.save(str(propri / "partecipazione" / "verbale_tavolo.docx"))
    dati = _profilo()
    _processo(dati).pop("tavolo_negoziazione")
    result = run(
        "draft", _scrivi(write, dati), "--rules", LR15, "--out", str(out), "--templates", str(propri)
    )
    assert result.exit_code == 2
    assert "verbale_tavolo.docx" in result.stderr and "sindaco_inventato" in result.stderr
    assert not out.exists()


def test_the_committed_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_templates_partecipazione.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    costruiti = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    assert costruiti == sorted(
        p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates" / "partecipazione").glob("*.docx")
    )
    for relativo in costruiti:
        assert (tmp_path / relativo).read_bytes() == (ROOT / "templates" / relativo).read_bytes(), relativo


def test_every_act_converts_with_libreoffice(run: Run, write: Write, out: Path) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_SOFFICE") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_SOFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    dati = _profilo()
    processo = _processo(dati)
    for chiave in ("sospensione_atti", "tavolo_negoziazione", "conclusione", "docpp"):
        processo.pop(chiave)
    dati["piano_strategico"]["patto_sviluppo"]["sottoscritto"] = None
    voci = _draft(run, _scrivi(write, dati), out, "--as-of", "2021-04-20", "--pdf")
    assert len(voci) == 4
    for voce in voci:
        pdf = (out / voce["file"]).with_suffix(".pdf").read_bytes()
        assert pdf.startswith(b"%PDF-") and len(pdf) > 5000, voce["file"]


def test_a_title_with_apostrophes_and_markup_is_matched_and_escaped(
    run: Run, write: Write, out: Path
) -> None:
    dati = _profilo()
    processo = _processo(dati)
    processo["titolo"] = "L'Unione che vorrei | *2020* <bozza>"
    processo.pop("tavolo_negoziazione")
    voci = _draft(run, _scrivi(write, dati), out)
    assert _atti(voci) == [("tavolo", ["PP-002"])]
    assert voci[0]["file"] == "partecipazione/verbale_tavolo_l-unione-che-vorrei-2020-bozza.docx"
    testo = leggi_docx(out / voci[0]["file"])
    assert "«L’Unione che vorrei | *2020* <bozza>»" in testo
    assert "PP-002 – «L’Unione che vorrei" in testo  # the finding of this process reaches the note
    md = (out / "indice.md").read_text(encoding="utf-8")
    assert "«L'Unione che vorrei \\| \\*2020\\* \\<bozza\\>»" in md
