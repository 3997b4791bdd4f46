"""The file names the review shows: relative to the reviewed folder, or to the current folder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES

Run = Callable[..., Result]


def _file(run: Run, *args: str) -> list[str]:
    result = run("review", *args, "--format", "json")
    return [p["file"] for p in json.loads(result.stdout)["profili"]]


def test_one_folder_names_its_files_relative_to_it_subfolders_included(run: Run, tmp_path: Path) -> None:
    base = tmp_path / "in arrivo"
    (base / "2024").mkdir(parents=True)
    shutil.copy(EXAMPLES / "terre-d-acqua.yaml", base / "2024" / "terre.yaml")
    (base / "rotto.yaml").write_text("unione:\n\tnome: X\n", encoding="utf-8")
    result = run("review", str(base), "--format", "json")
    profili = json.loads(result.stdout)["profili"]
    assert [p["file"] for p in profili] == ["rotto.yaml", "2024/terre.yaml"]  # a folder's files, then below
    assert profili[0]["errore"].startswith("rotto.yaml:2:1: ")  # the error's position names the same file


def test_files_one_by_one_and_several_folders_are_relative_to_the_current_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for cartella in ("a", "b"):
        (tmp_path / cartella).mkdir()
        shutil.copy(EXAMPLES / "terre-d-acqua.yaml", tmp_path / cartella / "terre.yaml")
    fuori = tmp_path / "fuori"
    fuori.mkdir()
    shutil.copy(EXAMPLES / "terre-del-delta.yaml", fuori / "delta.yaml")
    lavoro = tmp_path / "lavoro"
    lavoro.mkdir()
    shutil.copy(EXAMPLES / "profilo-esempio.yaml", lavoro / "esempio.yaml")
    monkeypatch.chdir(tmp_path)
    assert _file(run, "a", "b") == ["a/terre.yaml", "b/terre.yaml"]  # same name in two folders: told apart
    assert _file(run, "a/terre.yaml", str(tmp_path / "b" / "terre.yaml")) == ["a/terre.yaml", "b/terre.yaml"]
    monkeypatch.chdir(lavoro)
    # a file outside the current folder keeps the path as given
    assert _file(run, "esempio.yaml", str(fuori / "delta.yaml")) == [
        "esempio.yaml",
        str(fuori / "delta.yaml"),
    ]
