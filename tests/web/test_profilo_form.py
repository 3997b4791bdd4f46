"""The profile form without a server: schema → sections, flat names → data, every error at once, YAML out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import Result

from avviamento.profilo import Profilo, validate_profile, validation_errors
from avviamento.regole import RulePack
from avviamento.web.profilo_form import (
    Campo,
    Elenco,
    Gruppo,
    chiavi_ignorate,
    completa_comuni,
    comuni_regione,
    converti,
    dati_da_modulo,
    esamina,
    modulo,
    nodo_a,
    valori_modulo,
)
from avviamento.web.profilo_yaml import profilo_iniziale, scrivi_yaml
from avviamento.yamlio import parse_yaml
from tests.conftest import EXAMPLES

Run = Callable[..., Result]

NUOVA = [
    ("data_riferimento", "2024-05-15"),
    ("unione[nome]", "Unione della Prova & <Valle>"),
    ("unione[provincia]", "BO"),
    ("unione[classe_dichiarata]", "costituita"),
    ("unione[montana]", "false"),
    ("unione[organi][giunta]", "sindaci"),
    ("comuni[0][nome]", "Imola"),
    ("comuni[0][istat]", ""),
    ("comuni[1][nome]", "Dozza"),
    ("comuni[2][nome]", "Medicina"),
    ("comuni[2][popolazione]", "16.625"),
    ("comuni[3][nome]", ""),  # the empty row the form always offers
    ("funzioni[0][codice]", "sistemi_informativi"),
    ("funzioni[0][conferimenti][0][comune]", "Imola"),
    ("funzioni[0][conferimenti][0][delibera][numero]", "12"),
    ("funzioni[0][conferimenti][0][delibera][data]", "2023-03-01"),
    ("funzioni[0][conferimenti][1][comune]", "Dozza"),
    ("funzioni[0][conferimenti][1][delibera][data]", "15/03/2023"),
    ("funzioni[0][conferimenti][2][comune]", "Medicina"),
    ("funzioni[0][conferimenti][2][delibera][data]", "2023-03-20"),
    ("funzioni[0][avvio]", "2023-06-01"),
    ("funzioni[0][integrale]", "true"),
    ("funzioni[0][personale]", "2,5"),
    ("funzioni[0][convenzione][durata]", "indeterminata"),
    ("funzioni[1][codice]", "polizia_locale"),
    ("funzioni[1][conferimenti][0][comune]", "Imola"),
    ("funzioni[1][conferimenti][0][_rimuovi]", "1"),
    ("adempimenti[regolamenti][0][tipo]", "contabilita"),
    ("adempimenti[regolamenti][0][approvato]", "2023-01-01"),
    ("csrf_token", "ignored"),
    ("_azione", "salva"),
    ("bad]name[", "x"),
]


def test_sections_come_from_the_schema(pack: RulePack) -> None:
    forma = modulo()
    assert [f.chiave for f in forma.figli] == [
        "data_riferimento",
        "unione",
        "comuni",
        "funzioni",
        "adempimenti",
        "processi_partecipativi",
        "piano_strategico",
        "indicatori",
    ]
    assert forma.fissi == ("versione_formato",)
    funzione = nodo_a(("funzioni", 0))
    assert isinstance(funzione, Gruppo) and funzione.titolo == "Funzione"
    codice = nodo_a(("funzioni", 0, "codice"))
    assert isinstance(codice, Campo) and codice.tipo == "scelta" and codice.obbligatorio
    assert [v for v, _ in codice.opzioni] == list(pack.catalogo)
    assert ("polizia_locale", "Polizia locale") in codice.opzioni
    conferimenti = nodo_a(("funzioni", 0, "conferimenti"))
    assert isinstance(conferimenti, Elenco)
    delibera = [f.chiave for f in conferimenti.elemento.figli]
    assert delibera == ["comune", "delibera"]
    kinds = {
        path: getattr(nodo_a(path), "tipo", None)
        for path in [
            ("funzioni", 0, "conferimenti", 0, "delibera", "data"),
            ("funzioni", 0, "integrale"),
            ("funzioni", 0, "personale"),
            ("comuni", 0, "popolazione"),
            ("comuni", 0, "istat"),
            ("unione", "organi", "giunta"),
        ]
    }
    assert list(kinds.values()) == ["data", "booleano", "numero", "intero", "testo", "scelta"]
    for path in [("unione", "nome"), ("comuni", 0, "istat"), ("funzioni", 0, "convenzione", "durata")]:
        campo = nodo_a(path)
        assert isinstance(campo, Campo) and campo.titolo and campo.descrizione
    durata = nodo_a(("funzioni", 0, "convenzione", "durata"))
    assert isinstance(durata, Campo) and durata.suggerimenti == ("indeterminata",)


def test_flat_names_become_typed_data_without_empty_rows() -> None:
    dati = completa_comuni(dati_da_modulo(NUOVA))
    assert dati["unione"] == {
        "nome": "Unione della Prova & <Valle>",
        "provincia": "BO",
        "classe_dichiarata": "costituita",
        "montana": False,
        "organi": {"giunta": "sindaci"},
    }
    assert dati["comuni"] == [
        {"nome": "Imola", "istat": "037032", "popolazione": 69121},  # picked from the ISTAT list
        {"nome": "Dozza", "istat": "037025", "popolazione": 6582},
        {"nome": "Medicina", "popolazione": 16625, "istat": "037037"},
    ]
    ict, polizia = dati["funzioni"]
    assert ict["conferimenti"][0] == {"comune": "Imola", "delibera": {"numero": 12, "data": "2023-03-01"}}
    assert ict["personale"] == 2.5 and ict["integrale"] is True
    assert polizia == {"codice": "polizia_locale", "conferimenti": []}  # the removed row is gone
    assert "csrf_token" not in dati and "_azione" not in dati


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (("comuni", 0, "istat"), "037013", "037013"),
        (
            ("comuni", 0, "istat"),
            "123",
            "123",
        ),  # stays text: «formato non valido», not «deve essere un testo»
        (("comuni", 0, "popolazione"), "1.853", 1853),
        (("comuni", 0, "popolazione"), "molti", "molti"),
        (("funzioni", 0, "personale"), "2,5", 2.5),
        (("funzioni", 0, "personale"), "3", 3),
        (("funzioni", 0, "convenzione", "durata"), "5", 5),
        (("funzioni", 0, "convenzione", "durata"), "indeterminata", "indeterminata"),
        (("funzioni", 0, "conferimenti", 0, "delibera", "numero"), "12", 12),
        (("funzioni", 0, "conferimenti", 0, "delibera", "numero"), "12/bis", "12/bis"),
        (("funzioni", 0, "conferimenti", 0, "delibera", "numero"), "012", "012"),
        (("funzioni", 0, "integrale"), "false", False),
        (("funzioni", 0, "integrale"), "  ", None),
    ],
)
def test_texts_take_the_schema_type(path: tuple[str | int, ...], text: str, expected: Any) -> None:
    campo = nodo_a(path)
    assert isinstance(campo, Campo)
    assert converti(campo, text) == expected
    assert type(converti(campo, text)) is type(expected)


def test_every_error_at_once_next_to_its_field(pack: RulePack) -> None:
    dati = dati_da_modulo(
        [
            ("unione[provincia]", "bo"),
            ("comuni[0][nome]", "Imola"),
            ("comuni[0][istat]", "37032"),
            ("comuni[0][popolazione]", "molti"),
            ("funzioni[0][codice]", "ict"),
            ("funzioni[0][conferimenti][0][delibera][data]", "30/02/2024"),
            ("funzioni[0][convenzione][durata]", "5 anni"),
        ]
    )
    esame = esamina(dati, pack.catalogo)
    assert not esame.valido
    assert [(e.nome, e.messaggio) for e in esame.errori] == [
        ("unione[nome]", "campo obbligatorio mancante"),
        ("unione[provincia]", "formato non valido (valore: 'bo'): indicare la sigla: BO"),
        ("comuni[0][istat]", "formato non valido (valore: '37032')"),
        ("comuni[0][popolazione]", "deve essere un numero intero (valore: 'molti')"),
        ("funzioni[0][codice]", "funzione sconosciuta 'ict'"),
        ("funzioni[0][conferimenti][0][comune]", "campo obbligatorio mancante"),
        (
            "funzioni[0][conferimenti][0][delibera][data]",
            "data inesistente '30/02/2024' (febbraio 2024 ha 29 giorni)",
        ),
        (
            "funzioni[0][convenzione][durata]",
            "valore non valido: «indeterminata» o un numero di anni da 1 a 99, ad es. 5 (art. 21).",
        ),
    ]
    assert esame.errori[6].etichetta == "Funzione 1 › Conferimento 1 › Delibera di conferimento › Data"
    assert esame.errori[6].id == "campo-funzioni-0-conferimenti-0-delibera-data"
    assert "funzioni[0][codice]" in esame.per_nome()


def test_a_misspelt_function_gets_a_suggestion(pack: RulePack) -> None:
    dati = dati_da_modulo([*NUOVA[:12], ("funzioni[0][codice]", "polizia_locali")])
    (errore,) = esamina(completa_comuni(dati), pack.catalogo).errori
    assert errore.messaggio == "funzione sconosciuta 'polizia_locali' (forse intendevi 'polizia_locale'?)"


def test_no_comuni_is_one_error_on_the_list(pack: RulePack) -> None:
    esame = esamina(dati_da_modulo([("unione[nome]", "U"), ("comuni[0][nome]", " ")]), pack.catalogo)
    assert [(e.nome, e.etichetta) for e in esame.errori] == [("comuni", "Comuni aderenti")]


def test_validation_errors_lists_all_in_file_order() -> None:
    text = (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8")
    for old, new in [
        ("provincia: FE", "provincia: Ferrara"),
        ("sede: Codigoro", "sedi: Codigoro"),
        ('istat: "038025"', 'istat: "38025"'),
        ("integrale: true", "integrale: forse"),
        ("personale: 13", "personale: tredici"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    documento = parse_yaml(text, "p.yaml")
    with pytest.raises(ValidationError) as exc:
        Profilo.model_validate(documento.data)
    errori = validation_errors(exc.value, documento, Profilo)
    lines = [e.errore.render("it") for e in errori]
    assert len(lines) == 5
    positions = [tuple(map(int, re.match(r"p\.yaml:(\d+):(\d+):", line).groups())) for line in lines]  # type: ignore[union-attr]
    assert positions == sorted(positions)
    assert "chiave sconosciuta 'sedi' (forse intendevi 'sede'?)" in lines[1]
    assert errori[1].percorso == ("unione", "sedi")
    assert errori[2].percorso == ("comuni", 1, "istat")


def _check_json(run: Run, path: Path) -> dict[str, Any]:
    result = run("check", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    data.pop("file")
    return data


def test_a_new_profile_from_the_form_loads_with_check(run: Run, tmp_path: Path, pack: RulePack) -> None:
    dati = completa_comuni(dati_da_modulo(NUOVA))
    assert esamina(dati, pack.catalogo).valido
    text = scrivi_yaml(dati)
    assert text.startswith("# Profilo dell'Unione di Comuni")
    assert "# i Comuni aderenti" in text  # the starter's comments stay
    path = tmp_path / "nuova.yaml"
    path.write_text(text, encoding="utf-8")
    esito = _check_json(run, path)
    assert esito["unione"] == "Unione della Prova & <Valle>"
    assert esito["popolazione"] == 69121 + 6582 + 16625
    ict = next(f for f in esito["funzioni"] if f["codice"] == "sistemi_informativi")
    assert ict["effettiva"] is True, ict["motivi"]  # three deliberations, started, whole, staff moved
    assert esito["classe"] == "non_avviata"


def test_the_starter_alone_is_refused_by_check_only_for_missing_data(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "vuoto.yaml"
    path.write_text(profilo_iniziale(), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "unione.nome" in result.stderr


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_round_trip_through_the_form(run: Run, tmp_path: Path, example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    valori = valori_modulo(parse_yaml(text, example.name).data)
    assert chiavi_ignorate(parse_yaml(text, example.name).data) == []
    out = scrivi_yaml(dati_da_modulo(valori.items()), text)
    path = tmp_path / example.name
    path.write_text(out, encoding="utf-8")
    assert _check_json(run, path) == _check_json(run, example)
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert all(c in out for c in comments)  # every comment kept
    assert _lines(out) == _lines(text)


def _lines(text: str) -> list[str]:
    """Lines as the loader reads them: ruamel writes an empty value where the file had `null`."""
    return [re.sub(r":\s+null(\s|$)", r":\1", line).replace(" ", "") for line in text.splitlines()]


def test_an_edit_keeps_the_comments_and_changes_only_that_value(run: Run, tmp_path: Path) -> None:
    example = EXAMPLES / "terre-del-delta.yaml"
    text = example.read_text(encoding="utf-8")
    valori = valori_modulo(parse_yaml(text, example.name).data)
    valori["unione[sede]"] = "Mesola"
    valori["funzioni[1][avvio]"] = "2024-02-15"
    out = scrivi_yaml(dati_da_modulo(valori.items()), text)
    changed = [(a, b) for a, b in zip(_lines(text), _lines(out), strict=True) if a != b]
    assert [b for _, b in changed] == ["sede:Mesola", "avvio:2024-02-15"]
    path = tmp_path / "t.yaml"
    path.write_text(out, encoding="utf-8")
    assert run("check", str(path)).exit_code in (0, 1)


def test_unknown_keys_of_an_upload_are_named() -> None:
    text = (EXAMPLES / "terre-del-delta.yaml").read_text(encoding="utf-8").replace("sede:", "sedi:")
    assert chiavi_ignorate(parse_yaml(text, "t.yaml").data) == ["unione.sedi"]


def test_comuni_picker_is_the_bundled_istat_list() -> None:
    comuni = comuni_regione()
    assert len(comuni) > 300
    imola = next(c for c in comuni if c.nome == "Imola")
    assert (imola.istat, imola.provincia) == ("037032", "BO")
    assert [c.nome for c in comuni[:2]] == sorted(c.nome for c in comuni[:2])
    dati = completa_comuni({"comuni": [{"nome": "castel d’aiano"}, {"nome": "Atlantide"}]})
    assert dati["comuni"][0]["istat"] == "037013"
    assert dati["comuni"][1] == {"nome": "Atlantide"}


_TESTI = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    [
        "yes",
        "No",
        "on",
        "OFF",
        "null",
        "~",
        "037013",
        "1e3",
        "0x1F",
        "#",
        "a: b",
        "- x",
        "'",
        '"',
        "&a",
        "*a",
        "!x",
        "?0",  # plain in a block, not in the flow mapping ruamel may write it in
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nome=_TESTI, sede=_TESTI, sindaco=_TESTI, atto=_TESTI, numero=_TESTI)
def test_any_text_typed_in_the_form_reads_back_as_typed(
    nome: str, sede: str, sindaco: str, atto: str, numero: str
) -> None:
    campi = [
        ("unione[nome]", nome),
        ("unione[sede]", sede),
        ("comuni[0][nome]", "Imola"),
        ("comuni[0][sindaco]", sindaco),
        ("adempimenti[piano_comunicazione][atto]", atto),
        ("funzioni[0][codice]", "suap"),
        ("funzioni[0][conferimenti][0][comune]", "Imola"),
        ("funzioni[0][conferimenti][0][delibera][numero]", numero),
    ]
    dati = dati_da_modulo(campi)
    if not esamina(dati, ["suap"]).valido:
        return  # e.g. an empty name: the form says so, nothing is written
    testo = scrivi_yaml(dati)
    profilo = validate_profile(parse_yaml(testo, "p.yaml")).profilo
    assert profilo.unione.nome == nome.strip()
    assert (profilo.unione.sede or "") == sede.strip()
    assert (profilo.comuni[0].sindaco or "") == sindaco.strip()
    assert (
        (profilo.adempimenti.piano_comunicazione and profilo.adempimenti.piano_comunicazione.atto) or ""
    ) == atto.strip()
    delibera = profilo.funzioni[0].conferimenti[0].delibera
    assert str(delibera.numero if delibera and delibera.numero is not None else "") == numero.strip()


def test_a_yes_no_field_speaks_of_si_and_no(pack: RulePack) -> None:
    dati = dati_da_modulo([*NUOVA[:12], ("funzioni[0][codice]", "suap"), ("funzioni[0][integrale]", "forse")])
    (errore,) = esamina(completa_comuni(dati), pack.catalogo).errori
    assert (errore.nome, errore.messaggio) == (
        "funzioni[0][integrale]",
        "scegliere sì o no (valore: 'forse')",
    )
