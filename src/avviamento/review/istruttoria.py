"""The result of a review: frozen values, language-neutral (texts carry `it` and `en`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from avviamento.classi import RANGO
from avviamento.errors import Text
from avviamento.esito import Esito, InfoRegole

FORMATO = "avviamento/istruttoria@1"


@dataclass(frozen=True, slots=True)
class ComuneMembro:
    """A member Comune as a profile names it: what the cross-file checks compare."""

    nome: str
    istat: str | None


@dataclass(frozen=True, slots=True)
class Riga:
    """One file of the batch: its outcome, or the one-line error that made it unusable."""

    file: str
    valido: bool
    errore: Text | None = None  # `file:line:col: message`, in each language
    unione: str | None = None  # also read from an invalid profile, when its YAML names the Union
    codice_fiscale: str | None = None
    classe_dichiarata: str | None = None
    classe: str | None = None
    funzioni_effettive: tuple[str, ...] = ()
    errori: int = 0  # open findings of severity `errore`
    avvisi: int = 0
    informazioni: int = 0
    data_valutazione: dt.date | None = None
    data_riferimento: dt.date | None = None  # the profile's own date: orders versions of one Union
    comuni: tuple[ComuneMembro, ...] = ()
    esito: Esito | None = None  # kept, with its open findings only, when the report shows the findings

    @property
    def conforme(self) -> bool:
        return self.valido and self.errori == 0

    @property
    def dichiarata_superiore(self) -> bool:
        """The Union claims a class above the one its data give (costituita/esistente < avviata < …)."""
        if not self.valido or self.classe_dichiarata is None:
            return False
        return RANGO.get(self.classe_dichiarata, 0) > RANGO.get(self.classe or "", 0)


@dataclass(frozen=True, slots=True)
class RilievoIncrociato:
    """What no single file shows: a Comune in two Unions, a Union sent twice, a class claimed too high."""

    tipo: str  # comune_in_piu_unioni | unione_duplicata | versioni_unione | classe_dichiarata_superiore
    messaggio: Text
    file: tuple[str, ...]
    comuni: tuple[str, ...] = ()
    unioni: tuple[str, ...] = ()


@dataclass(frozen=True)
class Etichette:
    """The words a reader sees for the pack's codes: `non avviata`, `Polizia locale`."""

    classi: dict[str, Text] = field(default_factory=dict)
    funzioni: dict[str, Text] = field(default_factory=dict)

    def classe(self, codice: str | None, lang: str) -> str:
        if not codice:
            return "—"
        etichetta = self.classi.get(codice)
        return etichetta[lang] if etichetta else codice.replace("_", " ")

    def funzione(self, codice: str, lang: str) -> str:
        etichetta = self.funzioni.get(codice)
        return etichetta[lang] if etichetta else codice.replace("_", " ")


@dataclass(frozen=True)
class Istruttoria:
    """The whole batch: the rows in file order and the findings across files."""

    data_valutazione: dt.date | None  # the --as-of date; None when each profile uses its data_riferimento
    regole: InfoRegole
    righe: tuple[Riga, ...]
    incrociati: tuple[RilievoIncrociato, ...]
    pacchetti: tuple[InfoRegole, ...] = ()  # every pack applied (`regole` is the first one)
    etichette: Etichette = field(default_factory=Etichette)

    @property
    def esito_negativo(self) -> bool:
        """Exit code 1: some profile is invalid or has an open `errore` finding."""
        return any(not r.conforme for r in self.righe)

    def conteggi(self) -> dict[str, int]:
        """The summary a reviewer reads first."""
        validi = [r for r in self.righe if r.valido]
        return {
            "profili": len(self.righe),
            "validi": len(validi),
            "non_validi": len(self.righe) - len(validi),
            "conformi": sum(1 for r in validi if r.errori == 0),
            "con_errori": sum(1 for r in validi if r.errori > 0),
            "errori": sum(r.errori for r in validi),
            "avvisi": sum(r.avvisi for r in validi),
            "rilievi_incrociati": len(self.incrociati),
        }
