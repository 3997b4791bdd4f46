"""Collecting the files and evaluating each into a row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from avviamento.errors import InputError
from avviamento.regole import RulePack
from avviamento.review import batch
from avviamento.review.batch import istruisci, raccogli, valuta_file
from tests.conftest import EXAMPLES


def test_collects_yaml_and_yml_once_in_name_order_skipping_hidden_folders(tmp_path: Path) -> None:
    (tmp_path / "b.yml").write_text("x: 1\n")
    (tmp_path / "a.YAML").write_text("x: 1\n")
    (tmp_path / "note.txt").write_text("x")
    (tmp_path / "sotto").mkdir()
    (tmp_path / "sotto" / "c.yaml").write_text("x: 1\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.yaml").write_text("x: 1\n")
    esplicito = tmp_path / "note.txt"
    trovati = raccogli([tmp_path, tmp_path / "b.yml", esplicito])
    assert trovati == [tmp_path / "a.YAML", tmp_path / "b.yml", tmp_path / "sotto" / "c.yaml", esplicito]


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        raccogli([tmp_path / "manca"])
    assert exc.value.render() == f"{tmp_path / 'manca'}:1:1: file non trovato"


def test_rows_keep_the_findings_only_when_asked(pack: RulePack) -> None:
    path = EXAMPLES / "terre-del-delta.yaml"
    senza = valuta_file(path, pack, None)
    assert senza.esito is None
    con = valuta_file(path, pack, None, con_rilievi=True)
    assert con.esito is not None
    assert con.esito.rilievi and all(r.aperto for r in con.esito.rilievi)
    assert con.errori == con.esito.conteggio("errore") and con.avvisi == con.esito.conteggio("avviso")
    assert (senza.errori, senza.avvisi) == (con.errori, con.avvisi)


def test_as_of_is_each_rows_evaluation_date(pack: RulePack) -> None:
    riga = valuta_file(EXAMPLES / "terre-del-delta.yaml", pack, dt.date(2024, 7, 1))
    assert riga.data_valutazione == dt.date(2024, 7, 1)
    assert valuta_file(EXAMPLES / "terre-del-delta.yaml", pack, None).data_valutazione == dt.date(2024, 3, 1)


def test_an_unexpected_failure_is_a_row_and_the_batch_goes_on(
    pack: RulePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    vera = batch.evaluate

    def evaluate(caricato, pack, as_of):  # type: ignore[no-untyped-def]
        if caricato.profilo.unione.nome == "Unione Terre d'Acqua":
            raise RuntimeError("guasto\nsu due righe")
        return vera(caricato, pack, as_of)

    monkeypatch.setattr(batch, "evaluate", evaluate)
    visti: list[Path] = []
    files = [EXAMPLES / "terre-d-acqua.yaml", EXAMPLES / "terre-del-delta.yaml"]
    istruttoria = istruisci(files, pack, avanzamento=visti.append)
    assert visti == files
    guasta, buona = istruttoria.righe
    assert not guasta.valido and guasta.unione == "Unione Terre d'Acqua"
    assert guasta.errore == {
        "it": f"{files[0]}:1:1: errore interno nella valutazione (RuntimeError: guasto)",
        "en": f"{files[0]}:1:1: internal error while evaluating (RuntimeError: guasto)",
    }
    assert buona.valido
    assert istruttoria.esito_negativo
