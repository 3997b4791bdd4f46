"""The command line: parses options, builds the parts, prints, and maps results to exit codes.

Each command lives in its own module and is registered here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from avviamento.cli import check, common, confronta, draft, init, plan, review, rules, schema, serve, storico
from avviamento.cli.aiuto import ConAiuto
from avviamento.cli.common import MARKUP, Lingua

app = typer.Typer(
    name="avviamento",
    cls=ConAiuto,  # the help, in Italian or English, is drawn by cli/aiuto.py
    help="Verifica, redazione degli atti e pianificazione per le Unioni di Comuni (LR Emilia-Romagna 21/2012).",
    no_args_is_help=True,
    add_completion=True,
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


app.command("init")(init.init)
app.command("check")(check.check)
app.command("schema")(schema.schema)
app.command("plan")(plan.plan)
app.command("review")(review.review)
app.add_typer(rules.app, name="rules")
app.command("draft")(draft.draft)
app.add_typer(draft.app, name="templates")
app.command("serve")(serve.serve)
app.command("confronta")(confronta.confronta)
app.add_typer(storico.app, name="storico")


def main() -> None:
    from avviamento.cli.usage import run

    run(app)
