"""A reviewer's incoming folder: the bundled examples, two broken files and three conflicting ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

# A Union that shares two Comuni with Terre d'Acqua: Crevalcore by ISTAT code, San Giovanni in Persiceto by
# name only (the bundled register gives it 037053). It declares `avviata` with no function at all.
TERRE_E_ACQUA_SUD = """\
versione_formato: 1
data_riferimento: 2024-06-30
unione:
  nome: "Terre & Acqua <Sud>"
  classe_dichiarata: avviata
comuni:
  - {nome: Crevalcore, istat: "037024"}
  - {nome: "San Giovanni in Persiceto"}
"""
# A tab cannot start a YAML token: libyaml stops at line 2, column 1.
ROTTO = "unione:\n\tnome: Unione Rotta\n"
# `popolazione: molti` — the value starts at line 6, column 18 (4 spaces + "popolazione: " = 17 characters).
TIPO_ERRATO = """\
versione_formato: 1
unione:
  nome: "Unione Tipo Errato"
comuni:
  - nome: Goro
    popolazione: molti
"""

VALIDI = (
    "nuovo-circondario-imolese.yaml",
    "profilo-esempio.yaml",
    "terre-d-acqua.yaml",
    "terre-del-delta.yaml",
)


@pytest.fixture(autouse=True)
def senza_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped output is not wrapped unless COLUMNS says so (pytest-xdist's workers set COLUMNS=80)."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def cartella(tmp_path: Path) -> Path:
    """Walked in name order: nuovo-circondario-imolese, profilo-esempio, rotto, terre-d-acqua-bis (.yml),
    terre-d-acqua, terre-del-delta, terre-e-acqua-sud, tipo-errato; the README and the hidden folder are skipped.
    """
    base = tmp_path / "profili"
    base.mkdir()
    for nome in VALIDI:
        shutil.copy(EXAMPLES / nome, base / nome)
    shutil.copy(EXAMPLES / "terre-d-acqua.yaml", base / "terre-d-acqua-bis.yml")  # the same Union sent twice
    (base / "terre-e-acqua-sud.yaml").write_text(TERRE_E_ACQUA_SUD, encoding="utf-8")
    (base / "rotto.yaml").write_text(ROTTO, encoding="utf-8")
    (base / "tipo-errato.yaml").write_text(TIPO_ERRATO, encoding="utf-8")
    (base / "LEGGIMI.txt").write_text("non è un profilo", encoding="utf-8")
    (base / ".bozze").mkdir()
    (base / ".bozze" / "vecchio.yaml").write_text(ROTTO, encoding="utf-8")
    return base


@pytest.fixture
def validi(tmp_path: Path) -> Path:
    """Two Unions without open errors at their data_riferimento (Terre d'Acqua avviata, Imola in sviluppo)."""
    base = tmp_path / "validi"
    base.mkdir()
    for nome in ("nuovo-circondario-imolese.yaml", "terre-d-acqua.yaml"):
        shutil.copy(EXAMPLES / nome, base / nome)
    return base
