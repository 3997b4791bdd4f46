"""`avviamento draft` (the acts that cure each open gap, as .docx) and `avviamento templates lint`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import (
    MARKUP,
    AsOfOption,
    LangOption,
    RulesListOption,
    fail,
    input_errors,
    lang_of,
    load_rules_list,
    parse_option_date,
    text_layout,
)
from avviamento.i18n import contati


class TipoAtto(StrEnum):
    convenzione = "convenzione"
    delibera = "delibera"
    regolamento = "regolamento"
    piano = "piano"
    partecipazione = "partecipazione"


def draft(
    profilo: Annotated[Path, typer.Argument(help="Profilo YAML dell'Unione.", show_default=False)],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="CARTELLA", help="Cartella in cui scrivere gli atti (creata se manca)."
        ),
    ] = None,
    as_of: AsOfOption = None,
    only: Annotated[
        list[TipoAtto] | None,
        typer.Option(
            "--only",
            help="Solo atti di questo tipo (ripetibile): convenzione, delibera, regolamento, piano, "
            "partecipazione (atti del processo partecipativo, L.R. 15/2018, e Patto per lo sviluppo).",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="CARTELLA",
            help="Cartella di modelli propri, con la struttura di quella inclusa.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Sovrascrive i file già presenti.")] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Converte anche in PDF con LibreOffice (soffice).")
    ] = False,
    immediata: Annotated[
        bool,
        typer.Option(
            "--immediata-eseguibilita",
            help="Nelle delibere, la dichiarazione di immediata eseguibilità (TUEL art. 134 c.4).",
        ),
    ] = False,
    rules: RulesListOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Redige gli atti che sanano le lacune aperte: convenzioni, delibere consiliari, regolamenti, piani (.docx).

    Con --rules rules/er_lr15_2018.yaml anche gli atti del processo partecipativo e il Patto per lo sviluppo.

    Scrive anche indice.md e indice.json. Non sovrascrive file esistenti senza --force.

    Uscita: 0 atti scritti; 2 input non utilizzabile o azione rifiutata (nessun file modificato).
    """
    from avviamento.draft.redazione import Opzioni, redigi
    from avviamento.draft.writer import ErroreRedazione
    from avviamento.engine import evaluate_packs
    from avviamento.profilo import load_profile
    from avviamento.risorse import templates_dir

    code = lang_of(lang)
    if out is None:
        fail(
            "avviamento: --out: indicare la cartella in cui scrivere gli atti"
            if code == "it"
            else "avviamento: --out: give the folder to write the acts into"
        )
    giorno = parse_option_date(as_of, "--as-of", lang)
    if templates is not None and not templates.is_dir():
        fail(
            f"avviamento: --templates: {templates}: cartella non trovata"
            if code == "it"
            else f"avviamento: --templates: {templates}: folder not found"
        )
    with input_errors(lang):
        packs = load_rules_list(rules)
        pack = packs[0]  # the first pack drives the schedule / the acts; every pack adds its findings
        caricato = load_profile(profilo)
        esito = evaluate_packs(caricato, packs, giorno)
    opzioni = Opzioni(
        out=out,
        modelli=templates or templates_dir(),
        solo=frozenset(t.value for t in only) if only else None,
        force=force,
        pdf=pdf,
        immediata_eseguibilita=immediata,
        lang=code,
    )
    try:
        risultato = redigi(caricato.profilo, pack, esito, opzioni)
    except ErroreRedazione as exc:
        fail(exc.testo[code])
    except OSError as exc:
        fail(
            f"avviamento: --out: {exc.strerror or exc} ({exc.filename or out}); nessun file modificato"
            if code == "it"
            else f"avviamento: --out: {exc.strerror or exc} ({exc.filename or out}); no file changed"
        )
    from avviamento.draft.indice import riepilogo

    for rimedio in risultato.senza_modello:
        typer.echo(
            f"avviamento: nessun modello per «{rimedio}»: atto non redatto"
            if code == "it"
            else f"avviamento: no template for «{rimedio}»: act not drafted",
            err=True,
        )
    _colore, larghezza = text_layout()
    testo = riepilogo(risultato.atti, esito, out, code, larghezza)
    if larghezza is not None and risultato.atti:
        from avviamento.draft.indice import UI
        from avviamento.review.render.spezza import adatta_tabella

        # the file column starts where the header line's last word does
        testata = testo.splitlines()[1]
        testo = adatta_tabella(testo, len(testata) - len(UI["file"][code]), larghezza)
    typer.echo(testo, nl=False)


app = typer.Typer(
    help="Modelli degli atti: verifica dei modelli inclusi o propri.",
    no_args_is_help=True,
    rich_markup_mode=MARKUP,
)


@app.command("lint")
def lint(
    cartella: Annotated[
        Path | None,
        typer.Argument(help="Cartella dei modelli (predefinita: quella inclusa).", show_default=False),
    ] = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Verifica i modelli: ogni variabile esiste nel contesto di redazione e i tag sono ben posizionati.

    Uscita: 0 nessun problema; 2 almeno un problema.
    """
    from avviamento.draft.lint import verifica_cartella
    from avviamento.risorse import templates_dir

    code = lang_of(lang)
    radice = cartella or templates_dir()
    verificati, problemi = verifica_cartella(radice, str(radice))
    for problema in problemi:
        typer.echo(problema.riga(code), err=True)
    if problemi:
        raise typer.Exit(2)
    typer.echo(
        f"{radice}: {contati(verificati, 'modello verificato', 'modelli verificati')}, nessun problema"
        if code == "it"
        else f"{radice}: {contati(verificati, 'template checked', 'templates checked')}, no problems"
    )
