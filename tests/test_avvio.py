"""Start-up: the help is plain text and does not load rich; commands are imported only when used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from avviamento.cli import COMANDI

SONDA = (
    "import sys\n"
    "from avviamento.cli import main\n"
    "sys.argv = ['avviamento', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print('RICH' if 'rich' in sys.modules else 'NO-RICH', file=sys.stderr)\n"
)


@pytest.mark.parametrize("args", [["--help"], ["review", "-h"], ["rules", "--help"], ["templates", "-h"]])
def test_help_on_a_pipe_is_plain_and_skips_rich(args: list[str]) -> None:
    result = subprocess.run([sys.executable, "-c", SONDA, *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("Uso: avviamento")
    assert "Opzioni:" in result.stdout
    assert "╭" not in result.stdout and "\x1b[" not in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "NO-RICH"


def test_help_imports_no_command_and_check_only_its_own() -> None:
    """Commands load when they run: the root help imports none, `check` no other command's module."""
    sonda = SONDA.replace(
        "'RICH' if 'rich' in sys.modules else 'NO-RICH'",
        "sorted(m for m in sys.modules if m.startswith('avviamento.cli.'))",
    )
    aiuto = subprocess.run(
        [sys.executable, "-c", sonda, "--help"], capture_output=True, text=True, check=False
    )
    assert aiuto.returncode == 0 and "  storico    Lo storico delle valutazioni" in aiuto.stdout
    assert aiuto.stderr.strip().splitlines()[-1] == str(
        [f"avviamento.cli.{m}" for m in ("aiuto", "common", "pigri", "usage")]
    )
    esempio = str(Path(__file__).parent.parent / "examples" / "terre-d-acqua.yaml")
    verifica = subprocess.run(
        [sys.executable, "-c", sonda, "check", esempio], capture_output=True, text=True, check=False
    )
    assert verifica.returncode == 0 and "Terre d'Acqua" in verifica.stdout
    caricati = verifica.stderr.strip().splitlines()[-1]
    assert "'avviamento.cli.check'" in caricati
    assert not any(
        f"'avviamento.cli.{nome}'" in caricati for nome in ("review", "draft", "serve", "storico", "plan")
    )


@pytest.mark.parametrize("nome", list(COMANDI))
def test_the_listed_first_line_is_the_commands_own(nome: str) -> None:
    """`avviamento --help` lists COMANDI's first lines without importing the commands: they must not drift."""
    import typer

    from avviamento.cli import app

    gruppo = typer.main.get_group(app)
    comando = gruppo.get_command(typer.Context(gruppo), nome)
    assert comando is not None and comando.help is not None
    assert " ".join(comando.help.split("\n\n")[0].split()) == COMANDI[nome][2]


def test_check_on_a_pipe_writes_plain_text_without_rich() -> None:
    esempio = str(Path(__file__).parent.parent / "examples" / "terre-del-delta.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    result = subprocess.run(
        [sys.executable, "-c", SONDA, "check", esempio], capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0 and "Terre del Delta" in result.stdout.splitlines()[0]
    assert "\x1b[" not in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "NO-RICH"
    colonne = subprocess.run(
        [sys.executable, "-c", SONDA, "check", esempio],
        capture_output=True,
        text=True,
        check=False,
        env={**env, "COLUMNS": "60"},
    )
    lunghe = [riga for riga in colonne.stdout.splitlines() if len(riga) > 60]
    assert all(" " not in riga.strip() for riga in lunghe)  # wrapped by rich at 60, but URLs kept whole
    assert len(colonne.stdout.splitlines()) > len(result.stdout.splitlines())
    assert colonne.stderr.strip().splitlines()[-1] == "RICH"
