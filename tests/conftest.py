"""Shared fixtures: the CLI runner, the bundled pack, example and scratch profiles."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from avviamento.cli import app
from avviamento.regole import RulePack, load_pack_cached
from avviamento.risorse import default_rules

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytest_plugins = ["tests.rule_cases", "tests.browser"]

# the parsed-pack cache of this run, for the commands run in process and in child processes: not the user's
os.environ["AVVIAMENTO_CACHE"] = tempfile.mkdtemp(prefix="avviamento-cache-test-")


@pytest.fixture(scope="session")
def pack() -> RulePack:
    return load_pack_cached(default_rules())


@pytest.fixture
def run() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(text: str, name: str = "profilo.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
