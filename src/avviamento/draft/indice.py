"""The index of a drafting run (`indice.json`, `indice.md`) and the summary printed on the terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

from avviamento.draft.atti import Atto
from avviamento.esito import Esito
from avviamento.i18n import Lang, data_estesa
from avviamento.testo import senza_controlli

TIPI_TESTO: dict[str, dict[str, str]] = {
    "convenzione": {"it": "convenzione", "en": "agreement"},
    "delibera": {"it": "delibera consiliare", "en": "council resolution"},
    "regolamento": {"it": "regolamento", "en": "regulation"},
    "piano": {"it": "piano", "en": "plan"},
    "delibera_unione": {"it": "delibera del Consiglio dell'Unione", "en": "Union council resolution"},
    "adozione": {"it": "delibera di adozione", "en": "adoption resolution"},
    "impegno": {"it": "delibera di impegno (art. 16)", "en": "commitment resolution (art. 16)"},
    "tavolo": {"it": "verbale del Tavolo di Negoziazione", "en": "Negotiation Table record"},
    "docpp": {"it": "DocPP", "en": "DocPP (participatory proposal)"},
    "relazione_finale": {"it": "relazione finale", "en": "final report"},
    "presa_atto": {"it": "delibera di presa d'atto (art. 19)", "en": "acknowledgement resolution (art. 19)"},
    "patto": {"it": "Patto per lo sviluppo", "en": "development Pact"},
}
PLURALI: dict[str, dict[str, str]] = {
    "convenzione": {"it": "convenzioni", "en": "agreements"},
    "delibera": {"it": "delibere", "en": "resolutions"},
    "regolamento": {"it": "regolamenti", "en": "regulations"},
    "piano": {"it": "piani", "en": "plans"},
    "delibera_unione": {"it": "delibere del Consiglio dell'Unione", "en": "Union council resolutions"},
    "adozione": {"it": "delibere di adozione", "en": "adoption resolutions"},
    "impegno": {"it": "delibere di impegno (art. 16)", "en": "commitment resolutions (art. 16)"},
    "tavolo": {"it": "verbali del Tavolo di Negoziazione", "en": "Negotiation Table records"},
    "docpp": {"it": "DocPP", "en": "DocPPs"},
    "relazione_finale": {"it": "relazioni finali", "en": "final reports"},
    "presa_atto": {"it": "delibere di presa d'atto (art. 19)", "en": "acknowledgement resolutions (art. 19)"},
    "patto": {"it": "Patti per lo sviluppo", "en": "development Pacts"},
}
UI: dict[str, dict[str, str]] = {
    "titolo": {"it": "Atti redatti", "en": "Drafted acts"},
    "data": {"it": "Data di valutazione", "en": "Evaluation date"},
    "regole": {"it": "Regole", "en": "Rules"},
    "file": {"it": "File", "en": "File"},
    "tipo": {"it": "Tipo", "en": "Kind"},
    "funzione": {"it": "Funzione", "en": "Function"},
    "comune": {"it": "Comune", "en": "Comune"},
    "rilievi": {"it": "Rilievi", "en": "Findings"},
    "nessuno": {
        "it": "Nessun atto da redigere: nessuna lacuna aperta che un atto possa sanare.",
        "en": "No act to draft: no open gap that an act can cure.",
    },
    "legenda": {"it": "Rilievi sanati", "en": "Findings cured"},
    "nota": {
        "it": (
            "Gli atti sono schemi: ogni dato che il profilo non contiene è segnato «[DA COMPLETARE: …]», "
            "evidenziato in giallo. Verificarli e completarli prima di iscriverli all'ordine del giorno."
        ),
        "en": (
            "The acts are drafts: every datum the profile lacks is marked «[DA COMPLETARE: …]», highlighted in "
            "yellow. Check and complete them before putting them on the agenda. The acts are in Italian."
        ),
    },
    "totale": {"it": "atti", "en": "acts"},
    "totale_uno": {"it": "atto", "en": "act"},
    "indice": {"it": "indice", "en": "index"},
}


def voci(atti: tuple[Atto, ...]) -> list[dict[str, object]]:
    """`indice.json`: the contract of the Drafting section (file relative to --out)."""
    return [
        {
            "file": a.file,
            "tipo": a.tipo,
            "funzione": a.funzione,
            "comune": a.comune,
            "rilievi": list(a.rilievi),
        }
        for a in atti
    ]


def indice_json(atti: tuple[Atto, ...]) -> str:
    return json.dumps(voci(atti), ensure_ascii=False, indent=2) + "\n"


def _md(testo: str) -> str:
    """Names are data: in a Markdown table they must not open a tag, a link or a new column."""
    return re.sub(r"([\\`*_\[\]<>|#&])", r"\\\1", senza_controlli(testo))


def indice_md(atti: tuple[Atto, ...], esito: Esito, lang: Lang) -> str:
    etichette = {f.codice: f.etichetta[lang] for f in esito.funzioni}
    righe = [
        f"# {UI['titolo'][lang]} — {_md(esito.unione)}",
        "",
        f"{UI['data'][lang]}: {data_estesa(esito.data_valutazione, lang)} · {UI['regole'][lang]}: "
        f"{esito.regole.id} {esito.regole.versione}",
        "",
    ]
    if not atti:
        righe.append(UI["nessuno"][lang])
    else:
        colonne = ("file", "tipo", "funzione", "comune", "rilievi")
        righe.append("| " + " | ".join(UI[c][lang] for c in colonne) + " |")
        righe.append("|" + "---|" * len(colonne))
        for a in atti:
            funzione = _md(etichette.get(a.funzione, a.funzione)) if a.funzione else "—"
            if a.processo is not None and a.oggetto:  # an act of a participatory process: its title
                funzione = f"«{_md(a.oggetto)}»"
            righe.append(
                f"| [{a.file}]({a.file}) | {TIPI_TESTO[a.tipo][lang]} | {funzione} | "  # file names are sanitised
                f"{_md(a.comune) if a.comune else '—'} | {', '.join(a.rilievi) or '—'} |"
            )
        codici = sorted({c for a in atti for c in a.rilievi})
        if codici:
            righe += ["", f"## {UI['legenda'][lang]}", ""]
            for codice in codici:
                messaggi = list(
                    dict.fromkeys(r.messaggio[lang] for r in esito.rilievi if r.regola == codice and r.aperto)
                )
                righe.append(f"- **{codice}**: " + " ".join(_md(m) for m in messaggi))
        righe += ["", UI["nota"][lang]]
    return "\n".join(righe) + "\n"


def _riga(testo: str) -> str:
    """A name on one terminal line: its ESC must not drive the terminal, its newline not break the table."""
    return " ".join(senza_controlli(testo).split())


def riepilogo(
    atti: tuple[Atto, ...], esito: Esito, out: Path, lang: Lang, larghezza: int | None = None
) -> str:
    """The summary table on the terminal: one line per act, then the totals. On a terminal narrower than the
    table (`larghezza`), one block per act: its description wrapped at spaces, its file on the next line(s),
    broken only after / _ -."""
    etichette = {f.codice: f.etichetta[lang] for f in esito.funzioni}
    intestazione = (
        UI["tipo"][lang],
        UI["funzione"][lang],
        UI["comune"][lang],
        UI["rilievi"][lang],
        UI["file"][lang],
    )
    righe = [
        (
            TIPI_TESTO[a.tipo][lang],
            etichette.get(a.funzione, a.funzione) if a.funzione else _oggetto(a.oggetto),
            _riga(a.comune) if a.comune else "—",
            ", ".join(a.rilievi) or "—",
            a.file,
        )
        for a in atti
    ]
    testo = [
        f"{_riga(esito.unione)} — {UI['titolo'][lang]} ({UI['data'][lang]}: {data_estesa(esito.data_valutazione, lang)})"
    ]
    if not righe:
        testo.append(UI["nessuno"][lang])
    else:
        larghezze = [max(len(r[i]) for r in [intestazione, *righe]) for i in range(len(intestazione) - 1)]
        if larghezza is not None and sum(larghezze) + 2 * len(larghezze) > larghezza:
            testo.extend(_blocchi(righe, larghezza))
            righe = []
        for riga in [intestazione, *righe] if righe else []:
            testo.append(
                "  ".join(v.ljust(w) for v, w in zip(riga, larghezze, strict=False)) + "  " + riga[-1]
            )
    conteggi = [
        f"{n} {PLURALI[t][lang] if n != 1 else TIPI_TESTO[t][lang]}"
        for t in PLURALI
        if (n := sum(1 for a in atti if a.tipo == t))
    ]
    totale = f"{len(atti)} {UI['totale_uno' if len(atti) == 1 else 'totale'][lang]}" + (
        f": {', '.join(conteggi)}" if conteggi else ""
    )
    testo.append(f"{totale} · {UI['indice'][lang]}: {out / 'indice.md'}, {out / 'indice.json'}")
    return "\n".join(testo) + "\n"


def _oggetto(oggetto: str | None) -> str:
    """A regolamento or plan by its title (`piano_formazione` → «Piano di formazione unitario»)."""
    from avviamento.draft.contesto import PIANI, REGOLAMENTI

    adozione = PIANI.get(oggetto or "") or REGOLAMENTI.get(oggetto or "")
    return adozione.titolo if adozione else _riga(oggetto or "—")


def _blocchi(righe: list[tuple[str, str, str, str, str]], larghezza: int) -> list[str]:
    import textwrap

    from avviamento.review.render.spezza import spezza_nome

    testo: list[str] = []
    for tipo, funzione, comune, rilievi, file in righe:
        descrizione = " · ".join(v for v in (tipo, funzione, comune) if v != "—")
        if rilievi != "—":
            descrizione += f" ({rilievi})"
        testo.extend(
            textwrap.wrap(
                descrizione,
                max(larghezza, 20),
                subsequent_indent="  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        testo.extend("    " + pezzo for pezzo in spezza_nome(file, max(larghezza - 4, 20)))
    return testo


# the order of adoption: the councils confer, the Consiglio dell'Unione accepts, the parties sign; then the
# organs of the Unione adopt the regolamenti and plans (each the annex of its deliberation)
FASI: dict[str, tuple[int, str]] = {
    "delibera": (1, "Deliberazioni dei Consigli comunali"),
    "delibera_unione": (2, "Deliberazioni del Consiglio dell’Unione"),
    "convenzione": (3, "Sottoscrizione digitale delle convenzioni"),
    "adozione": (4, "Adozione dei regolamenti e dei piani"),
    "regolamento": (4, "Adozione dei regolamenti e dei piani"),
    "piano": (4, "Adozione dei regolamenti e dei piani"),
    "impegno": (5, "Avvio del processo partecipativo (L.R. Emilia-Romagna 15/2018)"),
    "tavolo": (5, "Avvio del processo partecipativo (L.R. Emilia-Romagna 15/2018)"),
    "docpp": (6, "Conclusione del processo partecipativo"),
    "relazione_finale": (6, "Conclusione del processo partecipativo"),
    "presa_atto": (6, "Conclusione del processo partecipativo"),
    "patto": (7, "Patto per lo sviluppo del territorio"),
}
# what each act of a participatory process is and who adopts or signs it («{ente}»: the body that decides)
ATTI_PROCESSO: dict[str, tuple[str, str]] = {
    "impegno": (
        "Deliberazione: impegno al processo «{titolo}» e alla sospensione degli atti (art. 16)",
        "Giunta",
    ),
    "tavolo": (
        "Verbale di costituzione del Tavolo di Negoziazione del processo «{titolo}»",
        "Tavolo di Negoziazione",
    ),
    "docpp": (
        "Documento di proposta partecipata del processo «{titolo}»",
        "Responsabile del progetto; Tecnico di garanzia (validazione)",
    ),
    "relazione_finale": (
        "Relazione finale e rendiconto del processo «{titolo}»",
        "Responsabile del progetto (alla Regione)",
    ),
    "presa_atto": ("Deliberazione: presa d’atto del processo «{titolo}» e del DocPP (art. 19)", "Giunta"),
}


LARGHEZZE = (9.5, 6.0, 3.7, 6.5)  # cm, of the 25.7 cm of text


def _descrizione(atto: Atto, etichette: dict[str, str]) -> tuple[str, str]:
    """What the act is and who adopts or signs it, for the mayors."""
    from avviamento.draft.contesto import PIANI, REGOLAMENTI

    funzione = etichette.get(atto.funzione or "", atto.funzione or "")
    adozione = REGOLAMENTI.get(atto.oggetto or "") or PIANI.get(atto.oggetto or "")
    if atto.tipo == "delibera":
        return (
            f"Deliberazione consiliare: conferimento della funzione «{funzione}»",
            f"Consiglio comunale di {atto.comune}",
        )
    if atto.tipo == "delibera_unione":
        return (
            f"Deliberazione: accettazione del conferimento della funzione «{funzione}»",
            "Consiglio dell’Unione",
        )
    if atto.tipo == "convenzione":
        return (
            f"Convenzione per la funzione «{funzione}»",
            "Sindaci e Presidente dell’Unione (firma digitale)",
        )
    if atto.tipo == "patto":
        return "Patto per lo sviluppo del territorio", "Presidente dell’Unione, Sindaci e parti firmatarie"
    if atto.tipo in ATTI_PROCESSO:
        testo, organo = ATTI_PROCESSO[atto.tipo]
        return testo.format(titolo=atto.oggetto or ""), organo
    titolo = adozione.titolo if adozione else atto.oggetto or ""
    organo = adozione.organo if adozione else "—"
    if atto.tipo == "adozione":
        return f"Deliberazione di adozione: {titolo}", organo
    return f"{titolo} (allegato A alla deliberazione di adozione)", organo


def _divisibile(nome: str) -> str:
    """A file name that a narrow column may wrap only after its separators, never mid-word: a zero-width space
    after each `/`, `_` and `-`."""
    return re.sub(r"([/_-])", "\\1\u200b", nome)


def indice_docx(atti: tuple[Atto, ...], esito: Esito) -> bytes:
    """`indice.docx`: the acts in the order of adoption, the findings each cures — what a segretario forwards
    to the mayors. In Italian, as the acts are."""
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    etichette = {f.codice: f.etichetta["it"] for f in esito.funzioni}
    doc = Document()
    sezione = doc.sections[0]
    sezione.orientation = WD_ORIENT.LANDSCAPE  # four wide columns
    sezione.page_width, sezione.page_height = Cm(29.7), Cm(21)
    sezione.left_margin = sezione.right_margin = Cm(2)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = f"Atti da adottare — {esito.unione}"
    doc.core_properties.language = "it-IT"
    doc.add_heading(f"Atti da adottare — {esito.unione}", level=0)
    doc.add_paragraph(
        f"Data di valutazione: {data_estesa(esito.data_valutazione).replace('1º', '1°')} · Regole: "
        f"{esito.regole.id} {esito.regole.versione}"
    )
    if not atti:
        doc.add_paragraph(UI["nessuno"]["it"])
    ordinati = sorted(enumerate(atti), key=lambda voce: (FASI[voce[1].tipo][0], voce[0]))
    fase_corrente = 0
    numero = 0  # the phases present, numbered 1, 2, … (a run of LR 15/2018 acts only starts at 1)
    for _, atto in ordinati:
        fase, titolo = FASI[atto.tipo]
        if fase != fase_corrente:
            fase_corrente = fase
            numero += 1
            doc.add_heading(f"{numero}. {titolo}", level=1)
            tabella = doc.add_table(rows=1, cols=4)
            tabella.style = doc.styles["Table Grid"]
            for cella, testo in zip(
                tabella.rows[0].cells, ("Atto", "Organo", "Rilievi sanati", "File"), strict=True
            ):
                cella.text = testo
                cella.paragraphs[0].runs[0].bold = True
            tabella.autofit = False
            for colonna, larghezza in zip(tabella.columns, LARGHEZZE, strict=True):
                colonna.width = Cm(larghezza)
        descrizione, organo = _descrizione(atto, etichette)
        riga = tabella.add_row().cells
        for cella, testo in zip(
            riga,
            (descrizione, organo, ", ".join(atto.rilievi) or "—", _divisibile(atto.file)),
            strict=True,
        ):
            cella.text = testo
        for cella, larghezza in zip(riga, LARGHEZZE, strict=True):
            cella.width = Cm(larghezza)
    codici = sorted({c for a in atti for c in a.rilievi})
    if codici:
        doc.add_heading("Rilievi sanati", level=1)
        for codice in codici:
            messaggi = dict.fromkeys(
                r.messaggio["it"] for r in esito.rilievi if r.regola == codice and r.aperto
            )
            testo = f"{codice}: " + " ".join(messaggi)
            doc.add_paragraph(testo.replace("'", "’"), style="List Bullet")
    doc.add_paragraph(UI["nota"]["it"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
