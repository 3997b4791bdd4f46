"""What every check kind shares: the evaluation context and the two things a check may yield."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from avviamento.comuni import Anagrafe
from avviamento.errors import Text
from avviamento.esito import StatoFunzione
from avviamento.profilo import Funzione, Profilo
from avviamento.regole import RulePack
from avviamento.yamlio import Path_

Valore = str | int | float | dt.date | list[str] | dict[str, str]


class ParametriBase(BaseModel):
    """Base of every check kind's parameters: unknown keys are errors."""

    # defer_build: a kind's validator is built when a pack first uses it, not when the checks are imported
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(frozen=True)
class Violazione:
    """The rule is not met here. `valori` fill the rule's message; `variante` picks one of its `messaggi`."""

    valori: dict[str, Valore]
    percorso: Path_ = ()
    variante: str | None = None
    funzione: str | None = None
    comuni: tuple[str, ...] = ()
    scadenza: dt.date | None = None  # a deadline of this finding only (e.g. 30 days after a process ends)


@dataclass(frozen=True)
class NonApplicabile:
    motivo: Text


Esame = Violazione | NonApplicabile
Risultati = Iterator[Esame]


@dataclass(frozen=True)
class Contesto:
    profilo: Profilo
    pack: RulePack
    data: dt.date
    funzioni: tuple[StatoFunzione, ...]
    classe: str
    anagrafe: Anagrafe
    popolazioni: tuple[int | None, ...] = field(default=())
    motivi_classe: tuple[Text, ...] = ()  # why the next class is not reached
    scadenza_regola: dt.date | None = None  # the deadline of the rule being checked, when it has one

    def stato(self, codice: str) -> StatoFunzione | None:
        return next((f for f in self.funzioni if f.codice == codice), None)

    def effettive(self) -> set[str]:
        return {f.codice for f in self.funzioni if f.effettiva}

    def etichetta(self, codice: str) -> Text:
        voce = self.pack.catalogo.get(codice)
        return voce.etichetta.as_text() if voce else {"it": codice, "en": codice}

    def elenco_etichette(self, codici: list[str]) -> Text:
        labels = [self.etichetta(c) for c in codici]
        return {lang: ", ".join(label[lang] for label in labels) or "—" for lang in ("it", "en")}

    def soglia(self, nome: str) -> int | None:
        valore = self.pack.valore(nome, self.data)
        return None if valore is None or valore.valore is None else int(valore.valore)

    def in_corso(self) -> Iterator[tuple[StatoFunzione, Funzione]]:
        """Functions the Union already runs or every member conferred: art. 24 c.4–5 bind them."""
        for stato in self.funzioni:
            funzione = self.profilo.funzioni[stato.indice]
            if funzione.avvio is not None or not stato.comuni_mancanti:
                yield stato, funzione

    def comune_obbligato(self, indice: int, soglia: int, soglia_montani: int) -> bool:
        """≤ 5,000 inhabitants, ≤ 3,000 if montane (DL 78/2010 art. 14 c.28; LR 21/2012 art. 7 c.3)."""
        comune = self.profilo.comuni[indice]
        popolazione = self.popolazioni[indice]
        montano = comune.montano if comune.montano is not None else self.profilo.unione.montana
        return popolazione is not None and popolazione <= (soglia_montani if montano else soglia)


class ParametriObbligati(ParametriBase):
    """Population thresholds of the Comuni obliged to associate (DL 78/2010 art. 14 c.28)."""

    soglia: str
    soglia_montani: str


def soglie_obbligati(ctx: Contesto, params: ParametriObbligati) -> tuple[int, int] | NonApplicabile:
    soglia, soglia_montani = ctx.soglia(params.soglia), ctx.soglia(params.soglia_montani)
    if soglia is None or soglia_montani is None:
        return soglia_non_in_vigore(params.soglia, ctx.data)
    return soglia, soglia_montani


def soglia_non_in_vigore(nome: str, giorno: dt.date) -> NonApplicabile:
    return NonApplicabile(
        {
            "it": f"nessun valore di '{nome}' in vigore al {giorno.isoformat()}",
            "en": f"no value of '{nome}' in force on {giorno.isoformat()}",
        }
    )


NESSUN_PROCESSO = NonApplicabile(
    {"it": "il profilo non ha processi partecipativi", "en": "the profile has no participatory processes"}
)
NESSUN_PIANO = NonApplicabile(
    {"it": "il profilo non ha un piano strategico", "en": "the profile has no strategic plan"}
)


def sezioni(ctx: Contesto, sezione: str) -> Iterator[tuple[object, Path_, str]]:
    """The strategic plan, or each participatory process: the object, its path and the title messages name."""
    if sezione == "piano_strategico":
        if ctx.profilo.piano_strategico is not None:
            yield ctx.profilo.piano_strategico, ("piano_strategico",), "Piano strategico"
        return
    for i, processo in enumerate(ctx.profilo.processi_partecipativi):
        yield processo, ("processi_partecipativi", i), processo.titolo


def campo_data(oggetto: object, percorso: str) -> dt.date | None:
    """The date at a dotted path of a profile section (`docpp.validato`, `fasi.0.dal`); None when absent."""
    valore: object = oggetto
    for parte in percorso.split("."):
        if valore is None:
            return None
        if parte.isdigit():
            elenco = valore if isinstance(valore, list) else []
            valore = elenco[int(parte)] if int(parte) < len(elenco) else None
        else:
            valore = getattr(valore, parte, None)
    return valore if isinstance(valore, dt.date) else None


def percorso_campo(percorso: str) -> Path_:
    return tuple(int(p) if p.isdigit() else p for p in percorso.split("."))


def piu_mesi(giorno: dt.date, mesi: int) -> dt.date:
    """The same day `mesi` months later (the month's last day when it has fewer days)."""
    anno, mese = divmod(giorno.month - 1 + mesi, 12)
    anno += giorno.year
    for day in (giorno.day, 30, 29, 28):
        try:
            return dt.date(anno, mese + 1, day)
        except ValueError:
            continue
    raise ValueError(giorno)
