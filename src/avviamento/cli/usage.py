"""Usage errors (an unknown command or option, a bad option value) as one line, like every other input error."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import typer

from avviamento.i18n import plurale

# typer raises click's UsageError (vendored or not, depending on the version): find it without a private import.
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")

_ITALIANO: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"^No such command '([^']*)'\. Did you mean '([^']*)'.*$"),
        r"comando sconosciuto '\1' (forse intendevi '\2'?)",
    ),
    (re.compile(r"^No such command '([^']*)'\.$"), r"comando sconosciuto '\1'"),
    (re.compile(r"^Missing command\.$"), r"manca il comando (vedere avviamento -h)"),
    (
        re.compile(r"^No such option: (\S+)\s+Did you mean (\S+)\?$"),
        r"opzione sconosciuta \1 (forse intendevi \2?)",
    ),
    (
        re.compile(r"^No such option: (\S+) \(Possible options: (.*)\)$"),
        r"opzione sconosciuta \1 (forse: \2)",
    ),
    (re.compile(r"^No such option: (\S+)$"), r"opzione sconosciuta \1"),
    (re.compile(r"^Missing argument '([^']*)'\.?$"), r"manca l'argomento \1"),
    (re.compile(r"^Missing option '([^']*)'\.?$"), r"manca l'opzione obbligatoria \1"),
    (re.compile(r"^Option '([^']*)' requires an argument\.$"), r"l'opzione \1 richiede un valore"),
    (re.compile(r"^Option '([^']*)' does not take a value\.$"), r"l'opzione \1 non accetta un valore"),
    (
        re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$"),
        lambda m: (
            plurale(len(m[1].split()), "argomento in più non previsto: ", "argomenti in più non previsti: ")
            + m[1]
        ),
    ),
    (
        re.compile(r"^Invalid value for '([^']*)': (?:Value error, )?'([^']*)' is not one of (.*)\.$"),
        r"valore non valido per '\1': '\2' (ammessi: \3)",
    ),
    (re.compile(r"^Invalid value for '([^']*)': (.*)$"), r"valore non valido per '\1': \2"),
]

_EXTRA = re.compile(r"(?<=^Got unexpected extra )argument\(s\) \((.*)\)$")

# typer validates option values with pydantic: its English reasons, in Italian
_MOTIVI: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Input should be a valid integer.*$"), "deve essere un numero intero"),
    (re.compile(r"Input should be a valid number.*$"), "deve essere un numero"),
    (re.compile(r"Input should be less than or equal to (\S+)$"), r"deve essere al massimo \1"),
    (re.compile(r"Input should be greater than or equal to (\S+)$"), r"deve essere almeno \1"),
    (re.compile(r"Input should be a valid boolean.*$"), "deve essere true o false"),
]


def one_line(exc: Exception, lang: str) -> str:
    message = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    param = getattr(exc, "param", None)
    if type(exc).__name__ == "MissingParameter" and getattr(param, "param_type_name", "") == "argument":
        from avviamento.cli.aiuto import metavar

        # the argument as the help names it (PROFILO, PERCORSO...), not its Python name
        message = f"Missing argument '{metavar(param, lang)}'."
    message = message.replace("Value error, ", "")
    if lang == "en":  # typer's "argument(s)": the number agrees
        message = _EXTRA.sub(
            lambda m: plurale(len(m[1].split()), "argument", "arguments") + f" ({m[1]})", message
        )
    else:
        for pattern, replacement in _ITALIANO:
            if pattern.match(message):
                message = pattern.sub(replacement, message)
                break
        for pattern, replacement in _MOTIVI:
            message = pattern.sub(replacement, message)
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "avviamento"
    return f"{where}: {message}"


def requested_lang(argv: list[str]) -> str:
    from avviamento.cli.common import default_lang

    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return default_lang().value


def run(app: typer.Typer) -> None:
    try:
        code = app(standalone_mode=False, prog_name="avviamento")
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `avviamento`, `avviamento rules`: the help, as it is
            typer.echo(str(exc), err=True)
        else:
            typer.echo(one_line(exc, requested_lang(sys.argv[1:])), err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    raise SystemExit(code if isinstance(code, int) else 0)
