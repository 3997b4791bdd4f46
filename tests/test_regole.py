"""The rule pack: loading, dated values, and `rules lint` finding each kind of problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.regole import RulePack, lint_pack
from avviamento.risorse import default_rules

BUNDLED = default_rules().read_text(encoding="utf-8")


def test_bundled_pack_has_every_rule_of_the_spec(pack: RulePack) -> None:
    codes = {r.codice for r in pack.pacchetto.regole}
    assert {f"ER-{n:03d}" for n in range(1, 16)} <= codes
    assert any(
        code.startswith("ER-1") and code != "ER-1" for code in codes - {f"ER-{n:03d}" for n in range(1, 16)}
    )
    assert len(pack.sha256) == 64


def test_confidence_is_encoded_honestly(pack: RulePack) -> None:
    # The 30 June 2024 deadline is inferred from "primo semestre 2024": never presented as verified.
    deadline = pack.valore("fine_programma_cm_2023", dt.date(2024, 3, 1))
    assert deadline is not None and deadline.valore == dt.date(2024, 6, 30)
    assert deadline.confidenza == "da_verificare"
    # PRT 2024-2026: «almeno cinque funzioni» is known from the press on the Unione Valconca (secondary), in a
    # second validity period from the DGR 941/2024.
    before = pack.valore("soglia_in_sviluppo", dt.date(2024, 5, 26))
    after = pack.valore("soglia_in_sviluppo", dt.date(2024, 5, 27))
    assert before is not None and after is not None
    assert (before.valore, before.confidenza) == (5, "secondaria")
    assert (after.valore, after.confidenza) == (5, "secondaria") and "941/2024" in after.fonte.atto
    for nome, valore in [
        ("funzioni_completate_in_sviluppo", 2),
        ("completamento_minimo_in_sviluppo", 90),
        ("effettivita_finanziaria_in_sviluppo", 16),
    ]:
        assert pack.valore(nome, dt.date(2024, 5, 26)) is None
        nuovo = pack.valore(nome, dt.date(2024, 5, 27))
        assert nuovo is not None and (nuovo.valore, nuovo.confidenza) == (valore, "secondaria")
    # avanzata: the threshold is unknown, so it is null and never assigned.
    avanzata = pack.valore("soglia_avanzata", dt.date(2024, 9, 1))
    assert avanzata is not None and avanzata.valore is None
    # The art. 7 c.3 threshold is read in the law.
    key = pack.valore("soglia_funzioni_chiave", dt.date(2024, 1, 1))
    assert key is not None and key.confidenza == "verificata" and key.verificata_il is not None


def test_function_catalogue(pack: RulePack) -> None:
    catalogo = pack.catalogo
    assert catalogo["sistemi_informativi"].art7_c3 == "obbligatoria"
    assert sorted(pack.gruppo("art7_c3_chiave")) == sorted(
        [
            "urbanistica_edilizia",
            "protezione_civile",
            "servizi_sociali",
            "polizia_locale",
            "personale",
            "tributi",
            "suap",
        ]
    )
    assert catalogo["cuc"].conta_prt is False and catalogo["ufficio_di_piano"].conta_prt is False
    assert catalogo["sismica"].conta_prt == "da_verificare"
    assert catalogo["polizia_locale"].lettera_dl78 == "i"


def test_lead_times_carry_sources(pack: RulePack) -> None:
    tempi = pack.pacchetto.tempi
    assert tempi["pubblicazione_albo"].giorni == 15 and tempi["pubblicazione_albo"].fonte.articolo == "124"
    assert tempi["esecutivita"].giorni == 10 and tempi["esecutivita"].fonte.articolo == "134"
    assert tempi["informativa_sindacale"].giorni == 25


BROKEN = [
    (
        "tipo-sconosciuto",
        ("tipo: integralita", "tipo: integrita"),
        "tipo di verifica sconosciuto 'integrita'",
    ),
    (
        "rimedio-pendente",
        ('rimedi: ["dati:organi.giunta"]', 'rimedi: ["convenzione:giardinaggio"]'),
        "funzione assente dal catalogo",
    ),
    (
        "tipo-rimedio",
        ('rimedi: ["dati:organi.giunta"]', 'rimedi: ["preghiera:organi"]'),
        "rimedio non valido",
    ),
    (
        "periodi-sovrapposti",
        ("valido_al: 2024-05-26", "valido_al: 2024-06-30"),
        "periodi di validità sovrapposti",
    ),
    (
        "scadenza-pendente",
        (
            'scadenza: fine_programma_cm_2023\n    classi_scadenza: [costituita, esistente]\n    fonte: *lr21_art7_c3\n    confidenza: verificata\n    verificata_il: 2026-11-22\n    messaggio:\n      it: "La funzione «{funzione}» non è esercitata',
            'scadenza: fine_programma_2099\n    classi_scadenza: [costituita, esistente]\n    fonte: *lr21_art7_c3\n    confidenza: verificata\n    verificata_il: 2026-11-22\n    messaggio:\n      it: "La funzione «{funzione}» non è esercitata',
        ),
        "riferimento sconosciuto 'fine_programma_2099'",
    ),
    (
        "segnaposto",
        ("Il piano di comunicazione dell'Unione non risulta approvato", "Manca il piano {piano}"),
        "segnaposto sconosciuto '{piano}'",
    ),
    (
        "parametri",
        (
            "parametri: {funzione: sistemi_informativi}",
            "parametri: {funzione: sistemi_informativi, extra: 1}",
        ),
        "parametri non validi per la regola ER-001 (funzione_effettiva): extra: chiave non prevista",
    ),
    (
        "fonte-senza-articolo",
        ('    comma: "3"\n    url: "https://demetra', '    comma: "3"\n    url: "https://demetra'),
        None,
    ),
]


@pytest.mark.parametrize(("name", "change", "fragment"), BROKEN, ids=[b[0] for b in BROKEN])
def test_lint_finds_each_problem(
    tmp_path: Path, name: str, change: tuple[str, str], fragment: str | None
) -> None:
    old, new = change
    assert old in BUNDLED, old
    path = tmp_path / f"{name}.yaml"
    path.write_text(BUNDLED.replace(old, new, 1), encoding="utf-8")
    problems = [p.error().render("it") for p in lint_pack(path)]
    if fragment is None:
        assert problems == []
        return
    assert any(fragment in p for p in problems), problems
    assert all(p.startswith(f"{path}:") for p in problems)


def test_lint_missing_source_reference(tmp_path: Path) -> None:
    text = BUNDLED.replace("  lr21_art24_c6: &lr21_art24_c6\n", "  lr21_art24_c6_x: &lr21_art24_c6_x\n", 1)
    path = tmp_path / "fonte.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = lint_pack(path)
    assert "YAML non valido" in problem.error().render("it")  # an alias to an anchor that no longer exists


def test_lint_cli_lists_all_problems_and_exits_2(
    run: Callable[..., Result], write: Callable[[str, str], Path]
) -> None:
    text = BUNDLED.replace("tipo: integralita", "tipo: integrita").replace(
        "tipo: risorse_trasferite", "tipo: risorse"
    )
    path = write(text, "regole.yaml")
    result = run("rules", "lint", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "integrita" in lines[0] and "risorse" in lines[1]


def test_a_users_pack_changes_the_result(
    run: Callable[..., Result], write: Callable[[str, str], Path]
) -> None:
    from tests.conftest import EXAMPLES

    # Lower the art. 7 c.3 threshold to 1: Terre del Delta (only Polizia Locale) still lacks ICT.
    text = BUNDLED.replace("      - valore: 3\n", "      - valore: 1\n", 1)
    rules = write(text, "regole.yaml")
    result = run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--rules", str(rules), "--format", "json")
    import json

    data = json.loads(result.stdout)
    assert next(r for r in data["rilievi"] if r["regola"] == "ER-002")["stato"] == "soddisfatta"
    assert (
        data["regole"]["sha256"]
        != json.loads(run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--format", "json").stdout)[
            "regole"
        ]["sha256"]
    )


def test_rules_funzioni_lists_the_catalogue(run: Callable[..., Result], pack: RulePack) -> None:
    result = run("rules", "funzioni")
    assert result.exit_code == 0, result.output
    righe = result.stdout.splitlines()
    assert righe[0].split()[:2] == ["codice", "denominazione"]
    assert len(righe) == 1 + len(pack.pacchetto.funzioni)
    ict = next(r for r in righe if r.startswith("sistemi_informativi "))
    assert "Sistemi informativi e tecnologie dell'informazione (ICT)" in ict and "obbligatoria" in ict
    cuc = next(r for r in righe if r.startswith("cuc "))
    assert cuc.endswith("  —") and " no " in cuc  # the CUC does not count for the PRT classes
    assert any(r.startswith("polizia_locale ") and r.endswith("lett. i)") for r in righe)
    english = run("rules", "funzioni", "--lang", "en").stdout
    assert english.startswith("code ") and "Civil protection" in english and "mandatory" in english


def test_corrections_of_the_2026_11_source_check(pack: RulePack) -> None:
    p = pack.pacchetto
    assert pack.versione == "2026.11.2"
    # DGR 880/2023 moved the 2023 PRT deadline to 1 September at noon.
    finestra = next(t for t in p.calendario if t.codice == "finestra_prt_2023")
    assert finestra.al == dt.datetime(2023, 9, 1, 12, 0) and "880/2023" in finestra.fonte.atto
    annualita = next(t for t in p.calendario if t.codice == "annualita_prt_2025")
    assert annualita.confidenza == "secondaria" and "816/2025" in annualita.fonte.atto
    # TUEL art. 38 points at the article, not at a ministry opinion.
    assert p.tempi["convocazione_consiglio"].fonte.url == (
        "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2000-08-18;267~art38"
    )
    # LR 21/2012 art. 26 c.1 is the legal basis of every PRT value.
    prt_sources = [
        v.fonte for nome in ("soglia_in_sviluppo", "soglia_avanzata") for v in p.parametri[nome].valori
    ]
    assert prt_sources and all("LR 21/2012 art. 26 c.1" in f.atto for f in prt_sources)
    # DL 78 c.28 figures: the effective date is overstated (deferrals), so never «verificata».
    for nome in ("soglia_comuni_obbligati", "soglia_comuni_obbligati_montani"):
        assert [v.confidenza for v in p.parametri[nome].valori] == ["secondaria"]
    # The exclusion of letter l) is recalled, not re-read: to be verified.
    [escluse] = p.parametri["lettere_escluse_obbligo"].valori
    assert escluse.valore == ["l"] and escluse.confidenza == "da_verificare"
    assert pack.catalogo["statistica"].lettera_dl78 == "l-bis"
    assert pack.catalogo["anagrafe_stato_civile"].lettera_dl78 == "l"
    er014 = pack.regola("ER-014")
    assert er014 is not None and er014.gravita == "avviso" and er014.classi == ["costituita", "esistente"]


def test_rules_show_prints_the_rule_history_and_note(run: Callable[..., Result]) -> None:
    result = run("rules", "show", "ER-009")
    assert result.exit_code == 0
    assert "fonte: LR Emilia-Romagna 21/2012, art. 24, c. 3" in result.stdout
    assert "confidenza: secondaria" in result.stdout
    assert "storia della regola:\n  2026.11.2: Fonte da art. 7 c.3 ad art. 24 c.3" in result.stdout
    assert "storia di «lettere_escluse_obbligo»" in result.stdout and "(da verificare;" in result.stdout
    er004 = run("rules", "show", "ER-004").stdout
    assert "nota: Il c.2 fa «salvo quanto previsto dall'art. 30»" in er004
    er107 = run("rules", "show", "ER-107").stdout
    assert (
        "  condizione funzioni_completate dal 2024-05-27 → in corso: funzioni_completate_in_sviluppo" in er107
    )
    assert "storia di «effettivita_finanziaria_in_sviluppo»" in er107 and "2024-05-27 → in corso: 16" in er107


def test_check_json_carries_the_corrected_source(run: Callable[..., Result]) -> None:
    import json

    from tests.conftest import EXAMPLES

    data = json.loads(run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--format", "json").stdout)
    er009 = [r for r in data["rilievi"] if r["regola"] == "ER-009"]
    assert er009 and all(r["confidenza"] == "secondaria" for r in er009)
    assert all((r["fonte"]["articolo"], r["fonte"]["comma"]) == ("24", "3") for r in er009)
    er015 = next(r for r in data["rilievi"] if r["regola"] == "ER-015")
    assert (er015["fonte"]["articolo"], er015["fonte"]["comma"]) == ("30", "2")
