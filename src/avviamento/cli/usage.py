"""Usage errors (an unknown command or option, a bad option value) as one line, like every other input error."""

from __future__ import annotations

import re
import sys

import typer

# typer raises click's UsageError (vendored or not, depending on the version): find it without a private import.
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")

_ITALIANO: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^No such command '([^']*)'\. Did you mean '([^']*)'.*$"),
        r"comando sconosciuto '\1' (forse intendevi '\2'?)",
    ),
    (re.compile(r"^No such command '([^']*)'\.$"), r"comando sconosciuto '\1'"),
    (
        re.compile(r"^No such option: (\S+)\s+Did you mean (\S+)\?$"),
        r"opzione sconosciuta \1 (forse intendevi \2?)",
    ),
    (
        re.compile(r"^No such option: (\S+) \(Possible options: (.*)\)$"),
        r"opzione sconosciuta \1 (forse: \2)",
    ),
    (re.compile(r"^No such option: (\S+)$"), r"opzione sconosciuta \1"),
    (re.compile(r"^Missing argument '([^']*)'\.?$"), r"argomento mancante '\1'"),
    (re.compile(r"^Missing option '([^']*)'\.?$"), r"opzione obbligatoria mancante '\1'"),
    (re.compile(r"^Option '([^']*)' requires an argument\.$"), r"l'opzione '\1' richiede un valore"),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), r"argomenti in più non previsti: \1"),
    (
        re.compile(r"^Invalid value for '([^']*)': (?:Value error, )?'([^']*)' is not one of (.*)\.$"),
        r"valore non valido per '\1': '\2' (ammessi: \3)",
    ),
    (re.compile(r"^Invalid value for '([^']*)': (.*)$"), r"valore non valido per '\1': \2"),
]


def one_line(exc: Exception, lang: str) -> str:
    message = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    if lang != "en":
        for pattern, replacement in _ITALIANO:
            if pattern.match(message):
                message = pattern.sub(replacement, message)
                break
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
        if str(exc):  # `avviamento` alone has already printed the help
            typer.echo(one_line(exc, requested_lang(sys.argv[1:])), err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    raise SystemExit(code if isinstance(code, int) else 0)
