"""End-to-end: the `check`, `schema` and `rules` commands through typer's runner, every exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]


def test_reference_profile_is_accepted_with_exit_1_for_its_errors(run: Run) -> None:
    result = run("check", str(EXAMPLES / "profilo-esempio.yaml"))
    assert result.exit_code == 1
    out = result.stdout
    assert "Unione dei Comuni Valle & Pianura" in out
    assert "Data di valutazione: 15 maggio 2024" in out
    assert "Classe calcolata: NON AVVIATA (dichiarata: costituita)" in out
    assert "manca la delibera del Comune di Grizzana Morandi" in out
    # ER-002 before the deadline: 15 May → 30 June 2024 = 16 + 30 = 46 days
    assert "ER-002 [in scadenza tra 46 giorni (30 giugno 2024)]" in out
    assert "Fonte: LR Emilia-Romagna 21/2012, art. 7, c. 3 (fonte verificata); termine da verificare" in out


def test_json_follows_the_contract(run: Run) -> None:
    result = run("check", str(EXAMPLES / "profilo-esempio.yaml"), "--format", "json", "--as-of", "2024-06-30")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["formato"] == "avviamento/esito@1"
    assert data["unione"] == "Unione dei Comuni Valle & Pianura"
    assert data["data_valutazione"] == "2024-06-30"
    assert data["regole"]["id"] == "er-lr21-2012"
    assert len(data["regole"]["sha256"]) == 64
    assert data["classe"] == "non_avviata"
    assert data["funzioni_effettive"] == ["sistemi_informativi"]
    assert data["esito"] == "non_conforme"
    er002 = next(r for r in data["rilievi"] if r["regola"] == "ER-002")
    assert er002["gravita"] == "errore"
    assert er002["stato"] == "scaduta"
    assert er002["scadenza"] == "2024-06-30"
    assert er002["giorni"] == 0
    assert er002["fonte"] == {
        "atto": "LR Emilia-Romagna 21/2012",
        "articolo": "7",
        "comma": "3",
        "url": er002["fonte"]["url"],
    }
    assert er002["fonte"]["url"].startswith("https://")
    assert set(er002["posizione"]) == {"riga", "colonna"}
    assert "convenzione:polizia_locale" in er002["rimedi"]
    er004 = [r for r in data["rilievi"] if r["regola"] == "ER-004"]
    assert [r["funzione"] for r in er004] == ["polizia_locale", "protezione_civile"]
    assert er004[0]["comuni"] == ["Grizzana Morandi"]
    assert er004[0]["posizione"]["riga"] == 57  # the `- codice: polizia_locale` entry


def test_esito_is_conforme_exactly_without_open_errors(run: Run) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        result = run("check", str(example), "--format", "json")
        data = json.loads(result.stdout)
        open_errors = [
            r
            for r in data["rilievi"]
            if r["gravita"] == "errore" and r["stato"] in ("violata", "scaduta", "in_scadenza")
        ]
        assert (data["esito"] == "conforme") == (not open_errors)
        assert result.exit_code == (0 if data["esito"] == "conforme" else 1)
        assert data["funzioni_effettive"] == sorted(data["funzioni_effettive"])


def test_terre_d_acqua_is_avviata_only_once_protezione_civile_and_tributi_run(run: Run) -> None:
    path = str(EXAMPLES / "terre-d-acqua.yaml")
    before = json.loads(run("check", path, "--format", "json", "--as-of", "2024-05-31").stdout)
    assert before["classe"] == "non_avviata"
    assert before["funzioni_effettive"] == ["cuc", "personale", "sistemi_informativi", "ufficio_di_piano"]
    after = run("check", path, "--format", "json")
    data = json.loads(after.stdout)
    assert data["data_valutazione"] == "2024-06-24"
    assert data["classe"] == "avviata"
    assert "protezione_civile" in data["funzioni_effettive"] and "tributi" in data["funzioni_effettive"]
    assert after.exit_code == 0


def test_other_examples(run: Run) -> None:
    delta = json.loads(run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--format", "json").stdout)
    assert delta["classe"] == "non_avviata"
    assert delta["funzioni_effettive"] == ["polizia_locale"]
    imola = run("check", str(EXAMPLES / "nuovo-circondario-imolese.yaml"), "--format", "json")
    data = json.loads(imola.stdout)
    assert data["classe"] == "in_sviluppo"
    assert imola.exit_code == 0
    # montane Union: 15,000 threshold; ten Comuni, far above it
    assert next(r for r in data["rilievi"] if r["regola"] == "ER-010")["stato"] == "soddisfatta"


def test_english_report(run: Run) -> None:
    result = run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--lang", "en")
    assert "Evaluation date: 1 March 2024" in result.stdout
    assert "NOT COMPLIANT" in result.stdout
    assert "due in 121 days (30 June 2024)" in result.stdout  # 1 March → 30 June: 30 + 30 + 31 + 30 = 121


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_escape_names(run: Run, write: Callable[[str, str], Path], fmt: str) -> None:
    text = (EXAMPLES / "profilo-esempio.yaml").read_text(encoding="utf-8")
    path = write(text.replace("Valle & Pianura", "Terre & Acqua <Sud>"), "p.yaml")
    out = run("check", str(path), "--format", fmt).stdout
    if fmt == "html":
        assert "Terre &amp; Acqua &lt;Sud&gt;" in out and "<Sud>" not in out
    else:
        assert "Terre & Acqua \\<Sud\\>" in out


def test_schema_is_valid_json_schema_and_matches_the_committed_file(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"unione", "comuni", "funzioni", "adempimenti"} <= set(schema["properties"])
    assert schema == json.loads((ROOT / "schema" / "profilo.schema.json").read_text(encoding="utf-8"))


def test_examples_carry_the_schema_header() -> None:
    for example in EXAMPLES.glob("*.yaml"):
        first = example.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/profilo.schema.json"


def test_rules_list_and_show(run: Run) -> None:
    listing = run("rules", "list")
    assert listing.exit_code == 0
    primo = listing.stdout.split("\n\n")[0]  # the default pack comes first, then the other bundled packs
    codes = [line.split()[0] for line in primo.splitlines()[1:]]
    assert codes[:16] == [f"ER-{n:03d}" for n in range(1, 17)]
    assert all(code.startswith("ER-1") for code in codes[16:])
    show = run("rules", "show", "er-002")
    assert show.exit_code == 0
    assert "storia di «soglia_funzioni_chiave»" in show.stdout
    assert "2014-01-01 → in corso: 3 (verificata" in show.stdout
    assert "storia di «fine_programma_cm_2023»" in show.stdout
    assert "2024-06-30 (da verificare" in show.stdout
    unknown = run("rules", "show", "ER-1O7")
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == "avviamento: regola sconosciuta 'ER-1O7' (forse intendevi 'ER-107'?)"


def test_rules_lint_bundled_pack_is_clean(run: Run) -> None:
    from avviamento.risorse import default_rules

    result = run("rules", "lint", str(default_rules()))
    assert result.exit_code == 0
    assert "nessun problema" in result.stdout


def test_no_arguments_and_unknown_option_exit_2(run: Run) -> None:
    assert run("check").exit_code == 2
    assert run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--format", "pdf").exit_code == 2


def test_check_does_not_import_docxtpl() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from avviamento.cli import app\n"
        f"CliRunner().invoke(app, ['check', {str(EXAMPLES / 'terre-del-delta.yaml')!r}])\n"
        "heavy = [m for m in ('docxtpl', 'docx', 'jinja2', 'icalendar', 'holidays') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_module_entry_point_runs() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "avviamento",
            "check",
            str(EXAMPLES / "terre-d-acqua.yaml"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0
    assert json.loads(out.stdout)["classe"] == "avviata"


def test_the_spec_reference_profile_is_accepted_as_is(run: Run) -> None:
    # tests/dati/profilo-esempio-spec.yaml is the product spec's reference profile, byte for byte (English
    # comments); examples/profilo-esempio.yaml is the same profile commented in Italian.
    spec = ROOT / "tests" / "dati" / "profilo-esempio-spec.yaml"
    ours = EXAMPLES / "profilo-esempio.yaml"
    a = run("check", str(spec), "--format", "json")
    b = run("check", str(ours), "--format", "json")
    assert a.exit_code == b.exit_code == 1, a.output
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k not in ("file", "rilievi")}  # noqa: E731
    assert strip(a.stdout) == strip(b.stdout)


def test_text_report_fits_the_width_it_is_given(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    delta = str(EXAMPLES / "terre-del-delta.yaml")
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run("check", delta).stdout.splitlines()
    assert len(narrow) > 60
    for line in narrow:
        # only an unbreakable token (a source's URL) may pass the edge, and it is never cut
        assert len(line) <= 80 or (len(line.split()) == 1 and line.strip().startswith("https://")), line
    assert any(line.startswith("      ") and "perché" not in line for line in narrow)  # hanging indent
    urls = [line.strip() for line in narrow if line.strip().startswith("https://")]
    assert urls and all(" " not in u for u in urls)
    # Piped without COLUMNS: one line per paragraph, for files and emails to reflow.
    monkeypatch.delenv("COLUMNS")
    piped = run("check", delta).stdout.splitlines()
    assert len(piped) < len(narrow)
    assert any(len(line) > 200 and "https://" in line for line in piped)


def test_colour_and_width_follow_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from avviamento.cli import common

    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "72")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert common.text_layout() == (True, 72)
    assert common.text_layout(no_color=True) == (False, 72)
    monkeypatch.setenv("NO_COLOR", "1")
    assert common.text_layout() == (False, 72)
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: False)
    monkeypatch.delenv("COLUMNS")
    assert common.text_layout() == (False, None)


def test_sarif_has_one_result_per_open_finding_at_its_line(run: Run) -> None:
    delta = str(EXAMPLES / "terre-del-delta.yaml")
    esito = json.loads(run("check", delta, "--format", "json").stdout)
    result = run("check", delta, "--format", "sarif")
    assert result.exit_code == 1  # same exit code as every other format
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    corsa = sarif["runs"][0]
    aperti = [r for r in esito["rilievi"] if r["stato"] in ("in_scadenza", "scaduta", "violata")]
    assert len(corsa["results"]) == len(aperti) == sum(esito["conteggi"].values())
    regole = corsa["tool"]["driver"]["rules"]
    assert len({r["id"] for r in regole}) == len(regole)
    livelli = {"errore": "error", "avviso": "warning", "info": "note"}
    for risultato, rilievo in zip(corsa["results"], aperti, strict=True):
        assert risultato["ruleId"] == rilievo["regola"] == regole[risultato["ruleIndex"]]["id"]
        assert risultato["level"] == livelli[rilievo["gravita"]]
        luogo = risultato["locations"][0]["physicalLocation"]
        assert luogo["artifactLocation"]["uri"].endswith("terre-del-delta.yaml")
        assert luogo["region"]["startLine"] == rilievo["posizione"]["riga"]
        assert rilievo["messaggio"] in risultato["message"]["text"]
        assert risultato["properties"]["stato"] == rilievo["stato"]
    fingerprints = [r["partialFingerprints"]["avviamento/v1"] for r in corsa["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_quiet_prints_only_the_verdict(run: Run) -> None:
    delta = run("check", str(EXAMPLES / "terre-del-delta.yaml"), "--quiet")
    assert delta.exit_code == 1
    assert delta.stdout == (
        "Unione dei Comuni Terre del Delta: NON CONFORME — classe calcolata: non avviata "
        "(errori: 8, avvisi: 3, informazioni: 1)\n"
    )
    acqua = run("check", str(EXAMPLES / "terre-d-acqua.yaml"), "-q", "--lang", "en")
    assert acqua.exit_code == 0 and acqua.stdout.startswith(
        "Unione Terre d'Acqua: COMPLIANT — computed class: avviata"
    )
    refused = run("check", str(EXAMPLES / "terre-del-delta.yaml"), "-q", "--format", "json")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == "avviamento: --quiet vale solo per il rapporto testuale (senza --format)\n"


def test_check_out_writes_atomically_and_never_overwrites(run: Run, tmp_path: Path) -> None:
    delta = str(EXAMPLES / "terre-del-delta.yaml")
    target = tmp_path / "rapporto.md"
    first = run("check", delta, "--format", "markdown", "--out", str(target))
    assert first.exit_code == 1 and first.stdout == ""
    assert target.read_text(encoding="utf-8") == run("check", delta, "--format", "markdown").stdout
    target.write_text("mio", encoding="utf-8")
    again = run("check", delta, "--out", str(target))
    assert again.exit_code == 2 and "il file esiste già (usare --force" in again.stderr
    assert target.read_text(encoding="utf-8") == "mio"
    forced = run("check", delta, "--out", str(target), "--force")
    assert forced.exit_code == 1 and target.read_text(encoding="utf-8").startswith("Unione dei Comuni Terre")
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    dash = run("check", delta, "--out", "-", "--format", "json")
    assert json.loads(dash.stdout)["formato"] == "avviamento/esito@1"
    missing = run("check", delta, "--out", str(tmp_path / "nessuna" / "r.txt"))
    assert missing.exit_code == 2 and "la cartella non esiste" in missing.stderr
