"""Hostile rule packs: every one is a `rules lint` error at file:line:col, and every command that loads it with
`--rules` exits 2 with that same single line (never a traceback, never a huge output)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from avviamento.regole import lint_pack
from avviamento.risorse import default_rules
from tests.conftest import EXAMPLES

BUNDLED = default_rules().read_text(encoding="utf-8")
ER001 = "La funzione «{funzione}» non è esercitata in forma effettiva"
SOGLIA = "      - valore: 3\n        valido_dal: 2014-01-01\n"

# name → (text in the bundled pack, its replacement, fragment of the Italian error)
OSTILI = {
    "graffa-aperta": (
        ER001,
        "La funzione «{funzione» non è esercitata in forma effettiva",
        "graffa non bilanciata",
    ),
    "graffa-chiusa": (
        ER001,
        "La funzione «funzione}» non è esercitata in forma effettiva",
        "graffa non bilanciata",
    ),
    "formato-errato": (ER001, ER001.replace("{funzione}", "{funzione:zz}"), "{funzione:zz}"),
    "larghezza-enorme": (ER001, ER001.replace("{funzione}", "{funzione:>1500000000}"), "senza formato"),
    "precisione": (ER001, ER001.replace("{funzione}", "{funzione:.999999}"), "senza formato"),
    "conversione": (ER001, ER001.replace("{funzione}", "{funzione!r}"), "senza formato"),
    "attributo": (ER001, ER001.replace("{funzione}", "{funzione.__class__}"), "senza formato"),
    "indice": (ER001, ER001.replace("{funzione}", "{funzione[0]}"), "senza formato"),
    "posizionale": (ER001, ER001.replace("{funzione}", "{}"), "senza formato"),
    "troppi-segnaposto": (ER001, ER001 + " {funzione}" * 30, "troppi segnaposto"),
    "messaggio-enorme": (ER001, ER001 + " x" * 1500, "troppo lungo"),
    "valore-yes": (SOGLIA, SOGLIA.replace("valore: 3", "valore: yes"), "valore non valido true"),
    "valore-quattro": (SOGLIA, SOGLIA.replace("valore: 3", "valore: quattro"), "serve un numero intero"),
    "soglia-non-intera": (SOGLIA, SOGLIA.replace("valore: 3", "valore: 3.5"), "serve un numero intero"),
    "soglia-negativa": (SOGLIA, SOGLIA.replace("valore: 3", "valore: -1"), "tra 0 e"),
    "soglia-enorme": (SOGLIA, SOGLIA.replace("valore: 3", "valore: 100000000000"), "tra 0 e"),
    "soglia-testo": (SOGLIA, SOGLIA.replace("valore: 3", 'valore: "3"'), "serve un numero intero"),
    "lettere-non-elenco": ("      - valore: [l]\n", "      - valore: 12\n", "un elenco di lettere"),
    "percentuale-oltre-100": ("      - valore: 90\n", "      - valore: 190\n", "una percentuale tra 0 e 100"),
    "condizione-pendente": (
        "percentuale: effettivita_finanziaria_in_sviluppo",
        "percentuale: effettivita_ignota",
        "riferimento sconosciuto 'effettivita_ignota'",
    ),
    "int-su-testo": (
        'atto: "LR Emilia-Romagna 21/2012"\n    articolo: "6"',
        'atto: !!int 12\n    articolo: "6"',
        "deve essere un testo",
    ),
}


def _pack(tmp_path: Path, name: str) -> Path:
    old, new, _ = OSTILI[name]
    assert BUNDLED.count(old) >= 1, old
    path = tmp_path / f"{name}.yaml"
    path.write_text(BUNDLED.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", OSTILI)
def test_lint_reports_the_hostile_pack(tmp_path: Path, name: str) -> None:
    path = _pack(tmp_path, name)
    problems = [p.error().render("it") for p in lint_pack(path)]
    assert len(problems) == 1, problems
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: ", problems[0]), problems
    assert OSTILI[name][2] in problems[0], problems
    assert len(problems[0]) < 300 and "\n" not in problems[0]


@pytest.mark.parametrize("name", OSTILI)
def test_every_command_refuses_the_hostile_pack_with_one_line(
    tmp_path: Path, name: str, run: Callable[..., Result]
) -> None:
    path = _pack(tmp_path, name)
    [expected] = [p.error().render("it") for p in lint_pack(path)]
    delta = str(EXAMPLES / "terre-del-delta.yaml")
    commands = [
        ("check", delta),
        ("plan", delta),
        ("review", str(EXAMPLES)),
        ("draft", delta, "--out", str(tmp_path / "bozze")),
    ]
    for command in commands:
        result = run(*command, "--rules", str(path))
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.strip() == expected, (command, result.stderr)
        assert result.stdout == "", (command, result.stdout[:200])
    lint = run("rules", "lint", str(path))
    assert lint.exit_code == 2 and lint.stderr.strip() == expected
    assert not (tmp_path / "bozze").exists()


def test_huge_width_is_refused_fast_in_a_real_process(tmp_path: Path) -> None:
    path = _pack(tmp_path, "larghezza-enorme")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "avviamento",
            "check",
            str(EXAMPLES / "terre-del-delta.yaml"),
            "--rules",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "senza formato" in result.stderr


def test_the_error_points_at_the_message_in_its_language(tmp_path: Path) -> None:
    text = BUNDLED.replace(
        "The function «{funzione}» is not effectively managed",
        "The function «{funzione:>9}» is not effectively managed",
    )
    path = tmp_path / "en.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = lint_pack(path)
    riga = next(i for i, line in enumerate(text.splitlines(), 1) if "{funzione:>9}" in line)
    assert (problem.riga, problem.colonna) == (riga, 11)


MESSAGGIO_ER001 = '"La funzione «{funzione}» non è esercitata in forma effettiva dall\'Unione: {motivi}."'
VALORE_SOGLIA = "      - valore: 3\n        valido_dal: 2014-01-01\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    messaggio=st.text(alphabet="{}:!.[]<>^=+0123456789 abfxz_motivifunzione", max_size=40),
    valore=st.one_of(
        st.integers(min_value=-5, max_value=10**12),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.text(alphabet="abc0123456789.", max_size=6),
    ),
)
def test_no_message_or_value_makes_lint_or_check_raise(
    tmp_path: Path, messaggio: str, valore: object
) -> None:
    import json

    from avviamento.engine import evaluate
    from avviamento.errors import InputError
    from avviamento.profilo import load_profile
    from avviamento.regole import load_pack

    assert MESSAGGIO_ER001 in BUNDLED and VALORE_SOGLIA in BUNDLED
    text = BUNDLED.replace(MESSAGGIO_ER001, json.dumps(messaggio, ensure_ascii=False), 1).replace(
        VALORE_SOGLIA, VALORE_SOGLIA.replace("3", json.dumps(valore), 1), 1
    )
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    problems = lint_pack(path)
    try:
        pack = load_pack(path)
    except InputError as exc:
        assert problems and exc.render("it") == problems[0].error().render("it")
        assert "\n" not in exc.render("it") and len(exc.render("it")) < 400
        return
    assert problems == []
    esito = evaluate(load_profile(EXAMPLES / "terre-del-delta.yaml"), pack)
    assert all(len(r.messaggio["it"]) < 5000 for r in esito.rilievi)
