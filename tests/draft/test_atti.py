"""The pieces: which acts, file names from data, the values of the drafting context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from avviamento.draft.atti import modelli, slug
from avviamento.draft.contesto import Costruttore, Fonti, elenco, numero
from avviamento.engine import evaluate
from avviamento.profilo import load_profile
from avviamento.regole import RulePack
from tests.conftest import EXAMPLES


def test_slug() -> None:
    assert slug("Castel San Pietro Terme") == "castel-san-pietro-terme"
    assert slug("Sant'Agata sul Santerno") == "sant-agata-sul-santerno"
    assert slug("Forlì") == "forli"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("<>&\"'") == "senza-nome"
    assert slug("sistemi_informativi") == "sistemi_informativi"
    assert len(slug("A" * 500)) == 48


def test_italian_numbers_and_lists() -> None:
    assert numero(69121) == "69.121"
    assert numero(13.0) == "13"
    assert numero(2.5) == "2,5"
    assert numero(1234.5) == "1.234,5"
    assert elenco(["Codigoro"]) == "Codigoro"
    assert elenco(["Codigoro", "Goro", "Mesola"]) == "Codigoro, Goro e Mesola"


def test_every_template_the_draft_uses_is_bundled() -> None:
    from avviamento.risorse import templates_dir

    for relativo in modelli():
        assert (templates_dir() / relativo).is_file(), relativo


def _costruttore(pack: RulePack, percorso: Path) -> Costruttore:
    caricato = load_profile(percorso)
    return Costruttore(Fonti(caricato.profilo, pack, evaluate(caricato, pack)))


def test_context_of_terre_del_delta(pack: RulePack) -> None:
    c = _costruttore(pack, EXAMPLES / "terre-del-delta.yaml")
    assert c.unione.area_vasta == "Provincia di Ferrara"
    assert c.unione.elenco_comuni == "Codigoro, Goro e Mesola"
    assert c.unione.atto_costitutivo == "29 novembre 2022"
    assert c.unione.decorrenza == "1° gennaio 2023"
    # 11,072 + 3,475 + 6,454 = 21,001 inhabitants (bundled ISTAT data, 1/1/2023)
    assert c.unione.popolazione == "21.001 abitanti"
    assert [(x.nome, x.obbligato) for x in c.comuni] == [
        ("Codigoro", False),
        ("Goro", True),
        ("Mesola", False),
    ]
    polizia = c.funzione("polizia_locale")
    assert polizia.effettiva and polizia.durata == "a tempo indeterminato"
    assert polizia.personale == "13 unità"
    assert polizia.clausole and "Corpo unico di Polizia Locale" in polizia.clausole[0]
    assert [x.delibera for x in polizia.conferimenti] == [
        "n. 58 del 26 ottobre 2023",
        "n. 41 del 30 ottobre 2023",
        "n. 47 del 27 ottobre 2023",
    ]
    ict = c.funzione("sistemi_informativi")
    assert [x.adottata for x in ict.conferimenti] == [True, False, False]
    assert (
        ict.conferimenti[1].delibera
        == "n. [DA COMPLETARE: numero] del [DA COMPLETARE: data della deliberazione]"
    )
    assert ict.comuni_mancanti == ["Goro", "Mesola"]
    assert ict.art7_c3 == "obbligatoria" and ict.lettera_dl78 == ""
    assert c.funzione("protezione_civile").lettera_dl78 == "e"
    suap = c.funzione("suap")
    assert suap.responsabile.startswith("[DA COMPLETARE: ")
    assert suap.durata.startswith("[DA COMPLETARE: durata")


def test_durata_in_years_and_when_every_member_is_obliged(
    pack: RulePack, write: Callable[[str, str], Path]
) -> None:
    profilo = yaml.safe_load((EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8"))
    profilo["funzioni"][1]["convenzione"] = {"durata": 5}
    c = _costruttore(pack, write(yaml.safe_dump(profilo, allow_unicode=True), "cinque.yaml"))
    assert c.funzione("sistemi_informativi").durata == "per cinque anni"
    # Goro alone (3,475): the law fixes the duration only when every member is obliged
    profilo["comuni"] = [profilo["comuni"][1]]
    for funzione in profilo["funzioni"]:
        funzione["conferimenti"] = [x for x in funzione["conferimenti"] if x["comune"] == "Goro"]
    c = _costruttore(pack, write(yaml.safe_dump(profilo, allow_unicode=True), "goro.yaml"))
    assert c.funzione("suap").durata == "a tempo indeterminato"


def test_missing_union_data_are_marked(pack: RulePack, write: Callable[[str, str], Path]) -> None:
    percorso = write(
        "unione: {nome: Unione Prova}\ncomuni:\n  - {nome: Paese Inventato}\nfunzioni: []\n", "minimo.yaml"
    )
    c = _costruttore(pack, percorso)
    for valore in (
        c.unione.codice_fiscale,
        c.unione.area_vasta,
        c.unione.sede,
        c.unione.pec,
        c.unione.presidente,
        c.unione.statuto_pubblicazione,
        c.unione.popolazione,
        c.comuni[0].sindaco,
        c.comuni[0].istat,
        c.comuni[0].popolazione,
    ):
        assert valore.startswith("[DA COMPLETARE: ") and valore.endswith("]"), valore
