"""The help of every command, drawn here: wholly Italian by default, wholly English with --lang en.

typer's help has its own English words ("Usage", "Show this message and exit", "[default: …]") and type
placeholders (`<str>`, `<list[Path]>`); it is drawn instead from the command objects, with the English of each
Italian text taken from cli/aiuto_en.py. Plain text, no rich: the help is also what start-up time is measured on.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

# typer's own options, whose help is English in typer
_AIUTO_PROPRIO = {
    "help": "Mostra questo aiuto ed esce.",
    "install_completion": "Installa il completamento dei comandi per la shell in uso.",
    "show_completion": "Mostra lo script di completamento per la shell in uso, da copiare o adattare.",
}
_PAROLE: dict[str, tuple[str, str]] = {
    "uso": ("Uso", "Usage"),
    "argomenti": ("Argomenti", "Arguments"),
    "opzioni": ("Opzioni", "Options"),
    "comandi": ("Comandi", "Commands"),
    "predefinito": ("predefinito", "default"),
    "obbligatorio": ("obbligatorio", "required"),
    "da": ("da", "from"),
    "a": ("a", "to"),
    "OPZIONI": ("[OPZIONI]", "[OPTIONS]"),
    "COMANDO": ("COMANDO [ARGOMENTI]...", "COMMAND [ARGS]..."),
}


def parola(chiave: str, lang: str) -> str:
    return _PAROLE[chiave][lang == "en"]


def traduci(testo: str, lang: str) -> str:
    """The English of an Italian help text (the Italian itself while it has none: see tests/test_aiuto.py)."""
    if lang != "en":
        return testo
    from avviamento.cli.aiuto_en import EN

    return EN.get(testo, testo)


def paragrafi(testo: str | None) -> list[str]:
    """A docstring's paragraphs, each on one line (the keys of the English table)."""
    testo = inspect.cleandoc(testo or "").partition("\f")[0]
    return [" ".join(p.split()) for p in testo.split("\n\n") if p.strip()]


def aiuto_parametro(param: Any) -> str:
    """The Italian help of an option or argument."""
    return str(_AIUTO_PROPRIO.get(param.name) or param.help or "")


def metavar(param: Any, lang: str = "it") -> str:
    """The placeholder of an option's value or of an argument: FILE, CARTELLA, DATA, N, TESTO, [a|b]."""
    descrittore = getattr(param, "type_descriptor", None)
    scelte = getattr(descrittore, "choices", None)
    if scelte and not param.metavar:
        return "[" + "|".join(str(getattr(s, "value", s)) for s in scelte) + "]"
    return traduci(segnaposto(param), lang) + ("..." if param.nargs == -1 else "")


def segnaposto(param: Any) -> str:
    """The Italian word of the placeholder (a key of the English table)."""
    descrittore = getattr(param, "type_descriptor", None)
    if param.metavar:
        return str(param.metavar)
    if param.param_type_name == "argument":
        nome = str(param.name).upper()
    elif getattr(descrittore, "is_path", False) or _percorsi(descrittore):
        info = getattr(descrittore, "parameter_info", None)
        nome = "CARTELLA" if getattr(info, "file_okay", True) is False else "FILE"
    elif getattr(descrittore, "annotation", None) in (int, float):
        nome = "N"
    else:
        nome = "TESTO"
    return nome


def _percorsi(descrittore: Any) -> bool:
    from pathlib import Path

    return getattr(descrittore, "annotation", None) == list[Path]


def _extra(param: Any, lang: str) -> str:
    voci = []
    predefinito = param.default
    if (
        param.show_default
        and not getattr(param, "is_flag", False)
        and predefinito not in (None, False, (), [])
        and not callable(predefinito)
    ):
        valore = getattr(predefinito, "value", predefinito)
        voci.append(f"{parola('predefinito', lang)}: {valore}")
    minimo, massimo = getattr(param, "min", None), getattr(param, "max", None)
    if minimo is not None and massimo is not None:
        voci.append(f"{parola('da', lang)} {minimo} {parola('a', lang)} {massimo}")
    if param.required:
        voci.append(parola("obbligatorio", lang))
    return f"  [{'; '.join(voci)}]" if voci else ""


def _riga(param: Any, lang: str) -> tuple[str, str]:
    testo = traduci(aiuto_parametro(param), lang) + _extra(param, lang)
    if param.param_type_name == "argument":
        return metavar(param, lang), testo.strip()
    nomi = ", ".join(sorted([*param.opts, *param.secondary_opts], key=lambda o: (o.startswith("--"), o)))
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        nomi += " " + metavar(param, lang)
    return nomi, testo.strip()


def _usage(param: Any, lang: str) -> str:
    nome = metavar(param, lang)
    return nome if param.required else f"[{nome}]"


def lingua(ctx: Any) -> str:
    """The language asked for anywhere on the command line (help is drawn before --lang is parsed)."""
    return str(getattr(ctx.find_root().command, "lingua", "") or _lingua_predefinita())


def _lingua_predefinita() -> str:
    from avviamento.cli.common import default_lang

    return default_lang().value


def disegna(command: Any, ctx: Any) -> str:
    """The whole help of `command`: usage line, description, arguments, options, subcommands."""
    lang = lingua(ctx)
    params = command.get_params(ctx)
    argomenti = [p for p in params if p.param_type_name == "argument" and not getattr(p, "hidden", False)]
    opzioni = [p for p in params if p.param_type_name == "option" and not getattr(p, "hidden", False)]
    gruppo = isinstance(command, TyperGroup)

    formatter = ctx.make_formatter()
    pezzi = [parola("OPZIONI", lang), *(_usage(p, lang) for p in argomenti)]
    if gruppo:
        pezzi.append(parola("COMANDO", lang))
    formatter.write_usage(ctx.command_path, " ".join(pezzi), prefix=f"{parola('uso', lang)}: ")
    testo = [traduci(p, lang) for p in paragrafi(command.help)]
    if testo:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text("\n\n".join(testo))
    for titolo, righe in (
        ("argomenti", [_riga(p, lang) for p in argomenti]),
        ("opzioni", [_riga(p, lang) for p in opzioni]),
        ("comandi", _comandi(command, ctx, lang) if gruppo else []),
    ):
        if righe:
            with formatter.section(parola(titolo, lang)):
                formatter.write_dl(righe)
    return str(formatter.getvalue()).rstrip("\n")


def _comandi(group: Any, ctx: Any, lang: str) -> list[tuple[str, str]]:
    righe = []
    # a lazy group's table of first lines (cli/pigri.py on main) lists its commands without importing them
    tabella = getattr(group, "comandi", None) or {}
    for nome in group.list_commands(ctx):
        if nome in tabella:
            primo = [tabella[nome][-1]]
        else:
            sub = group.get_command(ctx, nome)
            if sub is None or sub.hidden:
                continue
            primo = paragrafi(sub.short_help or sub.help)
        righe.append((nome, traduci(primo[0], lang) if primo else ""))
    return righe


def con_aiuto(command: Any) -> Any:
    """The command with the help drawn here; a subgroup gives it to its own commands as they are looked up."""
    if command is None or getattr(command, "_aiuto", False):
        return command
    command._aiuto = True
    command.get_help = lambda ctx: disegna(command, ctx)
    if hasattr(command, "get_command") and not isinstance(command, ConAiuto):  # a subgroup (rules, storico)
        cerca = command.get_command
        command.get_command = lambda ctx, nome: con_aiuto(cerca(ctx, nome))
    return command


class ConAiuto(TyperGroup):
    """The root group: remembers the language of the command line and gives every command the help drawn here.

    Only what the root looks up is touched, so a lazy root (`class _Radice(ConAiuto, GruppoPigro)`) stays lazy.
    """

    lingua: str = ""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        if parent is None:
            from avviamento.cli import common
            from avviamento.cli.usage import requested_lang

            common.lingua_comune = None  # until the root callback reads this run's --lang
            self.lingua = requested_lang(args)
            con_aiuto(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return con_aiuto(super().get_command(ctx, cmd_name))


def da_tradurre(command: Any, ctx: Any) -> Sequence[str]:
    """Every Italian text the help of `command` and its subcommands shows (for the English table's test)."""
    testi = [*paragrafi(command.help), *(paragrafi(command.short_help))]
    for param in command.get_params(ctx):
        if not getattr(param, "hidden", False):
            testi.append(aiuto_parametro(param))
            mostrato = param.param_type_name == "argument" or not getattr(param, "is_flag", False)
            if mostrato and not metavar(param).startswith("["):
                testi.append(segnaposto(param))
    for nome, sub in getattr(command, "commands", {}).items():
        testi += da_tradurre(sub, typer.Context(sub, parent=ctx, info_name=nome))
    return [t for t in dict.fromkeys(testi) if t]
