"""`avviamento draft` end to end: the right acts for the examples, real documents, the options."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, istantanea, leggi_docx

Run = Callable[..., Result]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")
COMUNI_DELTA = ("Codigoro", "Goro", "Mesola")


def test_terre_del_delta_drafts_exactly_the_acts_of_the_open_gaps(run: Run, out: Path) -> None:
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 0, result.output
    voci = indice(out)
    atti = {(v["tipo"], v["funzione"], v["comune"]) for v in voci}
    # At 1 March 2024: Polizia Locale is effective (no act); ICT was conferred by Codigoro on 22 February 2024
    # only, so Goro and Mesola still deliberate; Protezione Civile and SUAP have no conferral at all (3 + 3);
    # the regolamento di contabilità is missing (organizzazione uffici approved 15 March 2023); no plan approved.
    attesi = {
        ("convenzione", "sistemi_informativi", None),
        ("convenzione", "protezione_civile", None),
        ("convenzione", "suap", None),
        ("delibera", "sistemi_informativi", "Goro"),
        ("delibera", "sistemi_informativi", "Mesola"),
        *{("delibera", f, c) for f in ("protezione_civile", "suap") for c in COMUNI_DELTA},
        *{("delibera_unione", f, None) for f in ("sistemi_informativi", "protezione_civile", "suap")},
        ("regolamento", None, None),
        ("piano", None, None),
        ("adozione", None, None),
    }
    assert atti == attesi
    # the plans share the key above; one adoption deliberation per regolamento and plan
    assert len(voci) == 3 + 2 + 6 + 3 + 1 + 3 + 4
    assert [v["file"] for v in voci if v["tipo"] == "regolamento"] == [
        "regolamenti/regolamento_contabilita.docx"
    ]
    assert sorted(v["file"] for v in voci if v["tipo"] == "piano") == [
        "piani/piano_comunicazione.docx",
        "piani/piano_formazione.docx",
        "piani/programmazione_personale.docx",
    ]
    assert not any(v["funzione"] == "polizia_locale" for v in voci)
    per_file = {v["file"]: v for v in voci}
    assert {"ER-001", "ER-004"} <= set(
        per_file["convenzioni/convenzione_sistemi_informativi.docx"]["rilievi"]
    )
    # Goro (3,475 inhabitants ≤ 5,000) must associate every fundamental function: ER-009 names Protezione Civile
    assert "ER-009" in per_file["delibere/delibera_goro_protezione_civile.docx"]["rilievi"]
    assert "ER-009" not in per_file["delibere/delibera_mesola_protezione_civile.docx"]["rilievi"]
    assert per_file["regolamenti/regolamento_contabilita.docx"]["rilievi"] == ["ER-014"]
    assert per_file["piani/piano_comunicazione.docx"]["rilievi"] == ["ER-011"]


def test_every_drafted_document_reopens_and_names_the_union_and_its_comuni(run: Run, out: Path) -> None:
    assert run("draft", DELTA, "--out", str(out)).exit_code == 0
    for voce in indice(out):
        testo = leggi_docx(out / voce["file"])
        assert "Unione dei Comuni Terre del Delta" in testo, voce["file"]
        for comune in COMUNI_DELTA:
            assert comune in testo, (voce["file"], comune)
        assert "{{" not in testo and "{%" not in testo and "}}" not in testo, voce["file"]
        assert "None" not in testo, voce["file"]


def test_the_acts_read_as_italian_administrative_acts(run: Run, out: Path) -> None:
    assert run("draft", DELTA, "--out", str(out)).exit_code == 0
    convenzione = leggi_docx(out / "convenzioni/convenzione_suap.docx")
    for parte in (
        "PREMESSO CHE",
        "Art. 1 – Premesse e oggetto",
        "Art. 4 – Decorrenza e durata",
        "Art. 14 – Recesso",
        "art. 21, comma 3, della L.R. 21/2012",
        "Art. 16 – Controversie",
        "art. 15, comma 2-bis, della L. 7 agosto 1990, n. 241, a pena di nullità",
        "esente dall’imposta di bollo",
        "registrazione solo in caso d’uso",
        "Sportello unico per le attività produttive di cui al D.P.R. 7 settembre 2010, n. 160",  # pack clause
        "Il Sindaco Paola Guidi",
        # Goro alone is obliged (3,475 ≤ 5,000; Codigoro 11,072 and Mesola 6,454 are not)
        "Per il Comune di Goro, tenuto all’esercizio in forma associata",
        "[DA COMPLETARE: durata: «a tempo indeterminato», oppure «per … anni»",  # no duration for SUAP
    ):
        assert parte in convenzione, parte
    assert (
        "comando unico" not in convenzione.casefold()
    )  # the Polizia Locale clause belongs to another function
    delibera = leggi_docx(out / "delibere/delibera_goro_sistemi_informativi.docx")
    for parte in (
        "COMUNE DI GORO",
        "Provincia di Ferrara",
        "IL CONSIGLIO COMUNALE",
        "l’art. 30, sulle convenzioni tra enti locali, e l’art. 32",
        "art. 42, comma 2, lettera c)",
        "art. 49, comma 1",
        "DELIBERA",
        # the premesse say who has already conferred: Codigoro, deliberation n. 9 of 22 February 2024
        "Il Consiglio comunale di Codigoro ha già disposto il conferimento della funzione con deliberazione "
        "n. 9 del 22 febbraio 2024",
        "art. 134, comma 3",
        "Letto, approvato e sottoscritto.",
    ):
        assert parte.casefold() in delibera.casefold(), parte
    assert "DELIBERA ALTRESÌ" not in delibera


def test_immediata_eseguibilita_is_an_option(run: Run, out: Path) -> None:
    result = run("draft", DELTA, "--out", str(out), "--only", "delibera", "--immediata-eseguibilita")
    assert result.exit_code == 0, result.output
    delibera = leggi_docx(out / "delibere/delibera_mesola_suap.docx")
    assert "DELIBERA ALTRESÌ" in delibera
    assert "immediatamente eseguibile, ai sensi dell’art. 134, comma 4" in delibera
    assert "maggioranza dei componenti" in delibera


def test_only_limits_the_kinds(run: Run, out: Path) -> None:
    assert run("draft", DELTA, "--out", str(out), "--only", "convenzione", "--only", "piano").exit_code == 0
    assert {v["tipo"] for v in indice(out)} == {"convenzione", "piano", "adozione"}
    assert not list((out / "delibere").glob("delibera_*"))


def test_as_of_moves_the_gaps(run: Run, out: Path) -> None:
    # On 28 October 2023 Goro's Polizia Locale deliberation (30 October) is not yet adopted: that function is
    # not effective, so it gets a convenzione and a deliberation for Goro only (Codigoro 26/10, Mesola 27/10).
    assert run("draft", DELTA, "--out", str(out), "--as-of", "2023-10-28").exit_code == 0
    voci = indice(out)
    polizia = {(v["tipo"], v["comune"]) for v in voci if v["funzione"] == "polizia_locale"}
    assert polizia == {("convenzione", None), ("delibera", "Goro"), ("delibera_unione", None)}
    # and Codigoro's ICT deliberation (22 February 2024) is in the future: all three Comuni deliberate
    ict = {v["comune"] for v in voci if v["tipo"] == "delibera" and v["funzione"] == "sistemi_informativi"}
    assert ict == set(COMUNI_DELTA)


def test_summary_table_and_index_md(run: Run, out: Path) -> None:
    result = run("draft", DELTA, "--out", str(out))
    assert (
        "22 atti: 3 convenzioni, 8 delibere, 1 regolamento, 3 piani, 3 delibere del Consiglio dell'Unione, "
        "4 delibere di adozione" in result.output
    )
    assert "delibere/delibera_goro_sistemi_informativi.docx" in result.output
    md = (out / "indice.md").read_text(encoding="utf-8")
    assert md.startswith("# Atti redatti — Unione dei Comuni Terre del Delta")
    assert "[delibere/delibera_goro_suap.docx](delibere/delibera_goro_suap.docx)" in md
    assert "**ER-014**" in md
    english = run("draft", DELTA, "--out", str(out / "en"), "--lang", "en")
    assert "22 acts: 3 agreements, 8 resolutions, 1 regulation, 3 plans" in english.output


def test_refuses_to_overwrite_and_changes_nothing(run: Run, out: Path) -> None:
    assert run("draft", DELTA, "--out", str(out)).exit_code == 0
    prima = istantanea(out)
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr
    assert istantanea(out) == prima


def test_one_existing_file_blocks_the_whole_run(run: Run, out: Path) -> None:
    out.mkdir()
    (out / "indice.md").write_text("appunti dell'ufficio\n", encoding="utf-8")
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 2
    assert "indice.md" in result.stderr
    assert [p.name for p in out.iterdir()] == ["indice.md"]
    assert (out / "indice.md").read_text(encoding="utf-8") == "appunti dell'ufficio\n"


def test_force_overwrites(run: Run, out: Path) -> None:
    assert run("draft", DELTA, "--out", str(out)).exit_code == 0
    rovinato = out / "convenzioni/convenzione_suap.docx"
    rovinato.write_bytes(b"not a docx")
    assert run("draft", DELTA, "--out", str(out), "--force").exit_code == 0
    assert "Sportello unico" in leggi_docx(rovinato)
    assert not list(out.rglob("*.tmp"))


def test_out_is_required_and_must_be_a_folder(run: Run, tmp_path: Path) -> None:
    result = run("draft", DELTA)
    assert result.exit_code == 2 and result.stderr.startswith("avviamento: --out:")
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    result = run("draft", DELTA, "--out", str(file))
    assert result.exit_code == 2 and "non è una cartella" in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_inputs_end_in_one_line(run: Run, tmp_path: Path, out: Path) -> None:
    result = run("draft", str(tmp_path / "manca.yaml"), "--out", str(out))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "manca.yaml" in result.stderr
    result = run("draft", DELTA, "--out", str(out), "--as-of", "31/02/2024")
    assert result.exit_code == 2 and "--as-of" in result.stderr
    result = run("draft", DELTA, "--out", str(out), "--templates", str(tmp_path / "nessuna"))
    assert result.exit_code == 2 and result.stderr.startswith("avviamento: --templates")
    assert not out.exists()


def test_nothing_to_draft_writes_an_empty_index(
    run: Run, write: Callable[[str, str], Path], out: Path
) -> None:
    profilo = yaml.safe_load((EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8"))
    profilo["funzioni"] = profilo["funzioni"][:1]  # Polizia Locale only, effective
    for piano in ("piano_comunicazione", "programmazione_personale", "piano_formazione"):
        profilo["adempimenti"][piano] = {"approvato": "2024-01-10"}
    profilo["adempimenti"]["regolamenti"][1]["approvato"] = "2024-01-10"
    percorso = write(yaml.safe_dump(profilo, allow_unicode=True), "solo-pl.yaml")
    result = run("draft", str(percorso), "--out", str(out))
    assert result.exit_code == 0
    assert "Nessun atto da redigere" in result.output
    assert indice(out) == []


def test_nuovo_circondario_imolese_with_three_functions_undone(
    run: Run, write: Callable[[str, str], Path], out: Path
) -> None:
    profilo = yaml.safe_load((EXAMPLES / "nuovo-circondario-imolese.yaml").read_text(encoding="utf-8"))
    for funzione in profilo["funzioni"]:
        if funzione["codice"] in ("tributi", "polizia_locale", "urbanistica_edilizia"):
            funzione["conferimenti"] = []
    percorso = write(yaml.safe_dump(profilo, allow_unicode=True), "nci.yaml")
    assert run("draft", str(percorso), "--out", str(out)).exit_code == 0
    voci = indice(out)
    # 3 functions x 10 Comuni = 30 deliberations, 3 convenzioni; plans and regolamenti are all approved
    assert sum(v["tipo"] == "convenzione" for v in voci) == 3
    assert sum(v["tipo"] == "delibera" for v in voci) == 30
    assert sum(v["tipo"] == "delibera_unione" for v in voci) == 3
    assert len(voci) == 36
    imola = leggi_docx(out / "delibere/delibera_imola_tributi.docx")
    assert "Città metropolitana di Bologna" in imola  # Bologna is no longer a Provincia
    # Imola has more than 15,000 inhabitants: its council is presided by its own Presidente (TUEL art. 39)
    assert "Assume la presidenza il Presidente del Consiglio comunale [DA COMPLETARE" in imola
    assert "IL PRESIDENTE DEL CONSIGLIO COMUNALE" in imola
    assert "il Sindaco" not in imola.split("Assume la presidenza")[1].split(",")[0]
    assert "Unione «Nuovo Circondario Imolese»" in imola
    # Castel del Rio (1,200, montane ≤ 3,000) is obliged: its conferral is a tempo indeterminato
    assert "a tempo indeterminato" in leggi_docx(out / "delibere/delibera_castel-del-rio_tributi.docx")
    assert "tenuto all’esercizio in forma associata" not in imola


def test_check_and_help_do_not_import_docxtpl() -> None:
    codice = (
        "import sys; import avviamento.cli, avviamento.engine, avviamento.reporters.text; "
        "print(sorted(m for m in ('docxtpl', 'docx', 'jinja2') if m in sys.modules))"
    )
    esito = subprocess.run([sys.executable, "-c", codice], capture_output=True, text=True, check=True)
    assert esito.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("tipo", "tipi"),
    [
        ("convenzione", {"convenzione"}),
        ("delibera", {"delibera", "delibera_unione"}),  # the Union's deliberations too
        ("regolamento", {"regolamento", "adozione"}),  # with the deliberation that adopts it
        ("piano", {"piano", "adozione"}),
    ],
)
def test_only_each_kind(run: Run, out: Path, tipo: str, tipi: set[str]) -> None:
    assert run("draft", DELTA, "--out", str(out), "--only", tipo).exit_code == 0
    assert {v["tipo"] for v in indice(out)} == tipi
