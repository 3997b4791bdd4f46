"""The profile's YAML text: a new one from the Italian starter, an uploaded one edited keeping its comments.

ruamel.yaml's round-trip mode keeps comments, quotes, key order and flow style; the safe loader of
`avviamento.yamlio` stays the only judge of what a file means (it reads the written text back in tests).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from avviamento.errors import InputError
from avviamento.profilo import parse_data
from avviamento.web.profilo_form import Elenco, Gruppo, Nodo, modulo
from avviamento.yamlio import parse_yaml

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def profilo_iniziale() -> str:
    """The commented Italian starter a new profile is written into."""
    from importlib.resources import files

    return files("avviamento.web").joinpath("profilo_nuovo.yaml").read_text(encoding="utf-8")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long name onto two lines
    return yaml


def scrivi_yaml(dati: Mapping[str, Any], base: str | None = None, forma: Gruppo | None = None) -> str:
    """`dati` (from the form) written over `base` (the uploaded or starter text), keeping what it can."""
    forma = forma or modulo()
    yaml = _yaml()
    documento = yaml.load(base if base is not None else profilo_iniziale())
    if not isinstance(documento, CommentedMap):
        documento = CommentedMap()
    _unisci_mappa(documento, dati, forma)
    out = io.StringIO()
    yaml.dump(documento, out)
    return out.getvalue()


def _unisci_mappa(vecchia: CommentedMap, nuova: Mapping[str, Any], forma: Gruppo | None) -> None:
    figli: dict[str, Nodo] = {f.chiave: f for f in forma.figli} if forma else {}
    ordine = list(figli)
    for key in list(vecchia):
        if key in nuova:
            continue
        if forma is not None and key in forma.fissi:
            continue  # versione_formato: not in the form, kept as written
        if _vuoto(vecchia[key]):
            continue  # `pec:` left empty with its comment means the same as no key
        if isinstance(vecchia[key], CommentedMap) and isinstance(figli.get(key), Gruppo):
            _unisci_mappa(vecchia[key], {}, _gruppo(figli.get(key)))
            continue
        if isinstance(vecchia[key], CommentedSeq):
            del vecchia[key][:]
            continue
        del vecchia[key]
    for key, value in nuova.items():
        nodo = figli.get(key)
        if key in vecchia:
            vecchia[key] = _unisci(vecchia[key], value, nodo)
        else:
            before = ordine.index(key) if key in ordine else len(ordine)
            pos = sum(1 for k in vecchia if k in ordine and ordine.index(k) < before)
            vecchia.insert(pos, key, _nuovo(value))


def _gruppo(nodo: Nodo | None) -> Gruppo | None:
    if isinstance(nodo, Gruppo):
        return nodo
    if isinstance(nodo, Elenco):
        return nodo.elemento
    return None


def _unisci(vecchio: Any, nuovo: Any, nodo: Nodo | None) -> Any:
    if isinstance(vecchio, CommentedMap) and isinstance(nuovo, Mapping):
        _unisci_mappa(vecchio, nuovo, _gruppo(nodo))
        return vecchio
    if isinstance(vecchio, CommentedSeq) and isinstance(nuovo, list):
        del vecchio[len(nuovo) :]
        for i, item in enumerate(nuovo):
            if i < len(vecchio):
                vecchio[i] = _unisci(vecchio[i], item, nodo)
            else:
                vecchio.append(_nuovo(item))
        return vecchio
    if _uguale(vecchio, nuovo):
        return vecchio  # the value as written: quotes, `15/05/2024`, `2.50`
    return _nuovo(nuovo)


def _vuoto(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, Mapping):
        return all(_vuoto(v) for v in value.values())
    return False


def _uguale(vecchio: Any, nuovo: Any) -> bool:
    if isinstance(vecchio, bool) or isinstance(nuovo, bool):
        return vecchio is nuovo
    if vecchio is None or nuovo is None:
        return vecchio is nuovo
    if isinstance(vecchio, dt.date) or isinstance(nuovo, dt.date):
        return _data(vecchio) is not None and _data(vecchio) == _data(nuovo)
    if vecchio == nuovo or str(vecchio) == str(nuovo):
        return True
    return _data(vecchio) is not None and _data(vecchio) == _data(nuovo)


def _data(value: Any) -> dt.date | None:
    try:
        return parse_data(value)
    except Exception:  # PydanticCustomError: not a date
        return None


def _nuovo(value: Any) -> Any:
    """A value to insert: ISO dates unquoted (the loader reads them as the text they are)."""
    if isinstance(value, Mapping):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _nuovo(v)
        return out
    if isinstance(value, list):
        return CommentedSeq([_nuovo(v) for v in value])
    if isinstance(value, str) and _ISO.match(value) and (giorno := _data(value)) is not None:
        return giorno
    if isinstance(value, str) and not _letto_come_testo(value):
        return DoubleQuotedScalarString(value)
    return value


def _letto_come_testo(value: str) -> bool:
    """Whether `value`, written plain, reads back as this text. ruamel writes YAML 1.2, where `yes`, `No` and
    `off` are text; the loader (like most YAML tools) reads them as booleans: those get quotes. Tried in a flow
    mapping too, where ruamel may write it (`{atto: ?0}`) and libyaml reads less than in a block."""
    try:
        letto = parse_yaml(f"v: {value}\nw: {{k: {value}}}\n", "valore").data
        return bool(letto == {"v": value, "w": {"k": value}})
    except InputError:
        return False
