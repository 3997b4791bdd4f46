"""One error type for every unusable input: it prints as `file:line:col: what is wrong`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from avviamento.i18n import LANGS, Lang, contati, msg, plurale

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


def percorso_leggibile(percorso: Iterable[str | int]) -> str:
    """A data path as a person reads it: `funzioni[1].codice`, counting list items from 1."""
    testo = ""
    for parte in percorso:
        testo += f"[{parte + 1}]" if isinstance(parte, int) else (f".{parte}" if testo else str(parte))
    return testo


def valore_letto(valore: object) -> Text:
    """What the file held, as YAML writes it: `'Bologna'`, `-5`, `true`; an empty field says so."""
    if valore is None:
        return {"it": "campo vuoto", "en": "empty field"}
    if isinstance(valore, bool):
        testo = "true" if valore else "false"
    elif isinstance(valore, str):
        testo = "'" + breve(valore) + "'"
    else:
        testo = breve(str(valore))
    return {"it": f"valore: {testo}", "en": f"value: {testo}"}


def motivo(errore: Any) -> Text:
    """A pydantic error's reason in words, as the profile's errors say it (pydantic's own English otherwise)."""
    from avviamento.i18n import PYDANTIC_MESSAGES

    tabella = PYDANTIC_MESSAGES.get(errore["type"])
    out: Text = {}
    for lang in LANGS:
        try:
            out[lang] = tabella[lang].format(**(errore.get("ctx") or {})) if tabella else str(errore["msg"])
        except (KeyError, IndexError):
            out[lang] = tabella[lang] if tabella else str(errore["msg"])
    return out


# Emilia-Romagna's provinces (and the Città metropolitana) as people write them, with the sigla the profile wants
_SIGLE = {
    "bologna": "BO",
    "ferrara": "FE",
    "forlì-cesena": "FC",
    "forli-cesena": "FC",
    "forlì": "FC",
    "forli": "FC",
    "cesena": "FC",
    "modena": "MO",
    "parma": "PR",
    "piacenza": "PC",
    "ravenna": "RA",
    "reggio emilia": "RE",
    "reggio nell'emilia": "RE",
    "rimini": "RN",
}
_ANNI = re.compile(r"^\s*(\d+)\s*(anni|anno|years?|a)\.?\s*$", re.IGNORECASE)
_VIRGOLA = re.compile(r"^\s*-?\d+,\d+\s*$")
_MIGLIAIA = re.compile(r"^\s*\d{1,3}([.,]\d{3})+\s*$")


def giorno_inesistente(testo: str) -> Text:
    """Why `2024-02-30` (or `30/02/2024`, `2024-13-01`) is no date: the month's length, or no such month."""
    import calendar

    from avviamento.i18n import MESI, MONTHS

    numeri = [int(n) for n in re.findall(r"\d+", testo)]
    anno, mese = (numeri[0], numeri[1]) if len(str(numeri[0])) == 4 else (numeri[2], numeri[1])
    if not 1 <= mese <= 12:
        return {"it": "i mesi vanno da 01 a 12", "en": "months go from 01 to 12"}
    giorni = calendar.monthrange(anno, mese)[1]
    return {
        "it": f"{MESI[mese - 1]} {anno} ha {giorni} giorni",
        "en": f"{MONTHS[mese - 1]} {anno} has {giorni} days",
    }


def data_opzione_errata(tipo: str, contesto: dict[str, object] | None, value: str, option: str) -> Text:
    """Why an option's date (`--as-of`, the web's `as_of`) is refused, from the parser's error type."""
    if tipo == "date_nonexistent":
        return both("option_date_nonexistent", option=option, value=value, reason=giorno_inesistente(value))
    if tipo == "date_out_of_range":
        ctx = contesto or {}
        return both("option_date_out_of_range", option=option, value=value, min=ctx["min"], max=ctx["max"])
    return both("bad_option_date", option=option, value=value)


def suggerimento(nome: str, tipo: str, valore: object) -> Text | None:
    """A hint for a common mistake in field `nome` (pydantic error `tipo`): `Bologna`, `5 anni`, `2,5`."""
    testo = valore.strip() if isinstance(valore, str) else None
    if nome == "provincia" and testo is not None:
        sigla = _SIGLE.get(" ".join(testo.lower().split()).removeprefix("provincia di "))
        if sigla is None and len(testo) == 2 and testo.isalpha():
            sigla = testo.upper()
        if sigla:
            return {"it": f"indicare la sigla: {sigla}", "en": f"give the sigla: {sigla}"}
        return {
            "it": "indicare la sigla in maiuscolo, ad es. BO",
            "en": "give the sigla in capitals, e.g. BO",
        }
    if nome == "durata":
        anni = _ANNI.match(testo) if testo is not None else None
        esempio = anni[1] if anni else "5"
        return {
            "it": f"scrivere il numero di anni, ad es. durata: {esempio}, oppure durata: indeterminata",
            "en": f"write the number of years, e.g. durata: {esempio}, or durata: indeterminata",
        }
    if tipo.startswith("int_"):  # 12.345 or '12,345' inhabitants: a thousands separator
        if isinstance(valore, float) and abs(valore * 1000 - round(valore * 1000)) < 1e-6:
            testo = f"{valore:.3f}"
        if testo is not None and _MIGLIAIA.match(testo):
            cifre = re.sub(r"[.,]", "", testo)
            return {
                "it": f"senza separatore delle migliaia: {cifre}",
                "en": f"without thousands separator: {cifre}",
            }
    elif testo is not None and _VIRGOLA.match(testo):
        punto = testo.replace(",", ".")
        return {"it": f"usare il punto decimale: {punto}", "en": f"use a decimal point: {punto}"}
    return None


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
                f"{self.file}: … e {plurale(resto, 'un altro errore', f'altri {resto} errori')}"
                if lang == "it"
                else f"{self.file}: … and {contati(resto, 'more error', 'more errors')}"
            )
        return righe
