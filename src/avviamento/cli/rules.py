"""`avviamento rules`: read, show and lint rule packs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avviamento.cli.common import MARKUP, LangOption, RulesOption, fail, input_errors, lang_of, load_rules

app = typer.Typer(
    help="Consulta e verifica il pacchetto di regole.", no_args_is_help=True, rich_markup_mode=MARKUP
)

CONFIDENZA = {"verificata": "verificata", "secondaria": "secondaria", "da_verificare": "da verificare"}


@app.command("list")
def list_rules(rules: RulesOption = None, lang: LangOption = ...) -> None:  # type: ignore[assignment]
    """Elenca le regole (di ogni pacchetto incluso, senza --rules): codice, gravità, tipo, confidenza, titolo."""
    from avviamento.risorse import bundled_packs

    with input_errors(lang):
        packs = [load_rules(rules)] if rules else [load_rules(p) for p in bundled_packs()]
    code = lang_of(lang)
    for i, pack in enumerate(packs):
        if i:
            typer.echo("")
        typer.echo(f"{pack.id} {pack.versione} — sha256 {pack.sha256}")
        for r in pack.pacchetto.regole:
            titolo = getattr(r.titolo, code)
            typer.echo(f"{r.codice}  {r.gravita:<7} {r.tipo:<28} {r.confidenza:<13} {titolo}")


@app.command("show")
def show_rule(
    codice: Annotated[str, typer.Argument(help="Codice della regola, ad es. ER-002.")],
    rules: RulesOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Mostra una regola: fonte, parametri, scadenza e storia dei valori in vigore."""
    from avviamento.errors import both, did_you_mean

    code = lang_of(lang)
    with input_errors(lang):
        pack = load_rules(rules)
    regola = pack.regola(codice.upper())
    if regola is None:
        codici = [r.codice for r in pack.pacchetto.regole]
        fail(
            "avviamento: "
            + both("unknown_rule", code=codice, hint=did_you_mean(codice.upper(), codici))[code]
        )
    f = regola.fonte
    lines = [
        f"{regola.codice} — {getattr(regola.titolo, code)} ({regola.slug})",
        f"gravità: {regola.gravita} · tipo: {regola.tipo} · parametri: {regola.parametri}",
        f"fonte: {f.atto}"
        + (f", art. {f.articolo}" if f.articolo else "")
        + (f", c. {f.comma}" if f.comma else ""),
        f"url: {f.url or '—'}",
        f"confidenza: {CONFIDENZA[regola.confidenza]} · verificata il: {regola.verificata_il or '—'}",
        f"classi: {', '.join(regola.classi) if regola.classi else 'tutte'}",
        f"messaggio: {getattr(regola.messaggio, code)}",
        f"rimedi: {', '.join(regola.rimedi) or '—'}",
    ]
    if regola.nota:
        lines.append(f"nota: {regola.nota}")
    if regola.storia:
        lines.append("storia della regola:")
        lines += [f"  {m.versione}: {m.nota}" for m in regola.storia]
    riferimenti = [
        v for v in regola.parametri.values() if isinstance(v, str) and v in pack.pacchetto.parametri
    ]
    if regola.tipo in ("classe_raggiunta", "classe_dichiarata"):
        for (
            classe
        ) in pack.pacchetto.classi:  # the class definitions these rules test, with their dated conditions
            minimo = f"{classe.minimo.parametro} ({classe.minimo.gruppo})" if classe.minimo else "—"
            lines.append(
                f"classe «{classe.codice}»: funzioni richieste {', '.join(classe.funzioni_richieste) or '—'}"
                f" · minimo {minimo} · {CONFIDENZA[classe.confidenza]}; {classe.fonte.atto}"
            )
            for c in classe.condizioni:
                fino = c.valido_al.isoformat() if c.valido_al else "in corso"
                lines.append(
                    f"  condizione {c.tipo} dal {c.valido_dal.isoformat()} → {fino}: "
                    + ", ".join(x for x in (c.parametro, c.percentuale) if x)
                    + f" ({CONFIDENZA[c.confidenza]}; {c.fonte.atto})"
                )
            nomi = [classe.minimo.parametro] if classe.minimo else []
            nomi += [x for c in classe.condizioni for x in (c.parametro, c.percentuale) if x]
            riferimenti += [n for n in nomi if n in pack.pacchetto.parametri and n not in riferimenti]
    if regola.scadenza:
        lines.append(f"scadenza: {regola.scadenza} (per le classi {', '.join(regola.classi_scadenza)})")
        riferimenti.append(regola.scadenza)
    for nome in riferimenti:
        parametro = pack.pacchetto.parametri.get(nome) or pack.pacchetto.scadenze.get(nome)
        if parametro is None:
            continue
        lines.append(f"storia di «{nome}» — {getattr(parametro.descrizione, code)}:")
        for v in parametro.valori:
            fino = v.valido_al.isoformat() if v.valido_al else "in corso"
            valore = "non definito" if v.valore is None else v.valore
            lines.append(
                f"  {v.valido_dal.isoformat()} → {fino}: {valore} ({CONFIDENZA[v.confidenza]}; {v.fonte.atto})"
                + (f" — {v.nota}" if v.nota else "")
            )
    typer.echo("\n".join(lines))


@app.command("lint")
def lint(
    file: Annotated[Path, typer.Argument(help="Pacchetto di regole da verificare.")],
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Verifica un pacchetto: tipi sconosciuti, fonti mancanti, rimedi pendenti, periodi sovrapposti."""
    from avviamento.regole import lint_pack

    code = lang_of(lang)
    with input_errors(lang):
        problems = lint_pack(file)
    for problem in problems:
        typer.echo(problem.error().render(code), err=True)
    if problems:
        raise typer.Exit(2)
    typer.echo(f"{file}: nessun problema" if code == "it" else f"{file}: no problems")


@app.command("funzioni")
def funzioni(rules: RulesOption = None, lang: LangOption = ...) -> None:  # type: ignore[assignment]
    """Elenca il catalogo delle funzioni: codice da usare in `funzioni:`, denominazione, se conta per le classi."""
    code = lang_of(lang)
    with input_errors(lang):
        pack = load_rules(rules)
    art7 = {
        "obbligatoria": {"it": "obbligatoria", "en": "mandatory"},
        "chiave": {"it": "chiave", "en": "key"},
        None: {"it": "—", "en": "—"},
    }
    prt = {True: {"it": "sì", "en": "yes"}, False: {"it": "no", "en": "no"}}
    prt_incerto = {"it": "da verificare", "en": "to be checked"}
    intestazione = {
        "it": ("codice", "denominazione", "art. 7 c.3", "conta PRT", "DL 78 c.27"),
        "en": ("code", "name", "art. 7 c.3", "PRT count", "DL 78 c.27"),
    }[code]
    righe = [intestazione] + [
        (
            f.codice,
            getattr(f.etichetta, code),
            art7[f.art7_c3][code],
            prt_incerto[code] if f.conta_prt == "da_verificare" else prt[bool(f.conta_prt)][code],
            f"lett. {f.lettera_dl78})" if f.lettera_dl78 else "—",
        )
        for f in pack.pacchetto.funzioni
    ]
    larghezze = [max(len(r[i]) for r in righe) for i in range(4)]
    for r in righe:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(r[:4], larghezze, strict=True)) + "  " + r[4])
