"""The store read back as text: the list of Unions, one Union's timeline (text, JSON, HTML with the chart), the
export (CSV, JSON). Reporters return text and never print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from html import escape
from typing import Any

from avviamento.i18n import Lang, data_estesa, numero, plurale
from avviamento.storico.db import Valutazione
from avviamento.storico.grafico import grafico, grafico_indicatori, serie_indicatori
from avviamento.storico.registro import come_dict

FORMATO_STORICO = "avviamento/storico@1"
UI = {
    "unione": {"it": "Unione", "en": "Union"},
    "ultima": {"it": "ultima valutazione", "en": "latest evaluation"},
    "classe": {"it": "classe", "en": "class"},
    "valutazioni": {"it": "valutazioni", "en": "evaluations"},
    "valutazione": {"it": "valutazione", "en": "evaluation"},
    "vuoto": {"it": "Lo storico è vuoto.", "en": "The history store is empty."},
    "data": {"it": "Data", "en": "Date"},
    "effettive": {"it": "funzioni effettive", "en": "effective functions"},
    "errori": {"it": "errori aperti", "en": "open errors"},
    "avvisi": {"it": "avvisi", "en": "warnings"},
    "regole": {"it": "regole", "en": "rules"},
    "storia": {"it": "Storico delle valutazioni", "en": "History of evaluations"},
    "indicatori": {
        "it": "Indicatori (Carta d'identità) per anno",
        "en": "Indicators (Carta d'identità) by year",
    },
}


def _classe(codice: str) -> str:
    return codice.replace("_", " ")


def _data(v: Valutazione, lang: Lang) -> str:
    return data_estesa(dt.date.fromisoformat(v.data_valutazione), lang)


def elenco_text(ultime: list[tuple[Valutazione, int]], lang: Lang = "it") -> str:
    """One line per Union: name, class and date of the latest evaluation, number of evaluations."""
    if not ultime:
        return UI["vuoto"][lang] + "\n"
    righe = [
        f"{v.unione} — {UI['classe'][lang]} {_classe(v.classe)} al {_data(v, lang)} "
        f"({n} {UI[plurale(n, 'valutazione', 'valutazioni')][lang]})"
        if lang == "it"
        else f"{v.unione} — {UI['classe'][lang]} {_classe(v.classe)} on {_data(v, lang)} "
        f"({n} {UI[plurale(n, 'valutazione', 'valutazioni')][lang]})"
        for v, n in ultime
    ]
    return "\n".join(righe) + "\n"


def elenco_json(ultime: list[tuple[Valutazione, int]]) -> str:
    dati = [
        {
            "unione": v.unione,
            "codice_fiscale": v.codice_fiscale,
            "classe": v.classe,
            "data_valutazione": v.data_valutazione,
            "valutazioni": n,
        }
        for v, n in ultime
    ]
    return json.dumps(dati, ensure_ascii=False, indent=2) + "\n"


def mostra_json(valutazioni: list[Valutazione]) -> str:
    return json.dumps([come_dict(v) for v in valutazioni], ensure_ascii=False, indent=2) + "\n"


def _riga(v: Valutazione, lang: Lang) -> str:
    c = v.dati["conteggi"]
    return (
        f"{_data(v, lang)}: {_classe(v.classe)} · {len(v.dati['funzioni_effettive'])} {UI['effettive'][lang]}"
        f" · {c['errore']} {UI['errori'][lang]}, {c['avviso']} {UI['avvisi'][lang]}"
        f" · {UI['regole'][lang]} {v.regole['id']} {v.regole['versione']}"
    )


def mostra_text(valutazioni: list[Valutazione], lang: Lang = "it") -> str:
    lines = [f"{valutazioni[-1].unione} — {UI['storia'][lang]}", ""]
    lines += [_riga(v, lang) for v in valutazioni]
    serie = serie_indicatori(valutazioni)
    if serie:
        lines += ["", UI["indicatori"][lang]]
    for (funzione, codice), valori in serie.items():
        anni = ", ".join(
            f"{anno}: {numero(valore, lang)}{' ' + unita if unita else ''}"
            for anno, (valore, unita) in sorted(valori.items())
        )
        lines.append(f"  {funzione} · {codice} — {anni}")
    return "\n".join(lines) + "\n"


def mostra_html(valutazioni: list[Valutazione], lang: Lang = "it") -> str:
    from avviamento.reporters.html import CSS

    nome = escape(valutazioni[-1].unione)
    voci = "".join(f"<li>{escape(_riga(v, lang))}</li>" for v in valutazioni)
    svg = grafico_indicatori(valutazioni, lang)
    indicatori = f"<figure>\n{svg}</figure>\n" if svg else ""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{nome} — {UI['storia'][lang]}</title><style>{CSS}</style></head><body>\n"
        f"<h1>{nome} — {UI['storia'][lang]}</h1>\n<figure>\n{grafico(valutazioni, lang)}</figure>\n"
        f"<ul>{voci}</ul>\n{indicatori}</body></html>\n"
    )


COLONNE = (
    "unione", "codice_fiscale", "data_valutazione", "classe", "esito", "funzioni_effettive", "errori", "avvisi",
    "info", "regole_id", "regole_versione", "regole_sha256", "profilo_sha256", "registrata",
)  # fmt: skip


def esporta_csv(valutazioni: list[Valutazione]) -> str:
    buffer = io.StringIO()
    scrittore = csv.writer(buffer, lineterminator="\n")
    scrittore.writerow(COLONNE)
    for v in valutazioni:
        c = v.dati["conteggi"]
        scrittore.writerow(
            [
                _sicuro(v.unione), v.codice_fiscale or "", v.data_valutazione, v.classe, v.esito,
                ";".join(v.dati["funzioni_effettive"]), c["errore"], c["avviso"], c["info"], v.regole["id"],
                v.regole["versione"], v.regole["sha256"], v.profilo_sha256, v.registrata,
            ]
        )  # fmt: skip
    return buffer.getvalue()


def _sicuro(testo: str) -> str:
    """A name starting with = + - @ would be a formula in a spreadsheet: quote it."""
    return "'" + testo if testo[:1] in ("=", "+", "-", "@") else testo


def esporta_json(valutazioni: list[Valutazione]) -> str:
    dati: dict[str, Any] = {"formato": FORMATO_STORICO, "valutazioni": [come_dict(v) for v in valutazioni]}
    return json.dumps(dati, ensure_ascii=False, indent=2) + "\n"
