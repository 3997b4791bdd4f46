"""A Union's own templates cannot make `draft` or `templates lint` run for ever or fill the memory.

The hostile runs go through a real process under `resource.setrlimit` caps: a regression fails the test (a
MemoryError, a killed process) instead of taking the machine down.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError
from typer.testing import Result

from avviamento.draft import limiti
from avviamento.draft.writer import Ambiente
from avviamento.risorse import templates_dir
from tests.conftest import EXAMPLES

Run = Callable[..., Result]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")
PIANO = "piani/piano_formazione.docx"
MEMORIA = 3 << 30  # the cap of the whole test process: far above a normal run, far below the machine

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource limits and fork")


def _modelli(tmp_path: Path, relativo: str, *paragrafi: str) -> Path:
    from docx import Document

    copia = tmp_path / "modelli"
    shutil.copytree(templates_dir(), copia)
    documento = Document(str(copia / relativo))
    for testo in paragrafi:
        documento.add_paragraph(testo)
    documento.save(str(copia / relativo))
    return copia


def _limitato(*argomenti: str) -> subprocess.CompletedProcess[str]:
    def limita() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORIA, MEMORIA))
        resource.setrlimit(resource.RLIMIT_CPU, (120, 120))

    return subprocess.run(
        [sys.executable, "-m", "avviamento", *argomenti],
        capture_output=True,
        text=True,
        preexec_fn=limita,  # the test process has no threads that could deadlock
        timeout=300,
        check=False,
    )


BOMBE = [
    "{{ 'x' * 3000000000 }}",
    "{{ 'x' | center(1500000000) }}",
    "{{ '%1500000000s' | format('x') }}",
    "{{ '{:>1500000000}'.format(1) }}",
    "{{ 'x'.ljust(1500000000) }}",
    "{{ [0] * 3000000000 }}",
    "{% for i in range(100000000) %}x{% endfor %}",
]


def test_lint_never_evaluates_a_template(tmp_path: Path) -> None:
    modelli = _modelli(tmp_path, PIANO, *BOMBE)
    esito = _limitato("templates", "lint", str(modelli))
    assert esito.returncode == 0, esito.stderr
    assert "Traceback" not in esito.stderr


@pytest.mark.parametrize("bomba", BOMBE[:2])
def test_a_huge_value_is_refused_naming_the_template(tmp_path: Path, bomba: str) -> None:
    modelli = _modelli(tmp_path, PIANO, bomba)
    out = tmp_path / "bozze"
    esito = _limitato("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert esito.returncode == 2, esito.stderr
    righe = esito.stderr.strip().splitlines()
    assert len(righe) == 1 and PIANO in righe[0] and "non consentita" in righe[0], esito.stderr
    assert not out.exists()


def test_a_value_doubled_in_a_loop_stops_at_the_memory_cap(tmp_path: Path) -> None:
    raddoppia = (
        "{% set ns = namespace(s='x') %}{% for i in range(45) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        "{{ ns.s | length }}"
    )
    modelli = _modelli(tmp_path, PIANO, raddoppia)
    out = tmp_path / "bozze"
    esito = _limitato("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert esito.returncode == 2, esito.stderr
    righe = esito.stderr.strip().splitlines()
    assert len(righe) == 1 and PIANO in righe[0] and "memoria" in righe[0], esito.stderr
    assert not out.exists()


def test_nested_loops_stop_at_the_time_limit(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limiti, "SECONDI_PER_DOCUMENTO", 1.0)
    cicli = "{% for i in range(9000) %}{% for j in range(9000) %}{% for k in range(9000) %}{% endfor %}{% endfor %}{% endfor %}"
    modelli = _modelli(tmp_path, "convenzioni/delibera_consiglio_comunale.docx", cicli)
    out = tmp_path / "bozze"
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli))
    assert result.exit_code == 2
    righe = result.stderr.strip().splitlines()
    assert len(righe) == 1 and "delibera_consiglio_comunale.docx" in righe[0] and "1 secondi" in righe[0]
    assert not out.exists()


def test_custom_templates_still_render_in_the_worker(run: Run, tmp_path: Path) -> None:
    modelli = _modelli(tmp_path, PIANO, "{% for i in range(3) %}[{{ i * 2 }}]{% endfor %} {{ 'ab' * 2 }}")
    out = tmp_path / "bozze"
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli), "--only", "piano")
    assert result.exit_code == 0, result.output
    from tests.draft.conftest import leggi_docx

    assert "[0][2][4] abab" in leggi_docx(out / "piani/piano_formazione.docx")


@pytest.mark.parametrize(
    "sorgente",
    [
        "{{ 'x' * 2000000 }}",
        "{{ 2000000 * 'x' }}",
        "{{ 'ab' + 'c' * 999999 }}",
        "{{ 7 ** 99999 }}",
        "{{ '%*d' % (2000000000, 1) }}",
        "{{ '{:{}}'.format('x', 2000000000) }}",
        "{{ 'x' | indent(2000000000) }}",
        "{{ range(10001) | list }}",
        "{{ 'x'.rjust(width=2000000000) }}",
    ],
)
def test_the_sandbox_refuses_huge_values(sorgente: str) -> None:
    with pytest.raises(SecurityError):
        Ambiente().from_string(sorgente).render()


@pytest.mark.parametrize(
    ("sorgente", "atteso"),
    [
        ("{{ 'ab' * 3 }}", "ababab"),
        ("{{ 2 ** 10 }}", "1024"),
        ("{{ '%s-%02d' % ('n', 7) }}", "n-07"),
        ("{{ '{} e {}'.format('Goro', 'Mesola') }}", "Goro e Mesola"),
        ("{{ range(3) | join(',') }}", "0,1,2"),
        ("{{ 'x' | center(5) }}", "  x  "),
        ("{{ [1, 2] + [3] }}", "[1, 2, 3]"),
    ],
)
def test_the_sandbox_still_does_ordinary_work(sorgente: str, atteso: str) -> None:
    assert Ambiente().from_string(sorgente).render() == atteso


def test_the_worker_caps_its_own_memory_and_keeps_the_order() -> None:
    from avviamento.draft.writer import ErroreRedazione

    assert limiti.rendi_limitati([("a", lambda: b"1"), ("b", lambda: b"2")]) == [b"1", b"2"]
    with pytest.raises(ErroreRedazione) as errore:
        limiti.rendi_limitati([("a.docx", lambda: b"1"), ("b.docx", lambda: b"x" * (2 << 30))])
    assert errore.value.testo["it"].startswith("b.docx: ") and "memoria" in errore.value.testo["it"]


def test_the_worker_stops_a_document_that_never_ends() -> None:
    from avviamento.draft.writer import ErroreRedazione

    def per_sempre() -> bytes:
        while True:
            pass

    with pytest.raises(ErroreRedazione) as errore:
        limiti.rendi_limitati([("a.docx", lambda: b"1"), ("b.docx", per_sempre)], secondi=0.5)
    assert errore.value.testo["en"].startswith("b.docx: the template did not render within 0.5 seconds")


def test_the_refusal_speaks_english_under_lang_en(run: Run, tmp_path: Path) -> None:
    modelli = _modelli(tmp_path, PIANO, "{{ 'x' * 3000000000 }}")
    out = tmp_path / "bozze"
    result = run("draft", DELTA, "--out", str(out), "--templates", str(modelli), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        f"{PIANO}: operation not allowed in the template: «*»: result over 1000000 items"
    )
    assert not out.exists()
