"""Run the CLI in a child process whose memory is capped: a regression fails the test, not the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

MEMORIA = 1536 * 2**20  # address space of the child: ~1.5 GB
ROOT = Path(__file__).resolve().parents[2]


def _limita() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORIA, MEMORIA))


def avviamento(*args: str | Path, attesa: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m avviamento ARGS` under the memory cap; a hang ends in TimeoutExpired after `attesa` seconds."""
    env = {**os.environ, "AVVIAMENTO_LANG": "it", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "avviamento", *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=_limita,
        timeout=attesa,
        env=env,
        cwd=ROOT,
        check=False,
    )


def una_riga(risultato: subprocess.CompletedProcess[str], file: Path | str, frammento: str) -> str:
    """Exit 2 and one line `file:line:col: …` holding `frammento` on standard error, no traceback."""
    assert risultato.returncode == 2, (risultato.returncode, risultato.stderr[-2000:])
    righe = risultato.stderr.strip().splitlines()
    assert len(righe) == 1, risultato.stderr[-2000:]
    assert "Traceback" not in risultato.stderr
    riga = righe[0]
    assert riga.startswith(f"{file}:"), riga
    assert frammento in riga, riga
    return riga
