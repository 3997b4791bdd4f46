"""The JSON Schema agrees with `check`: a profile validates with `jsonschema` iff the CLI accepts it."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
import yaml

from avviamento.engine import verifica_funzioni
from avviamento.errors import InputError
from avviamento.profilo import Profilo, profile_schema, validate_profile
from avviamento.regole import RulePack
from avviamento.yamlio import Document, load_yaml, parse_yaml
from tests.conftest import EXAMPLES, ROOT
from tests.test_input_errati import CASES, MINIMO

SCHEMA = profile_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

# What the CLI refuses and a schema cannot know: a check digit (the codice fiscale). Nothing else may differ.
ONLY_THE_CLI_KNOWS = {"codice-fiscale"}

EXTRA = {
    # name: profile text — the cases where editor schemas and the loader used to disagree
    "data-italiana": MINIMO.replace("2024-05-15", "15/05/2024"),
    "data-italiana-corta": MINIMO.replace("2023-03-28", "1/3/2023"),
    "data-italiana-impossibile-mese": MINIMO.replace("2023-03-28", "28/13/2023"),
    "data-iso-impossibile": MINIMO.replace("2024-05-15", "2024-02-30"),
    "istat-senza-virgolette": MINIMO.replace('"037059"', "037059"),
    "istat-numero": MINIMO.replace('"037059"', "100001"),
    "istat-numero-corto": MINIMO.replace('"037059"', "37059"),
    "conferimento-per-codice": MINIMO.replace("comune: Vergato", "comune: 037059"),
    "durata-anni": MINIMO + "    convenzione: {durata: 5}\n",
    "durata-testo": MINIMO + "    convenzione: {durata: 5 anni}\n",
    "durata-indeterminata": MINIMO + "    convenzione: {durata: indeterminata}\n",
    "funzione-sconosciuta": MINIMO.replace("sistemi_informativi", "ict"),
    "giunta": MINIMO.replace("  provincia: BO", "  provincia: BO\n  organi: {giunta: sindaci}"),
    "giunta-errata": MINIMO.replace("  provincia: BO", "  provincia: BO\n  organi: {giunta: sindaco}"),
    "provincia-minuscola": MINIMO.replace("provincia: BO", "provincia: bo"),
    "senza-comuni": MINIMO.split("comuni:")[0] + "comuni: []\n",
    "personale-negativo": MINIMO.replace("personale: 2", "personale: -1"),
    "codice-fiscale-valido": MINIMO.replace("  provincia: BO", '  codice_fiscale: "00794470377"'),
    "patrono": MINIMO.replace('istat: "037059"', 'istat: "037059"\n    santo_patrono: "10-04"'),
    "patrono-errato": MINIMO.replace('istat: "037059"', 'istat: "037059"\n    santo_patrono: "4 ottobre"'),
}


def _rule_case_profiles() -> dict[str, str]:
    data = load_yaml(ROOT / "tests" / "casi" / "classi_e_scadenze.yaml").data
    out = {}
    for caso in data["casi"]:
        profilo = copy.deepcopy(data["base"])
        profilo.update(copy.deepcopy(caso.get("profilo", {})))
        out[f"caso: {caso['nome']}"] = yaml.safe_dump(profilo, allow_unicode=True)
    return out


def _profiles() -> dict[str, str]:
    found = {f"examples/{p.name}": p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
    found["minimo"] = MINIMO
    for name, content, *_ in CASES:
        try:
            found[name] = content.decode("utf-8")
        except UnicodeDecodeError:
            continue  # not UTF-8: no schema sees it
    return found | EXTRA | _rule_case_profiles()


PROFILES = _profiles()


def _document(name: str) -> Document:
    try:
        return parse_yaml(PROFILES[name], name)
    except InputError:
        pytest.skip("not YAML the loader accepts: editors show their own YAML error")


def _cli_accepts(documento: Document, pack: RulePack) -> bool:
    try:
        verifica_funzioni(validate_profile(documento), pack)
    except InputError:
        return False
    return True


@pytest.mark.parametrize("name", list(PROFILES))
def test_schema_accepts_what_check_accepts(name: str, pack: RulePack) -> None:
    documento = _document(name)
    schema_errors = [e.message for e in VALIDATOR.iter_errors(documento.data)]
    cli = _cli_accepts(documento, pack)
    if name in ONLY_THE_CLI_KNOWS:
        assert not cli and not schema_errors
    else:
        assert (not schema_errors) == cli, schema_errors


def test_the_corpus_has_both_outcomes(pack: RulePack) -> None:
    outcomes = set()
    for name, text in PROFILES.items():
        try:
            outcomes.add(_cli_accepts(parse_yaml(text, name), pack))
        except InputError:
            continue
    assert outcomes == {True, False}


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [("", schema)] + [(name, d) for name, d in schema["$defs"].items()]
    return [(f"{owner}.{key}", prop) for owner, d in found for key, prop in d.get("properties", {}).items()]


def test_every_property_has_an_italian_title_and_description() -> None:
    props = _properties(SCHEMA)
    assert len(props) > 50
    for name, prop in props:
        # pydantic leaves out a title equal to the referenced model's (`unione` → Unione)
        ref = prop.get("$ref", "").rsplit("/", 1)[-1]
        assert prop.get("title") or SCHEMA["$defs"][ref]["title"], name
        assert prop.get("description"), name  # pydantic has no default description: each was written


def test_function_codes_are_a_closed_set_with_labels(pack: RulePack) -> None:
    codice = SCHEMA["$defs"]["Funzione"]["properties"]["codice"]
    assert codice["enum"] == list(pack.catalogo)
    assert codice["enumDescriptions"][0] == "Sistemi informativi e tecnologie dell'informazione (ICT)"


def test_committed_schema_is_the_generated_one() -> None:
    committed = json.loads((ROOT / "schema" / "profilo.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(SCHEMA))
    assert Profilo.model_json_schema()["properties"]["comuni"]["title"] == "Comuni aderenti"
