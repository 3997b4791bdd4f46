"""Safety of `draft`: escaping, sanitised names, nothing outside --out, atomic writes, sandboxed templates."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.draft import writer
from avviamento.draft.contesto import ContestoPiano
from avviamento.fileio import scrivi_atomico
from avviamento.risorse import templates_dir
from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, istantanea, leggi_docx

Run = Callable[..., Result]
Write = Callable[[str, str], Path]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")

UNIONE_OSTILE = "Terre & Acqua <Sud>"
LUNGO = "Comune " + "A" * 300
COMUNI_OSTILI = [
    'Sant\'Agata "la Bella"',
    "Sant Agata la Bella",  # sanitises like the one above: it must not overwrite its file
    "../../etc/passwd",
    "<Mesola & Co>",
    "{{ 7*7 }} {% raw %}",  # Jinja in data is text, never code
    LUNGO,
]


def _profilo_ostile() -> str:
    righe = [
        "versione_formato: 1",
        "data_riferimento: 2024-03-01",
        "unione:",
        f"  nome: {json.dumps(UNIONE_OSTILE)}",
        "  classe_dichiarata: costituita",
        '  organi: {presidente: "Anna & <b>Bianchi</b>", giunta: sindaci}',
        "comuni:",
        *[f"  - nome: {json.dumps(nome)}" for nome in COMUNI_OSTILI],
        "funzioni:",
        "  - codice: sistemi_informativi",
        "    conferimenti: []",
    ]
    return "\n".join(righe) + "\n"


def test_hostile_names_survive_intact_and_stay_inside_out(run: Run, write: Write, tmp_path: Path) -> None:
    profilo = write(_profilo_ostile(), "ostile.yaml")
    out = tmp_path / "uscita" / "bozze"
    result = run("draft", str(profilo), "--out", str(out))
    assert result.exit_code == 0, result.output
    voci = indice(out)
    delibere = [v for v in voci if v["tipo"] == "delibera"]
    assert [v["comune"] for v in delibere] == COMUNI_OSTILI  # the index keeps the names as written
    files = [v["file"] for v in voci]
    assert len(set(files)) == len(files)  # Sant'Agata and Sant Agata do not collide
    for file in files:
        cartella, nome = file.split("/")
        assert cartella in ("convenzioni", "delibere", "regolamenti", "piani")
        assert re.fullmatch(r"[a-z0-9_-]+\.docx", nome), nome
        assert len(nome) <= 100
    # nothing outside --out: the scratch folder holds only the profile and the output tree
    creati = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")}
    assert creati == {"ostile.yaml", "uscita"}
    for voce in voci:
        testo = leggi_docx(out / voce["file"])
        assert UNIONE_OSTILE in testo
        assert "Anna & <b>Bianchi</b>" in testo or voce["tipo"] in (
            "delibera",
            "regolamento",
            "piano",
            "delibera_unione",
            "adozione",
        )
    for voce in delibere:
        testo = leggi_docx(out / voce["file"])
        assert voce["comune"] in testo
    convenzione = leggi_docx(out / "convenzioni/convenzione_sistemi_informativi.docx")
    for nome in COMUNI_OSTILI:
        assert nome in convenzione
    assert "{{ 7*7 }} {% raw %}" in convenzione
    assert "UNIONE «TERRE & ACQUA <SUD>»" in convenzione  # upper-cased in the title, still escaped
    md = (out / "indice.md").read_text(encoding="utf-8")
    assert "<Sud>" not in md and "\\<Sud\\>" in md  # a Markdown viewer must not take it for a tag


def test_a_symlink_cannot_lead_outside_out(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bozze"
    fuori = tmp_path / "fuori"
    out.mkdir()
    fuori.mkdir()
    (out / "convenzioni").symlink_to(fuori, target_is_directory=True)
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 2
    assert "--out" in result.stderr and result.stderr.count("\n") == 1
    assert list(fuori.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["convenzioni"]


def test_destinazione_refuses_dot_dot(tmp_path: Path) -> None:
    with pytest.raises(writer.ErroreRedazione):
        writer.destinazione(tmp_path, "../fuori.docx")
    assert writer.destinazione(tmp_path, "delibere/a.docx") == tmp_path.resolve() / "delibere" / "a.docx"


def test_a_failed_write_leaves_nothing(run: Run, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chiamate = {"n": 0}
    vero_link = os.link

    def link_che_cede(origine: str, destinazione: str, **kwargs: bool) -> None:
        chiamate["n"] += 1
        if chiamate["n"] == 3:
            raise OSError(28, "No space left on device")
        vero_link(origine, destinazione, **kwargs)

    monkeypatch.setattr(os, "link", link_che_cede)
    result = run("draft", DELTA, "--out", str(out))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "nessun file modificato" in result.stderr
    assert not out.exists()  # the two acts already in place were taken back, and the folder the run made


def test_scrivi_atomico_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bersaglio = tmp_path / "atto.docx"
    bersaglio.write_bytes(b"vecchio")

    def fsync_che_cede(fd: int) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "fsync", fsync_che_cede)
    with pytest.raises(OSError):
        scrivi_atomico(bersaglio, b"nuovo")
    assert bersaglio.read_bytes() == b"vecchio"
    assert [p.name for p in tmp_path.iterdir()] == ["atto.docx"]


def _copia_modelli(tmp_path: Path) -> Path:
    copia = tmp_path / "modelli"
    shutil.copytree(templates_dir(), copia)
    return copia


def _aggiungi(percorso: Path, *paragrafi: str) -> None:
    from docx import Document

    documento = Document(str(percorso))
    for testo in paragrafi:
        documento.add_paragraph(testo)
    documento.save(str(percorso))


def test_custom_templates_render_with_the_union_letterhead(run: Run, tmp_path: Path, out: Path) -> None:
    modelli = _copia_modelli(tmp_path)
    _aggiungi(
        modelli / "convenzioni/delibera_consiglio_comunale.docx", "Carta intestata di {{ comune.nome }}"
    )
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli), "--only", "delibera")
    assert result.exit_code == 0, result.output
    assert "Carta intestata di Goro" in leggi_docx(out / "delibere/delibera_goro_suap.docx")


def test_an_unknown_variable_names_template_and_variable_before_writing(
    run: Run, tmp_path: Path, out: Path
) -> None:
    modelli = _copia_modelli(tmp_path)
    _aggiungi(
        modelli / "convenzioni/delibera_consiglio_comunale.docx", "Il segretario {{ comune.segretario }}"
    )
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "delibera_consiglio_comunale.docx" in result.stderr
    assert "comune.segretario" in result.stderr
    assert not out.exists()


def test_an_unknown_variable_in_a_branch_never_taken_is_still_an_error(
    run: Run, tmp_path: Path, out: Path
) -> None:
    modelli = _copia_modelli(tmp_path)
    _aggiungi(modelli / "piani/piano_comunicazione.docx", "{% if false %}{{ budget_annuale }}{% endif %}")
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert result.exit_code == 2
    assert "piano_comunicazione.docx" in result.stderr and "budget_annuale" in result.stderr
    assert not out.exists()


def test_a_template_cannot_reach_python_internals(run: Run, tmp_path: Path, out: Path) -> None:
    modelli = _copia_modelli(tmp_path)
    _aggiungi(modelli / "piani/piano_formazione.docx", "{{ ''.__class__.__mro__ }}")
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert result.exit_code == 2 and "piano_formazione.docx" in result.stderr and "__class__" in result.stderr
    assert not out.exists()


def test_the_sandbox_refuses_what_lint_would_have_caught(tmp_path: Path, run: Run) -> None:
    """Even past the lint, the sandbox refuses unsafe attributes: an error naming the template, no traceback."""
    from docx import Document

    from avviamento.draft.contesto import Costruttore, Fonti
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile
    from avviamento.regole import load_pack_cached
    from avviamento.risorse import default_rules

    documento = Document()
    documento.add_paragraph("{{ unione.nome.__class__.__subclasses__() }}")
    buffer = io.BytesIO()
    documento.save(buffer)
    pack = load_pack_cached(default_rules())
    caricato = load_profile(EXAMPLES / "terre-del-delta.yaml")
    costruttore = Costruttore(Fonti(caricato.profilo, pack, evaluate(caricato, pack)))
    contesto = costruttore.piano("piano_comunicazione", ())
    assert isinstance(contesto, ContestoPiano)
    with pytest.raises(writer.ErroreRedazione) as errore:
        writer.rendi(buffer.getvalue(), "malevolo.docx", contesto, writer.Ambiente())
    assert errore.value.testo["it"].startswith("malevolo.docx: operazione non consentita")


def test_rerun_after_refusal_still_leaves_files_untouched_with_custom_templates(
    run: Run, tmp_path: Path, out: Path
) -> None:
    modelli = _copia_modelli(tmp_path)
    assert run("draft", DELTA, "--out", str(out), "--templates", str(modelli)).exit_code == 0
    prima = istantanea(out)
    assert run("draft", DELTA, "--out", str(out), "--templates", str(modelli)).exit_code == 2
    assert istantanea(out) == prima
