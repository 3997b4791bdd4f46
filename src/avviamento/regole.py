"""The rule pack: a declarative YAML file of functions, classes, dated thresholds, deadlines and rules.

`load_pack` validates the file and every rule's parameters against its check kind; `lint_pack` lists every
problem of a pack (for `avviamento rules lint`) instead of stopping at the first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import json
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from avviamento.errors import InputError, Text, both, did_you_mean, motivo, percorso_leggibile
from avviamento.esito import Fonte as FonteEsito
from avviamento.esito import Rilievo
from avviamento.profilo import Classe, Data, validation_error
from avviamento.yamlio import Document, Path_, parse_yaml, read_text

Confidenza = Literal["verificata", "secondaria", "da_verificare"]
Gravita = Literal["errore", "avviso", "info"]
TIPI_RIMEDIO = ("convenzione", "delibera", "regolamento", "piano", "dati")
PIANI = ("piano_comunicazione", "programmazione_personale", "piano_formazione")
GRUPPI = ("art7_c3_chiave", "conta_prt")


class _Base(BaseModel):
    # defer_build: validators are built when a pack is first parsed, not at import (start-up of every command)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Testo(_Base):
    it: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def as_text(self) -> Text:
        return {"it": self.it, "en": self.en}


class Fonte(_Base):
    atto: str = Field(min_length=1)
    articolo: str | None = None
    comma: str | None = None
    url: str | None = None

    def esito(self) -> FonteEsito:
        return FonteEsito(self.atto, self.articolo, self.comma, self.url)


class ValoreDatato(_Base):
    valore: Any
    valido_dal: Data
    valido_al: Data | None = None
    fonte: Fonte
    confidenza: Confidenza
    verificata_il: Data | None = None
    nota: str | None = None

    def in_vigore(self, giorno: dt.date) -> bool:
        return self.valido_dal <= giorno and (self.valido_al is None or giorno <= self.valido_al)


class Parametro(_Base):
    descrizione: Testo
    valori: list[ValoreDatato] = Field(min_length=1)

    def in_vigore(self, giorno: dt.date) -> ValoreDatato | None:
        return next((v for v in self.valori if v.in_vigore(giorno)), None)


class DataDatata(ValoreDatato):
    valore: Data | None


class Scadenza(Parametro):
    valori: list[DataDatata] = Field(min_length=1)  # type: ignore[assignment]


class FunzioneCatalogo(_Base):
    codice: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    etichetta: Testo
    lettera_dl78: str | None = Field(default=None, pattern=r"^[a-l](-bis)?$")
    art7_c3: Literal["obbligatoria", "chiave"] | None = None
    conta_prt: bool | Literal["da_verificare"] = "da_verificare"
    clausole: list[str] = Field(default_factory=list)


class Minimo(_Base):
    gruppo: Literal["art7_c3_chiave", "conta_prt"]
    parametro: str


class Condizione(_Base):
    """A dated condition of a class, on evidence of the profile (evaluated by classi.py).

    `funzioni_completate`: at least `parametro` effective functions of `gruppo` with `completamento_percentuale`
    at or above `percentuale`; `effettivita_finanziaria`: the Union's `effettivita_finanziaria_percentuale` at
    or above `percentuale`. Both name dated parameters of the pack.
    """

    tipo: Literal["funzioni_completate", "effettivita_finanziaria"]
    gruppo: Literal["art7_c3_chiave", "conta_prt"] | None = None
    parametro: str | None = None
    percentuale: str
    valido_dal: Data
    valido_al: Data | None = None
    fonte: Fonte
    confidenza: Confidenza

    def in_vigore(self, giorno: dt.date) -> bool:
        return self.valido_dal <= giorno and (self.valido_al is None or giorno <= self.valido_al)


class ClassePack(_Base):
    codice: Classe
    etichetta: Testo
    presuppone: Classe | None = None
    funzioni_richieste: list[str] = Field(default_factory=list)
    minimo: Minimo | None = None
    condizioni: list[Condizione] = Field(default_factory=list)
    fonte: Fonte
    confidenza: Confidenza


class Tempo(_Base):
    descrizione: Testo
    giorni: int = Field(ge=0, le=365)
    decorrenza: Literal["inizio_pubblicazione", "fine_pubblicazione"] | None = None
    fonte: Fonte
    confidenza: Confidenza
    verificata_il: Data | None = None
    nota: str | None = None


class Tappa(_Base):
    codice: str
    descrizione: Testo
    dal: dt.datetime
    al: dt.datetime | None = None
    fonte: Fonte
    confidenza: Confidenza


class Modifica(_Base):
    """What one version of the pack changed in a rule (printed by `rules show`)."""

    versione: str = Field(min_length=1)
    nota: str = Field(min_length=1)


class Regola(_Base):
    codice: str = Field(pattern=r"^[A-Z]{2,3}-\d{3}$")
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    titolo: Testo
    gravita: Gravita
    tipo: str
    parametri: dict[str, Any] = Field(default_factory=dict)
    classi: list[Classe] | None = None  # declared classes the rule applies to; None = every Union
    scadenza: str | None = None
    classi_scadenza: list[Classe] = Field(default_factory=list)
    fonte: Fonte
    confidenza: Confidenza
    verificata_il: Data | None = None
    messaggio: Testo
    messaggi: dict[str, Testo] = Field(default_factory=dict)
    rimedi: list[str] = Field(default_factory=list)
    nota: str | None = None
    storia: list[Modifica] = Field(default_factory=list)


class Pacchetto(_Base):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    versione: str
    titolo: Testo
    fonti: dict[str, Fonte] = Field(default_factory=dict)
    funzioni: list[FunzioneCatalogo] = Field(default_factory=list)
    clausole: dict[str, Testo] = Field(default_factory=dict)
    parametri: dict[str, Parametro] = Field(default_factory=dict)
    scadenze: dict[str, Scadenza] = Field(default_factory=dict)
    calendario: list[Tappa] = Field(default_factory=list)
    tempi: dict[str, Tempo] = Field(default_factory=dict)
    classi: list[ClassePack] = Field(default_factory=list)
    regole: list[Regola] = Field(min_length=1)


@dataclass(frozen=True)
class RulePack:
    """A validated pack, with each rule's parameters parsed by its check kind."""

    pacchetto: Pacchetto
    sha256: str
    file: str
    documento: Document
    parametri_regole: dict[str, BaseModel]

    @property
    def id(self) -> str:
        return self.pacchetto.id

    @property
    def versione(self) -> str:
        return self.pacchetto.versione

    @functools.cached_property  # read by every function and check of every profile in a review
    def catalogo(self) -> dict[str, FunzioneCatalogo]:
        return {f.codice: f for f in self.pacchetto.funzioni}

    @functools.cached_property
    def modelli(self) -> dict[str, Rilievo]:
        """Each rule's finding when it is met: what every profile's finding for the rule starts from."""
        return {
            r.codice: Rilievo(
                regola=r.codice,
                slug=r.slug,
                titolo=r.titolo.as_text(),
                gravita=r.gravita,
                stato="soddisfatta",
                testo=r.titolo.as_text(),
                fonte=r.fonte.esito(),
                confidenza=r.confidenza,
                pacchetto=self.id,
            )
            for r in self.pacchetto.regole
        }

    @functools.cached_property
    def _con_scadenza(self) -> dict[tuple[str, Any, Any], Rilievo]:
        return {}

    def modello(self, codice: str, scadenza: ValoreDatato | None = None) -> Rilievo:
        """A rule's finding when met, with the deadline in force (one copy per rule and deadline, not per profile)."""
        if scadenza is None or scadenza.valore is None:
            return self.modelli[codice]
        chiave = (codice, scadenza.valore, scadenza.confidenza)
        if chiave not in self._con_scadenza:
            self._con_scadenza[chiave] = dataclasses.replace(
                self.modelli[codice], scadenza=scadenza.valore, scadenza_confidenza=scadenza.confidenza
            )
        return self._con_scadenza[chiave]

    def regola(self, codice: str) -> Regola | None:
        return next((r for r in self.pacchetto.regole if r.codice == codice), None)

    def valore(self, nome: str, giorno: dt.date) -> ValoreDatato | None:
        parametro = self.pacchetto.parametri.get(nome) or self.pacchetto.scadenze.get(nome)
        return parametro.in_vigore(giorno) if parametro else None

    def gruppo(self, nome: str) -> list[str]:
        if nome == "art7_c3_chiave":
            return [f.codice for f in self.pacchetto.funzioni if f.art7_c3 == "chiave"]
        if nome == "conta_prt":
            return [f.codice for f in self.pacchetto.funzioni if f.conta_prt is True]
        raise KeyError(nome)


@dataclass(frozen=True)
class Problema:
    """A problem found by lint: `file:line:col: text`."""

    file: str
    riga: int
    colonna: int
    testo: Text

    def error(self) -> InputError:
        return InputError(self.file, self.riga, self.colonna, self.testo)


def load_pack(path: Path, label: str | None = None) -> RulePack:
    """The validated pack; one without problems is kept in the on-disk cache, keyed by its name and text."""
    from avviamento import cache

    name = label or str(path)
    text = read_text(path, name)
    chiave = cache.chiave("RulePack", name, text)
    pack = cache.leggi(chiave)
    if isinstance(pack, RulePack):
        return pack
    pack, problems = _parse_and_lint_text(text, name)
    if problems:
        raise problems[0].error()
    cache.scrivi(chiave, pack)
    return pack


def lint_pack(path: Path, label: str | None = None) -> list[Problema]:
    """Every problem of the pack; a file that cannot be parsed at all yields its one error."""
    try:
        _, problems = _parse_and_lint(path, label)
    except InputError as exc:
        return [Problema(exc.file, exc.line, exc.column, exc.text)]
    return problems


_cache: dict[tuple[str, float, int], RulePack] = {}


def load_pack_cached(path: Path) -> RulePack:
    """The same file, unchanged, is parsed once per process (review runs a whole batch against one pack)."""
    try:
        stat = path.stat()
    except OSError:
        return load_pack(path)  # missing or unreadable: the one-line InputError
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in _cache:
        _cache[key] = load_pack(path)
    return _cache[key]


def _parse_and_lint(path: Path, label: str | None) -> tuple[RulePack, list[Problema]]:
    name = label or str(path)
    return _parse_and_lint_text(read_text(path, name), name)


def _parse_and_lint_text(text: str, name: str) -> tuple[RulePack, list[Problema]]:
    documento = parse_yaml(text, name)
    if not isinstance(documento.data, dict):
        raise documento.error((), both("not_mapping"))
    try:
        pacchetto = Pacchetto.model_validate(documento.data)
    except ValidationError as exc:
        raise validation_error(exc, documento, Pacchetto) from None
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    problems, compiled = _lint(pacchetto, documento)
    pack = RulePack(pacchetto, sha, name, documento, compiled)
    return pack, problems


def _lint(p: Pacchetto, doc: Document) -> tuple[list[Problema], dict[str, BaseModel]]:
    from avviamento.checks import REGISTRY

    problems: list[Problema] = []

    def add(path: Path_, text: Text, *, key: bool = False) -> None:
        line, col = doc.position(path, key=key)
        problems.append(Problema(doc.file, line, col, text))

    def it_en(it: str, en: str) -> Text:
        return {"it": it, "en": en}

    funzioni = {f.codice for f in p.funzioni}
    seen: set[str] = set()
    for i, f in enumerate(p.funzioni):
        if f.codice in seen:
            add(
                ("funzioni", i, "codice"),
                it_en(f"funzione duplicata '{f.codice}'", f"duplicate function '{f.codice}'"),
            )
        seen.add(f.codice)
        for j, clausola in enumerate(f.clausole):
            if clausola not in p.clausole:
                add(("funzioni", i, "clausole", j), both("unknown_reference", name=clausola, code=f.codice))

    for section in ("parametri", "scadenze"):
        for nome, par in getattr(p, section).items():
            ordered = sorted(enumerate(par.valori), key=lambda iv: iv[1].valido_dal)
            for (_, a), (j, b) in itertools.pairwise(ordered):
                if a.valido_al is None or a.valido_al >= b.valido_dal:
                    add(
                        (section, nome, "valori", j, "valido_dal"),
                        it_en(
                            f"periodi di validità sovrapposti in '{nome}' ({a.valido_dal} e {b.valido_dal})",
                            f"overlapping validity periods in '{nome}' ({a.valido_dal} and {b.valido_dal})",
                        ),
                    )
            for j, v in enumerate(par.valori):
                if v.valido_al is not None and v.valido_al < v.valido_dal:
                    add(
                        (section, nome, "valori", j, "valido_al"),
                        it_en(
                            f"'{nome}': valido_al precede valido_dal",
                            f"'{nome}': valido_al before valido_dal",
                        ),
                    )
                if v.confidenza == "verificata" and v.verificata_il is None:
                    add(
                        (section, nome, "valori", j, "confidenza"),
                        it_en(
                            f"'{nome}': valore «verificata» senza data di verifica (verificata_il)",
                            f"'{nome}': «verificata» value without verification date (verificata_il)",
                        ),
                    )

    codici_classi = [c.codice for c in p.classi]
    usi_classi: dict[str, str] = {}
    for i, c in enumerate(p.classi):
        if c.presuppone and c.presuppone not in codici_classi[:i]:
            add(("classi", i, "presuppone"), both("unknown_reference", name=c.presuppone, code=c.codice))
        for j, richiesta in enumerate(c.funzioni_richieste):
            if richiesta not in funzioni:
                add(
                    ("classi", i, "funzioni_richieste", j),
                    both("unknown_reference", name=richiesta, code=c.codice),
                )
        if c.minimo and c.minimo.parametro not in p.parametri:
            add(
                ("classi", i, "minimo", "parametro"),
                both("unknown_reference", name=c.minimo.parametro, code=c.codice),
            )
        for j, cond in enumerate(c.condizioni):
            at_c: Path_ = ("classi", i, "condizioni", j)
            richiesti = {"percentuale": cond.percentuale, "parametro": cond.parametro}
            if cond.tipo == "funzioni_completate" and (cond.parametro is None or cond.gruppo is None):
                missing = "parametro" if cond.parametro is None else "gruppo"
                add(at_c, both("unknown_reference", name=missing, code=c.codice))
            for campo, nome in richiesti.items():
                if nome is None:
                    continue
                if nome not in p.parametri:
                    add((*at_c, campo), both("unknown_reference", name=nome, code=c.codice))
                else:
                    usi_classi[nome] = "percentuale" if campo == "percentuale" else "soglia"

    compiled: dict[str, BaseModel] = {}
    codici: set[str] = set()
    usi: dict[str, str] = {c.minimo.parametro: "soglia" for c in p.classi if c.minimo} | usi_classi
    for i, r in enumerate(p.regole):
        at: Path_ = ("regole", i)
        if r.codice in codici:
            add(
                (*at, "codice"),
                it_en(f"codice di regola duplicato '{r.codice}'", f"duplicate rule code '{r.codice}'"),
            )
        codici.add(r.codice)
        kind = REGISTRY.get(r.tipo)
        if kind is None:
            add((*at, "tipo"), both("unknown_check_kind", kind=r.tipo, hint=did_you_mean(r.tipo, REGISTRY)))
            continue
        try:
            params = kind.Parametri.model_validate(r.parametri)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            detail = {
                lang: f"{percorso_leggibile(first['loc'])}: {testo}" for lang, testo in motivo(first).items()
            }
            add((*at, "parametri"), both("bad_rule_params", code=r.codice, kind=r.tipo, detail=detail))
            continue
        compiled[r.codice] = params
        for key, value in r.parametri.items():
            if value is not None and (key in RIFERIMENTI_PARAMETRO or key.startswith("soglia")):
                if value not in p.parametri:
                    add((*at, "parametri", key), both("unknown_reference", name=value, code=r.codice))
                else:
                    usi.setdefault(value, "lettere" if key == "escluse" else "soglia")
            if key == "funzione" and value not in funzioni:
                add((*at, "parametri", key), both("unknown_reference", name=value, code=r.codice))
            if key == "gruppo" and value not in GRUPPI:
                add((*at, "parametri", key), both("unknown_reference", name=value, code=r.codice))
        if r.scadenza is not None and r.scadenza not in p.scadenze:
            add((*at, "scadenza"), both("unknown_reference", name=r.scadenza, code=r.codice))
        if not r.fonte.url and not r.fonte.articolo:
            add(
                (*at, "fonte"),
                it_en(
                    f"la regola {r.codice} non cita né articolo né URL della fonte",
                    f"rule {r.codice} cites neither an article nor a source URL",
                ),
            )
        if r.confidenza == "verificata" and r.verificata_il is None:
            add(
                (*at, "confidenza"),
                it_en(
                    f"la regola {r.codice} è «verificata» senza data di verifica",
                    f"rule {r.codice} is «verificata» with no verification date",
                ),
            )
        placeholders = set(kind.VALORI) | {"scadenza"}
        texts: list[tuple[Path_, Testo]] = [((*at, "messaggio"), r.messaggio)]
        texts += [((*at, "messaggi", k), t) for k, t in r.messaggi.items()]
        for path, testo in texts:
            for lang, lang_text in (("it", testo.it), ("en", testo.en)):
                problem = _message_problem(lang_text, placeholders, r.codice)
                if problem:
                    add((*path, lang), problem)
        for j, rimedio in enumerate(r.rimedi):
            problem = _remedy_problem(rimedio, funzioni, placeholders, p)
            if problem:
                add(
                    (*at, "rimedi", j),
                    it_en(
                        f"rimedio non valido '{rimedio}': {problem['it']}",
                        f"invalid remedy '{rimedio}': {problem['en']}",
                    ),
                )
    for nome, par in p.parametri.items():
        for j, v in enumerate(par.valori):
            problem = _value_problem(v.valore, usi.get(nome), nome)
            if problem:
                add(("parametri", nome, "valori", j, "valore"), problem)
    return problems, compiled


# Rule parameters (besides `soglia*`) whose value names a dated parameter of the pack.
RIFERIMENTI_PARAMETRO = ("escluse",)
# A message is a sentence: a bounded length and a few plain `{name}` placeholders, nothing else. Format specs
# and conversions (`{x:>1500000000}`, `{x!r}`, `{x.attr}`) would let a pack print gigabytes or reach into
# objects, so they are refused.
MAX_MESSAGGIO = 2000
MAX_SEGNAPOSTI = 20
MAX_NUMERO = 10**9
_NOME_SEGNAPOSTO = re.compile(r"^[a-z_][a-z0-9_]*$")


def _message_problem(text: str, placeholders: set[str], codice: str) -> Text | None:
    if len(text) > MAX_MESSAGGIO:
        return both("message_too_long", code=codice, limit=MAX_MESSAGGIO)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return both("message_braces", code=codice)
    fields = [(name, spec, conv) for _, name, spec, conv in parts if name is not None]
    if len(fields) > MAX_SEGNAPOSTI:
        return both("message_too_many_placeholders", code=codice, limit=MAX_SEGNAPOSTI)
    for name, spec, conv in fields:
        if not _NOME_SEGNAPOSTO.match(name) or spec or conv:
            shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            return both("message_format_spec", code=codice, field=repr(shown[:40])[1:-1])
        if name not in placeholders:
            return both("bad_placeholder", name=name, code=codice)
    return None


def _value_problem(valore: Any, uso: str | None, nome: str) -> Text | None:
    """A dated parameter's value: null, a number, or a list of texts; a threshold is a whole number."""
    if valore is None:
        return None
    numero = isinstance(valore, int | float) and not isinstance(valore, bool)
    if uso == "lettere" or isinstance(valore, list):
        if uso == "soglia" or not isinstance(valore, list) or not all(isinstance(x, str) for x in valore):
            return both("bad_param_value", name=nome, value=_shown(valore), expected=_ATTESO[uso or "lista"])
        return None
    if not numero:
        return both("bad_param_value", name=nome, value=_shown(valore), expected=_ATTESO[uso or "numero"])
    if not (0 <= valore <= MAX_NUMERO) or valore != valore:  # NaN is not equal to itself
        return both("bad_param_value", name=nome, value=_shown(valore), expected=_ATTESO["intervallo"])
    if uso == "soglia" and not isinstance(valore, int):
        return both("bad_param_value", name=nome, value=_shown(valore), expected=_ATTESO["soglia"])
    if uso == "percentuale" and valore > 100:
        return both("bad_param_value", name=nome, value=_shown(valore), expected=_ATTESO["percentuale"])
    return None


_ATTESO: dict[str, Text] = {
    "soglia": {"it": "un numero intero", "en": "a whole number"},
    "numero": {"it": "un numero", "en": "a number"},
    "percentuale": {"it": "una percentuale tra 0 e 100", "en": "a percentage from 0 to 100"},
    "lettere": {"it": "un elenco di lettere", "en": "a list of letters"},
    "lista": {"it": "un numero o un elenco di testi", "en": "a number or a list of texts"},
    "intervallo": {
        "it": f"un numero tra 0 e {MAX_NUMERO:_}".replace("_", "."),
        "en": f"a number from 0 to {MAX_NUMERO:,}",
    },
}


def _shown(valore: Any) -> str:
    text = (
        json.dumps(valore, ensure_ascii=False) if valore is None or isinstance(valore, bool) else repr(valore)
    )
    return text if len(text) <= 40 else text[:39] + "…"


def _remedy_problem(rimedio: str, funzioni: set[str], placeholders: set[str], p: Pacchetto) -> Text | None:
    tipo, _, oggetto = rimedio.partition(":")
    if tipo not in TIPI_RIMEDIO or not oggetto:
        return {
            "it": f"tipo ammesso: {', '.join(TIPI_RIMEDIO)}",
            "en": f"allowed kinds: {', '.join(TIPI_RIMEDIO)}",
        }
    if m := re.fullmatch(r"\{(\w+)\}", oggetto):
        if m[1] not in placeholders:
            return {"it": f"segnaposto sconosciuto {{{m[1]}}}", "en": f"unknown placeholder {{{m[1]}}}"}
        return None
    if tipo in ("convenzione", "delibera") and oggetto not in funzioni:
        return {"it": "funzione assente dal catalogo", "en": "function not in the catalogue"}
    if tipo == "piano" and oggetto not in PIANI:
        return {"it": f"piani ammessi: {', '.join(PIANI)}", "en": f"allowed plans: {', '.join(PIANI)}"}
    return None
