"""`avviamento storico`: register, list, show (with the SVG chart), export; a foreign file is never touched;
concurrent writers lose nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.storico.db import Storico, Valutazione
from tests.conftest import EXAMPLES, ROOT

Run = Callable[..., Result]
TDA = str(EXAMPLES / "terre-d-acqua.yaml")
DELTA = str(EXAMPLES / "terre-del-delta.yaml")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "sub" / "storico.sqlite3")


def test_register_twice_then_show_in_date_order(run: Run, db: str) -> None:
    # registered out of order: the timeline is in date order anyway
    assert run("storico", "registra", TDA, "--as-of", "2024-06-30", "--db", db).exit_code == 0
    first = run("storico", "registra", TDA, "--as-of", "2024-01-15", "--db", db)
    assert first.exit_code == 0 and "registrata" in first.stdout
    again = run("storico", "registra", TDA, "--as-of", "2024-01-15", "--db", db)
    assert "già presente" in again.stdout
    data = json.loads(run("storico", "mostra", "Terre d'Acqua", "--db", db, "--format", "json").stdout)
    assert [v["data_valutazione"] for v in data] == ["2024-01-15", "2024-06-30"]
    assert [v["classe"] for v in data] == ["non_avviata", "avviata"]
    assert data[1]["funzioni_effettive"] == [
        "cuc", "personale", "protezione_civile", "sistemi_informativi", "tributi", "ufficio_di_piano",
    ]  # fmt: skip
    assert data[0]["conteggi"] == {"errore": 6, "avviso": 1, "info": 0}
    assert data[0]["regole"]["id"] == "er-lr21-2012" and len(data[0]["regole"]["sha256"]) == 64
    assert data[0]["profilo_sha256"] == hashlib.sha256(Path(TDA).read_bytes()).hexdigest()
    testo = run("storico", "mostra", "03011230376", "--db", db).stdout
    assert testo.index("15 gennaio 2024: non avviata") < testo.index("30 giugno 2024: avviata")


def test_the_chart_is_valid_svg_with_thresholds_and_series(run: Run, db: str) -> None:
    run("storico", "registra", TDA, "--as-of", "2024-01-15", "--db", db)
    run("storico", "registra", TDA, "--as-of", "2024-06-30", "--db", db)
    html = run("storico", "mostra", "acqua", "--db", db, "--format", "html").stdout
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    soglie = {e.get("data-classe") for e in root.iter(f"{ns}line") if e.get("class") == "soglia"}
    assert soglie == {"avviata", "in_sviluppo"}
    serie = {e.get("data-gruppo"): e.get("points") for e in root.iter(f"{ns}polyline")}
    assert set(serie) == {"art7_c3_chiave", "conta_prt"}
    assert len((serie["art7_c3_chiave"] or "").split()) == 2
    errori = [e for e in root.iter(f"{ns}rect") if e.get("class") == "errori"]
    assert [float(e.get("height") or 0) > 0 for e in errori] == [True, False]
    assert "soglia «avviata»: 3" in svg


def test_list_and_export(run: Run, db: str) -> None:
    run("storico", "registra", TDA, DELTA, "--db", db)
    run("storico", "registra", TDA, "--as-of", "2024-01-15", "--db", db)
    elenco = run("storico", "elenco", "--db", db).stdout.splitlines()
    assert elenco == [
        "Unione dei Comuni Terre del Delta — classe non avviata al 1º marzo 2024 (1 valutazione)",
        "Unione Terre d'Acqua — classe avviata al 24 giugno 2024 (2 valutazioni)",
    ]
    righe = list(csv.DictReader(io.StringIO(run("storico", "esporta", "--db", db).stdout)))
    assert len(righe) == 3 and righe[0]["codice_fiscale"] == "02930810375"
    dati = json.loads(run("storico", "esporta", "--db", db, "--format", "json").stdout)
    assert dati["formato"] == "avviamento/storico@1" and len(dati["valutazioni"]) == 3


def test_export_to_a_file_never_overwrites_without_force(run: Run, db: str, tmp_path: Path) -> None:
    run("storico", "registra", TDA, DELTA, "--db", db)
    out = tmp_path / "storico.csv"
    result = run("storico", "esporta", "--db", db, "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("storico", "esporta", "--db", db).stdout
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 2
    out.write_text("dati dell'utente\n", encoding="utf-8")
    again = run("storico", "esporta", "--db", db, "--out", str(out), "--format", "json")
    assert again.exit_code == 2 and len(again.stderr.splitlines()) == 1
    assert "il file esiste già (usare --force per sovrascriverlo)" in again.stderr
    assert out.read_text(encoding="utf-8") == "dati dell'utente\n"
    forced = run("storico", "esporta", "--db", db, "--out", str(out), "--format", "json", "--force")
    assert forced.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["formato"] == "avviamento/storico@1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["storico.csv", "sub"]  # no temporary file left
    nowhere = run("storico", "esporta", "--db", db, "--out", str(tmp_path / "manca" / "x.csv"))
    assert nowhere.exit_code == 2 and "la cartella non esiste" in nowhere.stderr


def test_unknown_or_ambiguous_union_is_exit_2(run: Run, db: str) -> None:
    run("storico", "registra", TDA, DELTA, "--db", db)
    nessuna = run("storico", "mostra", "Pianura", "--db", db)
    assert nessuna.exit_code == 2 and "nessuna Unione «Pianura» nello storico" in nessuna.stderr
    ambigua = run("storico", "mostra", "terre", "--db", db)
    assert ambigua.exit_code == 2 and "indica più Unioni" in ambigua.stderr


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer"])
def test_a_foreign_or_corrupt_db_is_exit_2_and_never_modified(run: Run, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "altro.db"
    if kind == "garbage":
        path.write_bytes(b"not a database\n" * 100)
    else:
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE clienti (nome TEXT)")
            con.execute("INSERT INTO clienti VALUES ('Rossi')")
            if kind == "newer":
                con.execute("PRAGMA application_id = 1635153513")
                con.execute("PRAGMA user_version = 99")
        con.close()
    before = path.read_bytes()
    for args in (("registra", TDA), ("elenco",), ("mostra", "x"), ("esporta",)):
        result = run("storico", *args, "--db", str(path))
        assert result.exit_code == 2, args
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith(f"{path}:1:1: ")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["altro.db"]


def test_a_bad_profile_registers_nothing(run: Run, db: str, tmp_path: Path) -> None:
    rotto = tmp_path / "rotto.yaml"
    rotto.write_text("unione: [\n", encoding="utf-8")
    result = run("storico", "registra", TDA, str(rotto), "--db", db)
    assert result.exit_code == 2 and "rotto.yaml:" in result.stderr
    assert "Lo storico è vuoto." in run("storico", "elenco", "--db", db).stdout


SCRIVI = """
import sys
from pathlib import Path
from avviamento.storico.db import Storico, Valutazione
storico = Storico(Path(sys.argv[1]))
for i in range(200):
    v = Valutazione(
        unione="Unione Prova", codice_fiscale=None, data_valutazione="2024-01-01", classe="avviata",
        esito="conforme", profilo_sha256=f"{sys.argv[2]}-{i}", regole={"id": "r", "versione": "1", "sha256": "s"},
        registrata="2024-01-01T00:00:00", dati={"funzioni_effettive": [], "conteggi": {}, "serie": []},
    )
    assert storico.registra(v, "unione prova")
"""


def test_two_processes_registering_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "storico.sqlite3"  # not yet created: both processes race to create it too
    processi = [
        subprocess.Popen([sys.executable, "-c", SCRIVI, str(path), nome], cwd=ROOT, stderr=subprocess.PIPE)
        for nome in ("a", "b")
    ]
    for p in processi:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    valutazioni = Storico(path).valutazioni()
    assert len(valutazioni) == 400
    assert len({v.profilo_sha256 for v in valutazioni}) == 400


def test_the_same_evaluation_is_stored_once(tmp_path: Path) -> None:
    storico = Storico(tmp_path / "s.sqlite3")
    v = Valutazione(
        unione="U", codice_fiscale=None, data_valutazione="2024-01-01", classe="avviata", esito="conforme",
        profilo_sha256="x", regole={"id": "r", "versione": "1", "sha256": "s"}, registrata="t",
        dati={"funzioni_effettive": [], "conteggi": {}, "serie": []},
    )  # fmt: skip
    assert storico.registra(v, "u") is True
    assert storico.registra(v, "u") is False
    assert storico.registra(Valutazione(**{**v.__dict__, "regole": {**v.regole, "sha256": "t"}}), "u") is True
    with sqlite3.connect(tmp_path / "s.sqlite3") as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    con.close()


def _versioni(tmp_path: Path) -> Path:
    cartella = tmp_path / "domande"
    cartella.mkdir()
    testo = Path(TDA).read_text(encoding="utf-8")
    (cartella / "giugno.yaml").write_text(testo, encoding="utf-8")
    gennaio = testo.replace("data_riferimento: 2024-06-24", "data_riferimento: 2024-01-15")
    assert gennaio != testo
    (cartella / "gennaio.yaml").write_text(gennaio, encoding="utf-8")
    (cartella / "rotto.yaml").write_text("unione: [\n", encoding="utf-8")
    return cartella


def test_review_reports_versions_and_registers_valid_profiles(run: Run, db: str, tmp_path: Path) -> None:
    cartella = _versioni(tmp_path)
    result = run("review", str(cartella), "--storico", "--db", db)
    assert result.exit_code == 1  # the January version has open errors, and one file is broken
    assert "Unione ripetuta" not in result.stdout
    assert (
        "Versioni della stessa Unione: «Unione Terre d'Acqua»: due versioni: da 15 gennaio 2024"
        in result.stdout
    )
    assert "classe da non avviata ad avviata" in result.stdout
    assert "gennaio.yaml: Unione Terre d'Acqua, 2024-01-15, non avviata — registrata" in result.stderr
    data = json.loads(run("storico", "mostra", "acqua", "--db", db, "--format", "json").stdout)
    assert [v["data_valutazione"] for v in data] == ["2024-01-15", "2024-06-24"]


def test_review_with_a_foreign_db_stops_before_the_batch(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "altro.db"
    path.write_bytes(b"x" * 4096)
    result = run("review", str(_versioni(tmp_path)), "--storico", "--db", str(path))
    assert result.exit_code == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == b"x" * 4096


CREA = "import sys\nfrom pathlib import Path\nfrom avviamento.storico.db import Storico\nStorico(Path(sys.argv[1]))\n"


def test_six_processes_creating_the_same_store_at_once_all_succeed(tmp_path: Path) -> None:
    """The WAL switch is not covered by SQLite's busy timeout, and the schema is read in one snapshot: without
    both, about one creation in a hundred failed with «database is locked» or «un altro programma»."""
    for giro in range(15):
        path = tmp_path / f"storico-{giro}.sqlite3"
        processi = [
            subprocess.Popen([sys.executable, "-c", CREA, str(path)], cwd=ROOT, stderr=subprocess.PIPE)
            for _ in range(6)
        ]
        for p in processi:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err.decode()
        assert Storico(path).valutazioni() == []
