"""`avviamento templates lint`: the bundled templates are sound; broken ones are caught, each problem one line."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel
from typer.testing import Result

from avviamento.draft.contesto import ContestoConvenzione, ContestoDelibera, ContestoPiano
from avviamento.draft.lint import verifica_cartella, verifica_modello
from avviamento.risorse import templates_dir

Run = Callable[..., Result]


def _docx(*paragrafi: str, tabella: list[str] | None = None) -> bytes:
    from docx import Document

    documento = Document()
    for testo in paragrafi:
        documento.add_paragraph(testo)
    if tabella:
        t = documento.add_table(rows=len(tabella), cols=1)
        for i, testo in enumerate(tabella):
            t.cell(i, 0).paragraphs[0].add_run(testo)
    buffer = io.BytesIO()
    documento.save(buffer)
    return buffer.getvalue()


def _problemi(contesto: type[BaseModel], *paragrafi: str, tabella: list[str] | None = None) -> list[str]:
    return [p.testo["it"] for p in verifica_modello(_docx(*paragrafi, tabella=tabella), "m.docx", contesto)]


def test_the_bundled_templates_are_clean(run: Run) -> None:
    result = run("templates", "lint")
    assert result.exit_code == 0, result.output
    assert "15 modelli verificati, nessun problema" in result.output
    verificati, problemi = verifica_cartella(templates_dir())
    assert (verificati, problemi) == (15, [])


def test_known_variables_filters_loops_and_methods_pass() -> None:
    assert (
        _problemi(
            ContestoConvenzione,
            "{{ unione.nome|upper }} {{ unione.nome.upper() }} {{ comuni|map(attribute='nome')|join(', ') }}",
            "{% for c in funzione.conferimenti if c.adottata %}{{ c.comune.sindaco }} {{ loop.index }}{% endfor %}",
            "{% set x = 3 %}{{ x }} {{ comuni_obbligati[0].nome }} {{ documento.rilievi|length }}",
            "{%p if funzione.clausole %}",
            "{%p endif %}",
        )
        == []
    )


def test_unknown_names_and_fields_are_found_wherever_they_are() -> None:
    problemi = _problemi(
        ContestoDelibera,
        "{{ segretario }}",
        "{% for c in comuni %}{{ c.sindco }}{% endfor %}",
        "{% if false %}{{ funzione.etichettaa }}{% endif %}",
        "{{ unione.nome.__class__ }}",
    )
    testo = "\n".join(problemi)
    for variabile in ("«segretario»", "«c.sindco»", "«funzione.etichettaa»", "«unione.nome.__class__»"):
        assert variabile in testo, variabile
    assert len(problemi) == 4


def test_each_kind_of_act_has_its_own_context() -> None:
    # a plan is about the Union, not about one function: `funzione` does not exist there
    assert _problemi(ContestoPiano, "{{ funzione.etichetta }}") == [
        "variabile sconosciuta «funzione» (paragrafo 1)"
    ]
    assert _problemi(ContestoDelibera, "{{ funzione.etichetta }} {{ comune.nome }}") == []


def test_tag_placement_and_syntax() -> None:
    problemi = _problemi(
        ContestoPiano,
        "testo {%p if unione.montana %}",  # a paragraph tag with other text: the text would vanish
        "{%p endif %}",
        "{%tr for c in comuni %}",  # a row tag outside a table
        "{%tr endfor %}",
    )
    assert any("deve stare da solo nel suo paragrafo" in p for p in problemi)
    assert any("deve stare in una cella di tabella" in p for p in problemi)
    sintassi = _problemi(ContestoPiano, "Intestazione", "{{ unione.nome ")
    assert len(sintassi) == 1 and sintassi[0].startswith("tag non valido")
    assert "No filter named 'nonesiste'" in _problemi(ContestoPiano, "{{ unione.nome|nonesiste }}")[0]
    assert (
        _problemi(ContestoPiano, tabella=["{%tr for c in comuni %}", "{{ c.nome }}", "{%tr endfor %}"]) == []
    )


def test_not_a_docx() -> None:
    problemi = verifica_modello(b"PK but not really", "rotto.docx", ContestoPiano)
    assert len(problemi) == 1 and "non è un documento .docx leggibile" in problemi[0].testo["it"]


def test_lint_of_a_custom_folder_lists_every_problem(run: Run, tmp_path: Path) -> None:
    from docx import Document

    modelli = tmp_path / "modelli"
    shutil.copytree(templates_dir(), modelli)
    (modelli / "piani/piano_formazione.docx").unlink()
    delibera = modelli / "convenzioni/delibera_consiglio_comunale.docx"
    documento = Document(str(delibera))
    documento.add_paragraph("{{ comune.pec }}")
    documento.save(str(delibera))
    shutil.copy(delibera, modelli / "convenzioni/vecchia_delibera.docx")
    result = run("templates", "lint", str(modelli))
    assert result.exit_code == 2
    righe = result.stderr.strip().splitlines()
    assert any(r.endswith("piani/piano_formazione.docx: modello mancante") for r in righe)
    assert any("delibera_consiglio_comunale.docx: variabile sconosciuta «comune.pec»" in r for r in righe)
    assert any("vecchia_delibera.docx: modello non usato da draft" in r for r in righe)
    assert len(righe) == 3
    english = run("templates", "lint", str(modelli), "--lang", "en")
    assert "unknown variable «comune.pec»" in english.stderr


def test_lint_of_a_missing_folder(run: Run, tmp_path: Path) -> None:
    result = run("templates", "lint", str(tmp_path / "nessuna"))
    assert result.exit_code == 2 and "cartella dei modelli non trovata" in result.stderr


def test_escaping_cannot_be_turned_off_and_rich_tags_are_refused() -> None:
    problemi = _problemi(
        ContestoPiano,
        "{{ unione.nome|safe }}",
        "{% autoescape false %}{{ unione.nome }}{% endautoescape %}",
        "{{r unione.nome }}",
    )
    assert sum("disattiva l'escape dei valori" in p for p in problemi) == 2
    assert any("richiede un testo formattato (RichText)" in p for p in problemi)
    # `r` as a loop variable is not the RichText tag
    assert _problemi(ContestoPiano, "{% for r in documento.rilievi %}{{ r.codice }}{% endfor %}") == []
