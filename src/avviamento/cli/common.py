"""What every command shares: language and date options, loading inputs, and the one-line error."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from avviamento.errors import InputError, data_opzione_errata, una_riga
from avviamento.i18n import Lang

if TYPE_CHECKING:
    from avviamento.regole import RulePack


# The help is drawn by cli/aiuto.py (Italian or English, plain text): typer's rich help, English in its fixed
# words, would also import rich and markdown-it (~0.3 s, most of the start-up).
MARKUP: Literal["rich"] | None = None


class Lingua(StrEnum):
    it = "it"
    en = "en"


# --lang given before the command (`avviamento --lang en check …`): set by the root callback at every run
lingua_comune: Lingua | None = None


def default_lang() -> Lingua:
    """The language when a command has no --lang: the one given before the command, AVVIAMENTO_LANG, Italian."""
    if lingua_comune is not None:
        return lingua_comune
    return Lingua.en if os.environ.get("AVVIAMENTO_LANG", "").lower() == "en" else Lingua.it


LangOption = Annotated[
    Lingua,
    typer.Option(
        "--lang",
        help="Lingua dei messaggi e dei documenti (predefinita: it, o AVVIAMENTO_LANG).",
        default_factory=default_lang,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATA",
        help="Data di valutazione AAAA-MM-GG (predefinita: data_riferimento del profilo).",
    ),
]
RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="Pacchetto di regole alternativo (YAML); predefinito: quello incluso."),
]
RulesListOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        help="Pacchetto di regole (YAML), ripetibile per applicarne più d'uno; predefinito: LR 21/2012.",
    ),
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
        # one line per error (a profile with five mistakes shows five), each on one line
        for riga in exc.righe(lang_of(lang))[:-1]:
            typer.echo(una_riga(riga), err=True)
        fail(exc.righe(lang_of(lang))[-1])


def parse_option_date(value: str | None, option: str, lang: Lingua) -> dt.date | None:
    if value is None:
        return None
    from pydantic_core import PydanticCustomError

    from avviamento.profilo import parse_data

    try:
        return parse_data(value)
    except PydanticCustomError as exc:
        testo = data_opzione_errata(exc.type, exc.context, value, option)
        fail(f"avviamento: {testo[lang.value]}")


def load_rules(path: Path | None) -> RulePack:
    """The pack given with --rules, or the bundled one; parsed once per process."""
    from avviamento.regole import load_pack_cached
    from avviamento.risorse import default_rules

    return load_pack_cached(path or default_rules())


def load_rules_list(paths: list[Path] | None) -> list[RulePack]:
    """The packs given with repeated --rules, in order, or the bundled LR 21/2012 one."""
    return [load_rules(path) for path in paths] if paths else [load_rules(None)]


def lang_of(lingua: Lingua) -> Lang:
    return "en" if lingua is Lingua.en else "it"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def text_layout(no_color: bool = False) -> tuple[bool, int | None]:
    """(colour, width) of text on standard output.

    Colour only on a terminal, unless NO_COLOR (no-color.org) or --no-color; lines wrapped at the terminal's width,
    or at COLUMNS when set; piped output without COLUMNS is not wrapped at all, so files and emails reflow.
    """
    import shutil

    terminal = stdout_is_terminal()
    colour = terminal and not no_color and not os.environ.get("NO_COLOR")
    if terminal or os.environ.get("COLUMNS", "").isdigit():
        return colour, max(40, shutil.get_terminal_size((100, 24)).columns)
    return colour, None


def check_destination(path: Path, option: str, force: bool, lang: Lang) -> None:
    """Refuse an output file before any work, not after: nobody should wait to learn that it exists."""
    from avviamento.fileio import problema_destinazione

    problema = problema_destinazione(path, sovrascrivi=force)
    if problema:
        fail(f"avviamento: {option}: {path}: {problema[lang]}")


def write_output(path: Path, text: str | bytes, option: str, force: bool, lang: Lang) -> None:
    """Write atomically; without --force never over a file, not even one created while the command ran."""
    from avviamento.fileio import scrivi_atomico

    try:
        scrivi_atomico(path, text.encode("utf-8") if isinstance(text, str) else text, sovrascrivi=force)
    except FileExistsError:
        check_destination(path, option, force, lang)
        raise typer.Exit(2) from None
    except OSError as exc:
        fail(f"avviamento: {option}: {path}: {exc.strerror or exc}")
