"""What changed between two evaluations of one Union: functions gained or lost, findings closed, opened, kept.

Pure functions over two `Esito`s; the reporters at the bottom return text (JSON `avviamento/confronto@1`, a short
narrative for a Giunta meeting in text, Markdown or HTML).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from avviamento.comuni import normalizza
from avviamento.esito import Esito, Rilievo
from avviamento.i18n import Lang, data_estesa, elenco, plurale
from avviamento.profilo import Profilo
from avviamento.testo import md_escape

FORMATO = "avviamento/confronto@1"
ChiaveRilievo = tuple[str, str, tuple[str, ...]]


def chiave(r: Rilievo) -> ChiaveRilievo:
    """A finding is the same finding when rule, function and Comuni are the same (its wording may change)."""
    return (r.regola, r.funzione or "", tuple(sorted(r.comuni)))


def stessa_unione(a: Profilo, b: Profilo) -> bool:
    """Same codice fiscale when both have one; otherwise the same name (normalised)."""
    if a.unione.codice_fiscale and b.unione.codice_fiscale:
        return a.unione.codice_fiscale == b.unione.codice_fiscale
    return normalizza(a.unione.nome) == normalizza(b.unione.nome)


@dataclass(frozen=True)
class Confronto:
    prima: Esito
    dopo: Esito
    divenute_effettive: tuple[str, ...]
    non_piu_effettive: tuple[str, ...]
    chiusi: tuple[Rilievo, ...]
    aperti: tuple[Rilievo, ...]
    persistenti: tuple[Rilievo, ...]


def confronta(prima: Esito, dopo: Esito) -> Confronto:
    eff_prima, eff_dopo = set(prima.funzioni_effettive), set(dopo.funzioni_effettive)
    aperti_prima = {chiave(r): r for r in prima.rilievi if r.aperto}
    aperti_dopo = {chiave(r): r for r in dopo.rilievi if r.aperto}
    return Confronto(
        prima=prima,
        dopo=dopo,
        divenute_effettive=tuple(sorted(eff_dopo - eff_prima)),
        non_piu_effettive=tuple(sorted(eff_prima - eff_dopo)),
        chiusi=tuple(aperti_prima[k] for k in sorted(aperti_prima.keys() - aperti_dopo.keys())),
        aperti=tuple(aperti_dopo[k] for k in sorted(aperti_dopo.keys() - aperti_prima.keys())),
        persistenti=tuple(aperti_dopo[k] for k in sorted(aperti_dopo.keys() & aperti_prima.keys())),
    )


# --- reporters -------------------------------------------------------------------------------------------------

UI: dict[str, dict[str, str]] = {
    "titolo": {"it": "Confronto tra due valutazioni", "en": "Comparison of two evaluations"},
    "prima": {"it": "Prima", "en": "Before"},
    "dopo": {"it": "Dopo", "en": "After"},
    "data": {"it": "Data di valutazione", "en": "Evaluation date"},
    "classe": {"it": "Classe", "en": "Class"},
    "esito": {"it": "Esito", "en": "Outcome"},
    "effettive": {"it": "Funzioni effettive", "en": "Effective functions"},
    "chiusi": {"it": "Rilievi chiusi", "en": "Findings closed"},
    "aperti": {"it": "Rilievi nuovi", "en": "New findings"},
    "persistenti": {"it": "Rilievi ancora aperti", "en": "Findings still open"},
    "nessuno": {"it": "nessuno", "en": "none"},
    "conforme": {"it": "conforme", "en": "compliant"},
    "non_conforme": {"it": "non conforme", "en": "not compliant"},
}


def _stato(esito: Esito) -> dict[str, Any]:
    return {
        "data_valutazione": esito.data_valutazione.isoformat(),
        "classe": esito.classe,
        "esito": esito.esito,
        "funzioni_effettive": list(esito.funzioni_effettive),
    }


def _rilievo(r: Rilievo, lang: Lang) -> dict[str, Any]:
    return {
        "regola": r.regola,
        "funzione": r.funzione,
        "comuni": sorted(r.comuni),
        "messaggio": r.messaggio[lang],
    }


def as_dict(c: Confronto, lang: Lang = "it") -> dict[str, Any]:
    return {
        "formato": FORMATO,
        "unione": c.dopo.unione,
        "prima": _stato(c.prima),
        "dopo": _stato(c.dopo),
        "funzioni_divenute_effettive": list(c.divenute_effettive),
        "funzioni_non_piu_effettive": list(c.non_piu_effettive),
        "rilievi_chiusi": [_rilievo(r, lang) for r in c.chiusi],
        "rilievi_aperti": [_rilievo(r, lang) for r in c.aperti],
        "rilievi_persistenti": [_rilievo(r, lang) for r in c.persistenti],
    }


def render_json(c: Confronto, lang: Lang = "it") -> str:
    return json.dumps(as_dict(c, lang), ensure_ascii=False, indent=2) + "\n"


def _classe(codice: str, lang: Lang) -> str:
    return codice.replace("_", " ")


def _etichette(esito: Esito, codici: tuple[str, ...], lang: Lang) -> list[str]:
    etichette = {f.codice: f.etichetta for f in esito.funzioni} | esito.etichette
    return [etichette[c][lang] if c in etichette else c for c in codici]


def _periodo(c: Confronto, lang: Lang) -> str:
    a, b = c.prima.data_valutazione, c.dopo.data_valutazione
    inizio = data_estesa(a, lang)
    if a.year == b.year:
        inizio = inizio.rsplit(" ", 1)[0]
    if lang == "it":
        return f"Dal {inizio} al {data_estesa(b, lang)}"
    return f"From {inizio} to {data_estesa(b, lang)}"


def narrativa(c: Confronto, lang: Lang = "it") -> str:
    """One paragraph for a Giunta meeting: the class, the functions, the findings."""
    da, a = _classe(c.prima.classe, lang), _classe(c.dopo.classe, lang)
    parti: list[str] = []
    if lang == "it":
        if da == a:
            parti.append(f"{_periodo(c, lang)} l'Unione è rimasta {a}")
        else:
            prep = "ad" if a[:1] in "aeiou" else "a"
            parti.append(f"{_periodo(c, lang)} l'Unione è passata da {da} {prep} {a}")
    else:
        verbo = f"stayed {a}" if da == a else f"went from {da} to {a}"
        parti.append(f"{_periodo(c, lang)} the Union {verbo}")
    frasi: list[str] = []
    if c.divenute_effettive:
        nomi = elenco(_etichette(c.dopo, c.divenute_effettive, lang), lang)
        n = len(c.divenute_effettive)
        frasi.append(
            f"{plurale(n, 'è divenuta effettiva', 'sono divenute effettive')} {nomi}"
            if lang == "it"
            else f"{nomi} became effective"
        )
    if c.non_piu_effettive:
        nomi = elenco(_etichette(c.prima, c.non_piu_effettive, lang), lang)
        n = len(c.non_piu_effettive)
        frasi.append(
            f"{plurale(n, 'non è più effettiva', 'non sono più effettive')} {nomi}"
            if lang == "it"
            else f"{nomi} no longer effective"
        )
    totale = len(c.chiusi) + len(c.persistenti)
    if lang == "it":
        chiusi = len(c.chiusi)
        frasi.append(
            f"{plurale(chiusi, 'chiuso', 'chiusi')} {chiusi} {plurale(chiusi, 'rilievo', 'rilievi')} su {totale}"
        )
        if c.aperti:
            frasi.append(f"{plurale(len(c.aperti), 'aperto 1 nuovo', f'aperti {len(c.aperti)} nuovi')}")
    else:
        frasi.append(f"{len(c.chiusi)} of {totale} {plurale(totale, 'finding', 'findings')} closed")
        if c.aperti:
            frasi.append(f"{len(c.aperti)} new")
    return parti[0] + ": " + "; ".join(frasi) + "."


def _righe_rilievi(rilievi: tuple[Rilievo, ...], lang: Lang) -> list[str]:
    return [f"{r.regola} {r.messaggio[lang]}" for r in rilievi]


def _sezioni(c: Confronto, lang: Lang) -> list[tuple[str, list[str]]]:
    return [
        (UI["chiusi"][lang], _righe_rilievi(c.chiusi, lang)),
        (UI["aperti"][lang], _righe_rilievi(c.aperti, lang)),
        (UI["persistenti"][lang], _righe_rilievi(c.persistenti, lang)),
    ]


def _riassunto(esito: Esito, lang: Lang) -> str:
    effettive = elenco(_etichette(esito, esito.funzioni_effettive, lang), lang)
    return (
        f"{data_estesa(esito.data_valutazione, lang)} · {UI['classe'][lang].lower()} {_classe(esito.classe, lang)}"
        f" · {UI[esito.esito][lang]} · {UI['effettive'][lang].lower()}: {effettive}"
    )


def render_text(c: Confronto, lang: Lang = "it") -> str:
    lines = [f"{c.dopo.unione} — {UI['titolo'][lang]}", "", narrativa(c, lang), ""]
    lines.append(f"{UI['prima'][lang]}: {_riassunto(c.prima, lang)}")
    lines.append(f"{UI['dopo'][lang]}: {_riassunto(c.dopo, lang)}")
    for titolo, righe in _sezioni(c, lang):
        lines += ["", f"{titolo} ({len(righe)})"]
        lines += [f"  {r}" for r in righe] or [f"  {UI['nessuno'][lang]}"]
    return "\n".join(lines) + "\n"


def render_markdown(c: Confronto, lang: Lang = "it") -> str:
    lines = [f"# {md_escape(c.dopo.unione)} — {UI['titolo'][lang]}", "", md_escape(narrativa(c, lang)), ""]
    lines.append(f"- **{UI['prima'][lang]}**: {md_escape(_riassunto(c.prima, lang))}")
    lines.append(f"- **{UI['dopo'][lang]}**: {md_escape(_riassunto(c.dopo, lang))}")
    for titolo, righe in _sezioni(c, lang):
        lines += ["", f"## {titolo} ({len(righe)})", ""]
        lines += [f"- {md_escape(r)}" for r in righe] or [UI["nessuno"][lang]]
    return "\n".join(lines) + "\n"


def render_html(c: Confronto, lang: Lang = "it") -> str:
    from avviamento.reporters.html import CSS

    parti = [
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(c.dopo.unione)} — {UI['titolo'][lang]}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(c.dopo.unione)} — {UI['titolo'][lang]}</h1>",
        f"<p>{escape(narrativa(c, lang))}</p><ul>",
        f"<li><strong>{UI['prima'][lang]}</strong>: {escape(_riassunto(c.prima, lang))}</li>",
        f"<li><strong>{UI['dopo'][lang]}</strong>: {escape(_riassunto(c.dopo, lang))}</li></ul>",
    ]
    for titolo, righe in _sezioni(c, lang):
        parti.append(f"<h2>{titolo} ({len(righe)})</h2>")
        voci = "".join(f"<li>{escape(r)}</li>" for r in righe)
        parti.append(f"<ul>{voci}</ul>" if righe else f"<p>{UI['nessuno'][lang]}</p>")
    parti.append("</body></html>\n")
    return "\n".join(parti)
