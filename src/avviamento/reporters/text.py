"""The terminal report: what a change manager reads, and could paste into an email.

The report is a list of lines of styled pieces. Sent to a file or a pipe it is plain text, written here; on a
terminal (colour) or at a given width (wrapping) rich draws it, and is imported only then.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text as RichText

STILE = {"errore": "bold red", "avviso": "yellow", "info": "cyan"}
Pezzo = tuple[str, str]  # a piece of text and its rich style ("" for none)


def make_console(file: io.StringIO, *, color: bool = False, width: int | None = None) -> Console:
    """A console that wraps at `width`, or not at all when it is None (files and emails reflow by themselves)."""
    from rich.console import Console

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
    from rich.text import Text as RichText

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


@dataclass
class Righe:
    """The report's lines: a line of pieces, or a paragraph with a hanging indent (wrapped when drawn at a width)."""

    righe: list[tuple[tuple[Pezzo, ...], int | None, int, Pezzo | None]] = field(default_factory=list)

    def riga(self, *pezzi: Pezzo | str) -> None:
        self.righe.append((tuple((p, "") if isinstance(p, str) else p for p in pezzi), None, 0, None))

    def paragrafo(self, testo: str, indent: int, first: int | None = None, mark: Pezzo | None = None) -> None:
        self.righe.append((((testo, ""),), indent, indent if first is None else first, mark))

    def testo(self) -> str:
        """Plain text, no line wrapped: what rich draws without colour and without a width."""
        out = []
        for pezzi, indent, first, mark in self.righe:
            inizio = "" if indent is None else " " * first + (mark[0] + " " if mark else "")
            out.append(inizio + "".join(testo for testo, _ in pezzi) + "\n")
        return "".join(out)

    def disegna(self, *, color: bool, width: int | None) -> str:
        from rich.text import Text as RichText

        buffer = io.StringIO()
        out = make_console(buffer, color=color, width=width)
        for pezzi, indent, first, mark in self.righe:
            if indent is None:
                out.print(RichText.assemble(*pezzi))
            else:
                segno = RichText(mark[0], mark[1]) if mark else None
                indented(out, pezzi[0][0], indent, first, segno)
        return buffer.getvalue()


def render(esito: Esito, lang: Lang = "it", *, color: bool = False, width: int | None = None) -> str:
    out = Righe()
    out.riga((esito.unione, "bold"), f" — {titolo(esito, lang)}")
    pacchetti = esito.pacchetti or (esito.regole,)
    elenco = ", ".join(f"{p.id} {p.versione} (sha256 {p.sha256[:12]}…)" for p in pacchetti)
    out.paragrafo(
        f"{ui('data', lang)}: {data_estesa(esito.data_valutazione, lang)} · {ui('regole', lang)}: {elenco}",
        2,
        0,
    )
    if mostra_classe(esito):
        dichiarata = classe_testo(esito.classe_dichiarata, lang)
        out.riga(
            f"{ui('classe', lang)}: ",
            (classe_testo(esito.classe, lang).upper(), "bold"),
            f" ({ui('dichiarata', lang)}: {dichiarata})",
        )
        for motivo in esito.motivi_classe:
            out.paragrafo(f"{ui('perche', lang)}: {motivo[lang]}", 4, 2)
    stile = "bold green" if esito.conforme else "bold red"
    out.riga(f"{ui('esito', lang)}: ", (ui(esito.esito, lang), stile), f" — {conteggio(esito, lang)}")

    if mostra_funzioni(esito):
        out.riga()
        out.riga((ui("funzioni", lang), "bold"))
        if not esito.funzioni:
            out.riga(f"  {ui('nessuna_funzione', lang)}")
    for f in esito.funzioni:
        if f.effettiva:
            out.paragrafo(f"{f.etichetta[lang]}: {ui('effettiva', lang)}", 4, 2, ("✔", "green"))
        else:
            motivi = "; ".join(m[lang] for m in f.motivi)
            out.paragrafo(f"{f.etichetta[lang]}: {ui('non_effettiva', lang)} — {motivi}", 4, 2, ("✘", "red"))

    if esito.indicatori:
        out.riga()
        out.riga((ui("indicatori", lang), "bold"))
        for funzione, righe in righe_indicatori(esito, lang):
            out.paragrafo(funzione, 4, 2)
            for riga in righe:
                out.paragrafo(riga, 6, 4)

    aperti = [r for r in esito.rilievi if r.aperto]
    out.riga()
    out.riga((ui("rilievi", lang), "bold"))
    if not aperti:
        out.riga(f"  {ui('nessun_rilievo', lang)}")
    for gravita in ("errore", "avviso", "info"):
        gruppo = [r for r in aperti if r.gravita == gravita]
        if not gruppo:
            continue
        out.riga((f"{GRAVITA[gravita][lang]} ({len(gruppo)})", STILE[gravita]))
        for r in gruppo:
            _rilievo(out, r, esito, lang)

    soddisfatte = sorted({r.regola for r in esito.rilievi if r.stato == "soddisfatta"})
    non_applicabili = sorted({r.regola for r in esito.rilievi if r.stato == "non_applicabile"})
    out.riga()
    if soddisfatte:
        out.riga(f"{ui('soddisfatte', lang)}: {', '.join(soddisfatte)}")
    if non_applicabili:
        out.riga(f"{ui('non_applicabili', lang)}: {', '.join(non_applicabili)}")
    return out.disegna(color=color, width=width) if color or width else out.testo()


def _rilievo(out: Righe, r: Rilievo, esito: Esito, lang: Lang) -> None:
    riga = f" ({ui('riga', lang)} {r.posizione[0]})" if r.posizione else ""
    out.riga((f"  {r.regola} [{stato_testo(r, lang)}]{riga}", "bold"))
    out.paragrafo(r.messaggio[lang], 6, 4)
    fonte = fonte_testo(r, lang) + (f" — {r.fonte.url}" if r.fonte.url else "")
    out.paragrafo(f"{ui('fonte', lang)}: {fonte}", 6, 4)
    if r.rimedi:
        out.paragrafo(f"{ui('rimedi', lang)}: {rimedi_testo(r.rimedi, esito, lang)}", 6, 4)
