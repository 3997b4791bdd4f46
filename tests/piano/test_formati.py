"""`plan --out`, `--format html|csv`, `--no-color`, and text that fits the terminal without cutting a URL."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.browser import foto, pagina
from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")
IMOLA = str(EXAMPLES / "nuovo-circondario-imolese.yaml")
LR15 = str(ROOT / "rules" / "er_lr15_2018.yaml")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _json(run: Run, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run("plan", *args, "--format", "json").stdout)
    return data


def test_out_writes_the_file_and_never_overwrites_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "piano.md"
    result = run("plan", DELTA, "--as-of", "2024-03-01", "--format", "markdown", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    scritto = out.read_text(encoding="utf-8")
    assert scritto.startswith("# Unione dei Comuni Terre del Delta — Piano delle scadenze")
    assert scritto == run("plan", DELTA, "--as-of", "2024-03-01", "--format", "markdown").stdout
    out.write_text("mio", encoding="utf-8")
    rifiutato = run("plan", DELTA, "--format", "csv", "-o", str(out))
    assert rifiutato.exit_code == 2
    assert rifiutato.stderr.count("\n") == 1 and rifiutato.stderr.startswith(f"avviamento: --out: {out}: ")
    assert out.read_text(encoding="utf-8") == "mio"
    assert run("plan", DELTA, "--format", "csv", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("gruppo;data;")
    assert list(tmp_path.iterdir()) == [out]  # atomic: no temporary file left behind


def test_out_dash_is_standard_output_and_a_missing_folder_is_one_line(run: Run, tmp_path: Path) -> None:
    a_video = run("plan", DELTA, "--as-of", "2024-03-01", "--out", "-")
    assert a_video.exit_code == 0 and "Piano delle scadenze" in a_video.stdout
    assert a_video.stdout == run("plan", DELTA, "--as-of", "2024-03-01").stdout
    mancante = run("plan", DELTA, "--out", str(tmp_path / "no" / "piano.html"), "--format", "html")
    assert mancante.exit_code == 2 and mancante.stderr.count("\n") == 1
    assert "Traceback" not in mancante.output


def test_out_and_ics_cannot_be_the_same_file(run: Run, tmp_path: Path) -> None:
    stesso = tmp_path / "piano"
    result = run("plan", DELTA, "--out", str(stesso), "--ics", str(tmp_path / "." / "piano"))
    assert result.exit_code == 2
    assert result.stderr == f"avviamento: --out e --ics indicano lo stesso file: {tmp_path / '.' / 'piano'}\n"
    assert not stesso.exists()


def test_text_to_a_file_has_no_colour_and_is_not_wrapped(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "piano.txt"
    ics = tmp_path / "piano.ics"
    result = run("plan", DELTA, "--as-of", "2024-03-01", "-o", str(out), "--ics", str(ics))
    assert result.exit_code == 0
    testo = out.read_text(encoding="utf-8")
    assert not ANSI.search(testo)
    assert any(len(riga) > 200 for riga in testo.splitlines())
    assert "Calendario scritto in" in result.stderr and "Calendario" not in testo


def test_csv_one_row_per_step_italian_or_english_header(run: Run) -> None:
    data = _json(run, DELTA, "--as-of", "2024-05-20")
    righe = list(
        csv.reader(
            io.StringIO(run("plan", DELTA, "--as-of", "2024-05-20", "--format", "csv").stdout), delimiter=";"
        )
    )
    assert righe[0][:5] == ["gruppo", "data", "giorno", "ente", "passo"]
    assert len(righe) - 1 == data["passi_totali"] == 57
    passi = [p for g in data["gruppi"] for p in g["passi"]]
    for riga, passo in zip(righe[1:], passi, strict=True):
        cella = dict(zip(righe[0], riga, strict=True))
        assert cella["data"] == passo["data"] and cella["uid"] == passo["uid"]
        assert cella["passo"] == passo["titolo"]
        assert cella["stato"] == ("in ritardo" if passo["in_ritardo"] else "in tempo")
        assert int(cella["giorni_ritardo"]) == passo["giorni_ritardo"]
    en = list(
        csv.reader(io.StringIO(run("plan", DELTA, "--format", "csv", "--lang", "en").stdout), delimiter=";")
    )
    assert en[0][:5] == ["group", "date", "weekday", "body", "step"]
    assert {r[9] for r in en[1:]} <= {"on time", "late"}
    fatti = list(
        csv.reader(io.StringIO(run("plan", IMOLA, "--rules", LR15, "--format", "csv").stdout), delimiter=";")
    )
    assert [r[9] for r in fatti[1:]].count("fatto") == 17


def test_csv_cells_that_look_like_formulas_are_text(run: Run, tmp_path: Path) -> None:
    testo = (
        Path(DELTA)
        .read_text(encoding="utf-8")
        .replace('nome: "Unione dei Comuni Terre del Delta"', 'nome: "=HYPERLINK(1)"')
    )
    assert "=HYPERLINK" in testo
    profilo = tmp_path / "formula.yaml"
    profilo.write_text(testo, encoding="utf-8")
    righe = run("plan", str(profilo), "--as-of", "2024-03-01", "--format", "csv").stdout.splitlines()
    assert not any(cella.startswith("=") for riga in righe for cella in riga.split(";"))


def test_html_is_one_self_contained_page_with_a_table_of_steps(run: Run) -> None:
    pagina = run("plan", IMOLA, "--rules", LR15, "--as-of", "2020-06-01", "--format", "html").stdout
    assert pagina.startswith("<!DOCTYPE html>") and pagina.rstrip().endswith("</html>")
    assert not re.search(r"<(script|link|img)\b", pagina)  # no external assets
    assert pagina.count("<table>") == 2  # the process, the strategic plan
    assert pagina.count('<tr class="fatto">') == 7 and '<th scope="col">Data</th>' in pagina
    assert "Costituzione e primo incontro del Tavolo di Negoziazione" in pagina
    assert "«Il futuro del Circondario»" in pagina
    delta = run("plan", DELTA, "--as-of", "2024-05-20", "--format", "html", "--lang", "en").stdout
    assert '<html lang="en">' in delta and '<th scope="col">By</th>' in delta
    assert delta.count('<tr class="ritardo">') == 24
    assert "LATE by 10 days" in delta


def _delta_di_nome(tmp_path: Path, nome: str) -> str:
    """Terre del Delta's profile with the Union named `nome` (the markup a name may hold), as a file."""
    profilo = tmp_path / "nome.yaml"
    testo = Path(DELTA).read_text(encoding="utf-8")
    profilo.write_text(testo.replace('nome: "Unione dei Comuni Terre del Delta"', f'nome: "{nome}"'), "utf-8")
    return str(profilo)


def test_html_escapes_the_profile(run: Run, tmp_path: Path) -> None:
    profilo = _delta_di_nome(tmp_path, "<script>alert(1)</script> & Co")
    pagina = run("plan", profilo, "--format", "html").stdout
    assert "<script>" not in pagina and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in pagina


def test_text_fits_the_terminal_with_hanging_indent_and_whole_urls(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = {
        p["fonte"]["url"] for g in _json(run, DELTA, "--as-of", "2024-03-01")["gruppi"] for p in g["passi"]
    }
    monkeypatch.setenv("COLUMNS", "80")
    stretto = run("plan", DELTA, "--as-of", "2024-03-01").stdout
    righe = stretto.splitlines()
    for riga in righe:
        # only an unbreakable token (a source's URL) may pass the edge, and it is never cut
        assert len(riga) <= 80 or (len(riga.split()) == 1 and riga.strip().startswith("https://")), riga
    for url in urls - {None}:
        assert url in stretto
    assert not any(riga.strip() == "—" for riga in righe)  # the dash stays with the source it introduces
    assert "\xa0" not in stretto
    # a step's continuation lines hang under its title
    [prima] = [i for i, r in enumerate(righe) if "venerdì 10 maggio 2024" in r and "Goro" in r][:1]
    colonna = righe[prima].index("Convocazione")
    assert righe[prima + 1].startswith(" " * colonna) and righe[prima + 1][colonna] != " "
    monkeypatch.setenv("COLUMNS", "40")
    assert all(
        len(r) <= 40 or len(r.split()) == 1
        for r in run("plan", DELTA, "--as-of", "2024-03-01").stdout.splitlines()
    )
    monkeypatch.delenv("COLUMNS")
    tubo = run("plan", DELTA, "--as-of", "2024-03-01").stdout.splitlines()
    assert len(tubo) < len(righe)
    assert any(
        "Convocazione del Consiglio comunale (preavviso di 5 giorni)" in r and "Goro" in r for r in tubo
    )


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from avviamento.cli import app, common

    def terminale(*args: str) -> str:
        # color=True: click keeps the escape codes as it does on a real terminal
        return CliRunner().invoke(app, ["plan", DELTA, "--as-of", "2024-05-20", *args], color=True).stdout

    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    colorato = terminale()
    assert "\x1b[1;31mIN RITARDO di 10 giorni" in colorato
    assert not ANSI.search(terminale("--no-color"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI.sub("", colorato) == terminale()


def test_html_page_in_chromium(browser: Any, run: Run, tmp_path: Path) -> None:
    html = tmp_path / "piano.html"
    assert (
        run(
            "plan", IMOLA, "--rules", LR15, "--as-of", "2020-06-01", "--format", "html", "-o", str(html)
        ).exit_code
        == 0
    )
    with pagina(browser) as vista:  # no script error, no CSP refusal
        richieste: list[str] = []
        vista.on("request", lambda r: richieste.append(r.url))
        vista.goto(html.as_uri())
        assert richieste == [html.as_uri()]  # self-contained
        assert vista.title() == "Nuovo Circondario Imolese — Piano delle scadenze"
        righe = vista.locator("tbody tr")
        assert righe.count() == 12  # 11 of the process, 1 of the strategic plan
        fatto = vista.locator("tr.fatto td.esito").first
        assert fatto.inner_text() == "FATTO"
        assert fatto.evaluate("e => getComputedStyle(e).color") == "rgb(23, 107, 31)"
        larghezza = vista.evaluate("document.documentElement.scrollWidth")
        assert larghezza <= 1280  # no horizontal scrolling
        foto(vista, tmp_path, "piano-lr15")


def test_markdown_escapes_the_profile(run: Run, tmp_path: Path) -> None:
    profilo = _delta_di_nome(tmp_path, "<b>Unione</b> | *x* [y](z)")
    righe = run("plan", profilo, "--format", "markdown").stdout.splitlines()
    assert righe[0] == "# \\<b\\>Unione\\</b\\> \\| \\*x\\* \\[y\\](z) — Piano delle scadenze"
