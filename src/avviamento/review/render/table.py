"""The terminal report: a table of the profiles, then the invalid files and the cross-file findings.

On a terminal (or with COLUMNS) a rich table fits the width, file names broken only after `/`, `_`, `-`; piped
to a file it is a plain text table, not wrapped at all (and several times cheaper to draw).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TextIO

from avviamento.i18n import Lang
from avviamento.review.istruttoria import Etichette, Istruttoria, Riga
from avviamento.review.render.common import data_testo, funzioni_testo, riepilogo, t
from avviamento.review.render.spezza import pezzo_piu_lungo, spezza_nome

# Below this width the effective functions are counted, not named: the names would wrap a word per line.
COMPATTA = 110
COLONNE = ("file", "unione", "valido", "dichiarata", "classe", "funzioni", "errori", "avvisi")
NUMERICHE = frozenset({"errori", "avvisi"})


def intestazione(istruttoria: Istruttoria, lang: Lang) -> list[str]:
    regole = ", ".join(
        f"{r.id} {r.versione} (sha256 {r.sha256[:12]}…)"
        for r in istruttoria.pacchetti or (istruttoria.regole,)
    )
    return [
        f"{t('titolo', lang)} — {t('sottotitolo', lang)}",
        f"{t('data', lang)}: {data_testo(istruttoria, lang)} · {t('regole', lang)}: {regole}",
    ]


def celle(riga: Riga, etichette: Etichette, lang: Lang, *, compatta: bool = False) -> tuple[str, ...]:
    """The row's cells as plain text."""
    unione = riga.unione or t("senza_nome", lang)
    if not riga.valido:
        return (riga.file, unione, "✘", "—", "—", "—", "—", "—")
    return (
        riga.file,
        unione,
        "✔",
        etichette.classe(riga.classe_dichiarata, lang),
        etichette.classe(riga.classe, lang),
        str(len(riga.funzioni_effettive)) if compatta else funzioni_testo(etichette, riga, lang),
        str(riga.errori),
        str(riga.avvisi),
    )


def coda(istruttoria: Istruttoria, lang: Lang) -> Iterable[tuple[str, str]]:
    """What follows the table, as (style, text) lines: the invalid files, the cross-file findings, the totals."""
    non_validi = [r for r in istruttoria.righe if not r.valido]
    if non_validi:
        yield "bold red", f"\n{t('profili_non_validi', lang)} ({len(non_validi)})"
        for riga in non_validi:
            yield "", f"  {riga.errore[lang] if riga.errore else riga.file}"
    yield "bold", f"\n{t('incrociati', lang)} ({len(istruttoria.incrociati)})"
    if not istruttoria.incrociati:
        yield "", f"  {t('nessun_incrociato', lang)}"
    for rilievo in istruttoria.incrociati:
        yield "", f"  • {t('tipo.' + rilievo.tipo, lang)}: {rilievo.messaggio[lang]}"
    yield "", ""
    yield "bold red" if istruttoria.esito_negativo else "bold green", riepilogo(istruttoria, lang)


def render(
    istruttoria: Istruttoria, lang: Lang = "it", *, color: bool = False, width: int | None = None
) -> str:
    """A rich table `width` columns wide; with no width, a plain table on unwrapped lines."""
    if width is None:
        return render_semplice(istruttoria, lang)
    return _render_rich(istruttoria, lang, color=color, width=width)


def render_semplice(istruttoria: Istruttoria, lang: Lang = "it") -> str:
    buffer = io.StringIO()
    scrivi_semplice(istruttoria, buffer, lang)
    return buffer.getvalue()


def scrivi_semplice(istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it") -> None:
    """Columns padded to their widest cell, two spaces apart, numbers aligned right; written a row at a time
    (a first pass measures the columns)."""
    etichette = istruttoria.etichette
    testata = tuple(t(c, lang) for c in COLONNE)
    larghezze = [len(c) for c in testata]
    for riga in istruttoria.righe:
        larghezze = [max(w, len(c)) for w, c in zip(larghezze, celle(riga, etichette, lang), strict=True)]

    def linea(valori: tuple[str, ...]) -> str:
        parti = [
            c.rjust(w) if nome in NUMERICHE else c.ljust(w)
            for nome, c, w in zip(COLONNE, valori, larghezze, strict=True)
        ]
        return "  ".join(parti).rstrip() + "\n"

    flusso.write("\n".join(intestazione(istruttoria, lang)) + "\n")
    flusso.write(linea(testata))
    flusso.write("  ".join("-" * w for w in larghezze) + "\n")
    for riga in istruttoria.righe:
        flusso.write(linea(celle(riga, etichette, lang)))
    for _stile, testo in coda(istruttoria, lang):
        flusso.write(testo + "\n")


def _render_rich(istruttoria: Istruttoria, lang: Lang, *, color: bool, width: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buffer = io.StringIO()
    out = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    titolo, meta = intestazione(istruttoria, lang)
    testa, _, resto = titolo.partition(" — ")
    out.print(f"[bold]{escape(testa)}[/bold] — {escape(resto)}")
    out.print(escape(meta))
    compatta = width < COMPATTA
    # the file column is as wide as the longest name, up to a fifth of the screen, never narrower than the
    # longest piece between separators: names break only after / _ -
    nomi = [r.file for r in istruttoria.righe]
    lungo = max((len(n) for n in nomi), default=4)
    minimo = max((pezzo_piu_lungo(n) for n in nomi), default=4)
    larghezza_file = max(len(t("file", lang)), minimo, min(lungo, width // 5))
    table = Table(header_style="bold", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("file", lang), no_wrap=True, width=larghezza_file)
    table.add_column(t("unione", lang), ratio=3, min_width=10, overflow="fold")
    if compatta:  # validity and both classes in one column, short headers: it fits 80 columns
        table.add_column(t("classi_breve", lang), ratio=2, min_width=12)
        for chiave in ("funzioni_breve", "errori_breve", "avvisi_breve"):
            table.add_column(t(chiave, lang), justify="right", no_wrap=True)
    else:
        table.add_column(t("valido", lang), justify="center", no_wrap=True)
        table.add_column(t("dichiarata", lang), min_width=9)
        table.add_column(t("classe", lang), min_width=9)
        table.add_column(t("funzioni", lang), ratio=5, min_width=8)
        table.add_column(t("errori", lang), justify="right", no_wrap=True)
        table.add_column(t("avvisi", lang), justify="right", no_wrap=True)
    for riga in istruttoria.righe:
        testi = celle(riga, istruttoria.etichette, lang, compatta=compatta)
        stili = _stili(riga)
        colorate = [
            f"[{s}]{escape(c)}[/{s}]" if s else escape(c) for c, s in zip(testi[1:], stili, strict=True)
        ]
        if compatta:
            if riga.valido:
                classi = f"{colorate[2]} → {colorate[3]}"
            else:
                classi = f"[red]✘ {escape(t('non_valido', lang))}[/red]"
            colorate = [colorate[0], classi, *colorate[4:]]
        table.add_row(escape("\n".join(spezza_nome(testi[0], larghezza_file))), *colorate)
    out.print(table)
    for stile, testo in coda(istruttoria, lang):
        rientro = len(testo) - len(testo.lstrip(" •"))
        if not rientro:
            out.print(f"[{stile}]{escape(testo)}[/{stile}]" if stile else escape(testo))
            continue
        # wrapped lines hang under the text, not under the bullet
        griglia = Table.grid()
        griglia.add_column(width=rientro, no_wrap=True)
        griglia.add_column()
        griglia.add_row(testo[:rientro], escape(testo[rientro:]))
        out.print(griglia)
    return buffer.getvalue()


def _stili(riga: Riga) -> tuple[str, ...]:
    """The colour of each cell after the file name (unione, valido, dichiarata, classe, funzioni, errori, avvisi)."""
    if not riga.valido:
        return ("", "red", "", "", "", "", "")
    return (
        "",
        "green",
        "red" if riga.dichiarata_superiore else "",
        "",
        "",
        "bold red" if riga.errori else "",
        "yellow" if riga.avvisi else "",
    )
