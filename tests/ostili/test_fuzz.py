"""Fuzzing the commands in process: mutated profiles and packs end in a documented exit code, never a traceback.

A short, reproducible run in the suite; `AVVIAMENTO_FUZZ=1 pytest tests/ostili/test_fuzz.py` runs a long random one.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from avviamento.cli import app
from avviamento.risorse import default_rules
from tests.ostili.limitati import ROOT

LUNGO = os.environ.get("AVVIAMENTO_FUZZ") == "1"


def prove(breve: int) -> settings:
    """`breve` examples, derandomized, in the suite; 20× as many, random, with AVVIAMENTO_FUZZ=1."""
    return settings(
        max_examples=breve * 20 if LUNGO else breve,
        deadline=30_000,  # ms per example: a slow path fails loudly instead of stalling the suite
        derandomize=not LUNGO,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


PROFILI = [ROOT / "examples" / "profilo-esempio.yaml", ROOT / "examples" / "terre-del-delta.yaml"]
TESTI = {p.name: p.read_text(encoding="utf-8") for p in PROFILI}
DATI = {nome: yaml.safe_load(testo) for nome, testo in TESTI.items()}
PACCHETTO = default_rules().read_text(encoding="utf-8")
DATI_PACCHETTO = yaml.safe_load(PACCHETTO)

POSIZIONE = re.compile(r"^.+:\d+:\d+: \S")
USCITE = {"check": {0, 1, 2}, "plan": {0, 2}, "draft": {0, 2}, "rules": {0, 2}}

VALORI = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2024-02-30",
            "9999-12-31",
            "0001-01-01",
            "31/12/2199",
            "037059",
            "indeterminata",
            "consiglio",
            "sindaci",
            "",
            "a\nb",
            "\x00",
            "\x07",
            "\x1b[31m",
            "{x:>99}",
            "{",
            "Sant'Agata",
            "x" * 3000,
        ]
    ),
    st.lists(st.integers(0, 5), max_size=3),
    st.dictionaries(st.sampled_from(["nome", "data", "comune", "x"]), st.integers(0, 5), max_size=2),
)
FRAMMENTI = st.sampled_from(
    [
        "!!int ",
        "!!bool ",
        "!!float ",
        "!!str ",
        "!!timestamp ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "- ",
        "\n",
        "\t",
        "'",
        '"',
        "<<: ",
        "!!python/object ",
        "? ",
        "---\n",
        "#",
        "\\x00",
        "\\e",
        "\\u2028",
        "\ufeff",
    ]
)


def cammini(dato: Any, cammino: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in the data, root excluded."""
    figli: list[tuple[Any, Any]] = []
    if isinstance(dato, dict):
        figli = list(dato.items())
    elif isinstance(dato, list):
        figli = list(enumerate(dato))
    out = []
    for chiave, valore in figli:
        out.append((*cammino, chiave))
        out.extend(cammini(valore, (*cammino, chiave)))
    return out


CAMMINI = {nome: cammini(dato) for nome, dato in DATI.items()}
CAMMINI_PACCHETTO = cammini(DATI_PACCHETTO)


@st.composite
def struttura(draw: st.DrawFn, dato: Any, percorsi: list[tuple[Any, ...]]) -> str:
    """The data with one to three values replaced, removed or duplicated, written back as YAML."""
    dato = copy.deepcopy(dato)
    for _ in range(draw(st.integers(1, 3))):
        cammino = draw(st.sampled_from(percorsi))
        try:
            genitore = dato
            for passo in cammino[:-1]:
                genitore = genitore[passo]
            ultimo = cammino[-1]
            azione = draw(st.sampled_from(["sostituisci", "togli", "duplica"]))
            if azione == "sostituisci":
                genitore[ultimo] = draw(VALORI)
            elif azione == "togli":
                del genitore[ultimo]
            elif isinstance(genitore, list):
                genitore.insert(ultimo, copy.deepcopy(genitore[ultimo]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced the path
    return yaml.safe_dump(dato, allow_unicode=True, sort_keys=False)


@st.composite
def mutato(draw: st.DrawFn, originale: str) -> str:
    """The text with one to three fragments inserted or spans deleted."""
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(originale)))
        if draw(st.booleans()):
            originale = originale[:i] + draw(FRAMMENTI) + originale[i:]
        else:
            originale = originale[:i] + originale[i + draw(st.integers(1, 40)) :]
    return originale


PROFILO = st.one_of(
    *(struttura(DATI[n], CAMMINI[n]) for n in sorted(DATI)), *(mutato(TESTI[n]) for n in sorted(TESTI))
)
PACK = st.one_of(struttura(DATI_PACCHETTO, CAMMINI_PACCHETTO), mutato(PACCHETTO))


def verifica(result: Result, comando: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in USCITE[comando], (result.exit_code, result.output)
    if result.exit_code == 2:
        righe = result.stderr.strip().splitlines()
        assert righe, "exit 2 with no message"
        for riga in righe:  # one line per problem (every mistake of a profile, every problem of a pack)
            assert POSIZIONE.match(riga), riga


def scrivi(cartella: Path, contenuto: str, nome: str) -> Path:
    path = cartella / nome
    path.write_bytes(contenuto.encode("utf-8", "surrogatepass"))
    return path


runner = CliRunner()


@prove(40)
@given(PROFILO)
def test_check_and_plan_on_mutated_profiles(contenuto: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = scrivi(Path(tmp), contenuto, "profilo.yaml")
        verifica(runner.invoke(app, ["check", str(path), "--format", "json"]), "check")
        verifica(runner.invoke(app, ["plan", str(path), "--deadline", "2026-12-31"]), "plan")


@prove(8)
@given(PROFILO)
def test_draft_on_mutated_profiles(contenuto: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = scrivi(Path(tmp), contenuto, "profilo.yaml")
        verifica(runner.invoke(app, ["draft", str(path), "--out", str(Path(tmp) / "atti")]), "draft")


@prove(25)
@given(PACK)
def test_rules_lint_and_check_on_mutated_packs(contenuto: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = scrivi(Path(tmp), contenuto, "regole.yaml")
        verifica(runner.invoke(app, ["rules", "lint", str(path)]), "rules")
        verifica(runner.invoke(app, ["check", str(PROFILI[0]), "--rules", str(path)]), "check")


@prove(20)
@given(st.integers(1, 120), st.sampled_from(["[", "{a: ", "- "]))
def test_nesting_of_any_depth(livelli: int, apertura: str) -> None:
    chiusura = {"[": "]", "{a: ": "}", "- ": ""}[apertura]
    if apertura == "- ":
        contenuto = "unione:\n" + "".join(" " * i + "- \n" for i in range(1, livelli + 1))
    else:
        contenuto = "unione: " + apertura * livelli + "1" + chiusura * livelli + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = scrivi(Path(tmp), contenuto, "profilo.yaml")
        verifica(runner.invoke(app, ["check", str(path)]), "check")
        verifica(runner.invoke(app, ["rules", "lint", str(path)]), "rules")
