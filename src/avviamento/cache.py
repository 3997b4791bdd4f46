"""Parsed rule packs kept on disk, so that a command does not validate the same pack again (~50 ms of each start).

Where: `$AVVIAMENTO_CACHE`, else `$XDG_CACHE_HOME/avviamento`, else `~/.cache/avviamento`; `AVVIAMENTO_CACHE=off`
turns it off. An entry is named by the SHA-256 of everything its content depends on: the pack's name and text,
the Python and pydantic versions and avviamento's own source files (their sizes and times), so a changed pack or
an updated avviamento simply makes a new entry. An entry that cannot be read is ignored and written again; a
cache that cannot be written is no cache. Entries are pickles: only files in a folder of the user's own, written
by the user and by nobody else, are read (as for the rest of their home).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

MAX_ENTRIES = 32  # a few packs, each in a few versions; the oldest go first


def cartella() -> Path | None:
    scelta = os.environ.get("AVVIAMENTO_CACHE")
    if scelta is not None:
        return None if scelta.strip().lower() in ("", "off", "0", "no") else Path(scelta)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # a relative one is to be ignored (XDG Base Directory specification)
        return Path(xdg) / "avviamento"
    casa = os.path.expanduser("~")
    # no home to be found: no cache, rather than a folder «~» in the current directory
    return Path(casa) / ".cache" / "avviamento" if os.path.isabs(casa) else None


def chiave(*parti: str) -> str:
    digest = hashlib.sha256()
    for parte in (*parti, _firma_codice()):
        digest.update(parte.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


@functools.cache
def _firma_codice() -> str:
    """What the pickled objects depend on: the interpreter, pydantic and avviamento's code as installed."""
    import pydantic

    radice = Path(__file__).parent
    firme = [sys.version, pydantic.VERSION]
    for dove, sottocartelle, file in sorted(os.walk(radice)):
        sottocartelle[:] = [s for s in sottocartelle if s not in ("__pycache__", "data")]
        for nome in sorted(f for f in file if f.endswith(".py")):
            info = os.stat(os.path.join(dove, nome))
            firme.append(
                f"{os.path.relpath(os.path.join(dove, nome), radice)}:{info.st_size}:{info.st_mtime_ns}"
            )
    return "\n".join(firme)


def leggi(nome: str) -> Any | None:
    """The object stored as `nome`, or None: missing, unreadable, not the user's own, or from another code."""
    dove = cartella()
    if dove is None or not _sicura(dove):
        return None
    percorso = dove / f"{nome}.pickle"
    try:
        with percorso.open("rb") as fh:
            if not _sicura(Path(fh.name), os.fstat(fh.fileno())):
                return None
            return pickle.load(fh)
    except Exception:  # missing, truncated, written by a different code: parse again, as without a cache
        return None


def scrivi(nome: str, oggetto: Any) -> None:
    """Store `oggetto` as `nome`, atomically; any failure only means there is no cache."""
    dove = cartella()
    if dove is None:
        return
    try:
        dove.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _sicura(dove):
            return
        descrittore, provvisorio = tempfile.mkstemp(dir=dove, prefix=".scrittura-", suffix=".pickle")
        try:
            with os.fdopen(descrittore, "wb") as fh:
                pickle.dump(oggetto, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(provvisorio, dove / f"{nome}.pickle")
        except BaseException:
            os.unlink(provvisorio)
            raise
        _sfoltisci(dove)
    except Exception:
        return


def _sicura(percorso: Path, info: os.stat_result | None = None) -> bool:
    """Owned by the user and writable by nobody else: what is read from there was written by the user."""
    try:
        info = info or os.stat(percorso)
    except OSError:
        return False
    proprio = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return proprio and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _sfoltisci(dove: Path) -> None:
    voci = sorted(dove.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for vecchia in voci[:-MAX_ENTRIES]:
        vecchia.unlink(missing_ok=True)
