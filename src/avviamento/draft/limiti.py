"""Custom templates render in a worker process bounded in time and memory.

The sandbox refuses the obvious bombs (`'x' * 3000000000`, `range(10**9)`, huge format widths), but not nested
loops or a value doubled in a loop: a Union's own template could still run for ever or fill the memory. So its
documents render in a forked worker with a memory cap, and a document that takes too long stops the worker: a
one-line error naming the template, before anything is written.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from avviamento.draft.writer import ErroreRedazione
from avviamento.errors import Text

SECONDI_PER_DOCUMENTO = 20.0  # a bundled act renders in a tenth of a second
MEMORIA = 1 << 30  # bytes the worker may map beyond what the process already maps

Lavoro = tuple[str, Callable[[], bytes]]  # (template as the user named it, render one document)


def rendi_limitati(
    lavori: list[Lavoro], secondi: float | None = None, memoria: int | None = None
) -> list[bytes]:
    """The documents, in order, rendered in a worker; ErroreRedazione if a template fails or exceeds a limit."""
    secondi = SECONDI_PER_DOCUMENTO if secondi is None else secondi
    memoria = MEMORIA if memoria is None else memoria
    if not lavori:
        return []
    if "fork" not in multiprocessing.get_all_start_methods():  # no fork (Windows): the sandbox limits only
        return [lavoro() for _, lavoro in lavori]
    contesto = multiprocessing.get_context("fork")
    ricevi, invia = contesto.Pipe(duplex=False)
    figlio = contesto.Process(target=_figlio, args=(invia, lavori, memoria, secondi), daemon=True)
    figlio.start()
    invia.close()
    risultati: list[bytes] = []
    nome = lavori[0][0]
    try:
        while len(risultati) < len(lavori):
            if not ricevi.poll(secondi):
                raise ErroreRedazione(_tempo(nome, secondi))
            try:
                tipo, valore = ricevi.recv()
            except EOFError:  # killed by a limit before it could say so
                raise ErroreRedazione(_memoria(nome)) from None
            if tipo == "inizio":
                nome = valore
            elif tipo == "fatto":
                risultati.append(valore)
            elif tipo == "errore":
                raise ErroreRedazione(valore)
            else:
                raise ErroreRedazione(_memoria(nome))
    finally:
        ricevi.close()
        if figlio.is_alive():
            figlio.kill()
        figlio.join()
    return risultati


def _figlio(invia: Connection, lavori: list[Lavoro], memoria: int, secondi: float) -> None:
    _limita(memoria, int(secondi * len(lavori)) + 10)
    nome = ""
    try:
        for nome, lavoro in lavori:
            invia.send(("inizio", nome))
            invia.send(("fatto", lavoro()))
    except ErroreRedazione as exc:
        invia.send(("errore", exc.testo))
    except MemoryError:
        invia.send(("memoria", None))
    except Exception as exc:  # never a traceback from the worker: the one line, as for any template failure
        dettaglio = f"{type(exc).__name__}: {exc}"
        invia.send(
            (
                "errore",
                {
                    "it": f"{nome}: il modello non si compone ({dettaglio})",
                    "en": f"{nome}: the template does not render ({dettaglio})",
                },
            )
        )
    finally:
        invia.close()


def _limita(memoria: int, cpu: int) -> None:
    try:
        import resource
    except ImportError:
        return
    with contextlib.suppress(OSError, ValueError):
        mappata = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _abbassa(resource, resource.RLIMIT_AS, mappata + memoria)
    with contextlib.suppress(OSError, ValueError):
        _abbassa(resource, resource.RLIMIT_CPU, cpu)


def _abbassa(resource: Any, limite: int, valore: int) -> None:
    _, massimo = resource.getrlimit(limite)
    if massimo != resource.RLIM_INFINITY:
        valore = min(valore, massimo)
    resource.setrlimit(limite, (valore, massimo))


def _tempo(nome: str, secondi: float) -> Text:
    return {
        "it": f"{nome}: il modello non si è composto entro {secondi:g} secondi (cicli troppo lunghi?): "
        "interrotto, nessun file scritto",
        "en": f"{nome}: the template did not render within {secondi:g} seconds (loops too long?): stopped, "
        "no file written",
    }


def _memoria(nome: str) -> Text:
    return {
        "it": f"{nome}: il modello richiede troppa memoria: interrotto, nessun file scritto",
        "en": f"{nome}: the template needs too much memory: stopped, no file written",
    }
