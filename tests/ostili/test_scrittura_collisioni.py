"""Acts are never lost to a name clash: Comuni whose names slug alike get distinct files, listed in the index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from avviamento.draft.atti import Atto, _file_unici, _slug_comuni
from tests.draft.conftest import indice, leggi_docx

Run = Callable[..., Result]
Write = Callable[[str, str], Path]

LUNGO = "Comune di " + "Borgo" * 12
COLLIDENTI = [
    "Sant Agata",
    "Sant'Agata",
    "Sant-Agata",
    "Sant Agata 2",  # its own slug is the suffix the second «Sant Agata» would take
    "SANT AGATA",
    "sant agata 3",
    "Sant’Agata",
    LUNGO + " Alta",  # slugs are cut at 48 characters: these two meet there
    LUNGO + " Bassa",
]


def _profilo(comuni: list[str]) -> str:
    righe = [
        "versione_formato: 1",
        "data_riferimento: 2024-03-01",
        "unione:",
        "  nome: Unione delle Omonimie",
        "  classe_dichiarata: costituita",
        "comuni:",
        *[f"  - nome: {json.dumps(nome)}" for nome in comuni],
        "funzioni:",
        "  - codice: sistemi_informativi",
        "    conferimenti: []",
        "  - codice: protezione_civile",
        "    conferimenti: []",
    ]
    return "\n".join(righe) + "\n"


def _su_disco(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_colliding_names_give_one_file_per_act_and_the_index_lists_exactly_them(
    run: Run, write: Write, tmp_path: Path
) -> None:
    profilo = write(_profilo(COLLIDENTI), "omonimie.yaml")
    out = tmp_path / "bozze"
    result = run("draft", str(profilo), "--out", str(out), "--only", "delibera")
    assert result.exit_code == 0, result.output
    voci = indice(out)
    comunali = [v for v in voci if v["tipo"] == "delibera"]
    assert len(comunali) == 2 * len(COLLIDENTI)  # one council deliberation per Comune and function
    assert _su_disco(out) == {v["file"] for v in voci} | {"indice.json", "indice.md", "indice.docx"}
    for voce in comunali:  # each file holds its own Comune: none was overwritten by a namesake
        assert voce["comune"] in leggi_docx(out / voce["file"])


def test_file_names_are_the_same_in_every_run(run: Run, write: Write, tmp_path: Path) -> None:
    profilo = write(_profilo(COLLIDENTI), "omonimie.yaml")
    primo, secondo = tmp_path / "a", tmp_path / "b"
    for out in (primo, secondo):
        assert run("draft", str(profilo), "--out", str(out), "--only", "delibera").exit_code == 0
    assert [v["file"] for v in indice(primo)] == [v["file"] for v in indice(secondo)]
    assert _su_disco(primo) == _su_disco(secondo)


def test_slugs_of_comuni_are_distinct_and_keep_their_own_names() -> None:
    slugs = _slug_comuni(["Sant Agata", "Sant'Agata", "Sant Agata 2", "Sant-Agata", "Goro"])
    assert slugs == ["sant-agata", "sant-agata-3", "sant-agata-2", "sant-agata-4", "goro"]


def test_any_two_acts_of_a_run_get_distinct_files() -> None:
    atti = [
        Atto("convenzione", "m.docx", "convenzioni/convenzione_ict.docx", ()),
        Atto("convenzione", "m.docx", "convenzioni/convenzione_ict.docx", ()),  # codes that slug alike
        Atto("convenzione", "m.docx", "convenzioni/convenzione_ict-2.docx", ()),
    ]
    assert [a.file for a in _file_unici(atti)] == [
        "convenzioni/convenzione_ict.docx",
        "convenzioni/convenzione_ict-3.docx",
        "convenzioni/convenzione_ict-2.docx",
    ]
