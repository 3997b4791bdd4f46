"""The result of evaluating a profile: frozen values, language-neutral (texts carry `it` and `en`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from avviamento.errors import Text
from avviamento.i18n import Lang

Stato = Literal["soddisfatta", "in_scadenza", "scaduta", "violata", "non_applicabile"]
Gravita = Literal["errore", "avviso", "info"]
STATI_APERTI: frozenset[str] = frozenset({"in_scadenza", "scaduta", "violata"})


@dataclass(frozen=True)
class Fonte:
    atto: str
    articolo: str | None = None
    comma: str | None = None
    url: str | None = None

    def citazione(self) -> str:
        parts = [self.atto]
        if self.articolo:
            parts.append(f"art. {self.articolo}")
        if self.comma:
            parts.append(f"c. {self.comma}")
        return ", ".join(parts)


@dataclass(frozen=True)
class DaComporre:
    """A finding's message not yet written: the rule's templates and the values that fill them. A batch review
    prints only counts of ~50 findings a profile: composing each in both languages was a fifth of evaluate()."""

    modelli: Text
    valori: Mapping[str, Any]
    componi: Callable[[str, Mapping[str, Any], Lang], str]  # (template, values, lang) → text

    def testo(self) -> Text:
        lingue: tuple[Lang, ...] = ("it", "en")
        return {lang: self.componi(self.modelli[lang], self.valori, lang) for lang in lingue}


@dataclass(frozen=True)
class Rilievo:
    """One finding: a rule applied to the profile, with its deadline-aware status."""

    regola: str
    slug: str
    titolo: Text
    gravita: Gravita
    stato: Stato
    testo: Text | DaComporre  # the message, or what composes it when `messaggio` is first read
    fonte: Fonte
    confidenza: str
    scadenza: dt.date | None = None
    scadenza_confidenza: str | None = None
    giorni: int | None = None
    posizione: tuple[int, int] | None = None
    rimedi: tuple[str, ...] = ()
    funzione: str | None = None
    comuni: tuple[str, ...] = ()
    pacchetto: str | None = None  # the id of the rule pack the finding comes from
    percorso: tuple[
        str | int, ...
    ] = ()  # the profile's data the finding concerns: ("processi_partecipativi", 0, …)

    @property
    def aperto(self) -> bool:
        return self.stato in STATI_APERTI

    @property
    def messaggio(self) -> Text:
        testo = self.testo
        if isinstance(testo, DaComporre):
            testo = testo.testo()
            object.__setattr__(self, "testo", testo)  # composed once: frozen for everyone else
        return testo

    def __eq__(self, other: object) -> bool:
        """Equal findings say the same thing, whether or not their messages have been composed yet."""
        if not isinstance(other, Rilievo):
            return NotImplemented
        return self._campi() == other._campi()

    def _campi(self) -> tuple[object, ...]:
        return tuple(self.messaggio if f.name == "testo" else getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class StatoFunzione:
    """Whether one declared function is effective at the evaluation date, and why not."""

    codice: str
    etichetta: Text
    effettiva: bool
    motivi: tuple[Text, ...] = ()
    comuni_mancanti: tuple[str, ...] = ()  # members without an executive conferral by the date
    conta_art7: str | None = None  # obbligatoria | chiave | None
    conta_prt: bool | str = False
    indice: int = 0  # position in the profile's `funzioni` list


@dataclass(frozen=True)
class Indicatore:
    """One Carta d'identità indicator as the profile gives it."""

    funzione: str
    codice: str
    famiglia: str
    valore: float
    unita: str | None
    anno: int
    fonte: str | None


@dataclass(frozen=True)
class InfoRegole:
    id: str
    versione: str
    sha256: str
    titolo: Text | None = None  # the pack's title, for report headers
    classi: bool = True  # the pack defines classes (a report without them shows no computed class)


@dataclass(frozen=True)
class Esito:
    unione: str
    file: str
    data_valutazione: dt.date
    regole: InfoRegole
    classe: str
    classe_dichiarata: str | None
    motivi_classe: tuple[Text, ...]
    funzioni: tuple[StatoFunzione, ...]
    rilievi: tuple[Rilievo, ...]
    popolazione: int | None = None
    comuni: tuple[str, ...] = field(default=())
    etichette: dict[str, Text] = field(default_factory=dict)  # labels of the pack's whole function catalogue
    pacchetti: tuple[InfoRegole, ...] = ()  # every pack applied (`regole` is the first one)
    indicatori: tuple[Indicatore, ...] = ()

    @property
    def funzioni_effettive(self) -> tuple[str, ...]:
        return tuple(sorted(f.codice for f in self.funzioni if f.effettiva))

    @property
    def conforme(self) -> bool:
        return not any(r.gravita == "errore" and r.aperto for r in self.rilievi)

    @property
    def esito(self) -> str:
        return "conforme" if self.conforme else "non_conforme"

    def conteggio(self, gravita: str) -> int:
        return sum(1 for r in self.rilievi if r.gravita == gravita and r.aperto)
