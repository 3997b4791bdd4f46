"""Writing the files users keep (acts, calendars, reports): atomically, and never over theirs unasked."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# The folder where a run of `draft` builds its files inside --out: hidden, and recognisable as ours, so that one
# left behind by a killed run is removed by the next (under the lock on --out, no live run can own it).
CANTIERE_PREFISSO = ".avviamento-"
CANTIERE_SUFFISSO = ".tmp"


class NonRegolare(OSError):
    """The target exists and is not a regular file (a FIFO, a device, a socket): never replaced."""


def scrivi_atomico(percorso: Path, dati: bytes, *, sovrascrivi: bool = True) -> None:
    """A temporary file beside the target, synced, then moved into place: a failure leaves no half file.

    With `sovrascrivi=False` an existing target is never replaced, not even one that appears meanwhile
    (the temporary file is hard-linked into place): FileExistsError.
    """
    with scrittura_atomica(percorso, sovrascrivi=sovrascrivi) as fh:
        fh.write(dati)


@contextlib.contextmanager
def scrittura_atomica(percorso: Path, *, sovrascrivi: bool = True) -> Iterator[BinaryIO]:
    """`scrivi_atomico` for a file written a piece at a time: what is written goes to the temporary file (memory
    stays flat), which takes the target's place only when the block ends normally. An exception, Ctrl-C
    included, removes it and leaves the target as it was."""
    cartella = percorso.parent
    cartella.mkdir(parents=True, exist_ok=True)
    _sgombra_temporanei(percorso)
    descrittore, nome = tempfile.mkstemp(dir=cartella, prefix=f".{percorso.name}.", suffix=".tmp")
    temporaneo = Path(nome)
    try:
        with os.fdopen(descrittore, "wb") as fh:
            # locked until the end: a later run tells a live temporary file from one a killed run left
            _blocca(fh.fileno())
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            # mkstemp creates 0600; users expect their usual permissions
            os.chmod(temporaneo, 0o666 & ~_umask())
            if sovrascrivi:
                os.replace(temporaneo, percorso)
            else:
                _crea(temporaneo, percorso)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporaneo)


# A temporary file of ours older than this, and not locked, was left by a killed run.
ETA_ABBANDONO = 60.0


def _blocca(descrittore: int) -> None:
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(descrittore, fcntl.LOCK_EX)


def _sgombra_temporanei(percorso: Path) -> None:
    """Remove the `.<name>.*.tmp` files a killed run left beside this target (unlocked, and not fresh)."""
    try:
        import fcntl
    except ImportError:
        return
    prefisso = f".{percorso.name}."
    adesso = time.time()
    with contextlib.suppress(OSError):
        for voce in percorso.parent.iterdir():
            if not (voce.name.startswith(prefisso) and voce.name.endswith(".tmp")):
                continue
            try:
                descrittore = os.open(voce, os.O_RDONLY | os.O_NOFOLLOW)
            except OSError:
                continue
            try:
                info = os.fstat(descrittore)
                if stat.S_ISREG(info.st_mode) and adesso - info.st_mtime > ETA_ABBANDONO:
                    fcntl.flock(descrittore, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live writer holds it: OSError
                    os.unlink(voce)
            except OSError:
                pass
            finally:
                os.close(descrittore)


_SENZA_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _crea(temporaneo: Path, percorso: Path) -> None:
    try:
        os.link(temporaneo, percorso)
    except OSError as exc:
        if exc.errno not in _SENZA_LINK:
            raise
        # a file system without hard links: reserve the name exclusively, then move onto it
        os.close(os.open(percorso, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
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


def pubblica(out: Path, file: dict[Path, bytes], *, sovrascrivi: bool) -> None:
    """Every file of a run lands under `out`, or none does (the contract of `draft`): a `Pubblicazione` of files
    all known at once.

    Each target is checked, then its file written and synced in a hidden folder inside `out` (a full disk fails
    there, before any target is touched); under an exclusive lock on `out` (a concurrent run waits, then finds our
    files) the targets are checked again and the files moved into place in the given order, without replacing
    anything unless `sovrascrivi` (hard links: a file that appears meanwhile is FileExistsError). If any step
    fails, what this run put in place is taken back, the files it replaced are restored, and the folders it
    created are removed.
    """
    pubblicazione = Pubblicazione(out, sovrascrivi=sovrascrivi)
    try:
        for bersaglio, dati in file.items():
            pubblicazione.aggiungi(bersaglio, dati)
        pubblicazione.pubblica()
    finally:
        pubblicazione.chiudi()


def _crea_cartelle(cartella: Path) -> list[Path]:
    """mkdir -p, returning the folders it created (outermost first), to remove them if the run fails."""
    mancanti: list[Path] = []
    while not cartella.exists() and not cartella.is_symlink():
        mancanti.append(cartella)
        cartella = cartella.parent
    creati: list[Path] = []
    for nuova in reversed(mancanti):
        try:
            nuova.mkdir()
        except FileExistsError:  # a concurrent run made it: not ours to remove
            continue
        creati.append(nuova)
    return creati


def _rimuovi_vuote(creati: list[Path]) -> None:
    for cartella in reversed(creati):
        with contextlib.suppress(OSError):
            cartella.rmdir()  # only if empty: a concurrent run may have put its files there


@contextlib.contextmanager
def _bloccata(cartella: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock (Windows): the hard links still keep the no-overwrite promise
        yield
        return
    descrittore = os.open(cartella, os.O_RDONLY)
    try:
        fcntl.flock(descrittore, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descrittore)  # releases the lock


def _sgombra_cantieri(out: Path) -> None:
    for voce in out.iterdir():
        nome = voce.name
        if not (nome.startswith(CANTIERE_PREFISSO) and nome.endswith(CANTIERE_SUFFISSO)) or voce.is_symlink():
            continue
        if not _in_uso(voce):
            shutil.rmtree(voce, ignore_errors=True)


def _in_uso(cantiere: Path) -> bool:
    """A `Pubblicazione` still running holds a lock on its folder (released when its process ends, even killed)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        descrittore = os.open(cantiere, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descrittore, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descrittore)
    return False


class Pubblicazione:
    """`pubblica` for files that come one at a time, over a long run: each is written and synced in the hidden
    folder inside `out` as soon as it comes (memory stays flat in the number of files), and `pubblica` moves them
    all into place at the end, or none. `chiudi` (always, in a `finally`) removes the hidden folder, and the
    folders it created if nothing was published: an error or Ctrl-C in between leaves `out` as it was.
    """

    def __init__(self, out: Path, *, sovrascrivi: bool) -> None:
        self.out = out
        self.sovrascrivi = sovrascrivi
        self.bersagli: list[Path] = []
        self._preparati: list[Path] = []
        self._creati: list[Path] = []
        self._cantiere: Path | None = None
        self._blocco: int | None = None
        self._pubblicata = False

    def aggiungi(self, nome: str | Path, dati: bytes) -> None:
        """`nome` inside `out` (or a path under it). A target that cannot be written (without `sovrascrivi`, one
        that exists) is refused now, not after the whole run."""
        bersaglio = self.out / nome
        _verifica(bersaglio, self.sovrascrivi)
        cantiere = self._cantiere or self._apri()
        self._preparati.append(_prepara(cantiere / f"{len(self._preparati)}", dati))
        self.bersagli.append(bersaglio)

    def _apri(self) -> Path:
        # created lazily: a run with no file to publish leaves no folder behind
        self._creati = _crea_cartelle(self.out)
        with _bloccata(self.out):
            _sgombra_cantieri(self.out)
            cantiere = Path(
                tempfile.mkdtemp(dir=self.out, prefix=CANTIERE_PREFISSO, suffix=CANTIERE_SUFFISSO)
            )
            # locked before the lock on `out` is released: another run's clean-up never takes a live folder
            self._blocco = os.open(cantiere, os.O_RDONLY)
            _blocca(self._blocco)
        self._cantiere = cantiere
        return cantiere

    def pubblica(self) -> None:
        """The targets checked again, then every file moved into place (a failure takes back what was placed)."""
        if self._cantiere is None:
            return
        with _bloccata(self.out):
            for bersaglio in self.bersagli:
                _verifica(bersaglio, self.sovrascrivi)
            coppie = list(zip(self.bersagli, self._preparati, strict=True))
            _metti_in_posa(coppie, self._cantiere, self.sovrascrivi, self._creati)
        self._pubblicata = True

    def chiudi(self) -> None:
        if self._cantiere is not None:
            shutil.rmtree(self._cantiere, ignore_errors=True)
        if self._blocco is not None:
            os.close(self._blocco)
            self._blocco = None
        if not self._pubblicata:
            _rimuovi_vuote(self._creati)


def _verifica(bersaglio: Path, sovrascrivi: bool) -> None:
    try:
        modo = bersaglio.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(modo):
        raise IsADirectoryError(21, "è una cartella", str(bersaglio))
    if not sovrascrivi:
        raise FileExistsError(17, "esiste già", str(bersaglio))
    if not (stat.S_ISREG(modo) or stat.S_ISLNK(modo)):
        raise NonRegolare(22, "non è un file regolare", str(bersaglio))


def _prepara(percorso: Path, dati: bytes) -> Path:
    descrittore = os.open(percorso, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    with os.fdopen(descrittore, "wb") as fh:
        fh.write(dati)
        fh.flush()
        os.fsync(fh.fileno())
    return percorso


def _metti_in_posa(
    coppie: list[tuple[Path, Path]], cantiere: Path, sovrascrivi: bool, creati: list[Path]
) -> None:
    annulla: list[
        tuple[Path, Path | None, int]
    ] = []  # (target, backup of the replaced file, inode we placed)
    try:
        for n, (bersaglio, preparato) in enumerate(coppie):
            creati.extend(_crea_cartelle(bersaglio.parent))
            copia: Path | None = None
            if sovrascrivi and (bersaglio.exists() or bersaglio.is_symlink()):
                copia = cantiere / f"vecchio-{n}"
                os.link(bersaglio, copia, follow_symlinks=False)
                os.replace(preparato, bersaglio)
            else:
                _crea(preparato, bersaglio)
            annulla.append((bersaglio, copia, bersaglio.lstat().st_ino))
    except BaseException:
        for bersaglio, copia, inode in reversed(annulla):
            with contextlib.suppress(OSError):
                if bersaglio.lstat().st_ino != inode:
                    continue  # no longer ours
                if copia is not None:
                    os.replace(copia, bersaglio)
                else:
                    bersaglio.unlink()
        raise
