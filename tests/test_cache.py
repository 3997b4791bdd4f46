"""The on-disk cache of parsed rule packs: used when it is safe and current, ignored otherwise, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from avviamento import cache, regole
from avviamento.errors import InputError
from avviamento.risorse import default_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cartella(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dove = tmp_path / "cache"
    monkeypatch.setenv("AVVIAMENTO_CACHE", str(dove))
    return dove


@pytest.fixture
def pacchetto(tmp_path: Path) -> Path:
    copia = tmp_path / "regole.yaml"
    copia.write_text(default_rules().read_text(encoding="utf-8"), encoding="utf-8")
    return copia


def _senza_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every real parse: a pack served by the cache parses nothing."""
    letti: list[str] = []
    vero = regole._parse_and_lint_text

    def conta(text: str, name: str) -> tuple[regole.RulePack, list[regole.Problema]]:
        letti.append(name)
        return vero(text, name)

    monkeypatch.setattr(regole, "_parse_and_lint_text", conta)
    return letti


def test_the_second_load_is_read_from_the_cache(
    cartella: Path, pacchetto: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letti = _senza_parsing(monkeypatch)
    primo = regole.load_pack(pacchetto)
    secondo = regole.load_pack(pacchetto)
    assert letti == [str(pacchetto)]
    assert len(list(cartella.glob("*.pickle"))) == 1
    assert secondo is not primo and secondo.sha256 == primo.sha256 and secondo.file == str(pacchetto)
    assert [r.codice for r in secondo.pacchetto.regole] == [r.codice for r in primo.pacchetto.regole]
    for percorso in list(primo.documento.positions)[::50]:
        assert secondo.documento.position(percorso) == primo.documento.position(percorso)
    assert oct(cartella.stat().st_mode & 0o777) == "0o700"


def test_a_changed_pack_or_another_name_is_a_new_entry(
    cartella: Path, pacchetto: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letti = _senza_parsing(monkeypatch)
    regole.load_pack(pacchetto)
    pacchetto.write_text(
        pacchetto.read_text(encoding="utf-8").replace("versione: ", "versione: '9' #", 1), encoding="utf-8"
    )
    cambiato = regole.load_pack(pacchetto)
    assert cambiato.versione == "9"
    altro = regole.load_pack(pacchetto, "altro-nome.yaml")
    assert altro.file == "altro-nome.yaml"  # its messages name the file as given
    assert len(letti) == 3 and len(list(cartella.glob("*.pickle"))) == 3


@pytest.mark.parametrize("guasto", ["troncata", "altrui"])
def test_an_unreadable_or_unsafe_entry_is_ignored_and_written_again(
    cartella: Path, pacchetto: Path, monkeypatch: pytest.MonkeyPatch, guasto: str
) -> None:
    letti = _senza_parsing(monkeypatch)
    regole.load_pack(pacchetto)
    (voce,) = cartella.glob("*.pickle")
    if guasto == "troncata":
        voce.write_bytes(voce.read_bytes()[:100])
    else:
        voce.chmod(0o666)  # anybody could have written it: not unpickled
    assert regole.load_pack(pacchetto).versione
    assert len(letti) == 2
    assert oct(voce.stat().st_mode & 0o777) == "0o600"
    assert regole.load_pack(pacchetto) and len(letti) == 2  # the rewritten entry is used


def test_no_cache_when_off_or_not_writable(
    tmp_path: Path, pacchetto: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letti = _senza_parsing(monkeypatch)
    monkeypatch.setenv("AVVIAMENTO_CACHE", "off")
    regole.load_pack(pacchetto)
    regole.load_pack(pacchetto)
    assert len(letti) == 2
    occupata = tmp_path / "un-file"
    occupata.write_text("non una cartella")
    monkeypatch.setenv("AVVIAMENTO_CACHE", str(occupata / "cache"))
    assert regole.load_pack(pacchetto).versione and len(letti) == 3
    assert occupata.read_text() == "non una cartella"


def test_a_pack_with_problems_is_not_cached(cartella: Path, pacchetto: Path) -> None:
    pacchetto.write_text(
        pacchetto.read_text(encoding="utf-8").replace("tipo: minimo_funzioni", "tipo: minimo_funzoni", 1),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(InputError) as errore:
            regole.load_pack(pacchetto)
        assert "minimo_funzoni" in errore.value.text["it"]
    assert not list(cartella.glob("*.pickle"))


def test_old_entries_are_pruned(cartella: Path) -> None:
    for i in range(cache.MAX_ENTRIES + 5):
        cache.scrivi(f"voce-{i:02d}", {"i": i})
    voci = sorted(p.stem for p in cartella.glob("*.pickle"))
    assert len(voci) == cache.MAX_ENTRIES and "voce-00" not in voci
    assert cache.leggi(f"voce-{cache.MAX_ENTRIES + 4:02d}") == {"i": cache.MAX_ENTRIES + 4}


def test_check_reads_the_same_report_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    env = {**os.environ, "AVVIAMENTO_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT / "src")}
    env.pop("COLUMNS", None)
    comando = [sys.executable, "-m", "avviamento", "check", str(ROOT / "examples" / "terre-d-acqua.yaml")]
    freddo = subprocess.run(comando, capture_output=True, text=True, env=env, check=False)
    caldo = subprocess.run(comando, capture_output=True, text=True, env=env, check=False)
    assert freddo.returncode == caldo.returncode == 0, freddo.stderr
    assert freddo.stdout == caldo.stdout and "Terre d'Acqua" in caldo.stdout
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


def test_no_home_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AVVIAMENTO_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relativa")  # ignored, as the XDG specification says
    assert cache.cartella() == tmp_path / ".cache" / "avviamento"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cartella() == tmp_path / "xdg" / "avviamento"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)  # no home in the password database either
    assert cache.cartella() is None
