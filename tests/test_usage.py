"""Usage errors through the real entry point: one line, in Italian by default, exit code 2."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES

DELTA = str(EXAMPLES / "terre-del-delta.yaml")


def avviamento(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "avviamento", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("check", DELTA, "--format", "pdf"),
            "avviamento check: valore non valido per '--format': 'pdf' (ammessi: 'text', 'json', 'markdown', 'html', 'sarif')",
        ),
        (("chek", DELTA), "avviamento: comando sconosciuto 'chek' (forse intendevi 'check'?)"),
        (("check",), "avviamento check: manca l'argomento PROFILO"),
        (("review",), "avviamento review: manca l'argomento PERCORSO..."),
        (("check", DELTA, "altro"), "avviamento check: argomento in più non previsto: altro"),
        (("check", DELTA, "a", "b"), "avviamento check: argomenti in più non previsti: a b"),
        (("check", DELTA, "--out"), "avviamento: l'opzione --out richiede un valore"),
        (("check", "--quiet=1", DELTA), "avviamento: l'opzione --quiet non accetta un valore"),
        (
            ("serve", "--port", "abc"),
            "avviamento serve: valore non valido per '--port': deve essere un numero intero",
        ),
        (
            ("serve", "--port", "70000"),
            "avviamento serve: valore non valido per '--port': deve essere al massimo 65535",
        ),
        (("--lang", "it"), "avviamento: manca il comando (vedere avviamento -h)"),
        (
            ("check", DELTA, "--formt", "json"),
            "avviamento check: opzione sconosciuta --formt (forse: --force, --format, --out)",
        ),
        (
            ("check", DELTA, "--lang", "fr"),
            "avviamento check: valore non valido per '--lang': 'fr' (ammessi: 'it', 'en')",
        ),
    ],
)
def test_usage_errors_are_one_line(args: tuple[str, ...], line: str) -> None:
    out = avviamento(*args)
    assert out.returncode == 2
    assert out.stderr.strip() == line
    assert out.stdout == ""


def test_usage_error_in_english() -> None:
    out = avviamento("check", DELTA, "--formt", "json", "--lang", "en")
    assert out.returncode == 2
    assert (
        out.stderr.strip()
        == "avviamento check: No such option: --formt (Possible options: --force, --format, --out)"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("check",), "avviamento check: Missing argument 'PROFILE'."),
        (("check", DELTA, "a", "b"), "avviamento check: Got unexpected extra arguments (a b)"),
        (("check", DELTA, "a"), "avviamento check: Got unexpected extra argument (a)"),
    ],
)
def test_usage_errors_in_english_name_the_help_placeholders(args: tuple[str, ...], line: str) -> None:
    for out in (avviamento(*args, "--lang", "en"), avviamento("--lang", "en", *args)):
        assert out.returncode == 2
        assert out.stderr.strip() == line


@pytest.mark.parametrize("args", [(), ("rules",), ("storico",)])
def test_a_group_alone_prints_its_help_on_several_lines(args: tuple[str, ...]) -> None:
    out = avviamento(*args)
    assert out.returncode == 2
    assert out.stderr.startswith(f"Uso: avviamento {' '.join(args)}".rstrip() + " [OPZIONI] COMANDO")
    assert "\nComandi:\n" in out.stderr


def test_exit_codes_pass_through_the_entry_point() -> None:
    assert avviamento("check", DELTA).returncode == 1
    assert avviamento("check", str(EXAMPLES / "terre-d-acqua.yaml")).returncode == 0
    assert avviamento("--help").returncode == 0


def test_version_and_short_help(run: Callable[..., Result]) -> None:
    from avviamento import __version__

    version = run("--version")
    assert version.exit_code == 0 and version.stdout.strip() == f"avviamento {__version__}"
    for args in (("-h",), ("check", "-h"), ("rules", "funzioni", "-h")):
        result = run(*args)
        assert result.exit_code == 0, args
        assert "Uso: avviamento" in result.stdout


def test_shell_completion_is_offered(run: Callable[..., Result]) -> None:
    result = run("--show-completion", "bash")
    assert result.exit_code == 0 and "_avviamento_completion" in result.stdout
