"""A self-contained HTML report (one file, inline CSS, no external assets) for the reviewer to forward."""

from __future__ import annotations

from html import escape

from avviamento.comuni import CREDITO
from avviamento.i18n import Lang, data_estesa
from avviamento.reporters.html import CSS as CSS_CHECK
from avviamento.reporters.html import rilievi_html
from avviamento.review.istruttoria import Istruttoria, Riga
from avviamento.review.render.common import (
    classe_testo,
    data_testo,
    funzioni_testo,
    riepilogo_voci,
    t,
)

CSS = (
    CSS_CHECK
    + """
body{max-width:80rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right}tr.ko td{background:#fff3f3}
.riepilogo{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.riepilogo li{border:1px solid #ccc;padding:.3rem .7rem;background:#f7f7f7}
.riepilogo strong{font-size:1.2rem;margin-right:.3rem}
.incrociato{border-left:4px solid #b26a00;padding:.3rem .8rem;margin:.6rem 0;background:#f7f7f7}
section.unione{margin-top:2rem}
@media print{a{color:inherit;text-decoration:none}section.unione{break-inside:avoid-page}}
"""
)


def render(istruttoria: Istruttoria, lang: Lang = "it") -> str:
    regole = istruttoria.regole
    riepilogo = "".join(
        f"<li><strong>{n}</strong>{escape(etichetta)}</li>"
        for etichetta, n in riepilogo_voci(istruttoria, lang)
    )
    righe = "\n".join(_riga(i, riga, lang) for i, riga in enumerate(istruttoria.righe, 1))
    intestazioni = "".join(
        f"<th>{escape(t(k, lang))}</th>"
        for k in ("file", "unione", "valido", "dichiarata", "classe", "funzioni", "errori", "avvisi")
    )
    if istruttoria.incrociati:
        incrociati = "\n".join(
            f'<div class="incrociato"><strong>{escape(t("tipo." + r.tipo, lang))}</strong><br>'
            f"{escape(r.messaggio[lang])}</div>"
            for r in istruttoria.incrociati
        )
    else:
        incrociati = f"<p>{escape(t('nessun_incrociato', lang))}</p>"
    dettagli = "\n".join(_dettaglio(i, riga, lang) for i, riga in enumerate(istruttoria.righe, 1))
    titolo = f"{t('titolo', lang)} — {t('sottotitolo', lang)}"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(titolo)}</title>
<style>{CSS}</style></head><body>
<h1>{escape(titolo)}</h1>
<p class="meta">{escape(t("data", lang))}: {escape(data_testo(istruttoria, lang))} ·
{escape(t("regole", lang))}: <code>{escape(regole.id)}</code> {escape(regole.versione)}
(sha256 <code>{escape(regole.sha256)}</code>)</p>
<ul class="riepilogo">{riepilogo}</ul>
<h2>{escape(t("profili_titolo", lang))}</h2>
<table><thead><tr>{intestazioni}</tr></thead>
<tbody>
{righe}
</tbody></table>
<h2>{escape(t("incrociati", lang))} ({len(istruttoria.incrociati)})</h2>
{incrociati}
<h2>{escape(t("dettaglio", lang))}</h2>
{dettagli}
<p class="meta">{escape(t("generato", lang))} · {escape(CREDITO)}</p>
</body></html>
"""


def _nome(riga: Riga, lang: Lang) -> str:
    return escape(riga.unione or t("senza_nome", lang))


def _riga(i: int, riga: Riga, lang: Lang) -> str:
    file = f"<code>{escape(riga.file)}</code>"
    nome = f'<a href="#p{i}">{_nome(riga, lang)}</a>'
    if not riga.valido:
        errore = escape(riga.errore[lang]) if riga.errore else ""
        return (
            f'<tr class="ko"><td>{file}</td><td>{nome}</td><td class="ko">✘ {t("no", lang)}</td>'
            f'<td colspan="5">{errore}</td></tr>'
        )
    dichiarata = escape(classe_testo(riga.classe_dichiarata))
    if riga.dichiarata_superiore:
        dichiarata = f'<span class="ko">{dichiarata}</span>'
    stile = ' class="ko"' if riga.errori else ""
    return (
        f"<tr{stile}><td>{file}</td><td>{nome}</td>"
        f'<td class="ok">✔ {t("si", lang)}</td><td>{dichiarata}</td>'
        f"<td>{escape(classe_testo(riga.classe))}</td><td>{escape(funzioni_testo(riga, lang))}</td>"
        f'<td class="n">{riga.errori}</td><td class="n">{riga.avvisi}</td></tr>'
    )


def _dettaglio(i: int, riga: Riga, lang: Lang) -> str:
    testa = f'<section class="unione" id="p{i}"><h2>{_nome(riga, lang)}</h2>\n'
    file = f'<p class="meta">{escape(t("file", lang))}: <code>{escape(riga.file)}</code>'
    if riga.data_valutazione is not None:
        file += f" · {escape(t('data', lang))}: {data_estesa(riga.data_valutazione, lang)}"
    if not riga.valido:
        errore = escape(riga.errore[lang]) if riga.errore else ""
        return f'{testa}{file}</p>\n<p class="ko">{escape(t("non_valido", lang))}: {errore}</p></section>'
    esito = riga.esito
    motivi = ""
    if esito is not None:
        motivi = "".join(
            f"<li>{escape(t('perche', lang))}: {escape(m[lang])}</li>" for m in esito.motivi_classe
        )
    classe = (
        f"<p>{escape(t('classe_calcolata', lang))}: <strong>{escape(classe_testo(riga.classe))}</strong> "
        f"({escape(t('dichiarata_minuscolo', lang))}: {escape(classe_testo(riga.classe_dichiarata))})</p>"
        + (f"<ul>{motivi}</ul>" if motivi else "")
    )
    rilievi = rilievi_html(esito, lang) if esito is not None else ""
    return f"{testa}{file}</p>\n{classe}\n{rilievi}</section>"
