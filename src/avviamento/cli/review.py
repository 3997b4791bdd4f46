"""`avviamento review`: the regional reviewer's batch check of many Union profiles (on every core)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, TypeVar

import typer

from avviamento.cli.common import (
    AsOfOption,
    LangOption,
    Lingua,
    RulesListOption,
    fail,
    input_errors,
    lang_of,
    load_rules_list,
    parse_option_date,
    text_layout,
)
from avviamento.review.render import FormatoIstruttoria

if TYPE_CHECKING:
    from avviamento.fileio import Pubblicazione
    from avviamento.review.istruttoria import Istruttoria, Riga

T = TypeVar("T")

# From this many files a progress bar is worth drawing (on a terminal only).
SOGLIA_AVANZAMENTO = 10

MESSAGGI: dict[str, dict[str, str]] = {
    "out_errore": {
        "it": "--out: scrittura di {out} non riuscita: {dettaglio}",
        "en": "--out: could not write {out}: {dettaglio}",
    },
    "bom": {"it": "--bom: vale solo con --format csv", "en": "--bom: only applies to --format csv"},
    "per_rilievo": {
        "it": "--per-rilievo: vale solo con --format csv",
        "en": "--per-rilievo: only applies to --format csv",
    },
    "nessun_profilo": {
        "it": "nessun profilo .yaml o .yml trovato in: {percorsi}",
        "en": "no .yaml or .yml profile found in: {percorsi}",
    },
    "scritto": {
        "it": "Istruttoria di {n} scritta in {out}",
        "en": "Review of {n} written to {out}",
    },
    "jobs": {
        "it": "--jobs: deve essere un numero intero da 1 in su (ricevuto: {valore})",
        "en": "--jobs: must be a whole number from 1 up (got: {valore})",
    },
    "avanzamento": {"it": "Valutazione dei profili", "en": "Evaluating the profiles"},
    "non_cartella": {
        "it": "--report-dir: {cartella}: esiste e non è una cartella",
        "en": "--report-dir: {cartella}: exists and is not a folder",
    },
    "rapporti_errore": {
        "it": "--report-dir: scrittura in {cartella} non riuscita: {dettaglio}; nessun file scritto",
        "en": "--report-dir: could not write into {cartella}: {dettaglio}; no file written",
    },
    "rapporti_uno": {
        "it": "Rapporto di 1 Unione scritto in {cartella}",
        "en": "Report of 1 Union written to {cartella}",
    },
    "rapporti": {
        "it": "Rapporti di {n} Unioni scritti in {cartella}",
        "en": "Reports of {n} Unions written to {cartella}",
    },
    "rapporti_nessuno": {
        "it": "--report-dir: nessun profilo valido: nessun rapporto scritto",
        "en": "--report-dir: no valid profile: no report written",
    },
}


def review(
    percorsi: Annotated[
        list[Path],
        typer.Argument(
            metavar="PERCORSO",
            help="Profili YAML o cartelle che li contengono (.yaml, .yml).",
            show_default=False,
        ),
    ],
    as_of: AsOfOption = None,
    rules: RulesListOption = None,
    formato: Annotated[
        FormatoIstruttoria, typer.Option("--format", help="Formato dell'istruttoria.")
    ] = FormatoIstruttoria.table,
    out: Annotated[
        Path | None, typer.Option("--out", help="Scrive l'istruttoria in questo file invece che a video.")
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            "--report-dir",
            help="Scrive anche un rapporto HTML per ogni Unione (quello di check --format html) in questa "
            "cartella, creata se manca: il nome del file viene dal nome dell'Unione.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Sovrascrive i file esistenti (--out, --report-dir).")
    ] = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="CSV con BOM UTF-8 (per aprirlo con un doppio clic in Excel).")
    ] = False,
    per_rilievo: Annotated[
        bool,
        typer.Option(
            "--per-rilievo",
            help="Con --format csv: una riga per rilievo aperto (file, Unione, regola, gravità, stato, scadenza, "
            "giorni, messaggio, fonte) invece di una per profilo; in fondo i rilievi incrociati, una riga per "
            "ogni file che nominano.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            help="Processi in parallelo (predefinito: tutti i core; 1: un solo processo).",
            show_default=False,
        ),
    ] = None,
    storico: Annotated[
        bool,
        typer.Option("--storico", help="Registra anche ogni profilo valido nello storico delle valutazioni."),
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="File dello storico (con --storico); predefinito: quello dell'utente."),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Senza colori (come NO_COLOR).")] = False,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Istruttoria di più profili: validità, classe dichiarata e calcolata, rilievi, controlli incrociati.

    Un file non valido diventa una riga con il suo errore: la valutazione prosegue con gli altri.

    Uscita: 0 nessun errore; 1 almeno un profilo non valido o con un rilievo «errore»; 2 argomenti non utilizzabili.
    """
    from avviamento.fileio import scrittura_atomica
    from avviamento.review.batch import (
        Compattatore,
        componi,
        cpu_disponibili,
        etichette_di,
        raccogli_con_nomi,
        valuta_tutti,
    )

    code = lang_of(lang)
    giorno = parse_option_date(as_of, "--as-of", lang)
    if bom and formato is not FormatoIstruttoria.csv:
        _fail(lang, "bom")
    if per_rilievo and formato is not FormatoIstruttoria.csv:
        _fail(lang, "per_rilievo")
    if jobs is not None and jobs < 1:
        _fail(lang, "jobs", valore=jobs)
    if out is not None:
        _verifica_out(out, force, lang)
    if report_dir is not None and report_dir.exists() and not report_dir.is_dir():
        _fail(lang, "non_cartella", cartella=report_dir)
    with input_errors(lang):
        voci = raccogli_con_nomi(percorsi)
        pack = load_rules_list(rules)
    files = [path for path, _nome in voci]
    if not files:
        _fail(lang, "nessun_profilo", percorsi=", ".join(str(p) for p in percorsi))
    archivio = None
    if storico:
        from avviamento.cli.storico import apri

        archivio = apri(db, lang)  # a foreign --db stops here, before the batch

    # only the HTML report, the CSV of findings and the Unions' reports need each Union's findings: they are
    # written as the rows come, then dropped; the rows kept are compact (memory flat in the number of files)
    con_rilievi = formato is FormatoIstruttoria.html or per_rilievo or report_dir is not None
    etichette = etichette_di(pack[0])
    dettagli = _spool() if formato is FormatoIstruttoria.html else None
    rilievi: TextIO | None = None
    scrittore_rilievi = None
    if per_rilievo:
        from avviamento.review.render.csv import RilieviCsv

        rilievi = _spool()
        scrittore_rilievi = RilieviCsv(rilievi, code, len(pack) > 1, bom=bom)
    pubblicazione = None
    rapporti = None
    if report_dir is not None:
        from avviamento.fileio import Pubblicazione
        from avviamento.review.rapporti import RapportiUnioni

        # each report goes to disk as its row comes (a hidden folder inside report_dir), all published at the end
        pubblicazione = Pubblicazione(report_dir, sovrascrivi=force)
        rapporti = RapportiUnioni(code, pubblicazione)
    compatta = Compattatore()

    def lavoro(avanza: Callable[[Path], None] | None) -> Istruttoria:
        righe: list[Riga] = []
        valutate = valuta_tutti(
            files,
            pack,
            giorno,
            con_rilievi=con_rilievi,
            jobs=jobs or cpu_disponibili(),
            nomi=[nome for _path, nome in voci],
        )
        for i, (path, riga) in enumerate(valutate, 1):
            if dettagli is not None:
                from avviamento.review.render.html import dettaglio

                dettagli.write(dettaglio(i, riga, etichette, code) + "\n")
            if scrittore_rilievi is not None:
                scrittore_rilievi.aggiungi(riga)
            if rapporti is not None and report_dir is not None:
                with _errori_rapporti(report_dir, lang):
                    rapporti.aggiungi(riga)
            righe.append(compatta(riga))
            if avanza is not None:
                avanza(path)
        return componi(righe, pack, giorno)

    try:
        istruttoria = _con_avanzamento(len(files), MESSAGGI["avanzamento"][code], lavoro)
        if scrittore_rilievi is not None:
            scrittore_rilievi.aggiungi_incrociati(istruttoria)
        if archivio is not None:
            from avviamento.cli.storico import registra_profili

            validi = [f for f, riga in zip(files, istruttoria.righe, strict=True) if riga.valido]
            # the history keeps the first pack
            for riga in registra_profili(archivio, validi, pack[0], giorno, lang):
                typer.echo(riga, err=True)
        if pubblicazione is not None and report_dir is not None:
            _pubblica_rapporti(pubblicazione, report_dir, lang)
    finally:
        if pubblicazione is not None:
            pubblicazione.chiudi()  # an error or Ctrl-C before the end: no report written, no folder left

    def scrivi(flusso: TextIO) -> None:
        if rilievi is not None:
            rilievi.seek(0)
            shutil.copyfileobj(rilievi, flusso)
        else:
            _scrivi(
                istruttoria,
                formato,
                lang,
                flusso,
                bom=bom,
                a_video=out is None,
                no_color=no_color,
                dettagli=dettagli,
            )

    if out is None:
        scrivi(sys.stdout)
    else:
        try:
            with scrittura_atomica(out, sovrascrivi=force) as fh:
                # streamed into the temporary file, as to the screen: memory stays flat in the number of files
                testo = io.TextIOWrapper(fh, encoding="utf-8", newline="")
                scrivi(testo)
                testo.detach()  # flushed, and the file left open for the move into place
        except FileExistsError:  # created meanwhile, by another run: never replaced without --force
            from avviamento.fileio import ESISTE

            fail(f"avviamento: --out: {out}: {ESISTE[code]}")
        except OSError as exc:
            _fail(lang, "out_errore", out=out, dettaglio=exc.strerror or str(exc))
        typer.echo(
            MESSAGGI["scritto"][code].format(n=_profili(len(istruttoria.righe), code), out=out), err=True
        )
    raise typer.Exit(1 if istruttoria.esito_negativo else 0)


def _spool() -> TextIO:
    """Text kept in memory up to 1 MiB, then in a temporary file."""
    import tempfile

    return tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8", newline="")  # type: ignore[return-value]


def _fail(lang: Lingua, chiave: str, **valori: object) -> NoReturn:
    fail("avviamento: " + MESSAGGI[chiave][lang_of(lang)].format(**valori))


@contextlib.contextmanager
def _errori_rapporti(cartella: Path, lang: Lingua) -> Iterator[None]:
    from avviamento.fileio import ESISTE

    try:
        yield
    except FileExistsError as exc:  # already there, or created meanwhile by another run: kept without --force
        fail(f"avviamento: --report-dir: {exc.filename}: {ESISTE[lang_of(lang)]}")
    except OSError as exc:
        _fail(lang, "rapporti_errore", cartella=cartella, dettaglio=exc.strerror or str(exc))


def _pubblica_rapporti(pubblicazione: Pubblicazione, cartella: Path, lang: Lingua) -> None:
    """Every Union's report lands in the folder, or none does."""
    code = lang_of(lang)
    n = len(pubblicazione.bersagli)
    if not n:
        typer.echo("avviamento: " + MESSAGGI["rapporti_nessuno"][code], err=True)
        return
    with _errori_rapporti(cartella, lang):
        pubblicazione.pubblica()
    chiave = "rapporti_uno" if n == 1 else "rapporti"
    typer.echo(MESSAGGI[chiave][code].format(n=n, cartella=cartella), err=True)


def _verifica_out(out: Path, force: bool, lang: Lingua) -> None:
    """Refuse before the batch runs, not after: the reviewer should not wait to learn the file exists."""
    from avviamento.fileio import problema_destinazione

    problema = problema_destinazione(out, sovrascrivi=force)
    if problema:
        fail(f"avviamento: --out: {out}: {problema[lang_of(lang)]}")


def _con_avanzamento(totale: int, etichetta: str, lavoro: Callable[[Callable[[Path], None] | None], T]) -> T:
    """A progress bar on standard error, only when it is a terminal and the batch is long."""
    if totale < SOGLIA_AVANZAMENTO or not sys.stderr.isatty():
        return lavoro(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    colonne = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*colonne, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(etichetta, total=totale)
        return lavoro(lambda _path: progress.advance(task))


def _scrivi(
    istruttoria: Istruttoria,
    formato: FormatoIstruttoria,
    lang: Lingua,
    flusso: TextIO,
    *,
    bom: bool,
    a_video: bool,
    no_color: bool = False,
    dettagli: TextIO | None = None,
) -> None:
    code = lang_of(lang)
    if formato is FormatoIstruttoria.csv:
        from avviamento.review.render import csv

        csv.scrivi(istruttoria, flusso, code, bom=bom)
    elif formato is FormatoIstruttoria.json:
        from avviamento.review.render import json

        json.scrivi(istruttoria, flusso, code)
    elif formato is FormatoIstruttoria.html:
        from avviamento.review.render import html

        html.scrivi(istruttoria, flusso, code, dettagli)
    else:
        from avviamento.review.render import table

        colore, larghezza = text_layout(no_color) if a_video else (False, None)
        if larghezza is None:
            table.scrivi_semplice(istruttoria, flusso, code)  # no rich: several times cheaper
        else:
            flusso.write(table.render(istruttoria, code, color=colore, width=larghezza))


def _profili(n: int, lang: str) -> str:
    if lang == "it":
        return f"{n} {'profilo' if n == 1 else 'profili'}"
    return f"{n} {'profile' if n == 1 else 'profiles'}"
