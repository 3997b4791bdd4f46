"""The acts of a participatory process (LR Emilia-Romagna 15/2018) and the Patto per lo sviluppo del territorio.

Which act cures which finding of the pack `er-lr15-2018` (`RIMEDI`), and the drafting context of each act: the
process as the profile records it, every date in words and every missing datum a visible `[DA COMPLETARE: …]`.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from avviamento.checks.common import piu_mesi
from avviamento.draft.contesto import (
    ContestoBase,
    Costruttore,
    Documento,
    _Modello,
    da_completare,
    giorno_esteso,
)
from avviamento.profilo import PianoStrategico, ProcessoPartecipativo

# finding code → (kind of act, the profile date that, once reached, means the act is done)
RIMEDI: dict[str, tuple[str, str]] = {
    "PP-003": ("impegno", "sospensione_atti.deliberata"),  # art. 16: the commitment to suspend acts
    "PP-002": ("tavolo", "tavolo_negoziazione.costituito"),  # art. 17: the Tavolo di Negoziazione
    "PP-001": ("docpp", "conclusione"),  # the process must end: the validated DocPP sent to the body
    "PP-006": ("relazione_finale", "relazione_finale.inviata"),  # within 30 days of the end
    "PP-007": ("presa_atto", "documento_ente.approvato"),  # art. 19, within 30 days of the end
}
REGOLA_PATTO = "PP-104"  # the Patto per lo sviluppo expected after the strategic plan
MODELLI: dict[str, str] = {
    "impegno": "partecipazione/delibera_impegno.docx",
    "tavolo": "partecipazione/verbale_tavolo.docx",
    "docpp": "partecipazione/docpp.docx",
    "relazione_finale": "partecipazione/relazione_finale.docx",
    "presa_atto": "partecipazione/delibera_presa_atto.docx",
    "patto": "partecipazione/patto_sviluppo.docx",
}
# the output file of each act, before the process's slug
FILE: dict[str, str] = {
    "impegno": "delibera_impegno",
    "tavolo": "verbale_tavolo",
    "docpp": "docpp",
    "relazione_finale": "relazione_finale",
    "presa_atto": "delibera_art19",
}
TITOLI: dict[str, str] = {
    "impegno": "Schema di deliberazione di Giunta: impegno al processo partecipativo e alla sospensione degli atti",
    "tavolo": "Verbale di costituzione del Tavolo di Negoziazione",
    "docpp": "Documento di proposta partecipata (DocPP)",
    "relazione_finale": "Relazione finale del processo partecipativo",
    "presa_atto": "Schema di deliberazione: presa d’atto del processo partecipativo e del DocPP (art. 19)",
    "patto": "Patto per lo sviluppo del territorio",
}
MESI = {6: "sei mesi", 12: "dodici mesi"}


class FaseAtto(_Modello):
    nome: str
    dal: str
    al: str


class ProcessoAtto(_Modello):
    """One participatory process, ready for the acts."""

    titolo: str
    bando: str  # «2019», or a marker
    unione: bool  # the Unione decides (else a member Comune)
    ente: str  # «l’Unione «Nuovo Circondario Imolese»», «il Comune di Imola»
    ente_nome: str  # «Unione «Nuovo Circondario Imolese»», «Comune di Imola»
    intestazione: str  # the heading of the act: «UNIONE «NUOVO CIRCONDARIO IMOLESE»», «COMUNE DI IMOLA»
    giunta: str  # «Giunta dell’Unione», «Giunta comunale»
    presidente: str  # who presides the Giunta: «il Presidente dell’Unione», «il Sindaco»
    avviato: bool  # the start day has come by the evaluation date
    avvio: str
    durata: str  # «sei mesi», «dodici mesi (processo complesso, …)»
    durata_ammessa: str  # «sei mesi dall’avvio, più 83 giorni di sospensione disposta dalla Regione»
    limite: str  # the last day of the allowed length, sospensioni included
    sospensione_giorni: int
    concluso: bool
    conclusione: str
    termine_30: str  # 30 days after the end: final report and the body's act
    tavolo: str  # the day the Tavolo was constituted, or a marker
    sospensione_atti: str  # «Delibera di Giunta n. 88/2019 del 10 ottobre 2019», or a marker
    certificato: bool  # the quality certification is recorded
    certificazione: str
    contributo: str
    fasi: list[FaseAtto]
    docpp_validato: str
    docpp_trasmesso: str
    relazione_inviata: str


class FirmatarioAtto(_Modello):
    nome: str
    rappresentante: str


class PianoAtto(_Modello):
    """The Piano strategico di Unione, for the Patto."""

    analisi_conclusa: str
    approvato: str
    atto: str  # «Delibera di Consiglio n. 12/2021 del 30 marzo 2021», or a marker
    firmatari: list[FirmatarioAtto]  # the parties besides the Unione and its Comuni, or markers
    processi: list[str]  # titles of the participatory processes of the profile


class ContestoPartecipazione(ContestoBase):
    """The Giunta's commitment, the Tavolo's record, the DocPP, the final report, the art. 19 deliberation."""

    processo: ProcessoAtto
    immediata_eseguibilita: bool


class ContestoPatto(ContestoBase):
    piano: PianoAtto


def _data(giorno: dt.date | None, cosa: str) -> str:
    return giorno_esteso(giorno) if giorno else da_completare(cosa)


def _atto(estremi: str | None, giorno: dt.date | None, cosa: str) -> str:
    """«Delibera di Giunta n. 88/2019 del 10 ottobre 2019» from the profile's words and date."""
    if estremi and giorno:
        return f"{estremi.replace(chr(39), '’')} del {giorno_esteso(giorno)}"
    if giorno:
        return f"{da_completare('estremi dell’atto')} del {giorno_esteso(giorno)}"
    return da_completare(cosa)


def processo_atto(processo: ProcessoPartecipativo, designazione: str, giorno: dt.date) -> ProcessoAtto:
    unione = processo.ente_titolare == "unione"
    comune = processo.ente_titolare.partition(":")[2].strip()
    mesi = 12 if processo.complesso else 6
    limite = (
        piu_mesi(processo.avvio, mesi) + dt.timedelta(days=processo.sospensione_giorni)
        if processo.avvio
        else None
    )
    fine = processo.conclusione if processo.conclusione and processo.conclusione <= giorno else None
    sospensione = processo.sospensione_atti
    docpp = processo.docpp
    return ProcessoAtto(
        titolo=processo.titolo.replace("'", "’"),
        bando=str(processo.bando) if processo.bando else da_completare("anno del bando regionale"),
        unione=unione,
        ente=f"l’{designazione}" if unione else f"il Comune di {comune}",
        ente_nome=designazione if unione else f"Comune di {comune}",
        intestazione=designazione.upper() if unione else f"COMUNE DI {comune.upper()}",
        giunta="Giunta dell’Unione" if unione else "Giunta comunale",
        presidente="il Presidente dell’Unione" if unione else "il Sindaco",
        avviato=processo.avvio is not None and processo.avvio <= giorno,
        avvio=_data(processo.avvio, "data di avvio del processo"),
        durata=MESI[mesi]
        + (" (processo complesso, come ammesso dal Tecnico di garanzia)" if processo.complesso else ""),
        durata_ammessa=f"{MESI[mesi]} dall’avvio"
        + (
            f", più {processo.sospensione_giorni} giorni di sospensione disposta dalla Regione"
            if processo.sospensione_giorni
            else ""
        ),
        limite=_data(limite, "termine di conclusione del processo"),
        sospensione_giorni=processo.sospensione_giorni,
        concluso=fine is not None,
        conclusione=_data(fine, "data di invio all’ente del DocPP validato"),
        termine_30=_data(fine + dt.timedelta(days=30) if fine else None, "trenta giorni dalla conclusione"),
        tavolo=_data(
            processo.tavolo_negoziazione.costituito if processo.tavolo_negoziazione else None,
            "data della prima seduta del Tavolo di Negoziazione",
        ),
        sospensione_atti=_atto(
            sospensione.atto if sospensione else None,
            sospensione.deliberata if sospensione else None,
            "estremi della deliberazione di impegno alla sospensione degli atti (art. 16)",
        ),
        certificato=bool(processo.certificazione_qualita and processo.certificazione_qualita.rilasciata),
        certificazione=_data(
            processo.certificazione_qualita.rilasciata if processo.certificazione_qualita else None,
            "data della certificazione di qualità del Tecnico di garanzia",
        ),
        contributo=_data(processo.contributo, "data ed estremi della concessione del contributo regionale"),
        fasi=[
            FaseAtto(
                nome=f.nome.replace("'", "’"),
                dal=_data(f.dal, "inizio della fase"),
                al=_data(f.al, "fine della fase"),
            )
            for f in processo.fasi
        ],
        docpp_validato=_data(
            docpp.validato if docpp else None, "data della validazione del Tecnico di garanzia"
        ),
        docpp_trasmesso=_data(docpp.trasmesso if docpp else None, "data di trasmissione del DocPP all’ente"),
        relazione_inviata=_data(
            processo.relazione_finale.inviata if processo.relazione_finale else None,
            "data di invio della relazione finale",
        ),
    )


def _altra_parte(nome: str, unione: str, comuni: list[str]) -> bool:
    """A signatory besides the Unione and its Comuni, which the Patto names on their own: the profile may list
    them too («Nuovo Circondario Imolese», «Comune di Imola», «Comuni del Circondario»)."""
    testo = " ".join(nome.casefold().split())
    propri = (
        {unione.casefold()} | {c.casefold() for c in comuni} | {f"comune di {c.casefold()}" for c in comuni}
    )
    return testo not in propri and not testo.startswith("comuni ")


def piano_atto(
    piano: PianoStrategico, processi: list[ProcessoPartecipativo], unione: str, comuni: list[str]
) -> PianoAtto:
    atto = piano.piano
    patto = piano.patto_sviluppo
    firmatari = [
        FirmatarioAtto(
            nome=f.nome.replace("'", "’"),
            rappresentante=(f.rappresentante or "").replace("'", "’")
            or da_completare("nome e qualifica di chi firma"),
        )
        for f in (patto.firmatari if patto else [])
        if _altra_parte(f.nome, unione, comuni)
    ]
    return PianoAtto(
        analisi_conclusa=_data(
            piano.analisi_diagnostica.conclusa if piano.analisi_diagnostica else None,
            "data di conclusione dell’analisi diagnostica",
        ),
        approvato=_data(atto.approvato if atto else None, "data di approvazione del Piano strategico"),
        atto=_atto(
            atto.atto if atto else None,
            atto.approvato if atto else None,
            "estremi della deliberazione di approvazione del Piano strategico",
        ),
        firmatari=firmatari,
        processi=[p.titolo.replace("'", "’") for p in processi],
    )


def contesto_processo(
    costruttore: Costruttore, tipo: str, indice: int, rilievi: tuple[str, ...], immediata: bool
) -> ContestoPartecipazione:
    profilo = costruttore.fonti.profilo
    processo = processo_atto(
        profilo.processi_partecipativi[indice],
        costruttore.unione.designazione,
        costruttore.giorno,
    )
    base = costruttore.base(tipo, f"{TITOLI[tipo]} – «{processo.titolo}»", rilievi)
    documento = cast(Documento, base["documento"])
    # only the findings of this process: two processes may miss the same act
    marca = f"«{processo.titolo}»"
    propri = [r for r in documento.rilievi if marca in r.messaggio]
    base["documento"] = documento.model_copy(update={"rilievi": propri})
    return ContestoPartecipazione(**base, processo=processo, immediata_eseguibilita=immediata)


def contesto_patto(costruttore: Costruttore, rilievi: tuple[str, ...]) -> ContestoPatto:
    profilo = costruttore.fonti.profilo
    piano = profilo.piano_strategico
    assert piano is not None  # the Patto is selected only with a strategic plan
    return ContestoPatto(
        **costruttore.base("patto", TITOLI["patto"], rilievi),
        piano=piano_atto(
            piano, profilo.processi_partecipativi, profilo.unione.nome, [c.nome for c in profilo.comuni]
        ),
    )
