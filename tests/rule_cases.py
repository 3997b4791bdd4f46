"""A pytest plugin: YAML test cases of the rule pack (`tests/casi/*.yaml`), one pytest item per case.

A case file has an optional `regole` (a bundled pack's file name; default the LR 21 one), a `base` profile fragment and `casi`: each case overrides top-level keys of the base
(`unione`, `comuni`, `funzioni`, `adempimenti`…), gives the evaluation `data` and what it expects: `classe`,
`funzioni_effettive`, `esito`, and `rilievi` as {code: status} or {code: [status, …]} (one per finding).
`fonti` checks each finding of a rule: {code: {confidenza: …, gravita: …, atto|articolo|comma|url: fragment}};
`messaggi` / `messaggi_esclusi`: {code: fragment} that every (no) open finding's Italian message contains;
`processo` (in a case) replaces fields of the base's first participatory process.
`motivi_classe`: fragments the class reasons (Italian or English) must contain.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from avviamento.engine import evaluate
from avviamento.profilo import validate_profile
from avviamento.regole import load_pack_cached
from avviamento.risorse import default_rules, rules_dir
from avviamento.yamlio import load_yaml, parse_yaml


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "casi":
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        data = load_yaml(self.path).data
        for caso in data["casi"]:
            yield CaseItem.from_parent(
                self, name=caso["nome"], base=data["base"], caso=caso, regole=data.get("regole")
            )


class CaseItem(pytest.Item):
    def __init__(
        self, *, base: dict[str, Any], caso: dict[str, Any], regole: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.base_regole = regole
        self.base = base
        self.caso = caso

    def runtest(self) -> None:
        profilo = copy.deepcopy(self.base)
        profilo.update(copy.deepcopy(self.caso.get("profilo", {})))
        if "processo" in self.caso:  # fields that replace those of the base's first participatory process
            profilo["processi_partecipativi"][0].update(copy.deepcopy(self.caso["processo"]))
        documento = parse_yaml(yaml.safe_dump(profilo, allow_unicode=True), f"{self.path.name}::{self.name}")
        regole = rules_dir() / self.base_regole if self.base_regole else default_rules()
        esito = evaluate(validate_profile(documento), load_pack_cached(regole), _date(self.caso["data"]))
        atteso = self.caso["atteso"]
        if "classe" in atteso:
            assert esito.classe == atteso["classe"], f"classe {esito.classe} != {atteso['classe']}"
        if "funzioni_effettive" in atteso:
            assert list(esito.funzioni_effettive) == sorted(atteso["funzioni_effettive"])
        if "esito" in atteso:
            assert esito.esito == atteso["esito"]
        for codice, stati in atteso.get("rilievi", {}).items():
            attesi = stati if isinstance(stati, list) else [stati]
            trovati = [r.stato for r in esito.rilievi if r.regola == codice]
            assert trovati == attesi, f"{codice}: {trovati} != {attesi}"
        for codice, attesa in atteso.get("fonti", {}).items():
            trovati = [r for r in esito.rilievi if r.regola == codice]
            assert trovati, f"{codice}: nessun rilievo"
            for r in trovati:
                for chiave, valore in attesa.items():
                    if chiave in ("confidenza", "gravita"):
                        assert getattr(r, chiave) == valore, f"{codice} {chiave}: {getattr(r, chiave)}"
                    else:
                        assert str(valore) in str(getattr(r.fonte, chiave)), f"{codice} {chiave}: {r.fonte}"
        for chiave, deve in (("messaggi", True), ("messaggi_esclusi", False)):
            for codice, frammento in atteso.get(chiave, {}).items():
                aperti = [r.messaggio["it"] for r in esito.rilievi if r.regola == codice and r.aperto]
                assert aperti, f"{codice}: nessun rilievo aperto"
                for testo in aperti:
                    assert (frammento in testo) is deve, f"{codice}: {frammento!r} / {testo!r}"
        for frammento in atteso.get("motivi_classe", []):
            motivi = [m[lang] for m in esito.motivi_classe for lang in ("it", "en")]
            assert any(frammento in m for m in motivi), f"{frammento!r} not in {motivi}"
        for codice, giorni in atteso.get("giorni", {}).items():
            trovati = [r.giorni for r in esito.rilievi if r.regola == codice]
            assert trovati == [giorni], f"{codice} giorni: {trovati} != {giorni}"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"caso: {self.name}"


def _date(value: Any) -> Any:
    import datetime as dt

    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
