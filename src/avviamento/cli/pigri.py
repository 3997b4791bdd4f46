"""Commands loaded when they are used: `avviamento check` imports the check, not the web server or docxtpl's users.

Converting a command's signature into click options costs as much as importing its module, so neither happens
before the command runs (or a help page needs it); the list of commands in `avviamento --help` is drawn from the
table of first lines, importing nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, ClassVar

import typer
from typer.core import TyperGroup

Comandi = Mapping[str, tuple[str, str, str]]  # name: (module, attribute, first paragraph of its help)


class _Caricati(MutableMapping[str, Any]):
    """The group's commands by name: each converted to click the first time it is looked up."""

    def __init__(self, comandi: Comandi, markup: Any) -> None:
        self._comandi = comandi
        self._markup = markup
        self._caricati: dict[str, Any] = {}

    def __getitem__(self, nome: str) -> Any:
        if nome not in self._caricati:
            if nome not in self._comandi:
                raise KeyError(nome)
            self._caricati[nome] = _converti(nome, *self._comandi[nome][:2], self._markup)
        return self._caricati[nome]

    def __setitem__(self, nome: str, comando: Any) -> None:
        self._caricati[nome] = comando

    def __delitem__(self, nome: str) -> None:
        raise TypeError("the commands of avviamento are fixed")

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._comandi), **dict.fromkeys(self._caricati)})

    def __len__(self) -> int:
        return len(set(self._comandi) | set(self._caricati))


def _converti(nome: str, modulo: str, attributo: str, markup: Any) -> Any:
    """The click command typer makes of a function or a sub-app, as it would have registered it on the root."""
    oggetto = getattr(importlib.import_module(modulo), attributo)
    radice = typer.Typer(rich_markup_mode=markup, pretty_exceptions_enable=False)
    if isinstance(oggetto, typer.Typer):
        radice.add_typer(oggetto, name=nome)
    else:
        radice.command(nome)(oggetto)
    return typer.main.get_group(radice).commands[nome]


class GruppoPigro(TyperGroup):
    """The root group; a subclass sets `comandi`."""

    comandi: ClassVar[Comandi] = {}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _Caricati(self.comandi, self.rich_markup_mode)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The plain list of commands, from the table's first lines (the same text, nothing imported)."""
        caricati = self.commands
        self.commands = {
            nome: typer.core.TyperCommand(nome, help=testo) for nome, (_, _, testo) in self.comandi.items()
        }
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.commands = caricati
