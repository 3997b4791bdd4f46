"""Item 1: a small file must not grow into gigabytes once its aliases are expanded (issue 8)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ostili.genera import profilo_grande, risate
from tests.ostili.limitati import avviamento, una_riga


def test_aliases_to_a_large_string_are_refused_by_expanded_size(tmp_path: Path) -> None:
    # 1 MB written once, 2,000 aliases to it: 2 GB of text once expanded.
    path = tmp_path / "alias-grandi.yaml"
    path.write_text(f'nome: &n "{"x" * 1_000_000}"\nelenco: [{", ".join(["*n"] * 2000)}]\n')
    riga = una_riga(avviamento("check", path), path, "alias YAML espansi oltre 20 MiB di testo")
    assert re.match(rf"^{re.escape(str(path))}:2:\d+: ", riga)


def test_billion_laughs_is_refused_by_expanded_count(tmp_path: Path) -> None:
    path = tmp_path / "risate.yaml"
    path.write_text(risate(11))
    una_riga(avviamento("check", path), path, "troppi alias YAML espansi: oltre 100000 chiavi e valori")


def test_aliases_in_a_rule_pack_are_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "pacchetto.yaml"
    path.write_text(f'a: &a "{"y" * 500_000}"\nb: [{", ".join(["*a"] * 100)}]\n')
    una_riga(avviamento("rules", "lint", path), path, "alias YAML espansi oltre")
    profilo = Path("examples/profilo-esempio.yaml")
    una_riga(avviamento("check", profilo, "--rules", path), path, "alias YAML espansi oltre")


def test_thirty_thousand_comuni_without_aliases_are_not_called_an_alias_bomb(tmp_path: Path) -> None:
    path = tmp_path / "trentamila.yaml"
    path.write_text(profilo_grande(30_000, 0))
    riga = una_riga(
        avviamento("check", path), path, "oltre 100000 chiavi e valori YAML (limite di avviamento)"
    )
    assert "alias" not in riga


def test_a_flat_twenty_mebibyte_list_is_refused_before_it_is_built(tmp_path: Path) -> None:
    # ten million one-character values: composing them all would take gigabytes.
    path = tmp_path / "piatto.yaml"
    path.write_text("[" + "1," * (10 * 2**20 - 2) + "1]\n")
    una_riga(avviamento("check", path), path, "file troppo grande: oltre 100000 chiavi e valori")


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as fh:
        fh.write(b"a: '")
        fh.truncate(2 * 2**30)  # 2 GB, sparse: more than the memory cap of the child
    una_riga(avviamento("check", path), path, "file troppo grande: oltre 20 MiB")
    una_riga(avviamento("rules", "lint", path), path, "file troppo grande: oltre 20 MiB")


def test_a_long_value_is_refused_and_not_echoed_whole(tmp_path: Path) -> None:
    path = tmp_path / "nome-lungo.yaml"
    path.write_text(
        f'versione_formato: 1\nunione: {{nome: "{"N" * 100_000}"}}\ncomuni: [{{nome: Vergato}}]\n'
    )
    riga = una_riga(
        avviamento("check", path), path, "'unione.nome': testo troppo lungo (al massimo 2000 caratteri)"
    )
    assert len(riga) < 300


def test_a_long_key_is_not_echoed_whole(tmp_path: Path) -> None:
    chiave = "k" * 1000  # a simple key may not be longer in YAML
    path = tmp_path / "chiave-lunga.yaml"
    path.write_text(f'versione_formato: 1\n"{chiave}": 1\n')
    riga = una_riga(avviamento("check", path), path, "chiave sconosciuta 'kkk")
    assert len(riga) < 300
    path.write_text(f'"{chiave}": 1\n"{chiave}": 2\n')
    riga = una_riga(avviamento("check", path), path, "chiave duplicata 'kkk")
    assert len(riga) < 300


def test_a_list_that_holds_itself_through_its_alias_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "ricorsivo.yaml"
    path.write_text("versione_formato: 1\ncomuni: &c [{nome: Vergato}, *c]\n")
    riga = una_riga(avviamento("check", path), path, "alias YAML ricorsivo")
    assert riga.startswith(f"{path}:2:9: ")
    pacchetto = tmp_path / "regole.yaml"
    pacchetto.write_text("a: &m {b: *m}\n")
    una_riga(avviamento("rules", "lint", pacchetto), pacchetto, "alias YAML ricorsivo")


def test_a_billion_laughs_is_refused_where_the_alias_is_written(tmp_path: Path) -> None:
    path = tmp_path / "risate.yaml"
    path.write_text(risate(6))
    # a to e hold 75,000 nodes once expanded; f (line 6) would add 600,000: refused there
    riga = una_riga(avviamento("check", path), path, "troppi alias YAML espansi")
    assert riga.startswith(f"{path}:6:4: "), riga
