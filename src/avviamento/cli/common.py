"""What every command shares: language and date options, loading inputs, and the one-line error."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from avviamento.errors import InputError, both, una_riga
from avviamento.i18n import Lang

if TYPE_CHECKING:
    from avviamento.regole import RulePack


class Lingua(StrEnum):
    it = "it"
    en = "en"


def default_lang() -> Lingua:
    return Lingua.en if os.environ.get("AVVIAMENTO_LANG", "").lower() == "en" else Lingua.it


LangOption = Annotated[
    Lingua,
    typer.Option(
        "--lang", help="Lingua dei messaggi e dei documenti (it | en).", default_factory=default_lang
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Data di valutazione AAAA-MM-GG (predefinita: data_riferimento del profilo)."
    ),
]
RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="Pacchetto di regole alternativo (YAML); predefinito: quello incluso."),
]


def fail(message: str) -> NoReturn:
    """One line on standard error, exit code 2."""
    typer.echo(una_riga(message), err=True)
    raise typer.Exit(2)


@contextmanager
def input_errors(lang: Lingua) -> Iterator[None]:
    try:
        yield
    except InputError as exc:
        fail(exc.render(lang_of(lang)))


def parse_option_date(value: str | None, option: str, lang: Lingua) -> dt.date | None:
    if value is None:
        return None
    from pydantic_core import PydanticCustomError

    from avviamento.profilo import parse_data

    try:
        return parse_data(value)
    except PydanticCustomError as exc:
        if exc.type == "date_out_of_range":
            ctx = exc.context or {}
            testo = both(
                "option_date_out_of_range", option=option, value=value, min=ctx["min"], max=ctx["max"]
            )
        else:
            testo = both("bad_option_date", option=option, value=value)
        fail(f"avviamento: {testo[lang.value]}")


def load_rules(path: Path | None) -> RulePack:
    """The pack given with --rules, or the bundled one; parsed once per process."""
    from avviamento.regole import load_pack_cached
    from avviamento.risorse import default_rules

    return load_pack_cached(path or default_rules())


def lang_of(lingua: Lingua) -> Lang:
    return "en" if lingua is Lingua.en else "it"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
