"""`avviamento check`: where a Union stands against LR 21/2012 and the regional programme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import (
    AsOfOption,
    LangOption,
    RulesListOption,
    check_destination,
    fail,
    input_errors,
    lang_of,
    load_rules_list,
    parse_option_date,
    text_layout,
    write_output,
)
from avviamento.errors import both
from avviamento.reporters import Formato, renderer


def check(
    profilo: Annotated[Path, typer.Argument(help="Profilo YAML dell'Unione.", show_default=False)],
    as_of: AsOfOption = None,
    rules: RulesListOption = None,
    formato: Annotated[
        Formato,
        typer.Option("--format", help="Formato del rapporto (sarif: per i visualizzatori di analisi)."),
    ] = Formato.text,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Solo la riga dell'esito (e il codice di uscita).")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Scrive il rapporto in un file invece che a video ('-': a video)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Sovrascrive il file di --out se esiste.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Senza colori (come NO_COLOR).")] = False,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Verifica un profilo: classe raggiunta, funzioni effettive, rilievi con fonte, scadenza e rimedi.

    Uscita: 0 nessun errore; 1 almeno un rilievo di gravità «errore»; 2 input non utilizzabile.
    """
    from avviamento.engine import evaluate_packs
    from avviamento.profilo import load_profile

    code = lang_of(lang)
    giorno = parse_option_date(as_of, "--as-of", lang)
    if quiet and formato is not Formato.text:
        fail("avviamento: " + both("quiet_format")[code])
    destinazione = None if out is None or str(out) == "-" else out
    if destinazione is not None:
        check_destination(destinazione, "--out", force, code)
    with input_errors(lang):
        packs = load_rules_list(rules)
        caricato = load_profile(profilo)
        esito = evaluate_packs(caricato, packs, giorno)
    if quiet:
        from avviamento.reporters.common import verdetto

        output = verdetto(esito, code) + "\n"
    elif formato is Formato.text:
        from avviamento.reporters.text import render

        colour, width = text_layout(no_color) if destinazione is None else (False, None)
        output = render(esito, code, color=colour, width=width)
    else:
        output = renderer(formato)(esito, code)
    if destinazione is None:
        typer.echo(output, nl=False)
    else:
        write_output(destinazione, output, "--out", force, code)
    raise typer.Exit(0 if esito.conforme else 1)
