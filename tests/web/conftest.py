"""The web application under FastAPI's TestClient, on a scratch SQLite file; for the page tests in Chromium,
`avviamento serve` itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from avviamento.web.app import create_app
from tests.browser import servito
from tests.conftest import EXAMPLES

ESEMPI = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "profili.sqlite3", max_file_bytes=200_000, max_request_bytes=1_000_000)
    with TestClient(app) as c:
        yield c


def csrf(client: TestClient) -> str:
    """The form token of a page (and, as a side effect, the client's CSRF cookie)."""
    pagina = client.get("/")
    trovato = re.search(r'name="csrf" value="([^"]+)"', pagina.text)
    assert trovato, "the home page has no CSRF field"
    return trovato.group(1)


def esempio(nome: str, campo: str = "profilo") -> tuple[str, tuple[str, bytes, str]]:
    return campo, (nome, (EXAMPLES / nome).read_bytes(), "application/yaml")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `avviamento serve` on a scratch database, one a test module."""
    with servito("--db", str(tmp_path_factory.mktemp("db") / "profili.sqlite3")) as (base, _):
        yield base
