"""The review's formats; each is `render(istruttoria, lang, …) -> str` and never prints."""

from __future__ import annotations

from enum import StrEnum


class FormatoIstruttoria(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    html = "html"
