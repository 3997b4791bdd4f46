"""Property-based tests: any input, generated or mutated, ends in a result or in the one-line error."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avviamento.engine import evaluate
from avviamento.errors import InputError
from avviamento.esito import Esito
from avviamento.profilo import load_profile
from avviamento.regole import load_pack_cached
from avviamento.reporters import Formato, renderer
from avviamento.risorse import default_rules
from tests.conftest import EXAMPLES

PACK = load_pack_cached(default_rules())
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
ONE_LINE = re.compile(r"^.+:\d+:\d+: \S.*$")
KEY = set(PACK.gruppo("art7_c3_chiave"))


def outcome(text: str | bytes) -> Esito | InputError:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profilo.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        try:
            esito = evaluate(load_profile(path), PACK, dt.date(2024, 5, 15))
        except InputError as exc:
            for lang in ("it", "en"):
                rendered = exc.render(lang)  # type: ignore[arg-type]
                assert ONE_LINE.match(rendered) and "\n" not in rendered, rendered
            return exc
    for formato in Formato:
        assert renderer(formato)(esito, "it")
    return esito


def invariants(esito: Esito) -> None:
    effettive = set(esito.funzioni_effettive)
    assert list(esito.funzioni_effettive) == sorted(effettive)
    assert effettive <= {f.codice for f in esito.funzioni}
    open_errors = any(r.gravita == "errore" and r.aperto for r in esito.rilievi)
    assert esito.conforme is not open_errors
    if esito.classe in ("avviata", "in_sviluppo"):
        assert "sistemi_informativi" in effettive and len(effettive & KEY) >= 3
    assert esito.classe != "avanzata"  # its threshold is unknown: never assigned
    for r in esito.rilievi:
        assert (r.giorni is not None) == (r.stato in ("in_scadenza", "scaduta"))


HOSTILE = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n ,?0123456789aZè\x00\x85\ufeff")), max_size=12
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(sorted(TEXTS.values())))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "replace", "insert", "truncate", "indent"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "replace":
            line = lines[i]
            a = draw(st.integers(0, len(line)))
            b = draw(st.integers(a, len(line)))
            lines[i] = line[:a] + draw(HOSTILE) + line[b:]
        elif action == "insert":
            lines.insert(i, draw(HOSTILE) + "\n")
        elif action == "truncate":
            lines = lines[:i]
        else:
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
    return "".join(lines)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_examples_end_in_result_or_one_line_error(text: str) -> None:
    result = outcome(text)
    if isinstance(result, Esito):
        invariants(result)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data: bytes) -> None:
    outcome(data)


CODES = sorted(PACK.catalogo)
COMUNI = [("Codigoro", "038005"), ("Goro", "038025"), ("Mesola", "038014"), ("Imola", "037032")]
DATES = st.one_of(
    st.dates(dt.date(2012, 1, 1), dt.date(2025, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["2024-02-30", "31/12/2023", "domani", "", "2024-1-5"]),
    st.none(),
)


@st.composite
def generated(draw: st.DrawFn) -> dict[str, Any]:
    membri = draw(st.lists(st.sampled_from(COMUNI[:3]), min_size=1, max_size=3, unique=True))
    funzioni = []
    for codice in draw(st.lists(st.sampled_from([*CODES, "funzione_inventata"]), max_size=6)):
        conferimenti = [
            {
                "comune": draw(st.sampled_from([nome, istat])),
                "delibera": {"numero": draw(st.integers(1, 99)), "data": draw(DATES)},
            }
            for nome, istat in draw(st.lists(st.sampled_from(COMUNI), max_size=4))
        ]
        funzioni.append(
            {
                "codice": codice,
                "conferimenti": conferimenti,
                "avvio": draw(DATES),
                "integrale": draw(st.sampled_from([True, False, None, "si"])),
                "personale": draw(
                    st.one_of(st.none(), st.floats(-1, 50, allow_nan=False), st.integers(0, 40))
                ),
                "spesa_in_bilancio_unione": draw(st.booleans()),
                "convenzione": {
                    "sottoscritta": draw(DATES),
                    "durata": draw(st.sampled_from(["indeterminata", 5, 0, None])),
                },
            }
        )
    return {
        "versione_formato": 1,
        "data_riferimento": draw(DATES),
        "unione": {
            "nome": draw(st.text(min_size=0, max_size=30)),
            "classe_dichiarata": draw(
                st.sampled_from(["costituita", "esistente", "avviata", "in_sviluppo", None])
            ),
            "montana": draw(st.booleans()),
            "atto_costitutivo": draw(DATES),
        },
        "comuni": [{"nome": n, "istat": i} for n, i in membri],
        "funzioni": funzioni,
        "adempimenti": {"piano_comunicazione": {"approvato": draw(DATES)}},
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated())
def test_generated_profiles_end_in_result_or_one_line_error(data: dict[str, Any]) -> None:
    result = outcome(yaml.safe_dump(data, allow_unicode=True))
    if isinstance(result, Esito):
        invariants(result)
