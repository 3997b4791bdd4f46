"""Start-up: the help is plain text and does not load rich (most of the start-up time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
