"""Author the .docx templates of the participatory process (LR Emilia-Romagna 15/2018) and of the Patto per lo
sviluppo del territorio (run from the repository root; commit the output too).

    python scripts/build_templates_partecipazione.py [OUT_DIR]      # default: templates/

Same style and helpers as `build_templates.py` (A4, Times, real heading styles, docxtpl tags in single runs).
Variables come from `avviamento.draft.partecipazione` (`ContestoPartecipazione`, `ContestoPatto`);
`avviamento templates lint` checks them.

Sources: LR 15/2018 as published in the BURERT n. 333 of 22/10/2018 (structure: art. 15 object and timing, 16
suspension of acts, 17 quality certification, 19 duties of the responsible body); the Region's participation
portal on the DocPP, its validation, the final report within 30 days and the body's act within 30 days (art.
19); the Tavolo di Negoziazione as the portal's processes describe it (first meeting at the start, open door,
record of each meeting, the DocPP shared in the last one). The wording of art. 16 is the portal's summary, not
the article's text [R]: the acts paraphrase it. The Patto per lo sviluppo is methodology (the Piano strategico
di Unione: analysis, plan, Patto with a permanent table and yearly review), not law: the act says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_templates import (
    Articolato,
    DocumentoDocx,
    dc,
    dispositivo,
    firme,
    h1,
    h2,
    insieme,
    main,
    nuovo,
    p,
    pareri_art49,
    punto,
    rilievi_sanati,
    sottoscrizione,
    tabella,
    tag,
    titolo,
)

ART16 = (
    " Il testo dell'art. 16 della L.R. 15/2018 è qui parafrasato dalla sintesi del portale regionale della "
    "partecipazione: verificarlo sul testo vigente."
)
PAROLE_CHIAVE = "LR Emilia-Romagna 15/2018; processo partecipativo; schema di atto"
LR15 = "L.R. Emilia-Romagna 22 ottobre 2018, n. 15 («Legge sulla partecipazione all'elaborazione delle politiche pubbliche»)"


def documento(titolo_doc: str, soggetto: str) -> DocumentoDocx:
    doc = nuovo(titolo_doc, soggetto)
    doc.core_properties.keywords = PAROLE_CHIAVE
    return doc


def intestazione_ente(doc: DocumentoDocx) -> None:
    """The body that decides: the Unione (with its Comuni) or one member Comune."""
    p(doc, "{{ processo.intestazione }}", "Intestazione ente")
    p(doc, "{{ unione.area_vasta }}", centro=True)
    tag(doc, "if processo.unione")
    p(doc, [("Comuni di {{ unione.elenco_comuni }}", "i")], centro=True)
    tag(doc, "else")
    p(doc, [("Comune aderente all'{{ unione.designazione }}", "i")], centro=True)
    tag(doc, "endif")


def nota(doc: DocumentoDocx, quando: str, avvertenza: str = "") -> None:
    """What the act cures, for the office: to be deleted before `quando` (adoption, signature, sending);
    `avvertenza`: what to verify in this act."""
    p(doc, "")
    p(
        doc,
        f"Nota di redazione (da eliminare prima {quando}) – Schema predisposto con {{{{ documento.redatto_con }}}} "
        "sulla base del profilo dell'Unione valutato al {{ documento.data_valutazione }} (regole "
        "{{ documento.regole }}). I dati segnati «DA COMPLETARE» non risultano dal profilo e vanno inseriti "
        f"dall'ufficio.{avvertenza}{{% if documento.rilievi %}} L'atto sana i seguenti rilievi:{{% endif %}}",
        "Nota di redazione",
    )
    doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the note and its findings on one page
    rilievi_sanati(doc)


def seduta_giunta(doc: DocumentoDocx, oggetto: str) -> None:
    titolo(
        doc,
        "SCHEMA DI DELIBERAZIONE DELLA {{ processo.giunta|upper }}",
        f"Deliberazione n. {dc('numero')} del {dc('data della seduta')}",
    )
    p(doc, [("OGGETTO: ", "b"), (oggetto, "b")])
    p(
        doc,
        f"Nella seduta del {dc('data della seduta, in lettere')}, alle ore {dc('ora')}, nella sede "
        "{% if processo.unione %}dell'Unione{% else %}comunale{% endif %}, previa convocazione nei modi di legge, "
        f"si è riunita la {{{{ processo.giunta }}}}. Presenti n. {dc('numero')}, assenti n. {dc('numero')}.",
    )
    p(
        doc,
        "Partecipa il Segretario {% if processo.unione %}dell'Unione{% else %}comunale{% endif %} "
        f"{dc('nome')}, che provvede alla redazione del presente verbale. Assume la presidenza "
        f"{{{{ processo.presidente }}}} {dc('nome')}, che, constatato il numero legale, dichiara aperta la seduta.",
    )
    h1(doc, "LA {{ processo.giunta|upper }}")


def premessa_ente(doc: DocumentoDocx) -> None:
    punto(
        doc,
        "l'{{ unione.designazione }}, {{ unione.costituzione }}, è formata dai Comuni di "
        "{{ unione.elenco_comuni }}{% if not processo.unione %}, tra i quali il {{ processo.ente_nome }}{% endif %};",
    )


def voto(doc: DocumentoDocx, punti: list[str]) -> None:
    p(
        doc,
        [
            ("Visti i pareri ", "b"),
            "di regolarità tecnica e, ove dovuto, contabile espressi ai sensi dell'art. 49, comma 1, del D.Lgs. "
            "18 agosto 2000, n. 267, e riportati in calce alla presente deliberazione;",
        ],
    )
    dispositivo(doc, "componenti", punti, "D.Lgs. 267/2000")


def chiusura_giunta(doc: DocumentoDocx, allegati: list[str]) -> None:
    sottoscrizione(
        doc,
        "La presente deliberazione è pubblicata all'albo pretorio on line per quindici giorni consecutivi dal "
        f"{dc('data di inizio della pubblicazione')}, ai sensi dell'art. 124, comma 1, del D.Lgs. 267/2000, ed è "
        "comunicata ai capigruppo consiliari ai sensi dell'art. 125 del medesimo decreto.",
    )
    for allegato in allegati:
        p(doc, allegato)
    pareri_art49(doc)


# --- a) the Giunta's commitment to the process and to suspend acts (art. 16) ---


def delibera_impegno() -> DocumentoDocx:
    doc = documento(
        "Schema di deliberazione: impegno al processo partecipativo e sospensione degli atti (art. 16 L.R. 15/2018)",
        "Deliberazione di Giunta",
    )
    intestazione_ente(doc)
    seduta_giunta(
        doc,
        "PROCESSO PARTECIPATIVO «{{ processo.titolo|upper }}» (L.R. EMILIA-ROMAGNA 15/2018, BANDO "
        "{{ processo.bando }}): APPROVAZIONE DEL PROGETTO E IMPEGNO A SOSPENDERE GLI ATTI CHE NE ANTICIPINO O "
        "PREGIUDICHINO L'ESITO (ART. 16).",
    )
    p(doc, [("Premesso che:", "b")])
    premessa_ente(doc)
    punto(
        doc,
        f"la {LR15} promuove la partecipazione dei cittadini all'elaborazione delle politiche pubbliche e "
        "sostiene con contributi regionali, concessi con bando annuale (art. 12), i processi partecipativi "
        "promossi dagli enti locali, anche in forma associata (art. 14);",
    )
    punto(
        doc,
        f"con deliberazione della Giunta regionale n. {dc('numero')} del {dc('data')} è stato approvato il bando "
        "{{ processo.bando }} per la concessione dei contributi regionali a sostegno dei processi partecipativi;",
    )
    punto(
        doc,
        "{{ processo.ente }} intende promuovere il processo partecipativo «{{ processo.titolo }}», che ha ad "
        f"oggetto {dc('oggetto del processo e decisione pubblica cui si riferisce')}, su cui l'ente non ha ancora "
        "avviato un procedimento amministrativo né assunto un atto definitivo (art. 15);",
    )
    tag(doc, "if processo.avviato")
    punto(
        doc,
        "il processo è stato avviato il {{ processo.avvio }} e deve concludersi, con l'invio all'ente del "
        "Documento di proposta partecipata validato dal Tecnico di garanzia, entro {{ processo.durata_ammessa }}, "
        "e cioè entro il {{ processo.limite }};",
    )
    tag(doc, "else")
    punto(
        doc,
        "l'avvio del processo è previsto per il {{ processo.avvio }}; la sua durata non può superare "
        "{{ processo.durata }} dall'avvio (art. 15);",
    )
    tag(doc, "endif")
    p(doc, [("Richiamati:", "b")])
    punto(
        doc,
        "lo statuto {% if processo.unione %}dell'Unione{% else %}comunale{% endif %}, nelle norme sulla "
        f"partecipazione dei cittadini, e il regolamento sulla partecipazione, ove adottato {dc('estremi')};",
    )
    punto(
        doc,
        f"il Documento unico di programmazione {dc('periodo ed estremi della deliberazione di approvazione')}, "
        "che prevede il coinvolgimento dei cittadini nelle scelte sull'oggetto del processo;",
    )
    p(doc, [("Visti:", "b")])
    for testo in (
        "l'art. 8 del D.Lgs. 18 agosto 2000, n. 267 (TUEL), sulla partecipazione popolare, e l'art. 48 sulla "
        "competenza della Giunta;",
        "la L.R. Emilia-Romagna 15/2018, e in particolare gli artt. 15 (oggetto e tempi dei processi), 16 "
        "(sospensione degli atti tecnici o amministrativi), 17 (certificazione di qualità) e 19 (impegni "
        "dell'ente responsabile);",
    ):
        punto(doc, testo)
    p(doc, [("Considerato che:", "b")])
    punto(
        doc,
        "ai sensi dell'art. 16 della L.R. 15/2018, l'ente titolare della decisione si impegna a sospendere "
        "qualsiasi atto tecnico o amministrativo che anticipi o pregiudichi l'esito del processo partecipativo, "
        "per tutta la sua durata;",
    )
    punto(
        doc,
        "l'art. 17 richiede, tra i requisiti di qualità del progetto, un Tavolo di Negoziazione costituito fin "
        "dalle prime fasi del processo con i principali soggetti organizzati interessati, e fa della "
        "certificazione di qualità del Tecnico di garanzia della partecipazione la condizione per accedere ai "
        "contributi;",
    )
    punto(
        doc,
        "a conclusione del processo l'ente, ai sensi dell'art. 19, approva entro trenta giorni un documento che "
        "dà atto del processo svolto, del Documento di proposta partecipata e della sua validazione, e motiva le "
        "decisioni che se ne discostano;",
    )
    p(
        doc,
        [
            ("Ritenuto ", "b"),
            "di approvare il progetto del processo partecipativo e di assumere l'impegno previsto dall'art. 16, "
            f"individuando gli atti e i procedimenti interessati: {dc('atti e procedimenti da sospendere')};",
        ],
    )
    p(
        doc,
        [
            ("Dato atto ", "b"),
            f"che il costo del progetto è di euro {dc('importo')}, di cui euro {dc('importo')} a carico del "
            f"contributo regionale richiesto ed euro {dc('importo')} di cofinanziamento, iscritto al capitolo "
            f"{dc('capitolo')} del bilancio {dc('esercizio')};",
        ],
    )
    voto(
        doc,
        [
            "di approvare il progetto del processo partecipativo «{{ processo.titolo }}», allegato alla presente "
            "deliberazione quale parte integrante e sostanziale (allegato A);",
            "di impegnarsi, ai sensi dell'art. 16 della L.R. Emilia-Romagna 15/2018, a sospendere dall'avvio del "
            "processo e fino alla sua conclusione ogni atto tecnico o amministrativo di propria competenza che "
            "anticipi o pregiudichi l'esito del processo partecipativo, e in particolare "
            f"{dc('atti e procedimenti sospesi')};",
            "di impegnarsi a tenere conto del Documento di proposta partecipata validato dal Tecnico di garanzia e "
            "ad approvare, entro trenta giorni dalla conclusione del processo, l'atto previsto dall'art. 19, "
            "motivando le eventuali decisioni che se ne discostano;",
            "di impegnarsi a costituire il Tavolo di Negoziazione fin dall'avvio del processo{% if "
            "processo.avviato %}, se non ancora costituito{% endif %};",
            f"di individuare quale responsabile del progetto {dc('nome e qualifica')}, cui sono demandati gli atti "
            "di gestione del processo, compresa la domanda di contributo e la rendicontazione;",
            "di trasmettere la presente deliberazione alla Regione Emilia-Romagna, a corredo della domanda di "
            "contributo{% if processo.unione %}, e ai Comuni aderenti{% endif %}, e di pubblicarla nella pagina "
            "del processo sul sito istituzionale.",
        ],
    )
    chiusura_giunta(
        doc,
        [
            "Allegato A – Progetto del processo partecipativo «{{ processo.titolo }}» (documento allegato, che ne "
            "costituisce parte integrante e sostanziale)."
        ],
    )
    nota(doc, "dell'adozione", ART16)
    return doc


# --- b) the record of the Tavolo di Negoziazione's constitution ---


def verbale_tavolo() -> DocumentoDocx:
    doc = documento("Verbale di costituzione del Tavolo di Negoziazione", "Verbale")
    intestazione_ente(doc)
    titolo(
        doc,
        "VERBALE DI COSTITUZIONE DEL TAVOLO DI NEGOZIAZIONE",
        "Processo partecipativo «{{ processo.titolo }}» – L.R. Emilia-Romagna 15/2018, art. 17 – Bando "
        "{{ processo.bando }}",
    )
    p(
        doc,
        f"Il giorno {dc('data, in lettere')}, alle ore {dc('ora')}, presso {dc('luogo, o piattaforma on line')}, "
        "si è riunito in prima seduta il Tavolo di Negoziazione (TdN) del processo partecipativo "
        "«{{ processo.titolo }}», promosso da{% if processo.unione %}ll'{{ unione.designazione }}{% else %}l "
        "{{ processo.ente_nome }}{% endif %}.",
    )
    p(doc, [("Premesso che:", "b")])
    punto(
        doc,
        "il progetto {% if processo.certificato %}ha ottenuto il {{ processo.certificazione }}{% else %}ha "
        "chiesto{% endif %} la certificazione di qualità del Tecnico di garanzia della partecipazione (art. 17 "
        "della L.R. 15/2018){% if not processo.certificato %} {{ processo.certificazione }}{% endif %};",
    )
    punto(
        doc,
        "l'ente si è impegnato a sospendere gli atti che anticiperebbero o pregiudicherebbero l'esito del "
        "processo (art. 16) con {{ processo.sospensione_atti }};",
    )
    punto(
        doc,
        "il processo {% if processo.avviato %}è stato avviato{% else %}è avviato{% endif %} il "
        "{{ processo.avvio }}, e l'art. 17 richiede che il Tavolo di Negoziazione sia costituito fin dalle prime "
        "fasi, con i principali soggetti organizzati interessati all'oggetto del processo;",
    )
    p(doc, [("Sono presenti:", "b")])
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    tabella(
        doc,
        ["Soggetto", "Rappresentante", "Qualifica"],
        [],
        ciclo=None,
        larghezze=[6.3, 5.0, 5.0],
    )
    # the rows: the body, the Comuni when the Unione decides, then the parties of the formal agreement
    t = doc.tables[-1]
    righe = [
        ["{{ processo.ente_nome }}", dc("nome"), "responsabile del progetto"],
        ["{%tr if processo.unione %}", "", ""],
        ["{%tr for c in comuni %}", "", ""],
        ["Comune di {{ c.nome }}", dc("nome"), dc("qualifica")],
        ["{%tr endfor %}", "", ""],
        ["{%tr endif %}", "", ""],
        [dc("soggetto firmatario dell’accordo formale"), dc("nome"), dc("qualifica")],
        [dc("associazione, impresa o gruppo organizzato"), dc("nome"), dc("qualifica")],
        ["Facilitatore del processo", dc("nome"), dc("società o professionista incaricato")],
    ]
    _righe(t, righe, [6.3, 5.0, 5.0])
    p(
        doc,
        f"Coordina la seduta {dc('nome')}, responsabile del progetto; funge da segretario verbalizzante "
        f"{dc('nome')}. L'elenco firmato dei presenti è allegato al presente verbale.",
    )
    p(doc, [("Ordine del giorno:", "b")])
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    for testo in (
        "condivisione del percorso: oggetto, obiettivi, fasi e calendario delle attività;",
        "adesione al Tavolo e regole di funzionamento;",
        "modalità di gestione dei disaccordi e Comitato di garanzia locale, ove previsto dal progetto;",
        "promozione delle attività e comunicazione;",
        "varie ed eventuali.",
    ):
        punto(doc, testo)
    p(doc, "Il Tavolo, udita l'illustrazione del responsabile del progetto e dopo ampia discussione,")
    h1(doc, "CONDIVIDE E APPROVA")
    art = Articolato(doc)
    art.articolo(
        "Costituzione e composizione",
        [
            "È costituito il Tavolo di Negoziazione del processo partecipativo «{{ processo.titolo }}», composto "
            "dai soggetti presenti alla seduta odierna.",
            "Il Tavolo resta aperto ai soggetti organizzati che chiedano di parteciparvi nel corso del processo; "
            "le nuove adesioni sono accolte dal Tavolo nella prima seduta utile e riportate nel verbale.",
        ],
    )
    art.articolo(
        "Compiti",
        [
            "Il Tavolo condivide il programma del processo e ne verifica l'avanzamento; individua i portatori di "
            "interesse da coinvolgere; esamina gli esiti degli incontri pubblici e contribuisce a mediare i "
            "disaccordi che emergono.",
            "Nell'ultima seduta il Tavolo esamina la proposta di Documento di proposta partecipata (DocPP), prima "
            "che sia inviata al Tecnico di garanzia per la validazione.",
        ],
    )
    art.articolo(
        "Programma del processo",
        [
            "Il processo si svolge nelle fasi seguenti, fermo restando il termine di conclusione del "
            "{{ processo.limite }} ({{ processo.durata_ammessa }}):"
        ],
    )
    tabella(
        doc,
        ["Fase", "Dal", "Al", "Attività principali"],
        [["{{ f.nome }}", "{{ f.dal }}", "{{ f.al }}", dc("attività della fase")]],
        ciclo="for f in processo.fasi",
        larghezze=[3.5, 3.3, 3.3, 6.2],
    )
    art.articolo(
        "Funzionamento",
        [
            f"Il Tavolo è convocato dal responsabile del progetto, anche in modalità telematica, con almeno "
            f"{dc('numero')} giorni di preavviso.",
            "Il Tavolo decide di norma per consenso; quando il consenso non si raggiunge, il verbale riporta le "
            "diverse posizioni e le loro motivazioni.",
            "Di ogni seduta è redatto un verbale di sintesi, pubblicato nella pagina del processo sul sito "
            "istituzionale e sul portale regionale della partecipazione.",
        ],
    )
    p(
        doc,
        f"La prossima seduta è fissata per il {dc('data')}. La seduta è tolta alle ore {dc('ora')}.",
    )
    p(doc, [("Letto, approvato e sottoscritto.", "b")])
    firme(
        doc,
        ["IL COORDINATORE", dc("nome"), ""],
        ["IL SEGRETARIO VERBALIZZANTE", dc("nome"), ""],
    )
    p(doc, "Allegato: elenco dei presenti con firma.")
    nota(doc, "della sottoscrizione", ART16)
    return doc


def _righe(t: object, righe: list[list[str]], larghezze: list[float]) -> None:
    """Add rows to a table built by `tabella` without data rows (the blank paragraph after it stays)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for riga in righe:
        celle = t.add_row().cells  # type: ignore[attr-defined]
        for j, valore in enumerate(riga):
            paragrafo = celle[j].paragraphs[0]
            paragrafo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragrafo.paragraph_format.space_after = Pt(0)
            paragrafo.add_run(valore).font.size = Pt(9)
            celle[j].width = Cm(larghezze[j])


# --- c) the DocPP skeleton ---


def docpp() -> DocumentoDocx:
    doc = documento("Documento di proposta partecipata (DocPP)", "DocPP")
    intestazione_ente(doc)
    titolo(
        doc,
        "DOCUMENTO DI PROPOSTA PARTECIPATA (DocPP)",
        "Processo partecipativo «{{ processo.titolo }}» – L.R. Emilia-Romagna 15/2018 – Bando {{ processo.bando }}",
    )
    p(
        doc,
        [
            ("Avvertenza. ", "b"),
            "Il DocPP è pubblicato sul portale regionale della partecipazione: non riporta dati personali (nomi dei "
            "partecipanti, recapiti). È condiviso dal Tavolo di Negoziazione, validato dal Tecnico di garanzia e "
            "inviato all'ente titolare della decisione: l'invio conclude il processo.",
        ],
    )
    h2(doc, "1. Dati del processo")
    tabella(
        doc,
        ["Voce", "Contenuto"],
        [
            ["Titolo del processo", "{{ processo.titolo }}"],
            ["Ente titolare della decisione", "{{ processo.ente_nome }}"],
            ["Soggetto proponente", dc("se diverso dall’ente titolare")],
            ["Responsabile del progetto", dc("nome e qualifica")],
            ["Bando regionale", "{{ processo.bando }}"],
            ["Certificazione di qualità (art. 17)", "{{ processo.certificazione }}"],
            ["Avvio del processo", "{{ processo.avvio }}"],
            ["Termine di conclusione", "{{ processo.limite }} ({{ processo.durata_ammessa }})"],
        ],
        larghezze=[5.5, 10.8],
    )
    h2(doc, "2. Oggetto del processo e decisione pubblica collegata")
    p(
        doc,
        f"Oggetto: {dc('oggetto del processo')}. Decisione dell'ente cui il processo si riferisce: "
        f"{dc('procedimento o atto, con il suo stato')}. Bisogni ai quali la proposta risponde: "
        f"{dc('bisogni e motivazioni')}.",
    )
    h2(doc, "3. Sintesi del percorso")
    p(
        doc,
        "Il processo si è svolto dal {{ processo.avvio }} nelle fasi seguenti"
        "{% if processo.sospensione_giorni %}, con una sospensione d'ufficio di "
        "{{ processo.sospensione_giorni }} giorni disposta dalla Regione{% endif %}:",
    )
    tabella(
        doc,
        ["Fase", "Dal", "Al", "Attività e strumenti", "Partecipanti"],
        [["{{ f.nome }}", "{{ f.dal }}", "{{ f.al }}", dc("incontri, strumenti"), dc("numero")]],
        ciclo="for f in processo.fasi",
        larghezze=[3.0, 3.0, 3.0, 4.3, 3.0],
    )
    partecipanti = dc(
        "numero e caratteristiche, con le azioni per includere i soggetti più difficili da raggiungere"
    )
    p(
        doc,
        f"Partecipanti complessivi: {partecipanti}. Comunicazione del processo: {dc('canali e materiali')}.",
    )
    h2(doc, "4. Il Tavolo di Negoziazione")
    p(
        doc,
        "Il Tavolo di Negoziazione è stato costituito il {{ processo.tavolo }} e si è riunito "
        f"{dc('numero')} volte. Composizione: {dc('categorie di soggetti rappresentati, senza nomi di persone')}.",
    )
    h2(doc, "5. Le proposte")
    p(
        doc,
        "Le proposte emerse dal processo, che l'ente titolare si impegna a valutare nelle proprie decisioni "
        "(art. 19 della L.R. 15/2018):",
    )
    tabella(
        doc,
        ["N.", "Proposta", "Motivazione ed esiti del confronto", "Destinatario"],
        [
            ["1", dc("proposta"), dc("motivazione"), dc("ufficio o organo")],
            ["2", dc("proposta"), dc("motivazione"), dc("ufficio o organo")],
            ["3", dc("proposta"), dc("motivazione"), dc("ufficio o organo")],
        ],
        larghezze=[1.0, 5.3, 6.0, 4.0],
    )
    h2(doc, "6. Questioni aperte e posizioni divergenti")
    p(doc, dc("questioni non risolte, con le posizioni e le loro motivazioni"))
    h2(doc, "7. Condivisione, validazione e invio")
    p(
        doc,
        f"Il presente documento è stato condiviso dal Tavolo di Negoziazione nella seduta del {dc('data')}. È "
        f"inviato al Tecnico di garanzia della partecipazione per la validazione il {dc('data')} e, validato, "
        "è trasmesso a{% if processo.unione %}ll'{{ unione.designazione }}{% else %}l {{ processo.ente_nome }}"
        "{% endif %} entro il {{ processo.limite }}: l'invio conclude il processo.",
    )
    h2(doc, "8. Monitoraggio degli esiti")
    p(
        doc,
        f"Dopo la conclusione gli esiti sono seguiti da {dc('Comitato di garanzia o Tavolo, con le modalità')}; "
        "l'ente pubblica la propria decisione sulle proposte nella pagina del processo.",
    )
    p(doc, "")
    p(doc, f"{dc('luogo')}, {dc('data')}")
    firme(doc, ["IL RESPONSABILE DEL PROGETTO", dc("nome"), ""], ["", "", ""])
    nota(doc, "dell'invio")
    return doc


# --- d) the final report ---


def relazione_finale() -> DocumentoDocx:
    doc = documento("Relazione finale del processo partecipativo", "Relazione finale")
    intestazione_ente(doc)
    titolo(
        doc,
        "RELAZIONE FINALE DEL PROCESSO PARTECIPATIVO",
        "«{{ processo.titolo }}» – L.R. Emilia-Romagna 15/2018 – Bando {{ processo.bando }}",
    )
    p(
        doc,
        [
            ("Alla Regione Emilia-Romagna", "b"),
            f" – {dc('struttura competente per il bando e indirizzo PEC')}",
        ],
    )
    p(
        doc,
        "La presente relazione descrive le fasi e le attività del processo, dall'avvio all'invio del Documento "
        "di proposta partecipata all'ente titolare della decisione, ed è corredata dalla rendicontazione delle "
        "spese ai fini della liquidazione del saldo del contributo. È inviata entro trenta giorni dalla "
        "conclusione del processo{% if processo.concluso %} ({{ processo.conclusione }}), e cioè entro il "
        "{{ processo.termine_30 }}{% endif %}.",
    )
    h2(doc, "1. Dati del progetto")
    tabella(
        doc,
        ["Voce", "Contenuto"],
        [
            ["Titolo", "{{ processo.titolo }}"],
            ["Soggetto beneficiario", "{{ processo.ente_nome }}"],
            ["Responsabile del progetto", dc("nome, qualifica, recapiti")],
            ["Certificazione di qualità", "{{ processo.certificazione }}"],
            [
                "Concessione del contributo",
                "{{ processo.contributo }} – " + dc("estremi dell’atto regionale"),
            ],
            ["Impegno alla sospensione degli atti (art. 16)", "{{ processo.sospensione_atti }}"],
        ],
        larghezze=[5.5, 10.8],
    )
    h2(doc, "2. Tempi")
    tabella(
        doc,
        ["Passaggio", "Data"],
        [
            ["Avvio del processo", "{{ processo.avvio }}"],
            ["Costituzione del Tavolo di Negoziazione", "{{ processo.tavolo }}"],
            ["Validazione del DocPP (Tecnico di garanzia)", "{{ processo.docpp_validato }}"],
            ["Invio del DocPP all'ente: conclusione del processo", "{{ processo.conclusione }}"],
            ["Termine ammesso", "{{ processo.limite }} ({{ processo.durata_ammessa }})"],
        ],
        larghezze=[8.3, 8.0],
    )
    h2(doc, "3. Fasi e attività svolte")
    tabella(
        doc,
        ["Fase", "Dal", "Al", "Attività svolte", "Partecipanti"],
        [["{{ f.nome }}", "{{ f.dal }}", "{{ f.al }}", dc("incontri, strumenti, luoghi"), dc("numero")]],
        ciclo="for f in processo.fasi",
        larghezze=[3.0, 3.0, 3.0, 4.3, 3.0],
    )
    h2(doc, "4. Partecipazione e inclusione")
    p(
        doc,
        f"{dc('partecipanti per tipologia, azioni per includere i soggetti sottorappresentati, accessibilità dei luoghi e dei documenti')}",
    )
    h2(doc, "5. Tavolo di Negoziazione e gestione dei disaccordi")
    p(doc, f"{dc('sedute del Tavolo, temi, metodi usati per mediare i disaccordi')}")
    h2(doc, "6. Comunicazione")
    p(doc, f"{dc('strumenti e canali, pagina del processo, materiali')}")
    h2(doc, "7. Esiti")
    p(
        doc,
        "Il Documento di proposta partecipata, validato dal Tecnico di garanzia il {{ processo.docpp_validato }}, "
        "è stato inviato all'ente titolare della decisione il {{ processo.conclusione }}. L'ente ne dà conto con "
        f"l'atto previsto dall'art. 19 {dc('estremi dell’atto, se già approvato')}.",
    )
    h2(doc, "8. Rendicontazione delle spese")
    tabella(
        doc,
        ["Voce di spesa", "Importo previsto (euro)", "Importo speso (euro)", "Documenti di spesa"],
        [
            [
                dc("voce di spesa prevista dal bando: progettazione"),
                dc("importo"),
                dc("importo"),
                dc("estremi"),
            ],
            [dc("voce: formazione del personale interno"), dc("importo"), dc("importo"), dc("estremi")],
            [
                dc("voce: beni e servizi per lo svolgimento del processo"),
                dc("importo"),
                dc("importo"),
                dc("estremi"),
            ],
            [dc("voce: comunicazione del processo"), dc("importo"), dc("importo"), dc("estremi")],
            ["Totale", dc("importo"), dc("importo"), ""],
            ["di cui contributo regionale", dc("importo"), dc("importo"), ""],
            ["di cui cofinanziamento", dc("importo"), dc("importo"), ""],
        ],
        larghezze=[5.6, 3.4, 3.4, 3.9],
    )
    p(
        doc,
        "Allegati: Documento di proposta partecipata validato; documentazione di spesa e atti amministrativi "
        f"collegati al processo; {dc('dichiarazione sull’indetraibilità dell’IVA, se dovuta')}.",
    )
    p(doc, "")
    p(doc, f"{dc('luogo')}, {dc('data')}")
    firme(
        doc,
        ["IL RESPONSABILE DEL PROGETTO", dc("nome"), "(documento firmato digitalmente)"],
        ["IL LEGALE RAPPRESENTANTE", dc("nome"), "(documento firmato digitalmente)"],
    )
    nota(doc, "dell'invio")
    return doc


# --- e) the body's deliberation accounting for the process and the DocPP (art. 19) ---


def delibera_presa_atto() -> DocumentoDocx:
    doc = documento(
        "Schema di deliberazione: presa d'atto del processo partecipativo e del DocPP (art. 19 L.R. 15/2018)",
        "Deliberazione di Giunta",
    )
    intestazione_ente(doc)
    seduta_giunta(
        doc,
        "PROCESSO PARTECIPATIVO «{{ processo.titolo|upper }}» (L.R. EMILIA-ROMAGNA 15/2018): PRESA D'ATTO DEL "
        "PERCORSO SVOLTO E DEL DOCUMENTO DI PROPOSTA PARTECIPATA VALIDATO DAL TECNICO DI GARANZIA (ART. 19).",
    )
    p(
        doc,
        [
            ("Richiamata ", "b"),
            "la {{ processo.sospensione_atti }}, con la quale l'ente ha approvato il progetto del "
            "processo partecipativo «{{ processo.titolo }}» e si è impegnato a sospendere gli atti che ne "
            f"avrebbero anticipato o pregiudicato l'esito, ai sensi dell'art. 16 della {LR15};",
        ],
    )
    p(doc, [("Premesso che:", "b")])
    premessa_ente(doc)
    punto(
        doc,
        "il progetto ha ottenuto la certificazione di qualità del Tecnico di garanzia della partecipazione "
        "(art. 17) il {{ processo.certificazione }} ed è stato ammesso al contributo regionale del bando "
        "{{ processo.bando }};",
    )
    punto(
        doc,
        "il processo, avviato il {{ processo.avvio }} con la costituzione del Tavolo di Negoziazione il "
        "{{ processo.tavolo }}, si è svolto nelle fasi seguenti:",
    )
    tag(doc, "for f in processo.fasi")
    p(doc, "– {{ f.nome }}, dal {{ f.dal }} al {{ f.al }};", rientro=True)
    tag(doc, "endfor")
    punto(
        doc,
        "il Documento di proposta partecipata (DocPP), condiviso dal Tavolo di Negoziazione, è stato validato "
        "dal Tecnico di garanzia il {{ processo.docpp_validato }} e trasmesso all'ente il "
        "{{ processo.conclusione }}, data di conclusione del processo;",
    )
    p(doc, [("Visti:", "b")])
    for testo in (
        "la L.R. Emilia-Romagna 15/2018, e in particolare l'art. 19, per il quale l'ente responsabile approva, "
        "entro trenta giorni dalla conclusione del processo, un documento che dà atto del processo partecipativo, "
        "del Documento di proposta partecipata e della sua validazione, e può recepirne in tutto o in parte le "
        "conclusioni, motivando le decisioni che se ne discostano;",
        "l'art. 48 del D.Lgs. 18 agosto 2000, n. 267;",
        "lo statuto {% if processo.unione %}dell'Unione{% else %}comunale{% endif %};",
    ):
        punto(doc, testo)
    p(
        doc,
        [
            ("Considerato ", "b"),
            f"che le proposte del DocPP riguardano {dc('sintesi delle proposte')} e che, esaminate dagli uffici "
            f"competenti, risultano {dc('accoglibili in tutto, in parte o non accoglibili, con le motivazioni')};",
        ],
    )
    p(
        doc,
        [
            ("Ritenuto ", "b"),
            "di prendere atto del processo svolto e del DocPP, e di indicare il termine entro il quale l'ente "
            "assume le proprie decisioni sull'oggetto del processo, in trasparenza verso chi vi ha partecipato;",
        ],
    )
    p(
        doc,
        [
            ("Dato atto ", "b"),
            "che il termine di trenta giorni dalla conclusione del processo scade il {{ processo.termine_30 }};",
        ],
    )
    voto(
        doc,
        [
            "di prendere atto del processo partecipativo «{{ processo.titolo }}», svolto dal {{ processo.avvio }} "
            "al {{ processo.conclusione }}, come descritto nella relazione allegata (allegato A);",
            "di prendere atto del Documento di proposta partecipata (allegato B) e della sua validazione da parte "
            "del Tecnico di garanzia della partecipazione del {{ processo.docpp_validato }};",
            f"di {dc('recepire in tutto / recepire in parte / non recepire')} le proposte del DocPP, per le "
            "motivazioni espresse in premessa, e di assumere le decisioni conseguenti sull'oggetto del processo "
            f"entro il {dc('termine')};",
            "di dare atto che con la conclusione del processo cessa l'impegno a sospendere gli atti assunto con "
            "{{ processo.sospensione_atti }};",
            "di trasmettere la presente deliberazione al Tecnico di garanzia della partecipazione, alla Regione "
            "Emilia-Romagna{% if processo.unione %} e ai Comuni aderenti{% endif %}, e di pubblicarla con il DocPP "
            "nella pagina del processo sul sito istituzionale.",
        ],
    )
    chiusura_giunta(
        doc,
        [
            "Allegato A – Relazione sul processo partecipativo «{{ processo.titolo }}».",
            "Allegato B – Documento di proposta partecipata validato dal Tecnico di garanzia.",
        ],
    )
    nota(doc, "dell'adozione", ART16)
    return doc


# --- f) the Patto per lo sviluppo del territorio ---


def patto_sviluppo() -> DocumentoDocx:
    doc = documento("Patto per lo sviluppo del territorio", "Patto per lo sviluppo del territorio")
    p(doc, "{{ unione.designazione|upper }}", "Intestazione ente")
    p(doc, "{{ unione.area_vasta }}", centro=True)
    titolo(
        doc,
        "PATTO PER LO SVILUPPO DEL TERRITORIO",
        "tra l'{{ unione.designazione }}, i Comuni di {{ unione.elenco_comuni }} e i soggetti firmatari, in "
        "attuazione del Piano strategico di Unione",
    )
    p(doc, [("PREMESSO CHE:", "b")])
    punto(
        doc,
        "l'{{ unione.designazione }}, {{ unione.costituzione }}, è formata dai Comuni di {{ unione.elenco_comuni }};",
    )
    punto(
        doc,
        "l'Unione si è dotata di un Piano strategico di Unione, strumento di programmazione di medio-lungo periodo "
        "delle politiche di sviluppo del territorio, costruito con i portatori di interesse: l'analisi diagnostica "
        "del territorio si è conclusa il {{ piano.analisi_conclusa }} e il Piano è stato approvato con "
        "{{ piano.atto }};",
    )
    tag(doc, "if piano.processi")
    punto(
        doc,
        "il Piano è stato costruito anche con il processo partecipativo "
        "{% for t in piano.processi %}«{{ t }}»{% if not loop.last %}, {% endif %}{% endfor %}, ai sensi della "
        "L.R. Emilia-Romagna 15/2018;",
    )
    tag(doc, "endif")
    punto(
        doc,
        "il Piano prevede che le linee strategiche condivise siano attuate e verificate nel tempo con i soggetti "
        "pubblici e privati del territorio, attraverso un Patto che ne stabilisca gli impegni e istituisca un luogo "
        "permanente di confronto e di monitoraggio;",
    )
    punto(
        doc,
        f"la Giunta dell'Unione, con deliberazione n. {dc('numero')} del {dc('data')}, ha approvato lo schema del "
        "presente Patto e autorizzato il Presidente alla sottoscrizione; i Comuni vi aderiscono con gli atti "
        f"{dc('estremi degli atti dei Comuni, se previsti')};",
    )
    p(doc, [("TRA", "b")], centro=True)
    punto(doc, "l'{{ unione.designazione }}, rappresentata dal Presidente {{ unione.presidente }};")
    punto(
        doc,
        "i Comuni di {{ unione.elenco_comuni }}, rappresentati dai rispettivi Sindaci o da loro delegati;",
    )
    tag(doc, "for f in piano.firmatari")
    punto(doc, "{{ f.nome }}, rappresentato da {{ f.rappresentante }};")
    tag(doc, "else")
    punto(
        doc, dc("altre parti firmatarie: associazioni di categoria, organizzazioni sindacali, enti, imprese")
    )
    tag(doc, "endfor")
    p(doc, "Tutto ciò premesso, le parti convengono e sottoscrivono quanto segue.")
    art = Articolato(doc)
    art.articolo("Premesse", ["Le premesse costituiscono parte integrante del presente Patto."])
    art.articolo(
        "Oggetto e finalità",
        [
            "Il Patto impegna le parti ad attuare, ciascuna per quanto di competenza, le linee strategiche del Piano "
            "strategico di Unione, e a farne la base condivisa della programmazione sovracomunale.",
            "Il Patto è un accordo di natura programmatica, frutto della metodologia del Piano strategico: non "
            "sostituisce gli atti che ciascuna parte adotta secondo il proprio ordinamento e non crea obblighi "
            "di spesa ulteriori rispetto a quelli assunti con tali atti.",
        ],
    )
    art.articolo(
        "Linee strategiche condivise",
        [
            "Le parti condividono le seguenti linee strategiche, come definite nel Piano:",
        ],
    )
    tabella(
        doc,
        ["Linea strategica", "Obiettivi", "Indicatori di risultato"],
        [
            [dc("linea strategica 1 del Piano"), dc("obiettivi"), dc("indicatori e valori attesi")],
            [dc("linea strategica 2 del Piano"), dc("obiettivi"), dc("indicatori e valori attesi")],
            [dc("linea strategica 3 del Piano"), dc("obiettivi"), dc("indicatori e valori attesi")],
        ],
        larghezze=[5.3, 5.5, 5.5],
    )
    art.articolo(
        "Impegni dell'Unione e dei Comuni",
        [
            "L'Unione e i Comuni si impegnano a: coordinare con le linee strategiche i propri documenti di "
            "programmazione (DUP e piani di settore); mettere a disposizione del Tavolo permanente i dati e le "
            "informazioni necessari al monitoraggio; dare conto pubblicamente dello stato di attuazione.",
            f"In particolare: {dc('impegni specifici dell’Unione e dei Comuni, con i tempi')}.",
        ],
    )
    art.articolo(
        "Impegni delle altre parti",
        [
            "Le altre parti firmatarie si impegnano a concorrere all'attuazione delle linee strategiche con le "
            "proprie iniziative, a partecipare al Tavolo permanente e a fornire i contributi e i dati utili al "
            "monitoraggio.",
            f"In particolare: {dc('impegni specifici di ciascuna parte')}.",
        ],
    )
    art.articolo(
        "Tavolo permanente per lo sviluppo del territorio",
        [
            "È istituito il Tavolo permanente per lo sviluppo del territorio, luogo di confronto e di monitoraggio "
            "del Patto, composto da un rappresentante per ciascuna parte firmataria.",
            "Il Tavolo è convocato e presieduto dal Presidente dell'Unione o da un suo delegato, almeno "
            f"{dc('numero')} volte all'anno e comunque per la verifica annuale; la segreteria è assicurata dal "
            f"servizio {dc('servizio dell’Unione')}.",
            "Il Tavolo è aperto all'adesione di altri soggetti che condividano le finalità del Patto, secondo "
            "l'art. 9.",
        ],
    )
    art.articolo(
        "Monitoraggio e verifica annuale",
        [
            "Il Tavolo permanente verifica ogni anno lo stato di attuazione del Patto sulla base degli indicatori "
            "dell'art. 3; la prima verifica si tiene entro un anno dalla sottoscrizione, le successive entro un "
            "anno dalla precedente.",
            "Di ogni verifica è redatta una relazione, approvata dal Tavolo, trasmessa alla Giunta e al Consiglio "
            "dell'Unione e ai Consigli comunali e pubblicata sul sito istituzionale dell'Unione.",
        ],
    )
    art.articolo(
        "Revisione",
        [
            "A seguito della verifica annuale, le parti possono aggiornare le linee strategiche, gli impegni e gli "
            "indicatori, in coerenza con gli aggiornamenti del Piano strategico; l'aggiornamento è sottoscritto "
            "nelle stesse forme del Patto.",
        ],
    )
    art.articolo(
        "Adesione di altri soggetti",
        [
            "Altri soggetti pubblici e privati possono aderire al Patto con richiesta al Presidente dell'Unione; "
            "l'adesione è accolta previo parere del Tavolo permanente e comunicata alle parti.",
        ],
    )
    art.articolo(
        "Durata",
        [
            f"Il Patto ha la durata del Piano strategico ({dc('orizzonte temporale del Piano')}) e resta efficace "
            "fino alla sottoscrizione del Patto che attua il Piano successivo.",
        ],
    )
    art.articolo(
        "Trattamento dei dati personali",
        [
            "Le parti trattano i dati personali scambiati per l'attuazione del Patto nel rispetto del Regolamento "
            "(UE) 2016/679 e del D.Lgs. 30 giugno 2003, n. 196.",
        ],
    )
    art.articolo(
        "Sottoscrizione",
        [
            "Il Patto è sottoscritto con firma digitale o, per le parti private che ne siano prive, con firma "
            "autografa su documento poi acquisito agli atti dell'Unione.",
        ],
    )
    p(doc, [("Letto, approvato e sottoscritto.", "b")])
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    tabella(
        doc,
        ["Parte", "Rappresentante", "Firma"],
        [
            ["{{ unione.designazione }}", "il Presidente {{ unione.presidente }}", ""],
        ],
        larghezze=[5.0, 7.3, 4.0],
    )
    t = doc.tables[-1]
    _righe(
        t,
        [
            ["{%tr for c in comuni %}", "", ""],
            ["Comune di {{ c.nome }}", "il Sindaco {{ c.sindaco }}", ""],
            ["{%tr endfor %}", "", ""],
            ["{%tr for f in piano.firmatari %}", "", ""],
            ["{{ f.nome }}", "{{ f.rappresentante }}", ""],
            ["{%tr endfor %}", "", ""],
            ["{%tr if not piano.firmatari %}", "", ""],
            [dc("altra parte firmataria"), dc("nome e qualifica"), ""],
            ["{%tr endif %}", "", ""],
        ],
        [5.0, 7.3, 4.0],
    )
    insieme(t)
    p(doc, [("Luogo e data della sottoscrizione.", "i")])
    nota(
        doc,
        "della sottoscrizione",
        " Il Patto è uno strumento di metodo del Piano strategico di Unione, non previsto da una norma: le "
        "linee strategiche, gli impegni e gli indicatori vanno ripresi dal Piano approvato.",
    )
    return doc


MODELLI = {
    "partecipazione/delibera_impegno.docx": delibera_impegno,
    "partecipazione/verbale_tavolo.docx": verbale_tavolo,
    "partecipazione/docpp.docx": docpp,
    "partecipazione/relazione_finale.docx": relazione_finale,
    "partecipazione/delibera_presa_atto.docx": delibera_presa_atto,
    "partecipazione/patto_sviluppo.docx": patto_sviluppo,
}


if __name__ == "__main__":
    sys.exit(main(sys.argv, MODELLI))
