"""`avviamento plan`: the dated steps, backwards from the deadline, that close the open gaps in time."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from avviamento.cli.common import (
    AsOfOption,
    LangOption,
    Lingua,
    RulesListOption,
    check_destination,
    fail,
    input_errors,
    lang_of,
    load_rules_list,
    parse_option_date,
    text_layout,
    write_output,
)
from avviamento.errors import both

if TYPE_CHECKING:
    from avviamento.piano.scheduler import Decorrenza
    from avviamento.profilo import ProfiloCaricato


class FormatoPiano(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"


class DecorrenzaOpzione(StrEnum):
    inizio = "inizio"
    fine = "fine"


def plan(
    profilo: Annotated[Path, typer.Argument(help="Profilo YAML dell'Unione.", show_default=False)],
    as_of: AsOfOption = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            metavar="DATA",
            help="Scadenza AAAA-MM-GG (predefinita: fine del programma change manager nel pacchetto di regole; "
            "per i processi partecipativi: il termine di avvio del bando).",
        ),
    ] = None,
    immediata: Annotated[
        bool,
        typer.Option(
            "--immediata-eseguibilita",
            help="Deliberazioni dichiarate immediatamente eseguibili (TUEL art. 134 c.4).",
        ),
    ] = False,
    decorrenza: Annotated[
        DecorrenzaOpzione | None,
        typer.Option(
            "--decorrenza",
            help="Da quando contare i 10 giorni dell'esecutività: inizio o fine della pubblicazione "
            "(predefinita: quella del pacchetto di regole).",
        ),
    ] = None,
    formato: Annotated[FormatoPiano, typer.Option("--format", help="Formato del piano.")] = FormatoPiano.text,
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Scrive il piano in un file iCalendar (un evento per passo).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Scrive il piano in un file invece che a video ('-': a video)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Sovrascrive i file di --out e --ics se esistono.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Senza colori (come NO_COLOR).")] = False,
    rules: RulesListOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Piano a ritroso dalla scadenza: per ogni passo mancante, la data ultima, chi agisce e la base giuridica.

    Uscita: 0 piano prodotto (anche vuoto); 2 input non utilizzabile o file --out/--ics esistente senza --force.
    """
    from avviamento.engine import evaluate_packs
    from avviamento.piano.partecipazione import e_partecipazione, pianifica_partecipazione
    from avviamento.piano.scheduler import pianifica, scadenza_indicata, scadenza_predefinita
    from avviamento.profilo import load_profile

    lingua = lang_of(lang)
    giorno = parse_option_date(as_of, "--as-of", lang)
    termine = parse_option_date(deadline, "--deadline", lang)
    destinazione = None if out is None or str(out) == "-" else out
    if destinazione is not None:
        check_destination(destinazione, "--out", force, lingua)
    if ics is not None:
        if destinazione is not None and destinazione.resolve() == ics.resolve():
            fail(
                {
                    "it": f"avviamento: --out e --ics indicano lo stesso file: {ics}",
                    "en": f"avviamento: --out and --ics name the same file: {ics}",
                }[lingua]
            )
        _verifica_destinazione(ics, force, lang)
    with input_errors(lang):
        packs = load_rules_list(rules)
        pack = packs[0]  # the first pack drives the schedule / the acts; every pack adds its findings
        caricato = load_profile(profilo)
        esito = evaluate_packs(caricato, packs, giorno)
        if e_partecipazione(pack):
            for opzione, data in (("--immediata-eseguibilita", immediata), ("--decorrenza", decorrenza)):
                if data:  # silently ignored, it would look as if it had been applied
                    fail("avviamento: " + both("opzioni_lr21", opzione=opzione, pacchetto=pack.id)[lingua])
            piano = pianifica_partecipazione(caricato.profilo, pack, esito, termine)
        else:
            scadenza = (
                scadenza_indicata(termine) if termine else scadenza_predefinita(pack, esito.data_valutazione)
            )
            if scadenza is None:
                _senza_scadenza(caricato, esito.data_valutazione, as_of is not None, lang)
            piano = pianifica(
                caricato.profilo,
                pack,
                esito,
                scadenza,
                immediata=immediata,
                decorrenza=_decorrenza(decorrenza),
            )

    if formato is FormatoPiano.json:
        from avviamento.piano.render import render_json

        output = render_json(piano, lingua)
    elif formato is FormatoPiano.markdown:
        from avviamento.piano.render import render_markdown

        output = render_markdown(piano, lingua)
    elif formato is FormatoPiano.html:
        from avviamento.piano.pagina import render_html

        output = render_html(piano, lingua)
    elif formato is FormatoPiano.csv:
        from avviamento.piano.pagina import render_csv

        output = render_csv(piano, lingua)
    else:
        from avviamento.piano.render import render_text

        colore, larghezza = text_layout(no_color) if destinazione is None else (False, None)
        output = render_text(piano, lingua, color=colore, width=larghezza)

    if ics is not None:
        from avviamento.fileio import scrivi_atomico
        from avviamento.piano.ics import calendario

        try:
            scrivi_atomico(ics, calendario(piano, lingua), sovrascrivi=force)
        except FileExistsError:
            _esiste(ics, lang)
        except OSError as exc:
            fail(f"avviamento: --ics: {ics}: {exc.strerror or exc}")
        eventi = len(piano.aperti)
        nota = {
            "it": f"Calendario scritto in {ics}: {eventi} event{'o' if eventi == 1 else 'i'}.",
            "en": f"Calendar written to {ics}: {eventi} event{'' if eventi == 1 else 's'}.",
        }[lingua]
        if formato is FormatoPiano.text and destinazione is None:
            output += f"\n{nota}\n"
        else:
            typer.echo(nota, err=True)
    if destinazione is None:
        typer.echo(output, nl=False)
    else:
        write_output(destinazione, output, "--out", force, lingua)


def _senza_scadenza(caricato: ProfiloCaricato, giorno: dt.date, da_opzione: bool, lang: Lingua) -> NoReturn:
    """No programme deadline in force at the evaluation day: blame the date that chose it, not --deadline."""
    from avviamento.i18n import data_estesa

    lingua = lang_of(lang)
    testo = {
        "it": f"nessuna scadenza del programma in vigore al {data_estesa(giorno, 'it')} nel pacchetto di regole: "
        "indicarla con --deadline",
        "en": f"the rule pack has no programme deadline in force on {data_estesa(giorno, 'en')}: "
        "give one with --deadline",
    }[lingua]
    if da_opzione:
        fail(f"avviamento: --as-of: {testo}")
    line, column = caricato.documento.position(("data_riferimento",))
    fail(f"{caricato.file}:{line}:{column}: {testo}")


def _decorrenza(opzione: DecorrenzaOpzione | None) -> Decorrenza | None:
    if opzione is None:
        return None
    return "fine_pubblicazione" if opzione is DecorrenzaOpzione.fine else "inizio_pubblicazione"


def _verifica_destinazione(path: Path, force: bool, lang: Lingua) -> None:
    from avviamento.fileio import problema_destinazione

    problema = problema_destinazione(path, sovrascrivi=force)
    if problema:
        fail(f"avviamento: --ics: {path}: {problema[lang_of(lang)]}")


def _esiste(path: Path, lang: Lingua) -> None:
    from avviamento.fileio import ESISTE

    fail(f"avviamento: --ics: {path}: {ESISTE[lang_of(lang)]}")
