"""`avviamento confronta`: what changed between two evaluations of one Union."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import (
    LangOption,
    RulesOption,
    fail,
    input_errors,
    lang_of,
    load_rules,
    parse_option_date,
)
from avviamento.errors import both


class FormatoConfronto(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


def confronta(
    prima: Annotated[
        Path, typer.Argument(help="Profilo YAML della valutazione precedente.", show_default=False)
    ],
    dopo: Annotated[
        Path, typer.Argument(help="Profilo YAML della valutazione successiva.", show_default=False)
    ],
    as_of_prima: Annotated[
        str | None,
        typer.Option(
            "--as-of-prima", metavar="DATA", help="Data di valutazione del primo profilo (AAAA-MM-GG)."
        ),
    ] = None,
    as_of_dopo: Annotated[
        str | None,
        typer.Option(
            "--as-of-dopo", metavar="DATA", help="Data di valutazione del secondo profilo (AAAA-MM-GG)."
        ),
    ] = None,
    rules: RulesOption = None,
    formato: Annotated[FormatoConfronto, typer.Option("--format", help="Formato del confronto.")] = (
        FormatoConfronto.text
    ),
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Confronta due valutazioni della stessa Unione (due versioni del profilo, o un profilo a due date).

    Uscita: 0 confronto fatto; 2 input non utilizzabile o Unioni diverse.
    """
    from avviamento import confronto
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile

    code = lang_of(lang)
    giorno_prima = parse_option_date(as_of_prima, "--as-of-prima", lang)
    giorno_dopo = parse_option_date(as_of_dopo, "--as-of-dopo", lang)
    with input_errors(lang):
        pack = load_rules(rules)
        caricato_prima = load_profile(prima)
        caricato_dopo = load_profile(dopo)
        if not confronto.stessa_unione(caricato_prima.profilo, caricato_dopo.profilo):
            testo = both(
                "unioni_diverse",
                prima=caricato_prima.profilo.unione.nome,
                dopo=caricato_dopo.profilo.unione.nome,
            )
            fail(f"{dopo}:1:1: {testo[code]}")
        esito_prima = evaluate(caricato_prima, pack, giorno_prima)
        esito_dopo = evaluate(caricato_dopo, pack, giorno_dopo)
    risultato = confronto.confronta(esito_prima, esito_dopo)
    render = {
        FormatoConfronto.text: confronto.render_text,
        FormatoConfronto.json: confronto.render_json,
        FormatoConfronto.markdown: confronto.render_markdown,
        FormatoConfronto.html: confronto.render_html,
    }[formato]
    typer.echo(render(risultato, code), nl=False)
