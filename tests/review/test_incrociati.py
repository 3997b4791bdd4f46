"""Cross-file findings on hand-made rows: Comuni by ISTAT code or name, Unions by name or codice fiscale."""

from __future__ import annotations

from avviamento.regole import RulePack
from avviamento.review.incrociati import rilievi_incrociati
from avviamento.review.istruttoria import ComuneMembro, Riga


def riga(
    file: str,
    unione: str,
    *comuni: tuple[str, str | None],
    cf: str | None = None,
    dichiarata: str | None = None,
    classe: str = "non_avviata",
) -> Riga:
    return Riga(
        file,
        True,
        unione=unione,
        codice_fiscale=cf,
        classe_dichiarata=dichiarata,
        classe=classe,
        comuni=tuple(ComuneMembro(nome, istat) for nome, istat in comuni),
    )


def test_a_comune_by_istat_code_in_two_unions(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione A", ("Goro", "038025"), ("Mesola", "038014")),
        riga("b.yaml", "Unione B", ("Goro", "038025"), ("Codigoro", "038005")),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.tipo == "comune_in_piu_unioni"
    assert rilievo.file == ("a.yaml", "b.yaml")
    assert rilievo.comuni == ("Goro",)
    assert rilievo.unioni == ("Unione A", "Unione B")
    assert rilievo.messaggio["it"].startswith(
        "Il Comune di Goro (038025) risulta membro di 2 Unioni: «Unione A» (a.yaml); «Unione B» (b.yaml)."
    )
    assert "TUEL), art. 32, c. 1" in rilievo.messaggio["it"]


def test_a_comune_without_code_is_found_by_name_in_the_register(pack: RulePack) -> None:
    # `Castel d’Aiano` (typographic apostrophe, no code) is 037013 in the bundled ISTAT data
    righe = [
        riga("a.yaml", "Unione A", ("Castel d'Aiano", "037013")),
        riga("b.yaml", "Unione B", ("castel d’aiano", None)),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.file == ("a.yaml", "b.yaml")
    assert "Castel d'Aiano (037013)" in rilievo.messaggio["it"]


def test_an_unknown_comune_is_matched_by_normalised_name(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione A", ("Borgo  Inventato", None)),
        riga("b.yaml", "Unione B", ("borgo inventato", None)),
        riga("c.yaml", "Unione C", ("Altro Borgo", None)),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.file == ("a.yaml", "b.yaml")
    assert rilievo.comuni == ("Borgo  Inventato",)


def test_shared_comuni_of_the_same_unions_make_one_finding(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione A", ("Goro", "038025"), ("Mesola", "038014")),
        riga("b.yaml", "Unione B", ("Mesola", "038014"), ("Goro", "038025")),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.comuni == ("Goro", "Mesola")
    assert rilievo.messaggio["it"].startswith(
        "I Comuni di Goro (038025), Mesola (038014) risultano membri di 2"
    )


def test_the_same_union_twice_is_not_also_a_shared_comune(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione Terre d'Acqua", ("Crevalcore", "037024"), cf="03011230376"),
        riga("b.yaml", "UNIONE TERRE D’ACQUA", ("Crevalcore", "037024"), cf="03011230376"),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.tipo == "unione_duplicata"
    assert rilievo.file == ("a.yaml", "b.yaml")
    assert "stesso nome e codice fiscale 03011230376" in rilievo.messaggio["it"]


def test_the_same_codice_fiscale_under_two_names(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione Bassa Romagna", ("Lugo", "039012"), cf="02291370399"),
        riga("b.yaml", "Unione dei Comuni della Bassa Romagna", ("Lugo", "039012"), cf="02291370399"),
        riga("c.yaml", "Unione Bassa Romagna", ("Lugo", "039012")),  # same name as a.yaml, no code
    ]
    rilievi = rilievi_incrociati(righe, pack)
    assert [r.tipo for r in rilievi] == ["unione_duplicata"]  # one Union in three files
    assert rilievi[0].file == ("a.yaml", "b.yaml", "c.yaml")
    assert "stesso nome o codice fiscale" in rilievi[0].messaggio["it"]


def test_declared_class_above_the_computed_one(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "A", dichiarata="in_sviluppo", classe="avviata"),  # 2 > 1: finding
        riga("b.yaml", "B", dichiarata="avviata", classe="avviata"),  # equal
        riga("c.yaml", "C", dichiarata="esistente", classe="non_avviata"),  # 0 = 0
        riga("d.yaml", "D", dichiarata="avviata", classe="in_sviluppo"),  # below: fine
        riga("e.yaml", "E", dichiarata="costituita", classe="avviata"),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.tipo == "classe_dichiarata_superiore"
    assert rilievo.file == ("a.yaml",)
    assert rilievo.messaggio["it"] == (
        "«A» (a.yaml) dichiara la classe «in sviluppo», ma i dati del profilo danno «avviata»."
    )


def test_invalid_rows_take_no_part(pack: RulePack) -> None:
    righe = [
        riga("a.yaml", "Unione A", ("Goro", "038025")),
        Riga("b.yaml", False, errore={"it": "b.yaml:1:1: x", "en": "b.yaml:1:1: x"}, unione="Unione A"),
    ]
    assert rilievi_incrociati(righe, pack) == []


def test_two_dates_of_one_union_are_versions_not_a_repetition(pack: RulePack) -> None:
    import dataclasses
    import datetime as dt

    giugno = riga(
        "giugno.yaml", "Unione Terre d'Acqua", ("Crevalcore", "037024"), cf="03011230376", classe="avviata"
    )
    gennaio = riga("gennaio.yaml", "Unione Terre d'Acqua", ("Crevalcore", "037024"), cf="03011230376")
    righe = [
        dataclasses.replace(giugno, data_riferimento=dt.date(2024, 6, 30)),
        dataclasses.replace(gennaio, data_riferimento=dt.date(2024, 1, 15)),
    ]
    [rilievo] = rilievi_incrociati(righe, pack)
    assert rilievo.tipo == "versioni_unione"
    assert rilievo.file == ("gennaio.yaml", "giugno.yaml")  # oldest first: the latest is current
    assert rilievo.messaggio["it"] == (
        "«Unione Terre d'Acqua»: due versioni: da 15 gennaio 2024 (gennaio.yaml) a 30 giugno 2024 (giugno.yaml), "
        "classe da non avviata ad avviata; è attuale la versione più recente."
    )
    assert "two versions: from 15 January 2024" in rilievo.messaggio["en"]
