"""Words shared by the review's formats."""

from __future__ import annotations

from avviamento.i18n import STATI, Lang, data_estesa
from avviamento.review.istruttoria import Etichette, Istruttoria, Riga

TESTI: dict[str, dict[str, str]] = {
    "titolo": {"it": "Istruttoria dei profili delle Unioni", "en": "Review of the Union profiles"},
    "sottotitolo": {"it": "LR Emilia-Romagna 21/2012", "en": "LR Emilia-Romagna 21/2012"},
    "file": {"it": "File", "en": "File"},
    "unione": {"it": "Unione", "en": "Union"},
    "valido": {"it": "Valido", "en": "Valid"},
    "dichiarata": {"it": "Dichiarata", "en": "Declared"},
    "classe": {"it": "Calcolata", "en": "Computed"},
    "funzioni": {"it": "Funzioni effettive", "en": "Effective functions"},
    "errori": {"it": "Errori", "en": "Errors"},
    "classi_breve": {"it": "Classe (dich. → calc.)", "en": "Class (decl. → comp.)"},
    "funzioni_breve": {"it": "Funz.", "en": "Func."},
    "errori_breve": {"it": "Err.", "en": "Err."},
    "avvisi_breve": {"it": "Avv.", "en": "Warn."},
    "avvisi": {"it": "Avvisi", "en": "Warnings"},
    "si": {"it": "sì", "en": "yes"},
    "no": {"it": "no", "en": "no"},
    "nessuna": {"it": "nessuna", "en": "none"},
    "data": {"it": "Data di valutazione", "en": "Evaluation date"},
    "data_profili": {
        "it": "la data di riferimento di ciascun profilo",
        "en": "each profile's reference date",
    },
    "regole": {"it": "Regole", "en": "Rules"},
    "non_validi": {"it": "non validi", "en": "invalid"},
    "profili_non_validi": {"it": "Profili non validi", "en": "Invalid profiles"},
    "incrociati_breve": {"it": "rilievi incrociati", "en": "cross-file findings"},
    "incrociati": {"it": "Rilievi incrociati tra i profili", "en": "Findings across the profiles"},
    "nessun_incrociato": {
        "it": "Nessun rilievo incrociato: nessun Comune in più Unioni, nessuna Unione ripetuta, "
        "nessuna classe dichiarata superiore a quella calcolata.",
        "en": "No cross-file finding: no Comune in two Unions, no Union sent twice, "
        "no declared class above the computed one.",
    },
    "profili": {"it": "profili", "en": "profiles"},
    "validi": {"it": "validi", "en": "valid"},
    "conformi": {"it": "senza errori", "en": "without errors"},
    "con_errori": {"it": "con errori", "en": "with errors"},
    "errori_aperti": {"it": "errori aperti", "en": "open errors"},
    "avvisi_aperti": {"it": "avvisi aperti", "en": "open warnings"},
    "profili_titolo": {"it": "Profili esaminati", "en": "Profiles reviewed"},
    "classe_calcolata": {"it": "Classe calcolata", "en": "Computed class"},
    "dichiarata_minuscolo": {"it": "dichiarata", "en": "declared"},
    "generato": {
        "it": "Istruttoria prodotta con avviamento review",
        "en": "Review produced by avviamento review",
    },
    "dettaglio": {"it": "Rilievi aperti per Unione", "en": "Open findings by Union"},
    "perche": {"it": "perché", "en": "because"},
    "non_valido": {"it": "profilo non valido", "en": "invalid profile"},
    "incrociato": {"it": "rilievo incrociato", "en": "cross-file finding"},
    "senza_nome": {"it": "(Unione non indicata)", "en": "(Union not named)"},
    "filtro.cerca": {"it": "Cerca", "en": "Search"},
    "filtro.validita": {"it": "Validità", "en": "Validity"},
    "filtro.tutte": {"it": "tutte", "en": "all"},
    "filtro.tutti": {"it": "tutti", "en": "all"},
    "filtro.valido": {"it": "validi", "en": "valid"},
    "filtro.non_valido": {"it": "non validi", "en": "invalid"},
    "filtro.con_errori": {"it": "con errori", "en": "with errors"},
    "filtro.senza_errori": {"it": "senza errori", "en": "without errors"},
    "filtro.conta": {"it": "Profili mostrati: {n} su {m}", "en": "Profiles shown: {n} of {m}"},
    "tipo.comune_in_piu_unioni": {"it": "Comune in più Unioni", "en": "Comune in several Unions"},
    "tipo.unione_duplicata": {"it": "Unione ripetuta", "en": "Union sent twice"},
    "tipo.versioni_unione": {"it": "Versioni della stessa Unione", "en": "Versions of one Union"},
    "tipo.classe_dichiarata_superiore": {
        "it": "Classe dichiarata superiore a quella calcolata",
        "en": "Declared class above the computed one",
    },
}


GRAVITA: dict[str, dict[str, str]] = {
    "errore": {"it": "errore", "en": "error"},
    "avviso": {"it": "avviso", "en": "warning"},
    "info": {"it": "informazione", "en": "information"},
}


def gravita_testo(gravita: str, lang: Lang) -> str:
    return GRAVITA.get(gravita, {}).get(lang, gravita)


def stato_breve(stato: str, lang: Lang) -> str:
    """The state alone, for a spreadsheet column (the deadline and the days have columns of their own)."""
    return STATI.get(stato, {}).get(lang, stato)


def t(key: str, lang: Lang) -> str:
    return TESTI[key][lang]


def funzioni_testo(etichette: Etichette, riga: Riga, lang: Lang) -> str:
    if not riga.valido:
        return "—"
    return ", ".join(etichette.funzione(f, lang) for f in riga.funzioni_effettive) or t("nessuna", lang)


def data_testo(istruttoria: Istruttoria, lang: Lang) -> str:
    if istruttoria.data_valutazione is None:
        return t("data_profili", lang)
    return data_estesa(istruttoria.data_valutazione, lang)


VOCI_RIEPILOGO = (
    ("profili", "profili"),
    ("validi", "validi"),
    ("non_validi", "non_validi"),
    ("conformi", "conformi"),
    ("con_errori", "con_errori"),
    ("errori", "errori_aperti"),
    ("avvisi", "avvisi_aperti"),
    ("rilievi_incrociati", "incrociati_breve"),
)


def riepilogo_voci(istruttoria: Istruttoria, lang: Lang) -> list[tuple[str, int]]:
    """The summary counts as (label, number): `profili: 5`, `non validi: 1`… (no plural to get wrong)."""
    conteggi = istruttoria.conteggi()
    return [(t(etichetta, lang), conteggi[chiave]) for chiave, etichetta in VOCI_RIEPILOGO]


def riepilogo(istruttoria: Istruttoria, lang: Lang) -> str:
    voci = riepilogo_voci(istruttoria, lang)
    testo = " · ".join(f"{etichetta}: {n}" for etichetta, n in voci)
    return testo[0].upper() + testo[1:]
