"""`avviamento storico`: register evaluations in the history store, list the Unions, show or export a timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from avviamento.cli.common import (
    MARKUP,
    AsOfOption,
    LangOption,
    Lingua,
    RulesOption,
    check_destination,
    fail,
    input_errors,
    lang_of,
    load_rules,
    parse_option_date,
    write_output,
)

if TYPE_CHECKING:
    from avviamento.regole import RulePack
    from avviamento.storico.db import Storico

app = typer.Typer(
    help="Lo storico delle valutazioni: registra, elenca, mostra (con il grafico), esporta.",
    no_args_is_help=True,
    rich_markup_mode=MARKUP,
)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="File dello storico (SQLite); predefinito: storico.sqlite3 nella cartella dei dati."
    ),
]


class FormatoMostra(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class FormatoEsporta(StrEnum):
    csv = "csv"
    json = "json"


def apri(db: Path | None, lang: Lingua) -> Storico:
    """The store, or one line and exit 2 when the file is not one (never modified)."""
    from avviamento.storico.db import NOME_FILE, Storico, StoricoNonValido

    if db is None:
        from avviamento.dati_utente import cartella_dati

        db = cartella_dati() / NOME_FILE
    try:
        return Storico(db)
    except StoricoNonValido as exc:
        fail(f"{db}:1:1: {exc.text[lang_of(lang)]}")
    except OSError as exc:
        fail(f"{db}:1:1: {exc.strerror or exc}")


def registra(
    profili: Annotated[
        list[Path], typer.Argument(metavar="PROFILO", help="Profili YAML da registrare.", show_default=False)
    ],
    as_of: AsOfOption = None,
    rules: RulesOption = None,
    db: DbOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Valuta ogni profilo e registra la valutazione (una sola volta per profilo, data e regole)."""
    giorno = parse_option_date(as_of, "--as-of", lang)
    storico = apri(db, lang)
    with input_errors(lang):
        pack = load_rules(rules)
    for riga in registra_profili(storico, profili, pack, giorno, lang):
        typer.echo(riga)


def registra_profili(
    storico: Storico, profili: Sequence[Path], pack: RulePack, giorno: dt.date | None, lang: Lingua
) -> list[str]:
    """Evaluate every profile first (a bad one stops before any write), then store each; one line per profile."""
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile
    from avviamento.storico.db import StoricoNonValido
    from avviamento.storico.registro import chiave_unione, valutazione

    code = lang_of(lang)
    valutate = []
    with input_errors(lang):
        for path in profili:
            caricato = load_profile(path)
            esito = evaluate(caricato, pack, giorno)
            valutate.append(
                (
                    path,
                    chiave_unione(caricato.profilo),
                    valutazione(esito, caricato.profilo, path.read_bytes(), pack),
                )
            )
    righe = []
    for path, chiave, v in valutate:
        try:
            nuova = storico.registra(v, chiave)
        except StoricoNonValido as exc:
            fail(f"{storico.path}:1:1: {exc.text[code]}")
        stato = (
            {"it": "registrata", "en": "stored"} if nuova else {"it": "già presente", "en": "already stored"}
        )
        righe.append(
            f"{path}: {v.unione}, {v.data_valutazione}, {v.classe.replace('_', ' ')} — {stato[code]}"
        )
    return righe


def elenco(
    db: DbOption = None,
    formato: Annotated[
        FormatoEsporta | None, typer.Option("--format", help="json per altri programmi.")
    ] = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Le Unioni dello storico, con l'ultima classe e la sua data."""
    from avviamento.storico import render

    storico = apri(db, lang)
    ultime = []
    for chiave, _nome, _cf in storico.unioni():
        valutazioni = storico.valutazioni(chiave)
        ultime.append((valutazioni[-1], len(valutazioni)))
    if formato is FormatoEsporta.json:
        typer.echo(render.elenco_json(ultime), nl=False)
    else:
        typer.echo(render.elenco_text(ultime, lang_of(lang)), nl=False)


def mostra(
    unione: Annotated[
        str, typer.Argument(help="Nome (o parte), o codice fiscale dell'Unione.", show_default=False)
    ],
    db: DbOption = None,
    formato: Annotated[
        FormatoMostra, typer.Option("--format", help="html: con il grafico SVG.")
    ] = FormatoMostra.text,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Le valutazioni di un'Unione in ordine di data: classe, funzioni effettive, rilievi aperti."""
    from avviamento.storico import render
    from avviamento.storico.registro import trova

    code = lang_of(lang)
    storico = apri(db, lang)
    trovate = trova(storico.unioni(), unione)
    if len(trovate) != 1:
        nomi = ", ".join(t[1] for t in trovate)
        testo = (
            {"it": f"nessuna Unione «{unione}» nello storico", "en": f"no Union «{unione}» in the store"}
            if not trovate
            else {
                "it": f"«{unione}» indica più Unioni: {nomi}",
                "en": f"«{unione}» matches several Unions: {nomi}",
            }
        )
        fail(f"avviamento: storico mostra: {testo[code]}")
    valutazioni = storico.valutazioni(trovate[0][0])
    if formato is FormatoMostra.json:
        output = render.mostra_json(valutazioni)
    elif formato is FormatoMostra.html:
        output = render.mostra_html(valutazioni, code)
    else:
        output = render.mostra_text(valutazioni, code)
    typer.echo(output, nl=False)


def esporta(
    db: DbOption = None,
    formato: Annotated[FormatoEsporta, typer.Option("--format", help="csv o json.")] = FormatoEsporta.csv,
    out: Annotated[
        Path | None, typer.Option("--out", help="Scrive l'esportazione in questo file invece che a video.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Sovrascrive il file di --out se esiste.")] = False,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Tutte le valutazioni dello storico, in CSV o JSON."""
    from avviamento.storico import render

    code = lang_of(lang)
    if out is not None:
        check_destination(out, "--out", force, code)
    valutazioni = apri(db, lang).valutazioni()
    output = (
        render.esporta_json(valutazioni)
        if formato is FormatoEsporta.json
        else render.esporta_csv(valutazioni)
    )
    if out is None:
        typer.echo(output, nl=False)
    else:
        write_output(out, output, "--out", force, code)


app.command("registra")(registra)
app.command("elenco")(elenco)
app.command("mostra")(mostra)
app.command("esporta")(esporta)
