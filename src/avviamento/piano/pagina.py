"""The plan as a self-contained HTML page (one table of steps per group, no external assets) and as CSV for a
spreadsheet (one row per step: `;` separator, ISO dates, Italian or English header)."""

from __future__ import annotations

import csv
import io
from html import escape

from avviamento.i18n import Lang
from avviamento.piano.render import (
    _intestazione,
    _intestazione_gruppo,
    _stato_gruppo,
    _suggerisci_immediata,
    colonna_data,
    ente,
    fonte_testo,
    giorno_esteso,
    messaggio,
    stato_passo,
    ui,
)
from avviamento.piano.scheduler import Passo, Piano

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;
margin-top:2rem}
.meta{color:#555;font-size:.9rem;margin:.1rem 0}.stato{color:#444;margin:.3rem 0 .6rem}
.messaggio{font-weight:600}.messaggio.ritardo{color:#b00020}
table{border-collapse:collapse;width:100%;font-size:.92rem;table-layout:fixed}
th:nth-child(1){width:17%}th:nth-child(2){width:9%}th:nth-child(3){width:28%}th:nth-child(4){width:17%}
th:nth-child(5){width:19%}th:nth-child(6){width:10%}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td{overflow-wrap:anywhere}td.data{overflow-wrap:normal}
tr.fatto td{color:#555}tr.fatto td.esito{color:#176b1f;font-weight:600}
tr.ritardo td.esito{color:#b00020;font-weight:600}
.nota{color:#555;font-size:.85rem}a{color:#0b5cad;overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def _classe(p: Passo) -> str:
    return "fatto" if p.fatto else "ritardo" if p.in_ritardo else "aperto"


def _riga(p: Passo, lang: Lang) -> str:
    fonte = escape(fonte_testo(p, lang))
    if p.fonte.url:
        fonte = f'<a href="{escape(p.fonte.url)}">{fonte}</a>'
    nota = f'<div class="nota">{escape(p.nota[lang])}</div>' if p.nota else ""
    return (
        f'<tr class="{_classe(p)}"><td class="data"><time datetime="{p.data.isoformat()}">'
        f"{escape(giorno_esteso(p.data, lang))}</time></td><td>{escape(ente(p, lang))}</td>"
        f"<td>{escape(p.titolo[lang])}{nota}</td><td>{escape(p.attore[lang])}</td><td>{fonte}</td>"
        f'<td class="esito">{escape(stato_passo(p, lang))}</td></tr>'
    )


def render_html(piano: Piano, lang: Lang = "it") -> str:
    colonne = f'<th scope="col">{colonna_data(piano, lang)}</th>' + "".join(
        f'<th scope="col">{ui(k, lang)}</th>' for k in ("ente", "passo", "chi", "fonte", "stato")
    )
    parti: list[str] = []
    for gruppo in piano.gruppi:
        parti.append(f"<h2>{escape(_intestazione_gruppo(gruppo, lang))}</h2>")
        stato = _stato_gruppo(gruppo, lang)
        if stato:
            parti.append(f'<p class="stato">{escape(stato)}</p>')
        if not gruppo.passi:
            parti.append(f"<p>{escape(ui('nessun_passo', lang))}</p>")
            continue
        righe = "\n".join(_riga(p, lang) for p in gruppo.passi)
        parti.append(f"<table><thead><tr>{colonne}</tr></thead><tbody>\n{righe}\n</tbody></table>")
    meta = "\n".join(f'<p class="meta">{escape(riga)}</p>' for riga in _intestazione(piano, lang))
    suggerimento = f"<p>{escape(ui('suggerimento', lang))}</p>" if _suggerisci_immediata(piano) else ""
    classe = "messaggio ritardo" if piano.in_ritardo else "messaggio"
    titolo = f"{escape(piano.unione)} — {ui('titolo', lang)}"
    corpo = "\n".join(parti)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titolo}</title>
<style>{CSS}</style></head><body>
<h1>{titolo}</h1>
{meta}
<p class="{classe}">{escape(messaggio(piano, lang))}</p>
{suggerimento}
{corpo}
</body></html>
"""


INTESTAZIONE: dict[str, tuple[str, ...]] = {
    "it": (
        "gruppo",
        "data",
        "giorno",
        "ente",
        "passo",
        "chi",
        "fonte",
        "confidenza",
        "url",
        "stato",
        "giorni_ritardo",
        "nota",
        "regole",
        "uid",
    ),
    "en": (
        "group",
        "date",
        "weekday",
        "body",
        "step",
        "who",
        "source",
        "confidence",
        "url",
        "status",
        "days_late",
        "note",
        "rules",
        "uid",
    ),
}
STATI: dict[str, dict[Lang, str]] = {
    "fatto": {"it": "fatto", "en": "done"},
    "ritardo": {"it": "in ritardo", "en": "late"},
    "aperto": {"it": "in tempo", "en": "on time"},
}
# A cell starting with one of these is a formula to a spreadsheet (CSV injection): it is quoted as text.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _testo(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value


def render_csv(piano: Piano, lang: Lang = "it") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(INTESTAZIONE[lang])
    for gruppo in piano.gruppi:
        for p in gruppo.passi:
            writer.writerow(
                [
                    _testo(gruppo.lacuna.etichetta[lang]),
                    p.data.isoformat(),
                    giorno_esteso(p.data, lang).split(" ")[0],
                    _testo(ente(p, lang)),
                    _testo(p.titolo[lang]),
                    _testo(p.attore[lang]),
                    _testo(p.fonte.citazione()),
                    p.confidenza,
                    _testo(p.fonte.url or ""),
                    STATI[_classe(p)][lang],
                    p.ritardo,
                    _testo(p.nota[lang] if p.nota else ""),
                    ", ".join(gruppo.lacuna.regole),
                    p.uid,
                ]
            )
    return buffer.getvalue()
