"""A self-contained HTML report (one file, inline CSS, no external assets) for the reviewer to forward."""

from __future__ import annotations

import io
import shutil
from html import escape
from typing import TextIO

from avviamento.classi import RANGO
from avviamento.comuni import CREDITO
from avviamento.i18n import Lang, data_estesa
from avviamento.reporters.html import CSS as CSS_CHECK
from avviamento.reporters.html import rilievi_html
from avviamento.review.istruttoria import Etichette, Istruttoria, Riga
from avviamento.review.render.common import (
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
.filtri{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0}.filtri[hidden]{display:none}
.filtri label{display:flex;flex-direction:column;font-size:.85rem}
.filtri input,.filtri select{font:inherit;padding:.2rem .3rem}
th button{all:unset;cursor:pointer;display:block;width:100%}
th button:focus-visible{outline:2px solid #0b5cad}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
@media print{a{color:inherit;text-decoration:none}section.unione{break-inside:avoid-page}.filtri{display:none}}
"""
)

# Sorting (click a header) and filtering (text, class, validity) in the page itself: no external script, and
# without JavaScript the controls stay hidden and the table is a plain table.
SCRIPT = """(function(){
var t=document.getElementById("profili"),f=document.getElementById("filtri");
if(!t||!f||!t.tBodies.length)return;
var corpo=t.tBodies[0],righe=Array.prototype.slice.call(corpo.rows),ths=t.tHead.rows[0].cells;
var cerca=document.getElementById("cerca"),classe=document.getElementById("filtro-classe"),
validita=document.getElementById("filtro-validita"),conta=document.getElementById("conta");
function norm(s){return s.normalize("NFD").replace(/[\u0300-\u036f]/g,"").toLowerCase();}
function cella(r,i){for(var j=0,c=0;j<r.cells.length;j++){c+=r.cells[j].colSpan;if(i<c)return r.cells[j];}return null;}
function chiave(r,i,num){var c=cella(r,i),s=c?c.textContent.trim():"";if(num){var x=parseFloat(s);return isNaN(x)?null:x;}return norm(s);}
Array.prototype.forEach.call(ths,function(th,i){
var b=document.createElement("button");b.type="button";b.textContent=th.textContent;th.textContent="";th.appendChild(b);
b.addEventListener("click",function(){
var su=th.getAttribute("aria-sort")!=="ascending",num=th.classList.contains("n");
Array.prototype.forEach.call(ths,function(h){h.removeAttribute("aria-sort");});
th.setAttribute("aria-sort",su?"ascending":"descending");
righe.sort(function(a,b){var x=chiave(a,i,num),y=chiave(b,i,num);
if(x===y)return 0;if(x===null)return 1;if(y===null)return -1;return (x<y?-1:1)*(su?1:-1);});
righe.forEach(function(r){corpo.appendChild(r);});});});
function filtra(){var q=norm(cerca.value.trim()),c=classe.value,v=validita.value,n=0;
righe.forEach(function(r){var ok=(!q||norm(r.textContent).indexOf(q)>=0)&&(!c||r.getAttribute("data-classe")===c)
&&(!v||(" "+r.getAttribute("data-validita")+" ").indexOf(" "+v+" ")>=0);r.hidden=!ok;if(ok)n++;});
conta.textContent=conta.getAttribute("data-testo").replace("{n}",n).replace("{m}",righe.length);}
[cerca,classe,validita].forEach(function(e){e.addEventListener("input",filtra);e.addEventListener("change",filtra);});
f.hidden=false;filtra();
})();"""


NUMERICA = ' class="n"'


def render(istruttoria: Istruttoria, lang: Lang = "it") -> str:
    buffer = io.StringIO()
    scrivi(istruttoria, buffer, lang)
    return buffer.getvalue()


def scrivi(
    istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it", dettagli: TextIO | None = None
) -> None:
    """The report, a row at a time; `dettagli`: each Union's section, written as the rows came (see `dettaglio`),
    otherwise made here from the rows' findings."""
    pacchetti = ", ".join(
        f"<code>{escape(r.id)}</code> {escape(r.versione)} (sha256 <code>{escape(r.sha256)}</code>)"
        for r in istruttoria.pacchetti or (istruttoria.regole,)
    )
    riepilogo = "".join(
        f"<li><strong>{n}</strong>{escape(etichetta)}</li>"
        for etichetta, n in riepilogo_voci(istruttoria, lang)
    )
    etichette = istruttoria.etichette
    intestazioni = "".join(
        f'<th scope="col"{NUMERICA if k in ("errori", "avvisi") else ""}>{escape(t(k, lang))}</th>'
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
    titolo = f"{t('titolo', lang)} — {t('sottotitolo', lang)}"
    flusso.write(f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(titolo)}</title>
<style>{CSS}</style></head><body>
<h1>{escape(titolo)}</h1>
<p class="meta">{escape(t("data", lang))}: {escape(data_testo(istruttoria, lang))} ·
{escape(t("regole", lang))}: {pacchetti}</p>
<ul class="riepilogo">{riepilogo}</ul>
<h2>{escape(t("profili_titolo", lang))}</h2>
{_filtri(istruttoria, lang)}
<table id="profili"><thead><tr>{intestazioni}</tr></thead>
<tbody>
""")
    for i, riga in enumerate(istruttoria.righe, 1):
        flusso.write(_riga(i, riga, etichette, lang) + "\n")
    flusso.write(f"""</tbody></table>
<h2>{escape(t("incrociati", lang))} ({len(istruttoria.incrociati)})</h2>
{incrociati}
<h2>{escape(t("dettaglio", lang))}</h2>
""")
    if dettagli is None:
        for i, riga in enumerate(istruttoria.righe, 1):
            flusso.write(dettaglio(i, riga, etichette, lang) + "\n")
    else:
        dettagli.seek(0)
        shutil.copyfileobj(dettagli, flusso)
    flusso.write(f"""<p class="meta">{escape(t("generato", lang))} · {escape(CREDITO)}</p>
<script>{SCRIPT}</script>
</body></html>
""")


def _filtri(istruttoria: Istruttoria, lang: Lang) -> str:
    """The search box and the two filters, hidden until the script shows them."""
    classi = sorted({r.classe for r in istruttoria.righe if r.classe}, key=lambda c: (RANGO.get(c, 0), c))
    opzioni_classe = "".join(
        f'<option value="{escape(c)}">{escape(istruttoria.etichette.classe(c, lang))}</option>'
        for c in classi
    )
    opzioni_validita = "".join(
        f'<option value="{v}">{escape(t("filtro." + v, lang))}</option>'
        for v in ("valido", "non_valido", "con_errori", "senza_errori")
    )
    return (
        f'<div class="filtri" id="filtri" hidden>'
        f'<label>{escape(t("filtro.cerca", lang))} <input type="search" id="cerca"></label>'
        f'<label>{escape(t("classe_calcolata", lang))} <select id="filtro-classe">'
        f'<option value="">{escape(t("filtro.tutte", lang))}</option>{opzioni_classe}</select></label>'
        f'<label>{escape(t("filtro.validita", lang))} <select id="filtro-validita">'
        f'<option value="">{escape(t("filtro.tutti", lang))}</option>{opzioni_validita}</select></label>'
        f'<span id="conta" aria-live="polite" data-testo="{escape(t("filtro.conta", lang))}"></span></div>'
    )


def _validita(riga: Riga) -> str:
    if not riga.valido:
        return "non_valido"
    return "valido con_errori" if riga.errori else "valido senza_errori"


def _nome(riga: Riga, lang: Lang) -> str:
    return escape(riga.unione or t("senza_nome", lang))


def _riga(i: int, riga: Riga, etichette: Etichette, lang: Lang) -> str:
    file = f"<code>{escape(riga.file)}</code>"
    nome = f'<a href="#p{i}">{_nome(riga, lang)}</a>'
    if not riga.valido:
        errore = escape(riga.errore[lang]) if riga.errore else ""
        return (
            f'<tr class="ko" data-classe="" data-validita="non_valido"><td>{file}</td><td>{nome}</td><td class="ko">✘ {t("no", lang)}</td>'
            f'<td colspan="5">{errore}</td></tr>'
        )
    dichiarata = escape(etichette.classe(riga.classe_dichiarata, lang))
    if riga.dichiarata_superiore:
        dichiarata = f'<span class="ko">{dichiarata}</span>'
    stile = ' class="ko"' if riga.errori else ""
    dati = f' data-classe="{escape(riga.classe or "")}" data-validita="{_validita(riga)}"'
    return (
        f"<tr{stile}{dati}><td>{file}</td><td>{nome}</td>"
        f'<td class="ok">✔ {t("si", lang)}</td><td>{dichiarata}</td>'
        f"<td>{escape(etichette.classe(riga.classe, lang))}</td><td>{escape(funzioni_testo(etichette, riga, lang))}</td>"
        f'<td class="n">{riga.errori}</td><td class="n">{riga.avvisi}</td></tr>'
    )


def dettaglio(i: int, riga: Riga, etichette: Etichette, lang: Lang) -> str:
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
        f"<p>{escape(t('classe_calcolata', lang))}: <strong>{escape(etichette.classe(riga.classe, lang))}</strong> "
        f"({escape(t('dichiarata_minuscolo', lang))}: {escape(etichette.classe(riga.classe_dichiarata, lang))})</p>"
        + (f"<ul>{motivi}</ul>" if motivi else "")
    )
    rilievi = rilievi_html(esito, lang) if esito is not None else ""
    return f"{testa}{file}</p>\n{classe}\n{rilievi}</section>"
