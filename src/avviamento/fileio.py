"""Writing the files users keep (acts, calendars, reports): atomically, and never over theirs unasked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def scrivi_atomico(percorso: Path, dati: bytes, *, sovrascrivi: bool = True) -> None:
    """A temporary file beside the target, synced, then moved into place: a failure leaves no half file.

    With `sovrascrivi=False` an existing target is never replaced, not even one that appears meanwhile
    (the temporary file is hard-linked into place): FileExistsError.
    """
    cartella = percorso.parent
    cartella.mkdir(parents=True, exist_ok=True)
    descrittore, nome = tempfile.mkstemp(dir=cartella, prefix=f".{percorso.name}.", suffix=".tmp")
    temporaneo = Path(nome)
    try:
        with os.fdopen(descrittore, "wb") as fh:
            fh.write(dati)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temporaneo, 0o666 & ~_umask())  # mkstemp creates 0600; users expect their usual permissions
        if sovrascrivi:
            os.replace(temporaneo, percorso)
        else:
            _crea(temporaneo, percorso)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporaneo)


def _crea(temporaneo: Path, percorso: Path) -> None:
    try:
        os.link(temporaneo, percorso)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if percorso.exists():
            raise FileExistsError(str(percorso)) from None
        os.replace(temporaneo, percorso)


def _umask() -> int:
    attuale = os.umask(0)
    os.umask(attuale)
    return attuale


ESISTE: dict[str, str] = {
    "it": "il file esiste già (usare --force per sovrascriverlo)",
    "en": "the file already exists (use --force to overwrite it)",
}


def problema_destinazione(percorso: Path, *, sovrascrivi: bool) -> dict[str, str] | None:
    """Why a file cannot be written there (checked before any work, so nobody waits to learn it), or None."""
    cartella = percorso.parent
    if percorso.is_dir():
        return {"it": "è una cartella, non un file", "en": "is a directory, not a file"}
    if not cartella.is_dir():
        return {"it": "la cartella non esiste", "en": "the directory does not exist"}
    if percorso.is_symlink() and not percorso.exists() and not sovrascrivi:
        return {
            "it": "è un collegamento simbolico a un file che non esiste (usare --force per sostituirlo)",
            "en": "is a symbolic link to a file that does not exist (use --force to replace it)",
        }
    if percorso.exists() and not sovrascrivi:
        return ESISTE
    if percorso.exists() and not percorso.is_file():
        return NON_REGOLARE
    if not os.access(cartella, os.W_OK | os.X_OK):
        return {"it": "non è possibile scrivere nella cartella", "en": "the directory is not writable"}
    return None


NON_REGOLARE: dict[str, str] = {
    "it": "non è un file regolare (una FIFO, un dispositivo): non viene sostituito",
    "en": "is not a regular file (a FIFO, a device): it is not replaced",
}
