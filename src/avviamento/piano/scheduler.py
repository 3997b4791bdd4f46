"""Backwards from the deadline: the latest date of every step that still lets each gap close in time.

For a function (all days are calendar days; the lead times are the pack's `tempi`):

    avvio del servizio            A = deadline − avvio_servizio      (working day)
    informativa sindacale         I = A − 25                        (working day)
    firma della convenzione       S = I                             (working day)
    esecutività (each Comune)     E ≤ S − sottoscrizione_convenzione
    inizio pubblicazione          P = E − 10  (or E − 15 − 10 counted from the end; working day, and
                                  earlier still while P + 10 is not a working day)
    seduta del Consiglio          M = P − inizio_pubblicazione      (working day)
    convocazione                  C = M − preavviso of the Comune   (working day)

With immediate executability E = M and publication drops out of the chain. A plan or regolamento follows the
same deliberation chain, executive by the deadline, in the Union's Giunta (after the preparation of the proposal)
or Council (after its convocation). Acts move to the previous working day of the offices that perform them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from avviamento.comuni import indice_membro
from avviamento.errors import Text
from avviamento.esito import Esito, Fonte, InfoRegole
from avviamento.i18n import contati, data_con_articolo, data_estesa
from avviamento.piano.calendario import Calendario
from avviamento.piano.steps import Lacuna, lacune
from avviamento.profilo import Comune, Profilo
from avviamento.regole import RulePack, Tempo

SCADENZA_PREDEFINITA = "fine_programma_cm_2023"
Decorrenza = Literal["inizio_pubblicazione", "fine_pubblicazione"]
Esecutivita = Literal["inizio_pubblicazione", "fine_pubblicazione", "immediata"]
TEMPI = (
    "convocazione_consiglio",
    "inizio_pubblicazione",
    "pubblicazione_albo",
    "esecutivita",
    "immediata_eseguibilita",
    "sottoscrizione_convenzione",
    "informativa_sindacale",
    "avvio_servizio",
    "approvazione_giunta",
)
# The order of the steps of one chain, for steps that fall on the same day.
FASI = (
    "istruttoria_proposta",
    "convocazione_consiglio",
    "convocazione_consiglio_unione",
    "seduta_consiglio",
    "seduta_giunta",
    "seduta_consiglio_unione",
    "pubblicazione_albo",
    "esecutivita",
    "sottoscrizione_convenzione",
    "informativa_sindacale",
    "avvio_servizio",
)


@dataclass(frozen=True)
class Passo:
    """One dated step: the latest day it can happen and the gap still close by the deadline."""

    codice: str  # one of FASI
    titolo: Text
    data: dt.date
    attore: Text
    fonte: Fonte
    confidenza: str
    uid: str
    comune: str | None = None  # None: a step of the Union
    tempo: str | None = None  # the pack's lead time that fixes the date
    giorni: int | None = None
    nota: Text | None = None  # why the date was brought forward (weekend, holiday, patron saint)
    ritardo: int = 0  # days already past at the evaluation date
    fatto: bool = False  # already done (participation plans list the done steps too, at their real date)

    @property
    def in_ritardo(self) -> bool:
        return self.ritardo > 0


@dataclass(frozen=True)
class Gruppo:
    lacuna: Lacuna
    passi: tuple[Passo, ...]


@dataclass(frozen=True)
class Piano:
    unione: str
    file: str
    data_valutazione: dt.date
    scadenza: dt.date
    origine_scadenza: str  # the pack's deadline name, or "--deadline"
    descrizione_scadenza: Text
    scadenza_confidenza: str | None
    esecutivita: Esecutivita
    regole: InfoRegole
    gruppi: tuple[Gruppo, ...]
    tipo: Literal["riordino", "partecipazione"] = "riordino"

    @property
    def passi(self) -> tuple[Passo, ...]:
        return tuple(p for g in self.gruppi for p in g.passi)

    @property
    def aperti(self) -> tuple[Passo, ...]:
        """The steps still to take."""
        return tuple(p for p in self.passi if not p.fatto)

    @property
    def fatti(self) -> tuple[Passo, ...]:
        return tuple(p for p in self.passi if p.fatto)

    @property
    def in_ritardo(self) -> tuple[Passo, ...]:
        return tuple(p for p in self.passi if p.in_ritardo)

    @property
    def vuoto(self) -> bool:
        return not self.aperti


@dataclass(frozen=True)
class Scadenza:
    data: dt.date
    origine: str  # the pack's deadline name, or "--deadline"
    descrizione: Text
    confidenza: str | None = None


def scadenza_predefinita(pack: RulePack, giorno: dt.date) -> Scadenza | None:
    """The programme deadline in force at the day, with its description and confidence."""
    parametro = pack.pacchetto.scadenze.get(SCADENZA_PREDEFINITA)
    valore = parametro.in_vigore(giorno) if parametro else None
    if parametro is None or valore is None or valore.valore is None:
        return None
    data = valore.valore if isinstance(valore.valore, dt.date) else dt.date.fromisoformat(str(valore.valore))
    return Scadenza(data, SCADENZA_PREDEFINITA, parametro.descrizione.as_text(), valore.confidenza)


def scadenza_indicata(giorno: dt.date) -> Scadenza:
    return Scadenza(giorno, "--deadline", {"it": "indicata con --deadline", "en": "given with --deadline"})


def pianifica(
    profilo: Profilo,
    pack: RulePack,
    esito: Esito,
    scadenza: Scadenza,
    *,
    immediata: bool = False,
    decorrenza: Decorrenza | None = None,
) -> Piano:
    tempi = _tempi(pack)
    modo: Esecutivita = (
        "immediata" if immediata else decorrenza or tempi["esecutivita"].decorrenza or "inizio_pubblicazione"
    )
    builder = _Pianificatore(profilo, tempi, esito.data_valutazione, scadenza.data, modo)
    gruppi = tuple(Gruppo(lacuna, builder.passi(lacuna)) for lacuna in lacune(profilo, pack, esito))
    return Piano(
        unione=esito.unione,
        file=esito.file,
        data_valutazione=esito.data_valutazione,
        scadenza=scadenza.data,
        origine_scadenza=scadenza.origine,
        descrizione_scadenza=scadenza.descrizione,
        scadenza_confidenza=scadenza.confidenza,
        esecutivita=modo,
        regole=esito.regole,
        gruppi=gruppi,
    )


def _tempi(pack: RulePack) -> dict[str, Tempo]:
    tempi = pack.pacchetto.tempi
    for nome in TEMPI:
        if nome not in tempi:
            raise pack.documento.error(
                ("tempi",),
                {
                    "it": f"il pacchetto di regole non definisce il tempo '{nome}' (sezione tempi)",
                    "en": f"the rule pack does not define the lead time '{nome}' (tempi section)",
                },
            )
    return dict(tempi)


def _unisci(prima: Text | None, poi: Text) -> Text:
    return {lang: f"{prima[lang]}; {poi[lang]}" for lang in ("it", "en")} if prima else poi


def _lavorativo(cal: Calendario, giorno: dt.date) -> tuple[dt.date, Text | None]:
    """The working day on or before `giorno`, and why it moved."""
    spostato = cal.lavorativo(giorno)
    if spostato == giorno:
        return giorno, None
    motivo = cal.festivo(giorno) or {"it": "", "en": ""}
    return spostato, {
        "it": f"anticipato {data_con_articolo('dal', giorno)} ({motivo['it']})",
        "en": f"brought forward from {data_estesa(giorno, 'en')} ({motivo['en']})",
    }


def _giorni(n: int) -> Text:
    return {"it": contati(n, "giorno", "giorni"), "en": contati(n, "day", "days")}


class _Pianificatore:
    def __init__(
        self, profilo: Profilo, tempi: dict[str, Tempo], giorno: dt.date, scadenza: dt.date, modo: Esecutivita
    ) -> None:
        self.profilo = profilo
        self.tempi = tempi
        self.giorno = giorno
        self.scadenza = scadenza
        self.modo = modo
        self.unione = profilo.unione.nome
        self.id_unione = profilo.unione.codice_fiscale or profilo.unione.nome
        sede = indice_membro(profilo, profilo.unione.sede) if profilo.unione.sede else None
        sedi = [profilo.comuni[sede]] if sede is not None else []
        self.cal_unione = Calendario.di((c.nome, c.santo_patrono) for c in sedi)
        self.cal_tutti = Calendario.di((c.nome, c.santo_patrono) for c in profilo.comuni)
        pubblicazione = tempi["pubblicazione_albo"].giorni if modo == "fine_pubblicazione" else 0
        self.attesa_esecutivita = pubblicazione + tempi["esecutivita"].giorni  # from the start of publication

    def passi(self, lacuna: Lacuna) -> tuple[Passo, ...]:
        passi = self._funzione(lacuna) if lacuna.tipo == "funzione" else self._atto(lacuna)
        ordine = {c.nome: i for i, c in enumerate(self.profilo.comuni)}
        return tuple(
            sorted(passi, key=lambda p: (p.data, FASI.index(p.codice), ordine.get(p.comune or "", -1)))
        )

    # --- the chains -------------------------------------------------------------------------------

    def _funzione(self, lac: Lacuna) -> list[Passo]:
        passi: list[Passo] = []
        limite = self.scadenza
        comuni = ", ".join(c.nome for c in self.profilo.comuni)
        if lac.avvio:
            avvio_t = self.tempi["avvio_servizio"]
            avvio, nota = _lavorativo(self.cal_unione, self.scadenza - relativedelta(days=avvio_t.giorni))
            passi.append(
                self._passo(
                    lac,
                    "avvio_servizio",
                    avvio,
                    {
                        "it": "Trasferimento del personale e avvio del servizio da parte dell'Unione",
                        "en": "Transfer of staff and start of the service by the Union",
                    },
                    {"it": self.unione, "en": self.unione},
                    "avvio_servizio",
                    nota=nota,
                )
            )
            informativa_t = self.tempi["informativa_sindacale"]
            informativa, nota = _lavorativo(self.cal_tutti, avvio - relativedelta(days=informativa_t.giorni))
            n = _giorni(informativa_t.giorni)
            passi.append(
                self._passo(
                    lac,
                    "informativa_sindacale",
                    informativa,
                    {
                        "it": "Comunicazione scritta alle RSU e alle organizzazioni sindacali di categoria "
                        f"(almeno {n['it']} prima del trasferimento del personale)",
                        "en": "Written notice to the staff representatives and trade unions "
                        f"(at least {n['en']} before the transfer of staff)",
                    },
                    {
                        "it": f"Presidente dell'Unione e Sindaci di {comuni}",
                        "en": f"President of the Union and Mayors of {comuni}",
                    },
                    "informativa_sindacale",
                    nota=nota,
                )
            )
            limite = informativa
        if lac.convenzione:
            firma_t = self.tempi["sottoscrizione_convenzione"]
            firma, nota = _lavorativo(self.cal_tutti, limite)
            passi.append(
                self._passo(
                    lac,
                    "sottoscrizione_convenzione",
                    firma,
                    {
                        "it": "Sottoscrizione digitale della convenzione",
                        "en": "Digital signature of the convenzione",
                    },
                    {
                        "it": f"Presidente dell'Unione e Sindaci di {comuni}",
                        "en": f"President of the Union and Mayors of {comuni}",
                    },
                    "sottoscrizione_convenzione",
                    nota=nota,
                )
            )
            limite = firma - relativedelta(days=firma_t.giorni)
        for comune in lac.comuni:
            passi += self._deliberazione(lac, limite, comune)
        return passi

    def _atto(self, lac: Lacuna) -> list[Passo]:
        return self._deliberazione(lac, self.scadenza, None)

    def _deliberazione(self, lac: Lacuna, limite: dt.date, comune: Comune | None) -> list[Passo]:
        """The chain of one deliberation that must be executive by `limite`."""
        passi: list[Passo] = []
        cal = Calendario.di([(comune.nome, comune.santo_patrono)]) if comune else self.cal_unione
        nome = comune.nome if comune else None
        di_ente: Text = (
            {"it": f"del Comune di {comune.nome}", "en": f"of the Comune of {comune.nome}"}
            if comune
            else {"it": "dell'Unione", "en": "of the Union"}
        )
        ente: Text = (
            {"it": f"Comune di {comune.nome}", "en": f"Comune of {comune.nome}"}
            if comune
            else {"it": self.unione, "en": self.unione}
        )
        if self.modo == "immediata":
            seduta, nota_seduta = _lavorativo(cal, limite)
        else:
            inizio, nota = self._inizio_pubblicazione(cal, limite)
            pubblicazione_t = self.tempi["pubblicazione_albo"]
            fine = inizio + relativedelta(days=pubblicazione_t.giorni - 1)  # the first day counts
            passi.append(
                self._passo(
                    lac,
                    "pubblicazione_albo",
                    inizio,
                    {
                        "it": f"Inizio della pubblicazione all'albo pretorio ({_giorni(pubblicazione_t.giorni)['it']}"
                        f", fino {data_con_articolo('al', fine)})",
                        "en": f"Publication on the online notice board starts ({_giorni(pubblicazione_t.giorni)['en']}"
                        f", until {data_estesa(fine, 'en')})",
                    },
                    {"it": f"Segreteria {di_ente['it']}", "en": f"Secretariat {di_ente['en']}"},
                    "pubblicazione_albo",
                    comune=nome,
                    nota=nota,
                )
            )
            esecutivita_t = self.tempi["esecutivita"]
            dalla = (
                {"it": "dalla fine della pubblicazione", "en": "from the end of publication"}
                if self.modo == "fine_pubblicazione"
                else {"it": "dall'inizio della pubblicazione", "en": "from the start of publication"}
            )
            n = _giorni(esecutivita_t.giorni)
            passi.append(
                self._passo(
                    lac,
                    "esecutivita",
                    inizio + relativedelta(days=self.attesa_esecutivita),
                    {
                        "it": f"La deliberazione diventa esecutiva (decorsi {n['it']} {dalla['it']})",
                        "en": f"The resolution becomes enforceable ({n['en']} {dalla['en']})",
                    },
                    {
                        "it": f"{ente['it']} (per legge, senza ulteriori atti)",
                        "en": f"{ente['en']} (by law, no act)",
                    },
                    "esecutivita",
                    comune=nome,
                )
            )
            seduta, nota_seduta = _lavorativo(
                cal, inizio - relativedelta(days=self.tempi["inizio_pubblicazione"].giorni)
            )
        immediata = self.tempi["immediata_eseguibilita"].fonte.esito().citazione()
        clausola: Text = (
            {
                "it": f", dichiarata immediatamente eseguibile ({immediata})",
                "en": f", declared immediately enforceable ({immediata})",
            }
            if self.modo == "immediata"
            else {"it": "", "en": ""}
        )
        oggetto: Text = (
            {"it": "di conferimento della funzione all'Unione", "en": "conferring the function on the Union"}
            if lac.tipo == "funzione"
            else {"it": "di approvazione", "en": "approving it"}
        )
        if lac.organo == "giunta":
            codice, organo = "seduta_giunta", {"it": "Giunta dell'Unione", "en": "Giunta of the Union"}
        elif lac.organo == "consiglio_unione":
            codice, organo = (
                "seduta_consiglio_unione",
                {"it": "Consiglio dell'Unione", "en": "Council of the Union"},
            )
        else:
            assert comune is not None
            codice = "seduta_consiglio"
            organo = {
                "it": f"Consiglio comunale di {comune.nome}",
                "en": f"Municipal council of {comune.nome}",
            }
        seduta_titolo: Text = {
            "it": f"Seduta e deliberazione {oggetto['it']}{clausola['it']}",
            "en": f"Meeting and resolution {oggetto['en']}{clausola['en']}",
        }
        passi.append(
            self._passo(
                lac,
                codice,
                seduta,
                seduta_titolo,
                organo,
                None,
                comune=nome,
                nota=nota_seduta,
                fonte=lac.fonte,
                confidenza=lac.confidenza,
            )
        )
        if lac.organo == "giunta":
            istruttoria_t = self.tempi["approvazione_giunta"]
            istruttoria, nota = _lavorativo(cal, seduta - relativedelta(days=istruttoria_t.giorni))
            passi.append(
                self._passo(
                    lac,
                    "istruttoria_proposta",
                    istruttoria,
                    {
                        "it": "Avvio dell'istruttoria della proposta di deliberazione (pareri di regolarità)",
                        "en": "Preparation of the draft resolution starts (regularity opinions)",
                    },
                    {"it": "Segretario e uffici dell'Unione", "en": "Secretary and offices of the Union"},
                    "approvazione_giunta",
                    nota=nota,
                )
            )
        else:
            convocazione_t = self.tempi["convocazione_consiglio"]
            preavviso = convocazione_t.giorni
            if comune is not None and comune.preavviso_consiglio_giorni is not None:
                preavviso = comune.preavviso_consiglio_giorni
            convocazione, nota = _lavorativo(cal, seduta - relativedelta(days=preavviso))
            if comune is None or comune.preavviso_consiglio_giorni is None:
                nota = _unisci(
                    nota,
                    {
                        "it": "preavviso predefinito: verificare il regolamento del Consiglio",
                        "en": "default notice: check the council's rules of procedure",
                    },
                )
            n = _giorni(preavviso)
            consiglio: Text = (
                {"it": "del Consiglio comunale", "en": "of the municipal council"}
                if comune
                else {"it": "del Consiglio dell'Unione", "en": "of the Council of the Union"}
            )
            passi.append(
                self._passo(
                    lac,
                    "convocazione_consiglio" if comune else "convocazione_consiglio_unione",
                    convocazione,
                    {
                        "it": f"Convocazione {consiglio['it']} (preavviso di {n['it']})",
                        "en": f"Convocation {consiglio['en']} ({n['en']}' notice)",
                    },
                    {
                        "it": f"Presidente {consiglio['it']}" + (f" di {comune.nome}" if comune else ""),
                        "en": f"President {consiglio['en']}" + (f" of {comune.nome}" if comune else ""),
                    },
                    "convocazione_consiglio",
                    comune=nome,
                    nota=nota,
                    giorni=preavviso,
                )
            )
        return passi

    # --- helpers ----------------------------------------------------------------------------------

    def _inizio_pubblicazione(self, cal: Calendario, limite: dt.date) -> tuple[dt.date, Text | None]:
        """The latest working day to start publishing so that the act is executive by `limite` on a working day.

        Executivity is a legal effect, but an office cannot act on it (sign, transfer staff) on a day it is
        closed, and people read a Sunday date as a mistake: the chain is moved so that it falls on a working day.
        """
        attesa = relativedelta(days=self.attesa_esecutivita)
        inizio, nota = _lavorativo(cal, limite - attesa)
        esecutiva = inizio + attesa
        if (motivo := cal.festivo(esecutiva)) is None:
            return inizio, nota
        while cal.festivo(inizio + attesa) is not None:
            inizio = cal.lavorativo(inizio - relativedelta(days=1))
        return inizio, _unisci(
            nota,
            {
                "it": f"anticipato perché l'esecutività non cada {data_con_articolo('il', esecutiva)}"
                f" ({motivo['it']})",
                "en": f"brought forward so that executivity does not fall on {data_estesa(esecutiva, 'en')}"
                f" ({motivo['en']})",
            },
        )
        return inizio, nota

    def _passo(
        self,
        lac: Lacuna,
        codice: str,
        data: dt.date,
        titolo: Text,
        attore: Text,
        tempo: str | None,
        *,
        comune: str | None = None,
        nota: Text | None = None,
        giorni: int | None = None,
        fonte: Fonte | None = None,
        confidenza: str | None = None,
    ) -> Passo:
        voce = self.tempi[tempo] if tempo else None
        chiave = "|".join((self.id_unione, lac.tipo, lac.codice, codice, comune or ""))
        return Passo(
            codice=codice,
            titolo=titolo,
            data=data,
            attore=attore,
            fonte=fonte or (voce.fonte.esito() if voce else lac.fonte),
            confidenza=confidenza or (voce.confidenza if voce else lac.confidenza),
            uid=f"{hashlib.sha256(chiave.encode()).hexdigest()[:32]}@avviamento",
            comune=comune,
            tempo=tempo,
            giorni=giorni if giorni is not None else (voce.giorni if voce else None),
            nota=nota,
            ritardo=max(0, (self.giorno - data).days),
        )
