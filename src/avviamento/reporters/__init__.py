"""Reporters turn an Esito into text; they never print. One module per format, chosen by name here."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from avviamento.esito import Esito
from avviamento.i18n import Lang


class Formato(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"


def renderer(formato: Formato) -> Callable[[Esito, Lang], str]:
    if formato is Formato.json:
        from avviamento.reporters import json as module
    elif formato is Formato.markdown:
        from avviamento.reporters import markdown as module  # type: ignore[no-redef]
    elif formato is Formato.html:
        from avviamento.reporters import html as module  # type: ignore[no-redef]
    elif formato is Formato.sarif:
        from avviamento.reporters import sarif as module  # type: ignore[no-redef]
    else:
        from avviamento.reporters import text as module  # type: ignore[no-redef]
    return module.render
