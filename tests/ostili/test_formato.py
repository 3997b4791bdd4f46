"""Item 8: an error stays one line whatever the value holds, blames what was given, and speaks Italian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from avviamento.cli import app
from avviamento.errors import InputError
from tests.ostili.limitati import ROOT

DELTA = ROOT / "examples" / "terre-del-delta.yaml"


def esegui(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def righe_errore(result: Result) -> list[str]:
    assert result.exit_code == 2, result.output
    return result.stderr.strip().splitlines()


def test_a_value_with_a_newline_is_escaped_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "a-capo.yaml"
    path.write_text('versione_formato: 1\ndata_riferimento: "2024-05-15\\nriga due"\nunione: {nome: U}\n')
    righe = righe_errore(esegui("check", path))
    assert righe == [  # every mistake, in file order, each on its own line
        f"{path}:1:1: 'comuni': campo obbligatorio mancante",
        f"{path}:2:19: data non valida '2024-05-15\\nriga due' (usare AAAA-MM-GG, ad es. 2024-06-30)",
    ]


def test_an_option_value_with_a_newline_is_escaped() -> None:
    righe = righe_errore(esegui("check", DELTA, "--as-of", "2024-01-01\nx"))
    assert righe == ["avviamento: data non valida per --as-of: '2024-01-01\\nx' (usare AAAA-MM-GG)"]


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nome\ncon a capo.yaml"
    path.write_text("- a\n")
    righe = righe_errore(esegui("check", path))
    assert len(righe) == 1 and righe[0].endswith(
        "nome\\ncon a capo.yaml:1:1: il documento deve essere una mappa di chiavi e valori"
    )


def test_render_escapes_every_control_character() -> None:
    errore = InputError("f.yaml", 1, 2, {"it": "x\x00\x07\x1b\r\t\x85\u2028y", "en": ""})
    assert errore.render("it") == "f.yaml:1:2: x\\x00\\x07\\x1b\\r\\t\\x85\\u2028y"


def test_plan_before_the_programme_blames_the_profile_date_not_deadline(tmp_path: Path) -> None:
    path = tmp_path / "vecchio.yaml"
    path.write_text(
        DELTA.read_text(encoding="utf-8").replace(
            "data_riferimento: 2024-03-01", "data_riferimento: 2010-01-01"
        )
    )
    righe = righe_errore(esegui("plan", path))
    assert len(righe) == 1
    assert re.match(
        rf"^{re.escape(str(path))}:\d+:19: nessuna scadenza del programma in vigore al 1º gennaio 2010",
        righe[0],
    )
    assert "--deadline:" not in righe[0] and righe[0].endswith("indicarla con --deadline")
    assert esegui("plan", path, "--deadline", "2024-06-30").exit_code == 0


def test_plan_before_the_programme_blames_as_of_when_given() -> None:
    righe = righe_errore(esegui("plan", DELTA, "--as-of", "2010-01-01", "--lang", "en"))
    assert righe == [
        "avviamento: --as-of: the rule pack has no programme deadline in force on 1 January 2010: give one with --deadline"
    ]


@pytest.mark.parametrize("valore", ['"x"', "[]", "true", '"2024-02-30"'])
def test_pydantic_datetime_messages_are_italian(tmp_path: Path, valore: str) -> None:
    from avviamento.risorse import default_rules

    testo = (
        default_rules().read_text(encoding="utf-8").replace('dal: "2022-05-02T09:00"', f"dal: {valore}", 1)
    )
    path = tmp_path / "pacchetto.yaml"
    path.write_text(testo)
    result = esegui("rules", "lint", path)
    assert result.exit_code == 2
    assert (
        "calendario[1].dal': data e ora non valid" in result.output
        or "deve essere una data e ora" in result.output
    )
    assert "Input should" not in result.output
