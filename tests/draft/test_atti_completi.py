"""The second drafting pass (issue 11): acts a segretario puts on the agenda after filling the yellow blanks.

Each test reads the drafted .docx as an official would (python-docx) and looks for the clause the issue asked
for, or for the defect it removed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from avviamento.draft.contesto import contenuti
from avviamento.regole import RulePack
from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, leggi_docx

Run = Callable[..., Result]
Write = Callable[[str, str], Path]
DELTA = EXAMPLES / "terre-del-delta.yaml"


def _profilo(nome: str) -> dict[str, Any]:
    dati = yaml.safe_load((EXAMPLES / nome).read_text(encoding="utf-8"))
    assert isinstance(dati, dict)
    return dati


def _redigi(
    run: Run, write: Write, out: Path, profilo: dict[str, Any], *opzioni: str
) -> list[dict[str, Any]]:
    percorso = write(yaml.safe_dump(profilo, allow_unicode=True), "profilo.yaml")
    result = run("draft", str(percorso), "--out", str(out), *opzioni)
    assert result.exit_code == 0, result.output
    return indice(out)


def _funzione(profilo: dict[str, Any], codice: str) -> dict[str, Any]:
    voce = next(f for f in profilo["funzioni"] if f["codice"] == codice)
    assert isinstance(voce, dict)
    return voce


# --- 1. a function with a signed convenzione: a replacement, never a new one ---


def test_a_signed_convenzione_is_replaced_and_every_council_approves_the_new_text(
    run: Run, write: Write, out: Path
) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    ict = _funzione(profilo, "sistemi_informativi")
    ict["convenzione"] = {"sottoscritta": "2024-01-15", "repertorio": "45"}
    voci = _redigi(run, write, out, profilo)
    comuni = {v["comune"] for v in voci if v["tipo"] == "delibera" and v["funzione"] == "sistemi_informativi"}
    assert comuni == {
        "Codigoro",
        "Goro",
        "Mesola",
    }  # Codigoro conferred already, but must approve the new text

    convenzione = leggi_docx(out / "convenzioni/convenzione_sistemi_informativi.docx")
    assert "SOSTITUTIVA DELLA CONVENZIONE SOTTOSCRITTA IL 15 GENNAIO 2024 (REP. N. 45)" in convenzione
    assert "cessa di avere effetto la convenzione sottoscritta il 15 gennaio 2024 (rep. n. 45)" in convenzione
    # the parties act on the deliberations that approve this text, not on Codigoro's conferral of 2024
    parte = next(r for r in convenzione.splitlines() if r.startswith("il COMUNE DI CODIGORO"))
    assert "n. 9 del 22 febbraio 2024" not in parte
    assert "deliberazione del Consiglio comunale n. [DA COMPLETARE: numero]" in parte
    assert "hanno approvato lo schema della presente convenzione" not in convenzione

    codigoro = leggi_docx(out / "delibere/delibera_codigoro_sistemi_informativi.docx")
    assert (
        "APPROVAZIONE DELLA NUOVA CONVENZIONE SOSTITUTIVA DELLA CONVENZIONE SOTTOSCRITTA IL 15 GENNAIO 2024"
        in (codigoro)
    )
    assert "di confermare il conferimento" in codigoro
    assert "disposto con deliberazione n. 9 del 22 febbraio 2024" in codigoro
    goro = leggi_docx(out / "delibere/delibera_goro_sistemi_informativi.docx")
    assert (
        "di conferire all’Unione dei Comuni Terre del Delta, per le motivazioni espresse in premessa, l’esercizio"
        in (goro)
    )
    assert "per le motivazioni espresse in premessa, dell’esercizio integrale" in codigoro

    unione = leggi_docx(out / "delibere/consiglio_unione_sistemi_informativi.docx")
    assert "NUOVA CONVENZIONE" in unione and "15 GENNAIO 2024 (REP. N. 45)" in unione


def test_a_convenzione_signed_after_the_evaluation_date_is_not_replaced(
    run: Run, write: Write, out: Path
) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    voci = _redigi(run, write, out, profilo, "--as-of", "2023-10-28")  # Polizia locale signed on 12/12/2023
    assert {v["comune"] for v in voci if v["funzione"] == "polizia_locale" and v["tipo"] == "delibera"} == {
        "Goro"
    }
    convenzione = leggi_docx(out / "convenzioni/convenzione_polizia_locale.docx")
    assert "SOSTITUTIVA" not in convenzione


def test_the_repertorio_is_a_blank_when_the_profile_lacks_it(run: Run, write: Write, out: Path) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    _funzione(profilo, "sistemi_informativi")["convenzione"] = {"sottoscritta": "2024-01-15"}
    _redigi(run, write, out, profilo, "--only", "convenzione")
    convenzione = leggi_docx(out / "convenzioni/convenzione_sistemi_informativi.docx")
    assert "sottoscritta il 15 gennaio 2024 (rep. n. [DA COMPLETARE: numero di repertorio])" in convenzione


# --- 2. every function of the catalogue has its own clauses ---


def test_the_clauses_cover_every_function_of_the_catalogue(pack: RulePack) -> None:
    dati = contenuti()
    assert set(pack.catalogo) <= set(dati)
    for codice, contenuto in dati.items():
        assert contenuto.attivita and contenuto.riservate and contenuto.personale and contenuto.obblighi, (
            codice
        )
        assert contenuto.leggi and contenuto.motivazione, codice
        assert all(legge.endswith(";") for legge in contenuto.leggi), codice
        assert not contenuto.motivazione.endswith((".", ";")), codice


def test_every_function_of_the_catalogue_gets_its_own_convenzione(
    run: Run, write: Write, out: Path, pack: RulePack
) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    profilo["funzioni"] = [{"codice": codice, "conferimenti": []} for codice in pack.catalogo]
    voci = _redigi(run, write, out, profilo, "--only", "convenzione")
    assert {v["funzione"] for v in voci} == set(pack.catalogo)
    testi = {v["funzione"]: leggi_docx(out / v["file"]) for v in voci}
    for codice, testo in testi.items():
        contenuto = contenuti()[codice]
        assert contenuto.attivita[0].split("[")[0][:60] in testo, codice
        assert contenuto.riservate[0].split("[")[0][:60] in testo, codice
        assert "Competenze che restano ai Comuni" in testo
        assert "attività e procedimenti compresi nella funzione" not in testo  # no unknown-function blank
        assert "[R" not in testo  # the tags of recalled rules stay in the data file's comments
        # the clauses of the other functions are not there
        for altro, contenuto_altro in contenuti().items():
            if altro != codice and contenuto_altro.attivita[0] not in contenuto.attivita:
                assert contenuto_altro.attivita[0][:60] not in testo, (codice, altro)

    tributi = testi["tributi"]
    for parte in (
        "art. 52 del D.Lgs. 15 dicembre 1997, n. 446",  # the councils keep regulations and rates
        "determinazione delle aliquote, delle tariffe",
        "funzionario responsabile",
        "conto di tesoreria del Comune",  # where revenue is cashed
        "contenzioso tributario",
    ):
        assert parte in tributi, parte
    sociali = testi["servizi_sociali"]
    assert "Ufficio di Piano" in sociali and "ASP" in sociali and "distretto" in sociali
    ict = testi["sistemi_informativi"]
    for parte in (
        "gruppo tecnico di coordinamento",
        "licenze d’uso",
        "art. 28 del Regolamento (UE) 2016/679",
        "piano di transizione",
    ):
        assert parte in ict, parte
    assert "ufficiali di anagrafe, di stato civile ed elettorali" in testi["anagrafe_stato_civile"]
    assert "ufficio di statistica associato" in testi["statistica"]  # l-bis), apart from the registers (l)
    assert "responsabile unico del progetto" in testi["cuc"]


# --- 3. a Union constituted before LR 21/2012 ---


def test_a_union_constituted_before_lr_21_2012_is_not_said_constituted_under_it(
    run: Run, write: Write, out: Path
) -> None:
    profilo = _profilo("terre-d-acqua.yaml")  # atto costitutivo of 20 October 2011
    profilo["funzioni"].append({"codice": "suap", "conferimenti": []})
    voci = _redigi(run, write, out, profilo)
    assert voci
    for voce in voci:
        testo = leggi_docx(out / voce["file"])
        assert "21 dicembre 2012, n. 21, con atto costitutivo" not in testo, voce["file"]
        if voce["tipo"] in ("convenzione", "delibera", "delibera_unione"):
            assert (
                "costituita con atto costitutivo del 20 ottobre 2011 e disciplinata dall’art. 32 del D.Lgs. "
                "18 agosto 2000, n. 267 (TUEL), e dalla L.R. Emilia-Romagna 21 dicembre 2012, n. 21" in testo
            ), voce["file"]


def test_a_union_constituted_under_lr_21_2012_cites_it(run: Run, out: Path) -> None:
    assert run("draft", str(DELTA), "--out", str(out), "--only", "convenzione").exit_code == 0
    testo = leggi_docx(out / "convenzioni/convenzione_suap.docx")
    assert "21 dicembre 2012, n. 21, con atto costitutivo del 29 novembre 2022" in testo


# --- 4. who presides the council ---


def test_a_small_comune_gets_the_presidency_as_a_blank(run: Run, out: Path) -> None:
    assert run("draft", str(DELTA), "--out", str(out), "--only", "delibera").exit_code == 0
    # Codigoro: 11,072 inhabitants, below 15,000: the Sindaco unless the statute provides otherwise
    testo = leggi_docx(out / "delibere/delibera_codigoro_suap.docx")
    assert (
        "Assume la presidenza [DA COMPLETARE: il Sindaco Alice Ferrari, o il Presidente del Consiglio comunale "
        "se previsto dallo statuto]" in testo
    )
    assert "(o il Presidente del Consiglio" not in testo  # never plain alternative text
    assert "IL PRESIDENTE\n" in testo


def test_a_big_comune_is_presided_by_the_presidente_del_consiglio(run: Run, write: Write, out: Path) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    profilo["comuni"][0]["popolazione"] = 15_001
    _redigi(run, write, out, profilo, "--only", "delibera")
    testo = leggi_docx(out / "delibere/delibera_codigoro_suap.docx")
    assert "Assume la presidenza il Presidente del Consiglio comunale [DA COMPLETARE" in testo
    assert "IL PRESIDENTE DEL CONSIGLIO COMUNALE" in testo
    goro = leggi_docx(out / "delibere/delibera_goro_suap.docx")  # 3,475 inhabitants
    assert "IL PRESIDENTE DEL CONSIGLIO COMUNALE" not in goro


# --- 5. each act's note quotes only its own findings ---


def test_each_note_quotes_only_the_findings_of_its_own_act(run: Run, out: Path) -> None:
    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    protezione = leggi_docx(out / "convenzioni/convenzione_protezione_civile.docx")
    nota = protezione.split("L’atto sana i seguenti rilievi:")[1]
    assert "ER-004 – La funzione «Protezione civile» non è conferita da tutti i Comuni" in nota
    propri = [riga for riga in nota.splitlines() if riga.startswith("ER-004")]  # the findings on a function
    assert propri and all("Protezione civile" in riga for riga in propri)
    mesola = leggi_docx(out / "delibere/delibera_mesola_protezione_civile.docx")
    assert "ER-009" not in mesola  # Goro's finding, not Mesola's
    assert "ER-009" in leggi_docx(out / "delibere/delibera_goro_protezione_civile.docx")
    contabilita = leggi_docx(out / "regolamenti/regolamento_contabilita.docx")
    assert "ER-014" in contabilita and "ER-011" not in contabilita and "ER-012" not in contabilita


# --- 6. the pack: the Union's deliberations, the adoption of regolamenti and plans, Allegato A ---


def test_the_union_council_accepts_the_conferral_and_every_council_deliberation_carries_allegato_a(
    run: Run, out: Path
) -> None:
    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    voci = indice(out)
    for voce in voci:
        if voce["tipo"] in ("delibera", "delibera_unione"):
            testo = leggi_docx(out / voce["file"])
            assert "Allegato A – " in testo, voce["file"]
            assert "Pareri ai sensi dell’art. 49, comma 1" in testo, voce["file"]
            assert "Regolarità tecnica:" in testo and "Regolarità contabile:" in testo
    unione = leggi_docx(out / "delibere/consiglio_unione_suap.docx")
    for parte in (
        "SCHEMA DI DELIBERAZIONE DEL CONSIGLIO DELL’UNIONE",
        "ACCETTAZIONE DEL CONFERIMENTO DELLA FUNZIONE «SPORTELLO UNICO",
        "IL CONSIGLIO DELL’UNIONE",
        "di autorizzare il Presidente dell’Unione alla sottoscrizione",
        "D.P.R. 7 settembre 2010, n. 160",  # the sector law in the recitals
        "Considerato che un unico sportello",
    ):
        assert parte in unione, parte


def test_each_regolamento_and_plan_has_its_adoption_deliberation_with_the_opinions_it_needs(
    run: Run, out: Path
) -> None:
    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    contabilita = leggi_docx(out / "delibere/adozione_contabilita.docx")
    assert "SCHEMA DI DELIBERAZIONE DEL CONSIGLIO DELL’UNIONE" in contabilita
    assert "APPROVAZIONE DEL REGOLAMENTO DI CONTABILITÀ" in contabilita
    assert "art. 239, comma 1, lettera b), numero 7)" in contabilita  # the revisore's opinion
    assert "art. 125" not in contabilita  # a Consiglio act
    personale = leggi_docx(out / "delibere/adozione_programmazione_personale.docx")
    assert "SCHEMA DI DELIBERAZIONE DELLA GIUNTA DELL’UNIONE" in personale
    assert "art. 19, comma 8, della L. 28 dicembre 2001, n. 448" in personale
    assert "informazione alle organizzazioni sindacali" in personale
    assert "capigruppo consiliari" in personale and "art. 125 del TUEL" in personale
    comunicazione = leggi_docx(out / "delibere/adozione_piano_comunicazione.docx")
    assert "revisione" not in comunicazione
    assert "Polizia locale" in comunicazione  # the function the Union already exercises


def test_an_adoption_updates_an_earlier_act(pack: RulePack, write: Write, out: Path) -> None:
    from avviamento.draft.contesto import Costruttore, Fonti
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile

    profilo = _profilo("terre-del-delta.yaml")
    profilo["adempimenti"]["piano_comunicazione"] = {
        "approvato": "2023-01-10",
        "atto": "Delibera di Giunta n. 3",
    }
    caricato = load_profile(write(yaml.safe_dump(profilo, allow_unicode=True), "p.yaml"))
    costruttore = Costruttore(Fonti(caricato.profilo, pack, evaluate(caricato, pack)))
    assert costruttore.adozione("piano_comunicazione", (), False).precedente == (
        "Delibera di Giunta n. 3 del 10 gennaio 2023"
    )
    assert costruttore.adozione("piano_formazione", (), False).precedente == ""


# --- 7, 8. recitals and standard clauses ---


def test_the_statute_article_on_conferrals_is_cited_when_given(run: Run, write: Write, out: Path) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    profilo["unione"]["statuto"]["articolo_conferimenti"] = "7"
    _redigi(run, write, out, profilo, "--only", "convenzione", "--only", "delibera")
    for file in ("convenzioni/convenzione_suap.docx", "delibere/delibera_goro_suap.docx"):
        assert "all’art. 7 " in leggi_docx(out / file), file


def test_the_convenzione_has_the_standard_clauses_and_is_an_original(run: Run, out: Path) -> None:
    assert run("draft", str(DELTA), "--out", str(out), "--only", "convenzione").exit_code == 0
    testo = leggi_docx(out / "convenzioni/convenzione_suap.docx")
    for parte in (
        "Subentro nei rapporti in corso",
        "procedimenti amministrativi in corso",
        "giudizi pendenti",
        "Protezione dei dati personali",
        "Modifiche e scioglimento",
        "Obblighi dei Comuni",
        "relazione sull’esercizio della funzione",
        "il COMUNE DI GORO, codice fiscale [DA COMPLETARE: codice fiscale del Comune di Goro]",
        "domiciliato per la carica",
        "La presente convenzione è stipulata [DA COMPLETARE: durata",
    ):
        assert parte in testo, parte
    assert "Copia informatica" not in testo
    assert "La convenzione ha effetto" not in testo
    assert "Alla scadenza può essere rinnovata" not in testo  # the duration is a blank: no sentence to delete


# --- 11. names and typography ---


def test_role_like_names_become_blanks(run: Run, write: Write, out: Path) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    profilo["comuni"][1]["sindaco"] = "Sindaco di Goro"
    profilo["unione"]["organi"]["presidente"] = "Presidente pro tempore"
    _redigi(run, write, out, profilo, "--only", "convenzione")
    testo = leggi_docx(out / "convenzioni/convenzione_suap.docx")
    assert "Sindaco Sindaco" not in testo and "Presidente Presidente" not in testo
    assert "Il Sindaco [DA COMPLETARE: nome del Sindaco del Comune di Goro]" in testo
    assert "Il Presidente [DA COMPLETARE: nome del Presidente dell’Unione]" in testo


def test_one_apostrophe_style_and_the_first_of_the_month(run: Run, out: Path) -> None:
    # no name in this profile has an apostrophe: every one in the acts comes from the templates
    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    for voce in indice(out):
        testo = leggi_docx(out / voce["file"])
        assert "'" not in testo, (voce["file"], testo[testo.find("'") - 40 : testo.find("'") + 40])
        assert "1º" not in testo, voce["file"]
    assert "1° marzo 2024" in leggi_docx(out / "convenzioni/convenzione_suap.docx")


@pytest.mark.parametrize("file", ["convenzioni/convenzione_suap.docx", "delibere/delibera_goro_suap.docx"])
def test_signature_blocks_are_kept_together(run: Run, out: Path, file: str) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    firme = copy.deepcopy(Document(str(out / file)).tables[-1])
    for riga in firme.rows:
        assert riga._tr.trPr is not None and riga._tr.trPr.find(qn("w:cantSplit")) is not None


# --- 12. the index for the mayors ---


def test_the_index_has_a_word_sibling_in_the_order_of_adoption(run: Run, out: Path) -> None:
    assert run("draft", str(DELTA), "--out", str(out)).exit_code == 0
    testo = leggi_docx(out / "indice.docx")
    fasi = [
        "1. Deliberazioni dei Consigli comunali",
        "2. Deliberazioni del Consiglio dell’Unione",
        "3. Sottoscrizione digitale delle convenzioni",
        "4. Adozione dei regolamenti e dei piani",
    ]
    posizioni = [testo.index(f) for f in fasi]
    assert posizioni == sorted(posizioni)
    for voce in indice(out):
        # the column may wrap a long name only after its separators, at a zero-width space
        assert voce["file"] not in testo
        assert voce["file"] in testo.replace("\u200b", "")
    assert "Consiglio comunale di Goro" in testo and "ER-009" in testo
    assert "Deliberazione di adozione: Regolamento di contabilità" in testo
    assert "ER-014: Non risulta approvato il regolamento di contabilità" in testo


# --- 9. plans: the state of each function, the PIAO checks, updates ---


def test_plans_describe_each_function_as_it_stands_and_the_piao_has_its_checks(
    run: Run, write: Write, out: Path
) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    _funzione(profilo, "suap")["avvio"] = "2024-01-01"  # running, though no Comune has deliberated
    _redigi(run, write, out, profilo, "--only", "piano")
    comunicazione = leggi_docx(out / "piani/piano_comunicazione.docx")
    assert "in corso di conferimento" not in comunicazione
    assert "esercitata dall’Unione\n" in comunicazione  # Polizia locale
    assert "conferita da 1 Comune su 3" in comunicazione  # ICT: Codigoro only
    assert "esercitata dall’Unione dal 1° gennaio 2024; conferimento da completare" in comunicazione
    assert "da conferire" in comunicazione  # Protezione civile
    piao = leggi_docx(out / "piani/programmazione_personale.docx")
    assert "art. 33 del D.Lgs. 30 marzo 2001, n. 165" in piao  # surplus staff
    assert "comma 557-quater" in piao and "art. 32, comma 5, del TUEL" in piao  # spending limits
    assert "in corso di conferimento" not in piao
    assert "in corso di conferimento" not in leggi_docx(out / "piani/piano_formazione.docx")
    assert "Aggiornamento" not in piao


def test_a_plan_with_an_earlier_act_is_an_update(pack: RulePack, write: Write) -> None:
    from avviamento.draft.contesto import Costruttore, Fonti
    from avviamento.engine import evaluate
    from avviamento.profilo import load_profile

    profilo = _profilo("terre-del-delta.yaml")
    profilo["adempimenti"]["programmazione_personale"] = {"approvato": "2023-02-01", "atto": "DGU n. 5"}
    caricato = load_profile(write(yaml.safe_dump(profilo, allow_unicode=True), "p.yaml"))
    costruttore = Costruttore(Fonti(caricato.profilo, pack, evaluate(caricato, pack)))
    assert costruttore.piano("programmazione_personale", ()).precedente == "DGU n. 5 del 1° febbraio 2023"


# --- 10. regolamenti: the choices they exist to make ---


def test_the_regolamenti_make_their_choices_as_highlighted_blanks(run: Run, write: Write, out: Path) -> None:
    profilo = _profilo("terre-del-delta.yaml")
    profilo["adempimenti"]["regolamenti"][0]["approvato"] = None  # organizzazione uffici e servizi
    _redigi(run, write, out, profilo, "--only", "regolamento")
    contabilita = leggi_docx(out / "regolamenti/regolamento_contabilita.docx")
    for parte in (
        "[DA COMPLETARE: data, ad esempio 15 novembre]",  # budget deadline
        "gli emendamenti entro [DA COMPLETARE",
        "Il fondo di riserva è iscritto in misura pari al [DA COMPLETARE",
        "art. 194 del TUEL",  # debiti fuori bilancio
        "art. 153, comma 7, del TUEL",  # economato
        "art. 233 del TUEL",  # agenti contabili
        "art. 147-quinquies del TUEL",  # controllo degli equilibri
    ):
        assert parte in contabilita, parte
    uffici = leggi_docx(out / "regolamenti/regolamento_organizzazione_uffici_servizi.docx")
    for parte in (
        "art. 110, comma 1, del TUEL",
        "art. 53 del D.Lgs. 30 marzo 2001, n. 165",
        "Orario di servizio, orario di lavoro e apertura al pubblico",
        "Lavoro agile e lavoro da remoto",
    ):
        assert parte in uffici, parte


def test_no_blank_in_a_table_column_too_narrow_for_it() -> None:
    """«[DA COMPLETARE: …]» in a table cell: 9 pt runs and a column of at least 3 cm, so «COMPLETARE»
    never splits mid-word (LibreOffice's fallback fonts are wider than Times New Roman)."""
    from docx import Document
    from docx.shared import Cm, Pt

    from avviamento.risorse import templates_dir

    controllate = 0
    for modello in sorted(templates_dir().rglob("*.docx")):
        for tabella in Document(str(modello)).tables:
            larghezze = [colonna.width for colonna in tabella.columns]
            for riga in tabella.rows:
                for j, cella in enumerate(riga.cells):
                    if "DA COMPLETARE" not in cella.text or len(larghezze) < 4:
                        continue
                    controllate += 1
                    assert larghezze[j] is not None and larghezze[j] >= Cm(3.0), (modello.name, cella.text)
                    for paragrafo in cella.paragraphs:
                        for run in paragrafo.runs:
                            assert run.font.size is not None and run.font.size <= Pt(9), modello.name
    assert controllate > 10
