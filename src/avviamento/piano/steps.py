"""What is still to be done at the evaluation date: the open gaps a plan schedules, read from `evaluate()`.

A function that is not effective needs, for each Comune still to confer it, a council deliberation; then the
signature of the convenzione (again when a Comune joins late); then the transfer of staff and the start of the
service. A missing plan (ER-011…013) or regolamento (ER-014) needs a deliberation of the Union's Giunta or
Council.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from avviamento.errors import Text
from avviamento.esito import Esito, Fonte, Rilievo, StatoFunzione
from avviamento.profilo import Comune, Funzione, Profilo
from avviamento.regole import RulePack

Tipo = Literal["funzione", "piano", "regolamento", "processo_partecipativo", "piano_strategico"]
Organo = Literal["consiglio_comunale", "giunta", "consiglio_unione", "ente_titolare"]

PIANI: dict[str, Text] = {
    "piano_comunicazione": {"it": "Piano di comunicazione", "en": "Communication plan"},
    "programmazione_personale": {
        "it": "Programmazione integrata del personale",
        "en": "Integrated staff planning",
    },
    "piano_formazione": {"it": "Piano di formazione unitario", "en": "Joint training plan"},
}
REGOLAMENTI: dict[str, Text] = {
    "organizzazione_uffici_servizi": {
        "it": "Regolamento sull'ordinamento degli uffici e dei servizi",
        "en": "Regulation on the organisation of offices and services",
    },
    "contabilita": {"it": "Regolamento di contabilità", "en": "Accounting regulation"},
}
# TUEL art. 48 c.3: the Giunta adopts the regolamento on offices and services; other regolamenti (contabilità,
# TUEL art. 152 and art. 42) belong to the Council.
REGOLAMENTI_DI_GIUNTA = frozenset({"organizzazione_uffici_servizi"})


@dataclass(frozen=True)
class Lacuna:
    """One open gap: a function not effective, a plan or a regolamento not approved (or, for a participation
    pack, a participatory process or the strategic plan, see partecipazione.py)."""

    tipo: Tipo
    codice: str
    etichetta: Text
    organo: Organo
    fonte: Fonte  # the legal basis of the deliberation that cures the gap
    confidenza: str
    regole: tuple[str, ...] = ()  # the open findings it cures
    motivi: tuple[Text, ...] = ()
    comuni: tuple[Comune, ...] = ()  # members still to deliberate, in profile order
    convenzione: bool = False  # the convenzione is still to be signed
    avvio: bool = False  # staff/budget still to be transferred and the service started


def lacune(profilo: Profilo, pack: RulePack, esito: Esito) -> list[Lacuna]:
    """The open gaps at the evaluation date, functions in profile order, then plans, then regolamenti."""
    aperti = [r for r in esito.rilievi if r.aperto]
    giorno = esito.data_valutazione
    found = [
        _lacuna_funzione(profilo, pack, stato, aperti, giorno)
        for stato in esito.funzioni
        if not stato.effettiva
    ]
    found += _lacune_atti(profilo, aperti, giorno)
    return found


def _lacuna_funzione(
    profilo: Profilo, pack: RulePack, stato: StatoFunzione, aperti: list[Rilievo], giorno: dt.date
) -> Lacuna:
    funzione = profilo.funzioni[stato.indice]
    propri = [r for r in aperti if r.funzione == stato.codice]
    conferimento = next((r for r in propri if r.regola == "ER-004"), None) or next(iter(propri), None)
    if conferimento is not None:
        fonte, confidenza = conferimento.fonte, conferimento.confidenza
    else:
        fonte, confidenza = _fonte_regola(pack, "ER-004")
    mancanti = set(stato.comuni_mancanti)
    return Lacuna(
        tipo="funzione",
        codice=stato.codice,
        etichetta=stato.etichetta,
        organo="consiglio_comunale",
        fonte=fonte,
        confidenza=confidenza,
        regole=tuple(dict.fromkeys(r.regola for r in propri)),
        motivi=stato.motivi,
        comuni=tuple(c for c in profilo.comuni if c.nome in mancanti),
        convenzione=bool(mancanti) or not _firmata(funzione, giorno),
        avvio=not _avviata(funzione, giorno),
    )


def _firmata(funzione: Funzione, giorno: dt.date) -> bool:
    firma = funzione.convenzione.sottoscritta if funzione.convenzione else None
    return firma is not None and firma <= giorno


def _avviata(funzione: Funzione, giorno: dt.date) -> bool:
    """Started, with staff or budget moved to the Union (LR 21/2012 art. 24 c.5)."""
    risorse = (funzione.personale or 0) > 0 or funzione.spesa_in_bilancio_unione is True
    return funzione.avvio is not None and funzione.avvio <= giorno and risorse


def _fonte_regola(pack: RulePack, codice: str) -> tuple[Fonte, str]:
    regola = pack.regola(codice)
    if regola is not None:
        return regola.fonte.esito(), regola.confidenza
    tempo = pack.pacchetto.tempi["convocazione_consiglio"]
    return tempo.fonte.esito(), tempo.confidenza


def _lacune_atti(profilo: Profilo, aperti: list[Rilievo], giorno: dt.date) -> list[Lacuna]:
    """Plans and regolamenti named by the remedies (`piano:…`, `regolamento:…`) of open findings."""
    by_key: dict[tuple[str, str], Lacuna] = {}
    for rilievo in aperti:
        for rimedio in rilievo.rimedi:
            tipo, _, oggetto = rimedio.partition(":")
            if tipo not in ("piano", "regolamento") or _approvato(profilo, tipo, oggetto, giorno):
                continue
            key = (tipo, oggetto)
            if key in by_key:
                previous = by_key[key]
                by_key[key] = replace(previous, regole=(*previous.regole, rilievo.regola))
                continue
            if tipo == "piano":
                etichetta = PIANI.get(oggetto, {"it": oggetto, "en": oggetto})
                organo: Organo = "giunta"
            else:
                etichetta = REGOLAMENTI.get(
                    oggetto, {"it": f"Regolamento «{oggetto}»", "en": f"Regulation «{oggetto}»"}
                )
                organo = "giunta" if oggetto in REGOLAMENTI_DI_GIUNTA else "consiglio_unione"
            by_key[key] = Lacuna(
                tipo="piano" if tipo == "piano" else "regolamento",
                codice=oggetto,
                etichetta=etichetta,
                organo=organo,
                fonte=rilievo.fonte,
                confidenza=rilievo.confidenza,
                regole=(rilievo.regola,),
                motivi=(rilievo.messaggio,),
            )
    ordine = {"piano": 0, "regolamento": 1}
    return sorted(by_key.values(), key=lambda lac: ordine[lac.tipo])


def _approvato(profilo: Profilo, tipo: str, oggetto: str, giorno: dt.date) -> bool:
    """Already approved by the day (perhaps late): nothing left to schedule."""
    adempimenti = profilo.adempimenti
    if tipo == "piano":
        atto = getattr(adempimenti, oggetto, None)
        approvato = getattr(atto, "approvato", None)
        return approvato is not None and approvato <= giorno
    return any(
        r.tipo == oggetto and r.approvato is not None and r.approvato <= giorno
        for r in adempimenti.regolamenti
    )
