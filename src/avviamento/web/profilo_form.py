"""The profile as a web form: sections generated from the JSON Schema, flat field names, every error at once.

Field names are the data path in brackets (`comuni[2][nome]`, `funzioni[0][conferimenti][1][delibera][data]`),
so a submitted form parses back into the profile's nested data without a per-field table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from pydantic import ValidationError

from avviamento.comuni import ComuneRiferimento, anagrafe, normalizza
from avviamento.errors import InputError, both, did_you_mean
from avviamento.profilo import Profilo, validation_errors
from avviamento.yamlio import Document

Percorso = tuple[str | int, ...]
Tipo = Literal["testo", "data", "intero", "numero", "booleano", "scelta"]


@dataclass(frozen=True)
class Campo:
    """One input: a scalar property of the schema."""

    chiave: str
    titolo: str
    descrizione: str
    tipo: Tipo
    obbligatorio: bool = False
    opzioni: tuple[tuple[str, str], ...] = ()  # (value, label) of a closed set
    suggerimenti: tuple[str, ...] = ()  # examples and constants, offered but not imposed
    tipi: frozenset[str] = frozenset({"string"})  # the JSON types the schema allows
    modello: tuple[str, ...] = ()  # patterns of the text alternative (an ISTAT code is text, never a number)
    costanti: tuple[str, ...] = ()  # constant alternatives beside a number (`indeterminata`)
    predefinito: str | None = None  # what an empty field means (the model's default)


@dataclass(frozen=True)
class Gruppo:
    """A fieldset: an object of the schema."""

    chiave: str
    titolo: str
    descrizione: str
    figli: tuple[Nodo, ...]
    obbligatorio: bool = False
    fissi: tuple[str, ...] = ()  # properties with one possible value (versione_formato): not in the form


@dataclass(frozen=True)
class Elenco:
    """Repeated fieldsets: an array of objects."""

    chiave: str
    titolo: str
    descrizione: str
    elemento: Gruppo
    minimo: int = 0


Nodo = Campo | Gruppo | Elenco


# --- the form model, from the schema ------------------------------------------------------------------------


@cache
def modulo() -> Gruppo:
    """The form of the bundled schema (with the bundled pack's function catalogue)."""
    from avviamento.profilo import profile_schema

    return modulo_da_schema(profile_schema())


def modulo_da_schema(schema: dict[str, Any]) -> Gruppo:
    defs: dict[str, Any] = schema.get("$defs", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        return resolve(defs[ref.rsplit("/", 1)[-1]]) if ref else node

    def branches(node: dict[str, Any]) -> list[dict[str, Any]]:
        """The non-null alternatives of a property, each resolved."""
        found = []
        for branch in node.get("anyOf", [node]):
            branch = resolve(branch)
            if branch.get("type") != "null":
                found.append(branch)
        return found

    def group(key: str, node: dict[str, Any], title: str, description: str, required: bool) -> Gruppo:
        needed = set(node.get("required", ()))
        figli: list[Nodo] = []
        fissi: list[str] = []
        for name, prop in node.get("properties", {}).items():
            if "const" in prop:
                fissi.append(name)
            else:
                figli.append(child(name, prop, name in needed))
        return Gruppo(key, title, description, tuple(figli), required, tuple(fissi))

    def child(key: str, prop: dict[str, Any], required: bool) -> Nodo:
        alts = branches(prop)
        title = str(prop.get("title") or resolve(alts[0]).get("title") or key)
        description = str(prop.get("description", ""))
        first = alts[0]
        if len(alts) == 1 and first.get("type") == "object":
            return group(key, first, title, description, required)
        if len(alts) == 1 and first.get("type") == "array":
            item = resolve(first["items"])
            row = group(key, item, str(item.get("title", key)), "", False)
            return Elenco(key, title, description, row, int(first.get("minItems", 0)))
        return leaf(key, [prop, *alts], title, description, required)

    def leaf(key: str, nodes: list[dict[str, Any]], title: str, description: str, required: bool) -> Campo:
        prop, *alts = nodes
        types = frozenset(t for a in alts for t in _types(a))
        enum = [(str(v), str(d)) for a in alts for v, d in zip(a.get("enum", ()), _labels(a), strict=True)]
        consts = tuple(str(a["const"]) for a in alts if "const" in a)
        examples = tuple(str(e) for a in (prop, *alts) for e in a.get("examples", ()))
        patterns = tuple(p for a in alts for p in _patterns(a))
        tipo: Tipo
        if enum and len(alts) == 1:
            tipo = "scelta"
        elif types == {"boolean"}:
            tipo = "booleano"
        elif any(_is_date(a) for a in alts):
            tipo = "data"
        elif types == {"integer"}:
            tipo = "intero"
        elif types <= {"number", "integer"}:
            tipo = "numero"
        else:
            tipo = "testo"
        suggested = () if tipo == "data" else consts + examples
        default = prop.get("default")
        predefinito = None if default is None or isinstance(default, bool) else str(default)
        return Campo(
            key,
            title,
            description,
            tipo,
            required,
            tuple(enum),
            suggested,
            types,
            patterns,
            consts,
            predefinito,
        )

    return group("", schema, str(schema.get("title", "")), str(schema.get("description", "")), True)


def _types(node: dict[str, Any]) -> list[str]:
    if "type" in node:
        return [node["type"]] if isinstance(node["type"], str) else list(node["type"])
    return [t for branch in node.get("anyOf", ()) for t in _types(branch)]


def _labels(node: dict[str, Any]) -> list[str]:
    values = node.get("enum", ())
    return list(node.get("enumDescriptions", values))


def _patterns(node: dict[str, Any]) -> list[str]:
    own = [node["pattern"]] if "pattern" in node and node.get("type") in ("string", None) else []
    return own + [
        p for branch in node.get("anyOf", ()) if branch.get("type") == "string" for p in _patterns(branch)
    ]


def _is_date(node: dict[str, Any]) -> bool:
    return node.get("format") == "date" or any(_is_date(b) for b in node.get("anyOf", ()))


# --- names ----------------------------------------------------------------------------------------------------


def nome_campo(percorso: Iterable[str | int]) -> str:
    """`("funzioni", 0, "codice")` → `funzioni[0][codice]`."""
    parts = [str(p) for p in percorso]
    return parts[0] + "".join(f"[{p}]" for p in parts[1:]) if parts else ""


def id_campo(percorso: Iterable[str | int]) -> str:
    """An HTML id for the same path: `funzioni-0-codice`."""
    return "campo-" + "-".join(str(p) for p in percorso)


_NAME = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def _split(name: str) -> list[str] | None:
    match = _NAME.match(name)
    if not match:
        return None
    return [match[1], *re.findall(r"\[([^\[\]]*)\]", match[2])]


# --- form data → profile ------------------------------------------------------------------------------------

RIMUOVI = "_rimuovi"  # a row's "remove" checkbox


def dati_da_modulo(campi: Iterable[tuple[str, str]], forma: Gruppo | None = None) -> dict[str, Any]:
    """The submitted fields as profile data: typed by the schema, empty values and rows left out."""
    forma = forma or modulo()
    albero: dict[str, Any] = {}
    for name, value in campi:
        parts = _split(name)
        if not parts or any(not p for p in parts):
            continue
        node = albero
        for part in parts[:-1]:
            nxt = node.setdefault(part, {})
            if not isinstance(nxt, dict):
                break
            node = nxt
        else:
            node[parts[-1]] = value
    return _gruppo(forma, albero) or {}


def _gruppo(forma: Gruppo, raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or raw.get(RIMUOVI):
        return None
    out: dict[str, Any] = {}
    for figlio in forma.figli:
        value = _nodo(figlio, raw.get(figlio.chiave))
        if value is not None:
            out[figlio.chiave] = value
    return out if out or forma.obbligatorio else None


def _nodo(nodo: Nodo, raw: Any) -> Any:
    if isinstance(nodo, Gruppo):
        return _gruppo(nodo, raw)
    if isinstance(nodo, Elenco):
        if not isinstance(raw, dict):
            return None
        rows = sorted((int(k), v) for k, v in raw.items() if k.isdigit())
        items = [item for _, v in rows if (item := _gruppo(nodo.elemento, v))]
        return items
    return converti(nodo, raw) if isinstance(raw, str) else None


_INT = re.compile(r"^[+-]?(0|[1-9]\d*)$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.853 residents, as Italians write it
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def converti(campo: Campo, testo: str) -> Any:
    """A submitted text as the schema's type; a text that fits no type stays text, for the model to refuse."""
    text = testo.strip()
    if not text:
        return None
    if campo.tipo == "booleano":
        return {"true": True, "false": False}.get(text, text)
    if campo.tipo in ("scelta", "data"):
        return text
    if text in campo.costanti or (campo.modello and "string" in campo.tipi):
        return text  # `037013` is a code, `indeterminata` a constant; a bad code stays text for its message
    if campo.tipo == "intero" and _THOUSANDS.match(text):
        text = text.replace(".", "")
    if "integer" in campo.tipi and _INT.match(text):
        return int(text)
    if "number" in campo.tipi:
        number = text.replace(",", ".") if _DECIMAL_COMMA.match(text) else text
        try:
            value = float(number)
        except ValueError:
            return text
        return int(value) if value.is_integer() and "." not in number else value
    return text


# --- profile → form values -------------------------------------------------------------------------------------


def valori_modulo(dati: Mapping[str, Any], forma: Gruppo | None = None) -> dict[str, str]:
    """Each field's text for a profile's data, by field name (what the browser would submit back)."""
    forma = forma or modulo()
    out: dict[str, str] = {}

    def visit(nodo: Nodo, value: Any, path: Percorso) -> None:
        if value is None:
            return
        if isinstance(nodo, Gruppo):
            if isinstance(value, Mapping):
                for figlio in nodo.figli:
                    visit(figlio, value.get(figlio.chiave), (*path, figlio.chiave))
        elif isinstance(nodo, Elenco):
            if isinstance(value, list):
                for i, item in enumerate(value):
                    visit(nodo.elemento, item, (*path, i))
        elif isinstance(value, bool):
            out[nome_campo(path)] = "true" if value else "false"
        elif isinstance(value, dt.date):
            out[nome_campo(path)] = value.isoformat()
        elif not isinstance(value, Mapping | list):
            out[nome_campo(path)] = str(value)

    for figlio in forma.figli:
        visit(figlio, dati.get(figlio.chiave), (figlio.chiave,))
    return out


def chiavi_ignorate(dati: Mapping[str, Any], forma: Gruppo | None = None) -> list[str]:
    """Keys of an uploaded profile the form has no field for (misspelt ones): named before they are dropped."""
    forma = forma or modulo()
    found: list[str] = []

    def visit(nodo: Gruppo, value: Any, path: Percorso) -> None:
        if not isinstance(value, Mapping):
            return
        known = {f.chiave: f for f in nodo.figli}
        for key, sub in value.items():
            figlio = known.get(key)
            if figlio is None:
                if key not in nodo.fissi:
                    found.append(_testo_percorso((*path, key)))
            elif isinstance(figlio, Gruppo):
                visit(figlio, sub, (*path, key))
            elif isinstance(figlio, Elenco) and isinstance(sub, list):
                for i, item in enumerate(sub):
                    visit(figlio.elemento, item, (*path, key, i))

    visit(forma, dati, ())
    return found


def _testo_percorso(path: Percorso) -> str:
    return "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


# --- validation -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Errore:
    """A message for one field of the form (or one fieldset)."""

    nome: str  # the field's name (`comuni[1][istat]`) or a fieldset's (`comuni`)
    id: str
    etichetta: str  # where, for the summary: «Comuni aderenti 2 › Codice ISTAT»
    messaggio: str


@dataclass
class Esame:
    """The outcome of checking a submitted profile: its errors by field name, in form order."""

    errori: list[Errore] = field(default_factory=list)

    @property
    def valido(self) -> bool:
        return not self.errori

    def per_nome(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for errore in self.errori:
            out.setdefault(errore.nome, []).append(errore.messaggio)
        return out


def esamina(dati: Mapping[str, Any], catalogo: Iterable[str], forma: Gruppo | None = None) -> Esame:
    """Every problem of the data at once, in Italian, each on the field it concerns."""
    forma = forma or modulo()
    documento = Document("modulo", dict(dati))
    errori: list[tuple[Percorso, str]] = []
    try:
        Profilo.model_validate(documento.data)
    except ValidationError as exc:
        errori = [
            (e.percorso, _per_modulo(e.dettaglio["it"])) for e in validation_errors(exc, documento, Profilo)
        ]
    codici = list(catalogo)
    for i, funzione in enumerate(dati.get("funzioni") or []):
        codice = funzione.get("codice") if isinstance(funzione, Mapping) else None
        if isinstance(codice, str) and codice not in codici:
            text = both("unknown_function", code=codice, hint=did_you_mean(codice, codici))["it"]
            errori.append((("funzioni", i, "codice"), text))
    errori = _uno_per_campo(errori, forma)
    ordine = _ordine(forma)
    errori.sort(key=lambda e: [ordine.get(p, 999) if isinstance(p, str) else p for p in e[0]])
    return Esame([Errore(nome_campo(p), id_campo(p), etichetta(p, forma), m) for p, m in errori])


def _per_modulo(testo: str) -> str:
    """The CLI's words where the form has other ones: a yes/no field is a choice, not `true`/`false`."""
    return testo.replace("deve essere true o false", "scegliere sì o no")


def _uno_per_campo(errori: list[tuple[Percorso, str]], forma: Gruppo) -> list[tuple[Percorso, str]]:
    """A value that fits none of a field's alternatives (`durata: 5 anni`) gets one message, not one per branch."""
    per_campo: dict[Percorso, list[str]] = {}
    for percorso, testo in errori:
        per_campo.setdefault(percorso, []).append(testo)
    out: list[tuple[Percorso, str]] = []
    for percorso, testi in per_campo.items():
        nodo = nodo_a(percorso, forma)
        if len(testi) > 1 and isinstance(nodo, Campo) and nodo.descrizione:
            out.append((percorso, f"valore non valido: {nodo.descrizione[0].lower()}{nodo.descrizione[1:]}"))
        else:
            out.extend((percorso, t) for t in testi)
    return out


def _ordine(forma: Gruppo) -> dict[str, int]:
    """Each property's position in the form, for sorting errors as a reader meets the fields."""
    out: dict[str, int] = {}

    def visit(nodo: Nodo) -> None:
        if isinstance(nodo, Gruppo):
            for i, figlio in enumerate(nodo.figli):
                out.setdefault(figlio.chiave, i)
                visit(figlio)
        elif isinstance(nodo, Elenco):
            visit(nodo.elemento)

    visit(forma)
    return out


def nodo_a(percorso: Percorso, forma: Gruppo | None = None) -> Nodo | None:
    """The form node a data path leads to (a row of a list is its element group)."""
    nodo: Nodo | None = forma or modulo()
    for part in percorso:
        if isinstance(nodo, Elenco) and isinstance(part, int):
            nodo = nodo.elemento
        elif isinstance(nodo, Gruppo) and isinstance(part, str):
            nodo = next((f for f in nodo.figli if f.chiave == part), None)
        else:
            return None
    return nodo


def etichetta(percorso: Percorso, forma: Gruppo | None = None) -> str:
    """The path in the form's words: `("funzioni", 0, "avvio")` → «Funzione 1 › Avvio»."""
    forma = forma or modulo()
    words: list[str] = []
    for end in range(1, len(percorso) + 1):
        nodo = nodo_a(percorso[:end], forma)
        part = percorso[end - 1]
        if isinstance(part, int):
            words[-1] = f"{nodo.titolo if nodo else words[-1]} {part + 1}"
        else:
            words.append(nodo.titolo if nodo else str(part))
    return " › ".join(words)


# --- pickers ----------------------------------------------------------------------------------------------------


def comuni_regione() -> list[ComuneRiferimento]:
    """The bundled ISTAT list, by name: the Comuni picker."""
    return sorted(anagrafe().per_istat.values(), key=lambda c: normalizza(c.nome))


def completa_comuni(dati: dict[str, Any]) -> dict[str, Any]:
    """A Comune chosen by name gets its ISTAT code and population (what the picker does without JavaScript)."""
    registro = anagrafe()
    for comune in dati.get("comuni") or []:
        if not isinstance(comune, dict) or not isinstance(comune.get("nome"), str) or comune.get("istat"):
            continue
        found = registro.per_nome.get(normalizza(comune["nome"]))
        if found:
            comune["istat"] = found.istat
            if comune.get("popolazione") is None and found.popolazione is not None:
                comune["popolazione"] = found.popolazione
    return dati


def errore_caricamento(exc: InputError) -> str:
    """An unusable upload, as the CLI says it (one line, Italian)."""
    return exc.render("it")


# --- the form to render -------------------------------------------------------------------------------------

# Which <datalist> a text field offers, by (list, field): the ISTAT Comuni, or the Union's own members.
ELENCHI: dict[tuple[str, str], str] = {
    ("comuni", "nome"): "comuni-er",
    ("conferimenti", "comune"): "comuni-unione",
}


def segnaposto(profondita: int) -> str:
    """The row index of a list's row model, replaced by the script when it adds a row (`__0__`, `__1__`…)."""
    return f"__{profondita}__"


@dataclass
class VistaCampo:
    campo: Campo
    nome: str
    id: str
    valore: str
    errori: list[str]
    elenco: str | None  # the id of the datalist it offers
    tipo_input: str  # text | date | select | bool
    genere: str = "campo"


@dataclass
class VistaGruppo:
    gruppo: Gruppo
    nome: str
    id: str
    figli: list[VistaCampo | VistaGruppo | VistaElenco]
    errori: list[str]
    numero: str = ""  # the row's number, as the legend shows it («Comune 2»)
    genere: str = "gruppo"


@dataclass
class VistaElenco:
    elenco: Elenco
    nome: str
    id: str
    righe: list[VistaGruppo]
    errori: list[str]
    modello: VistaGruppo  # an empty row with the placeholder index
    segnaposto: str
    genere: str = "elenco"


def vista_modulo(
    dati: Mapping[str, Any], errori: Mapping[str, list[str]] | None = None, forma: Gruppo | None = None
) -> VistaGruppo:
    """What the template draws: each field with its name, id, text and messages; each list with its rows."""
    forma = forma or modulo()
    errori = errori or {}

    def gruppo(nodo: Gruppo, value: Any, path: Percorso, depth: int, numero: str = "") -> VistaGruppo:
        value = value if isinstance(value, Mapping) else {}
        figli: list[VistaCampo | VistaGruppo | VistaElenco] = []
        for figlio in nodo.figli:
            sub = (*path, figlio.chiave)
            if isinstance(figlio, Gruppo):
                figli.append(gruppo(figlio, value.get(figlio.chiave), sub, depth))
            elif isinstance(figlio, Elenco):
                figli.append(elenco(figlio, value.get(figlio.chiave), sub, depth))
            else:
                figli.append(campo(figlio, value.get(figlio.chiave), sub))
        return VistaGruppo(
            nodo, nome_campo(path), id_campo(path), figli, list(errori.get(nome_campo(path), ())), numero
        )

    def elenco(nodo: Elenco, value: Any, path: Percorso, depth: int) -> VistaElenco:
        rows = value if isinstance(value, list) else []
        mark = segnaposto(depth)
        righe = [
            gruppo(nodo.elemento, item, (*path, i), depth + 1, str(i + 1)) for i, item in enumerate(rows)
        ]
        modello = gruppo(nodo.elemento, {}, (*path, mark), depth + 1, f"{mark[:-2]}n__")
        name = nome_campo(path)
        return VistaElenco(nodo, name, id_campo(path), righe, list(errori.get(name, ())), modello, mark)

    def campo(nodo: Campo, value: Any, path: Percorso) -> VistaCampo:
        text = testo_valore(value)
        tipo = {"scelta": "select", "booleano": "bool", "data": "date"}.get(nodo.tipo, "text")
        if tipo == "date" and text:
            try:
                from avviamento.profilo import parse_data

                text = parse_data(text).isoformat()
            except Exception:  # not a date: shown as typed, beside its error
                tipo = "text"
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str) and not p.startswith("__")), "")
        lista = ELENCHI.get((parent, nodo.chiave)) or (
            f"suggerimenti-{nodo.chiave}" if nodo.suggerimenti else None
        )
        name = nome_campo(path)
        return VistaCampo(nodo, name, id_campo(path), text, list(errori.get(name, ())), lista, tipo)

    return gruppo(forma, dati, (), 0)


def testo_valore(value: Any) -> str:
    """A value as the form shows it."""
    if value is None or isinstance(value, Mapping | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def suggerimenti(forma: Gruppo | None = None) -> dict[str, tuple[str, ...]]:
    """The datalists of the fields with suggested values, by id."""
    out: dict[str, tuple[str, ...]] = {}

    def visit(nodo: Nodo) -> None:
        if isinstance(nodo, Gruppo):
            for figlio in nodo.figli:
                visit(figlio)
        elif isinstance(nodo, Elenco):
            visit(nodo.elemento)
        elif nodo.suggerimenti:
            out[f"suggerimenti-{nodo.chiave}"] = nodo.suggerimenti

    visit(forma or modulo())
    return out


def aggiungi_riga(dati: dict[str, Any], nome: str) -> bool:
    """One more empty row in the list named `nome` (the no-script «Aggiungi» button); a new function gets a
    conferral row for each member Comune, as the script does."""
    parts = _split(nome)
    if not parts:
        return False
    node: Any = dati
    for part in parts[:-1]:
        key: str | int = int(part) if part.isdigit() else part
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(node, dict):
        return False
    path = tuple(int(p) if p.isdigit() else p for p in parts)
    if not isinstance(nodo_a((*path, 0)), Gruppo):
        return False  # not a list of rows
    rows = node.setdefault(parts[-1], [])
    if not isinstance(rows, list):
        return False
    row: dict[str, Any] = {}
    if parts == ["funzioni"]:
        nomi = [c.get("nome") for c in dati.get("comuni") or [] if isinstance(c, dict) and c.get("nome")]
        row["conferimenti"] = [{"comune": n} for n in nomi]
    rows.append(row)
    return True
