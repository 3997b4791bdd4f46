"""The plan as a simple timeline: server-rendered SVG (no script), one row per gap, a dot per step."""

from __future__ import annotations

import datetime as dt
from html import escape

from markupsafe import Markup

from avviamento.i18n import MESI, contati, data_estesa
from avviamento.piano.scheduler import Piano

LARGHEZZA = 1000
SINISTRA = 300  # room for the gap's label
DESTRA = 24
RIGA = 30
ALTO = 46
ROSSO, BLU, GRIGIO, VERDE = "#a4001d", "#0066cc", "#5c6f82", "#00703c"


def svg(piano: Piano) -> Markup:
    if piano.vuoto:
        return Markup("")
    date = [p.data for p in piano.passi] + [piano.data_valutazione, piano.scadenza]
    inizio, fine = min(date), max(date)
    giorni = max((fine - inizio).days, 1)
    utile = LARGHEZZA - SINISTRA - DESTRA

    def x(giorno: dt.date) -> float:
        return round(SINISTRA + utile * (giorno - inizio).days / giorni, 1)

    altezza = ALTO + RIGA * len(piano.gruppi) + 16
    parti = [
        f'<svg class="linea-tempo" viewBox="0 0 {LARGHEZZA} {altezza}" role="img" '
        f'aria-labelledby="lt-titolo lt-desc" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">',
        '<title id="lt-titolo">Linea del tempo del cronoprogramma</title>',
        f'<desc id="lt-desc">{contati(len(piano.passi), "passo", "passi")} dal {data_estesa(inizio, "it")} al '
        f"{data_estesa(fine, 'it')}; scadenza {data_estesa(piano.scadenza, 'it')}; "
        f"{contati(len(piano.in_ritardo), 'passo', 'passi')} in ritardo, in rosso.</desc>",
    ]
    # month ticks, every 1, 2, 3, 6 or 12 months: a participatory process's plan spans years, and a label a month
    # would overlap the next
    ogni = next((n for n in (1, 2, 3, 6) if utile * 30.4 * n / giorni >= 70), 12)
    mese = dt.date(inizio.year, inizio.month, 1)
    while mese <= fine:
        if mese >= inizio and (mese.month - 1) % ogni == 0 and x(mese) < LARGHEZZA - DESTRA - 50:
            parti.append(
                f'<line x1="{x(mese)}" y1="{ALTO - 14}" x2="{x(mese)}" y2="{altezza - 8}" stroke="#e1e4e8"/>'
                f'<text x="{x(mese) + 3}" y="{ALTO - 18}" font-size="12" fill="{GRIGIO}">'
                f"{MESI[mese.month - 1][:3]} {mese.year}</text>"
            )
        mese = dt.date(mese.year + mese.month // 12, mese.month % 12 + 1, 1)
    for giorno, colore in ((piano.data_valutazione, BLU), (piano.scadenza, VERDE)):
        parti.append(  # explained in the legend under the heading: two labels at one edge would overlap
            f'<line x1="{x(giorno)}" y1="{ALTO - 8}" x2="{x(giorno)}" y2="{altezza - 8}" stroke="{colore}" '
            f'stroke-width="2" stroke-dasharray="5 3"/>'
        )
    for n, gruppo in enumerate(piano.gruppi):
        y = ALTO + RIGA * n + RIGA / 2
        nome = gruppo.lacuna.etichetta["it"]
        corto = nome if len(nome) <= 40 else nome[:39] + "…"
        parti.append(
            f'<text x="8" y="{y + 4}" font-size="13" fill="#1a1a1a"><title>{escape(nome)}</title>'
            f"{escape(corto)}</text>"
            f'<line x1="{SINISTRA}" y1="{y}" x2="{LARGHEZZA - DESTRA}" y2="{y}" stroke="#c5c7c9"/>'
        )
        if gruppo.passi:
            primo, ultimo = gruppo.passi[0].data, gruppo.passi[-1].data
            parti.append(
                f'<line x1="{x(min(primo, ultimo))}" y1="{y}" x2="{x(max(primo, ultimo))}" y2="{y}" '
                f'stroke="{BLU}" stroke-width="4"/>'
            )
        for passo in gruppo.passi:
            colore = ROSSO if passo.in_ritardo else BLU
            chi = f"{passo.comune} — " if passo.comune else ""
            stato = (
                f" — IN RITARDO di {contati(passo.ritardo, 'giorno', 'giorni')}" if passo.in_ritardo else ""
            )
            parti.append(
                f'<circle cx="{x(passo.data)}" cy="{y}" r="{6 if passo.in_ritardo else 5}" fill="{colore}" '
                f'stroke="#fff" stroke-width="1.5"><title>{escape(data_estesa(passo.data, "it"))}: '
                f"{escape(chi + passo.titolo['it'])}{stato}</title></circle>"
            )
    parti.append("</svg>")
    return Markup("".join(parti))
