"""`avviamento init`: a commented Italian starter profile, with the Comuni looked up in the ISTAT list."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import (
    LangOption,
    RulesOption,
    check_destination,
    fail,
    input_errors,
    lang_of,
    load_rules,
    write_output,
)
from avviamento.i18n import contati


def init(
    file: Annotated[Path, typer.Argument(help="File da scrivere.", show_default=True)] = Path("profilo.yaml"),
    unione: Annotated[
        str | None, typer.Option("--unione", metavar="NOME", help="Denominazione dell'Unione.")
    ] = None,
    comuni: Annotated[
        str | None,
        typer.Option(
            "--comuni", metavar="ELENCO", help='Comuni aderenti, separati da virgole: "Imola, Dozza".'
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Sovrascrive il file se esiste.")] = False,
    rules: RulesOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Scrive un profilo iniziale commentato: Comuni con codice ISTAT e popolazione, codici delle funzioni.

    Senza --unione o --comuni li chiede a terminale. Non sovrascrive un file esistente senza --force.

    Uscita: 0 scritto; 2 Comune sconosciuto, file esistente o dati mancanti.
    """
    from avviamento.nuovo_profilo import ComuneSconosciuto, cerca_comuni, profilo_nuovo

    code = lang_of(lang)
    check_destination(file, "init", force, code)
    interattivo = sys.stdin.isatty()
    if unione is None and interattivo:
        unione = typer.prompt("Denominazione dell'Unione" if code == "it" else "Name of the Union")
    if comuni is None and interattivo:
        comuni = typer.prompt(
            "Comuni aderenti (separati da virgole)" if code == "it" else "Member Comuni (comma-separated)"
        )
    nomi = [n.strip() for n in (comuni or "").split(",") if n.strip()]
    if not unione or not unione.strip() or not nomi:
        mancante = "--unione" if not unione or not unione.strip() else "--comuni"
        fail(
            f"avviamento init: indicare {mancante}"
            if code == "it"
            else f"avviamento init: {mancante} is required"
        )
    try:
        trovati = cerca_comuni(nomi)
    except ComuneSconosciuto as exc:
        fail(f"avviamento init: --comuni: {exc.testo()[code]}")
    with input_errors(lang):
        pack = load_rules(rules)
    testo = profilo_nuovo(" ".join(unione.split()), trovati, pack, dt.date.today())
    write_output(file, testo, "init", force, code)
    typer.echo(
        f"Profilo scritto in {file}: {contati(len(trovati), 'Comune', 'Comuni')}. "
        f"Completarlo, poi: avviamento check {file}"
        if code == "it"
        else f"Profile written to {file}: {contati(len(trovati), 'Comune', 'Comuni')}. "
        f"Complete it, then: avviamento check {file}",
        err=True,
    )
