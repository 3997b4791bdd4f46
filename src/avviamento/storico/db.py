"""The history store: one SQLite file (stdlib sqlite3, WAL), its schema versioned by `PRAGMA user_version`.

A file is ours when its `application_id` says so; anything else (not SQLite, another program's database, a newer
schema) is refused before any write, so a wrong `--db` never damages what the user had.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APPLICATION_ID = 0x61767669  # "avvi"
NOME_FILE = "storico.sqlite3"

# Each entry moves the schema from version i to i + 1; never edit one that has shipped, append a new one.
MIGRAZIONI: tuple[str, ...] = (
    """
    CREATE TABLE valutazioni (
        id INTEGER PRIMARY KEY,
        unione TEXT NOT NULL,
        nome_normalizzato TEXT NOT NULL,
        codice_fiscale TEXT,
        data_valutazione TEXT NOT NULL,
        classe TEXT NOT NULL,
        esito TEXT NOT NULL,
        profilo_sha256 TEXT NOT NULL,
        regole_id TEXT NOT NULL,
        regole_versione TEXT NOT NULL,
        regole_sha256 TEXT NOT NULL,
        registrata TEXT NOT NULL,
        dati TEXT NOT NULL,
        UNIQUE (profilo_sha256, data_valutazione, regole_sha256)
    );
    CREATE INDEX valutazioni_unione ON valutazioni (nome_normalizzato, data_valutazione);
    """,
)


class StoricoNonValido(Exception):
    """The file given as store cannot be used; the message (it/en) says why."""

    def __init__(self, it: str, en: str) -> None:
        super().__init__(it)
        self.text = {"it": it, "en": en}


@dataclass(frozen=True)
class Valutazione:
    unione: str
    codice_fiscale: str | None
    data_valutazione: str
    classe: str
    esito: str
    profilo_sha256: str
    regole: dict[str, str]
    registrata: str
    dati: dict[str, Any]  # funzioni_effettive, conteggi, serie, indicatori… (see registro.py)


def _ispeziona(path: Path) -> int:
    """The schema version of an existing file, read-only; raises StoricoNonValido when the file is not ours."""
    if path.is_dir():
        raise StoricoNonValido("è una cartella, non un file", "is a directory, not a file")
    if not path.exists() or path.stat().st_size == 0:
        return 0
    for tentativo in range(50):
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)) as db:
                # one statement, one snapshot: read apart, another process's creation could fall in between
                app_id, versione, tabelle = db.execute(
                    "SELECT (SELECT application_id FROM pragma_application_id), "
                    "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
                ).fetchone()
            break
        except sqlite3.OperationalError:
            # another process is creating the file (WAL files not there yet) or holds a lock: wait, not refuse
            if tentativo == 49:
                raise StoricoNonValido(
                    "archivio occupato da un altro processo", "store busy in another process"
                ) from None
            time.sleep(0.1)
        except sqlite3.DatabaseError:
            raise StoricoNonValido(
                "non è un archivio dello storico (file non SQLite o danneggiato)",
                "not a history store (not an SQLite file, or damaged)",
            ) from None
    if app_id == 0 and tabelle == 0:
        return 0  # an empty SQLite file: nothing to lose
    if app_id != APPLICATION_ID:
        raise StoricoNonValido(
            "è un database SQLite di un altro programma, non lo storico di avviamento: non viene modificato",
            "is another program's SQLite database, not an avviamento history store: left untouched",
        )
    if versione > len(MIGRAZIONI):
        raise StoricoNonValido(
            f"lo storico è della versione {versione}, più recente di questo programma ({len(MIGRAZIONI)}): "
            "aggiornare avviamento",
            f"the store has schema version {versione}, newer than this program ({len(MIGRAZIONI)}): "
            "upgrade avviamento",
        )
    return int(versione)


def _in_wal(db: sqlite3.Connection) -> None:
    """WAL mode, so that readers and a writer work at once. The switch needs the file to itself and SQLite does not
    wait for it (the busy timeout does not apply): processes creating the same store together wait here in turn."""
    for _ in range(200):  # 10 s, as long as a writer may reasonably hold the file
        try:
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
        time.sleep(0.05)
    db.execute("PRAGMA journal_mode = WAL")  # still locked: the caller reports «database is locked»


class Storico:
    def __init__(self, path: Path) -> None:
        self.path = path
        versione = _ispeziona(path)
        if versione < len(MIGRAZIONI):
            path.parent.mkdir(parents=True, exist_ok=True)
            self._migra()

    @contextmanager
    def _connessione(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(sqlite3.connect(self.path, timeout=60, isolation_level=None)) as db:
                db.execute("PRAGMA busy_timeout = 60000")
                yield db
        except sqlite3.DatabaseError as exc:
            raise StoricoNonValido(f"archivio non utilizzabile: {exc}", f"unusable store: {exc}") from None

    def _migra(self) -> None:
        with self._connessione() as db:
            _in_wal(db)
            db.execute("BEGIN IMMEDIATE")
            try:
                versione = int(
                    db.execute("PRAGMA user_version").fetchone()[0]
                )  # another process may have won
                for i in range(versione, len(MIGRAZIONI)):
                    for istruzione in MIGRAZIONI[i].split(";"):
                        if istruzione.strip():
                            db.execute(istruzione)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {len(MIGRAZIONI)}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def registra(self, v: Valutazione, nome_normalizzato: str) -> bool:
        """Store one evaluation; False when the same profile, date and pack were already stored."""
        with self._connessione() as db:
            cursore = db.execute(
                "INSERT OR IGNORE INTO valutazioni (unione, nome_normalizzato, codice_fiscale, data_valutazione, "
                "classe, esito, profilo_sha256, regole_id, regole_versione, regole_sha256, registrata, dati) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    v.unione,
                    nome_normalizzato,
                    v.codice_fiscale,
                    v.data_valutazione,
                    v.classe,
                    v.esito,
                    v.profilo_sha256,
                    v.regole["id"],
                    v.regole["versione"],
                    v.regole["sha256"],
                    v.registrata,
                    json.dumps(v.dati, ensure_ascii=False, sort_keys=True),
                ),
            )
            return cursore.rowcount == 1

    def valutazioni(self, nome_normalizzato: str | None = None) -> list[Valutazione]:
        """Every evaluation (of one Union, when given), in date order."""
        sql = (
            "SELECT unione, codice_fiscale, data_valutazione, classe, esito, profilo_sha256, regole_id, "
            "regole_versione, regole_sha256, registrata, dati FROM valutazioni"
        )
        parametri: tuple[str, ...] = ()
        if nome_normalizzato is not None:
            sql += " WHERE nome_normalizzato = ?"
            parametri = (nome_normalizzato,)
        sql += " ORDER BY nome_normalizzato, data_valutazione, registrata, id"
        with self._connessione() as db:
            righe = db.execute(sql, parametri).fetchall()
        return [
            Valutazione(
                unione=r[0],
                codice_fiscale=r[1],
                data_valutazione=r[2],
                classe=r[3],
                esito=r[4],
                profilo_sha256=r[5],
                regole={"id": r[6], "versione": r[7], "sha256": r[8]},
                registrata=r[9],
                dati=json.loads(r[10]),
            )
            for r in righe
        ]

    def unioni(self) -> list[tuple[str, str, str | None]]:
        """(normalised name, name, codice fiscale) of every Union in the store, as its latest evaluation says."""
        with self._connessione() as db:
            righe = db.execute(
                "SELECT nome_normalizzato, unione, codice_fiscale FROM valutazioni "
                "ORDER BY nome_normalizzato, data_valutazione, registrata, id"
            ).fetchall()
        ultimo: dict[str, tuple[str, str, str | None]] = {r[0]: (r[0], r[1], r[2]) for r in righe}
        return sorted(ultimo.values())
