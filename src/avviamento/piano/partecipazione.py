"""`plan` for a participation pack (LR 15/2018): each participatory process, and the Union's strategic plan, as a
timeline with the steps already done (at their real date) and the steps still to take (at their latest date).

The anchor is the day by which the call's processes must start (the pack's `calendario` entry
`avvio_bando_<anno>`, or --deadline); from the start the durations and terms come from the pack's rules, by kind:

    durata_processo       the end: start + 6 months (12 if complesso) + the days of ex officio suspension
    sequenza_atti         an act by the date of another (art. 16 commitment and certification by the start,
                          Tavolo by the first phase, DocPP validated by its sending; Piano → Patto)
    termine_conclusione   final report and art. 19 document, within their days of the end
    monitoraggio_patto    the next review of the Patto, `giorni` after the last one

Open steps move to the previous working day of the body that acts, and say so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from avviamento.checks.common import campo_data, piu_mesi
from avviamento.comuni import indice_membro
from avviamento.errors import Text
from avviamento.esito import Esito, Fonte
from avviamento.i18n import data_con_articolo, data_estesa
from avviamento.piano.calendario import Calendario
from avviamento.piano.scheduler import Gruppo, Passo, Piano, Scadenza, _giorni, _lavorativo
from avviamento.piano.steps import Lacuna
from avviamento.profilo import PianoStrategico, ProcessoPartecipativo, Profilo
from avviamento.regole import Regola, RulePack, Tappa

KINDS = frozenset({"durata_processo", "termine_conclusione", "monitoraggio_patto"})
TECNICO: Text = {
    "it": "Tecnico di garanzia della partecipazione (Assemblea legislativa regionale)",
    "en": "Tecnico di garanzia della partecipazione (regional Legislative Assembly)",
}
# The acts a rule names by their profile field: step code, title, who acts.
ATTI: dict[str, tuple[str, Text, str]] = {
    "sospensione_atti.deliberata": (
        "impegno_sospensione",
        {
            "it": "Deliberazione di impegno a sospendere gli atti che anticiperebbero l'esito del processo",
            "en": "Resolution committing to suspend acts that would anticipate the outcome of the process",
        },
        "giunta",
    ),
    "certificazione_qualita.rilasciata": (
        "certificazione_qualita",
        {"it": "Certificazione di qualità del progetto", "en": "Quality certification of the project"},
        "tecnico",
    ),
    "tavolo_negoziazione.costituito": (
        "tavolo_negoziazione",
        {
            "it": "Costituzione e primo incontro del Tavolo di Negoziazione",
            "en": "Negotiation Table set up, first meeting",
        },
        "responsabile",
    ),
    "docpp.validato": (
        "validazione_docpp",
        {
            "it": "Validazione del DocPP, Documento di proposta partecipata",
            "en": "Validation of the DocPP, the participatory proposal document",
        },
        "tecnico",
    ),
    "relazione_finale.inviata": (
        "relazione_finale",
        {
            "it": "Invio alla Regione della relazione finale con il rendiconto delle spese",
            "en": "Final report with the expense statement sent to the Region",
        },
        "responsabile",
    ),
    "documento_ente.approvato": (
        "documento_ente",
        {
            "it": "Deliberazione che dà conto del processo, del DocPP e della sua validazione",
            "en": "Resolution accounting for the process, the DocPP and its validation",
        },
        "giunta",
    ),
    "analisi_diagnostica.conclusa": (
        "analisi_diagnostica",
        {"it": "Conclusione dell'analisi diagnostica", "en": "Diagnostic analysis completed"},
        "unione",
    ),
    "piano.approvato": (
        "approvazione_piano",
        {"it": "Approvazione del Piano strategico di Unione", "en": "Approval of the Union's strategic plan"},
        "consiglio_unione",
    ),
    "patto_sviluppo.sottoscritto": (
        "sottoscrizione_patto",
        {
            "it": "Sottoscrizione del Patto per lo sviluppo del territorio",
            "en": "Signature of the territorial development Pact",
        },
        "firmatari",
    ),
}
PIANO_STRATEGICO = ("analisi_diagnostica.conclusa", "piano.approvato", "patto_sviluppo.sottoscritto")
# What a `dopo` field of a rule is, in «entro …» / «by …».
RIFERIMENTI: dict[str, Text] = {
    "avvio": {"it": "l'avvio del processo", "en": "the start of the process"},
    "fasi.0.dal": {"it": "l'inizio della prima fase", "en": "the start of the first phase"},
    "contributo": {"it": "la concessione del contributo", "en": "the grant of the contribution"},
    "docpp.trasmesso": {"it": "l'invio del DocPP all'ente", "en": "the sending of the DocPP to the body"},
    "conclusione": {"it": "l'invio del DocPP all'ente", "en": "the sending of the DocPP to the body"},
}
# The order of steps that fall on the same day.
ORDINE = (
    "certificazione_qualita",
    "impegno_sospensione",
    "avvio",
    "tavolo_negoziazione",
    "fase",
    "validazione_docpp",
    "conclusione",
    "relazione_finale",
    "documento_ente",
    "analisi_diagnostica",
    "approvazione_piano",
    "sottoscrizione_patto",
    "monitoraggio_patto",
)


def e_partecipazione(pack: RulePack) -> bool:
    """A pack that judges participatory processes and the strategic plan, not the Union's functions."""
    return not pack.pacchetto.tempi and any(r.tipo in KINDS for r in pack.pacchetto.regole)


def pianifica_partecipazione(
    profilo: Profilo, pack: RulePack, esito: Esito, termine: dt.date | None = None
) -> Piano:
    """The plan of every process and of the strategic plan; `termine` replaces the call's start day."""
    costruttore = _Costruttore(profilo, pack, esito.data_valutazione, termine)
    gruppi = [costruttore.processo(p) for p in profilo.processi_partecipativi]
    if profilo.piano_strategico is not None:
        gruppi.append(costruttore.piano_strategico(profilo.piano_strategico))
    ancora = costruttore.ancora or Scadenza(
        esito.data_valutazione,
        "data_valutazione",
        {"it": "nessun termine di avvio da un bando", "en": "no start day from a call"},
    )
    return Piano(
        unione=esito.unione,
        file=esito.file,
        data_valutazione=esito.data_valutazione,
        scadenza=ancora.data,
        origine_scadenza=ancora.origine,
        descrizione_scadenza=ancora.descrizione,
        scadenza_confidenza=ancora.confidenza,
        esecutivita="inizio_pubblicazione",
        regole=esito.regole,
        gruppi=tuple(gruppi),
        tipo="partecipazione",
    )


@dataclass(frozen=True)
class _Ente:
    """The body that owns the decision: its name, working days, Comune (None for the Union)."""

    nome: Text
    giunta: Text
    calendario: Calendario
    comune: str | None


class _Costruttore:
    def __init__(self, profilo: Profilo, pack: RulePack, giorno: dt.date, termine: dt.date | None) -> None:
        self.profilo = profilo
        self.pack = pack
        self.giorno = giorno
        self.termine = termine
        self.unione = profilo.unione.nome
        self.id_unione = profilo.unione.codice_fiscale or profilo.unione.nome
        self.regole = pack.pacchetto.regole
        self.ancora: Scadenza | None = None
        self.regionale = Calendario()  # the Region's offices: weekends and national holidays

    # --- the bodies ----------------------------------------------------------------------------------

    def _ente(self, processo: ProcessoPartecipativo) -> _Ente:
        _, _, nome = processo.ente_titolare.partition("comune:")
        indice = indice_membro(self.profilo, nome) if nome else None
        if indice is None:
            sede = indice_membro(self.profilo, self.profilo.unione.sede) if self.profilo.unione.sede else None
            comuni = [self.profilo.comuni[sede]] if sede is not None else []
            cal = Calendario.di((c.nome, c.santo_patrono) for c in comuni)
            giunta: Text = {"it": "Giunta dell'Unione", "en": "Giunta of the Union"}
            return _Ente({"it": self.unione, "en": self.unione}, giunta, cal, None)
        comune = self.profilo.comuni[indice]
        return _Ente(
            {"it": f"Comune di {comune.nome}", "en": f"Comune of {comune.nome}"},
            {"it": f"Giunta comunale di {comune.nome}", "en": f"Municipal Giunta of {comune.nome}"},
            Calendario.di([(comune.nome, comune.santo_patrono)]),
            comune.nome,
        )

    def _attore(self, chi: str, ente: _Ente | None) -> Text:
        if chi == "tecnico":
            return TECNICO
        if chi == "giunta" and ente is not None:
            return ente.giunta
        if chi == "responsabile" and ente is not None:
            return {
                "it": f"{ente.nome['it']}: responsabile del processo",
                "en": f"{ente.nome['en']}: process manager",
            }
        if chi == "consiglio_unione":
            return {"it": "Consiglio dell'Unione", "en": "Council of the Union"}
        if chi == "firmatari":
            return {"it": f"{self.unione} e parti del Patto", "en": f"{self.unione} and the Pact's parties"}
        return {"it": self.unione, "en": self.unione}

    # --- a participatory process -------------------------------------------------------------------

    def processo(self, p: ProcessoPartecipativo) -> Gruppo:
        ente = self._ente(p)
        durata = self._regola("durata_processo")
        fonte = self._fonte(durata)
        processi = self.profilo.processi_partecipativi
        omonimi = [q for q in processi if q.titolo == p.titolo]
        # the title keeps the calendar's UIDs stable; two processes with one title also need their place
        posto = next(i for i, q in enumerate(omonimi) if q is p)
        chiave = ("processo", p.titolo if len(omonimi) == 1 else f"{p.titolo}|{posto}")
        motivi: list[Text] = []
        passi: list[Passo] = []
        bando = self._avvio_bando(p.bando)
        limite_avvio, origine, descrizione, conf_avvio = self._limite_avvio(p, bando)
        if p.bando is not None:
            motivi.append({"it": f"bando {p.bando}", "en": f"{p.bando} call"})

        avvio_titolo: Text = {
            "it": "Avvio del processo partecipativo",
            "en": "Start of the participatory process",
        }
        fonte_avvio = (bando.fonte.esito(), bando.confidenza) if bando and not self.termine else fonte
        avviato = p.avvio is not None and p.avvio <= self.giorno
        if p.avvio is not None and avviato:
            inizio = p.avvio
            nota = self._oltre(p.avvio, limite_avvio) if limite_avvio else None
        elif p.avvio is not None:
            inizio, nota = _lavorativo(ente.calendario, p.avvio)
            if limite_avvio and p.avvio > limite_avvio:
                nota = _unisci(nota, self._oltre(p.avvio, limite_avvio))
        elif limite_avvio is not None:
            inizio, nota = _lavorativo(ente.calendario, limite_avvio)
        else:
            motivi.append(_senza_avvio(p.bando))
            return Gruppo(self._lacuna(p, ente, fonte, motivi, ()), ())
        passi.append(
            self._passo(
                chiave,
                "avvio",
                inizio,
                avvio_titolo,
                ente.nome,
                fonte_avvio,
                ente,
                fatto=avviato,
                nota=nota,
                regola=durata,
            )
        )
        if self.ancora is None and limite_avvio is not None:
            self.ancora = Scadenza(limite_avvio, origine, descrizione, conf_avvio)
        if self.ancora is None:
            self.ancora = Scadenza(
                inizio,
                "avvio",
                {"it": f"avvio del processo «{p.titolo}»", "en": f"start of the process «{p.titolo}»"},
            )

        fine, fatta = self._fine(p, inizio)
        conclusione = fatta  # the closing acts count from the real end, or from the planned one
        if durata is not None and fine is not None:
            passo_fine = self._conclusione(p, chiave, ente, durata, fine, fatta)
            passi.append(passo_fine)
            conclusione = passo_fine.data
        motivi.append(self._stato(p, inizio, fatta))

        for j, fase in enumerate(p.fasi):
            if fase.dal is None:
                continue
            passi.append(self._fase(chiave, j, fase.nome, fase.dal, fase.al, ente, durata))

        for regola in self.regole:
            if regola.tipo == "sequenza_atti" and regola.parametri.get("sezione") == "processi_partecipativi":
                riferimento, testo = self._riferimento(
                    p, regola.parametri.get("dopo", []), inizio, conclusione
                )
                passi.append(
                    self._atto(chiave, p, regola, regola.parametri["prima"], riferimento, testo, ente)
                )
            elif regola.tipo == "termine_conclusione" and conclusione is not None:
                giorni = int(regola.parametri["giorni"])
                entro = {
                    "it": f"entro {_giorni(giorni)['it']} dalla conclusione",
                    "en": f"within {_giorni(giorni)['en']} of the end",
                }
                limite = conclusione + dt.timedelta(days=giorni)
                passi.append(self._atto(chiave, p, regola, regola.parametri["atto"], limite, entro, ente))
        ordinati = tuple(sorted(passi, key=_ordine))
        return Gruppo(self._lacuna(p, ente, fonte, motivi, ordinati), ordinati)

    def _limite_avvio(
        self, p: ProcessoPartecipativo, bando: Tappa | None
    ) -> tuple[dt.date | None, str, Text, str | None]:
        """The day by which the process starts: --deadline, or the call's start day; where it comes from."""
        if self.termine is not None:
            return (
                self.termine,
                "--deadline",
                {"it": "indicata con --deadline", "en": "given with --deadline"},
                None,
            )
        if bando is not None:
            return bando.dal.date(), bando.codice, bando.descrizione.as_text(), bando.confidenza
        return None, "", {"it": "", "en": ""}, None

    def _avvio_bando(self, anno: int | None) -> Tappa | None:
        if anno is None:
            return None
        codice = f"avvio_bando_{anno}"
        return next((t for t in self.pack.pacchetto.calendario if t.codice == codice), None)

    def _fine(self, p: ProcessoPartecipativo, inizio: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """(the latest end, the real end when it has come)."""
        fatta = p.conclusione or (p.docpp.trasmesso if p.docpp else None)
        if fatta is not None and fatta > self.giorno:
            fatta = None
        durata = self._regola("durata_processo")
        if durata is None:
            return None, fatta
        mesi = int(durata.parametri["mesi_complesso" if p.complesso else "mesi"])
        return piu_mesi(inizio, mesi) + dt.timedelta(days=p.sospensione_giorni), fatta

    def _conclusione(
        self,
        p: ProcessoPartecipativo,
        chiave: tuple[str, str],
        ente: _Ente,
        durata: Regola,
        fine: dt.date,
        fatta: dt.date | None,
    ) -> Passo:
        mesi = int(durata.parametri["mesi_complesso" if p.complesso else "mesi"])
        sospensione = (
            {
                "it": f" più {_giorni(p.sospensione_giorni)['it']} di sospensione",
                "en": f" plus {_giorni(p.sospensione_giorni)['en']} of suspension",
            }
            if p.sospensione_giorni
            else {"it": "", "en": ""}
        )
        titolo: Text = {
            "it": f"Invio del DocPP validato all'ente: conclusione del processo (entro {mesi} mesi "
            f"dall'avvio{sospensione['it']})",
            "en": f"Validated DocPP sent to the body: end of the process (within {mesi} months of the "
            f"start{sospensione['en']})",
        }
        fonte = self._fonte(durata)
        if fatta is not None:
            return self._passo(
                chiave,
                "conclusione",
                fatta,
                titolo,
                ente.nome,
                fonte,
                ente,
                fatto=True,
                nota=self._oltre(fatta, fine),
                regola=durata,
            )
        data, nota = _lavorativo(ente.calendario, fine)
        return self._passo(
            chiave, "conclusione", data, titolo, ente.nome, fonte, ente, nota=nota, regola=durata
        )

    def _fase(
        self,
        chiave: tuple[str, str],
        j: int,
        nome: str,
        dal: dt.date,
        al: dt.date | None,
        ente: _Ente,
        durata: Regola | None,
    ) -> Passo:
        fino: Text = (
            {"it": f" (fino {data_con_articolo('al', al)})", "en": f" (until {data_estesa(al, 'en')})"}
            if al
            else {"it": "", "en": ""}
        )
        titolo: Text = {
            "it": f"Inizio della fase «{nome}»{fino['it']}",
            "en": f"Phase «{nome}» starts{fino['en']}",
        }
        regola = self._regola("fasi_processo") or durata
        fonte = self._fonte(regola)
        if dal <= self.giorno:
            return self._passo(
                chiave,
                f"fase_{j}",
                dal,
                titolo,
                ente.nome,
                fonte,
                ente,
                fatto=True,
                ordine="fase",
                regola=regola,
            )
        data, nota = _lavorativo(ente.calendario, dal)
        return self._passo(
            chiave, f"fase_{j}", data, titolo, ente.nome, fonte, ente, nota=nota, ordine="fase", regola=regola
        )

    def _riferimento(
        self, p: ProcessoPartecipativo, dopo: list[str], inizio: dt.date, conclusione: dt.date | None
    ) -> tuple[dt.date | None, Text]:
        """The date an act must come by: the first of the rule's `dopo` fields that is known or planned."""
        for campo in dopo:
            if campo == "avvio":
                data: dt.date | None = inizio
            elif campo in ("docpp.trasmesso", "conclusione"):
                data = conclusione
            else:
                data = campo_data(p, campo)
            if data is not None:
                return data, _entro(RIFERIMENTI.get(campo, {"it": campo, "en": campo}))
        return inizio, _entro(RIFERIMENTI["avvio"])

    def _atto(
        self,
        chiave: tuple[str, str],
        oggetto: ProcessoPartecipativo | PianoStrategico,
        regola: Regola,
        campo: str,
        limite: dt.date | None,
        entro: Text,
        ente: _Ente | None,
    ) -> Passo:
        """The act at `campo`: done at its date, or due by `limite` (the previous working day)."""
        codice, titolo, chi = ATTI.get(
            campo, (campo.replace(".", "_"), regola.titolo.as_text(), "responsabile")
        )
        titolo = {lang: f"{titolo[lang]} ({entro[lang]})" for lang in ("it", "en")} if limite else titolo
        attore = self._attore(chi, ente)
        fonte = self._fonte(regola)
        fatto = campo_data(oggetto, campo)
        if fatto is not None and fatto <= self.giorno:
            nota = self._oltre(fatto, limite) if limite else None
            return self._passo(
                chiave, codice, fatto, titolo, attore, fonte, ente, fatto=True, nota=nota, regola=regola
            )
        assert limite is not None
        cal = self.regionale if chi == "tecnico" or ente is None else ente.calendario
        data, nota = _lavorativo(cal, limite)
        return self._passo(chiave, codice, data, titolo, attore, fonte, ente, nota=nota, regola=regola)

    def _stato(self, p: ProcessoPartecipativo, inizio: dt.date, fatta: dt.date | None) -> Text:
        if fatta is not None:
            return {
                "it": f"concluso {data_con_articolo('il', fatta)}",
                "en": f"ended on {data_estesa(fatta, 'en')}",
            }
        if p.avvio is not None and p.avvio <= self.giorno:
            return {
                "it": f"in corso {data_con_articolo('dal', p.avvio)}",
                "en": f"running since {data_estesa(p.avvio, 'en')}",
            }
        return {
            "it": f"da avviare entro {data_con_articolo('il', inizio)}",
            "en": f"to be started by {data_estesa(inizio, 'en')}",
        }

    def _lacuna(
        self,
        p: ProcessoPartecipativo,
        ente: _Ente,
        fonte: tuple[Fonte, str],
        motivi: list[Text],
        passi: tuple[Passo, ...],
    ) -> Lacuna:
        return Lacuna(
            tipo="processo_partecipativo",
            codice=p.titolo,
            etichetta={
                "it": f"Processo partecipativo «{p.titolo}»",
                "en": f"Participatory process «{p.titolo}»",
            },
            organo="ente_titolare",
            fonte=fonte[0],
            confidenza=fonte[1],
            regole=self._codici(passi),
            motivi=tuple(motivi),
            comuni=tuple(c for c in self.profilo.comuni if c.nome == ente.comune),
        )

    # --- the strategic plan ------------------------------------------------------------------------

    def piano_strategico(self, piano: PianoStrategico) -> Gruppo:
        chiave = ("piano_strategico", "")
        passi: list[Passo] = []
        da_fare: list[str] = []
        for campo in PIANO_STRATEGICO:
            regola = self._regola_campo(campo)
            data = campo_data(piano, campo)
            if data is not None and data <= self.giorno and regola is not None:
                passi.append(self._atto(chiave, piano, regola, campo, None, {"it": "", "en": ""}, None))
            elif regola is not None:
                da_fare.append(ATTI[campo][1]["it"])
        motivi: list[Text] = []
        if da_fare:
            motivi.append(
                {
                    "it": "da completare, senza termine di legge (metodologia): " + "; ".join(da_fare),
                    "en": "to be completed, with no legal term (methodology): "
                    + "; ".join(ATTI[c][1]["en"] for c in PIANO_STRATEGICO if ATTI[c][1]["it"] in da_fare),
                }
            )
        monitoraggio = self._regola("monitoraggio_patto")
        firmato = piano.patto_sviluppo.sottoscritto if piano.patto_sviluppo else None
        if monitoraggio is not None and firmato is not None and firmato <= self.giorno:
            passi += self._monitoraggio(chiave, piano, monitoraggio, firmato)
        regola = self._regola_campo(PIANO_STRATEGICO[-1]) or monitoraggio
        fonte = self._fonte(regola)
        ordinati = tuple(sorted(passi, key=_ordine))
        lacuna = Lacuna(
            tipo="piano_strategico",
            codice="piano_strategico",
            etichetta={
                "it": "Piano strategico di Unione e Patto per lo sviluppo del territorio",
                "en": "Union strategic plan and territorial development Pact",
            },
            organo="consiglio_unione",
            fonte=fonte[0],
            confidenza=fonte[1],
            regole=self._codici(ordinati),
            motivi=tuple(motivi),
        )
        return Gruppo(lacuna, ordinati)

    def _monitoraggio(
        self, chiave: tuple[str, str], piano: PianoStrategico, regola: Regola, firmato: dt.date
    ) -> list[Passo]:
        giorni = int(regola.parametri["giorni"])
        fonte = self._fonte(regola)
        attore = self._attore("firmatari", None)
        titolo: Text = {
            "it": "Verifica periodica del Patto al tavolo permanente",
            "en": "Periodic review of the Pact at the permanent table",
        }
        passi: list[Passo] = []
        ultima = firmato
        fatte = sorted((m for m in piano.monitoraggio_patto if m.data <= self.giorno), key=lambda m: m.data)
        for n, verifica in enumerate(fatte, start=1):
            nota: Text | None = (
                {"it": verifica.relazione, "en": verifica.relazione} if verifica.relazione else None
            )
            nota = _unisci(nota, self._oltre(verifica.data, ultima + dt.timedelta(days=giorni)))
            passi.append(
                self._passo(
                    chiave,
                    f"monitoraggio_{n}",
                    verifica.data,
                    titolo,
                    attore,
                    fonte,
                    None,
                    fatto=True,
                    nota=nota,
                    ordine="monitoraggio_patto",
                    regola=regola,
                )
            )
            ultima = max(ultima, verifica.data)
        entro: Text = {
            "it": f"{titolo['it']} (entro {_giorni(giorni)['it']} dalla precedente)",
            "en": f"{titolo['en']} (within {_giorni(giorni)['en']} of the previous one)",
        }
        data, nota = _lavorativo(self.regionale, ultima + dt.timedelta(days=giorni))
        passi.append(
            self._passo(
                chiave,
                f"monitoraggio_{len(fatte) + 1}",
                data,
                entro,
                attore,
                fonte,
                None,
                nota=nota,
                ordine="monitoraggio_patto",
                regola=regola,
            )
        )
        return passi

    # --- helpers -----------------------------------------------------------------------------------

    def _regola(self, tipo: str) -> Regola | None:
        return next((r for r in self.regole if r.tipo == tipo), None)

    def _regola_campo(self, campo: str) -> Regola | None:
        """The strategic-plan rule that names the field, as the earlier act first."""
        regole = [
            r
            for r in self.regole
            if r.tipo == "sequenza_atti" and r.parametri.get("sezione") == "piano_strategico"
        ]
        return next((r for r in regole if r.parametri.get("prima") == campo), None) or next(
            (r for r in regole if campo in r.parametri.get("dopo", [])), None
        )

    def _fonte(self, regola: Regola | None) -> tuple[Fonte, str]:
        if regola is None:
            return Fonte("LR Emilia-Romagna 15/2018"), "da_verificare"
        return regola.fonte.esito(), regola.confidenza

    def _codici(self, passi: tuple[Passo, ...]) -> tuple[str, ...]:
        """The rules behind the steps still to take, in the pack's order."""
        aperti = {p.regola for p in passi if isinstance(p, _PassoPP) and not p.fatto}
        return tuple(r.codice for r in self.regole if r.codice in aperti)

    def _oltre(self, fatto: dt.date, limite: dt.date | None) -> Text | None:
        if limite is None or fatto <= limite:
            return None
        n = _giorni((fatto - limite).days)
        return {
            "it": f"{n['it']} oltre il termine del {data_estesa(limite)}",
            "en": f"{n['en']} after the term of {data_estesa(limite, 'en')}",
        }

    def _passo(
        self,
        chiave: tuple[str, str],
        codice: str,
        data: dt.date,
        titolo: Text,
        attore: Text,
        fonte: tuple[Fonte, str],
        ente: _Ente | None,
        *,
        fatto: bool = False,
        nota: Text | None = None,
        ordine: str | None = None,
        regola: Regola | None = None,
    ) -> Passo:
        uid = "|".join((self.id_unione, *chiave, codice))
        return _PassoPP(
            codice=codice,
            titolo=titolo,
            data=data,
            attore=attore,
            fonte=fonte[0],
            confidenza=fonte[1],
            uid=f"{hashlib.sha256(uid.encode()).hexdigest()[:32]}@avviamento",
            comune=ente.comune if ente else None,
            nota=nota,
            ritardo=0 if fatto else max(0, (self.giorno - data).days),
            fatto=fatto,
            ordine=ordine or codice,
            regola=regola.codice if regola else None,
        )


@dataclass(frozen=True)
class _PassoPP(Passo):
    ordine: str = ""  # one of ORDINE
    regola: str | None = None  # the rule whose term dates the step


def _ordine(passo: Passo) -> tuple[dt.date, int]:
    ordine = passo.ordine if isinstance(passo, _PassoPP) else passo.codice
    return passo.data, ORDINE.index(ordine) if ordine in ORDINE else len(ORDINE)


def _unisci(prima: Text | None, poi: Text | None) -> Text | None:
    if prima is None or poi is None:
        return prima or poi
    return {lang: f"{prima[lang]}; {poi[lang]}" for lang in ("it", "en")}


def _senza_avvio(bando: int | None) -> Text:
    if bando is None:
        return {
            "it": "da avviare: mancano la data di avvio e l'anno del bando; indicare «avvio» o «bando» nel profilo, "
            "oppure --deadline",
            "en": "to be started: no start date and no call year; give «avvio» or «bando» in the profile, "
            "or --deadline",
        }
    return {
        "it": f"da avviare: manca la data di avvio e il calendario del pacchetto non ha il termine di avvio del "
        f"bando {bando}; indicare «avvio» nel profilo oppure --deadline",
        "en": f"to be started: no start date, and the pack's calendar has no start day for the {bando} call; "
        "give «avvio» in the profile or --deadline",
    }


def _entro(riferimento: Text) -> Text:
    return {"it": f"entro {riferimento['it']}", "en": f"by {riferimento['en']}"}
