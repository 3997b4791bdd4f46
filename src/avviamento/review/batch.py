"""Collect the profiles under the given paths and evaluate each into one row; a broken file is a row too."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from avviamento.classi import ETICHETTE_FISSE, etichetta_classe
from avviamento.comuni import anagrafe
from avviamento.engine import evaluate, evaluate_packs
from avviamento.errors import InputError, Text, both, breve, una_riga
from avviamento.esito import Esito, InfoRegole
from avviamento.profilo import Profilo, validate_profile
from avviamento.regole import RulePack
from avviamento.review.incrociati import rilievi_incrociati
from avviamento.review.istruttoria import ComuneMembro, Etichette, Istruttoria, Riga
from avviamento.yamlio import Document, load_yaml

ESTENSIONI = (".yaml", ".yml")
# one pack, or several applied together (`--rules` repeated)
Pacchetti = RulePack | Sequence[RulePack]

# Below this many files per extra worker, starting a pool costs more than the second core saves (~3 ms a file).
SOGLIA_PARALLELO = 48
# Files per task sent to a worker: large enough that pickling is a small share, small enough to balance the load.
BLOCCO_MASSIMO = 64


def raccogli(percorsi: Sequence[Path]) -> list[Path]:
    """Every `.yaml`/`.yml` file under the paths (a file named explicitly is taken as it is), once each.

    A path that does not exist is an InputError. Hidden folders (`.git`, `.venv`) are not searched.
    """
    return [path for path, _nome in raccogli_con_nomi(percorsi)]


def raccogli_con_nomi(percorsi: Sequence[Path]) -> list[tuple[Path, str]]:
    """As `raccogli`, each file with the name the outputs show: relative to the reviewed folder when one folder
    is given, otherwise relative to the current folder (a file outside it keeps the path as given)."""
    trovati: list[tuple[Path, str]] = []
    visti: set[Path] = set()
    una_cartella = len(percorsi) == 1 and percorsi[0].is_dir()

    def aggiungi(path: Path, nome: str) -> None:
        try:
            chiave = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: its row will say the file cannot be read
            chiave = path.absolute()
        if chiave not in visti:
            visti.add(chiave)
            trovati.append((path, nome))

    for percorso in percorsi:
        if percorso.is_dir():
            for path in _sotto(percorso):
                nome = path.relative_to(percorso).as_posix() if una_cartella else nome_relativo(path)
                aggiungi(path, nome)
        elif percorso.exists():
            aggiungi(percorso, nome_relativo(percorso))
        else:
            raise InputError(str(percorso), 1, 1, both("file_missing"))
    return trovati


def nome_relativo(path: Path) -> str:
    """The path relative to the current folder when it lies under it, otherwise as given."""
    assoluto = Path(os.path.abspath(path))
    try:
        return assoluto.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _sotto(cartella: Path) -> Iterable[Path]:
    for radice, cartelle, files in os.walk(cartella):
        cartelle[:] = sorted(c for c in cartelle if not c.startswith("."))
        base = Path(radice)
        for nome in sorted(files):
            if nome.lower().endswith(ESTENSIONI) and not nome.startswith("."):
                yield base / nome


def valuta_file(
    path: Path, pack: Pacchetti, as_of: dt.date | None, *, con_rilievi: bool = False, nome: str | None = None
) -> Riga:
    """One profile → one row, named `nome` (default: the path). Never raises for a bad file: the error becomes
    the row."""
    nome = nome or str(path)
    return valuta(nome, lambda: load_yaml(path, nome), pack, as_of, con_rilievi=con_rilievi)


def valuta(
    nome: str,
    leggi: Callable[[], Document],
    pack: Pacchetti,
    as_of: dt.date | None,
    *,
    con_rilievi: bool = False,
) -> Riga:
    """One profile, read by `leggi` (from disk, or from an upload in memory) → one row; never raises."""
    documento: Document | None = None
    try:
        documento = leggi()
        caricato = validate_profile(documento)
        packs = pacchetti(pack)
        esito = (
            evaluate(caricato, packs[0], as_of) if len(packs) == 1 else evaluate_packs(caricato, packs, as_of)
        )
    except InputError as exc:
        return Riga(nome, False, errore=_una_riga(exc), unione=_nome_grezzo(documento))
    except Exception as exc:  # a bug must not stop a batch of a hundred Unions: report it on its row
        dettaglio = f"{type(exc).__name__}: {exc}".splitlines()[0]
        testo = {
            "it": f"{nome}:1:1: errore interno nella valutazione ({dettaglio})",
            "en": f"{nome}:1:1: internal error while evaluating ({dettaglio})",
        }
        return Riga(nome, False, errore=testo, unione=_nome_grezzo(documento))
    unione = caricato.profilo.unione
    return Riga(
        file=nome,
        valido=True,
        unione=unione.nome,
        codice_fiscale=unione.codice_fiscale,
        classe_dichiarata=unione.classe_dichiarata,
        classe=esito.classe,
        funzioni_effettive=esito.funzioni_effettive,
        errori=esito.conteggio("errore"),
        avvisi=esito.conteggio("avviso"),
        informazioni=esito.conteggio("info"),
        data_valutazione=esito.data_valutazione,
        data_riferimento=caricato.profilo.data_riferimento,
        comuni=tuple(ComuneMembro(c.nome, c.istat) for c in caricato.profilo.comuni),
        esito=_solo_aperti(esito) if con_rilievi else None,
    )


def istruisci(
    files: Sequence[Path],
    pack: Pacchetti,
    as_of: dt.date | None = None,
    *,
    con_rilievi: bool = False,
    avanzamento: Callable[[Path], None] | None = None,
    jobs: int = 1,
    nomi: Sequence[str] | None = None,
) -> Istruttoria:
    """Evaluate every file against one rule pack (in `jobs` processes), then look across the files.

    `nomi`: the name each file has in the outputs (default: its path)."""
    righe: list[Riga] = []
    for path, riga in valuta_tutti(files, pack, as_of, con_rilievi=con_rilievi, jobs=jobs, nomi=nomi):
        righe.append(riga)
        if avanzamento is not None:
            avanzamento(path)
    return componi(righe, pack, as_of)


class Compattatore:
    """What the cross-checks and the outputs keep of each row once written: no findings, and the Comuni and
    codes shared with the rows before (one object per Comune), so that memory grows little per profile."""

    def __init__(self) -> None:
        self.comuni: dict[ComuneMembro, ComuneMembro] = {}
        self.testi: dict[str, str] = {}

    def __call__(self, riga: Riga) -> Riga:
        testo = self.testi.setdefault
        return dataclasses.replace(
            riga,
            esito=None,
            comuni=tuple(self.comuni.setdefault(c, c) for c in riga.comuni),
            funzioni_effettive=tuple(testo(f, f) for f in riga.funzioni_effettive),
            classe=testo(riga.classe, riga.classe) if riga.classe else None,
            classe_dichiarata=testo(riga.classe_dichiarata, riga.classe_dichiarata)
            if riga.classe_dichiarata
            else None,
        )


def cpu_disponibili() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def processi_utili(n_file: int, jobs: int) -> int:
    """How many processes are worth starting: one unless each extra worker gets enough files."""
    return max(1, min(jobs, n_file // SOGLIA_PARALLELO))


def valuta_tutti(
    files: Sequence[Path],
    pack: Pacchetti,
    as_of: dt.date | None,
    *,
    con_rilievi: bool = False,
    jobs: int = 1,
    nomi: Sequence[str] | None = None,
) -> Iterator[tuple[Path, Riga]]:
    """(file, row) in file order, as they are ready; `jobs` > 1 spreads the files over a process pool.

    Only the rows come back from the workers: the cross-checks and the output stay with the caller.
    """
    voci = list(zip(files, nomi or [str(f) for f in files], strict=True))
    processi = processi_utili(len(voci), jobs)
    if processi == 1:
        for path, nome in voci:
            yield path, valuta_file(path, pack, as_of, con_rilievi=con_rilievi, nome=nome)
        return
    blocco = max(1, min(BLOCCO_MASSIMO, len(voci) // (processi * 4)))
    blocchi = [voci[i : i + blocco] for i in range(0, len(voci), blocco)]
    metodi = multiprocessing.get_all_start_methods()
    # fork: the workers inherit the loaded modules and rule pack instead of importing them again
    contesto = multiprocessing.get_context("fork" if "fork" in metodi else None)
    fatti = 0
    _prepara_per_i_worker()
    gc.freeze()  # the workers' collections then skip the objects inherited at fork instead of copying their pages
    try:
        with ProcessPoolExecutor(
            processi, mp_context=contesto, initializer=_inizia_worker, initargs=(pack, as_of, con_rilievi)
        ) as pool:
            # a few chunks in flight, not all: on a busy machine the workers would run ahead of the caller,
            # whose finished rows would pile up in memory
            in_corso: deque[tuple[list[tuple[Path, str]], Future[list[Riga]]]] = deque()
            successivi = iter(blocchi)
            for chunk in islice(successivi, processi * 2):
                in_corso.append((chunk, pool.submit(_valuta_blocco, chunk)))
            while in_corso:
                chunk, futuro = in_corso.popleft()
                righe = futuro.result()
                for chunk_nuovo in islice(successivi, 1):
                    in_corso.append((chunk_nuovo, pool.submit(_valuta_blocco, chunk_nuovo)))
                yield from zip((path for path, _nome in chunk), righe, strict=True)
                fatti += len(chunk)
    except BrokenProcessPool:  # a worker died (out of memory, killed): the rest here, so no row is lost
        for path, nome in voci[fatti:]:
            yield path, valuta_file(path, pack, as_of, con_rilievi=con_rilievi, nome=nome)
    finally:
        gc.unfreeze()  # a long-lived caller (the web server) collects its own objects again


def _prepara_per_i_worker() -> None:
    """Build here, once, what each worker would otherwise build for itself on its first file (~60 ms each):
    the profile's validator and the register of the Comuni, inherited at fork."""
    Profilo.model_rebuild()
    anagrafe()


_lavoro: tuple[Pacchetti, dt.date | None, bool] | None = None


def _inizia_worker(pack: Pacchetti, as_of: dt.date | None, con_rilievi: bool) -> None:
    global _lavoro
    _lavoro = (pack, as_of, con_rilievi)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which ends the pool: one message


def _valuta_blocco(voci: Sequence[tuple[Path, str]]) -> list[Riga]:
    assert _lavoro is not None
    pack, as_of, con_rilievi = _lavoro
    return [valuta_file(path, pack, as_of, con_rilievi=con_rilievi, nome=nome) for path, nome in voci]


def componi(righe: Sequence[Riga], pack: Pacchetti, as_of: dt.date | None) -> Istruttoria:
    """The rows of a batch, and the findings across them (the first pack gives classes and functions)."""
    packs = pacchetti(pack)
    tutti = tuple(InfoRegole(p.id, p.versione, p.sha256) for p in packs)
    incrociati = tuple(rilievi_incrociati(righe, packs[0]))
    return Istruttoria(as_of, tutti[0], tuple(righe), incrociati, tutti, etichette_di(packs[0]))


def pacchetti(pack: Pacchetti) -> list[RulePack]:
    return [pack] if isinstance(pack, RulePack) else list(pack)


def etichette_di(pack: RulePack) -> Etichette:
    """The labels of the pack's classes (and of the classes below the first one) and functions."""
    classi = {
        c: etichetta_classe(pack, c) for c in (*ETICHETTE_FISSE, *(c.codice for c in pack.pacchetto.classi))
    }
    funzioni = {f.codice: f.etichetta.as_text() for f in pack.pacchetto.funzioni}
    return Etichette(classi, funzioni)


def _solo_aperti(esito: Esito) -> Esito:
    """What the HTML report shows of a Union: its open findings; the met and inapplicable ones are dropped."""
    aperti = tuple(r for r in esito.rilievi if r.aperto)
    for rilievo in aperti:
        rilievo.messaggio  # noqa: B018 composed here, in the worker, rather than by the parent that prints it
    return dataclasses.replace(esito, rilievi=aperti)


def _una_riga(exc: InputError) -> Text:
    return {lang: " ".join(exc.render(lang).split()) for lang in ("it", "en")}


def _nome_grezzo(documento: Document | None) -> str | None:
    """The Union's name from a profile that failed validation, so the reviewer knows who sent it."""
    data = documento.data if documento is not None else None
    unione = data.get("unione") if isinstance(data, dict) else None
    nome = unione.get("nome") if isinstance(unione, dict) else None
    if not isinstance(nome, str) or not nome.strip():
        return None
    return breve(una_riga(nome.strip()), 120)  # unvalidated: it may be huge or hold control characters
