"""The terminal report: a rich table of the profiles, then the invalid files and the cross-file findings."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from avviamento.i18n import Lang
from avviamento.review.istruttoria import Istruttoria, Riga
from avviamento.review.render.common import classe_testo, data_testo, funzioni_testo, riepilogo, t

# Below this width the effective functions are counted, not named: the names would wrap a word per line.
COMPATTA = 110


def render(istruttoria: Istruttoria, lang: Lang = "it", *, color: bool = False, width: int = 120) -> str:
    buffer = io.StringIO()
    out = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    regole = istruttoria.regole
    out.print(f"[bold]{t('titolo', lang)}[/bold] — {t('sottotitolo', lang)}")
    out.print(
        f"{t('data', lang)}: {data_testo(istruttoria, lang)} · {t('regole', lang)}: "
        f"{escape(regole.id)} {escape(regole.versione)} (sha256 {regole.sha256[:12]}…)",
        soft_wrap=True,
    )
    out.print(_tabella(istruttoria, lang, compatta=width < COMPATTA))

    non_validi = [r for r in istruttoria.righe if not r.valido]
    if non_validi:
        out.print(f"\n[bold red]{t('profili_non_validi', lang)} ({len(non_validi)})[/bold red]")
        for riga in non_validi:
            out.print(f"  {escape(riga.errore[lang] if riga.errore else riga.file)}", soft_wrap=True)
    out.print(f"\n[bold]{t('incrociati', lang)} ({len(istruttoria.incrociati)})[/bold]")
    if not istruttoria.incrociati:
        out.print(f"  {t('nessun_incrociato', lang)}", soft_wrap=True)
    for rilievo in istruttoria.incrociati:
        out.print(f"  [yellow]•[/yellow] [bold]{t('tipo.' + rilievo.tipo, lang)}[/bold]: ", end="")
        out.print(escape(rilievo.messaggio[lang]), soft_wrap=True)
    out.print()
    stile = "bold red" if istruttoria.esito_negativo else "bold green"
    out.print(f"[{stile}]{escape(riepilogo(istruttoria, lang))}[/{stile}]", soft_wrap=True)
    return buffer.getvalue()


def _tabella(istruttoria: Istruttoria, lang: Lang, *, compatta: bool) -> Table:
    table = Table(header_style="bold", expand=True)
    table.add_column(t("file", lang), overflow="fold", ratio=3)
    table.add_column(t("unione", lang), ratio=3)
    table.add_column(t("valido", lang), justify="center", no_wrap=True)
    table.add_column(t("dichiarata", lang), no_wrap=True)
    table.add_column(t("classe", lang), no_wrap=True)
    table.add_column(t("funzioni", lang), ratio=5)
    table.add_column(t("errori", lang), justify="right")
    table.add_column(t("avvisi", lang), justify="right")
    for riga in istruttoria.righe:
        table.add_row(*_celle(riga, lang, compatta=compatta))
    return table


def _celle(riga: Riga, lang: Lang, *, compatta: bool) -> list[str]:
    unione = escape(riga.unione or t("senza_nome", lang))
    if not riga.valido:
        return [escape(riga.file), unione, "[red]✘[/red]", "—", "—", "—", "—", "—"]
    dichiarata = classe_testo(riga.classe_dichiarata)
    if riga.dichiarata_superiore:
        dichiarata = f"[red]{dichiarata}[/red]"
    errori = f"[bold red]{riga.errori}[/bold red]" if riga.errori else "0"
    avvisi = f"[yellow]{riga.avvisi}[/yellow]" if riga.avvisi else "0"
    return [
        escape(riga.file),
        unione,
        "[green]✔[/green]",
        dichiarata,
        classe_testo(riga.classe),
        str(len(riga.funzioni_effettive)) if compatta else escape(funzioni_testo(riga, lang)),
        errori,
        avvisi,
    ]
