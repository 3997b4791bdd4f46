"""`avviamento init`: a starter profile that `check` reads as is, with the Comuni from the ISTAT list."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from avviamento.yamlio import load_yaml

Run = Callable[..., Result]


def test_init_writes_a_profile_check_reads(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "prova.yaml"
    result = run("init", str(target), "--unione", "Unione Prova", "--comuni", "Imola, Dozza, medicina")
    assert result.exit_code == 0, result.output
    assert f"Profilo scritto in {target}: 3 Comuni" in result.stderr
    testo = target.read_text(encoding="utf-8")
    assert testo.startswith("# Profilo dell'Unione di Comuni")
    assert "#   tributi " in testo and "Tributi — funzione chiave (art. 7 c.3)" in testo
    dati = load_yaml(target).data
    assert dati["unione"]["nome"] == "Unione Prova" and dati["unione"]["provincia"] == "BO"
    assert [(c["nome"], c["istat"]) for c in dati["comuni"]] == [
        ("Imola", "037032"),
        ("Dozza", "037025"),
        ("Medicina", "037037"),
    ]
    assert all(isinstance(c["popolazione"], int) and c["popolazione"] > 0 for c in dati["comuni"])
    checked = run("check", str(target), "--format", "json")
    assert checked.exit_code in (0, 1), checked.output
    esito = json.loads(checked.stdout)
    assert esito["unione"] == "Unione Prova" and esito["classe"] == "non_avviata"


def test_init_refuses_unknown_comuni_existing_files_and_missing_data(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    unknown = run("init", str(target), "--unione", "U", "--comuni", "Imol, Dozza")
    assert unknown.exit_code == 2 and not target.exists()
    assert unknown.stderr == (
        "avviamento init: --comuni: Comune non trovato tra i Comuni dell'Emilia-Romagna: 'Imol' "
        "(forse: 'Imola', 'Mesola', 'Maiolo'?)\n"
    )
    missing = run("init", str(target), "--unione", "U")
    assert missing.exit_code == 2 and missing.stderr == "avviamento init: indicare --comuni\n"
    target.write_text("mio", encoding="utf-8")
    exists = run("init", str(target), "--unione", "U", "--comuni", "Dozza")
    assert exists.exit_code == 2 and "il file esiste già" in exists.stderr
    assert target.read_text(encoding="utf-8") == "mio"
    forced = run("init", str(target), "--unione", "U", "--comuni", "Dozza", "--force")
    assert forced.exit_code == 0 and "Dozza" in target.read_text(encoding="utf-8")
