"""What a template may use: the drafting context, a typed model built from the profile, the result and the pack.

Every value is ready to print in an Italian act: dates in words, numbers the Italian way, and every datum the
profile lacks as a visible `[DA COMPLETARE: …]`. `templates lint` checks the templates against these models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from avviamento import __version__
from avviamento.comuni import anagrafe, indice_membro
from avviamento.effettivita import comuni_conferenti
from avviamento.esito import Esito, Rilievo, StatoFunzione
from avviamento.i18n import data_estesa
from avviamento.profilo import Comune, Delibera, Funzione, Profilo
from avviamento.regole import RulePack

# Emilia-Romagna's «area vasta» bodies: Bologna is a Città metropolitana since 2015 (L. 56/2014).
AREE_VASTE = {
    "BO": "Città metropolitana di Bologna",
    "FC": "Provincia di Forlì-Cesena",
    "FE": "Provincia di Ferrara",
    "MO": "Provincia di Modena",
    "PC": "Provincia di Piacenza",
    "PR": "Provincia di Parma",
    "RA": "Provincia di Ravenna",
    "RE": "Provincia di Reggio Emilia",
    "RN": "Provincia di Rimini",
}


def da_completare(cosa: str) -> str:
    """The visible marker of a datum the profile lacks: never a blank in an act."""
    return f"[DA COMPLETARE: {cosa}]"


def numero(valore: float) -> str:
    """`12.345`, `2,5`: the Italian way."""
    if float(valore).is_integer():
        return f"{int(valore):,}".replace(",", ".")
    return f"{valore:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def elenco(nomi: list[str]) -> str:
    """`Codigoro, Goro e Mesola`."""
    return nomi[0] if len(nomi) == 1 else f"{', '.join(nomi[:-1])} e {nomi[-1]}"


class _Modello(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RilievoAtto(_Modello):
    """A finding of `check` that the act cures (for the drafting note)."""

    codice: str
    titolo: str
    messaggio: str
    fonte: str
    scadenza: str  # «30 giugno 2024», or «nessuna»


class Documento(_Modello):
    """The act itself: kind, title and the facts of its drafting."""

    tipo: str  # convenzione | delibera | regolamento | piano
    titolo: str
    data_valutazione: str  # «1º marzo 2024»
    anno: int
    triennio: str  # «2024–2026»
    rilievi: list[RilievoAtto]
    regole: str  # «er-lr21-2012 2026.11.1»
    redatto_con: str  # «avviamento 0.1.0»


class UnioneAtto(_Modello):
    nome: str
    designazione: str  # «Unione dei Comuni Terre del Delta» or «Unione «Nuovo Circondario Imolese»»
    elenco_comuni: str  # «Codigoro, Goro e Mesola»
    codice_fiscale: str
    area_vasta: str  # «Provincia di Ferrara», «Città metropolitana di Bologna»
    sede: str
    pec: str
    atto_costitutivo: str
    decorrenza: str
    statuto_approvato: str
    statuto_pubblicazione: str
    presidente: str
    giunta: str  # how the Giunta is made (LR 21/2012 art. 24 c.5)
    montana: bool
    popolazione: str


class ComuneAtto(_Modello):
    nome: str
    istat: str
    area_vasta: str
    sindaco: str
    popolazione: str
    montano: bool
    obbligato: bool  # ≤ 5,000 inhabitants (≤ 3,000 montane): all fundamental functions, a tempo indeterminato


class ConferimentoAtto(_Modello):
    """One member Comune against one function: its council deliberation, adopted or still to adopt."""

    comune: ComuneAtto
    adottata: bool
    delibera: str  # «n. 58 del 26 ottobre 2023», or the markers for number and date


class FunzioneAtto(_Modello):
    codice: str
    etichetta: str
    lettera_dl78: str  # «i», or «» when the function is not a fundamental one
    art7_c3: str  # «obbligatoria», «chiave», or «»
    effettiva: bool
    clausole: list[str]  # function-specific clauses from the rule pack
    responsabile: str
    decorrenza: str
    durata: str  # «a tempo indeterminato», «per cinque anni», or a marker
    tempo_indeterminato: bool
    riparto_spese: str
    personale: str
    conferimenti: list[ConferimentoAtto]  # every member Comune, in the profile's order
    comuni_mancanti: list[str]


class Adozione(_Modello):
    """A regolamento or a plan: what it is, who adopts it and on which legal basis."""

    codice: str
    titolo: str
    organo: str  # «Giunta dell'Unione» | «Consiglio dell'Unione»
    base_giuridica: str  # «ai sensi dell'art. 152 …», to follow «adottato»


class ContestoBase(_Modello):
    unione: UnioneAtto
    comuni: list[ComuneAtto]
    funzioni: list[FunzioneAtto]  # every declared function, effective or not
    documento: Documento


class ContestoConvenzione(ContestoBase):
    funzione: FunzioneAtto
    comuni_obbligati: list[ComuneAtto]


class ContestoDelibera(ContestoBase):
    funzione: FunzioneAtto
    comune: ComuneAtto
    immediata_eseguibilita: bool


class ContestoRegolamento(ContestoBase):
    regolamento: Adozione


class ContestoPiano(ContestoBase):
    piano: Adozione


REGOLAMENTI: dict[str, Adozione] = {
    "organizzazione_uffici_servizi": Adozione(
        codice="organizzazione_uffici_servizi",
        titolo="Regolamento sull'ordinamento degli uffici e dei servizi",
        organo="Giunta dell'Unione",
        base_giuridica="ai sensi degli artt. 48, comma 3, e 89 del D.Lgs. 18 agosto 2000, n. 267",
    ),
    "contabilita": Adozione(
        codice="contabilita",
        titolo="Regolamento di contabilità",
        organo="Consiglio dell'Unione",
        base_giuridica=(
            "ai sensi dell'art. 152 del D.Lgs. 18 agosto 2000, n. 267, e nel rispetto dei principi del "
            "D.Lgs. 23 giugno 2011, n. 118"
        ),
    ),
}
PIANI: dict[str, Adozione] = {
    "piano_comunicazione": Adozione(
        codice="piano_comunicazione",
        titolo="Piano di comunicazione dell'Unione",
        organo="Giunta dell'Unione",
        base_giuridica=(
            "ai sensi degli artt. 1 e 6 della L. 7 giugno 2000, n. 150, e della direttiva del Ministro per la "
            "funzione pubblica 7 febbraio 2002"
        ),
    ),
    "programmazione_personale": Adozione(
        codice="programmazione_personale",
        titolo="Programmazione integrata del personale",
        organo="Giunta dell'Unione",
        base_giuridica=(
            "ai sensi dell'art. 6 del D.L. 9 giugno 2021, n. 80, del D.M. 30 giugno 2022, n. 132 (sezione 3 "
            "«Organizzazione e capitale umano» del PIAO) e dell'art. 6 del D.Lgs. 30 marzo 2001, n. 165"
        ),
    ),
    "piano_formazione": Adozione(
        codice="piano_formazione",
        titolo="Piano di formazione unitario",
        organo="Giunta dell'Unione",
        base_giuridica=(
            "ai sensi dell'art. 6 del D.L. 9 giugno 2021, n. 80, e del D.M. 30 giugno 2022, n. 132 (sezione 3 "
            "«Organizzazione e capitale umano» del PIAO)"
        ),
    ),
}
GIUNTA = {
    "sindaci": "composta dai Sindaci dei Comuni aderenti",
    "assessori_delegati": (
        "composta da un unico assessore per ciascun Comune, con specifica delega all'insieme delle funzioni "
        "conferite"
    ),
    "mista": "composta da Sindaci e da assessori delegati dei Comuni aderenti",
}
ANNI = {1: "un anno", 2: "due anni", 3: "tre anni", 4: "quattro anni", 5: "cinque anni", 10: "dieci anni"}


@dataclass(frozen=True)
class Fonti:
    """Everything a context is built from, evaluated once per run."""

    profilo: Profilo
    pack: RulePack
    esito: Esito


class Costruttore:
    """Builds the context of each act; the parts shared by every act of a run are built once."""

    def __init__(self, fonti: Fonti) -> None:
        self.fonti = fonti
        profilo, esito = fonti.profilo, fonti.esito
        self.giorno = esito.data_valutazione
        self.comuni = [self._comune(i, c) for i, c in enumerate(profilo.comuni)]
        self.unione = self._unione()
        self.funzioni = [self._funzione(stato) for stato in esito.funzioni]

    def base(self, tipo: str, titolo: str, rilievi: tuple[str, ...]) -> dict[str, object]:
        return {
            "unione": self.unione,
            "comuni": self.comuni,
            "funzioni": self.funzioni,
            "documento": self._documento(tipo, titolo, rilievi),
        }

    def funzione(self, codice: str) -> FunzioneAtto:
        return next(f for f in self.funzioni if f.codice == codice)

    def convenzione(self, codice: str, rilievi: tuple[str, ...]) -> ContestoConvenzione:
        funzione = self.funzione(codice)
        titolo = f"Convenzione per il conferimento della funzione «{funzione.etichetta}»"
        return ContestoConvenzione(
            **self.base("convenzione", titolo, rilievi),
            funzione=funzione,
            comuni_obbligati=[c for c in self.comuni if c.obbligato],
        )

    def delibera(
        self, codice: str, indice_comune: int, rilievi: tuple[str, ...], immediata: bool
    ) -> ContestoDelibera:
        funzione = self.funzione(codice)
        comune = self.comuni[indice_comune]
        titolo = f"Schema di deliberazione del Consiglio comunale di {comune.nome}: {funzione.etichetta}"
        return ContestoDelibera(
            **self.base("delibera", titolo, rilievi),
            funzione=funzione,
            comune=comune,
            immediata_eseguibilita=immediata,
        )

    def regolamento(self, codice: str, rilievi: tuple[str, ...]) -> ContestoRegolamento:
        adozione = REGOLAMENTI[codice]
        return ContestoRegolamento(
            **self.base("regolamento", adozione.titolo, rilievi),
            regolamento=adozione,
        )

    def piano(self, codice: str, rilievi: tuple[str, ...]) -> ContestoPiano:
        adozione = PIANI[codice]
        return ContestoPiano(
            **self.base("piano", adozione.titolo, rilievi),
            piano=adozione,
        )

    # --- the shared parts ---

    def _documento(self, tipo: str, titolo: str, rilievi: tuple[str, ...]) -> Documento:
        esito = self.fonti.esito
        aperti = [r for r in esito.rilievi if r.aperto and r.regola in rilievi]
        visti: set[str] = set()
        voci: list[RilievoAtto] = []
        for r in aperti:
            if r.regola not in visti:
                visti.add(r.regola)
                voci.append(_rilievo(r))
        anno = self.giorno.year
        return Documento(
            tipo=tipo,
            titolo=titolo,
            data_valutazione=data_estesa(self.giorno),
            anno=anno,
            triennio=f"{anno}–{anno + 2}",
            rilievi=voci,
            regole=f"{esito.regole.id} {esito.regole.versione}",
            redatto_con=f"avviamento {__version__}",
        )

    def _unione(self) -> UnioneAtto:
        u = self.fonti.profilo.unione
        nome = u.nome
        designazione = nome if nome.casefold().startswith("unione") else f"Unione «{nome}»"
        statuto = u.statuto
        popolazione = self.fonti.esito.popolazione
        return UnioneAtto(
            nome=nome,
            designazione=designazione,
            elenco_comuni=elenco([c.nome for c in self.fonti.profilo.comuni]),
            codice_fiscale=u.codice_fiscale or da_completare("codice fiscale dell'Unione"),
            area_vasta=_area_vasta(u.provincia),
            sede=u.sede or da_completare("sede dell'Unione"),
            pec=u.pec or da_completare("indirizzo PEC dell'Unione"),
            atto_costitutivo=_data(u.atto_costitutivo, "data dell'atto costitutivo"),
            decorrenza=_data(u.decorrenza, "data di inizio dell'operatività dell'Unione"),
            statuto_approvato=_data(
                statuto.approvato if statuto else None, "data di approvazione dello statuto"
            ),
            statuto_pubblicazione=(statuto.pubblicazione if statuto else None)
            or da_completare("estremi di pubblicazione dello statuto nel BURERT"),
            presidente=(u.organi.presidente if u.organi else None)
            or da_completare("nome del Presidente dell'Unione"),
            giunta=GIUNTA.get((u.organi.giunta if u.organi else None) or "", "")
            or da_completare("composizione della Giunta dell'Unione"),
            montana=u.montana,
            popolazione=f"{numero(popolazione)} abitanti"
            if popolazione is not None
            else da_completare("popolazione dell'Unione"),
        )

    def _comune(self, indice: int, comune: Comune) -> ComuneAtto:
        registro = anagrafe()
        popolazione = registro.popolazione(comune)
        riferimento = registro.cerca(comune)
        sigla = riferimento.provincia if riferimento else self.fonti.profilo.unione.provincia
        return ComuneAtto(
            nome=comune.nome,
            istat=comune.istat or (riferimento.istat if riferimento else da_completare("codice ISTAT")),
            area_vasta=_area_vasta(sigla),
            sindaco=comune.sindaco or da_completare(f"nome del Sindaco del Comune di {comune.nome}"),
            popolazione=numero(popolazione)
            if popolazione is not None
            else da_completare(f"popolazione del Comune di {comune.nome}"),
            montano=comune.montano if comune.montano is not None else self.fonti.profilo.unione.montana,
            obbligato=self._obbligato(comune, popolazione),
        )

    def _obbligato(self, comune: Comune, popolazione: int | None) -> bool:
        """DL 78/2010 art. 14 c.28, LR 21/2012 art. 7 c.3: the thresholds in force come from the pack."""
        pack = self.fonti.pack
        soglia = pack.valore("soglia_comuni_obbligati", self.giorno)
        soglia_montani = pack.valore("soglia_comuni_obbligati_montani", self.giorno)
        montano = comune.montano if comune.montano is not None else self.fonti.profilo.unione.montana
        scelta = soglia_montani if montano else soglia
        if popolazione is None or scelta is None or scelta.valore is None:
            return False
        return popolazione <= int(scelta.valore)

    def _funzione(self, stato: StatoFunzione) -> FunzioneAtto:
        profilo, pack = self.fonti.profilo, self.fonti.pack
        funzione = profilo.funzioni[stato.indice]
        voce = pack.catalogo.get(funzione.codice)
        clausole = [
            pack.pacchetto.clausole[c].it
            for c in (voce.clausole if voce else [])
            if c in pack.pacchetto.clausole
        ]
        conferenti = comuni_conferenti(profilo, funzione, self.giorno)
        durata, indeterminato = _durata(funzione, all(c.obbligato for c in self.comuni))
        convenzione = funzione.convenzione
        return FunzioneAtto(
            codice=funzione.codice,
            etichetta=stato.etichetta["it"],
            lettera_dl78=(voce.lettera_dl78 or "") if voce else "",
            art7_c3=(voce.art7_c3 or "") if voce else "",
            effettiva=stato.effettiva,
            clausole=clausole,
            responsabile=funzione.responsabile
            or da_completare("responsabile della funzione (servizio o ufficio dell'Unione)"),
            decorrenza=_data(funzione.avvio, "data di decorrenza del conferimento"),
            durata=durata,
            tempo_indeterminato=indeterminato,
            riparto_spese=(convenzione.riparto_spese if convenzione else None)
            or da_completare("criterio di riparto delle spese tra i Comuni (ad es. popolazione residente)"),
            personale=f"{numero(funzione.personale)} unità"
            if funzione.personale
            else da_completare("personale assegnato alla funzione (unità)"),
            conferimenti=[
                ConferimentoAtto(
                    comune=comune,
                    adottata=i in conferenti,
                    delibera=_delibera(_delibera_di(profilo, funzione, i))
                    if i in conferenti
                    else _delibera(None),
                )
                for i, comune in enumerate(self.comuni)
            ],
            comuni_mancanti=list(stato.comuni_mancanti),
        )


def _rilievo(r: Rilievo) -> RilievoAtto:
    return RilievoAtto(
        codice=r.regola,
        titolo=r.titolo["it"],
        messaggio=r.messaggio["it"],
        fonte=r.fonte.citazione(),
        scadenza=data_estesa(r.scadenza) if r.scadenza else "nessuna",
    )


def _area_vasta(sigla: str | None) -> str:
    if sigla is None:
        return da_completare("provincia")
    return AREE_VASTE.get(sigla) or f"Provincia ({sigla})"


def _data(giorno: dt.date | None, cosa: str) -> str:
    return data_estesa(giorno) if giorno else da_completare(cosa)


def _durata(funzione: Funzione, tutti_obbligati: bool) -> tuple[str, bool]:
    # when every member is obliged, the law fixes the duration (LR 21/2012 art. 24 c.6)
    durata = funzione.convenzione.durata if funzione.convenzione else None
    if durata == "indeterminata" or (durata is None and tutti_obbligati):
        return "a tempo indeterminato", True
    if isinstance(durata, int):
        return f"per {ANNI.get(durata, f'{durata} anni')}", False
    return da_completare("durata della convenzione (numero di anni, o a tempo indeterminato)"), False


def _delibera_di(profilo: Profilo, funzione: Funzione, indice: int) -> Delibera | None:
    for conferimento in funzione.conferimenti:
        if indice_membro(profilo, conferimento.comune) == indice and conferimento.delibera:
            return conferimento.delibera
    return None


def _delibera(delibera: Delibera | None) -> str:
    numero_ = delibera.numero if delibera else None
    giorno = delibera.data if delibera else None
    n = f"n. {numero_}" if numero_ is not None else f"n. {da_completare('numero')}"
    return f"{n} del {_data(giorno, 'data della deliberazione')}"
