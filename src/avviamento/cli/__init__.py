"""The command line: parses options, builds the parts, prints, and maps results to exit codes.

Each command lives in its own module, listed in COMANDI and imported only when it runs (cli/pigri.py).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from avviamento.cli import common
from avviamento.cli.aiuto import ConAiuto
from avviamento.cli.common import MARKUP, Lingua
from avviamento.cli.pigri import Comandi, GruppoPigro

# name: (module, function or sub-app, first paragraph of its help, as `avviamento --help` lists it)
COMANDI: Comandi = {
    "init": (
        "avviamento.cli.init",
        "init",
        "Scrive un profilo iniziale commentato: Comuni con codice ISTAT e popolazione, codici delle funzioni.",
    ),
    "check": (
        "avviamento.cli.check",
        "check",
        "Verifica un profilo: classe raggiunta, funzioni effettive, rilievi con fonte, scadenza e rimedi.",
    ),
    "schema": (
        "avviamento.cli.schema",
        "schema",
        "Stampa lo JSON Schema del profilo (per il completamento negli editor).",
    ),
    "plan": (
        "avviamento.cli.plan",
        "plan",
        "Piano a ritroso dalla scadenza: per ogni passo mancante, la data ultima, chi agisce e la base giuridica.",
    ),
    "review": (
        "avviamento.cli.review",
        "review",
        "Istruttoria di più profili: validità, classe dichiarata e calcolata, rilievi, controlli incrociati.",
    ),
    "draft": (
        "avviamento.cli.draft",
        "draft",
        "Redige gli atti che sanano le lacune aperte: convenzioni, delibere consiliari, regolamenti, piani (.docx).",
    ),
    "serve": (
        "avviamento.cli.serve",
        "serve",
        "Avvia l'applicazione web (pagine in italiano e API JSON) e stampa l'indirizzo da aprire nel browser.",
    ),
    "confronta": (
        "avviamento.cli.confronta",
        "confronta",
        "Confronta due valutazioni della stessa Unione (due versioni del profilo, o un profilo a due date).",
    ),
    "rules": ("avviamento.cli.rules", "app", "Consulta e verifica il pacchetto di regole."),
    "templates": (
        "avviamento.cli.draft",
        "app",
        "Modelli degli atti: verifica dei modelli inclusi o propri.",
    ),
    "storico": (
        "avviamento.cli.storico",
        "app",
        "Lo storico delle valutazioni: registra, elenca, mostra (con il grafico), esporta.",
    ),
}


class _Radice(ConAiuto, GruppoPigro):  # help in Italian or English (cli/aiuto.py), commands lazy
    comandi = COMANDI


app = typer.Typer(
    name="avviamento",
    help="Verifica, redazione degli atti e pianificazione per le Unioni di Comuni (LR Emilia-Romagna 21/2012).",
    no_args_is_help=True,
    add_completion=True,
    cls=_Radice,
    pretty_exceptions_enable=False,
    rich_markup_mode=MARKUP,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from avviamento import __version__

        typer.echo(f"avviamento {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Mostra la versione ed esce."
    ),
    lang: Annotated[
        Lingua | None,
        typer.Option("--lang", help="Lingua di ogni comando (predefinita: it, o AVVIAMENTO_LANG)."),
    ] = None,
) -> None:
    """Verifica, redazione degli atti e pianificazione per le Unioni di Comuni (LR Emilia-Romagna 21/2012)."""
    common.lingua_comune = lang


def main() -> None:
    from avviamento.cli.usage import run

    # avviamento's validation uses no pydantic plugin, and looking them up reads the metadata of every
    # installed package (~20 ms of each command); PYDANTIC_DISABLE_PLUGINS= (empty) looks them up again
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    run(app)
