"""Words shared by the human-readable reporters (text, markdown, html)."""

from __future__ import annotations

from avviamento.esito import Esito, Indicatore, Rilievo
from avviamento.i18n import STATI, Lang, contati, data_estesa, elenco, numero

GRAVITA: dict[str, dict[str, str]] = {
    "errore": {"it": "Errori", "en": "Errors"},
    "avviso": {"it": "Avvisi", "en": "Warnings"},
    "info": {"it": "Informazioni", "en": "Information"},
}
CONFIDENZA: dict[str, dict[str, str]] = {
    "verificata": {"it": "fonte verificata", "en": "verified source"},
    "secondaria": {"it": "fonte secondaria", "en": "secondary source"},
    "da_verificare": {"it": "da verificare", "en": "to be verified"},
}
RIMEDI: dict[str, dict[str, str]] = {
    "convenzione": {"it": "convenzione di conferimento", "en": "conferral agreement"},
    "delibera": {"it": "deliberazioni consiliari di conferimento", "en": "council conferral resolutions"},
    "regolamento": {"it": "regolamento", "en": "regulation"},
    "piano": {"it": "piano", "en": "plan"},
    "dati": {"it": "completare o correggere il profilo", "en": "complete or correct the profile"},
}
PIANI: dict[str, dict[str, str]] = {
    "piano_comunicazione": {"it": "piano di comunicazione", "en": "communication plan"},
    "programmazione_personale": {
        "it": "programmazione integrata del personale",
        "en": "integrated staff planning",
    },
    "piano_formazione": {"it": "piano di formazione unitario", "en": "joint training plan"},
    "organizzazione_uffici_servizi": {
        "it": "sull'ordinamento degli uffici e dei servizi",
        "en": "on offices and services",
    },
    "contabilita": {"it": "di contabilità", "en": "accounting"},
}
UI: dict[str, dict[str, str]] = {
    "titolo": {"it": "Verifica LR Emilia-Romagna 21/2012", "en": "LR Emilia-Romagna 21/2012 check"},
    "data": {"it": "Data di valutazione", "en": "Evaluation date"},
    "regole": {"it": "Regole", "en": "Rules"},
    "classe": {"it": "Classe calcolata", "en": "Computed class"},
    "dichiarata": {"it": "dichiarata", "en": "declared"},
    "nessuna": {"it": "nessuna", "en": "none"},
    "esito": {"it": "Esito", "en": "Outcome"},
    "conforme": {"it": "CONFORME", "en": "COMPLIANT"},
    "non_conforme": {"it": "NON CONFORME", "en": "NOT COMPLIANT"},
    "funzioni": {"it": "Funzioni", "en": "Functions"},
    "effettiva": {"it": "effettiva", "en": "effective"},
    "non_effettiva": {"it": "non effettiva", "en": "not effective"},
    "nessuna_funzione": {"it": "Nessuna funzione indicata.", "en": "No function listed."},
    "rilievi": {"it": "Rilievi", "en": "Findings"},
    "fonte": {"it": "Fonte", "en": "Source"},
    "rimedi": {"it": "Rimedi (avviamento draft)", "en": "Remedies (avviamento draft)"},
    "riga": {"it": "riga", "en": "line"},
    "soddisfatte": {"it": "Regole soddisfatte", "en": "Rules met"},
    "non_applicabili": {"it": "Regole non applicabili", "en": "Rules not applicable"},
    "perche": {"it": "perché", "en": "because"},
    "nessun_rilievo": {"it": "Nessun rilievo aperto.", "en": "No open finding."},
    "popolazione": {"it": "Popolazione", "en": "Population"},
    "indicatori": {
        "it": "Indicatori (Carta d'identità delle Unioni)",
        "en": "Indicators (Carta d'identità delle Unioni)",
    },
    "conteggio": {
        "it": "errori: {errori}, avvisi: {avvisi}, informazioni: {info}",
        "en": "errors: {errori}, warnings: {avvisi}, notes: {info}",
    },
    "termine_incerto": {"it": "termine da verificare", "en": "deadline to be verified"},
}


def ui(key: str, lang: Lang) -> str:
    return UI[key][lang]


def titolo(esito: Esito, lang: Lang) -> str:
    """`Verifica LR Emilia-Romagna 15/2018`: the short title (before « — ») of every pack applied."""
    pacchetti = esito.pacchetti or (esito.regole,)
    nomi = [p.titolo[lang].split(" — ")[0].strip() for p in pacchetti if p.titolo]
    if len(nomi) < len(pacchetti):  # a result built without the packs' titles
        return ui("titolo", lang)
    pacchetti_testo = elenco(nomi, lang)
    return f"Verifica {pacchetti_testo}" if lang == "it" else f"{pacchetti_testo} check"


def mostra_classe(esito: Esito) -> bool:
    """The computed class comes from the first pack: none to show when that pack has no classes."""
    return esito.regole.classi


def mostra_funzioni(esito: Esito) -> bool:
    """A pack without a function catalogue (LR 15/2018) has no functions section to show empty."""
    return bool(esito.funzioni) or esito.regole.classi


def stato_testo(r: Rilievo, lang: Lang) -> str:
    """`in scadenza tra 46 giorni (30 giugno 2024)`, `scaduta il 30 giugno 2024`, `violata`."""
    scadenza = data_estesa(r.scadenza, lang) if r.scadenza else ""
    if r.stato == "in_scadenza" and r.giorni is not None:  # the engine gives the days with the state
        if lang == "it":
            return f"in scadenza tra {contati(r.giorni, 'giorno', 'giorni')} ({scadenza})"
        return f"due in {contati(r.giorni, 'day', 'days')} ({scadenza})"
    if r.stato == "scaduta":
        return f"scaduta il {scadenza}" if lang == "it" else f"overdue since {scadenza}"
    return STATI[r.stato][lang]


def fonte_testo(r: Rilievo, lang: Lang) -> str:
    text = f"{r.fonte.citazione()} ({CONFIDENZA.get(r.confidenza, {}).get(lang, r.confidenza)})"
    if r.scadenza and r.scadenza_confidenza and r.scadenza_confidenza != "verificata":
        text += f"; {ui('termine_incerto', lang)}"
    return text


def rimedi_testo(rimedi: tuple[str, ...], esito: Esito, lang: Lang) -> str:
    """`convenzione di conferimento: «Polizia locale», «Tributi»; piano di formazione unitario` — by kind."""
    gruppi: dict[str, list[str]] = {}
    for rimedio in rimedi:
        tipo, _, oggetto = rimedio.partition(":")
        nome = RIMEDI.get(tipo, {}).get(lang, tipo)
        if tipo in ("convenzione", "delibera"):
            gruppi.setdefault(nome, []).append(f"«{esito.etichette.get(oggetto, {}).get(lang, oggetto)}»")
        elif tipo == "piano":
            gruppi.setdefault(PIANI.get(oggetto, {}).get(lang, oggetto), [])
        elif tipo == "regolamento":
            gruppi.setdefault(f"{nome} {PIANI.get(oggetto, {}).get(lang, oggetto)}", [])
        else:
            gruppi.setdefault(nome, []).append(oggetto)
    return "; ".join(f"{nome}: {', '.join(oggetti)}" if oggetti else nome for nome, oggetti in gruppi.items())


def conteggio(esito: Esito, lang: Lang) -> str:
    return ui("conteggio", lang).format(
        errori=esito.conteggio("errore"), avvisi=esito.conteggio("avviso"), info=esito.conteggio("info")
    )


def righe_indicatori(esito: Esito, lang: Lang) -> list[tuple[str, list[str]]]:
    """The profile's indicators per function (in catalogue label order), each `anno · famiglia · codice: valore`."""
    per_funzione: dict[str, list[str]] = {}
    for i in sorted(esito.indicatori, key=lambda i: (i.funzione, i.anno, i.famiglia, i.codice)):
        unita = f" {i.unita}" if i.unita else ""
        fonte = f" ({ui('fonte', lang).lower()}: {i.fonte})" if i.fonte else ""
        riga = f"{i.anno} · {i.famiglia} · {i.codice}: {numero(i.valore, lang)}{unita}{fonte}"
        etichetta = esito.etichette.get(i.funzione, {"it": i.funzione, "en": i.funzione})[lang]
        per_funzione.setdefault(etichetta, []).append(riga)
    return sorted(per_funzione.items())


FAMIGLIE: dict[str, dict[str, str]] = {
    "qualita": {"it": "qualità del servizio", "en": "service quality"},
    "disparita": {"it": "disparità territoriali", "en": "territorial disparities"},
    "sostenibilita": {"it": "sostenibilità economica", "en": "economic sustainability"},
    "innovazione": {"it": "innovazione", "en": "innovation"},
    "semplificazione": {"it": "semplificazione", "en": "simplification"},
}
COLONNE_INDICATORI: dict[str, dict[str, str]] = {
    "anno": {"it": "Anno", "en": "Year"},
    "famiglia": {"it": "Famiglia", "en": "Family"},
    "codice": {"it": "Indicatore", "en": "Indicator"},
    "valore": {"it": "Valore", "en": "Value"},
    "fonte": {"it": "Fonte", "en": "Source"},
}


def indicatori_per_funzione(esito: Esito, lang: Lang) -> list[tuple[str, list[Indicatore]]]:
    """The indicators grouped by function label (alphabetical), each group by year, family and code."""
    gruppi: dict[str, list[Indicatore]] = {}
    for i in sorted(esito.indicatori, key=lambda i: (i.anno, i.famiglia, i.codice)):
        etichetta = esito.etichette.get(i.funzione, {"it": i.funzione, "en": i.funzione})[lang]
        gruppi.setdefault(etichetta, []).append(i)
    return sorted(gruppi.items())


def valore_indicatore(i: Indicatore, lang: Lang) -> str:
    """`9,5 giorni`: the value as written in the language, with its unit."""
    return f"{numero(i.valore, lang)} {i.unita}" if i.unita else numero(i.valore, lang)


def classe_testo(codice: str | None, lang: Lang) -> str:
    if codice is None:
        return ui("nessuna", lang)
    return codice.replace("_", " ")


def verdetto(esito: Esito, lang: Lang) -> str:
    """The one line of `check --quiet`: Union, outcome, computed class, open findings."""
    esito_testo = ui(esito.esito, lang)
    classe = classe_testo(esito.classe, lang)
    etichetta = "classe calcolata" if lang == "it" else "computed class"
    return f"{esito.unione}: {esito_testo} — {etichetta}: {classe} ({conteggio(esito, lang)})"
