"""Author the .docx templates of `avviamento draft` (run from the repository root; commit the output too).

    python scripts/build_templates.py [OUT_DIR]      # default: templates/

The templates are ordinary Word documents: A4, Italian administrative style, real heading styles (so an official
can restyle them in Word or LibreOffice), articles numbered «Art. 1 – …», docxtpl/Jinja tags in single runs.
Variables come from the drafting context (`avviamento.draft.contesto`); `avviamento templates lint` checks them.
A tag paragraph `{%p … %}` disappears in the drafted act; `[DA COMPLETARE: …]` marks what an official must fill.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentoDocx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Times New Roman"
Segmento = str | tuple[str, str]  # "testo" or ("testo", "b" | "i" | "bi")
Testo = str | list[Segmento]

DA_COMPLETARE = "[DA COMPLETARE: {}]"
FIRMATO = "(documento firmato digitalmente)"


def dc(cosa: str) -> str:
    return DA_COMPLETARE.format(cosa)


# --- the document and its styles ---


def nuovo(titolo: str, soggetto: str) -> DocumentoDocx:
    doc = Document()
    sezione = doc.sections[0]
    sezione.orientation = WD_ORIENT.PORTRAIT
    sezione.page_width, sezione.page_height = Cm(21), Cm(29.7)
    sezione.top_margin, sezione.bottom_margin = Cm(2.5), Cm(2.2)
    sezione.left_margin, sezione.right_margin = Cm(2.5), Cm(2.2)
    _stili(doc)
    _pie_di_pagina(doc)
    proprieta = doc.core_properties
    proprieta.title = titolo
    proprieta.subject = soggetto
    proprieta.author = "avviamento"
    proprieta.language = "it-IT"
    proprieta.keywords = "Unione di Comuni; LR Emilia-Romagna 21/2012; schema di atto"
    return doc


def _font(stile: object, dimensione: float, grassetto: bool = False, corsivo: bool = False) -> None:
    font = stile.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(dimensione)
    font.bold = grassetto
    font.italic = corsivo
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = stile.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attributo in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attributo), None)
    for attributo in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attributo), FONT)


def _stili(doc: DocumentoDocx) -> None:
    stili = doc.styles
    # Italian spelling and hyphenation for the whole document
    predefiniti = doc.styles.element.find(qn("w:docDefaults"))
    rpr = predefiniti.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lingua = rpr.find(qn("w:lang"))
    if lingua is None:
        lingua = OxmlElement("w:lang")
        rpr.append(lingua)
    lingua.set(qn("w:val"), "it-IT")
    lingua.set(qn("w:eastAsia"), "it-IT")
    lingua.set(qn("w:bidi"), "ar-SA")

    normale = stili["Normal"]
    _font(normale, 12)
    formato = normale.paragraph_format
    formato.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    formato.space_before = Pt(0)
    formato.space_after = Pt(6)
    formato.line_spacing = 1.15

    titolo = stili["Title"]
    _font(titolo, 14, grassetto=True)
    titolo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    titolo.paragraph_format.space_before = Pt(12)
    titolo.paragraph_format.space_after = Pt(6)
    bordi = titolo.element.get_or_add_pPr().find(qn("w:pBdr"))
    if bordi is not None:  # the default Title has a blue rule under it
        bordi.getparent().remove(bordi)

    sottotitolo = stili["Subtitle"]
    _font(sottotitolo, 11, corsivo=True)
    spaziatura = sottotitolo.element.get_or_add_rPr().find(qn("w:spacing"))
    if spaziatura is not None:  # the default Subtitle is letter-spaced
        spaziatura.getparent().remove(spaziatura)
    sottotitolo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sottotitolo.paragraph_format.space_after = Pt(12)

    h1 = stili["Heading 1"]
    _font(h1, 12, grassetto=True)
    h1.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h1.paragraph_format.space_before = Pt(12)
    h1.paragraph_format.space_after = Pt(6)
    h1.paragraph_format.keep_with_next = True

    h2 = stili["Heading 2"]
    _font(h2, 12, grassetto=True)
    h2.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    h2.paragraph_format.space_before = Pt(10)
    h2.paragraph_format.space_after = Pt(4)
    h2.paragraph_format.keep_with_next = True

    h3 = stili["Heading 3"]
    _font(h3, 12, grassetto=True, corsivo=True)
    h3.paragraph_format.space_before = Pt(8)
    h3.paragraph_format.space_after = Pt(3)
    h3.paragraph_format.keep_with_next = True

    elenco = stili["List Bullet"]
    _font(elenco, 12)
    elenco.paragraph_format.space_after = Pt(4)

    for nome in ("Header", "Footer"):
        _font(stili[nome], 9)

    intestazione = stili.add_style("Intestazione ente", 1)
    intestazione.base_style = normale
    _font(intestazione, 13, grassetto=True)
    intestazione.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    intestazione.paragraph_format.space_after = Pt(0)

    nota = stili.add_style("Nota di redazione", 1)
    nota.base_style = normale
    _font(nota, 9, corsivo=True)
    nota.paragraph_format.space_after = Pt(2)

    tabella = stili["Table Grid"]
    _font(tabella, 9)


def _campo(paragrafo: object, istruzione: str) -> None:
    semplice = OxmlElement("w:fldSimple")
    semplice.set(qn("w:instr"), istruzione)
    run = OxmlElement("w:r")
    testo = OxmlElement("w:t")
    testo.text = "1"
    run.append(testo)
    semplice.append(run)
    paragrafo._p.append(semplice)  # type: ignore[attr-defined]


def _pie_di_pagina(doc: DocumentoDocx) -> None:
    piede = doc.sections[0].footer.paragraphs[0]
    piede.style = doc.styles["Footer"]
    piede.alignment = WD_ALIGN_PARAGRAPH.CENTER
    piede.add_run("Pagina ")
    _campo(piede, "PAGE")
    piede.add_run(" di ")
    _campo(piede, "NUMPAGES")


# --- writing ---


def _runs(paragrafo: object, testo: Testo) -> None:
    segmenti = [testo] if isinstance(testo, str) else testo
    for segmento in segmenti:
        contenuto, formato = (segmento, "") if isinstance(segmento, str) else segmento
        run = paragrafo.add_run(contenuto)  # type: ignore[attr-defined]
        run.bold = "b" in formato or None
        run.italic = "i" in formato or None


def p(
    doc: DocumentoDocx, testo: Testo, stile: str | None = None, centro: bool = False, rientro: bool = False
) -> None:
    paragrafo = doc.add_paragraph(style=stile)
    _runs(paragrafo, testo)
    if centro:
        paragrafo.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if rientro:
        paragrafo.paragraph_format.left_indent = Cm(0.6)


def punto(doc: DocumentoDocx, testo: Testo) -> None:
    p(doc, testo, "List Bullet")


def tag(doc: DocumentoDocx, istruzione: str) -> None:
    """A docxtpl paragraph tag: the whole paragraph is replaced by the Jinja statement."""
    doc.add_paragraph(f"{{%p {istruzione} %}}")


def titolo(doc: DocumentoDocx, testo: str, sottotitolo: str | None = None) -> None:
    doc.add_paragraph(testo, style="Title")
    if sottotitolo:
        doc.add_paragraph(sottotitolo, style="Subtitle")


def h1(doc: DocumentoDocx, testo: str) -> None:
    doc.add_paragraph(testo, style="Heading 1")


def h2(doc: DocumentoDocx, testo: str) -> None:
    doc.add_paragraph(testo, style="Heading 2")


def h3(doc: DocumentoDocx, testo: str) -> None:
    doc.add_paragraph(testo, style="Heading 3")


class Articolato:
    """Articles numbered «Art. 1 – Oggetto», commi numbered «1.», «2.», … within each article."""

    def __init__(self, doc: DocumentoDocx) -> None:
        self.doc = doc
        self.numero = 0

    def titolo_sezione(self, testo: str) -> None:
        h1(self.doc, testo)

    def articolo(self, rubrica: str, commi: Iterable[Testo], numerati: bool = True) -> None:
        self.numero += 1
        h2(self.doc, f"Art. {self.numero} – {rubrica}")
        lista = list(commi)
        for n, comma in enumerate(lista, start=1):
            if numerati and len(lista) > 1:
                segmenti = [f"{n}. ", *([comma] if isinstance(comma, str) else comma)]
                p(self.doc, segmenti)
            else:
                p(self.doc, comma)


def tabella(
    doc: DocumentoDocx,
    intestazioni: list[str],
    righe: list[list[str]],
    ciclo: str | None = None,
    larghezze: list[float] | None = None,
) -> None:
    """A grid table; with `ciclo`, the data row repeats (docxtpl `{%tr for … %}` rows around it).
    The header row repeats on every page; `larghezze` are the column widths in cm (16.3 cm of text)."""
    tutte = [intestazioni]
    if ciclo:
        tutte.append([f"{{%tr {ciclo} %}}"] + [""] * (len(intestazioni) - 1))
    tutte += righe
    if ciclo:
        tutte.append(["{%tr endfor %}"] + [""] * (len(intestazioni) - 1))
    t = doc.add_table(rows=len(tutte), cols=len(intestazioni))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, riga in enumerate(tutte):
        for j, valore in enumerate(riga):
            cella = t.cell(i, j)
            cella.paragraphs[0].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            cella.paragraphs[0].paragraph_format.space_after = Pt(0)
            run = cella.paragraphs[0].add_run(valore)
            # explicit: the paragraph style (Normal, 12 pt) would override the table style's size
            run.font.size = Pt(9)
            if i == 0:
                run.bold = True
            if larghezze:
                cella.width = Cm(larghezze[j])
    if larghezze:  # LibreOffice reads the grid, Word the cells: set both
        t.autofit = False
        for colonna, larghezza in zip(t.columns, larghezze, strict=True):
            colonna.width = Cm(larghezza)
    intestazione = t.rows[0]._tr.get_or_add_trPr()
    ripeti = OxmlElement("w:tblHeader")
    intestazione.append(ripeti)
    doc.add_paragraph()


def insieme(tabella: object) -> None:
    """Keep a signature table on one page: rows never split, every paragraph kept with the next."""
    for riga in tabella.rows:  # type: ignore[attr-defined]
        proprieta = riga._tr.get_or_add_trPr()
        proprieta.append(OxmlElement("w:cantSplit"))
        for cella in riga.cells:
            for paragrafo in cella.paragraphs:
                paragrafo.paragraph_format.keep_with_next = True


def firme(doc: DocumentoDocx, sinistra: list[str], destra: list[str]) -> None:
    # the closing formula before it stays with the signatures
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    t = doc.add_table(rows=len(sinistra), cols=2)
    for i, (a, b) in enumerate(zip(sinistra, destra, strict=True)):
        for j, testo in enumerate((a, b)):
            paragrafo = t.cell(i, j).paragraphs[0]
            paragrafo.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragrafo.add_run(testo)
            run.bold = i == 0 or None
    insieme(t)
    doc.add_paragraph()


def pareri_art49(doc: DocumentoDocx) -> None:
    """The section that receives the art. 49 TUEL opinions: part of the act, not only mentioned in it."""
    h2(doc, "Pareri ai sensi dell'art. 49, comma 1, del D.Lgs. 18 agosto 2000, n. 267")
    p(
        doc,
        [
            ("Regolarità tecnica: ", "b"),
            f"si esprime parere {dc('favorevole o contrario, con motivazione')}. Data {dc('data')} – Il "
            f"Responsabile del servizio {dc('nome')} (firmato digitalmente).",
        ],
    )
    p(
        doc,
        [
            ("Regolarità contabile: ", "b"),
            f"si esprime parere {dc('favorevole o contrario, con motivazione')}. Data {dc('data')} – Il "
            f"Responsabile del servizio finanziario {dc('nome')} (firmato digitalmente).",
        ],
    )


def nota_di_redazione(doc: DocumentoDocx) -> None:
    """What the act cures, for the office: to be deleted before adoption."""
    paragrafo = doc.add_paragraph()
    paragrafo.add_run().add_break(WD_BREAK.LINE)
    p(
        doc,
        "Nota di redazione (da eliminare prima dell'adozione) – Schema predisposto con {{ documento.redatto_con }} "
        "sulla base del profilo dell'Unione valutato al {{ documento.data_valutazione }} (regole "
        "{{ documento.regole }}). I dati segnati «DA COMPLETARE» non risultano dal profilo e vanno inseriti "
        "dall'ufficio. L'atto sana i seguenti rilievi:",
        "Nota di redazione",
    )
    rilievi_sanati(doc)


def rilievi_sanati(doc: DocumentoDocx) -> None:
    """The findings the act cures, one paragraph each, under the drafting note."""
    tag(doc, "for r in documento.rilievi")
    p(
        doc,
        "{{ r.codice }} – {{ r.messaggio }} (fonte: {{ r.fonte }}; scadenza: {{ r.scadenza }})",
        "Nota di redazione",
    )
    tag(doc, "endfor")


def delibera_punti(doc: DocumentoDocx, punti: Iterable[str]) -> None:
    """«DELIBERA» and the numbered points of the decision."""
    h1(doc, "DELIBERA")
    for n, testo in enumerate(punti, start=1):
        p(doc, f"{n}. {testo}", rientro=True)


def immediata_eseguibilita(doc: DocumentoDocx, voto: str, decreto: str) -> None:
    """The separate vote that makes the deliberation immediately enforceable (art. 134, comma 4, TUEL), kept
    only when the official asks for it; `decreto`: how the act names the TUEL."""
    tag(doc, "if immediata_eseguibilita")
    p(doc, voto)
    h1(doc, "DELIBERA ALTRESÌ")
    p(
        doc,
        "di dichiarare la presente deliberazione immediatamente eseguibile, ai sensi dell'art. 134, comma 4, del "
        f"{decreto}.",
    )
    tag(doc, "endif")


def dispositivo(doc: DocumentoDocx, collegio: str, punti: list[str], decreto: str) -> None:
    """The vote of the `collegio` present, the decision's points and the optional immediate enforceability."""
    p(
        doc,
        f"Con voti favorevoli n. {dc('numero')}, contrari n. {dc('numero')}, astenuti n. {dc('numero')}, "
        f"espressi nelle forme di legge dai {collegio} presenti e votanti,",
    )
    delibera_punti(doc, punti)
    immediata_eseguibilita(
        doc,
        f"Inoltre, stante l'urgenza di provvedere per {dc('motivazione dell’urgenza')}, con separata votazione, "
        f"con voti favorevoli n. {dc('numero')}, contrari n. {dc('numero')}, astenuti n. {dc('numero')},",
        decreto,
    )


def sottoscrizione(
    doc: DocumentoDocx, certificato: str, sinistra: list[str] | None = None, destra: list[str] | None = None
) -> None:
    """«Letto, approvato e sottoscritto.», the signatures (by default the Presidente's and the Segretario's)
    and the certificate of publication."""
    p(doc, [("Letto, approvato e sottoscritto.", "b")])
    firme(
        doc,
        sinistra or ["IL PRESIDENTE", dc("nome"), FIRMATO],
        destra or ["IL SEGRETARIO", dc("nome"), FIRMATO],
    )
    h2(doc, "Certificato di pubblicazione")
    p(doc, certificato)


# --- shared passages ---


def visti_e_motivazione(doc: DocumentoDocx, visti: list[str]) -> None:
    """«Visti:» the laws of every such act, then the function's own laws, then why it is conferred."""
    p(doc, [("Visti:", "b")])
    for testo in visti:
        punto(doc, testo)
    tag(doc, "for legge in funzione.contenuto.leggi")
    punto(doc, "{{ legge }}")
    tag(doc, "endfor")
    p(doc, [("Considerato ", "b"), "che {{ funzione.contenuto.motivazione }};"])


def premesse_statuto_e_funzione(doc: DocumentoDocx) -> None:
    """The statute's rule on conferrals, then the premesse on the function (council deliberations)."""
    punto(
        doc,
        "lo statuto dell'Unione, approvato il {{ unione.statuto_approvato }} e pubblicato nel "
        "{{ unione.statuto_pubblicazione }}, disciplina{% if unione.articolo_statuto %} all'"
        "{{ unione.articolo_statuto }}{% endif %} il conferimento di funzioni da parte dei Comuni aderenti;",
    )
    premesse_funzione(doc)


def premesse_funzione(doc: DocumentoDocx) -> None:
    """The premesse on the function itself: art. 7 c.3, DL 78/2010, art. 24 LR 21/2012."""
    tag(doc, 'if funzione.art7_c3 == "obbligatoria"')
    punto(
        doc,
        "ai sensi dell'art. 7, comma 3, della L.R. Emilia-Romagna 21 dicembre 2012, n. 21, i Comuni aderenti "
        "esercitano in ogni caso in forma associata, per il tramite dell'Unione, la funzione dei sistemi "
        "informatici e delle tecnologie dell'informazione;",
    )
    tag(doc, 'elif funzione.art7_c3 == "chiave"')
    punto(
        doc,
        "ai sensi dell'art. 7, comma 3, della L.R. Emilia-Romagna 21 dicembre 2012, n. 21, la funzione "
        "«{{ funzione.etichetta }}» è tra quelle, individuate dalla legge, di cui almeno tre devono essere "
        "esercitate in forma associata per il tramite dell'Unione, oltre ai sistemi informatici e alle "
        "tecnologie dell'informazione;",
    )
    tag(doc, "endif")
    tag(doc, "if funzione.lettera_dl78")
    punto(
        doc,
        "la funzione rientra tra le funzioni fondamentali dei Comuni di cui all'art. 14, comma 27, lettera "
        "{{ funzione.lettera_dl78 }}), del D.L. 31 maggio 2010, n. 78, convertito dalla L. 30 luglio 2010, n. 122;",
    )
    tag(doc, "endif")
    punto(
        doc,
        "l'art. 24 della L.R. 21/2012 richiede che la funzione sia conferita all'Unione da tutti i Comuni "
        "aderenti (comma 2), in modo integrale, senza che residuino in capo ai Comuni attività riconducibili "
        "alla medesima funzione (comma 4), e con il trasferimento all'Unione delle risorse umane, finanziarie "
        "e strumentali necessarie (comma 5);",
    )
    tag(doc, "for c in funzione.conferimenti if c.adottata")
    punto(
        doc,
        "il Consiglio comunale di {{ c.comune.nome }} ha {% if not funzione.sostitutiva %}già {% endif %}"
        "disposto il conferimento della funzione con "
        "deliberazione {{ c.delibera }}{% if funzione.sostitutiva %}, in base alla convenzione vigente"
        "{% endif %};",
    )
    tag(doc, "endfor")


# --- the acts ---


def convenzione() -> DocumentoDocx:
    doc = nuovo("Schema di convenzione per il conferimento di una funzione all'Unione", "Convenzione")
    p(doc, [("Rep. n. ", "b"), dc("numero di repertorio dell'Unione")])
    p(
        doc,
        [
            (
                "Esente dall'imposta di bollo ai sensi dell'art. 16 della tabella allegato B al D.P.R. 642/1972",
                "i",
            )
        ],
    )
    tag(doc, "if funzione.sostitutiva")
    titolo(
        doc,
        "NUOVA CONVENZIONE TRA I COMUNI DI {{ unione.elenco_comuni|upper }} E L'{{ unione.designazione|upper }} "
        "PER IL CONFERIMENTO ALL'UNIONE DELLA FUNZIONE «{{ funzione.etichetta|upper }}», SOSTITUTIVA DELLA "
        "CONVENZIONE {{ funzione.convenzione_precedente|upper }}",
    )
    tag(doc, "else")
    titolo(
        doc,
        "CONVENZIONE TRA I COMUNI DI {{ unione.elenco_comuni|upper }} E L'{{ unione.designazione|upper }} PER IL "
        "CONFERIMENTO ALL'UNIONE DELLA FUNZIONE «{{ funzione.etichetta|upper }}»",
    )
    tag(doc, "endif")
    p(
        doc,
        [
            (
                "(art. 30 del D.Lgs. 18 agosto 2000, n. 267; artt. 7, 21 e 24 della L.R. Emilia-Romagna "
                "21 dicembre 2012, n. 21)",
                "i",
            )
        ],
        centro=True,
    )
    p(
        doc,
        f"L'anno {dc('anno')}, nel giorno e nel luogo della sottoscrizione digitale dell'ultimo dei contraenti, "
        "con la presente convenzione, da valere a ogni effetto di legge,",
    )
    h1(doc, "TRA")
    tag(doc, "for c in funzione.conferimenti")
    punto(
        doc,
        [
            ("il COMUNE DI {{ c.comune.nome|upper }}", "b"),
            ", codice fiscale {{ c.comune.codice_fiscale }}, rappresentato dal Sindaco pro tempore "
            "{{ c.comune.sindaco }}, domiciliato per la carica presso la sede municipale, che interviene non in "
            "proprio ma in nome e per conto del Comune, in esecuzione della deliberazione del Consiglio comunale "
            "{{ c.delibera_convenzione }}, esecutiva ai sensi di legge;",
        ],
    )
    tag(doc, "endfor")
    h1(doc, "E")
    punto(
        doc,
        [
            ("l'{{ unione.designazione|upper }}", "b"),
            ", codice fiscale {{ unione.codice_fiscale }}, con sede in {{ unione.sede }}, PEC {{ unione.pec }}, "
            "rappresentata dal Presidente pro tempore {{ unione.presidente }}, domiciliato per la carica presso "
            "la sede dell'Unione, che interviene non in proprio ma in nome e per conto dell'Unione, in esecuzione "
            f"della deliberazione del Consiglio dell'Unione n. {dc('numero')} del {dc('data')}, esecutiva ai "
            "sensi di legge;",
        ],
    )
    h1(doc, "PREMESSO CHE")
    punto(
        doc,
        "i Comuni di {{ unione.elenco_comuni }} fanno parte dell'{{ unione.designazione }}, "
        "{{ unione.costituzione }}, che opera dal {{ unione.decorrenza }};",
    )
    punto(
        doc,
        "lo statuto dell'Unione, approvato il {{ unione.statuto_approvato }} e pubblicato nel "
        "{{ unione.statuto_pubblicazione }}, prevede{% if unione.articolo_statuto %} all'"
        "{{ unione.articolo_statuto }}{% endif %} che i Comuni conferiscano all'Unione l'esercizio di funzioni e "
        "servizi;",
    )
    premesse_funzione(doc)
    punto(doc, "alla funzione si applicano in particolare le seguenti norme di settore:")
    tag(doc, "for legge in funzione.contenuto.leggi")
    p(doc, "– {{ legge }}", rientro=True)
    tag(doc, "endfor")
    tag(doc, "if funzione.sostitutiva")
    punto(
        doc,
        "l'esercizio della funzione da parte dell'Unione è disciplinato dalla convenzione "
        "{{ funzione.convenzione_precedente }}, che gli enti intendono sostituire con un nuovo testo per "
        f"{dc('motivi della sostituzione, ad esempio il conferimento da parte di tutti i Comuni o in modo integrale')};",
    )
    tag(doc, "endif")
    punto(doc, "{{ funzione.contenuto.motivazione }};")
    punto(
        doc,
        "l'art. 30 del TUEL e l'art. 21 della L.R. 21/2012 stabiliscono che la convenzione indichi i fini, la "
        "durata, le modalità di svolgimento, le forme di consultazione degli enti contraenti, i loro rapporti "
        "finanziari e i reciproci obblighi e garanzie;",
    )
    punto(
        doc,
        "i Consigli dei Comuni aderenti e il Consiglio dell'Unione hanno approvato il testo della presente "
        "convenzione con le deliberazioni indicate nella comparizione delle parti;",
    )
    p(
        doc,
        [
            ("TUTTO CIÒ PREMESSO", "b"),
            ", tra le parti come sopra rappresentate si conviene e si stipula quanto segue.",
        ],
    )

    art = Articolato(doc)
    art.articolo(
        "Premesse e oggetto",
        [
            "Le premesse costituiscono parte integrante e sostanziale della presente convenzione.",
            "I Comuni di {{ unione.elenco_comuni }} conferiscono all'{{ unione.designazione }}, che accetta, "
            "l'esercizio della funzione «{{ funzione.etichetta }}»{% if funzione.lettera_dl78 %} (art. 14, comma "
            "27, lettera {{ funzione.lettera_dl78 }}), del D.L. 78/2010){% endif %}.",
            "Il conferimento è integrale, ai sensi dell'art. 24, comma 4, della L.R. 21/2012: spettano "
            "all'Unione tutte le attività, i procedimenti e i provvedimenti riconducibili alla funzione, che i "
            "Comuni non esercitano più. Possono restare sul territorio dei Comuni sportelli decentrati, che "
            "operano alle dipendenze dell'Unione.",
            "La funzione comprende in particolare:",
        ],
    )
    tag(doc, "for a in funzione.contenuto.attivita")
    punto(doc, "{{ a }}")
    tag(doc, "endfor")
    art.articolo(
        "Competenze che restano ai Comuni",
        ["Non sono oggetto del conferimento, e restano agli organi dei Comuni, le seguenti competenze:"],
    )
    tag(doc, "for r in funzione.contenuto.riservate")
    punto(doc, "{{ r }}")
    tag(doc, "endfor")
    art.articolo(
        "Finalità",
        [
            "Il conferimento persegue il miglioramento della qualità e dell'efficienza dei servizi, "
            "l'omogeneità delle prestazioni rese ai cittadini e alle imprese sull'intero territorio dell'Unione, "
            "il contenimento della spesa e la valorizzazione delle professionalità del personale, secondo i "
            "principi di efficacia, efficienza, economicità, adeguatezza e differenziazione.",
        ],
    )
    doc_durata = [
        "L'Unione esercita la funzione dal {{ funzione.decorrenza }}{% if funzione.sostitutiva %}; dalla stessa "
        "data cessa di avere effetto la convenzione {{ funzione.convenzione_precedente }}, fatti salvi gli atti "
        "compiuti e i rapporti sorti in base a essa{% endif %}.",
        "La presente convenzione è stipulata {{ funzione.durata }}.{% if funzione.durata.startswith('per ') %} "
        "Alla scadenza può essere rinnovata con deliberazioni conformi dei Consigli degli enti contraenti."
        "{% endif %}",
    ]
    art.articolo("Decorrenza e durata", doc_durata)
    tag(doc, "if comuni_obbligati")
    p(
        doc,
        "3. {% if comuni_obbligati|length == 1 %}Per il Comune di {{ comuni_obbligati[0].nome }}, tenuto"
        "{% else %}Per i Comuni di {% for c in comuni_obbligati %}{{ c.nome }}{% if loop.revindex == 2 %} e "
        "{% elif not loop.last %}, {% endif %}{% endfor %}, tenuti{% endif %} all'esercizio in forma associata "
        "di tutte le funzioni fondamentali in quanto con popolazione non superiore a 5.000 abitanti (3.000 se "
        "appartenenti o appartenuti a comunità montane), il conferimento è a tempo indeterminato, ai sensi "
        "dell'art. 24, comma 6, della L.R. 21/2012.",
    )
    tag(doc, "endif")
    art.articolo(
        "Modalità di esercizio",
        [
            "L'Unione esercita la funzione attraverso un ufficio unico, collocato nella propria struttura "
            "organizzativa, che opera per l'intero territorio dei Comuni aderenti.",
            "La responsabilità della funzione è attribuita a: {{ funzione.responsabile }}, con decreto del "
            "Presidente dell'Unione.",
            "L'Unione disciplina lo svolgimento della funzione con propri regolamenti e atti organizzativi, ai "
            "sensi dell'art. 21 della L.R. 21/2012; fino alla loro adozione si applicano, per il rispettivo "
            "territorio e in quanto compatibili, i regolamenti dei singoli Comuni.",
        ],
    )
    tag(doc, "for clausola in funzione.clausole")
    p(doc, "{{ loop.index + 3 }}. {{ clausola }}")
    tag(doc, "endfor")
    art.articolo(
        "Personale",
        [
            "Per l'esercizio della funzione l'Unione si avvale del personale trasferito dai Comuni, ai sensi "
            "dell'art. 31 del D.Lgs. 30 marzo 2001, n. 165, e dell'art. 47 della L. 29 dicembre 1990, n. 428, "
            "previa informazione e consultazione delle organizzazioni sindacali, nonché del personale assunto "
            "direttamente o assegnato in comando.",
            "Il personale dedicato alla funzione è pari a {{ funzione.personale }}; l'elenco nominativo è "
            "approvato dalla Giunta dell'Unione d'intesa con i Comuni interessati. {{ funzione.contenuto.personale }}",
            "Al personale trasferito si applica il contratto collettivo nazionale di lavoro del comparto "
            "Funzioni locali, con salvaguardia della posizione giuridica ed economica acquisita.",
        ],
    )
    art.articolo(
        "Beni e strumenti",
        [
            "I Comuni mettono a disposizione dell'Unione, in comodato d'uso gratuito, i beni immobili e mobili, "
            "le attrezzature, i sistemi informativi e le banche dati necessari all'esercizio della funzione, "
            "individuati in verbali di consegna sottoscritti dai responsabili degli enti.",
            "Le spese di manutenzione ordinaria dei beni sono a carico dell'Unione; quelle di manutenzione "
            "straordinaria restano a carico del Comune proprietario, salvo diverso accordo.",
            "I beni acquistati dall'Unione per l'esercizio della funzione restano di sua proprietà.",
        ],
    )
    art.articolo(
        "Subentro nei rapporti in corso",
        [
            "Dalla decorrenza l'Unione subentra ai Comuni nei contratti in corso relativi alla funzione, previa "
            "comunicazione ai contraenti e, dove necessario, loro consenso; i contratti non trasferibili restano "
            "in capo al Comune fino alla scadenza e sono gestiti dall'Unione per suo conto.",
            "I procedimenti amministrativi in corso alla decorrenza sono conclusi dall'Unione; i Comuni "
            "trasmettono gli atti e i fascicoli entro trenta giorni.",
            "Nei giudizi pendenti alla decorrenza resta parte il Comune, che può avvalersi del supporto "
            "dell'ufficio unico; l'Unione è parte nei giudizi relativi ad atti da essa adottati.",
        ],
    )
    art.articolo("Obblighi specifici della funzione", ["Gli enti contraenti si impegnano a quanto segue:"])
    tag(doc, "for o in funzione.contenuto.obblighi")
    punto(doc, "{{ o }}")
    tag(doc, "endfor")
    art.articolo(
        "Obblighi dei Comuni",
        [
            "I Comuni si impegnano a trasferire all'Unione le risorse previste dalla presente convenzione nei "
            "termini stabiliti, a trasmettere gli atti, i dati e le informazioni necessari all'esercizio della "
            "funzione e a non adottare atti riconducibili alla funzione conferita.",
            "I Comuni informano l'Unione delle iniziative e dei finanziamenti che riguardano la funzione.",
        ],
    )
    art.articolo(
        "Protezione dei dati personali",
        [
            "Per i trattamenti di dati personali necessari all'esercizio della funzione conferita l'Unione è "
            "titolare del trattamento; per i trattamenti che effettua per conto di un Comune è responsabile del "
            "trattamento, designata con atto conforme all'art. 28 del Regolamento (UE) 2016/679.",
            "Gli enti si comunicano i dati di contatto dei rispettivi responsabili della protezione dei dati e "
            "collaborano per la risposta alle richieste degli interessati e per la gestione delle violazioni "
            "dei dati.",
        ],
    )
    art.articolo(
        "Rapporti finanziari e riparto delle spese",
        [
            "Le entrate e le spese relative alla funzione sono iscritte nel bilancio dell'Unione.",
            "I Comuni trasferiscono all'Unione le risorse necessarie, ripartite secondo il seguente criterio: "
            "{{ funzione.riparto_spese }}.",
            f"I trasferimenti sono versati in {dc('numero di rate')} rate, entro {dc('termini di versamento')}; "
            "a consuntivo l'Unione comunica a ciascun Comune il rendiconto della spesa sostenuta e gli eventuali "
            "conguagli.",
            "I contributi regionali e statali per la gestione associata sono destinati al finanziamento e al "
            "miglioramento della funzione.",
        ],
    )
    art.articolo(
        "Forme di consultazione",
        [
            "Gli indirizzi per l'esercizio della funzione sono definiti dalla Giunta dell'Unione, "
            "{{ unione.giunta }}, che opera anche come conferenza dei Sindaci per la consultazione degli enti "
            "contraenti.",
            f"Il Presidente dell'Unione presenta ogni anno, entro il {dc('termine, ad esempio 30 aprile')}, ai "
            "Consigli comunali e al Consiglio dell'Unione una relazione sull'esercizio della funzione, sui "
            "risultati conseguiti rispetto agli obiettivi, sugli indicatori di attività e sull'andamento della "
            "spesa per ciascun Comune.",
            "Ciascun Comune può chiedere la convocazione della conferenza dei Sindaci per l'esame di questioni "
            "relative alla funzione.",
        ],
    )
    art.articolo(
        "Recesso",
        [
            "Ciascun Comune può recedere dalla convenzione con deliberazione del Consiglio comunale adottata "
            f"entro il {dc('termine, ad esempio 30 giugno')}, con effetto dal 1° gennaio dell'anno successivo, "
            "fermo restando per i Comuni tenuti all'esercizio associato il conferimento a tempo indeterminato "
            "previsto dall'art. 24, comma 6, della L.R. 21/2012.",
            "Ai sensi dell'art. 21, comma 3, della L.R. 21/2012, il Comune che recede resta obbligato per gli "
            "impegni assunti e per le spese deliberate prima del recesso.",
            "L'Unione e il Comune receduto regolano d'intesa la restituzione dei beni e la ricollocazione del "
            "personale.",
        ],
    )
    art.articolo(
        "Modifiche e scioglimento",
        [
            "La presente convenzione può essere modificata con deliberazioni conformi dei Consigli degli enti "
            "contraenti; le modifiche che non riguardano i contenuti dell'art. 30, comma 2, del TUEL possono essere "
            "concordate dalla Giunta dell'Unione e comunicate ai Consigli comunali.",
            "La convenzione si scioglie per deliberazione conforme dei Consigli di tutti gli enti contraenti o per "
            "lo scioglimento dell'Unione; in tal caso gli enti regolano d'intesa la successione nei rapporti "
            "attivi e passivi, la restituzione dei beni e la ricollocazione del personale.",
        ],
    )
    art.articolo(
        "Controversie",
        [
            "Le controversie tra gli enti contraenti sull'interpretazione e sull'esecuzione della presente "
            "convenzione sono esaminate preliminarmente dalla conferenza dei Sindaci, per una composizione "
            "bonaria.",
            "In mancanza di accordo, la controversia è devoluta alla giurisdizione esclusiva del giudice "
            "amministrativo, ai sensi dell'art. 133, comma 1, lettera a), numero 2), del D.Lgs. 2 luglio 2010, "
            "n. 104.",
        ],
    )
    art.articolo(
        "Sottoscrizione, bollo e registrazione",
        [
            "La presente convenzione è sottoscritta con firma digitale, ai sensi dell'art. 15, comma 2-bis, "
            "della L. 7 agosto 1990, n. 241, a pena di nullità.",
            "La convenzione è esente dall'imposta di bollo ai sensi dell'art. 16 della tabella allegato B al "
            "D.P.R. 26 ottobre 1972, n. 642, ed è soggetta a registrazione solo in caso d'uso, ai sensi "
            "dell'art. 1 della tabella allegata al D.P.R. 26 aprile 1986, n. 131.",
        ],
    )
    art.articolo(
        "Norme finali e rinvio",
        [
            "Per quanto non previsto si rinvia allo statuto dell'Unione, al TUEL, alla L.R. 21/2012, alle leggi "
            "di settore e, in quanto compatibili, alle norme del codice civile.",
            "La presente convenzione sostituisce ogni precedente accordo tra gli enti contraenti relativo alla "
            "medesima funzione{% if funzione.sostitutiva %}, e in particolare la convenzione "
            "{{ funzione.convenzione_precedente }}{% endif %}.",
        ],
    )
    p(doc, [("Letto, approvato e sottoscritto digitalmente.", "b")])
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    t = doc.add_table(rows=4, cols=2)
    t.style = doc.styles["Table Grid"]
    valori = [
        ["{%tr for c in funzione.conferimenti %}", ""],
        [
            "Per il Comune di {{ c.comune.nome }}",
            "Il Sindaco {{ c.comune.sindaco }}\n(documento firmato digitalmente)",
        ],
        ["{%tr endfor %}", ""],
        [
            "Per l'{{ unione.designazione }}",
            "Il Presidente {{ unione.presidente }}\n(documento firmato digitalmente)",
        ],
    ]
    for i, riga in enumerate(valori):
        for j, valore in enumerate(riga):
            paragrafo = t.cell(i, j).paragraphs[0]
            paragrafo.alignment = WD_ALIGN_PARAGRAPH.LEFT
            righe = valore.split("\n")
            for k, testo in enumerate(righe):
                paragrafo.add_run(testo)
                if k < len(righe) - 1:  # the break in a run of its own: the highlighting splits text runs
                    paragrafo.add_run().add_break()
    insieme(t)
    doc.add_paragraph()
    p(doc, [("Luogo e data della sottoscrizione digitale.", "i")])
    nota_di_redazione(doc)
    return doc


def delibera() -> DocumentoDocx:
    doc = nuovo("Schema di deliberazione del Consiglio comunale", "Deliberazione del Consiglio comunale")
    p(doc, "COMUNE DI {{ comune.nome|upper }}", "Intestazione ente")
    p(doc, "{{ comune.area_vasta }}", centro=True)
    p(doc, [("Comune aderente all'{{ unione.designazione }}", "i")], centro=True)
    titolo(
        doc,
        "SCHEMA DI DELIBERAZIONE DEL CONSIGLIO COMUNALE",
        f"Deliberazione n. {dc('numero')} del {dc('data della seduta')} – Adunanza "
        f"{dc('ordinaria o straordinaria')} in prima convocazione – seduta pubblica",
    )
    tag(doc, "if funzione.sostitutiva")
    p(
        doc,
        [
            ("OGGETTO: ", "b"),
            (
                "FUNZIONE «{{ funzione.etichetta|upper }}» CONFERITA ALL'{{ unione.designazione|upper }}: "
                "APPROVAZIONE DELLA NUOVA CONVENZIONE SOSTITUTIVA DELLA CONVENZIONE "
                "{{ funzione.convenzione_precedente|upper }} (ART. 30 D.LGS. 267/2000; ARTT. 7, 21 E 24 L.R. "
                "EMILIA-ROMAGNA 21/2012).",
                "b",
            ),
        ],
    )
    tag(doc, "else")
    p(
        doc,
        [
            ("OGGETTO: ", "b"),
            (
                "CONFERIMENTO ALL'{{ unione.designazione|upper }} DELLA FUNZIONE «{{ funzione.etichetta|upper }}» "
                "E APPROVAZIONE DELLO SCHEMA DI CONVENZIONE (ART. 30 D.LGS. 267/2000; ARTT. 7, 21 E 24 L.R. "
                "EMILIA-ROMAGNA 21/2012).",
                "b",
            ),
        ],
    )
    tag(doc, "endif")
    p(
        doc,
        f"L'anno {dc('anno, in lettere')}, addì {dc('giorno e mese, in lettere')}, alle ore {dc('ora')}, nella "
        "sala consiliare del Comune di {{ comune.nome }}, previa convocazione nei modi e nei termini di legge e "
        "di regolamento, si è riunito il Consiglio comunale.",
    )
    p(
        doc,
        f"Presenti n. {dc('numero')}, assenti n. {dc('numero')}, come da appello nominale riportato nel "
        "verbale della seduta.",
    )
    p(
        doc,
        f"Partecipa il Segretario comunale {dc('nome del Segretario comunale')}, che provvede alla redazione del "
        "presente verbale. Assume la presidenza {{ comune.presidenza }}, che, constatato il numero legale, "
        "dichiara aperta la seduta.",
    )
    h1(doc, "IL CONSIGLIO COMUNALE")
    p(doc, "Udita la relazione del Sindaco, che illustra la proposta;")
    p(doc, [("Premesso che:", "b")])
    punto(
        doc,
        "il Comune di {{ comune.nome }} aderisce all'{{ unione.designazione }}, {{ unione.costituzione }}, "
        "operante dal {{ unione.decorrenza }};",
    )
    premesse_statuto_e_funzione(doc)
    tag(doc, "if funzione.sostitutiva")
    punto(
        doc,
        "l'esercizio della funzione da parte dell'Unione è disciplinato dalla convenzione "
        "{{ funzione.convenzione_precedente }}, che occorre sostituire con un nuovo testo per "
        f"{dc('motivi della sostituzione, ad esempio il conferimento da parte di tutti i Comuni o in modo integrale')};",
    )
    tag(doc, "endif")
    tag(doc, "if comune.obbligato")
    punto(
        doc,
        "il Comune di {{ comune.nome }}, con {{ comune.popolazione }} abitanti, è tenuto all'esercizio in forma "
        "associata di tutte le funzioni fondamentali (art. 7, comma 3, della L.R. 21/2012; art. 14, comma 28, "
        "del D.L. 78/2010) e, ai sensi dell'art. 24, comma 6, della L.R. 21/2012, il conferimento è disposto a "
        "tempo indeterminato;",
    )
    tag(doc, "endif")
    visti_e_motivazione(
        doc,
        [
            "il D.Lgs. 18 agosto 2000, n. 267 (TUEL), e in particolare l'art. 30, sulle convenzioni tra enti "
            "locali, e l'art. 32, sulle unioni di comuni;",
            "l'art. 42, comma 2, lettera c), del TUEL, che attribuisce al Consiglio comunale la competenza "
            "in materia di convenzioni tra Comuni e di costituzione e modificazione di forme associative;",
            "la L.R. Emilia-Romagna 21 dicembre 2012, n. 21, e in particolare gli artt. 7, 21 e 24;",
            "l'art. 15, comma 2-bis, della L. 7 agosto 1990, n. 241, secondo cui gli accordi tra pubbliche "
            "amministrazioni sono sottoscritti con firma digitale, a pena di nullità;",
            "lo statuto dell'Unione e lo statuto comunale;",
        ],
    )
    p(
        doc,
        [
            ("Ritenuto ", "b"),
            "{% if conferimento %}di confermare il conferimento all'{{ unione.designazione }} della funzione "
            "«{{ funzione.etichetta }}», disposto con deliberazione {{ conferimento.delibera }},{% else %}di "
            "conferire all'{{ unione.designazione }} la funzione «{{ funzione.etichetta }}»{% endif %} e di "
            "approvare lo schema di convenzione allegato alla presente deliberazione quale parte integrante e "
            "sostanziale, che "
            "disciplina, ai sensi dell'art. 30, comma 2, del TUEL e dell'art. 21 della L.R. 21/2012, i fini, la "
            "durata, le forme di consultazione, i rapporti finanziari e i reciproci obblighi e garanzie degli enti "
            "contraenti;",
        ],
    )
    p(
        doc,
        [
            ("Dato atto ", "b"),
            "che la spesa per l'esercizio associato della funzione è ripartita tra i Comuni secondo il criterio "
            "stabilito nella convenzione ({{ funzione.riparto_spese }}) e trova copertura negli stanziamenti del "
            f"bilancio di previsione {dc('missione, programma e capitolo di bilancio')};",
        ],
    )
    p(
        doc,
        [
            ("Visti i pareri favorevoli ", "b"),
            "espressi ai sensi dell'art. 49, comma 1, del TUEL e riportati in calce alla presente deliberazione:",
        ],
    )
    punto(
        doc,
        f"di regolarità tecnica, dal Responsabile del servizio competente, {dc('nome e qualifica')};",
    )
    punto(
        doc,
        f"di regolarità contabile, dal Responsabile del servizio finanziario, {dc('nome')}, poiché l'atto "
        "comporta riflessi diretti o indiretti sulla situazione economico-finanziaria dell'ente;",
    )
    p(
        doc,
        f"Con voti favorevoli n. {dc('numero')}, contrari n. {dc('numero')}, astenuti n. {dc('numero')}, "
        "espressi per alzata di mano dai consiglieri presenti e votanti,",
    )
    delibera_punti(
        doc,
        (
            "di {% if conferimento %}confermare il conferimento all'{{ unione.designazione }}, per le motivazioni "
            "espresse in premessa, dell'esercizio{% else %}conferire all'{{ unione.designazione }}, per le "
            "motivazioni espresse in premessa, l'esercizio{% endif %} integrale della funzione «{{ funzione.etichetta }}»{% if comune.obbligato %}, a tempo indeterminato "
            "ai sensi dell'art. 24, comma 6, della L.R. 21/2012{% endif %}, con decorrenza dal "
            "{{ funzione.decorrenza }};",
            "di approvare {% if funzione.sostitutiva %}la nuova convenzione tra i Comuni di "
            "{{ unione.elenco_comuni }} e l'Unione, sostitutiva della convenzione "
            "{{ funzione.convenzione_precedente }}, nel testo{% else %}lo schema di convenzione tra i Comuni di "
            "{{ unione.elenco_comuni }} e l'Unione per il conferimento della funzione,{% endif %} allegato alla "
            "presente deliberazione quale parte integrante e sostanziale (allegato A);",
            "di autorizzare il Sindaco pro tempore alla sottoscrizione della convenzione con firma digitale, ai "
            "sensi dell'art. 15, comma 2-bis, della L. 241/1990, con facoltà di apportarvi le modifiche non "
            "sostanziali che si rendessero necessarie;",
            "di trasmettere copia della presente deliberazione all'Unione per gli adempimenti conseguenti;",
            f"di dare atto che il responsabile del procedimento è {dc('nome e qualifica')}.",
        ),
    )
    immediata_eseguibilita(
        doc,
        "Inoltre, stante l'urgenza di provvedere per "
        f"{dc('motivazione dell’urgenza, ad esempio consentire l’avvio della gestione associata')}, con separata "
        f"votazione, con voti favorevoli n. {dc('numero')}, contrari n. {dc('numero')}, astenuti n. "
        f"{dc('numero')}, pari alla maggioranza dei componenti del Consiglio,",
        "TUEL",
    )
    sottoscrizione(
        doc,
        "La presente deliberazione è pubblicata all'albo pretorio on line del Comune per quindici giorni "
        f"consecutivi dal {dc('data di inizio della pubblicazione')}, ai sensi dell'art. 124, comma 1, del TUEL.",
        ["{{ comune.firma_presidente }}", "{{ comune.nome_presidente }}", FIRMATO],
        ["IL SEGRETARIO COMUNALE", dc("nome"), FIRMATO],
    )
    h2(doc, "Esecutività")
    tag(doc, "if immediata_eseguibilita")
    p(
        doc,
        "La presente deliberazione è stata dichiarata immediatamente eseguibile ai sensi dell'art. 134, comma 4, "
        "del TUEL.",
    )
    tag(doc, "else")
    p(
        doc,
        "La presente deliberazione diventa esecutiva decorsi dieci giorni dalla pubblicazione, ai sensi "
        f"dell'art. 134, comma 3, del TUEL, il {dc('data')}.",
    )
    tag(doc, "endif")
    p(
        doc,
        [
            ("Allegato A", "b"),
            " – Schema di convenzione per il conferimento all'{{ unione.designazione }} della funzione "
            "«{{ funzione.etichetta }}» (documento allegato, che ne costituisce parte integrante e sostanziale).",
        ],
    )
    pareri_art49(doc)
    nota_di_redazione(doc)
    return doc


def verbale_unione(doc: DocumentoDocx, organo: str) -> None:
    """The heading of a deliberation of an organ of the Unione."""
    intestazione_unione(doc)
    titolo(
        doc,
        f"SCHEMA DI DELIBERAZIONE {organo}",
        f"Deliberazione n. {dc('numero')} del {dc('data della seduta')}",
    )


def voto_e_dispositivo(doc: DocumentoDocx, collegio: str, punti: list[str]) -> None:
    p(
        doc,
        [
            ("Visti i pareri favorevoli ", "b"),
            "di regolarità tecnica e contabile espressi ai sensi dell'art. 49, comma 1, del TUEL e riportati in "
            "calce alla presente deliberazione;",
        ],
    )
    dispositivo(doc, collegio, punti, "TUEL")


def chiusura_unione(doc: DocumentoDocx, allegato: str) -> None:
    sottoscrizione(
        doc,
        "La presente deliberazione è pubblicata all'albo pretorio on line dell'Unione per quindici giorni "
        f"consecutivi dal {dc('data di inizio della pubblicazione')}, ai sensi dell'art. 124, comma 1, del TUEL.",
    )
    p(
        doc,
        [
            ("Allegato A", "b"),
            f" – {allegato} (documento allegato, che ne costituisce parte integrante e sostanziale).",
        ],
    )
    pareri_art49(doc)
    nota_di_redazione(doc)


def delibera_consiglio_unione() -> DocumentoDocx:
    doc = nuovo(
        "Schema di deliberazione del Consiglio dell'Unione", "Deliberazione del Consiglio dell'Unione"
    )
    verbale_unione(doc, "DEL CONSIGLIO DELL'UNIONE")
    tag(doc, "if funzione.sostitutiva")
    p(
        doc,
        [
            ("OGGETTO: ", "b"),
            (
                "FUNZIONE «{{ funzione.etichetta|upper }}»: APPROVAZIONE DELLA NUOVA CONVENZIONE CON I COMUNI DI "
                "{{ unione.elenco_comuni|upper }}, SOSTITUTIVA DELLA CONVENZIONE "
                "{{ funzione.convenzione_precedente|upper }}.",
                "b",
            ),
        ],
    )
    tag(doc, "else")
    p(
        doc,
        [
            ("OGGETTO: ", "b"),
            (
                "ACCETTAZIONE DEL CONFERIMENTO DELLA FUNZIONE «{{ funzione.etichetta|upper }}» DA PARTE DEI COMUNI "
                "DI {{ unione.elenco_comuni|upper }} E APPROVAZIONE DELLO SCHEMA DI CONVENZIONE (ART. 30 D.LGS. "
                "267/2000; ARTT. 7, 21 E 24 L.R. EMILIA-ROMAGNA 21/2012).",
                "b",
            ),
        ],
    )
    tag(doc, "endif")
    p(
        doc,
        f"Nella seduta del {dc('data della seduta, in lettere')}, alle ore {dc('ora')}, nella sede "
        "dell'Unione, previa convocazione nei modi previsti dallo statuto e dal regolamento, si è riunito il "
        f"Consiglio dell'Unione. Presenti n. {dc('numero')}, assenti n. {dc('numero')}, come da appello "
        "nominale riportato nel verbale della seduta.",
    )
    p(
        doc,
        f"Partecipa il Segretario dell'Unione {dc('nome')}, che provvede alla redazione del presente verbale. "
        f"Assume la presidenza il Presidente del Consiglio dell'Unione {dc('nome, o chi lo sostituisce secondo lo statuto')}, "
        "che, constatato il numero legale, dichiara aperta la seduta.",
    )
    h1(doc, "IL CONSIGLIO DELL'UNIONE")
    p(doc, [("Premesso che:", "b")])
    punto(
        doc,
        "l'{{ unione.designazione }}, {{ unione.costituzione }}, opera dal {{ unione.decorrenza }} ed è formata "
        "dai Comuni di {{ unione.elenco_comuni }};",
    )
    premesse_statuto_e_funzione(doc)
    tag(doc, "if funzione.sostitutiva")
    punto(
        doc,
        "l'esercizio della funzione è disciplinato dalla convenzione {{ funzione.convenzione_precedente }}, che "
        f"occorre sostituire con un nuovo testo per {dc('motivi della sostituzione')};",
    )
    tag(doc, "endif")
    punto(
        doc,
        "i Consigli comunali hanno approvato {% if funzione.sostitutiva %}la nuova convenzione{% else %}lo schema "
        "di convenzione{% endif %} con le seguenti deliberazioni:",
    )
    tag(doc, "for c in funzione.conferimenti")
    p(
        doc,
        "– Comune di {{ c.comune.nome }}: deliberazione del Consiglio comunale {{ c.delibera_convenzione }};",
        rientro=True,
    )
    tag(doc, "endfor")
    visti_e_motivazione(
        doc,
        [
            "gli artt. 30, 32 e 42 del D.Lgs. 18 agosto 2000, n. 267 (TUEL);",
            "la L.R. Emilia-Romagna 21 dicembre 2012, n. 21, e in particolare gli artt. 7, 21 e 24;",
            "l'art. 15, comma 2-bis, della L. 7 agosto 1990, n. 241;",
            "lo statuto dell'Unione;",
        ],
    )
    p(
        doc,
        [
            ("Ritenuto ", "b"),
            "di accettare il conferimento della funzione e di approvare la convenzione nel testo approvato dai "
            "Consigli comunali, allegato alla presente deliberazione quale parte integrante e sostanziale;",
        ],
    )
    p(
        doc,
        [
            ("Dato atto ", "b"),
            "che le spese per l'esercizio della funzione sono iscritte nel bilancio dell'Unione e finanziate dai "
            "trasferimenti dei Comuni secondo il criterio stabilito nella convenzione ({{ funzione.riparto_spese }});",
        ],
    )
    voto_e_dispositivo(
        doc,
        "consiglieri",
        [
            "di accettare il conferimento all'Unione dell'esercizio integrale della funzione «{{ funzione.etichetta }}» "
            "da parte dei Comuni di {{ unione.elenco_comuni }}, con decorrenza dal {{ funzione.decorrenza }};",
            "di approvare {% if funzione.sostitutiva %}la nuova convenzione, sostitutiva della convenzione "
            "{{ funzione.convenzione_precedente }}{% else %}lo schema di convenzione{% endif %}, allegato alla "
            "presente deliberazione quale parte integrante e sostanziale (allegato A);",
            "di autorizzare il Presidente dell'Unione alla sottoscrizione della convenzione con firma digitale, ai "
            "sensi dell'art. 15, comma 2-bis, della L. 241/1990;",
            "di demandare alla Giunta dell'Unione e ai responsabili competenti gli atti organizzativi necessari "
            "all'avvio della gestione, compresa l'assegnazione del personale;",
            "di trasmettere copia della presente deliberazione ai Comuni aderenti.",
        ],
    )
    chiusura_unione(
        doc,
        "{% if funzione.sostitutiva %}Nuova convenzione{% else %}Schema di convenzione{% endif %} per il "
        "conferimento all'{{ unione.designazione }} della funzione «{{ funzione.etichetta }}»",
    )
    return doc


def delibera_adozione() -> DocumentoDocx:
    doc = nuovo(
        "Schema di deliberazione di adozione di un regolamento o di un piano", "Deliberazione dell'Unione"
    )
    intestazione_unione(doc)
    titolo(
        doc,
        "SCHEMA DI DELIBERAZIONE {% if adozione.consiglio %}DEL{% else %}DELLA{% endif %} "
        "{{ adozione.organo|upper }}",
        f"Deliberazione n. {dc('numero')} del {dc('data della seduta')}",
    )
    p(
        doc,
        [
            ("OGGETTO: ", "b"),
            (
                "{% if precedente %}AGGIORNAMENTO{% else %}APPROVAZIONE{% endif %} {{ adozione.oggetto|upper }}.",
                "b",
            ),
        ],
    )
    p(
        doc,
        f"Nella seduta del {dc('data della seduta, in lettere')}, alle ore {dc('ora')}, nella sede dell'Unione, "
        "previa convocazione nei modi previsti dallo statuto e dal regolamento, si è riunit"
        "{% if adozione.consiglio %}o il{% else %}a la{% endif %} "
        f"{{{{ adozione.organo }}}}. Presenti n. {dc('numero')}, assenti n. {dc('numero')}.",
    )
    p(
        doc,
        f"Partecipa il Segretario dell'Unione {dc('nome')}, che provvede alla redazione del presente verbale. "
        "Assume la presidenza {% if adozione.consiglio %}il Presidente del Consiglio dell'Unione{% else %}il "
        f"Presidente dell'Unione{{% endif %}} {dc('nome')}, che, constatato il numero legale, dichiara aperta la "
        "seduta.",
    )
    h1(doc, "{% if adozione.consiglio %}IL{% else %}LA{% endif %} {{ adozione.organo|upper }}")
    p(doc, [("Premesso che:", "b")])
    punto(
        doc,
        "l'{{ unione.designazione }}, {{ unione.costituzione }}, opera dal {{ unione.decorrenza }} per i Comuni "
        "di {{ unione.elenco_comuni }};",
    )
    punto(
        doc,
        "l'Unione deve dotarsi {{ adozione.oggetto }}, {{ adozione.base_giuridica }};",
    )
    tag(doc, "if precedente")
    punto(
        doc,
        "l'atto vigente è stato approvato con {{ precedente }} e occorre aggiornarlo per "
        f"{dc('motivi dell’aggiornamento, ad esempio le funzioni conferite dopo la sua approvazione')};",
    )
    tag(doc, "endif")
    punto(
        doc,
        "le funzioni esercitate dall'Unione alla data della presente deliberazione sono: "
        "{% for f in funzioni if f.effettiva %}{{ f.etichetta }}{% if not loop.last %}; {% endif %}"
        "{% else %}nessuna in forma effettiva{% endfor %};",
    )
    p(doc, [("Visti:", "b")])
    for testo in (
        "il D.Lgs. 18 agosto 2000, n. 267 (TUEL), e in particolare gli artt. 32, 42 e 48;",
        "la L.R. Emilia-Romagna 21 dicembre 2012, n. 21;",
        "lo statuto dell'Unione;",
    ):
        punto(doc, testo)
    tag(doc, "for parere in adozione.pareri")
    p(doc, [("Acquisito ", "b"), "{{ parere }}, allegato alla presente deliberazione (allegato B);"])
    tag(doc, "endfor")
    tag(doc, "if adozione.informazione_sindacale")
    p(
        doc,
        [
            ("Dato atto ", "b"),
            f"che è stata resa l'{{{{ adozione.informazione_sindacale }}}}, con nota del {dc('data e protocollo')};",
        ],
    )
    tag(doc, "endif")
    p(
        doc,
        [
            ("Ritenuto ", "b"),
            "di approvare il testo allegato alla presente deliberazione quale parte integrante e sostanziale;",
        ],
    )
    voto_e_dispositivo(
        doc,
        "{% if adozione.consiglio %}consiglieri{% else %}componenti{% endif %}",
        [
            "di {% if precedente %}aggiornare{% else %}approvare{% endif %}, per le motivazioni espresse in "
            "premessa, il testo {{ adozione.oggetto }}, allegato alla presente deliberazione quale parte integrante "
            "e sostanziale (allegato A);",
            'di dare atto che {% if adozione.tipo == "regolamento" %}il regolamento entra in vigore '
            f"{dc('decorrenza, ad esempio il giorno successivo alla pubblicazione')} e sostituisce, per l'Unione, le "
            "norme regolamentari dei Comuni applicate in via transitoria nella stessa materia{% else %}il piano è "
            "pubblicato nella sezione «Amministrazione trasparente» del sito dell'Unione{% endif %};",
            "di trasmettere copia della presente deliberazione ai Comuni aderenti{% if not adozione.consiglio %} e "
            "di comunicarla ai capigruppo consiliari contestualmente alla pubblicazione, ai sensi dell'art. 125 del "
            "TUEL{% endif %}.",
        ],
    )
    chiusura_unione(doc, "{{ adozione.titolo }}")
    return doc


def intestazione_unione(doc: DocumentoDocx) -> None:
    p(doc, "{{ unione.designazione|upper }}", "Intestazione ente")
    p(doc, "{{ unione.area_vasta }}", centro=True)
    p(doc, [("Comuni di {{ unione.elenco_comuni }}", "i")], centro=True)


def regolamento_uffici() -> DocumentoDocx:
    doc = nuovo("Regolamento sull'ordinamento degli uffici e dei servizi", "Regolamento")
    intestazione_unione(doc)
    titolo(
        doc,
        "REGOLAMENTO SULL'ORDINAMENTO DEGLI UFFICI E DEI SERVIZI",
        f"Adottato dalla {{{{ regolamento.organo }}}} con deliberazione n. {dc('numero')} del {dc('data')}, "
        "{{ regolamento.base_giuridica }}, nel rispetto dei criteri generali stabiliti dal Consiglio "
        f"dell'Unione con deliberazione n. {dc('numero')} del {dc('data')}",
    )
    art = Articolato(doc)
    art.titolo_sezione("TITOLO I – DISPOSIZIONI GENERALI")
    art.articolo(
        "Oggetto e ambito di applicazione",
        [
            "Il presente regolamento disciplina l'ordinamento generale degli uffici e dei servizi "
            "dell'{{ unione.designazione }}, ai sensi degli artt. 48, comma 3, e 89 del D.Lgs. 18 agosto 2000, "
            "n. 267 (TUEL), del D.Lgs. 30 marzo 2001, n. 165, e dello statuto dell'Unione.",
            "Il regolamento si applica al personale dell'Unione e a quello trasferito, comandato o assegnato "
            "dai Comuni di {{ unione.elenco_comuni }} per l'esercizio delle funzioni conferite.",
        ],
    )
    art.articolo(
        "Principi e criteri di organizzazione",
        [
            "L'organizzazione dell'Unione si ispira ai principi di efficacia, efficienza, economicità, "
            "trasparenza, flessibilità, valorizzazione delle professionalità e pari opportunità.",
            "L'organizzazione assicura l'esercizio integrale delle funzioni conferite dai Comuni, secondo l'art. "
            "24 della L.R. Emilia-Romagna 21 dicembre 2012, n. 21, e l'omogeneità dei servizi sull'intero "
            "territorio dell'Unione.",
        ],
    )
    art.articolo(
        "Indirizzo politico e gestione",
        [
            "Gli organi dell'Unione esercitano le funzioni di indirizzo politico-amministrativo e di controllo; "
            "ai responsabili dei servizi spetta la gestione amministrativa, finanziaria e tecnica, ai sensi "
            "dell'art. 107 del TUEL e dell'art. 4 del D.Lgs. 165/2001.",
        ],
    )
    art.titolo_sezione("TITOLO II – STRUTTURA ORGANIZZATIVA")
    art.articolo(
        "Articolazione della struttura",
        [
            "La struttura organizzativa si articola in aree (o settori), servizi e uffici; possono essere "
            "costituite unità di progetto per obiettivi determinati e a termine.",
            "L'organigramma e il funzionigramma sono approvati dalla Giunta dell'Unione e pubblicati nella "
            "sezione «Amministrazione trasparente» del sito istituzionale.",
        ],
    )
    art.articolo(
        "Uffici unici per le funzioni conferite",
        ["Per ciascuna funzione conferita dai Comuni è costituito un ufficio unico, con un responsabile:"],
    )
    tag(doc, "for f in funzioni")
    punto(doc, "{{ f.etichetta }}: {{ f.responsabile }};")
    tag(doc, "endfor")
    art.articolo(
        "Dotazione organica e fabbisogni di personale",
        [
            "La consistenza del personale e la programmazione dei fabbisogni sono definite nella sezione 3 "
            "«Organizzazione e capitale umano» del Piano integrato di attività e organizzazione (PIAO), ai sensi "
            "dell'art. 6 del D.L. 9 giugno 2021, n. 80, e dell'art. 6 del D.Lgs. 165/2001.",
        ],
    )
    art.titolo_sezione("TITOLO III – SEGRETARIO E RESPONSABILI DEI SERVIZI")
    art.articolo(
        "Segretario dell'Unione",
        [
            "Il Segretario dell'Unione svolge le funzioni previste dall'art. 97 del TUEL ed è individuato "
            "secondo lo statuto dell'Unione.",
            "Il Segretario sovrintende allo svolgimento delle funzioni dei responsabili dei servizi e ne "
            "coordina l'attività.",
        ],
    )
    art.articolo(
        "Vice Segretario",
        [
            "Può essere nominato un Vice Segretario, che coadiuva il Segretario e lo sostituisce in caso di "
            "vacanza, assenza o impedimento."
        ],
    )
    art.articolo(
        "Responsabili dei servizi e incarichi di elevata qualificazione",
        [
            "I responsabili delle aree e dei servizi sono nominati con decreto del Presidente dell'Unione, ai "
            "sensi dell'art. 109, comma 2, del TUEL, tra il personale titolare di incarico di elevata "
            "qualificazione secondo il contratto collettivo nazionale del comparto Funzioni locali.",
            "Gli incarichi sono conferiti a tempo determinato, sulla base di criteri di competenza "
            "professionale e dei risultati conseguiti, e possono essere revocati con atto motivato.",
        ],
    )
    art.articolo(
        "Competenze dei responsabili",
        [
            "I responsabili adottano gli atti di gestione previsti dall'art. 107 del TUEL, compresi gli atti "
            "che impegnano l'Unione verso l'esterno, e rispondono del raggiungimento degli obiettivi assegnati "
            "con il piano esecutivo di gestione e con il PIAO.",
        ],
    )
    # [R] art. 110 TUEL c.1-3 as amended by DL 90/2014 (30% of the posts, public selection): recalled
    art.articolo(
        "Incarichi a contratto",
        [
            "La copertura dei posti di responsabile dei servizi o degli uffici, di qualifiche dirigenziali o di "
            "alta specializzazione può avvenire mediante contratto a tempo determinato, ai sensi dell'art. 110, "
            "comma 1, del TUEL, nel limite del "
            f"{dc('percentuale, non superiore al 30 per cento')} dei posti istituiti della medesima qualifica, "
            "previa selezione pubblica volta ad accertare, in capo ai candidati, il possesso di comprovata "
            "esperienza pluriennale e specifica professionalità nelle materie oggetto dell'incarico.",
            "Al di fuori della dotazione organica possono essere stipulati contratti a tempo determinato per "
            "responsabili e alte specializzazioni, ai sensi dell'art. 110, comma 2, del TUEL, "
            f"{dc('sì, nei limiti di legge, oppure: non sono ammessi')}.",
            "Gli incarichi sono conferiti con decreto del Presidente dell'Unione e non possono avere durata "
            "superiore al mandato del Presidente in carica.",
        ],
    )
    art.articolo(
        "Incompatibilità e incarichi esterni",
        [
            "Il personale non può svolgere attività incompatibili con il rapporto di lavoro pubblico; gli "
            "incarichi retribuiti non compresi nei compiti e doveri d'ufficio sono autorizzati secondo l'art. 53 "
            "del D.Lgs. 30 marzo 2001, n. 165.",
            f"L'autorizzazione è rilasciata da {dc('organo: il Segretario, o il responsabile del servizio')}, "
            "verificata l'assenza di conflitti di interesse anche potenziali, entro trenta giorni dalla richiesta "
            "(art. 53, comma 10); gli incarichi conferiti o autorizzati sono comunicati alla Funzione pubblica nei "
            "termini dell'art. 53, comma 12.",
            "Il personale con rapporto a tempo parziale non superiore al 50 per cento può svolgere altra attività "
            "lavorativa, previa comunicazione e fatta salva la verifica dei conflitti di interesse.",
        ],
    )
    art.articolo(
        "Orario di servizio, orario di lavoro e apertura al pubblico",
        [
            "L'orario di apertura al pubblico degli uffici è stabilito dal Presidente dell'Unione, ai sensi "
            "dell'art. 50, comma 7, del TUEL, tenendo conto delle sedi decentrate nei Comuni aderenti.",
            "L'orario di lavoro ordinario è di trentasei ore settimanali, articolato su "
            f"{dc('cinque o sei giorni')}, con una fascia di flessibilità in entrata e in uscita di "
            f"{dc('durata, ad esempio sessanta minuti')}, secondo il contratto collettivo nazionale.",
        ],
    )
    art.articolo(
        "Lavoro agile e lavoro da remoto",
        [
            "Il lavoro agile è disciplinato dagli artt. 18 e seguenti della L. 22 maggio 2017, n. 81, dal "
            "contratto collettivo nazionale e dalla sottosezione «Organizzazione del lavoro agile» del PIAO, ed è "
            "svolto sulla base di un accordo individuale.",
            "Possono essere svolte in lavoro agile le attività che non richiedono la presenza continuativa in "
            f"sede, per non più di {dc('numero di giorni alla settimana o al mese')}, garantendo in ogni caso "
            "l'apertura al pubblico e la prevalenza del lavoro in presenza.",
        ],
    )
    art.titolo_sezione("TITOLO IV – PERFORMANCE E CONTROLLI")
    art.articolo(
        "Ciclo della performance",
        [
            "L'Unione misura e valuta la performance organizzativa e individuale secondo il D.Lgs. 27 ottobre "
            "2009, n. 150, e il sistema di misurazione e valutazione approvato dalla Giunta.",
        ],
    )
    art.articolo(
        "Nucleo di valutazione",
        [
            "Il Nucleo di valutazione è nominato dal Presidente dell'Unione e può svolgere le sue funzioni anche "
            "per i Comuni aderenti, previa convenzione.",
        ],
    )
    art.articolo(
        "Controlli interni",
        ["Il sistema dei controlli interni è disciplinato ai sensi degli artt. 147 e seguenti del TUEL."],
    )
    art.titolo_sezione("TITOLO V – PERSONALE")
    art.articolo(
        "Personale trasferito dai Comuni",
        [
            "Il personale trasferito dai Comuni per l'esercizio delle funzioni conferite conserva la posizione "
            "giuridica ed economica acquisita, ai sensi dell'art. 31 del D.Lgs. 165/2001.",
        ],
    )
    art.articolo(
        "Mobilità interna",
        [
            "La mobilità interna è disposta dal Segretario, sentiti i responsabili interessati, secondo criteri di "
            "professionalità e di funzionalità dei servizi."
        ],
    )
    art.articolo(
        "Ufficio per i procedimenti disciplinari",
        [
            "L'ufficio per i procedimenti disciplinari è individuato ai sensi dell'art. 55-bis del D.Lgs. "
            "165/2001 e può operare anche per i Comuni aderenti, previa convenzione."
        ],
    )
    art.articolo(
        "Accesso all'impiego",
        [
            "L'accesso all'impiego avviene secondo l'art. 35 del D.Lgs. 165/2001 e il D.P.R. 9 maggio 1994, n. 487; "
            "le modalità di dettaglio sono disciplinate da apposito regolamento."
        ],
    )
    art.titolo_sezione("TITOLO VI – NORME FINALI")
    art.articolo(
        "Atti di organizzazione",
        [
            "Gli atti di organizzazione dei responsabili assumono la forma della determinazione; quelli del "
            "Presidente la forma del decreto."
        ],
    )
    art.articolo(
        "Entrata in vigore e abrogazioni",
        [
            "Il presente regolamento entra in vigore con l'esecutività della deliberazione di approvazione.",
            "Dalla stessa data cessano di applicarsi all'Unione le disposizioni regolamentari con esso "
            f"incompatibili, e in particolare {dc('regolamenti precedenti da abrogare o non più applicabili')}.",
        ],
    )
    nota_di_redazione(doc)
    return doc


def regolamento_contabilita() -> DocumentoDocx:
    doc = nuovo("Regolamento di contabilità", "Regolamento")
    intestazione_unione(doc)
    titolo(
        doc,
        "REGOLAMENTO DI CONTABILITÀ",
        f"Approvato dal {{{{ regolamento.organo }}}} con deliberazione n. {dc('numero')} del {dc('data')}, "
        "{{ regolamento.base_giuridica }}",
    )
    art = Articolato(doc)
    art.titolo_sezione("TITOLO I – DISPOSIZIONI GENERALI")
    art.articolo(
        "Oggetto",
        [
            "Il presente regolamento disciplina l'ordinamento finanziario e contabile dell'{{ unione.designazione }}, "
            "ai sensi dell'art. 152 del D.Lgs. 18 agosto 2000, n. 267 (TUEL), nel rispetto dei principi "
            "contabili generali e applicati di cui al D.Lgs. 23 giugno 2011, n. 118.",
            "Per quanto non previsto si applicano le norme del TUEL, del D.Lgs. 118/2011 e dello statuto "
            "dell'Unione; ai sensi dell'art. 32, comma 4, del TUEL, si applicano all'Unione, in quanto "
            "compatibili, i principi previsti per l'ordinamento dei Comuni.",
        ],
    )
    art.articolo(
        "Servizio finanziario",
        [
            "Il servizio finanziario, ai sensi dell'art. 153 del TUEL, coordina l'attività finanziaria "
            "dell'Unione e ne verifica gli equilibri.",
            "Il responsabile del servizio finanziario è nominato con decreto del Presidente dell'Unione.",
        ],
    )
    art.articolo(
        "Parere di regolarità contabile e visto di copertura",
        [
            "Il responsabile del servizio finanziario rilascia il parere di regolarità contabile sulle proposte "
            "di deliberazione, ai sensi degli artt. 49 e 147-bis del TUEL, e il visto di copertura finanziaria "
            "sulle determinazioni che comportano impegni di spesa, ai sensi dell'art. 183, comma 7, del TUEL.",
            f"Il parere e il visto sono resi entro {dc('numero')} giorni dal ricevimento della proposta.",
        ],
    )
    art.titolo_sezione("TITOLO II – PROGRAMMAZIONE E BILANCIO")
    art.articolo(
        "Documento unico di programmazione",
        [
            "Il Documento unico di programmazione (DUP) è presentato dalla Giunta al Consiglio dell'Unione entro "
            "il 31 luglio, ai sensi dell'art. 170 del TUEL; il Consiglio lo esamina entro "
            f"{dc('termine, ad esempio sessanta giorni dalla presentazione')}.",
            "La nota di aggiornamento al DUP è presentata insieme allo schema del bilancio di previsione.",
        ],
    )
    art.articolo(
        "Bilancio di previsione",
        [
            "Il bilancio di previsione finanziario è deliberato dal Consiglio dell'Unione entro il termine "
            "previsto dall'art. 151 del TUEL, secondo il procedimento dell'art. 174.",
            "La Giunta approva lo schema di bilancio e lo presenta al Consiglio entro il "
            f"{dc('data, ad esempio 15 novembre')}, con la relazione dell'organo di revisione, che si esprime entro "
            f"{dc('numero di giorni, ad esempio quindici')} giorni dal ricevimento dello schema.",
            f"I consiglieri presentano gli emendamenti entro {dc('numero di giorni, ad esempio dieci')} giorni "
            "prima della seduta; gli emendamenti sono ammissibili se mantengono gli equilibri di bilancio e sono "
            "corredati dei pareri di regolarità tecnica e contabile e dell'organo di revisione.",
        ],
    )
    art.articolo(
        "Piano esecutivo di gestione",
        [
            "Il piano esecutivo di gestione (PEG) è approvato dalla Giunta ai sensi dell'art. 169 del TUEL e "
            "assegna le risorse ai responsabili dei servizi."
        ],
    )
    art.articolo(
        "Rapporti finanziari con i Comuni aderenti",
        [
            "Le spese per le funzioni conferite sono iscritte nel bilancio dell'Unione e finanziate dai "
            "trasferimenti dei Comuni secondo i criteri di riparto stabiliti nelle convenzioni di conferimento.",
            "Il servizio finanziario comunica ai Comuni, entro il "
            f"{dc('termine, in tempo per i bilanci dei Comuni')}, le quote di trasferimento previste per "
            "l'esercizio successivo e, a rendiconto, i conguagli.",
        ],
    )
    art.titolo_sezione("TITOLO III – GESTIONE")
    art.articolo(
        "Entrate",
        [
            "Le fasi dell'entrata (accertamento, riscossione e versamento) seguono gli artt. 178 e seguenti del "
            "TUEL."
        ],
    )
    art.articolo(
        "Spese",
        [
            "Le fasi della spesa (impegno, liquidazione, ordinazione e pagamento) seguono gli artt. 182 e seguenti "
            "del TUEL."
        ],
    )
    art.articolo(
        "Variazioni di bilancio e fondo di riserva",
        [
            "Le variazioni di bilancio sono disposte secondo l'art. 175 del TUEL: dal Consiglio entro il 30 "
            "novembre, dalla Giunta in via d'urgenza con ratifica del Consiglio entro sessanta giorni, dai "
            "responsabili dei servizi nei casi del comma 5-quater.",
            "Il fondo di riserva è iscritto in misura pari al "
            f"{dc('percentuale, tra lo 0,30 e il 2 per cento delle spese correnti')} delle spese correnti "
            "inizialmente previste, ai sensi dell'art. 166 del TUEL; i prelevamenti sono disposti con "
            "deliberazione della Giunta fino al 31 dicembre e comunicati al Consiglio "
            f"{dc('modalità e termini, ad esempio nella prima seduta utile')}.",
        ],
    )
    art.articolo(
        "Debiti fuori bilancio",
        [
            "Il responsabile del servizio interessato segnala senza indugio al servizio finanziario e al "
            "Segretario i debiti fuori bilancio, con una relazione sulle cause e sui mezzi di copertura.",
            "Il Consiglio riconosce la legittimità dei debiti ai sensi dell'art. 194 del TUEL entro "
            f"{dc('termine, ad esempio sessanta giorni dalla segnalazione')}, e comunque in occasione della "
            "salvaguardia degli equilibri; la deliberazione è trasmessa alla competente Procura della Corte dei "
            "conti.",
        ],
    )
    art.articolo(
        "Salvaguardia degli equilibri",
        [
            "Il Consiglio verifica il permanere degli equilibri generali di bilancio almeno una volta l'anno, "
            "entro il 31 luglio, ai sensi dell'art. 193 del TUEL.",
            "Il controllo sugli equilibri finanziari (art. 147-quinquies del TUEL) è diretto dal responsabile del "
            f"servizio finanziario, con verifiche {dc('periodicità, ad esempio trimestrali')} i cui esiti sono "
            "comunicati al Presidente, al Segretario e all'organo di revisione.",
        ],
    )
    art.titolo_sezione("TITOLO IV – RENDICONTAZIONE")
    art.articolo(
        "Rendiconto della gestione",
        [
            "Il rendiconto è deliberato dal Consiglio dell'Unione entro il termine previsto dall'art. 227 del "
            "TUEL, previo riaccertamento ordinario dei residui (art. 228)."
        ],
    )
    art.titolo_sezione("TITOLO V – TESORERIA, ECONOMATO E AGENTI CONTABILI")
    art.articolo(
        "Servizio di tesoreria",
        [
            "Il servizio di tesoreria è affidato secondo gli artt. 208 e seguenti del TUEL, con convenzione "
            "deliberata dal Consiglio."
        ],
    )
    art.articolo(
        "Servizio di economato e agenti contabili",
        [
            "Il servizio di economato, ai sensi dell'art. 153, comma 7, del TUEL, provvede alle spese d'ufficio "
            "di non rilevante ammontare, entro il limite di "
            f"{dc('importo, ad esempio 500 euro')} per ciascuna spesa, con un fondo economale di "
            f"{dc('importo annuo')} reintegrato previa presentazione del rendiconto "
            f"{dc('periodicità, ad esempio trimestrale')}.",
            "L'economo e gli altri agenti contabili sono nominati con "
            f"{dc('atto: decreto del Presidente o determinazione del responsabile')} e rendono il conto della "
            "gestione entro trenta giorni dalla chiusura dell'esercizio, ai sensi dell'art. 233 del TUEL.",
        ],
    )
    art.titolo_sezione("TITOLO VI – INVENTARIO E PATRIMONIO")
    art.articolo(
        "Inventario",
        [
            "I beni dell'Unione sono rilevati in inventario ai sensi dell'art. 230 del TUEL; i beni dei Comuni "
            "concessi in uso per le funzioni conferite sono annotati in un elenco separato."
        ],
    )
    art.titolo_sezione("TITOLO VII – REVISIONE ECONOMICO-FINANZIARIA")
    art.articolo(
        "Organo di revisione",
        [
            "L'organo di revisione economico-finanziaria è nominato e svolge le sue funzioni ai sensi degli "
            "artt. 234 e seguenti del TUEL."
        ],
    )
    art.titolo_sezione("TITOLO VIII – NORME FINALI")
    art.articolo(
        "Entrata in vigore",
        [
            "Il presente regolamento entra in vigore con l'esecutività della deliberazione di approvazione.",
            "Dalla stessa data cessa di applicarsi all'Unione il regolamento di contabilità "
            f"{dc('regolamento finora applicato, ad esempio quello di un Comune aderente')}.",
        ],
    )
    nota_di_redazione(doc)
    return doc


def frontespizio_piano(doc: DocumentoDocx, titolo_piano: str, sottotitolo: str) -> None:
    intestazione_unione(doc)
    titolo(doc, titolo_piano, sottotitolo)
    tag(doc, "if precedente")
    p(doc, [("Aggiornamento ", "b"), "dell'atto approvato con {{ precedente }}."], centro=True)
    tag(doc, "endif")
    p(
        doc,
        [
            ("Schema da approvare ", "b"),
            f"con deliberazione della {{{{ piano.organo }}}} n. {dc('numero')} del {dc('data')}, "
            "{{ piano.base_giuridica }}.",
        ],
        centro=True,
    )


def tabella_comuni(doc: DocumentoDocx) -> None:
    tabella(
        doc,
        ["Comune", "Codice ISTAT", "Abitanti", "Sindaco"],
        [["{{ c.nome }}", "{{ c.istat }}", "{{ c.popolazione }}", "{{ c.sindaco }}"]],
        ciclo="for c in comuni",
    )


def tabella_funzioni(doc: DocumentoDocx) -> None:
    tabella(
        doc,
        ["Funzione", "Stato al {{ documento.data_valutazione }}", "Responsabile"],
        [
            [
                "{{ f.etichetta }}",
                "{{ f.stato }}",
                "{{ f.responsabile }}",
            ]
        ],
        ciclo="for f in funzioni",
        larghezze=[6.3, 4.0, 6.0],
    )


def piano_comunicazione() -> DocumentoDocx:
    doc = nuovo("Piano di comunicazione dell'Unione", "Piano")
    frontespizio_piano(
        doc,
        "PIANO DI COMUNICAZIONE DELL'UNIONE",
        "Anno {{ documento.anno }} – L. 7 giugno 2000, n. 150; direttiva del Ministro per la funzione pubblica "
        "7 febbraio 2002",
    )
    h2(doc, "1. Premessa e riferimenti normativi")
    p(
        doc,
        "Il piano di comunicazione definisce obiettivi, destinatari, strumenti, azioni, tempi e risorse della "
        "comunicazione dell'{{ unione.designazione }} e dei Comuni di {{ unione.elenco_comuni }} sulla gestione "
        "associata delle funzioni. Attua l'art. 1, commi 4 e 5, e l'art. 6 della L. 7 giugno 2000, n. 150, e "
        "segue lo schema della direttiva del Ministro per la funzione pubblica del 7 febbraio 2002 (obiettivi e "
        "strategia; azioni e tempi; mezzi e budget; monitoraggio e valutazione). È uno dei risultati del "
        "percorso di accompagnamento al riordino territoriale sostenuto dalla Regione Emilia-Romagna (art. 27 "
        "della L.R. 21 dicembre 2012, n. 21).",
    )
    h2(doc, "2. Analisi di contesto")
    p(doc, "L'Unione conta {{ unione.popolazione }} e comprende i seguenti Comuni:")
    tabella_comuni(doc)
    p(doc, "Le funzioni che i Comuni conferiscono all'Unione, con il loro stato, sono:")
    tabella_funzioni(doc)
    p(doc, f"Punti di forza e criticità della comunicazione attuale: {dc('sintesi dell’analisi')}.")
    h2(doc, "3. Obiettivi")
    for testo in (
        [
            ("Comunicazione esterna: ", "b"),
            "far conoscere a cittadini e imprese quali servizi sono gestiti "
            "dall'Unione, dove e come accedervi, e i risultati della gestione associata.",
        ],
        [
            ("Comunicazione interna: ", "b"),
            "accompagnare il personale dei Comuni e dell'Unione nel passaggio "
            "alle funzioni associate, con informazioni tempestive su sedi, procedure e referenti.",
        ],
        [
            ("Comunicazione istituzionale: ", "b"),
            "rafforzare il riconoscimento dell'Unione come ente di "
            "riferimento del territorio presso i Consigli comunali, la Regione e gli stakeholder.",
        ],
        [
            ("Comunicazione on line: ", "b"),
            "un sito istituzionale unico e canali digitali coordinati tra Unione e "
            "Comuni, accessibili secondo le linee guida AgID.",
        ],
    ):
        punto(doc, testo)
    h2(doc, "4. Destinatari")
    for testo in (
        "cittadini residenti nei Comuni di {{ unione.elenco_comuni }};",
        "imprese, professionisti e associazioni di categoria;",
        "personale dell'Unione e dei Comuni aderenti;",
        "amministratori: Giunta e Consiglio dell'Unione, Sindaci e Consigli comunali;",
        "stampa locale, scuole, associazioni e terzo settore.",
    ):
        punto(doc, testo)
    h2(doc, "5. Messaggi chiave")
    p(doc, f"{dc('messaggi chiave, ad esempio «un solo ufficio per tutto il territorio»')}.")
    h2(doc, "6. Strumenti e canali")
    for testo in (
        "sito istituzionale dell'Unione e pagine dedicate nei siti dei Comuni;",
        "Ufficio relazioni con il pubblico (URP) e sportelli decentrati;",
        "comunicati stampa e conferenze stampa;",
        "newsletter, canali social istituzionali e app di messaggistica;",
        "incontri pubblici nei Comuni e materiali informativi;",
        "intranet e riunioni periodiche per il personale.",
    ):
        punto(doc, testo)
    h2(doc, "7. Azioni e cronoprogramma")
    tabella(
        doc,
        ["Azione", "Destinatari", "Strumenti", "Periodo", "Responsabile"],
        [
            [
                "Presentazione dell'Unione e delle funzioni associate",
                "cittadini, imprese",
                "incontri pubblici, sito",
                dc("periodo"),
                dc("ufficio"),
            ],
            [
                "Comunicazione dell'avvio di ciascuna funzione conferita",
                "cittadini, imprese",
                "sito, social, stampa",
                dc("periodo"),
                dc("ufficio"),
            ],
            [
                "Informazione al personale sul trasferimento",
                "personale",
                "intranet, riunioni",
                dc("periodo"),
                dc("ufficio"),
            ],
            [
                "Relazione annuale ai Consigli comunali",
                "amministratori",
                "relazione, sedute",
                dc("periodo"),
                dc("ufficio"),
            ],
        ],
        larghezze=[3.8, 2.5, 2.6, 3.7, 3.7],
    )
    h2(doc, "8. Risorse e budget")
    p(
        doc,
        f"Risorse di personale: {dc('unità e profili dedicati')}. Budget per l'anno {{{{ documento.anno }}}}: "
        f"{dc('importo e capitolo di bilancio')}.",
    )
    h2(doc, "9. Monitoraggio e valutazione")
    p(
        doc,
        "Il piano è monitorato in itinere e valutato ex post con indicatori quali accessi al sito e ai canali "
        "digitali, contatti con l'URP e gli sportelli, partecipazione agli incontri, uscite sulla stampa e "
        "risultati di indagini di soddisfazione. Gli esiti sono presentati alla Giunta dell'Unione "
        f"entro il {dc('data')} e orientano l'aggiornamento del piano.",
    )
    nota_di_redazione(doc)
    return doc


def programmazione_personale() -> DocumentoDocx:
    doc = nuovo("PIAO – Programmazione integrata del personale", "Piano")
    frontespizio_piano(
        doc,
        "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE {{ documento.triennio }}",
        "Sezione 3 «Organizzazione e capitale umano» – Sottosezione 3.3 «Piano triennale dei fabbisogni di "
        "personale»: programmazione integrata del personale dell'Unione e dei Comuni aderenti",
    )
    h2(doc, "3.3.1 Premessa e riferimenti normativi")
    p(
        doc,
        "La presente sottosezione del PIAO dell'{{ unione.designazione }} è redatta ai sensi dell'art. 6 del "
        "D.L. 9 giugno 2021, n. 80, convertito dalla L. 6 agosto 2021, n. 113, del D.M. 30 giugno 2022, n. 132 "
        "(Piano tipo, sezione 3) e dell'art. 6 del D.Lgs. 30 marzo 2001, n. 165. È adottata dalla Giunta "
        "dell'Unione entro il 31 gennaio, o entro trenta giorni dall'approvazione del bilancio di previsione "
        "quando il relativo termine è differito (art. 8, comma 2, del D.M. 132/2022).",
    )
    p(
        doc,
        "La programmazione è «integrata»: riguarda il personale dell'Unione, compreso quello trasferito per le "
        "funzioni conferite, ed è coordinata con la programmazione dei Comuni di {{ unione.elenco_comuni }}, che "
        "adottano ciascuno il proprio PIAO.",
    )
    h2(doc, "3.3.2 Consistenza del personale")
    p(doc, f"Personale in servizio al 31 dicembre {dc('anno')}, per ente:")
    tabella(
        doc,
        ["Ente", "Dipendenti a tempo indeterminato", "Di cui assegnati a funzioni conferite", "Note"],
        [
            ["{{ unione.nome }}", dc("numero"), dc("numero"), ""],
        ],
    )
    tabella(
        doc,
        ["Comune", "Abitanti", "Dipendenti a tempo indeterminato", "Note"],
        [["{{ c.nome }}", "{{ c.popolazione }}", dc("numero"), ""]],
        ciclo="for c in comuni",
    )
    h2(doc, "3.3.3 Personale delle funzioni conferite")
    tabella(
        doc,
        ["Funzione", "Stato", "Personale dedicato", "Responsabile"],
        [
            [
                "{{ f.etichetta }}",
                "{{ f.stato }}",
                "{{ f.personale }}",
                "{{ f.responsabile }}",
            ]
        ],
        ciclo="for f in funzioni",
        larghezze=[4.4, 3.9, 3.9, 4.1],
    )
    p(
        doc,
        "Per le funzioni non ancora esercitate in forma effettiva il trasferimento del personale avviene ai sensi "
        "dell'art. 31 "
        "del D.Lgs. 165/2001, previa informazione alle organizzazioni sindacali (art. 47 della L. 29 dicembre "
        "1990, n. 428), e ne è condizione di effettività (art. 24, comma 5, della L.R. 21/2012).",
    )
    h2(doc, "3.3.4 Ricognizione delle eccedenze di personale")
    p(
        doc,
        "Ai sensi dell'art. 33 del D.Lgs. 30 marzo 2001, n. 165, l'Unione ha effettuato la ricognizione annuale "
        "delle situazioni di soprannumero o di eccedenza di personale, in relazione alle esigenze funzionali e "
        f"alla situazione finanziaria, con esito {dc('negativo, o le eccedenze rilevate')}, come da "
        f"{dc('atto o attestazione dei responsabili, con data')}.",
    )
    h2(doc, "3.3.5 Capacità assunzionale e limiti di spesa")
    # [R] L. 296/2006 c.557-quater (average of 2011-2013) and TUEL art. 32 c.5: recalled, not re-read here
    p(
        doc,
        "La capacità assunzionale è determinata secondo la normativa vigente per le Unioni di Comuni e per i "
        f"Comuni aderenti: {dc('calcolo della capacità assunzionale e verifica della sostenibilità finanziaria')}.",
    )
    p(
        doc,
        "La spesa di personale programmata rispetta il limite di cui all'art. 1, comma 557-quater, della L. 27 "
        "dicembre 2006, n. 296 (media del triennio 2011-2013), e l'art. 32, comma 5, del TUEL, per il quale la "
        "spesa per il personale dell'Unione non comporta il superamento della somma delle spese di personale "
        f"sostenute in precedenza dai Comuni aderenti: {dc('importi del limite e della spesa programmata')}.",
    )
    p(
        doc,
        "Sulla presente programmazione l'organo di revisione esprime il parere previsto dall'art. 19, comma 8, "
        "della L. 28 dicembre 2001, n. 448.",
    )
    h2(doc, "3.3.6 Programmazione delle assunzioni nel triennio {{ documento.triennio }}")
    tabella(
        doc,
        ["Anno", "Profilo / area", "Numero", "Modalità di copertura", "Funzione"],
        [
            [anno, dc("profilo"), dc("numero"), dc("concorso, mobilità, progressione"), dc("funzione")]
            for anno in ("{{ documento.anno }}", "{{ documento.anno + 1 }}", "{{ documento.anno + 2 }}")
        ],
        larghezze=[1.6, 3.9, 3.6, 3.6, 3.6],
    )
    h2(doc, "3.3.7 Strategie di copertura e sviluppo delle competenze")
    p(
        doc,
        "Le strategie di copertura privilegiano la mobilità tra l'Unione e i Comuni aderenti, le progressioni "
        "tra le aree e la valorizzazione delle professionalità interne; il fabbisogno di competenze è "
        "coordinato con il piano di formazione unitario.",
    )
    h2(doc, "3.3.8 Coordinamento con i Comuni aderenti")
    p(
        doc,
        "La Giunta dell'Unione, {{ unione.giunta }}, condivide la programmazione con i Comuni aderenti, che ne "
        "tengono conto nei rispettivi PIAO e nei Documenti unici di programmazione.",
    )
    nota_di_redazione(doc)
    return doc


def piano_formazione() -> DocumentoDocx:
    doc = nuovo("PIAO – Piano di formazione unitario", "Piano")
    frontespizio_piano(
        doc,
        "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE {{ documento.triennio }}",
        "Sezione 3 «Organizzazione e capitale umano» – Piano di formazione unitario del personale dell'Unione "
        "e dei Comuni aderenti",
    )
    h2(doc, "1. Premessa e riferimenti normativi")
    p(
        doc,
        "Il piano di formazione unitario è parte della sezione 3 «Organizzazione e capitale umano» del PIAO "
        "dell'{{ unione.designazione }}, ai sensi dell'art. 6 del D.L. 9 giugno 2021, n. 80, e del D.M. 30 "
        "giugno 2022, n. 132, ed è adottato dalla Giunta dell'Unione. È «unitario» perché programma la "
        "formazione del personale dell'Unione e dei Comuni di {{ unione.elenco_comuni }}, che lo richiamano nei "
        "rispettivi PIAO.",
    )
    h2(doc, "2. Analisi dei fabbisogni formativi")
    p(
        doc,
        "I fabbisogni sono rilevati presso i responsabili dei servizi dell'Unione e dei Comuni, con attenzione "
        "alle funzioni che i Comuni conferiscono all'Unione:",
    )
    tabella_funzioni(doc)
    p(doc, f"Esiti della rilevazione: {dc('sintesi dei fabbisogni rilevati')}.")
    h2(doc, "3. Obiettivi")
    for testo in (
        "accompagnare il personale nel passaggio alla gestione associata delle funzioni;",
        "uniformare procedure, modulistica e sistemi informativi tra l'Unione e i Comuni;",
        "sviluppare le competenze digitali, manageriali e tecnico-specialistiche;",
        "assicurare la formazione obbligatoria prevista dalla legge.",
    ):
        punto(doc, testo)
    h2(doc, "4. Aree tematiche")
    for testo in (
        [
            ("Formazione obbligatoria: ", "b"),
            "prevenzione della corruzione e trasparenza (L. 6 novembre 2012, "
            "n. 190), salute e sicurezza sul lavoro (D.Lgs. 9 aprile 2008, n. 81), protezione dei dati personali "
            "(Regolamento UE 2016/679), codice di comportamento.",
        ],
        [
            ("Competenze digitali: ", "b"),
            "transizione al digitale e percorsi di autovalutazione e formazione "
            "sulle competenze digitali dei dipendenti pubblici.",
        ],
        [
            ("Competenze per le funzioni associate: ", "b"),
            "percorsi specifici per ciascuna funzione conferita all'Unione.",
        ],
        [
            ("Competenze trasversali e manageriali: ", "b"),
            "organizzazione del lavoro, lavoro agile, gestione dei gruppi e del cambiamento.",
        ],
    ):
        punto(doc, testo)
    h2(doc, "5. Programma delle attività nel triennio {{ documento.triennio }}")
    tabella(
        doc,
        ["Attività formativa", "Destinatari", "Ore", "Modalità", "Periodo"],
        [
            [
                "Anticorruzione e trasparenza",
                "tutto il personale",
                dc("ore"),
                dc("aula o e-learning"),
                dc("periodo"),
            ],
            [
                "Procedure unificate delle funzioni conferite",
                "personale delle funzioni conferite",
                dc("ore"),
                dc("modalità"),
                dc("periodo"),
            ],
            ["Competenze digitali", "tutto il personale", dc("ore"), "e-learning", dc("periodo")],
            [dc("altre attività"), dc("destinatari"), dc("ore"), dc("modalità"), dc("periodo")],
        ],
        larghezze=[3.3, 3.3, 3.1, 3.3, 3.3],
    )
    h2(doc, "6. Modalità di erogazione")
    p(
        doc,
        "La formazione è organizzata dall'Unione in forma unitaria per tutti gli enti, privilegiando docenti "
        "interni, reti tra enti e piattaforme pubbliche di formazione a distanza, per contenere i costi e "
        "favorire lo scambio tra il personale dei diversi Comuni.",
    )
    h2(doc, "7. Risorse")
    p(
        doc,
        f"Risorse finanziarie per il triennio: {dc('importi e capitoli di bilancio dell’Unione e dei Comuni')}.",
    )
    h2(doc, "8. Monitoraggio e valutazione")
    p(
        doc,
        "Il servizio personale dell'Unione rileva ogni anno le ore di formazione per dipendente e per ente, il "
        "gradimento e l'efficacia delle attività, e ne riferisce alla Giunta dell'Unione in sede di "
        "aggiornamento del PIAO.",
    )
    nota_di_redazione(doc)
    return doc


MODELLI = {
    "convenzioni/convenzione.docx": convenzione,
    "convenzioni/delibera_consiglio_comunale.docx": delibera,
    "regolamenti/organizzazione_uffici_servizi.docx": regolamento_uffici,
    "regolamenti/contabilita.docx": regolamento_contabilita,
    "piani/piano_comunicazione.docx": piano_comunicazione,
    "piani/programmazione_personale.docx": programmazione_personale,
    "piani/piano_formazione.docx": piano_formazione,
    "delibere/delibera_consiglio_unione.docx": delibera_consiglio_unione,
    "delibere/delibera_adozione.docx": delibera_adozione,
}


_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")


def tipografia(testo: str) -> str:
    """One apostrophe style in the acts (’), outside the Jinja tags (whose string literals stay as written)."""
    return "".join(parte if _TAG.fullmatch(parte) else parte.replace("'", "’") for parte in _TAG.split(testo))


def salva(doc: DocumentoDocx, percorso: Path) -> None:
    """Save with fixed zip timestamps, so that rebuilding unchanged templates changes no byte in git."""
    for testo in doc.element.body.iter(qn("w:t")):
        if testo.text:
            testo.text = tipografia(testo.text)
    grezzo = io.BytesIO()
    doc.save(grezzo)
    riscritto = io.BytesIO()
    with zipfile.ZipFile(grezzo) as origine, zipfile.ZipFile(riscritto, "w", zipfile.ZIP_DEFLATED) as copia:
        for voce in origine.infolist():
            info = zipfile.ZipInfo(voce.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            copia.writestr(info, origine.read(voce.filename))
    percorso.write_bytes(riscritto.getvalue())


def main(argv: list[str], modelli: dict[str, Callable[[], DocumentoDocx]] = MODELLI) -> int:
    """Build each of `modelli` (path under OUT_DIR: builder) and print where it went."""
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "templates"
    for relativo, costruisci in modelli.items():
        percorso = out / relativo
        percorso.parent.mkdir(parents=True, exist_ok=True)
        salva(costruisci(), percorso)
        print(percorso)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
