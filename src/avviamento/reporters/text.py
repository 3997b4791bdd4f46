"""The terminal report: what a change manager reads, and could paste into an email."""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.markup import escape
from rich.text import Text as RichText

from avviamento.esito import Esito, Rilievo
from avviamento.i18n import Lang, data_estesa
from avviamento.reporters.common import (
    GRAVITA,
    classe_testo,
    conteggio,
    fonte_testo,
    mostra_classe,
    mostra_funzioni,
    righe_indicatori,
    rimedi_testo,
    stato_testo,
    titolo,
    ui,
)

STILE = {"errore": "bold red", "avviso": "yellow", "info": "cyan"}


def make_console(file: io.StringIO, *, color: bool = False, width: int | None = None) -> Console:
    """A console that wraps at `width`, or not at all when it is None (files and emails reflow by themselves)."""
    return Console(
        file=file,
        force_terminal=color,
        no_color=not color,
        width=width or 10_000,
        highlight=False,
        soft_wrap=width is None,
    )


def indented(
    out: Console, text: str, indent: int, first: int | None = None, mark: RichText | None = None
) -> None:
    """Plain `text` as a paragraph with a hanging indent: the first line at `first` (after `mark`), the others at
    `indent`; words longer than the line (URLs) are kept whole."""
    start = " " * (indent if first is None else first)
    head = RichText(start) + (mark + " " if mark else RichText())
    if out.soft_wrap:
        out.print(head + RichText(text))
        return
    lines = textwrap.wrap(
        text,
        width=out.width,
        initial_indent="x" * len(head),  # stands for the head, printed with its style below
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    for i, line in enumerate(lines):
        riga = head + RichText(line[len(head) :]) if i == 0 else RichText(line)
        out.print(riga, overflow="ignore", crop=False, no_wrap=True)


def render(esito: Esito, lang: Lang = "it", *, color: bool = False, width: int | None = None) -> str:
    buffer = io.StringIO()
    out = make_console(buffer, color=color, width=width)
    out.print(f"[bold]{escape(esito.unione)}[/bold] — {escape(titolo(esito, lang))}")
    pacchetti = esito.pacchetti or (esito.regole,)
    elenco = ", ".join(f"{p.id} {p.versione} (sha256 {p.sha256[:12]}…)" for p in pacchetti)
    indented(
        out,
        f"{ui('data', lang)}: {data_estesa(esito.data_valutazione, lang)} · {ui('regole', lang)}: {elenco}",
        2,
        0,
    )
    if mostra_classe(esito):
        dichiarata = classe_testo(esito.classe_dichiarata, lang)
        out.print(
            f"{ui('classe', lang)}: [bold]{classe_testo(esito.classe, lang).upper()}[/bold] "
            f"({ui('dichiarata', lang)}: {dichiarata})"
        )
        for motivo in esito.motivi_classe:
            indented(out, f"{ui('perche', lang)}: {motivo[lang]}", 4, 2)
    stile = "bold green" if esito.conforme else "bold red"
    out.print(f"{ui('esito', lang)}: [{stile}]{ui(esito.esito, lang)}[/{stile}] — {conteggio(esito, lang)}")

    if mostra_funzioni(esito):
        out.print()
        out.print(f"[bold]{ui('funzioni', lang)}[/bold]")
        if not esito.funzioni:
            out.print(f"  {ui('nessuna_funzione', lang)}")
    for f in esito.funzioni:
        if f.effettiva:
            indented(out, f"{f.etichetta[lang]}: {ui('effettiva', lang)}", 4, 2, RichText("✔", "green"))
        else:
            motivi = "; ".join(m[lang] for m in f.motivi)
            riga = f"{f.etichetta[lang]}: {ui('non_effettiva', lang)} — {motivi}"
            indented(out, riga, 4, 2, RichText("✘", "red"))

    if esito.indicatori:
        out.print()
        out.print(f"[bold]{ui('indicatori', lang)}[/bold]")
        for funzione, righe in righe_indicatori(esito, lang):
            indented(out, funzione, 4, 2)
            for riga in righe:
                indented(out, riga, 6, 4)

    aperti = [r for r in esito.rilievi if r.aperto]
    out.print()
    out.print(f"[bold]{ui('rilievi', lang)}[/bold]")
    if not aperti:
        out.print(f"  {ui('nessun_rilievo', lang)}")
    for gravita in ("errore", "avviso", "info"):
        gruppo = [r for r in aperti if r.gravita == gravita]
        if not gruppo:
            continue
        out.print(f"[{STILE[gravita]}]{GRAVITA[gravita][lang]} ({len(gruppo)})[/{STILE[gravita]}]")
        for r in gruppo:
            _rilievo(out, r, esito, lang)

    soddisfatte = sorted({r.regola for r in esito.rilievi if r.stato == "soddisfatta"})
    non_applicabili = sorted({r.regola for r in esito.rilievi if r.stato == "non_applicabile"})
    out.print()
    if soddisfatte:
        out.print(f"{ui('soddisfatte', lang)}: {', '.join(soddisfatte)}")
    if non_applicabili:
        out.print(f"{ui('non_applicabili', lang)}: {', '.join(non_applicabili)}")
    return buffer.getvalue()


def _rilievo(out: Console, r: Rilievo, esito: Esito, lang: Lang) -> None:
    riga = f" ({ui('riga', lang)} {r.posizione[0]})" if r.posizione else ""
    head = RichText(f"  {r.regola} ", style="bold")
    head.append(f"[{stato_testo(r, lang)}]")
    head.append(riga)
    out.print(head)
    indented(out, r.messaggio[lang], 6, 4)
    fonte = fonte_testo(r, lang) + (f" — {r.fonte.url}" if r.fonte.url else "")
    indented(out, f"{ui('fonte', lang)}: {fonte}", 6, 4)
    if r.rimedi:
        rimedi = rimedi_testo(r.rimedi, esito, lang)
        indented(out, f"{ui('rimedi', lang)}: {rimedi}", 6, 4)
