"""Item 3: deep nesting, bad tagged values, dates at the ends of the range, control characters: one line, exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from avviamento.cli import app
from tests.ostili.limitati import ROOT

ESEMPIO = ROOT / "examples" / "profilo-esempio.yaml"
MINIMO = """\
versione_formato: 1
data_riferimento: 2024-05-15
unione: {nome: "Unione di prova", provincia: BO}
comuni:
  - {nome: Vergato, istat: "037059"}
"""


def esegui(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def una_riga(result: Result, prefisso: str, frammento: str) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    righe = result.stderr.strip().splitlines()
    assert len(righe) == 1, result.stderr
    assert righe[0].startswith(prefisso), righe[0]
    assert frammento in righe[0], righe[0]
    return righe[0]


@pytest.mark.parametrize("forma", ["flusso", "blocco", "mappe"])
def test_five_hundred_levels_of_nesting_in_a_profile(tmp_path: Path, forma: str) -> None:
    testo = {
        "flusso": "unione: " + "[" * 500 + "]" * 500 + "\n",
        "blocco": "unione:\n" + "".join(" " * i + "- \n" for i in range(1, 500)),
        "mappe": "unione: " + "{a: " * 500 + "1" + "}" * 500 + "\n",
    }[forma]
    path = tmp_path / "profondo.yaml"
    path.write_text(testo)
    riga = una_riga(esegui("check", path), f"{path}:", "annidamento troppo profondo: oltre 50 livelli")
    una_riga(esegui("plan", path), f"{path}:", "annidamento troppo profondo")
    assert riga.startswith(f"{path}:1:") or forma == "blocco"


def test_five_hundred_levels_of_nesting_in_a_rule_pack(tmp_path: Path) -> None:
    path = tmp_path / "pacchetto.yaml"
    path.write_text("regole: " + "[" * 500 + "]" * 500 + "\n")
    una_riga(esegui("rules", "lint", path), f"{path}:1:", "annidamento troppo profondo")
    una_riga(esegui("check", ESEMPIO, "--rules", path), f"{path}:1:", "annidamento troppo profondo")


def test_fifty_levels_are_still_read() -> None:
    from avviamento.yamlio import parse_yaml

    documento = parse_yaml("a: " + "[" * 49 + "1" + "]" * 49 + "\n", "f.yaml")
    assert documento.data["a"] is not None


@pytest.mark.parametrize(
    ("valore", "frammento"),
    [
        ("!!int abc", "valore non leggibile come !!int: 'abc'"),
        ("!!bool maybe", "valore non leggibile come !!bool: 'maybe'"),
        ("!!float", "valore non leggibile come !!float: ''"),
        ("!!int", "valore non leggibile come !!int: ''"),
        ("!!float abc", "valore non leggibile come !!float: 'abc'"),
        ("1" * 5000, "valore non leggibile come !!int"),
    ],
)
def test_bad_tagged_values(tmp_path: Path, valore: str, frammento: str) -> None:
    path = tmp_path / "etichette.yaml"
    path.write_text(MINIMO.replace("  - {nome: Vergato,", f"  - {{popolazione: {valore}, nome: Vergato,"))
    riga = una_riga(esegui("check", path), f"{path}:5:", frammento)
    assert len(riga) < 300
    pack = tmp_path / "pacchetto.yaml"
    pack.write_text(f"versione: {valore}\n")
    una_riga(esegui("rules", "lint", pack), f"{pack}:1:", frammento)


@pytest.mark.parametrize("giorno", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_dates_at_the_ends_of_the_range(tmp_path: Path, giorno: str) -> None:
    for opzione in ("--deadline", "--as-of"):
        una_riga(
            esegui("plan", ESEMPIO, opzione, giorno),
            "avviamento: ",
            f"data fuori dall'intervallo ammesso per {opzione}: '{giorno}' (anni dal 1900 al 2199)",
        )
    una_riga(
        esegui("check", ESEMPIO, "--as-of", giorno), "avviamento: ", "data fuori dall'intervallo ammesso"
    )
    path = tmp_path / "date.yaml"
    path.write_text(MINIMO.replace("2024-05-15", giorno))
    for comando in ("check", "plan"):
        una_riga(esegui(comando, path), f"{path}:2:19:", f"data fuori dall'intervallo ammesso '{giorno}'")


def test_the_last_accepted_deadline_plans() -> None:
    result = esegui("plan", ESEMPIO, "--deadline", "2199-12-31")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("carattere", "codice"), [("\\0", "U+0000"), ("\\a", "U+0007"), ("\\e", "U+001B"), ("\\n", "U+000A")]
)
def test_control_characters_in_a_name_are_refused_naming_the_field(
    tmp_path: Path, carattere: str, codice: str
) -> None:
    path = tmp_path / "controllo.yaml"
    path.write_text(MINIMO.replace('"Unione di prova"', f'"Unione{carattere}di prova"'))
    for args in (("check", path), ("plan", path), ("draft", path, "--out", tmp_path / "atti")):
        riga = una_riga(
            esegui(*args),
            f"{path}:3:16: 'unione.nome': contiene un carattere di controllo o un a capo non ammesso ({codice})",
            "(valore: 'Unione",
        )
        assert "\x00" not in riga and "\x07" not in riga and "\x1b" not in riga
    assert not (tmp_path / "atti").exists()


def test_line_breaks_are_kept_in_free_texts_but_not_control_characters(
    write: Callable[[str, str], Path],
) -> None:
    testo = MINIMO.replace("provincia: BO}", 'provincia: BO, statuto: {pubblicazione: "BURERT\\nn. 18"}}')
    assert esegui("check", write(testo, "a.yaml")).exit_code in (0, 1)
    path = write(testo.replace("\\nn. 18", "\\a"), "b.yaml")
    una_riga(
        esegui("check", path),
        f"{path}:3:",
        "'unione.statuto.pubblicazione': contiene un carattere di controllo",
    )
