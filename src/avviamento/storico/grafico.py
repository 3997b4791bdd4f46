"""The timeline as an SVG chart, drawn on the server (no JavaScript): counted functions against the class thresholds,
and below them the open findings at each date."""

from __future__ import annotations

import datetime as dt
from html import escape

from avviamento.i18n import Lang, numero
from avviamento.storico.db import Valutazione

LARGHEZZA, ALTEZZA = 760, 400
SINISTRA, DESTRA = 56, 200  # room for the axis labels and the legend
ALTO, BASSO_FUNZIONI = 30, 230  # top panel: counted functions
ALTO_RILIEVI, BASSO_RILIEVI = 285, 355  # bottom panel: open findings
COLORI = {"art7_c3_chiave": "#0b5cad", "conta_prt": "#176b1f"}
GRUPPI = {
    "art7_c3_chiave": {"it": "funzioni chiave (art. 7 c.3)", "en": "key functions (art. 7 c.3)"},
    "conta_prt": {"it": "funzioni contate dal PRT", "en": "functions the PRT counts"},
}
TESTI = {
    "titolo": {
        "it": "Funzioni effettive e rilievi aperti nel tempo",
        "en": "Effective functions and open findings",
    },
    "soglia": {"it": "soglia", "en": "threshold"},
    "errori": {"it": "errori aperti", "en": "open errors"},
    "avvisi": {"it": "avvisi aperti", "en": "open warnings"},
    "funzioni": {"it": "funzioni", "en": "functions"},
    "rilievi": {"it": "rilievi", "en": "findings"},
}


def _x(giorno: dt.date, inizio: dt.date, fine: dt.date) -> float:
    larghezza = LARGHEZZA - SINISTRA - DESTRA
    if fine == inizio:
        return SINISTRA + larghezza / 2
    return SINISTRA + 20 + (larghezza - 40) * (giorno - inizio).days / (fine - inizio).days


def grafico(valutazioni: list[Valutazione], lang: Lang = "it") -> str:
    """An SVG document (as text) for the evaluations of one Union in date order."""
    if not valutazioni:
        return ""
    giorni = [dt.date.fromisoformat(v.data_valutazione) for v in valutazioni]
    inizio, fine = min(giorni), max(giorni)
    xs = [_x(g, inizio, fine) for g in giorni]
    gruppi: dict[str, list[int]] = {}
    soglie: dict[
        str, tuple[str, int, str]
    ] = {}  # class → (label, threshold, group), as the latest evaluation says
    for v in valutazioni:
        for s in v.dati["serie"]:
            gruppi.setdefault(s["gruppo"], [])
            if s["soglia"] is not None:
                soglie[s["classe"]] = (s["etichetta"], int(s["soglia"]), s["gruppo"])
    for gruppo in gruppi:
        for v in valutazioni:
            conteggi = [s["conteggio"] for s in v.dati["serie"] if s["gruppo"] == gruppo]
            gruppi[gruppo].append(conteggi[0] if conteggi else 0)
    massimo = max([1, *(n for serie in gruppi.values() for n in serie), *(s[1] for s in soglie.values())]) + 1

    def y(n: float) -> float:
        return BASSO_FUNZIONI - (BASSO_FUNZIONI - ALTO) * n / massimo

    titolo = escape(f"{valutazioni[-1].unione} — {TESTI['titolo'][lang]}")
    parti = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGHEZZA} {ALTEZZA}" width="{LARGHEZZA}" '
        f'height="{ALTEZZA}" role="img" aria-labelledby="titolo-grafico" font-family="system-ui,sans-serif" '
        'font-size="12">',
        f'<title id="titolo-grafico">{titolo}</title>',
        f'<rect width="{LARGHEZZA}" height="{ALTEZZA}" fill="#fff"/>',
        f'<text x="{SINISTRA}" y="18" font-size="14" font-weight="bold">{titolo}</text>',
    ]
    destra = LARGHEZZA - DESTRA
    for n in range(massimo + 1):  # horizontal grid, one line per function
        parti.append(f'<line x1="{SINISTRA}" x2="{destra}" y1="{y(n):.1f}" y2="{y(n):.1f}" stroke="#eee"/>')
        parti.append(f'<text x="{SINISTRA - 8}" y="{y(n) + 4:.1f}" text-anchor="end" fill="#555">{n}</text>')
    parti.append(
        f'<text x="14" y="{(ALTO + BASSO_FUNZIONI) / 2:.0f}" transform="rotate(-90 14 '
        f'{(ALTO + BASSO_FUNZIONI) / 2:.0f})" text-anchor="middle" fill="#555">{TESTI["funzioni"][lang]}</text>'
    )
    for classe, (etichetta, soglia, gruppo) in soglie.items():
        colore = COLORI.get(gruppo, "#555")
        parti.append(
            f'<line class="soglia" data-classe="{escape(classe)}" x1="{SINISTRA}" x2="{destra}" '
            f'y1="{y(soglia):.1f}" y2="{y(soglia):.1f}" stroke="{colore}" stroke-dasharray="6 4"/>'
        )
        parti.append(
            f'<text x="{destra + 6}" y="{y(soglia) + 4:.1f}" fill="{colore}">'
            f"{TESTI['soglia'][lang]} «{escape(etichetta)}»: {soglia}</text>"
        )
    legenda = ALTO_RILIEVI - 22
    for x in xs:
        parti.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{ALTO}" y2="{BASSO_RILIEVI}" stroke="#ddd" stroke-dasharray="2 3"/>'
        )
    for gruppo, serie in gruppi.items():
        colore = COLORI.get(gruppo, "#555")
        punti = " ".join(f"{x:.1f},{y(n):.1f}" for x, n in zip(xs, serie, strict=True))
        parti.append(
            f'<polyline class="serie" data-gruppo="{escape(gruppo)}" points="{punti}" fill="none" '
            f'stroke="{colore}" stroke-width="2.5"/>'
        )
        for x, n in zip(xs, serie, strict=True):
            parti.append(
                f'<circle cx="{x:.1f}" cy="{y(n):.1f}" r="4" fill="{colore}"><title>{n}</title></circle>'
            )
    for i, gruppo in enumerate(gruppi):
        colore = COLORI.get(gruppo, "#555")
        riga = ALTO + 8 + 18 * (len(soglie) + 1 + i)
        parti.append(f'<rect x="{destra + 6}" y="{riga - 9}" width="12" height="4" fill="{colore}"/>')
        nome = GRUPPI.get(gruppo, {"it": gruppo, "en": gruppo})[lang]
        parti.append(f'<text x="{destra + 22}" y="{riga - 4}">{escape(nome)}</text>')
    # bottom panel: open errors (and warnings on top) at each date
    massimo_rilievi = max(
        [1, *(v.dati["conteggi"]["errore"] + v.dati["conteggi"]["avviso"] for v in valutazioni)]
    )
    altezza = BASSO_RILIEVI - ALTO_RILIEVI
    parti.append(
        f'<text x="{SINISTRA}" y="{legenda}" fill="#555">{TESTI["rilievi"][lang]} '
        f'(<tspan fill="#b00020">■ {TESTI["errori"][lang]}</tspan>, '
        f'<tspan fill="#b26a00">■ {TESTI["avvisi"][lang]}</tspan>)</text>'
    )
    parti.append(
        f'<line x1="{SINISTRA}" x2="{destra}" y1="{BASSO_RILIEVI}" y2="{BASSO_RILIEVI}" stroke="#999"/>'
    )
    for x, v, giorno in zip(xs, valutazioni, giorni, strict=True):
        errori, avvisi = v.dati["conteggi"]["errore"], v.dati["conteggi"]["avviso"]
        h_e = altezza * errori / massimo_rilievi
        h_a = altezza * avvisi / massimo_rilievi
        parti.append(
            f'<rect class="errori" x="{x - 9:.1f}" y="{BASSO_RILIEVI - h_e:.1f}" width="18" height="{h_e:.1f}" '
            f'fill="#b00020"><title>{errori}</title></rect>'
        )
        parti.append(
            f'<rect x="{x - 9:.1f}" y="{BASSO_RILIEVI - h_e - h_a:.1f}" width="18" height="{h_a:.1f}" '
            f'fill="#b26a00"><title>{avvisi}</title></rect>'
        )
        parti.append(
            f'<text x="{x:.1f}" y="{BASSO_RILIEVI - h_e - h_a - 4:.1f}" text-anchor="middle" font-size="11">'
            f"{errori}+{avvisi}</text>"
        )
        parti.append(
            f'<text x="{x:.1f}" y="{BASSO_RILIEVI + 18}" text-anchor="middle" fill="#333">'
            f"{giorno.strftime('%d/%m/%Y')}</text>"
        )
    parti.append("</svg>")
    return "\n".join(parti) + "\n"


def serie_indicatori(
    valutazioni: list[Valutazione],
) -> dict[tuple[str, str], dict[int, tuple[float, str | None]]]:
    """(function, indicator code) → year → (value, unit); a later evaluation's value replaces an earlier one."""
    out: dict[tuple[str, str], dict[int, tuple[float, str | None]]] = {}
    for v in valutazioni:
        for i in v.dati.get("indicatori", []):
            out.setdefault((i["funzione"], i["codice"]), {})[int(i["anno"])] = (
                float(i["valore"]),
                i["unita"],
            )
    return dict(sorted(out.items()))


def grafico_indicatori(valutazioni: list[Valutazione], lang: Lang = "it") -> str:
    """One row per indicator, its values across the years (empty text when no evaluation has indicators)."""
    serie = serie_indicatori(valutazioni)
    if not serie:
        return ""
    anni = sorted({anno for valori in serie.values() for anno in valori})
    etichette: dict[str, str] = {}
    for v in valutazioni:
        etichette.update(v.dati.get("etichette", {}))
    riga_h, sinistra, destra = 64, 260, LARGHEZZA - 110
    altezza = 52 + riga_h * len(serie)

    def x(anno: int) -> float:
        if len(anni) == 1:
            return (sinistra + destra) / 2
        return sinistra + (destra - sinistra) * anni.index(anno) / (len(anni) - 1)

    titolo = {
        "it": "Indicatori della Carta d'identità per anno",
        "en": "Carta d'identità indicators by year",
    }[lang]
    parti = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGHEZZA} {altezza}" width="{LARGHEZZA}" '
        f'height="{altezza}" role="img" aria-label="{escape(titolo)}" font-family="system-ui,sans-serif" '
        'font-size="12">',
        f'<rect width="{LARGHEZZA}" height="{altezza}" fill="#fff"/>',
        f'<text x="8" y="18" font-size="14" font-weight="bold">{escape(titolo)}</text>',
    ]
    for anno in anni:
        parti.append(f'<text x="{x(anno):.1f}" y="34" text-anchor="middle" fill="#555">{anno}</text>')
    for n, ((funzione, codice), valori) in enumerate(serie.items()):
        alto = 56 + riga_h * n
        basso = alto + riga_h - 22
        unita = next((u for _, u in valori.values() if u), "")
        nome = f"{etichette.get(funzione, funzione)[:34]} · {codice}" + (f" ({unita})" if unita else "")
        parti.append(f'<text x="8" y="{alto + 24}">{escape(nome)}</text>')
        numeri = [valore for valore, _ in valori.values()]
        minimo, massimo = min(numeri), max(numeri)

        def y(
            valore: float, alto: float = alto, basso: float = basso, lo: float = minimo, hi: float = massimo
        ) -> float:
            if hi == lo:
                return (alto + basso) / 2
            return basso - (basso - alto) * (valore - lo) / (hi - lo)

        punti = " ".join(f"{x(a):.1f},{y(valori[a][0]):.1f}" for a in sorted(valori))
        parti.append(
            f'<polyline class="indicatore" data-codice="{escape(codice)}" points="{punti}" fill="none" '
            'stroke="#0b5cad" stroke-width="2"/>'
        )
        for anno in sorted(valori):
            valore = valori[anno][0]
            testo = numero(valore, lang)
            parti.append(f'<circle cx="{x(anno):.1f}" cy="{y(valore):.1f}" r="4" fill="#0b5cad"/>')
            parti.append(
                f'<text x="{x(anno) + 7:.1f}" y="{y(valore) - 6:.1f}" font-size="11">{escape(testo)}</text>'
            )
        parti.append(
            f'<line x1="8" x2="{destra}" y1="{alto + riga_h - 8}" y2="{alto + riga_h - 8}" stroke="#eee"/>'
        )
    parti.append("</svg>")
    return "\n".join(parti) + "\n"
