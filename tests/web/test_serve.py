"""`avviamento serve`: refuses a non-local address without a token; the other commands never load the web stack."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.cli.serve import loopback
from tests.conftest import EXAMPLES

Run = Callable[..., Result]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_non_local_address_without_token_is_refused(
    run: Run, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    monkeypatch.delenv("AVVIAMENTO_TOKEN", raising=False)
    result = run("serve", "--host", host, "--port", "1")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"avviamento: serve: l'indirizzo {host} non è locale: serve un codice di accesso "
        "(--token o la variabile d'ambiente AVVIAMENTO_TOKEN); avvio rifiutato\n"
    )


def test_refusal_in_a_real_process() -> None:
    uscita = subprocess.run(
        [sys.executable, "-m", "avviamento", "serve", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert uscita.returncode == 2
    assert len(uscita.stderr.strip().splitlines()) == 1
    assert "avvio rifiutato" in uscita.stderr


def test_loopback() -> None:
    assert loopback("127.0.0.1") and loopback("localhost") and loopback("::1") and loopback("127.0.0.2")
    assert not loopback("0.0.0.0") and not loopback("10.0.0.1") and not loopback("example.org")


PESANTI = ("fastapi", "uvicorn", "starlette", "jinja2", "multipart", "sqlite3", "avviamento.web")


@pytest.mark.parametrize(
    "argomenti",
    [
        ["--help"],
        ["check", str(EXAMPLES / "terre-del-delta.yaml")],
        ["plan", str(EXAMPLES / "terre-del-delta.yaml")],
        ["review", str(EXAMPLES)],
        ["serve", "--help"],
    ],
    ids=["help", "check", "plan", "review", "serve-help"],
)
def test_commands_do_not_import_the_web_stack(argomenti: list[str]) -> None:
    codice = (
        "import sys\n"
        "from avviamento.cli import main\n"
        f"sys.argv = ['avviamento', *{argomenti!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"sys.stderr.write('CARICATI=' + ','.join(m for m in {PESANTI!r} if m in sys.modules))\n"
    )
    uscita = subprocess.run(
        [sys.executable, "-c", codice], capture_output=True, text=True, timeout=120, check=False
    )
    assert uscita.stderr.rsplit("CARICATI=", 1)[1] == ""


def test_taken_port_is_one_line(run: Run, tmp_path: Path) -> None:
    with socket.socket() as occupata:
        occupata.bind(("127.0.0.1", 0))
        occupata.listen()
        porta = occupata.getsockname()[1]
        result = run("serve", "--port", str(porta), "--db", str(tmp_path / "p.sqlite3"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"avviamento: serve: impossibile ascoltare su 127.0.0.1:{porta}: ")
    assert len(result.stderr.splitlines()) == 1


def test_bad_db_file_is_one_line(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "non-un-database.sqlite3"
    db.write_bytes(b"questo non e' un database SQLite" * 100)
    result = run("serve", "--port", "0", "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"avviamento: --db: {db}: ")
    assert db.read_bytes().startswith(b"questo non")  # untouched
