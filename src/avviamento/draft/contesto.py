"""What a template may use: the drafting context, a typed model built from the profile, the result and the pack.

Every value is ready to print in an Italian act: dates in words, numbers the Italian way, and every datum the
profile lacks as a visible `[DA COMPLETARE: …]`. `templates lint` checks the templates against these models.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, Field

from avviamento import __version__
from avviamento.comuni import anagrafe, indice_membro
from avviamento.effettivita import comuni_conferenti
from avviamento.esito import Esito, Rilievo, StatoFunzione
from avviamento.i18n import data_estesa
from avviamento.profilo import Comune, Convenzione, Delibera, Funzione, Profilo
from avviamento.regole import RulePack
from avviamento.risorse import templates_dir

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
    testo = cosa.replace("'", "’")
    return f"[DA COMPLETARE: {testo}]"


# LR 21/2012 is of 21 December 2012: a Union constituted before it was constituted under the earlier law
LR21_2012 = dt.date(2012, 12, 21)
# TUEL art. 39 c.1: above 15,000 inhabitants the council has a Presidente elected among its members
SOGLIA_PRESIDENTE_CONSIGLIO = 15_000
# a role where a person's name should be («Sindaco di Anzola»): printed after «il Sindaco» it would read twice
RUOLO = re.compile(
    r"^\s*(il |la )?(sindac[oa]|vice ?sindac[oa]|president[ea]|assessor[ea]|commissari[oa]|segretari[oa]|"
    r"comandante|responsabile)\b",
    re.IGNORECASE,
)


def persona(nome: str | None, cosa: str) -> str:
    """A person's name for «il Sindaco …»: a blank when missing or when the profile gives a role instead."""
    if not nome or RUOLO.match(nome):
        return da_completare(cosa)
    return nome


def giorno_esteso(giorno: dt.date) -> str:
    """«1° marzo 2024»: the acts write the first of the month as the templates do («1° gennaio»)."""
    return data_estesa(giorno).replace("1º", "1°")


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
    costituzione: str = ""  # «costituita … con atto costitutivo del …», citing the law only when it applies
    articolo_statuto: str = ""  # «dall'art. 7 dello statuto», or «»
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
    codice_fiscale: str = ""
    presidente_consiglio: bool = (
        False  # > 15,000 inhabitants: the council has its own Presidente (TUEL art. 39)
    )
    presidenza: str = ""  # who presides, to follow «Assume la presidenza»
    firma_presidente: str = ""  # the heading of the presiding officer's signature
    nome_presidente: str = ""  # the name under it


class ConferimentoAtto(_Modello):
    """One member Comune against one function: its council deliberation, adopted or still to adopt."""

    comune: ComuneAtto
    adottata: bool
    delibera: str  # «n. 58 del 26 ottobre 2023», or the markers for number and date
    delibera_convenzione: str = ""  # the deliberation that approves the text drafted now (blank if replacing)


class ContenutoFunzione(_Modello):
    """What a convenzione says of one function (templates/clausole_funzioni.yaml): sector laws, activities,
    what stays with the Comuni, staff, specific obligations."""

    leggi: list[str] = Field(default_factory=list)  # «la L. … sulla …;» for the recitals
    attivita: list[str] = Field(default_factory=list)
    riservate: list[str] = Field(default_factory=list)  # what stays with the Comuni (councils, mayors)
    personale: str = ""
    obblighi: list[str] = Field(default_factory=list)
    motivazione: str = ""  # for «Considerato che»


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
    contenuto: ContenutoFunzione = ContenutoFunzione()
    stato: str = (
        ""  # «esercitata dall’Unione», «avviata dal …; conferimento da completare», «da conferire», …
    )
    sostitutiva: bool = False  # a convenzione is already signed: the new one replaces it
    convenzione_precedente: str = ""  # «sottoscritta il 12 dicembre 2023 (rep. n. 45)», or «»


class Adozione(_Modello):
    """A regolamento or a plan: what it is, who adopts it and on which legal basis."""

    codice: str
    titolo: str
    organo: str  # «Giunta dell'Unione» | «Consiglio dell'Unione»
    base_giuridica: str  # «ai sensi dell'art. 152 …», to follow «adottato»
    tipo: str = "regolamento"  # regolamento | piano
    oggetto: str = ""  # «del Regolamento di contabilità», to follow «approvazione»
    consiglio: bool = False  # adopted by the Consiglio dell'Unione (else by the Giunta)
    pareri: list[str] = Field(default_factory=list)  # opinions besides art. 49 TUEL (revisore, …)
    informazione_sindacale: str = ""  # the information to the unions, when due


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
    conferimento: ConferimentoAtto | None = None  # the Comune's own earlier conferral, when adopted


class ContestoDeliberaUnione(ContestoConvenzione):
    """The deliberation of the Consiglio dell'Unione that accepts the conferral and approves the convenzione."""

    immediata_eseguibilita: bool


class ContestoAdozione(ContestoBase):
    """The deliberation (Giunta or Consiglio dell'Unione) that adopts a regolamento or a plan."""

    adozione: Adozione
    precedente: str  # the earlier act the new one updates, or «»
    immediata_eseguibilita: bool


class ContestoRegolamento(ContestoBase):
    regolamento: Adozione


class ContestoPiano(ContestoBase):
    piano: Adozione
    precedente: str = ""  # the earlier plan this one updates, or «»


REGOLAMENTI: dict[str, Adozione] = {
    "organizzazione_uffici_servizi": Adozione(
        codice="organizzazione_uffici_servizi",
        titolo="Regolamento sull’ordinamento degli uffici e dei servizi",
        oggetto="del Regolamento sull’ordinamento degli uffici e dei servizi",
        organo="Giunta dell’Unione",
        base_giuridica="ai sensi degli artt. 48, comma 3, e 89 del D.Lgs. 18 agosto 2000, n. 267",
        informazione_sindacale=(
            "informazione alle organizzazioni sindacali, ai sensi dell’art. 4 del CCNL Funzioni locali 16 novembre 2022"
        ),
    ),
    "contabilita": Adozione(
        codice="contabilita",
        titolo="Regolamento di contabilità",
        oggetto="del Regolamento di contabilità",
        organo="Consiglio dell’Unione",
        consiglio=True,
        base_giuridica=(
            "ai sensi dell’art. 152 del D.Lgs. 18 agosto 2000, n. 267, e nel rispetto dei principi del "
            "D.Lgs. 23 giugno 2011, n. 118"
        ),
        pareri=[
            "il parere dell’organo di revisione economico-finanziaria sulla proposta di regolamento, ai sensi "
            "dell’art. 239, comma 1, lettera b), numero 7), del D.Lgs. 18 agosto 2000, n. 267"
        ],
    ),
}
PIANI: dict[str, Adozione] = {
    "piano_comunicazione": Adozione(
        codice="piano_comunicazione",
        titolo="Piano di comunicazione dell’Unione",
        oggetto="del Piano di comunicazione dell’Unione",
        organo="Giunta dell’Unione",
        base_giuridica=(
            "ai sensi degli artt. 1 e 6 della L. 7 giugno 2000, n. 150, e della direttiva del Ministro per la "
            "funzione pubblica 7 febbraio 2002"
        ),
        tipo="piano",
    ),
    "programmazione_personale": Adozione(
        codice="programmazione_personale",
        titolo="Programmazione integrata del personale",
        oggetto="della sottosezione «Piano triennale dei fabbisogni di personale» del PIAO (sezione 3.3)",
        organo="Giunta dell’Unione",
        base_giuridica=(
            "ai sensi dell’art. 6 del D.L. 9 giugno 2021, n. 80, del D.M. 30 giugno 2022, n. 132 (sezione 3 "
            "«Organizzazione e capitale umano» del PIAO) e dell’art. 6 del D.Lgs. 30 marzo 2001, n. 165"
        ),
        tipo="piano",
        pareri=[
            "il parere dell’organo di revisione economico-finanziaria sulla programmazione del fabbisogno di "
            "personale, ai sensi dell’art. 19, comma 8, della L. 28 dicembre 2001, n. 448"
        ],
        informazione_sindacale=(
            "informazione alle organizzazioni sindacali, ai sensi dell’art. 4 del CCNL Funzioni locali 16 novembre 2022"
        ),
    ),
    "piano_formazione": Adozione(
        codice="piano_formazione",
        titolo="Piano di formazione unitario",
        oggetto="del Piano di formazione unitario (PIAO, sezione 3)",
        organo="Giunta dell’Unione",
        base_giuridica=(
            "ai sensi dell’art. 6 del D.L. 9 giugno 2021, n. 80, e del D.M. 30 giugno 2022, n. 132 (sezione 3 "
            "«Organizzazione e capitale umano» del PIAO)"
        ),
        tipo="piano",
        informazione_sindacale=(
            "informazione alle organizzazioni sindacali, ai sensi dell’art. 4 del CCNL Funzioni locali 16 novembre 2022"
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

    def base(
        self,
        tipo: str,
        titolo: str,
        rilievi: tuple[str, ...],
        rimedio: str | None = None,
        comune: str | None = None,
    ) -> dict[str, object]:
        return {
            "unione": self.unione,
            "comuni": self.comuni,
            "funzioni": self.funzioni,
            "documento": self._documento(tipo, titolo, rilievi, rimedio, comune),
        }

    def funzione(self, codice: str) -> FunzioneAtto:
        return next(f for f in self.funzioni if f.codice == codice)

    def convenzione(self, codice: str, rilievi: tuple[str, ...]) -> ContestoConvenzione:
        funzione = self.funzione(codice)
        titolo = f"Convenzione per il conferimento della funzione «{funzione.etichetta}»"
        return ContestoConvenzione(
            **self.base("convenzione", titolo, rilievi, f"convenzione:{codice}"),
            funzione=funzione,
            comuni_obbligati=[c for c in self.comuni if c.obbligato],
        )

    def delibera(
        self, codice: str, indice_comune: int, rilievi: tuple[str, ...], immediata: bool
    ) -> ContestoDelibera:
        funzione = self.funzione(codice)
        comune = self.comuni[indice_comune]
        titolo = f"Schema di deliberazione del Consiglio comunale di {comune.nome}: {funzione.etichetta}"
        conferimento = funzione.conferimenti[indice_comune]
        return ContestoDelibera(
            **self.base("delibera", titolo, rilievi, f"delibera:{codice}", comune.nome),
            funzione=funzione,
            comune=comune,
            immediata_eseguibilita=immediata,
            conferimento=conferimento if conferimento.adottata else None,
        )

    def delibera_unione(
        self, codice: str, rilievi: tuple[str, ...], immediata: bool
    ) -> ContestoDeliberaUnione:
        funzione = self.funzione(codice)
        titolo = f"Schema di deliberazione del Consiglio dell’Unione: {funzione.etichetta}"
        return ContestoDeliberaUnione(
            **self.base("delibera_unione", titolo, rilievi, f"convenzione:{codice}"),
            funzione=funzione,
            comuni_obbligati=[c for c in self.comuni if c.obbligato],
            immediata_eseguibilita=immediata,
        )

    def adozione(self, codice: str, rilievi: tuple[str, ...], immediata: bool) -> ContestoAdozione:
        adozione = REGOLAMENTI.get(codice) or PIANI[codice]
        titolo = f"Schema di deliberazione della {adozione.organo}: {adozione.titolo}"
        return ContestoAdozione(
            **self.base("adozione", titolo, rilievi, f"{adozione.tipo}:{codice}"),
            adozione=adozione,
            precedente=self._precedente(codice),
            immediata_eseguibilita=immediata,
        )

    def _precedente(self, codice: str) -> str:
        """The earlier act of a plan or regolamento, when the profile records one (the new act updates it)."""
        adempimenti = self.fonti.profilo.adempimenti
        voce = getattr(adempimenti, codice, None) if codice in PIANI else None
        regolamento = next((r for r in adempimenti.regolamenti if r.tipo == codice), None)
        atto, approvato = (voce.atto, voce.approvato) if voce else (None, None)
        if regolamento is not None:
            atto, approvato = regolamento.atto, regolamento.approvato
        if approvato is None:
            return ""
        return f"{atto or 'atto'} del {giorno_esteso(approvato)}"

    def regolamento(self, codice: str, rilievi: tuple[str, ...]) -> ContestoRegolamento:
        adozione = REGOLAMENTI[codice]
        return ContestoRegolamento(
            **self.base("regolamento", adozione.titolo, rilievi, f"regolamento:{codice}"),
            regolamento=adozione,
        )

    def piano(self, codice: str, rilievi: tuple[str, ...]) -> ContestoPiano:
        adozione = PIANI[codice]
        return ContestoPiano(
            **self.base("piano", adozione.titolo, rilievi, f"piano:{codice}"),
            piano=adozione,
            precedente=self._precedente(codice),
        )

    # --- the shared parts ---

    def _stato(self, stato: StatoFunzione, funzione: Funzione, conferenti: int) -> str:
        """How a plan describes a function: one running is never «in corso di conferimento»."""
        if stato.effettiva:
            return "esercitata dall’Unione"
        avviata = funzione.avvio is not None and funzione.avvio <= self.giorno
        if avviata and funzione.avvio is not None:
            return f"esercitata dall’Unione dal {giorno_esteso(funzione.avvio)}; conferimento da completare"
        if conferenti == 0:
            return "da conferire"
        if conferenti < len(self.comuni):
            comuni = "Comune" if conferenti == 1 else "Comuni"
            return f"conferita da {conferenti} {comuni} su {len(self.comuni)}"
        return "conferita, esercizio da avviare"

    def _documento(
        self, tipo: str, titolo: str, rilievi: tuple[str, ...], rimedio: str | None, comune: str | None
    ) -> Documento:
        # only the findings this act cures: ER-004 on ICT is not quoted in the Protezione civile convenzione
        esito = self.fonti.esito
        aperti = [
            r
            for r in esito.rilievi
            if r.aperto
            and r.regola in rilievi
            and (rimedio is None or rimedio in r.rimedi)
            and (comune is None or not r.comuni or comune in r.comuni)
        ]
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
            data_valutazione=giorno_esteso(self.giorno),
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
        articolo = statuto.articolo_conferimenti if statuto else None
        return UnioneAtto(
            nome=nome,
            costituzione=_costituzione(u.atto_costitutivo),
            articolo_statuto=_articolo(articolo),
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
            presidente=persona(u.organi.presidente if u.organi else None, "nome del Presidente dell’Unione"),
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
        sindaco = persona(comune.sindaco, f"nome del Sindaco del Comune di {comune.nome}")
        grande = popolazione is not None and popolazione > SOGLIA_PRESIDENTE_CONSIGLIO
        if grande:
            presidenza = (
                f"il Presidente del Consiglio comunale {da_completare('nome del Presidente del Consiglio')}"
            )
            firma, nome_firma = "IL PRESIDENTE DEL CONSIGLIO COMUNALE", da_completare("nome")
        else:
            presidenza = da_completare(
                f"il Sindaco {sindaco}, o il Presidente del Consiglio comunale se previsto dallo statuto"
            )
            firma, nome_firma = "IL PRESIDENTE", da_completare(f"il Sindaco {sindaco} o chi ha presieduto")
        return ComuneAtto(
            nome=comune.nome,
            istat=comune.istat or (riferimento.istat if riferimento else da_completare("codice ISTAT")),
            area_vasta=_area_vasta(sigla),
            sindaco=sindaco,
            codice_fiscale=comune.codice_fiscale
            or da_completare(f"codice fiscale del Comune di {comune.nome}"),
            popolazione=numero(popolazione)
            if popolazione is not None
            else da_completare(f"popolazione del Comune di {comune.nome}"),
            montano=comune.montano if comune.montano is not None else self.fonti.profilo.unione.montana,
            obbligato=self._obbligato(comune, popolazione),
            presidente_consiglio=grande,
            presidenza=presidenza,
            firma_presidente=firma,
            nome_presidente=nome_firma,
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
            pack.pacchetto.clausole[c].it.replace("'", "’")
            for c in (voce.clausole if voce else [])
            if c in pack.pacchetto.clausole
        ]
        conferenti = comuni_conferenti(profilo, funzione, self.giorno)
        durata, indeterminato = _durata(funzione, all(c.obbligato for c in self.comuni))
        convenzione = funzione.convenzione
        return FunzioneAtto(
            codice=funzione.codice,
            etichetta=stato.etichetta["it"].replace("'", "’"),
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
                    delibera_convenzione=_delibera(_delibera_di(profilo, funzione, i))
                    if i in conferenti and not sostitutiva(funzione, self.giorno)
                    else _delibera(None),
                )
                for i, comune in enumerate(self.comuni)
            ],
            comuni_mancanti=list(stato.comuni_mancanti),
            contenuto=contenuti().get(funzione.codice) or _contenuto_ignoto(),
            stato=self._stato(stato, funzione, len(conferenti)),
            sostitutiva=sostitutiva(funzione, self.giorno),
            convenzione_precedente=_convenzione_precedente(convenzione)
            if sostitutiva(funzione, self.giorno)
            else "",
        )


def sostitutiva(funzione: Funzione, giorno: dt.date) -> bool:
    """A convenzione is signed by the evaluation date: what is drafted replaces it, never drafted as new."""
    firmata = funzione.convenzione.sottoscritta if funzione.convenzione else None
    return firmata is not None and firmata <= giorno


def _articolo(articolo: str | None) -> str:
    """«art. 7» from «7», «art. 7» or «articolo 7»: it follows «all’» in the acts."""
    if not articolo or not articolo.strip():
        return ""
    testo = articolo.strip()
    return f"art. {testo}" if testo[0].isdigit() else testo


def _convenzione_precedente(convenzione: Convenzione | None) -> str:
    if convenzione is None or convenzione.sottoscritta is None:
        return ""
    repertorio = convenzione.repertorio or da_completare("numero di repertorio")
    return f"sottoscritta il {giorno_esteso(convenzione.sottoscritta)} (rep. n. {repertorio})"


def _costituzione(atto: dt.date | None) -> str:
    """Cite LR 21/2012 as the law of constitution only for a Union constituted under it (issue: Terre d'Acqua,
    2011); otherwise as the law that now governs it."""
    if atto is not None and atto >= LR21_2012:
        return (
            "costituita ai sensi dell’art. 32 del D.Lgs. 18 agosto 2000, n. 267 (TUEL), e della L.R. "
            f"Emilia-Romagna 21 dicembre 2012, n. 21, con atto costitutivo del {giorno_esteso(atto)}"
        )
    quando = giorno_esteso(atto) if atto else da_completare("data dell’atto costitutivo")
    return (
        f"costituita con atto costitutivo del {quando} e disciplinata dall’art. 32 del D.Lgs. 18 agosto 2000, "
        "n. 267 (TUEL), e dalla L.R. Emilia-Romagna 21 dicembre 2012, n. 21"
    )


@cache
def contenuti() -> dict[str, ContenutoFunzione]:
    """The function-specific clauses, bundled with the templates (templates/clausole_funzioni.yaml)."""
    testo = (templates_dir() / "clausole_funzioni.yaml").read_text(encoding="utf-8")
    dati = yaml.safe_load(testo) or {}
    return {codice: ContenutoFunzione(**voce) for codice, voce in dati.items()}


def _contenuto_ignoto() -> ContenutoFunzione:
    return ContenutoFunzione(
        attivita=[da_completare("attività e procedimenti compresi nella funzione")],
        riservate=[da_completare("competenze che restano ai Comuni")],
        personale=da_completare("profili del personale assegnato"),
        obblighi=[da_completare("obblighi specifici dell’Unione e dei Comuni per la funzione")],
        motivazione=da_completare("motivi del conferimento della funzione"),
    )


def _rilievo(r: Rilievo) -> RilievoAtto:
    return RilievoAtto(
        codice=r.regola,
        titolo=r.titolo["it"].replace("'", "’"),
        messaggio=r.messaggio["it"].replace("'", "’"),
        fonte=r.fonte.citazione().replace("'", "’"),
        scadenza=giorno_esteso(r.scadenza) if r.scadenza else "nessuna",
    )


def _area_vasta(sigla: str | None) -> str:
    if sigla is None:
        return da_completare("provincia")
    return AREE_VASTE.get(sigla) or f"Provincia ({sigla})"


def _data(giorno: dt.date | None, cosa: str) -> str:
    return giorno_esteso(giorno) if giorno else da_completare(cosa)


def _durata(funzione: Funzione, tutti_obbligati: bool) -> tuple[str, bool]:
    # when every member is obliged, the law fixes the duration (LR 21/2012 art. 24 c.6)
    durata = funzione.convenzione.durata if funzione.convenzione else None
    if durata == "indeterminata" or (durata is None and tutti_obbligati):
        return "a tempo indeterminato", True
    if isinstance(durata, int):
        return f"per {ANNI.get(durata, f'{durata} anni')}", False
    # the renewal clause goes with a fixed duration: the blank carries it, so no sentence is left to delete
    return (
        da_completare(
            "durata: «a tempo indeterminato», oppure «per … anni» (rinnovabile con deliberazioni conformi dei "
            "Consigli degli enti contraenti)"
        ),
        False,
    )


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
