"""Two runs into the same place at once: at most one succeeds without --force, the other exits 2, nothing mixes.

Real processes, started together, several times: the promise must not depend on who is faster.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from avviamento.fileio import pubblica
from tests.conftest import EXAMPLES

DELTA = str(EXAMPLES / "terre-del-delta.yaml")
ACQUA = str(EXAMPLES / "terre-d-acqua.yaml")
VOLTE = 3


def _insieme(*comandi: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command before waiting for any."""
    processi = [
        subprocess.Popen(
            [sys.executable, "-m", "avviamento", *c],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in comandi
    ]
    esiti = []
    for p, c in zip(processi, comandi, strict=True):
        out, err = p.communicate(timeout=300)
        esiti.append(subprocess.CompletedProcess(c, p.returncode, out, err))
    return esiti


def _una_riga(esito: subprocess.CompletedProcess[str]) -> str:
    righe = esito.stderr.strip().splitlines()
    assert len(righe) == 1 and "Traceback" not in esito.stderr, esito.stderr
    return righe[0]


@pytest.mark.parametrize("volta", range(VOLTE))
def test_two_drafts_into_one_folder(tmp_path: Path, volta: int) -> None:
    out = tmp_path / "bozze"
    a, b = _insieme(
        ["draft", DELTA, "--out", str(out), "--as-of", "2024-03-01", "--only", "piano"],
        ["draft", ACQUA, "--out", str(out), "--as-of", "2024-03-01", "--only", "piano"],
    )
    assert sorted([a.returncode, b.returncode]) == [0, 2], (a.stderr, b.stderr)
    vinto, perso = (a, b) if a.returncode == 0 else (b, a)
    assert "esiste già" in _una_riga(perso) and "nessun file modificato" in _una_riga(perso)
    voci = json.loads((out / "indice.json").read_text(encoding="utf-8"))
    su_disco = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    # one run's files, all of them
    assert su_disco == {v["file"] for v in voci} | {"indice.json", "indice.md", "indice.docx"}
    unione = "Terre del Delta" if vinto is a else "Terre d'Acqua"
    assert unione in (out / "indice.md").read_text(encoding="utf-8")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("volta", range(VOLTE))
def test_two_calendars_into_one_file(tmp_path: Path, volta: int) -> None:
    ics = tmp_path / "piano.ics"
    a, b = _insieme(
        ["plan", DELTA, "--ics", str(ics)], ["plan", ACQUA, "--ics", str(ics), "--as-of", "2024-03-01"]
    )
    assert sorted([a.returncode, b.returncode]) == [0, 2], (a.stderr, b.stderr)
    perso = b if a.returncode == 0 else a
    assert "esiste già" in _una_riga(perso)
    testo = ics.read_text(encoding="utf-8")
    assert ("Terre del Delta" in testo) != ("Terre d'Acqua" in testo)
    assert [p.name for p in tmp_path.iterdir()] == ["piano.ics"]


@pytest.mark.parametrize("volta", range(VOLTE))
def test_two_reviews_into_one_file(tmp_path: Path, volta: int) -> None:
    report = tmp_path / "istruttoria.json"
    a, b = _insieme(
        ["review", DELTA, "--format", "json", "--out", str(report)],
        ["review", ACQUA, "--format", "json", "--out", str(report)],
    )
    codici = sorted([a.returncode, b.returncode])
    assert codici[1] == 2 and codici[0] in (0, 1), (a.stderr, b.stderr)
    perso = a if a.returncode == 2 else b
    assert "esiste già" in _una_riga(perso)
    profili = json.loads(report.read_text(encoding="utf-8"))["profili"]
    assert len(profili) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["istruttoria.json"]


def _pubblica_dopo(barriera: multiprocessing.synchronize.Barrier, out: str, chi: str, esiti: object) -> None:
    file = {Path(out) / f"{d}/{n}.txt": chi.encode() * 1000 for d in ("a", "b") for n in range(20)}
    barriera.wait()
    try:
        pubblica(Path(out), file, sovrascrivi=False)
    except FileExistsError:
        esiti.put((chi, 2))  # type: ignore[attr-defined]
    else:
        esiti.put((chi, 0))  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_publishing_races_leave_one_whole_set(tmp_path: Path) -> None:
    contesto = multiprocessing.get_context("fork")
    for volta in range(10):
        out = tmp_path / f"giro{volta}"
        barriera = contesto.Barrier(3)
        esiti = contesto.Queue()
        processi = [
            contesto.Process(target=_pubblica_dopo, args=(barriera, str(out), chi, esiti)) for chi in "XYZ"
        ]
        for p in processi:
            p.start()
        for p in processi:
            p.join(60)
        risultati = dict(esiti.get(timeout=5) for _ in processi)
        assert sorted(risultati.values()) == [0, 2, 2]
        vincitore = next(chi for chi, codice in risultati.items() if codice == 0)
        file = [p for p in out.rglob("*") if p.is_file()]
        assert len(file) == 40
        assert {p.read_bytes() for p in file} == {vincitore.encode() * 1000}
        assert sorted(p.name for p in out.iterdir()) == ["a", "b"]  # no scratch folder left
