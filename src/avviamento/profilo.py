"""The Union profile: what a change manager writes about a Unione and its Comuni (the `check` input)."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from avviamento.errors import InputError, Text, both, did_you_mean
from avviamento.i18n import PYDANTIC_MESSAGES
from avviamento.yamlio import Document, load_yaml

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ITALIAN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_data(value: Any) -> dt.date:
    """ISO `2024-05-15` or Italian `15/05/2024`; anything else is refused rather than guessed."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("bad_date", "bad date {value}", {"value": str(value)})
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str) else None
    try:
        if text and _ISO.match(text):
            return dt.date.fromisoformat(text)
        if text and (m := _ITALIAN.match(text)):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise PydanticCustomError("bad_date", "bad date {value}", {"value": str(value)})


Data = Annotated[dt.date, BeforeValidator(parse_data)]
Classe = Literal["costituita", "esistente", "avviata", "in_sviluppo", "avanzata"]
CLASSI_DICHIARABILI: tuple[str, ...] = typing.get_args(Classe)


def _istat(value: Any) -> Any:
    # An ISTAT code without leading zero (e.g. 100001 is not Emilia-Romagna, but 6 digits are 6 digits).
    if isinstance(value, int) and not isinstance(value, bool) and 100000 <= value <= 999999:
        return str(value)
    return value


CodiceIstat = Annotated[str, BeforeValidator(_istat), Field(pattern=r"^\d{6}$")]


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Statuto(_Base):
    approvato: Data | None = None
    pubblicazione: str | None = None
    articolo_conferimenti: str | None = Field(
        default=None,
        title="Articolo dello statuto sui conferimenti",
        description="L'articolo dello statuto dell'Unione che disciplina il conferimento di funzioni, ad es. «art. 7».",
    )


class Organi(_Base):
    presidente: str | None = None
    giunta: Literal["sindaci", "assessori_delegati", "mista"] | None = None
    consiglio_insediato: Data | None = None


class Unione(_Base):
    nome: str = Field(min_length=1)
    codice_fiscale: str | None = None
    provincia: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    sede: str | None = None
    pec: str | None = None
    atto_costitutivo: Data | None = None
    decorrenza: Data | None = None
    classe_dichiarata: Classe | None = None
    montana: bool = False
    statuto: Statuto | None = None
    organi: Organi | None = None

    @field_validator("codice_fiscale", mode="before")
    @classmethod
    def _codice_fiscale(cls, value: Any) -> Any:
        if value is None:
            return None
        from stdnum.it import iva

        text = str(value).strip()
        if not iva.is_valid(text):
            raise PydanticCustomError("bad_cf", "bad codice fiscale {value}", {"value": text})
        return text


class Comune(_Base):
    nome: str = Field(min_length=1)
    istat: CodiceIstat | None = None
    popolazione: int | None = Field(default=None, ge=0)
    montano: bool | None = None
    sindaco: str | None = None
    # for `plan`: the council's notice period set by the Comune's own regolamento (TUEL art. 38 c.2)
    preavviso_consiglio_giorni: int | None = Field(default=None, ge=0, le=60)
    # the patron saint's day, a local holiday for the Comune's offices (MM-DD)
    santo_patrono: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
    codice_fiscale: str | None = Field(
        default=None,
        title="Codice fiscale del Comune",
        description="Il codice fiscale dell'ente, che identifica il Comune come parte della convenzione.",
    )


class Delibera(_Base):
    organo: Literal["consiglio", "giunta"] = "consiglio"
    numero: int | str | None = None
    data: Data | None = None


class Conferimento(_Base):
    comune: str = Field(min_length=1)  # the name or the ISTAT code of a member Comune
    delibera: Delibera | None = None

    @field_validator("comune", mode="before")
    @classmethod
    def _comune(cls, value: Any) -> Any:
        return _istat(value)


class Convenzione(_Base):
    sottoscritta: Data | None = None
    durata: Literal["indeterminata"] | Annotated[int, Field(gt=0, le=99)] | None = None
    riparto_spese: str | None = None
    repertorio: str | None = Field(
        default=None,
        title="Repertorio della convenzione",
        description="Il numero di repertorio della convenzione sottoscritta, ad es. «45» (rep. n. 45).",
    )


class Funzione(_Base):
    codice: str = Field(min_length=1)
    conferimenti: list[Conferimento] = Field(default_factory=list)
    convenzione: Convenzione | None = None
    avvio: Data | None = None
    integrale: bool | None = None
    personale: float | None = Field(default=None, ge=0)
    spesa_in_bilancio_unione: bool | None = None
    responsabile: str | None = None


class Adempimento(_Base):
    approvato: Data | None = None
    atto: str | None = None


class Regolamento(_Base):
    tipo: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    approvato: Data | None = None
    atto: str | None = None


class Adempimenti(_Base):
    piano_comunicazione: Adempimento | None = None
    programmazione_personale: Adempimento | None = None
    piano_formazione: Adempimento | None = None
    regolamenti: list[Regolamento] = Field(default_factory=list)


class Profilo(_Base):
    """A Unione di Comuni as its change manager describes it (the format of `profilo-esempio.yaml`)."""

    versione_formato: Literal[1] = 1
    data_riferimento: Data | None = None
    unione: Unione
    comuni: list[Comune] = Field(min_length=1)
    funzioni: list[Funzione] = Field(default_factory=list)
    adempimenti: Adempimenti = Field(default_factory=Adempimenti)


@dataclass(frozen=True)
class ProfiloCaricato:
    """A validated profile with the YAML positions of its values (for findings and errors)."""

    profilo: Profilo
    documento: Document

    @property
    def file(self) -> str:
        return self.documento.file


def load_profile(path: Path, label: str | None = None) -> ProfiloCaricato:
    documento = load_yaml(path, label)
    return validate_profile(documento)


def validate_profile(documento: Document) -> ProfiloCaricato:
    if not isinstance(documento.data, dict):
        raise documento.error((), both("not_mapping"))
    try:
        profilo = Profilo.model_validate(documento.data)
    except ValidationError as exc:
        raise validation_error(exc, documento, Profilo) from None
    return ProfiloCaricato(profilo, documento)


def validation_error(exc: ValidationError, documento: Document, model: type[BaseModel]) -> InputError:
    """The first pydantic error in file order, as one `file:line:col: message` line."""
    errors = exc.errors(include_url=False)

    def where(err: Any) -> tuple[int, int]:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc[:-1] in documento.key_positions:
            return documento.key_positions[loc[:-1]]  # the mapping that lacks the field
        return documento.position(loc, key=err["type"] == "extra_forbidden")

    # A misspelt key also makes its field "missing": the unknown key, with its suggestion, is the useful line.
    first = min(errors, key=lambda err: (err["type"] == "missing", where(err)))
    loc = tuple(first["loc"])
    line, column = where(first)
    return InputError(documento.file, line, column, _describe(first, loc, model, documento))


def _describe(err: Any, loc: tuple[Any, ...], model: type[BaseModel], documento: Document) -> Text:
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return both("unknown_key", key=key, hint=did_you_mean(key, fields_at(model, loc[:-1])))
    # a union of types adds its branch to the location (`durata.literal['indeterminata']`): keep the data path
    known = next((loc[:end] for end in range(len(loc), 0, -1) if loc[:end] in documento.positions), loc)
    field = ".".join(str(p) for p in (known if kind != "missing" else loc))
    ctx = dict(err.get("ctx") or {})
    if kind == "bad_date":
        return both("bad_date", value=ctx.get("value", err.get("input")))
    if kind == "bad_cf":
        cf = {
            "it": f"codice fiscale non valido '{ctx.get('value')}' (11 cifre con cifra di controllo)",
            "en": f"invalid codice fiscale '{ctx.get('value')}' (11 digits with check digit)",
        }
        return {lang: f"'{field}': {cf[lang]}" for lang in ("it", "en")}
    table = PYDANTIC_MESSAGES.get(kind)
    out: Text = {}
    for lang in ("it", "en"):
        if table:
            try:
                detail = table[lang].format(**ctx)
                if lang == "it":
                    detail = detail.replace("' or '", "', '")
            except (KeyError, IndexError):
                detail = table[lang]
        else:
            detail = str(err["msg"])
        if "input" in err and kind != "missing" and not isinstance(err["input"], dict | list):
            detail += f" (valore: {err['input']!r})" if lang == "it" else f" (value: {err['input']!r})"
        out[lang] = f"'{field}': {detail}"
    return out


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names a mapping at `loc` may hold, for "did you mean" hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
