"""Plan tests read the output as a pipe does: unwrapped, whatever COLUMNS the test runner set (pytest-xdist sets
80 in its workers)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _senza_colonne(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
