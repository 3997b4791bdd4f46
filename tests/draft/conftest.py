"""Helpers of the drafting tests: the text of a .docx as an official would read it, hostile profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TERRE_DEL_DELTA = "terre-del-delta.yaml"


def leggi_docx(percorso: Path) -> str:
    """Every paragraph of the body and of its tables, in order (python-docx reopens the file: it is valid)."""
    from docx import Document

    documento = Document(str(percorso))
    righe = [p.text for p in documento.paragraphs]
    for tabella in documento.tables:
        for riga in tabella.rows:
            for cella in riga.cells:
                righe.extend(p.text for p in cella.paragraphs)
    return "\n".join(righe)


def indice(out: Path) -> list[dict[str, Any]]:
    voci = json.loads((out / "indice.json").read_text(encoding="utf-8"))
    assert isinstance(voci, list)
    return voci


def istantanea(cartella: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under a folder, with its bytes and modification time: to prove nothing changed."""
    return {
        str(p.relative_to(cartella)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(cartella.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "bozze"
