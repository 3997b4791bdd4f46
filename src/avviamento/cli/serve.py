"""`avviamento serve`: the web application on a local address (the web stack is imported only here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from avviamento.cli.common import fail

if TYPE_CHECKING:
    import socket

ENV_TOKEN = "AVVIAMENTO_TOKEN"


def serve(
    host: Annotated[
        str, typer.Option("--host", metavar="INDIRIZZO", help="Indirizzo su cui ascoltare.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Porta (0: una libera).", min=0, max=65535)] = 8000,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="File SQLite dei profili salvati (predefinito: ~/.local/share/avviamento/avviamento.sqlite3).",
        ),
    ] = None,
    storico: Annotated[
        Path | None,
        typer.Option(
            "--storico",
            help="File dello storico delle valutazioni (predefinito: storico.sqlite3 nella cartella del file --db).",
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            metavar="CODICE",
            help=f"Codice di accesso (o variabile d'ambiente {ENV_TOKEN}); obbligatorio fuori da 127.0.0.1.",
        ),
    ] = None,
) -> None:
    """Avvia l'applicazione web (pagine in italiano e API JSON) e stampa l'indirizzo da aprire nel browser.

    Uscita: 2 se l'indirizzo non è locale e manca il codice di accesso, o se la porta non è disponibile.
    """
    codice = token or os.environ.get(ENV_TOKEN) or None
    if not loopback(host) and not codice:
        fail(
            f"avviamento: serve: l'indirizzo {host} non è locale: serve un codice di accesso "
            f"(--token o la variabile d'ambiente {ENV_TOKEN}); avvio rifiutato"
        )
    import sqlite3  # here, like the web stack: the other commands start without it

    import uvicorn

    from avviamento.storico.db import NOME_FILE
    from avviamento.web.app import create_app
    from avviamento.web.store import percorso_predefinito

    percorso = db or percorso_predefinito()
    percorso_storico = storico or percorso.parent / NOME_FILE
    try:
        app = create_app(percorso, token=codice, storico_path=percorso_storico)
    except OSError as exc:
        fail(f"avviamento: --db: {percorso}: {exc.strerror or exc}")
    except sqlite3.Error as exc:  # not a database file, locked, …
        fail(f"avviamento: --db: {percorso}: {exc}")
    presa = _ascolta(host, port)
    porta = presa.getsockname()[1]
    nome = f"[{host}]" if ":" in host else host
    indirizzo = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else nome}:{porta}/"
    if not codice:
        from avviamento.web.app import solo_host_locali

        solo_host_locali(app)
    typer.echo(
        f"avviamento: aperto su {indirizzo} (profili in {percorso}, storico in {percorso_storico}; "
        "Ctrl+C per fermare)"
    )
    if codice:
        typer.echo(
            "avviamento: accesso con il codice indicato (pagina /accesso, o Authorization: Bearer per l'API)"
        )
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[presa])


def _ascolta(host: str, port: int) -> socket.socket:
    """The listening socket, bound and listening before anything is printed: a taken port is one line and exit 2."""
    import socket

    famiglia = socket.AF_INET6 if ":" in host else socket.AF_INET
    presa = socket.socket(famiglia, socket.SOCK_STREAM)
    presa.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        presa.bind((host.strip("[]"), port))
        presa.listen(128)  # connections queue from the moment the address is printed
    except OSError as exc:
        presa.close()
        fail(f"avviamento: serve: impossibile ascoltare su {host}:{port}: {exc.strerror or exc}")
    return presa


def loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
