"""A Markdown report, for a wiki, a ticket or a document."""

from __future__ import annotations

from avviamento.esito import Esito
from avviamento.i18n import Lang, data_estesa
from avviamento.reporters.common import (
    COLONNE_INDICATORI,
    FAMIGLIE,
    GRAVITA,
    classe_testo,
    conteggio,
    fonte_testo,
    indicatori_per_funzione,
    mostra_classe,
    mostra_funzioni,
    rimedi_testo,
    stato_testo,
    titolo,
    ui,
    valore_indicatore,
)
from avviamento.testo import md_escape


def render(esito: Esito, lang: Lang = "it") -> str:
    lines = [f"# {md_escape(esito.unione)} — {md_escape(titolo(esito, lang))}", ""]
    lines.append(f"- **{ui('data', lang)}**: {data_estesa(esito.data_valutazione, lang)}")
    for p in esito.pacchetti or (esito.regole,):
        lines.append(f"- **{ui('regole', lang)}**: `{p.id}` {p.versione} (sha256 `{p.sha256}`)")
    if mostra_classe(esito):
        lines.append(
            f"- **{ui('classe', lang)}**: {classe_testo(esito.classe, lang)} "
            f"({ui('dichiarata', lang)}: {classe_testo(esito.classe_dichiarata, lang)})"
        )
        for motivo in esito.motivi_classe:
            lines.append(f"  - {ui('perche', lang)}: {md_escape(motivo[lang])}")
    lines.append(f"- **{ui('esito', lang)}**: {ui(esito.esito, lang)} — {conteggio(esito, lang)}")
    if mostra_funzioni(esito):
        lines += ["", f"## {ui('funzioni', lang)}", ""]
        if not esito.funzioni:
            lines.append(ui("nessuna_funzione", lang))
    for f in esito.funzioni:
        stato = ui("effettiva", lang) if f.effettiva else ui("non_effettiva", lang)
        dettaglio = "" if f.effettiva else " — " + md_escape("; ".join(m[lang] for m in f.motivi))
        lines.append(f"- {'✔' if f.effettiva else '✘'} {md_escape(f.etichetta[lang])}: {stato}{dettaglio}")
    lines += _indicatori(esito, lang)
    lines += ["", f"## {ui('rilievi', lang)}", ""]
    aperti = [r for r in esito.rilievi if r.aperto]
    if not aperti:
        lines.append(ui("nessun_rilievo", lang))
    for gravita in ("errore", "avviso", "info"):
        gruppo = [r for r in aperti if r.gravita == gravita]
        if not gruppo:
            continue
        lines += [f"### {GRAVITA[gravita][lang]} ({len(gruppo)})", ""]
        for r in gruppo:
            lines.append(f"- **{r.regola}** ({stato_testo(r, lang)}): {md_escape(r.messaggio[lang])}")
            fonte = md_escape(fonte_testo(r, lang))
            if r.fonte.url:
                fonte = f"[{fonte}]({r.fonte.url})"
            lines.append(f"  - {ui('fonte', lang)}: {fonte}")
            if r.rimedi:
                rimedi = rimedi_testo(r.rimedi, esito, lang)
                lines.append(f"  - {ui('rimedi', lang)}: {md_escape(rimedi)}")
        lines.append("")
    soddisfatte = sorted({r.regola for r in esito.rilievi if r.stato == "soddisfatta"})
    if soddisfatte:
        lines += ["", f"{ui('soddisfatte', lang)}: {', '.join(soddisfatte)}"]
    return "\n".join(lines).rstrip() + "\n"


def _indicatori(esito: Esito, lang: Lang) -> list[str]:
    """The Carta d'identità indicators: a table per function (none without the profile's section)."""
    if not esito.indicatori:
        return []
    colonne = [COLONNE_INDICATORI[k][lang] for k in ("anno", "famiglia", "codice", "valore", "fonte")]
    lines = ["", f"## {ui('indicatori', lang)}"]
    for funzione, indicatori in indicatori_per_funzione(esito, lang):
        lines += [
            "",
            f"### {md_escape(funzione)}",
            "",
            "| " + " | ".join(colonne) + " |",
            "|---|---|---|--:|---|",
        ]
        for i in indicatori:
            celle = [
                str(i.anno),
                FAMIGLIE[i.famiglia][lang],
                i.codice,
                valore_indicatore(i, lang),
                i.fonte or "—",
            ]
            lines.append("| " + " | ".join(md_escape(c) for c in celle) + " |")
    return lines
