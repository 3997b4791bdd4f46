"""A self-contained HTML report (one file, no external assets), to attach to an email."""

from __future__ import annotations

from html import escape

from avviamento.esito import Esito
from avviamento.i18n import Lang, data_estesa
from avviamento.reporters.common import (
    COLONNE_INDICATORI,
    FAMIGLIE,
    GRAVITA,
    classe_testo,
    conteggio,
    fonte_testo,
    indicatori_per_funzione,
    mostra_classe,
    mostra_funzioni,
    rimedi_testo,
    stato_testo,
    titolo,
    ui,
    valore_indicatore,
)

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.ok{color:#176b1f}.ko{color:#b00020}.errore{border-left:4px solid #b00020}.avviso{border-left:4px solid #b26a00}
.info{border-left:4px solid #0b5cad}.rilievo{padding:.3rem .8rem;margin:.6rem 0;background:#f7f7f7}
.meta{color:#555;font-size:.9rem}code{background:#eee;padding:0 .2rem}
table.indicatori{border-collapse:collapse;margin:.6rem 0 1rem;width:100%;max-width:44rem}table.indicatori caption{text-align:left;font-weight:600}
table.indicatori th,table.indicatori td{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}
table.indicatori td.num{text-align:right}
"""


def rilievi_html(esito: Esito, lang: Lang) -> str:
    """The open findings grouped by severity (shared with the review report)."""
    parts: list[str] = []
    aperti = [r for r in esito.rilievi if r.aperto]
    if not aperti:
        parts.append(f"<p>{escape(ui('nessun_rilievo', lang))}</p>")
    for gravita in ("errore", "avviso", "info"):
        gruppo = [r for r in aperti if r.gravita == gravita]
        if not gruppo:
            continue
        parts.append(f"<h3>{GRAVITA[gravita][lang]} ({len(gruppo)})</h3>")
        for r in gruppo:
            fonte = escape(fonte_testo(r, lang))
            if r.fonte.url:
                fonte = f'<a href="{escape(r.fonte.url)}">{fonte}</a>'
            rimedi = rimedi_testo(r.rimedi, esito, lang)
            parts.append(
                f'<div class="rilievo {r.gravita}"><strong>{r.regola}</strong> '
                f'<span class="meta">({escape(stato_testo(r, lang))})</span><br>{escape(r.messaggio[lang])}'
                f'<div class="meta">{ui("fonte", lang)}: {fonte}'
                + (f"<br>{ui('rimedi', lang)}: {escape(rimedi)}" if rimedi else "")
                + "</div></div>"
            )
    return "\n".join(parts)


def indicatori_html(esito: Esito, lang: Lang) -> str:
    """The Carta d'identità indicators: a table per function (nothing without the profile's section)."""
    if not esito.indicatori:
        return ""
    intestazione = "".join(
        f"<th>{COLONNE_INDICATORI[k][lang]}</th>" for k in ("anno", "famiglia", "codice", "valore", "fonte")
    )
    parts = [f"<h2>{ui('indicatori', lang)}</h2>"]
    for funzione, indicatori in indicatori_per_funzione(esito, lang):
        righe = "".join(
            f"<tr><td>{i.anno}</td><td>{FAMIGLIE[i.famiglia][lang]}</td><td>{escape(i.codice)}</td>"
            f'<td class="num">{escape(valore_indicatore(i, lang))}</td><td>{escape(i.fonte or "—")}</td></tr>'
            for i in indicatori
        )
        parts.append(
            f'<table class="indicatori"><caption>{escape(funzione)}</caption>'
            f"<thead><tr>{intestazione}</tr></thead><tbody>{righe}</tbody></table>"
        )
    return "\n".join(parts) + "\n"


def render(esito: Esito, lang: Lang = "it") -> str:
    funzioni = "".join(
        f'<li><span class="{"ok" if f.effettiva else "ko"}">{"✔" if f.effettiva else "✘"}</span> '
        f"{escape(f.etichetta[lang])}: "
        + (
            ui("effettiva", lang)
            if f.effettiva
            else escape(ui("non_effettiva", lang) + " — " + "; ".join(m[lang] for m in f.motivi))
        )
        + "</li>"
        for f in esito.funzioni
    )
    motivi = "".join(f"<li>{escape(m[lang])}</li>" for m in esito.motivi_classe)
    stile = "ok" if esito.conforme else "ko"
    intestazione = escape(titolo(esito, lang))
    pacchetti = ", ".join(
        f"<code>{escape(p.id)}</code> {escape(p.versione)}" for p in esito.pacchetti or (esito.regole,)
    )
    classe = (
        f"<p>{ui('classe', lang)}: <strong>{classe_testo(esito.classe, lang)}</strong>\n"
        f"({ui('dichiarata', lang)}: {escape(classe_testo(esito.classe_dichiarata, lang))})</p>\n"
        f"<ul>{motivi}</ul>"
        if mostra_classe(esito)
        else ""
    )
    sezione_funzioni = (
        f"<h2>{ui('funzioni', lang)}</h2><ul>{funzioni}</ul>\n" if mostra_funzioni(esito) else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(esito.unione)} — {intestazione}</title>
<style>{CSS}</style></head><body>
<h1>{escape(esito.unione)}</h1>
<p class="meta">{intestazione} · {ui("data", lang)}: {data_estesa(esito.data_valutazione, lang)} ·
{ui("regole", lang)}: {pacchetti}</p>
{classe}
<p>{ui("esito", lang)}: <strong class="{stile}">{ui(esito.esito, lang)}</strong> — {conteggio(esito, lang)}</p>
{sezione_funzioni}{indicatori_html(esito, lang)}<h2>{ui("rilievi", lang)}</h2>
{rilievi_html(esito, lang)}
</body></html>
"""
