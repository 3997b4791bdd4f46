"""`avviamento check`: where a Union stands against LR 21/2012 and the regional programme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import (
    AsOfOption,
    LangOption,
    RulesOption,
    input_errors,
    lang_of,
    load_rules,
    parse_option_date,
    text_layout,
)
from avviamento.reporters import Formato, renderer


def check(
    profilo: Annotated[Path, typer.Argument(help="Profilo YAML dell'Unione.", show_default=False)],
    as_of: AsOfOption = None,
    rules: RulesOption = None,
    formato: Annotated[Formato, typer.Option("--format", help="Formato del rapporto.")] = Formato.text,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Verifica un profilo: classe raggiunta, funzioni effettive, rilievi con fonte, scadenza e rimedi.

    Exit: 0 nessun errore; 1 almeno un rilievo di gravità «errore»; 2 input non utilizzabile.
    """
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile

    giorno = parse_option_date(as_of, "--as-of", lang)
    with input_errors(lang):
        pack = load_rules(rules)
        caricato = load_profile(profilo)
        esito = evaluate(caricato, pack, giorno)
    if formato is Formato.text:
        from avviamento.reporters.text import render

        colour, width = text_layout()
        output = render(esito, lang_of(lang), color=colour, width=width)
    else:
        output = renderer(formato)(esito, lang_of(lang))
    typer.echo(output, nl=False)
    raise typer.Exit(0 if esito.conforme else 1)
