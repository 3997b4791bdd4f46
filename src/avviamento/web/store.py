"""The profiles a user keeps in the browser: one SQLite file (stdlib sqlite3), one row per Union profile.

A connection per operation: the server runs requests on several threads, and SQLite serialises the writes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from avviamento.dati_utente import cartella_dati

SCHEMA = """
CREATE TABLE IF NOT EXISTS profili (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nome TEXT NOT NULL,
    yaml_text TEXT NOT NULL,
    aggiornato TEXT NOT NULL
)
"""


def percorso_predefinito() -> Path:
    """`avviamento.sqlite3` in the user's data directory (`$XDG_DATA_HOME/avviamento/`, usually `~/.local/share/…`)."""
    return cartella_dati() / "avviamento.sqlite3"


@dataclass(frozen=True)
class StoredProfile:
    id: int
    nome: str
    yaml_text: str
    aggiornato: dt.datetime  # UTC


class ProfileStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connessione() as db:
            db.execute(SCHEMA)

    @contextmanager
    def _connessione(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
            yield db

    def save(self, nome: str, yaml_text: str, id: int | None = None) -> int:
        """A new profile (id None) or a new version of an existing one; returns its id."""
        adesso = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connessione() as db:
            if id is not None:
                cursore = db.execute(
                    "UPDATE profili SET nome = ?, yaml_text = ?, aggiornato = ? WHERE id = ?",
                    (nome, yaml_text, adesso, id),
                )
                if cursore.rowcount:
                    return id
            cursore = db.execute(
                "INSERT INTO profili (nome, yaml_text, aggiornato) VALUES (?, ?, ?)",
                (nome, yaml_text, adesso),
            )
            return int(cursore.lastrowid or 0)

    def get(self, id: int) -> StoredProfile | None:
        with self._connessione() as db:
            riga = db.execute(
                "SELECT id, nome, yaml_text, aggiornato FROM profili WHERE id = ?", (id,)
            ).fetchone()
        return _profilo(riga) if riga else None

    def all(self) -> list[StoredProfile]:
        with self._connessione() as db:
            righe = db.execute(
                "SELECT id, nome, yaml_text, aggiornato FROM profili ORDER BY nome COLLATE NOCASE, id"
            ).fetchall()
        return [_profilo(r) for r in righe]

    def delete(self, id: int) -> None:
        with self._connessione() as db:
            db.execute("DELETE FROM profili WHERE id = ?", (id,))


def _profilo(riga: tuple[int, str, str, str]) -> StoredProfile:
    return StoredProfile(riga[0], riga[1], riga[2], dt.datetime.fromisoformat(riga[3]))
