"""The review table and the draft summary on screens of every width, and piped to a file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.review.render.spezza import adatta_tabella, spezza_nome
from tests.conftest import EXAMPLES

Run = Callable[..., Result]
LUNGO = "nuovo-circondario-imolese-versione_definitiva-approvata.yaml"
PEZZI = ("nuovo-", "circondario-", "imolese-", "versione_", "definitiva-", "approvata.yaml")


@pytest.fixture
def lunghi(tmp_path: Path) -> Path:
    base = tmp_path / "profili"
    (base / "giugno-2024").mkdir(parents=True)
    shutil.copy(EXAMPLES / "nuovo-circondario-imolese.yaml", base / "giugno-2024" / LUNGO)
    shutil.copy(EXAMPLES / "terre-del-delta.yaml", base / "terre-del-delta.yaml")
    return base


def test_piped_output_is_a_plain_table_on_unwrapped_lines(run: Run, lunghi: Path) -> None:
    result = run("review", str(lunghi))
    righe = result.stdout.splitlines()
    assert righe[2].split() == [
        "File", "Unione", "Valido", "Dichiarata", "Calcolata", "Funzioni", "effettive", "Errori", "Avvisi"
    ]  # fmt: skip
    assert set(righe[3]) == {"-", " "}
    riga = next(r for r in righe if LUNGO in r)  # the whole row on one line, with labels, not codes
    assert riga.startswith(f"giugno-2024/{LUNGO}  Nuovo Circondario Imolese")
    assert "in sviluppo" in riga and "Polizia locale, Sismica" in riga and "polizia_locale" not in riga
    assert not any(c in result.stdout for c in "│┃━─\x1b")


@pytest.mark.parametrize("colonne", [60, 80, 100, 140])
def test_on_a_screen_lines_fit_and_file_names_break_only_after_separators(
    run: Run, lunghi: Path, monkeypatch: pytest.MonkeyPatch, colonne: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(colonne))
    testo = run("review", str(lunghi)).stdout
    assert max(len(r) for r in testo.splitlines()) <= colonne
    # the file column, top to bottom, holds the name in whole pieces
    colonna = [r[1:].split("  ")[0].strip() for r in testo.splitlines() if r.startswith(" ")]
    pezzi = [c for c in colonna if c and (c in PEZZI or "giugno" in c or any(c.endswith(p) for p in PEZZI))]
    assert "".join(pezzi).endswith(LUNGO), colonna
    for pezzo in pezzi:
        assert pezzo.endswith(("/", "-", "_", ".yaml")), pezzo
    assert ("dich." in testo) == (colonne < 110)  # narrow: validity and both classes in one column


def test_spezza_nome_breaks_after_separators_only() -> None:
    assert spezza_nome("examples/nuovo-circondario-imolese.yaml", 20) == [
        "examples/nuovo-",
        "circondario-",
        "imolese.yaml",
    ]
    assert spezza_nome("unbreakable_name_that_is_long", 5) == [
        "unbreakable_",
        "name_",
        "that_",
        "is_",
        "long",
    ]
    assert spezza_nome("corto.yaml", 40) == ["corto.yaml"]


def test_adatta_tabella_continues_the_file_name_under_its_column() -> None:
    testo = "Titolo\nTipo  File\nconvenzione  convenzioni/convenzione_sistemi_informativi.docx\n"
    adattato = adatta_tabella(testo, 13, 40)
    assert adattato.splitlines()[2:] == [
        "convenzione  convenzioni/convenzione_",
        "             sistemi_informativi.docx",
    ]


def test_draft_summary_never_cuts_a_file_name(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = run("draft", str(EXAMPLES / "terre-del-delta.yaml"), "--out", str(tmp_path / "atti"))
    assert result.exit_code == 0, result.output
    righe = result.stdout.splitlines()
    atti = sorted(p.relative_to(tmp_path / "atti").as_posix() for p in (tmp_path / "atti").rglob("*/*.docx"))
    # each act's path is whole on one line or in pieces cut after / _ - on consecutive lines
    unito = " ".join(r.strip() for r in righe)
    for atto in atti:
        assert atto in unito.replace("/ ", "/").replace("_ ", "_").replace("- ", "-"), atto
    for riga in righe:
        parole = riga.split()
        ultimo = parole[-1] if parole else ""
        if "/" in ultimo and "." not in ultimo.rsplit("/", 1)[-1]:  # a piece of a path, not its end
            assert ultimo.endswith(("/", "_", "-")), riga


@pytest.mark.parametrize("colonne", ["60", "100"])
def test_draft_summary_fits_a_narrow_terminal_with_labels(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colonne: str
) -> None:
    monkeypatch.setenv("COLUMNS", colonne)
    result = run("draft", str(EXAMPLES / "terre-del-delta.yaml"), "--out", str(tmp_path / "atti"))
    assert result.exit_code == 0, result.output
    righe = result.stdout.splitlines()
    # one block per act: what it is, then its file (the index's paths are the caller's long tmp path)
    lunghe = [r for r in righe if len(r) > int(colonne) and "indice." not in r]
    assert lunghe == []
    testo = " ".join(r.strip() for r in righe)
    assert "convenzione · Sistemi informativi e tecnologie dell'informazione (ICT) (ER-001" in testo
    assert "delibera consiliare · Protezione civile · Codigoro" in testo
    assert "delibera di adozione · Piano di formazione unitario" in testo
    assert "sistemi_informativi " not in testo and "piano_formazione " not in testo  # labels, not codes


def test_draft_summary_is_a_table_on_a_wide_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    result = run("draft", str(EXAMPLES / "terre-del-delta.yaml"), "--out", str(tmp_path / "atti"))
    riga = next(r for r in result.stdout.splitlines() if r.startswith("convenzione "))
    assert riga.split("  ")[0] == "convenzione"
    assert "Sistemi informativi e tecnologie dell'informazione (ICT)" in riga
    assert riga.endswith("convenzioni/convenzione_sistemi_informativi.docx")


def test_labels_not_codes_in_every_human_output(run: Run, cartella: Path) -> None:
    from html.parser import HTMLParser

    class Testo(HTMLParser):
        parti: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parti.append(data)

    codici = ("non_avviata", "in_sviluppo", "polizia_locale", "sistemi_informativi", "protezione_civile")
    html = Testo()
    html.feed(run("review", str(cartella), "--format", "html").stdout)
    visibile = "".join(html.parti)
    for formato, testo in (
        ("table", run("review", str(cartella)).stdout),
        ("csv", run("review", str(cartella), "--format", "csv").stdout),
        ("html", visibile),
    ):
        assert not [c for c in codici if c in testo], formato
        assert "non avviata" in testo and "Polizia locale" in testo, formato
    inglese = run("review", str(cartella), "--lang", "en").stdout
    assert "not started (non avviata)" in inglese and "Civil protection" in inglese


def test_draft_summary_counts_one_act_in_the_singular(run: Run, tmp_path: Path) -> None:
    profilo = tmp_path / "patto.yaml"
    testo = (EXAMPLES / "nuovo-circondario-imolese.yaml").read_text(encoding="utf-8")
    testo = testo.replace("    sottoscritto: 2021-06-30", "    sottoscritto: null").split(
        "  monitoraggio_patto:"
    )[0]
    profilo.write_text(testo, encoding="utf-8")
    regole = str(EXAMPLES.parent / "rules" / "er_lr15_2018.yaml")
    for lang, attesa in (("it", "1 atto: 1 Patto per lo sviluppo"), ("en", "1 act: 1 ")):
        out = tmp_path / lang
        result = run(
            "draft",
            str(profilo),
            "--rules",
            regole,
            "--as-of",
            "2021-05-01",
            "--out",
            str(out),
            "--lang",
            lang,
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[-1].startswith(attesa), result.stdout
