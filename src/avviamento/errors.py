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


# Control characters and line breaks a value may carry into a message, written as escapes: an error is one line.
_ESCAPES = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {
    0x09: "\\t",
    0x0A: "\\n",
    0x0D: "\\r",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def breve(text: str, limit: int = 60) -> str:
    """A value echoed in an error stays short: the line must fit a terminal, not repeat a 2 MB name."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def una_riga(text: str) -> str:
    """The text on one line, whatever the user's values held."""
    return text.translate(_ESCAPES)


class InputError(Exception):
    """An input (profile, rule pack, template, option) that cannot be used: exit code 2."""

    def __init__(self, file: str, line: int, column: int, text: Text) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "it") -> str:
        return una_riga(f"{self.file}:{self.line}:{self.column}: {self.text[lang]}")

    def con_altri(self, altri: list[InputError]) -> InputError:
        """This error, carrying the other errors found in the same input (for a report of them all)."""
        self.altri = tuple(altri)
        return self

    def righe(self, lang: Lang = "it", massimo: int = 50) -> list[str]:
        """This error and the others of the same input, one line each in file order, at most `massimo`."""
        visti: dict[tuple[int, int], InputError] = {}
        for e in [self, *getattr(self, "altri", ())]:
            visti.setdefault(
                (e.line, e.column), e
            )  # one line per place: a union of types errs once per branch
        tutti = [visti[k] for k in sorted(visti)]
        righe = [e.render(lang) for e in tutti[:massimo]]
        if len(tutti) > massimo:
            resto = len(tutti) - massimo
            righe.append(
                f"{self.file}: … e altri {resto} errori"
                if lang == "it"
                else f"{self.file}: … and {resto} more errors"
            )
        return righe
