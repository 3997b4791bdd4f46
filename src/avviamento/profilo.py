"""The Union profile: what a change manager writes about a Unione and its Comuni (the `check` input)."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from avviamento.errors import (
    InputError,
    Text,
    both,
    breve,
    did_you_mean,
    giorno_inesistente,
    percorso_leggibile,
    suggerimento,
    valore_letto,
)
from avviamento.i18n import PYDANTIC_MESSAGES
from avviamento.limiti import (
    ANNO_MASSIMO,
    ANNO_MINIMO,
    MAX_COMUNI,
    MAX_CONFERIMENTI,
    MAX_FUNZIONI,
    MAX_INDICATORI,
    MAX_TESTO,
)
from avviamento.yamlio import Document, load_yaml

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ITALIAN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# C0 controls (tab and line breaks apart), DEL and C1: they break documents, calendars and one-line errors.
_CONTROLLO = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_A_CAPO = re.compile(r"[\t\n\r\u2028\u2029]")
_A_CAPO_O_CONTROLLO = re.compile(f"{_CONTROLLO.pattern}|{_A_CAPO.pattern}")
_PIU_RIGHE = frozenset({"pubblicazione", "riparto_spese", "atto"})  # free texts that may span lines


def parse_data(value: Any) -> dt.date:
    """ISO `2024-05-15` or Italian `15/05/2024`; anything else is refused rather than guessed."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("bad_date", "bad date {value}", {"value": str(value)})
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str) else None
    giorno = None
    try:
        if text and _ISO.match(text):
            giorno = dt.date.fromisoformat(text)
        elif text and (m := _ITALIAN.match(text)):
            giorno = dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:  # 2024-02-30: the right form, but no such day
        raise PydanticCustomError("date_nonexistent", "no such date {value}", {"value": text}) from None
    if giorno is None:
        raise PydanticCustomError("bad_date", "bad date {value}", {"value": str(value)})
    if not ANNO_MINIMO <= giorno.year <= ANNO_MASSIMO:  # 9999-12-31 plus a few days overflows
        raise PydanticCustomError(
            "date_out_of_range",
            "date out of range {value}",
            {"value": text, "min": ANNO_MINIMO, "max": ANNO_MASSIMO},
        )
    return giorno


Data = Annotated[
    dt.date,
    BeforeValidator(parse_data),
    # what parse_data accepts: the schema must not flag a date the CLI reads, nor pass one it refuses
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [
                {"format": "date", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"},
                {"pattern": r"^\s*(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/\d{4}\s*$"},
            ],
            "examples": ["2024-05-15", "15/05/2024"],
        }
    ),
]
Classe = Literal["costituita", "esistente", "avviata", "in_sviluppo", "avanzata"]
CLASSI_DICHIARABILI: tuple[str, ...] = typing.get_args(Classe)


def _scelta(etichette: dict[str, str]) -> WithJsonSchema:
    """A closed set of values with their Italian labels (`enumDescriptions`, as editors and the web form read)."""
    return WithJsonSchema(
        {"type": "string", "enum": list(etichette), "enumDescriptions": list(etichette.values())}
    )


ClasseDichiarata = Annotated[
    Classe,
    _scelta(
        {
            "costituita": "costituita",
            "esistente": "esistente",
            "avviata": "avviata",
            "in_sviluppo": "in sviluppo",
            "avanzata": "avanzata",
        }
    ),
]
Giunta = Annotated[
    Literal["sindaci", "assessori_delegati", "mista"],
    _scelta(
        {
            "sindaci": "i Sindaci dei Comuni",
            "assessori_delegati": "un assessore delegato per Comune",
            "mista": "mista",
        }
    ),
]
Organo = Annotated[
    Literal["consiglio", "giunta"],
    _scelta({"consiglio": "Consiglio comunale", "giunta": "Giunta comunale"}),
]


def _istat(value: Any) -> Any:
    # An ISTAT code without leading zero (e.g. 100001 is not Emilia-Romagna, but 6 digits are 6 digits).
    if isinstance(value, int) and not isinstance(value, bool) and 100000 <= value <= 999999:
        return str(value)
    return value


# YAML reads an unquoted 100001 as a number: the loader keeps `037013` as written, _istat turns the rest to text
_ISTAT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^\s*\d{6}\s*$"},
        {"type": "integer", "minimum": 100000, "maximum": 999999},
    ]
}
CodiceIstat = Annotated[
    str, BeforeValidator(_istat), Field(pattern=r"^\d{6}$"), WithJsonSchema(_ISTAT_SCHEMA)
]


class _Base(BaseModel):
    # defer_build: validators are built when first used (the whole tree at once, by Profilo), not at import
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, str_max_length=MAX_TESTO, defer_build=True
    )

    @field_validator("*", mode="after")
    @classmethod
    def _senza_controlli(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            vietati = _CONTROLLO if info.field_name in _PIU_RIGHE else _A_CAPO_O_CONTROLLO
            if found := vietati.search(value):
                raise PydanticCustomError(
                    "control_char", "control character {char}", {"char": f"U+{ord(found[0]):04X}"}
                )
        return value


class Statuto(_Base):
    approvato: Data | None = Field(
        default=None, title="Approvazione dello statuto", description="Data di approvazione dello statuto."
    )
    pubblicazione: str | None = Field(
        default=None,
        title="Pubblicazione",
        description="Estremi della pubblicazione dello statuto, ad es. «BURERT n. 18 del 24/01/2023».",
    )
    articolo_conferimenti: str | None = Field(
        default=None,
        title="Articolo dello statuto sui conferimenti",
        description="L'articolo dello statuto dell'Unione che disciplina il conferimento di funzioni, ad es. «art. 7».",
    )


class Organi(_Base):
    presidente: str | None = Field(
        default=None, title="Presidente", description="Nome e cognome del Presidente dell'Unione."
    )
    giunta: Giunta | None = Field(
        default=None,
        title="Composizione della Giunta",
        description="I Sindaci, oppure un assessore delegato per Comune, o mista (LR 21/2012 art. 24 c.5).",
    )
    consiglio_insediato: Data | None = Field(
        default=None,
        title="Insediamento del Consiglio",
        description="Data di insediamento del Consiglio dell'Unione.",
    )


class Unione(_Base):
    nome: str = Field(
        min_length=1,
        title="Denominazione",
        description="Il nome ufficiale dell'Unione, ad es. «Unione dei Comuni Terre del Delta».",
    )
    codice_fiscale: str | None = Field(
        default=None,
        title="Codice fiscale",
        description="Codice fiscale dell'Unione: 11 cifre con cifra di controllo (facoltativo).",
        json_schema_extra={"pattern": r"^\s*\d{11}\s*$"},
    )
    provincia: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        title="Provincia",
        description="Sigla della provincia in maiuscolo, ad es. BO.",
    )
    sede: str | None = Field(default=None, title="Sede", description="Il Comune sede dell'Unione.")
    pec: str | None = Field(
        default=None, title="PEC", description="Indirizzo di posta elettronica certificata (facoltativo)."
    )
    atto_costitutivo: Data | None = Field(
        default=None,
        title="Atto costitutivo",
        description="Data dell'atto che ha costituito l'Unione.",
    )
    decorrenza: Data | None = Field(
        default=None, title="Decorrenza", description="Data da cui l'Unione è operativa."
    )
    classe_dichiarata: ClasseDichiarata | None = Field(
        default=None,
        title="Classe dichiarata",
        description="La classe che l'Unione dichiara; «costituita» o «esistente» per le Unioni del programma "
        "change manager, che hanno il termine del programma (facoltativa).",
    )
    montana: bool = Field(
        default=False,
        title="Unione montana",
        description="L'Unione è montana (ad es. per legge, LR 21/2012 art. 24 c.1).",
    )
    statuto: Statuto | None = Field(default=None, title="Statuto", description="Lo statuto dell'Unione.")
    organi: Organi | None = Field(default=None, title="Organi", description="Presidente, Giunta e Consiglio.")
    effettivita_finanziaria_percentuale: float | None = Field(
        default=None,
        ge=0,
        le=100,
        title="Effettività finanziaria (%)",
        description=(
            "Effettività finanziaria dell'Unione in percentuale, come rilevata dalla Regione per il PRT "
            "2024-2026 (numero da 0 a 100): per la classe «in sviluppo» serve almeno la soglia del pacchetto "
            "di regole. Se manca, la classe «in sviluppo» non è determinabile."
        ),
    )

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
    nome: str = Field(min_length=1, title="Nome del Comune", description="Il nome del Comune aderente.")
    istat: CodiceIstat | None = Field(
        default=None,
        title="Codice ISTAT",
        description="Il codice ISTAT del Comune: sei cifre, ad es. 037013.",
    )
    popolazione: int | None = Field(
        default=None,
        ge=0,
        title="Popolazione",
        description="Residenti (ISTAT); se manca si usa il dato ISTAT incluso.",
    )
    montano: bool | None = Field(default=None, title="Comune montano", description="Il Comune è montano.")
    sindaco: str | None = Field(default=None, title="Sindaco", description="Nome e cognome del Sindaco.")
    # for `plan`: the council's notice period set by the Comune's own regolamento (TUEL art. 38 c.2)
    preavviso_consiglio_giorni: int | None = Field(
        default=None,
        ge=0,
        le=60,
        title="Preavviso di convocazione del Consiglio (giorni)",
        description="Giorni di preavviso fissati dal regolamento del Consiglio comunale (TUEL art. 38 c.2), "
        "per il cronoprogramma; se manca, quelli del pacchetto di regole.",
    )
    # the patron saint's day, a local holiday for the Comune's offices (MM-DD)
    santo_patrono: str | None = Field(
        default=None,
        pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
        title="Santo patrono",
        description="Giorno del santo patrono, festivo per gli uffici comunali, come MM-GG (ad es. 10-04).",
    )
    codice_fiscale: str | None = Field(
        default=None,
        title="Codice fiscale del Comune",
        description="Il codice fiscale dell'ente, che identifica il Comune come parte della convenzione.",
    )


class Delibera(_Base):
    organo: Organo = Field(
        default="consiglio",
        title="Organo",
        description="L'organo che ha deliberato: il conferimento richiede una delibera consiliare.",
    )
    numero: int | str | None = Field(default=None, title="Numero", description="Numero della delibera.")
    data: Data | None = Field(default=None, title="Data", description="Data della delibera.")


class Conferimento(_Base):
    comune: Annotated[
        str, WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, _ISTAT_SCHEMA["anyOf"][1]]})
    ] = Field(
        min_length=1,
        title="Comune",
        description="Il Comune aderente che conferisce la funzione: nome o codice ISTAT.",
    )
    delibera: Delibera | None = Field(
        default=None,
        title="Delibera di conferimento",
        description="La delibera del Consiglio comunale che conferisce la funzione (LR 21/2012 art. 24 c.2).",
    )

    @field_validator("comune", mode="before")
    @classmethod
    def _comune(cls, value: Any) -> Any:
        return _istat(value)


class Convenzione(_Base):
    sottoscritta: Data | None = Field(
        default=None, title="Sottoscrizione", description="Data di sottoscrizione della convenzione."
    )
    durata: Literal["indeterminata"] | Annotated[int, Field(gt=0, le=99)] | None = Field(
        default=None,
        title="Durata",
        description="«indeterminata» o un numero di anni da 1 a 99, ad es. 5 (art. 21).",
    )
    riparto_spese: str | None = Field(
        default=None,
        title="Riparto delle spese",
        description="Criterio di riparto: popolazione, quote_fisse, misto o una descrizione libera.",
        json_schema_extra={"examples": ["popolazione", "quote_fisse", "misto"]},
    )
    repertorio: str | None = Field(
        default=None,
        title="Repertorio della convenzione",
        description="Il numero di repertorio della convenzione sottoscritta, ad es. «45» (rep. n. 45).",
    )


class Funzione(_Base):
    codice: str = Field(
        min_length=1,
        title="Funzione",
        description="La funzione, dal catalogo del pacchetto di regole.",
    )
    conferimenti: list[Conferimento] = Field(
        default_factory=list,
        max_length=MAX_CONFERIMENTI,
        title="Conferimenti",
        description="Uno per ogni Comune aderente che ha conferito la funzione.",
    )
    convenzione: Convenzione | None = Field(
        default=None, title="Convenzione", description="La convenzione che regola la gestione associata."
    )
    avvio: Data | None = Field(
        default=None, title="Avvio", description="Data in cui l'Unione ha avviato la gestione della funzione."
    )
    integrale: bool | None = Field(
        default=None,
        title="Conferimento integrale",
        description="L'intera funzione è passata all'Unione, nulla resta ai Comuni (art. 24 c.4).",
    )
    personale: float | None = Field(
        default=None,
        ge=0,
        title="Personale (equivalenti a tempo pieno)",
        description="Addetti che lavorano per l'Unione sulla funzione (art. 24 c.5), ad es. 2.5.",
    )
    spesa_in_bilancio_unione: bool | None = Field(
        default=None,
        title="Spesa nel bilancio dell'Unione",
        description="I costi della funzione stanno nel bilancio dell'Unione (art. 24 c.5).",
    )
    responsabile: str | None = Field(
        default=None, title="Responsabile", description="L'ufficio o la persona responsabile."
    )
    completamento_percentuale: float | None = Field(
        default=None,
        ge=0,
        le=100,
        title="Completamento della funzione (%)",
        description=(
            "Grado di completamento della funzione trasferita, in percentuale, come rilevato per il PRT "
            "2024-2026 (numero da 0 a 100): per la classe «in sviluppo» servono funzioni completate almeno "
            "alla soglia del pacchetto di regole. Se manca, la funzione non può contare come completata."
        ),
    )


Famiglia = Literal["qualita", "disparita", "sostenibilita", "innovazione", "semplificazione"]


class Indicatore(_Base):
    funzione: str = Field(
        min_length=1,
        title="Funzione",
        description="La funzione finanziata, dal catalogo del pacchetto di regole.",
    )
    codice: str = Field(
        min_length=1,
        max_length=100,
        title="Codice dell'indicatore",
        description="Il codice dell'indicatore nella Carta d'identità delle Unioni (piattaforma regionale).",
    )
    famiglia: Famiglia = Field(
        title="Famiglia",
        description=(
            "La famiglia dell'indicatore: qualita (qualità del servizio), disparita (disparità territoriali), "
            "sostenibilita (sostenibilità economica), innovazione, semplificazione."
        ),
    )
    valore: float = Field(allow_inf_nan=False, title="Valore", description="Il valore rilevato (un numero).")
    unita: str | None = Field(
        default=None, max_length=100, title="Unità di misura", description="Ad es. giorni, euro, %."
    )
    anno: int = Field(
        ge=ANNO_MINIMO, le=ANNO_MASSIMO, title="Anno", description="L'anno a cui il valore si riferisce."
    )
    fonte: str | None = Field(
        default=None, title="Fonte", description="Da dove viene il valore (ufficio, banca dati, rilevazione)."
    )


class Adempimento(_Base):
    approvato: Data | None = Field(default=None, title="Approvazione", description="Data di approvazione.")
    atto: str | None = Field(
        default=None, title="Atto", description="Estremi dell'atto, ad es. «Delibera di Giunta n. 12/2024»."
    )


class Regolamento(_Base):
    tipo: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        title="Tipo",
        description="organizzazione_uffici_servizi, contabilita o un altro tipo (minuscole e trattini bassi).",
        json_schema_extra={"examples": ["organizzazione_uffici_servizi", "contabilita"]},
    )
    approvato: Data | None = Field(default=None, title="Approvazione", description="Data di approvazione.")
    atto: str | None = Field(
        default=None, title="Atto", description="Estremi dell'atto, ad es. «Delibera di Giunta n. 4/2023»."
    )


class Adempimenti(_Base):
    piano_comunicazione: Adempimento | None = Field(
        default=None, title="Piano di comunicazione", description="Approvato dalla Giunta dell'Unione."
    )
    programmazione_personale: Adempimento | None = Field(
        default=None,
        title="Programmazione integrata del personale",
        description="Approvata dalla Giunta dell'Unione.",
    )
    piano_formazione: Adempimento | None = Field(
        default=None, title="Piano di formazione unitario", description="Approvato dalla Giunta dell'Unione."
    )
    regolamenti: list[Regolamento] = Field(
        default_factory=list,
        max_length=MAX_FUNZIONI,
        title="Regolamenti",
        description="I regolamenti dell'Unione: organizzazione degli uffici e dei servizi, contabilità, altri.",
    )


class TavoloNegoziazione(_Base):
    costituito: Data | None = Field(
        default=None,
        title="Costituzione del Tavolo",
        description="Data di costituzione (o del primo incontro) del Tavolo di Negoziazione.",
    )


class SospensioneAtti(_Base):
    deliberata: Data | None = Field(
        default=None,
        title="Impegno deliberato",
        description="Data dell'atto con cui l'ente si impegna a sospendere gli atti che anticiperebbero "
        "l'esito del processo (LR 15/2018 art. 16).",
    )
    atto: str | None = Field(
        default=None, title="Atto", description="Estremi dell'atto, ad es. «Delibera di Giunta n. 88/2019»."
    )


class CertificazioneQualita(_Base):
    rilasciata: Data | None = Field(
        default=None,
        title="Rilascio della certificazione",
        description="Data della certificazione di qualità del Tecnico di garanzia (LR 15/2018 art. 17).",
    )


class Fase(_Base):
    nome: str = Field(
        min_length=1,
        title="Nome della fase",
        description="Ad es. condivisione, apertura, restituzione.",
        json_schema_extra={"examples": ["condivisione", "apertura", "restituzione"]},
    )
    dal: Data | None = Field(default=None, title="Inizio", description="Primo giorno della fase.")
    al: Data | None = Field(default=None, title="Fine", description="Ultimo giorno della fase.")


class DocPP(_Base):
    validato: Data | None = Field(
        default=None,
        title="Validazione",
        description="Data di validazione del Documento di proposta partecipata (Tecnico di garanzia).",
    )
    trasmesso: Data | None = Field(
        default=None,
        title="Trasmissione all'ente",
        description="Data di invio del DocPP validato all'ente titolare della decisione.",
    )


class RelazioneFinale(_Base):
    inviata: Data | None = Field(
        default=None,
        title="Invio della relazione finale",
        description="Data di invio della relazione finale con il rendiconto (entro 30 giorni dalla conclusione).",
    )


class DocumentoEnte(_Base):
    approvato: Data | None = Field(
        default=None,
        title="Approvazione",
        description="Data dell'atto con cui l'ente dà conto del processo e del DocPP (LR 15/2018 art. 19).",
    )
    atto: str | None = Field(default=None, title="Atto", description="Estremi dell'atto dell'ente.")


class ProcessoPartecipativo(_Base):
    titolo: str = Field(min_length=1, title="Titolo", description="Il titolo del processo partecipativo.")
    bando: int | None = Field(
        default=None,
        ge=ANNO_MINIMO,
        le=ANNO_MASSIMO,
        title="Bando regionale",
        description="Anno del bando regionale di contributi (LR 15/2018 art. 12).",
    )
    ente_titolare: str = Field(
        default="unione",
        pattern=r"^(unione|comune:.+)$",
        title="Ente titolare della decisione",
        description="«unione» oppure «comune:<nome>».",
        json_schema_extra={"examples": ["unione", "comune:Imola"]},
    )
    avvio: Data | None = Field(default=None, title="Avvio", description="Data di avvio del processo.")
    conclusione: Data | None = Field(
        default=None,
        title="Conclusione",
        description="Il giorno in cui il DocPP validato è inviato all'ente: fine del processo.",
    )
    complesso: bool = Field(
        default=False,
        title="Processo complesso",
        description="Vero se il Tecnico di garanzia ha ammesso una durata fino a 12 mesi (altrimenti 6).",
    )
    sospensione_giorni: int = Field(
        default=0,
        ge=0,
        le=366,
        title="Giorni di sospensione d'ufficio",
        description="Giorni di sospensione disposta dalla Regione (ad es. 83 per l'emergenza Covid, bando "
        "2019): prolungano la durata ammessa.",
    )
    tavolo_negoziazione: TavoloNegoziazione | None = Field(
        default=None, title="Tavolo di Negoziazione", description="Il Tavolo di Negoziazione (art. 17)."
    )
    sospensione_atti: SospensioneAtti | None = Field(
        default=None,
        title="Sospensione degli atti",
        description="L'impegno dell'ente a sospendere gli atti che anticiperebbero l'esito (art. 16).",
    )
    certificazione_qualita: CertificazioneQualita | None = Field(
        default=None,
        title="Certificazione di qualità",
        description="La certificazione del Tecnico di garanzia, condizione per i contributi (art. 17).",
    )
    contributo: Data | None = Field(
        default=None,
        title="Concessione del contributo",
        description="Data di concessione del contributo regionale, se nota.",
    )
    fasi: list[Fase] = Field(
        default_factory=list,
        max_length=MAX_FUNZIONI,
        title="Fasi",
        description="Le fasi del processo, in ordine (ad es. condivisione, apertura, restituzione).",
    )
    docpp: DocPP | None = Field(
        default=None, title="DocPP", description="Il Documento di proposta partecipata."
    )
    relazione_finale: RelazioneFinale | None = Field(
        default=None,
        title="Relazione finale",
        description="La relazione finale con il rendiconto delle spese.",
    )
    documento_ente: DocumentoEnte | None = Field(
        default=None,
        title="Documento dell'ente",
        description="L'atto con cui l'ente dà conto del processo entro 30 giorni dalla conclusione (art. 19).",
    )


class AttoPiano(_Base):
    approvato: Data | None = Field(
        default=None, title="Approvazione", description="Data di approvazione del Piano strategico."
    )
    atto: str | None = Field(
        default=None, title="Atto", description="Estremi dell'atto, ad es. «Delibera di Consiglio n. 5/2021»."
    )


class AnalisiDiagnostica(_Base):
    conclusa: Data | None = Field(
        default=None, title="Conclusione", description="Data di conclusione dell'analisi diagnostica."
    )


class Firmatario(_Base):
    nome: str = Field(
        min_length=1, title="Parte", description="Ente, associazione o impresa che sottoscrive il Patto."
    )
    rappresentante: str | None = Field(
        default=None, title="Rappresentante", description="Chi firma per la parte, con la qualifica."
    )


class PattoSviluppo(_Base):
    sottoscritto: Data | None = Field(
        default=None,
        title="Sottoscrizione",
        description="Data di sottoscrizione del Patto per lo sviluppo del territorio.",
    )
    firmatari: list[Firmatario] = Field(
        default_factory=list,
        max_length=MAX_COMUNI,
        title="Firmatari",
        description="Le parti che sottoscrivono il Patto (Unione, Comuni, associazioni, imprese…).",
    )


class Monitoraggio(_Base):
    data: Data = Field(title="Data", description="Data della verifica periodica del Patto.")
    relazione: str | None = Field(
        default=None, title="Relazione", description="Estremi o sintesi della relazione di monitoraggio."
    )


class PianoStrategico(_Base):
    analisi_diagnostica: AnalisiDiagnostica | None = Field(
        default=None, title="Analisi diagnostica", description="La prima fase del Piano strategico."
    )
    piano: AttoPiano | None = Field(
        default=None, title="Piano strategico", description="L'approvazione del Piano strategico di Unione."
    )
    patto_sviluppo: PattoSviluppo | None = Field(
        default=None,
        title="Patto per lo sviluppo del territorio",
        description="Il Patto sottoscritto con i portatori di interesse.",
    )
    monitoraggio_patto: list[Monitoraggio] = Field(
        default_factory=list,
        max_length=MAX_FUNZIONI,
        title="Monitoraggio del Patto",
        description="Le verifiche periodiche del Patto (almeno una all'anno).",
    )


class Profilo(_Base):
    """A Unione di Comuni as its change manager describes it (the format of `profilo-esempio.yaml`)."""

    versione_formato: Literal[1] = Field(
        default=1, title="Versione del formato", description="Versione del formato del profilo: 1."
    )
    data_riferimento: Data | None = Field(
        default=None,
        title="Data di riferimento",
        description="La data a cui i dati si riferiscono; è la data di valutazione predefinita.",
    )
    unione: Unione = Field(title="Unione", description="I dati dell'Unione di Comuni.")
    comuni: list[Comune] = Field(
        min_length=1,
        max_length=MAX_COMUNI,
        title="Comuni aderenti",
        description="I Comuni che aderiscono all'Unione (almeno uno).",
    )
    funzioni: list[Funzione] = Field(
        default_factory=list,
        max_length=MAX_FUNZIONI,
        title="Funzioni",
        description="Una voce per ogni funzione che l'Unione gestisce o intende gestire.",
    )
    adempimenti: Adempimenti = Field(
        default_factory=Adempimenti,
        title="Adempimenti",
        description="I piani e i regolamenti del percorso di riordino.",
    )
    processi_partecipativi: list[ProcessoPartecipativo] = Field(
        default_factory=list,
        max_length=MAX_FUNZIONI,
        title="Processi partecipativi",
        description="I processi partecipativi dell'Unione o dei Comuni (LR Emilia-Romagna 15/2018).",
    )
    piano_strategico: PianoStrategico | None = Field(
        default=None,
        title="Piano strategico di Unione",
        description="Analisi diagnostica, Piano, Patto per lo sviluppo del territorio e suo monitoraggio.",
    )
    indicatori: list[Indicatore] = Field(
        default_factory=list,
        max_length=MAX_INDICATORI,
        title="Indicatori (Carta d'identità delle Unioni)",
        description=(
            "Gli indicatori per funzione finanziata che la Regione raccoglie ogni anno entro il 31 ottobre: "
            "qualità, disparità territoriali, sostenibilità, innovazione, semplificazione."
        ),
    )


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
        errori = validation_errors(exc, documento, Profilo)
        # a misspelt key also leaves its field "missing": the unknown key, with its suggestion, says it all
        ignote = {e.percorso[:-1] for e in errori if e.errore.text["en"].startswith("unknown key")}
        altri = [
            e.errore
            for e in errori[1:]
            if not (e.dettaglio["en"].startswith("required field missing") and e.percorso[:-1] in ignote)
        ]
        raise errori[0].errore.con_altri(altri) from None
    return ProfiloCaricato(profilo, documento)


@dataclass(frozen=True)
class ErroreCampo:
    """One validation error: the data path it concerns, its one line, and its message without the field name."""

    percorso: tuple[str | int, ...]
    errore: InputError
    dettaglio: Text


def validation_error(exc: ValidationError, documento: Document, model: type[BaseModel]) -> InputError:
    """The first pydantic error in file order, as one `file:line:col: message` line."""
    return validation_errors(exc, documento, model)[0].errore


def validation_errors(exc: ValidationError, documento: Document, model: type[BaseModel]) -> list[ErroreCampo]:
    """Every pydantic error, in file order (a form shows them all at once; the CLI the first)."""
    errors = exc.errors(include_url=False)

    def where(err: Any) -> tuple[int, int]:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc[:-1] in documento.key_positions:
            return documento.position(loc[:-1], key=True)  # the mapping that lacks the field
        return documento.position(loc, key=err["type"] == "extra_forbidden")

    # A misspelt key also makes its field "missing": the unknown key, with its suggestion, is the useful line.
    out: list[ErroreCampo] = []
    for err in sorted(errors, key=lambda err: (err["type"] == "missing", where(err))):
        loc = tuple(err["loc"])
        line, column = where(err)
        field, detail = _describe(err, loc, model, documento)
        text = detail if field is None else {lang: f"'{field}': {detail[lang]}" for lang in detail}
        out.append(ErroreCampo(data_path(model, loc), InputError(documento.file, line, column, text), detail))
    return out


def data_path(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """The part of a pydantic location that names data: union branches (`int`, `literal[…]`) dropped."""
    current: Any = model
    path: list[str | int] = []
    for part in loc:
        if isinstance(part, int):
            path.append(part)
            continue
        fields = current.model_fields if isinstance(current, type) and issubclass(current, BaseModel) else {}
        if part not in fields:
            if not path or not fields:
                break
            path.append(str(part))  # an unknown key: the path of the key itself
            break
        path.append(part)
        current = _model_in(fields[part].annotation)
    return tuple(path)


def _describe(
    err: Any, loc: tuple[Any, ...], model: type[BaseModel], documento: Document
) -> tuple[str | None, Text]:
    """The field to name (None when the message names it already) and what is wrong with it."""
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return None, both("unknown_key", key=breve(key), hint=did_you_mean(key, fields_at(model, loc[:-1])))
    # a union of types adds its branch to the location (`durata.literal['indeterminata']`): keep the data path
    known = next((loc[:end] for end in range(len(loc), 0, -1) if loc[:end] in documento.positions), loc)
    field = percorso_leggibile(known if kind != "missing" else loc)
    ctx = dict(err.get("ctx") or {})
    if kind == "date_nonexistent":
        testo = str(ctx.get("value"))
        return None, both("date_nonexistent", value=breve(testo), reason=giorno_inesistente(testo))
    if kind == "bad_date":
        return None, both("bad_date", value=breve(str(ctx.get("value", err.get("input")))))
    if kind == "date_out_of_range":
        return None, both("date_out_of_range", value=ctx.get("value"), min=ctx.get("min"), max=ctx.get("max"))
    if kind == "bad_cf":
        return field, {
            "it": f"codice fiscale non valido '{ctx.get('value')}' (11 cifre con cifra di controllo)",
            "en": f"invalid codice fiscale '{ctx.get('value')}' (11 digits with check digit)",
        }
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
            detail += f" ({valore_letto(err['input'])[lang]})"
        out[lang] = detail
    nome = next((str(p) for p in reversed(known) if isinstance(p, str)), "")
    consiglio = suggerimento(nome, kind, err.get("input"))
    if (
        consiglio and kind == "literal_error"
    ):  # the hint names the accepted forms better than one branch's list
        out = {
            lang: f"{both('value_refused')[lang]} ({valore_letto(err.get('input'))[lang]})" for lang in out
        }
    if consiglio:
        out = {lang: f"{out[lang]}: {consiglio[lang]}" for lang in out}
    return field, out


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


def profile_schema() -> dict[str, Any]:
    """The models' schema, with the bundled pack's function codes and labels as a closed set."""
    from avviamento.regole import load_pack_cached
    from avviamento.risorse import default_rules

    schema = Profilo.model_json_schema()
    catalogo = load_pack_cached(default_rules()).pacchetto.funzioni
    codice = schema["$defs"]["Funzione"]["properties"]["codice"]
    codice.pop("minLength", None)
    codice["enum"] = [f.codice for f in catalogo]
    codice["enumDescriptions"] = [f.etichetta.it for f in catalogo]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://avviamento.example/schema/profilo.schema.json",
        "title": "Profilo di Unione di Comuni (avviamento, LR Emilia-Romagna 21/2012)",
        **{k: v for k, v in schema.items() if k != "title"},
        "description": "Un'Unione di Comuni come la descrive il suo change manager: dati dell'Unione, Comuni "
        "aderenti, funzioni conferite, adempimenti.",
    }
