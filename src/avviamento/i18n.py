"""Messages in Italian (default) and English, and dates written the Italian way."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Lang = Literal["it", "en"]
LANGS: tuple[Lang, ...] = ("it", "en")

MESI = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def data_estesa(giorno: dt.date | None, lang: Lang = "it") -> str:
    """`30 giugno 2024` (or `30 June 2024`); Babel's CLDR data agree, without its import cost at start-up."""
    if giorno is None:
        return "—"
    mesi = MESI if lang == "it" else MONTHS
    primo = "1º" if lang == "it" and giorno.day == 1 else str(giorno.day)
    return f"{primo} {mesi[giorno.month - 1]} {giorno.year}"


_ELISE = {"il": "l'", "al": "all'", "dal": "dall'"}


def data_con_articolo(preposizione: Literal["il", "al", "dal"], giorno: dt.date) -> str:
    """`il 30 giugno 2024`, `all'8 maggio 2024`, `dall'11 maggio 2024`: elided before «otto» and «undici»."""
    return (_ELISE[preposizione] if giorno.day in (8, 11) else preposizione + " ") + data_estesa(giorno)


def plurale(n: float, singolare: str, plurale: str) -> str:
    """The form that agrees with the number: «ne risulta 1», «ne risultano 2» (and «there is 1»)."""
    return singolare if n == 1 else plurale


def contati(n: int, singolare: str, plurale_: str) -> str:
    """The number with its noun in agreement: «1 Comune», «3 Comuni», «1 day»."""
    return f"{n} {singolare if n == 1 else plurale_}"


# A rule message's template is written for the plural («{giorni_oltre} giorni»): after «1» the noun agrees.
_UNO_PLURALE = re.compile(r"(?<![\d.,])1 (giorni|mesi|anni|abitanti|days|months|years|inhabitants)\b")
_SINGOLARI = {
    "giorni": "giorno",
    "mesi": "mese",
    "anni": "anno",
    "abitanti": "abitante",
    "days": "day",
    "months": "month",
    "years": "year",
    "inhabitants": "inhabitant",
}


def accorda(testo: str) -> str:
    """«1 giorni oltre il termine» → «1 giorno oltre il termine» (and «1 days» → «1 day»)."""
    return _UNO_PLURALE.sub(lambda m: "1 " + _SINGOLARI[m[1]], testo)


# A finding's state alone (the reporters add the deadline and the days where they have no column for them)
STATI: dict[str, dict[str, str]] = {
    "violata": {"it": "violata", "en": "violated"},
    "in_scadenza": {"it": "in scadenza", "en": "due soon"},
    "scaduta": {"it": "scaduta", "en": "overdue"},
    "soddisfatta": {"it": "soddisfatta", "en": "met"},
    "non_applicabile": {"it": "non applicabile", "en": "not applicable"},
}


def elenco(voci: list[str], lang: Lang = "it") -> str:
    """`Goro`, `Goro e Mesola`, `Codigoro, Goro e Mesola` (`and` in English)."""
    if len(voci) < 2:
        return "".join(voci) or "—"
    return ", ".join(voci[:-1]) + (" e " if lang == "it" else " and ") + voci[-1]


def numero(valore: float, lang: Lang = "it") -> str:
    """A number as written in the language: `16`, `16,5` in Italian, `16.5` in English."""
    # 15 significant digits: every digit a user wrote (104000.5), none of float's noise (0.1 + 0.2)
    testo = str(int(valore)) if float(valore).is_integer() else f"{valore:.15g}"
    return testo.replace(".", ",") if lang == "it" else testo


MESSAGES: dict[str, dict[str, str]] = {
    # input errors
    "file_missing": {"it": "file non trovato", "en": "file not found"},
    "file_unreadable": {"it": "file non leggibile: {detail}", "en": "cannot read file: {detail}"},
    "file_is_dir": {"it": "è una cartella, non un file", "en": "is a directory, not a file"},
    "empty_file": {"it": "il file è vuoto", "en": "the file is empty"},
    "not_utf8": {
        "it": "il file non è in codifica UTF-8 (byte 0x{byte:02x} non valido)",
        "en": "the file is not UTF-8 encoded (invalid byte 0x{byte:02x})",
    },
    "yaml_syntax": {"it": "YAML non valido: {detail}", "en": "invalid YAML: {detail}"},
    "control_character": {
        "it": "YAML non valido: carattere di controllo non ammesso (codice 0x{code:02x}): eliminarlo",
        "en": "invalid YAML: control character not allowed (code 0x{code:02x}): delete it",
    },
    "duplicate_key": {
        "it": "chiave duplicata '{key}' (già definita alla riga {first_line})",
        "en": "duplicate key '{key}' (already defined at line {first_line})",
    },
    "tag_forbidden": {
        "it": "etichetta YAML non consentita '{tag}'",
        "en": "YAML tag not allowed '{tag}'",
    },
    "alias_bomb": {
        "it": "troppi alias YAML espansi: oltre {limit} chiavi e valori una volta espansi (limite di avviamento)",
        "en": "too many YAML aliases expanded: over {limit} keys and values once expanded (avviamento's limit)",
    },
    "too_many_nodes": {
        "it": "file troppo grande: oltre {limit} chiavi e valori YAML (limite di avviamento)",
        "en": "file too large: over {limit} YAML keys and values (avviamento's limit)",
    },
    "alias_too_big": {
        "it": "alias YAML espansi oltre {limit} MiB di testo, il limite di dimensione di un file: file rifiutato",
        "en": "YAML aliases expand beyond {limit} MiB of text, the size limit of a file: file refused",
    },
    "too_deep": {
        "it": "annidamento troppo profondo: oltre {limit} livelli di mappe ed elenchi (limite di avviamento)",
        "en": "nesting too deep: over {limit} levels of mappings and lists (avviamento's limit)",
    },
    "recursive_alias": {
        "it": "alias YAML ricorsivo: l'elenco o la mappa contiene sé stesso tramite il proprio alias",
        "en": "recursive YAML alias: the list or mapping contains itself through its own alias",
    },
    "file_too_big": {
        "it": "file troppo grande: oltre {limit} MiB (limite di avviamento)",
        "en": "file too large: over {limit} MiB (avviamento's limit)",
    },
    "not_regular_file": {
        "it": "non è un file regolare ma {kind}: rifiutato",
        "en": "not a regular file but {kind}: refused",
    },
    "bad_tagged_value": {
        "it": "valore non leggibile come {tag}: '{value}'",
        "en": "value cannot be read as {tag}: '{value}'",
    },
    "not_mapping": {
        "it": "il documento deve essere una mappa di chiavi e valori",
        "en": "the document must be a mapping of keys to values",
    },
    "key_not_string": {"it": "le chiavi devono essere testo", "en": "keys must be text"},
    "multiple_documents": {
        "it": "il file contiene più di un documento YAML",
        "en": "the file holds more than one YAML document",
    },
    "unknown_key": {"it": "chiave sconosciuta '{key}'{hint}", "en": "unknown key '{key}'{hint}"},
    "did_you_mean": {"it": " (forse intendevi '{guess}'?)", "en": " (did you mean '{guess}'?)"},
    "unknown_function": {
        "it": "funzione sconosciuta '{code}'{hint}",
        "en": "unknown function '{code}'{hint}",
    },
    "invalid_value": {"it": "'{field}': {detail}", "en": "'{field}': {detail}"},
    "bad_date": {
        "it": "data non valida '{value}' (usare AAAA-MM-GG, ad es. 2024-06-30)",
        "en": "invalid date '{value}' (use YYYY-MM-DD, e.g. 2024-06-30)",
    },
    "date_nonexistent": {
        "it": "data inesistente '{value}' ({reason})",
        "en": "no such date '{value}' ({reason})",
    },
    "option_date_nonexistent": {
        "it": "data inesistente per {option}: '{value}' ({reason})",
        "en": "no such date for {option}: '{value}' ({reason})",
    },
    "value_refused": {"it": "valore non ammesso", "en": "value not allowed"},
    "date_out_of_range": {
        "it": "data fuori dall'intervallo ammesso '{value}' (anni dal {min} al {max})",
        "en": "date out of the accepted range '{value}' (years {min} to {max})",
    },
    "bad_option_date": {
        "it": "data non valida per {option}: '{value}' (usare AAAA-MM-GG)",
        "en": "invalid date for {option}: '{value}' (use YYYY-MM-DD)",
    },
    "option_date_out_of_range": {
        "it": "data fuori dall'intervallo ammesso per {option}: '{value}' (anni dal {min} al {max})",
        "en": "date out of the accepted range for {option}: '{value}' (years {min} to {max})",
    },
    "unknown_rule": {"it": "regola sconosciuta '{code}'{hint}", "en": "unknown rule '{code}'{hint}"},
    "unioni_diverse": {
        "it": "i due profili sono di Unioni diverse ({prima} e {dopo}): il confronto vale per una sola Unione",
        "en": "the two profiles are of different Unions ({prima} and {dopo}): a comparison needs one Union",
    },
    "opzioni_lr21": {
        "it": "{opzione} riguarda le delibere dei Comuni del pacchetto LR 21/2012, non il piano di un processo "
        "partecipativo (pacchetto {pacchetto}): togliere l'opzione",
        "en": "{opzione} concerns the Comuni's deliberations of the LR 21/2012 pack, not the plan of a "
        "participatory process (pack {pacchetto}): remove the option",
    },
    "quiet_format": {
        "it": "--quiet vale solo per il rapporto testuale (senza --format)",
        "en": "--quiet applies to the text report only (no --format)",
    },
    "unknown_check_kind": {
        "it": "tipo di verifica sconosciuto '{kind}'{hint}",
        "en": "unknown check kind '{kind}'{hint}",
    },
    "bad_rule_params": {
        "it": "parametri non validi per la regola {code} ({kind}): {detail}",
        "en": "invalid parameters for rule {code} ({kind}): {detail}",
    },
    "unknown_reference": {
        "it": "riferimento sconosciuto '{name}' nella regola {code}",
        "en": "unknown reference '{name}' in rule {code}",
    },
    "message_braces": {
        "it": "graffa non bilanciata nel messaggio della regola {code} (scrivere {{{{ e }}}} per una graffa)",
        "en": "unbalanced brace in the message of rule {code} (write {{{{ and }}}} for a literal brace)",
    },
    "message_format_spec": {
        "it": "segnaposto non ammesso '{field}' nel messaggio della regola {code}: solo {{nome}}, senza formato",
        "en": "placeholder not allowed '{field}' in the message of rule {code}: only {{name}}, no format",
    },
    "message_too_long": {
        "it": "messaggio della regola {code} troppo lungo (oltre {limit} caratteri)",
        "en": "message of rule {code} too long (over {limit} characters)",
    },
    "message_too_many_placeholders": {
        "it": "troppi segnaposto nel messaggio della regola {code} (oltre {limit})",
        "en": "too many placeholders in the message of rule {code} (over {limit})",
    },
    "bad_param_value": {
        "it": "valore non valido {value} per '{name}': serve {expected}",
        "en": "invalid value {value} for '{name}': expected {expected}",
    },
    "bad_placeholder": {
        "it": "segnaposto sconosciuto '{{{name}}}' nel messaggio della regola {code}",
        "en": "unknown placeholder '{{{name}}}' in the message of rule {code}",
    },
}

# Pydantic error types, in the words a Union official understands.
PYDANTIC_MESSAGES: dict[str, dict[str, str]] = {
    "missing": {"it": "campo obbligatorio mancante", "en": "required field missing"},
    "string_type": {"it": "deve essere un testo", "en": "must be text"},
    "int_type": {"it": "deve essere un numero intero", "en": "must be a whole number"},
    "int_parsing": {"it": "deve essere un numero intero", "en": "must be a whole number"},
    "int_from_float": {"it": "deve essere un numero intero", "en": "must be a whole number"},
    "float_type": {"it": "deve essere un numero", "en": "must be a number"},
    "float_parsing": {"it": "deve essere un numero", "en": "must be a number"},
    "bool_type": {"it": "deve essere true o false", "en": "must be true or false"},
    "bool_parsing": {"it": "deve essere true o false", "en": "must be true or false"},
    "list_type": {"it": "deve essere un elenco", "en": "must be a list"},
    "dict_type": {"it": "deve essere una mappa di chiavi e valori", "en": "must be a mapping"},
    "model_type": {"it": "deve essere una mappa di chiavi e valori", "en": "must be a mapping"},
    "model_attributes_type": {"it": "deve essere una mappa di chiavi e valori", "en": "must be a mapping"},
    "date_type": {"it": "deve essere una data AAAA-MM-GG", "en": "must be a date YYYY-MM-DD"},
    "date_parsing": {"it": "data non valida (usare AAAA-MM-GG)", "en": "invalid date (use YYYY-MM-DD)"},
    "date_from_datetime_parsing": {
        "it": "data non valida (usare AAAA-MM-GG)",
        "en": "invalid date (use YYYY-MM-DD)",
    },
    "date_from_datetime_inexact": {
        "it": "data non valida (usare AAAA-MM-GG, senza ora)",
        "en": "invalid date (use YYYY-MM-DD, without time)",
    },
    "datetime_type": {
        "it": "deve essere una data e ora AAAA-MM-GGTHH:MM",
        "en": "must be a date and time YYYY-MM-DDTHH:MM",
    },
    "datetime_parsing": {
        "it": "data e ora non valida (usare AAAA-MM-GGTHH:MM)",
        "en": "invalid date and time (use YYYY-MM-DDTHH:MM)",
    },
    "datetime_from_date_parsing": {
        "it": "data e ora non valida (usare AAAA-MM-GGTHH:MM)",
        "en": "invalid date and time (use YYYY-MM-DDTHH:MM)",
    },
    "greater_than": {"it": "deve essere maggiore di {gt}", "en": "must be greater than {gt}"},
    "greater_than_equal": {"it": "deve essere almeno {ge}", "en": "must be at least {ge}"},
    "less_than_equal": {"it": "deve essere al massimo {le}", "en": "must be at most {le}"},
    "string_too_short": {"it": "testo troppo corto", "en": "text too short"},
    "string_too_long": {
        "it": "testo troppo lungo (al massimo {max_length} caratteri)",
        "en": "text too long (at most {max_length} characters)",
    },
    "too_long": {
        "it": "elenco troppo lungo: {actual_length} elementi, al massimo {max_length} (limite di avviamento)",
        "en": "list too long: {actual_length} items, at most {max_length} (avviamento's limit)",
    },
    "control_char": {
        "it": "contiene un carattere di controllo o un a capo non ammesso ({char})",
        "en": "contains a control character or line break that is not allowed ({char})",
    },
    "string_pattern_mismatch": {"it": "formato non valido", "en": "invalid format"},
    "literal_error": {
        "it": "valore non ammesso; ammessi: {expected}",
        "en": "value not allowed; allowed: {expected}",
    },
    "enum": {"it": "valore non ammesso; ammessi: {expected}", "en": "value not allowed; allowed: {expected}"},
    "too_short": {"it": "elenco troppo corto", "en": "list too short"},
    "extra_forbidden": {"it": "chiave non prevista", "en": "key not expected"},
}


def msg(key: str, lang: Lang = "it", /, **params: object) -> str:
    template = MESSAGES[key][lang]
    return template.format(**params)
