"""Item 7: sizes beyond any real Unione are refused with the limit named; within them `check` stays linear."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from avviamento.cli import app
from avviamento.comuni import indice_membro, normalizza
from avviamento.limiti import MAX_COMUNI, MAX_CONFERIMENTI, MAX_FUNZIONI
from avviamento.profilo import Profilo
from tests.ostili.genera import profilo_grande
from tests.ostili.limitati import avviamento


def esegui(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def una_riga(result: Result, prefisso: str, frammento: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    righe = result.stderr.strip().splitlines()
    assert all(re.match(r"^.+:\d+:\d+: \S", riga) for riga in righe), result.stderr  # one line per error
    assert righe[0].startswith(prefisso), righe[0]
    assert frammento in righe[0], righe[0]


def test_one_comune_too_many_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "troppi.yaml"
    path.write_text(profilo_grande(MAX_COMUNI + 1, 0))
    una_riga(
        esegui("check", path),
        f"{path}:5:3: 'comuni': ",
        "elenco troppo lungo: 501 elementi, al massimo 500 (limite di avviamento)",
    )


def test_too_many_functions_and_conferrals_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "funzioni.yaml"
    path.write_text(profilo_grande(1, MAX_FUNZIONI + 1))
    una_riga(
        esegui("check", path), f"{path}:", "'funzioni': elenco troppo lungo: 101 elementi, al massimo 100"
    )
    testo = profilo_grande(2, 1).replace(
        "    conferimenti:\n",
        "    conferimenti:\n" + "      - {comune: Comune 0}\n" * MAX_CONFERIMENTI,
    )
    path.write_text(testo)
    una_riga(
        esegui("check", path), f"{path}:", "'funzioni[1].conferimenti': elenco troppo lungo: 502 elementi"
    )


def test_the_largest_accepted_profile_is_checked_within_the_memory_cap(tmp_path: Path) -> None:
    # 500 Comuni conferring 10 functions: 5,000 conferrals, half the limit of keys and values.
    path = tmp_path / "grande.yaml"
    path.write_text(profilo_grande(MAX_COMUNI, 10))
    risultato = avviamento("check", path, "--format", "json", attesa=120)
    assert risultato.returncode == 1, risultato.stderr[-2000:]
    assert '"formato": "avviamento/esito@1"' in risultato.stdout


def test_plausible_profile_is_planned(tmp_path: Path) -> None:
    path = tmp_path / "medio.yaml"
    path.write_text(profilo_grande(60, 5))
    result = esegui("plan", path, "--format", "json")
    assert result.exit_code == 0, result.output


def _scansione(profilo: Profilo, riferimento: str) -> int | None:
    """The member lookup as a plain scan of the list (the definition the index must agree with)."""
    chiave = normalizza(riferimento)
    for i, comune in enumerate(profilo.comuni):
        if riferimento == comune.istat or chiave == normalizza(comune.nome):
            return i
    return None


NOMI = st.sampled_from(
    ["Vergato", "vergato", "Castel d'Aiano", "castel d’aiano", "Sant-Agata", "037059", "X"]
)
ISTAT = st.sampled_from([None, "037059", "037013", "037031"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(NOMI, ISTAT), min_size=1, max_size=6), NOMI | ISTAT.filter(bool))
def test_member_index_agrees_with_a_scan(comuni: list[tuple[str, str | None]], riferimento: str) -> None:
    profilo = Profilo.model_validate(
        {"unione": {"nome": "U"}, "comuni": [{"nome": n, "istat": i} for n, i in comuni]}
    )
    assert indice_membro(profilo, riferimento) == _scansione(profilo, riferimento)
