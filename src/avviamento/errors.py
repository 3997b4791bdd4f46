"""One error type for every unusable input: it prints as `file:line:col: what is wrong`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from avviamento.i18n import LANGS, Lang, msg

Text = dict[str, str]  # the same sentence in each language: {"it": …, "en": …}


def both(key: str, /, **params: object) -> Text:
    """A catalogue message in every language; a `hint` param may itself be a Text."""
    out: Text = {}
    for lang in LANGS:
        localized = {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}
        out[lang] = msg(key, lang, **localized)
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> Text:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches:
        return {"it": "", "en": ""}
    return both("did_you_mean", guess=matches[0])


class InputError(Exception):
    """An input (profile, rule pack, template, option) that cannot be used: exit code 2."""

    def __init__(self, file: str, line: int, column: int, text: Text) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "it") -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.text[lang]}"
