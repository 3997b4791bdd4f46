"""load → evaluate → result. No printing, no exiting: the CLI does that."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from avviamento.checks import REGISTRY
from avviamento.checks.common import Contesto, NonApplicabile, Valore, Violazione
from avviamento.classi import Evidenze, classe_calcolata
from avviamento.comuni import anagrafe
from avviamento.effettivita import stato_funzione
from avviamento.errors import both, did_you_mean
from avviamento.esito import DaComporre, Esito, Indicatore, InfoRegole, Rilievo, Stato
from avviamento.i18n import Lang, accorda, data_estesa
from avviamento.profilo import ProfiloCaricato
from avviamento.regole import Regola, RulePack


def data_valutazione(caricato: ProfiloCaricato, as_of: dt.date | None) -> dt.date:
    return as_of or caricato.profilo.data_riferimento or dt.date.today()


def verifica_funzioni(caricato: ProfiloCaricato, pack: RulePack) -> None:
    """Function codes must come from the pack's catalogue: an unknown one is an input error, not a finding."""
    catalogo = pack.catalogo
    if not catalogo:
        return  # a pack that does not judge functions (e.g. participatory processes) has no catalogue
    for i, funzione in enumerate(caricato.profilo.funzioni):
        if funzione.codice not in catalogo:
            hint = did_you_mean(funzione.codice, catalogo)
            raise caricato.documento.error(
                ("funzioni", i, "codice"), both("unknown_function", code=funzione.codice, hint=hint)
            )
    for i, indicatore in enumerate(caricato.profilo.indicatori):
        if indicatore.funzione not in catalogo:
            hint = did_you_mean(indicatore.funzione, catalogo)
            raise caricato.documento.error(
                ("indicatori", i, "funzione"), both("unknown_function", code=indicatore.funzione, hint=hint)
            )


def contesto(caricato: ProfiloCaricato, pack: RulePack, giorno: dt.date) -> Contesto:
    """What every check sees: the profile, the pack, the date, effectiveness, class and populations."""
    profilo = caricato.profilo
    indici = range(len(profilo.funzioni)) if pack.catalogo else range(0)
    funzioni = tuple(stato_funzione(profilo, pack, i, giorno) for i in indici)
    effettive = {f.codice for f in funzioni if f.effettiva}
    classe, motivi_classe = classe_calcolata(pack, effettive, giorno, Evidenze.dal_profilo(profilo))
    registro = anagrafe()
    popolazioni = tuple(registro.popolazione(c) for c in profilo.comuni)
    return Contesto(
        profilo, pack, giorno, funzioni, classe, registro, popolazioni, motivi_classe=motivi_classe
    )


def evaluate_packs(caricato: ProfiloCaricato, packs: list[RulePack], as_of: dt.date | None = None) -> Esito:
    """Several packs in one report: the first gives class and functions, every pack adds its findings."""
    esiti = [evaluate(caricato, pack, as_of) for pack in packs]
    primo = esiti[0]
    return dataclasses.replace(
        primo,
        rilievi=tuple(r for esito in esiti for r in esito.rilievi),
        pacchetti=tuple(esito.regole for esito in esiti),
    )


def info_regole(pack: RulePack) -> InfoRegole:
    return InfoRegole(
        pack.id, pack.versione, pack.sha256, pack.pacchetto.titolo.as_text(), bool(pack.pacchetto.classi)
    )


def evaluate(caricato: ProfiloCaricato, pack: RulePack, as_of: dt.date | None = None) -> Esito:
    verifica_funzioni(caricato, pack)
    giorno = data_valutazione(caricato, as_of)
    ctx = contesto(caricato, pack, giorno)
    contesti = {ctx.scadenza_regola: ctx}  # one per deadline, not one per rule: most share the programme's
    rilievi = [r for regola in pack.pacchetto.regole for r in _applica(regola, contesti, caricato)]
    popolazioni = ctx.popolazioni
    return Esito(
        unione=ctx.profilo.unione.nome,
        file=caricato.file,
        data_valutazione=giorno,
        regole=info_regole(pack),
        pacchetti=(info_regole(pack),),
        classe=ctx.classe,
        classe_dichiarata=ctx.profilo.unione.classe_dichiarata,
        motivi_classe=ctx.motivi_classe,
        funzioni=ctx.funzioni,
        rilievi=tuple(rilievi),
        popolazione=None if None in popolazioni else sum(p or 0 for p in popolazioni),
        comuni=tuple(c.nome for c in ctx.profilo.comuni),
        etichette={f.codice: f.etichetta.as_text() for f in pack.pacchetto.funzioni},
        indicatori=tuple(
            Indicatore(i.funzione, i.codice, i.famiglia, i.valore, i.unita, i.anno, i.fonte)
            for i in ctx.profilo.indicatori
        ),
    )


def _applica(
    regola: Regola, contesti: dict[dt.date | None, Contesto], caricato: ProfiloCaricato
) -> Iterable[Rilievo]:
    ctx = contesti[None]
    modello = ctx.pack.modelli[regola.codice]
    dichiarata = ctx.profilo.unione.classe_dichiarata
    if regola.classi is not None and dichiarata not in regola.classi:
        motivo = {
            "it": f"la regola si applica alle Unioni di classe {', '.join(regola.classi)}",
            "en": f"the rule applies to Unions of class {', '.join(regola.classi)}",
        }
        yield dataclasses.replace(modello, stato="non_applicabile", testo=motivo)
        return
    if regola.scadenza and dichiarata in regola.classi_scadenza:
        modello = ctx.pack.modello(regola.codice, ctx.pack.valore(regola.scadenza, ctx.data))
    kind = REGISTRY[regola.tipo]
    params = ctx.pack.parametri_regole[regola.codice]
    if modello.scadenza not in contesti:
        contesti[modello.scadenza] = dataclasses.replace(ctx, scadenza_regola=modello.scadenza)
    ctx = contesti[modello.scadenza]
    esami = list(kind.check(ctx, params))
    if not esami:
        yield modello
    for esame in esami:
        if isinstance(esame, NonApplicabile):
            yield dataclasses.replace(modello, stato="non_applicabile", testo=esame.motivo)
        else:
            yield _rilievo(regola, esame, modello, ctx, caricato)


def _rilievo(
    regola: Regola, violazione: Violazione, modello: Rilievo, ctx: Contesto, caricato: ProfiloCaricato
) -> Rilievo:
    stato: Stato = "violata"
    giorni = None
    scadenza = violazione.scadenza or modello.scadenza
    valori: dict[str, Valore | None] = dict(violazione.valori)
    if scadenza is not None:
        giorni = (scadenza - ctx.data).days
        stato = "in_scadenza" if ctx.data < scadenza else "scaduta"
        valori["scadenza"] = scadenza
    testo = regola.messaggi.get(violazione.variante or "", regola.messaggio)
    return dataclasses.replace(
        modello,
        stato=stato,
        testo=DaComporre(testo.as_text(), valori, _format),
        giorni=giorni,
        scadenza=scadenza,
        posizione=caricato.documento.position(violazione.percorso),
        percorso=violazione.percorso,
        rimedi=tuple(_rimedi(regola.rimedi, violazione.valori, violazione.funzione)),
        funzione=violazione.funzione,
        comuni=violazione.comuni,
    )


def _format(template: str, valori: Mapping[str, Valore | None], lang: Lang) -> str:
    return accorda(
        template.format_map(_Missing({key: _value_text(value, lang) for key, value in valori.items()}))
    )


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "—"


def _value_text(value: Valore | None, lang: Lang) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return value[lang]
    if isinstance(value, list):
        if len(value) < 2:
            return "".join(value) or "—"
        return ", ".join(value[:-1]) + (" e " if lang == "it" else " and ") + value[-1]
    if isinstance(value, dt.date):
        return data_estesa(value, lang)
    if isinstance(value, int) and not isinstance(value, bool):
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if lang == "it" else grouped
    return str(value)


def _rimedi(templates: list[str], valori: dict[str, Valore], funzione: str | None) -> Iterable[str]:
    seen: set[str] = set()
    context: dict[str, Valore] = {**valori}
    if funzione:
        context["funzione"] = funzione  # remedies name the function by code, messages by label
    for template in templates:
        tipo, _, oggetto = template.partition(":")
        if oggetto.startswith("{") and oggetto.endswith("}"):
            value = context.get(oggetto[1:-1])
            items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
            expanded = [f"{tipo}:{item}" for item in items]
        else:
            expanded = [template]
        for remedy in expanded:
            if remedy not in seen:
                seen.add(remedy)
                yield remedy
