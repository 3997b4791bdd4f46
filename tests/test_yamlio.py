"""The YAML reader on its own: aliases expand into separate copies, counted as they expand."""

from __future__ import annotations

import pytest

from avviamento import yamlio
from avviamento.errors import InputError
from avviamento.limiti import MAX_DEPTH, MAX_NODES


def test_aliases_expand_into_copies_with_the_anchor_position() -> None:
    documento = yamlio.parse_yaml("a: &x {b: [1, '037032', 2024-06-30]}\nc: *x\n", "p.yaml")
    assert documento.data == {
        "a": {"b": [1, "037032", "2024-06-30"]},
        "c": {"b": [1, "037032", "2024-06-30"]},
    }
    assert documento.data["a"] is not documento.data["c"]
    assert documento.position(("c", "b", 1)) == (1, 15)  # the anchor's text: the alias has none of its own
    assert documento.position(("c",), key=True) == (2, 1)


def test_nesting_is_counted_in_a_small_file_and_in_a_large_one() -> None:
    profondo = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    for testo in (profondo, profondo + "\n" + "#" * MAX_NODES):
        with pytest.raises(InputError) as errore:
            yamlio.parse_yaml(testo, "p.yaml")
        assert (errore.value.line, errore.value.column) == (1, MAX_DEPTH + 1)
        assert "oltre 50 livelli" in str(errore.value.text["it"])


def test_an_expansion_just_within_the_limit_is_built() -> None:
    # an anchored list of 99 values is 100 nodes each time an alias repeats it; the file stays small
    lista = "[" + ", ".join(["x"] * 99) + "]"
    volte = (MAX_NODES - 300) // 100
    testo = f"a: &a {lista}\nb: [{', '.join(['*a'] * volte)}]\n"
    assert len(testo) < MAX_NODES // 4  # composed at once: the builder counts the expansion
    documento = yamlio.parse_yaml(testo, "p.yaml")
    assert len(documento.data["b"]) == volte and documento.data["b"][-1] == ["x"] * 99
    with pytest.raises(InputError) as errore:
        yamlio.parse_yaml(f"a: &a {lista}\nb: [{', '.join(['*a'] * (volte + 3))}]\n", "p.yaml")
    assert (errore.value.line, errore.value.column) == (2, 4)  # the list that holds the aliases
    assert "troppi alias YAML espansi" in errore.value.text["it"]
