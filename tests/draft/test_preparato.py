"""Templates prepared once per run draft the same acts as docxtpl alone, re-opening the template for each act.

Every act of every example is drafted the way `draft` does it (one prepared template for all its acts, written by
splicing the rendered parts into the template's zip) and again with plain docxtpl (open, render, save per act):
both .docx hold the same members, every XML part the same content (so the same text).
"""

from __future__ import annotations

import functools
import io
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from avviamento.draft.contesto import ContestoBase, Costruttore, Fonti
from avviamento.draft.redazione import Opzioni, carica_modelli, contesto_di, pianifica, rendi_in_memoria
from avviamento.draft.writer import Ambiente, rendi, rifinisci
from avviamento.engine import evaluate
from avviamento.profilo import load_profile
from avviamento.regole import RulePack
from avviamento.risorse import templates_dir
from avviamento.testo import pulisci
from tests.conftest import EXAMPLES

ESEMPI = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def _solo_docxtpl(modello: bytes, contesto: ContestoBase) -> bytes:
    """What `rendi` made before templates were prepared: docxtpl from the bytes, for this one act."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(modello))
    tpl.render(pulisci(contesto.model_dump()), jinja_env=Ambiente())
    rifinisci(tpl.docx, contesto)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


_DATE = ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified")


@functools.cache
def _xml(dati: bytes, senza_date: bool = False) -> bytes:
    """The canonical form (the template's parts are kept as they are, docxtpl writes them anew)."""
    radice = etree.fromstring(dati)
    if senza_date:  # python-docx dates the core properties it adds with the time of day
        for data in [e for e in radice if e.tag in _DATE]:
            radice.remove(data)
    return bytes(etree.tostring(radice, method="c14n"))


def _stesso_documento(nome: str, atteso: bytes, ottenuto: bytes, senza_date: bool = False) -> None:
    with zipfile.ZipFile(io.BytesIO(atteso)) as a, zipfile.ZipFile(io.BytesIO(ottenuto)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist()), nome
        assert b.testzip() is None, nome
        for membro in a.namelist():
            x, y = a.read(membro), b.read(membro)
            if membro.endswith((".xml", ".rels")):
                assert _xml(x, senza_date) == _xml(y, senza_date), f"{nome}: {membro}"
            else:
                assert x == y, f"{nome}: {membro}"
        testo = [_testo(z.read("word/document.xml")) for z in (a, b)]
    assert testo[0] == testo[1] and "Unione" in testo[1], nome


def _testo(documento: bytes) -> str:
    return "".join(etree.fromstring(documento).itertext(tag="{*}t"))


def _confronta(profilo: Path, pack: RulePack, modelli: Path, tmp_path: Path) -> int:
    caricato = load_profile(profilo)
    esito = evaluate(caricato, pack)
    atti = pianifica(caricato.profilo, esito).atti
    ambiente = Ambiente()
    sorgenti = carica_modelli(atti, modelli, ambiente)
    opzioni = Opzioni(out=tmp_path / "bozze", modelli=modelli)
    resi = rendi_in_memoria(atti, sorgenti, caricato.profilo, pack, esito, opzioni, ambiente)
    costruttore = Costruttore(Fonti(caricato.profilo, pack, esito))
    for atto in atti:
        atteso = _solo_docxtpl(sorgenti[atto.modello], contesto_di(atto, costruttore, False))
        _stesso_documento(atto.file, atteso, resi[atto.file])
    return len(atti)


@pytest.mark.parametrize("esempio", ESEMPI)
def test_every_act_of_the_examples_is_what_docxtpl_alone_drafts(
    esempio: str, pack: RulePack, tmp_path: Path
) -> None:
    profilo = EXAMPLES / esempio
    if not pianifica(load_profile(profilo).profilo, evaluate(load_profile(profilo), pack)).atti:
        # every act already adopted (Nuovo Circondario Imolese, Terre d'Acqua): undo a function
        dati = yaml.safe_load(profilo.read_text(encoding="utf-8"))
        for funzione in dati["funzioni"][:1]:
            funzione["conferimenti"] = []
        profilo = tmp_path / esempio
        profilo.write_text(yaml.safe_dump(dati, allow_unicode=True), encoding="utf-8")
    assert _confronta(profilo, pack, templates_dir(), tmp_path) >= 6


def test_custom_templates_rendered_in_the_worker_are_the_same(pack: RulePack, tmp_path: Path) -> None:
    modelli = tmp_path / "modelli"
    shutil.copytree(templates_dir(), modelli)
    assert _confronta(EXAMPLES / "profilo-esempio.yaml", pack, modelli, tmp_path) >= 14


def test_a_template_without_core_properties_falls_back_to_docxtpls_save(
    pack: RulePack, tmp_path: Path
) -> None:
    """python-docx adds the missing part (and its relationship): the template's zip cannot be reused as it is."""
    originale = (templates_dir() / "piani/piano_formazione.docx").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(originale)) as a, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            dati = a.read(info)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename == "_rels/.rels":
                radice = etree.fromstring(dati)
                for relazione in list(radice):
                    if relazione.get("Target", "").endswith("core.xml"):
                        radice.remove(relazione)
                dati = etree.tostring(radice, xml_declaration=True, encoding="UTF-8", standalone=True)
            b.writestr(info, dati)
    modello = buffer.getvalue()
    caricato = load_profile(EXAMPLES / "terre-del-delta.yaml")
    costruttore = Costruttore(Fonti(caricato.profilo, pack, evaluate(caricato, pack)))
    from avviamento.draft.preparato import Preparato

    preparato = Preparato(modello)
    for oggetto in ("piano_formazione", "piano_comunicazione"):
        contesto = costruttore.piano(oggetto, ())
        ottenuto = rendi(preparato, "piano_formazione.docx", contesto, Ambiente())
        assert "docProps/core.xml" in zipfile.ZipFile(io.BytesIO(ottenuto)).namelist()
        _stesso_documento(oggetto, _solo_docxtpl(modello, contesto), ottenuto, senza_date=True)
