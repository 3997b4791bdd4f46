"""Benchmark of `avviamento review` against a bare libyaml parse of the same files (ratios, not a timed test).

    python bench/bench_review.py [N ...]        (default: 100 1000 3000)

For each N it writes N synthetic profiles (varied Unions, Comuni from the bundled ISTAT data, functions,
conferrals and dates; one in fifty deliberately invalid) into a temporary folder, then measures in the same run:
- the review engine in process (collect, evaluate, cross-check, render JSON) against a loop that only does
  `yaml.load(text, Loader=yaml.CSafeLoader)` on the same files (target at N = 1,000: ≤ 2×);
- the CLI as a subprocess against the same loop run as a subprocess (both pay their interpreter start-up);
- the cost per file at each N (linear: it should stay flat);
- peak traced memory (tracemalloc) of the engine, minus the result it keeps, per N (flat: it must not grow
  with N beyond the rows), and the CLI's peak RSS;
- the CLI's cold start (`avviamento --help`) against `python -c "import typer"`.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml
from stdnum import luhn
from stdnum.it import iva

from avviamento.regole import load_pack_cached
from avviamento.review.batch import istruisci, raccogli
from avviamento.review.render import json as render_json
from avviamento.risorse import data_file, default_rules

RIPETIZIONI = 3
FUNZIONI = (
    "sistemi_informativi",
    "polizia_locale",
    "protezione_civile",
    "servizi_sociali",
    "personale",
    "tributi",
    "suap",
    "urbanistica_edilizia",
    "cuc",
    "ufficio_di_piano",
    "sismica",
)
CLASSI = ("costituita", "esistente", "avviata", "in_sviluppo", None)
NOMI = ("Pianura", "Appennino", "Valli", "Terre", "Colline", "Bassa", "Reno", "Po", "Delta", "Romagna")


def comuni_er() -> list[tuple[str, str]]:
    with data_file("comuni_emilia_romagna_2023.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["codice_istat"], r["municipality"]) for r in csv.DictReader(fh)]


def codice_fiscale(n: int) -> str | None:
    base = f"{n + 1:07d}037"
    cf = base + luhn.calc_check_digit(base)
    return cf if iva.is_valid(cf) else None


def data(rng: random.Random, inizio: dt.date, giorni: int) -> str:
    return (inizio + dt.timedelta(days=rng.randrange(giorni))).isoformat()


def profilo(n: int, rng: random.Random, comuni: list[tuple[str, str]]) -> str:
    """A plausible profile; Comuni are taken in turn from the register, so some Unions share one."""
    quanti = rng.randint(3, 10)
    inizio = (n * 7) % len(comuni)
    membri = [comuni[(inizio + i) % len(comuni)] for i in range(quanti)]
    riferimento = data(rng, dt.date(2024, 1, 1), 330)
    cf = codice_fiscale(n)
    righe = [
        "versione_formato: 1",
        f"data_riferimento: {riferimento}",
        "unione:",
        f'  nome: "Unione {rng.choice(NOMI)} {rng.choice(NOMI)} n. {n}"',
        *([f'  codice_fiscale: "{cf}"'] if cf else []),
        "  provincia: BO",
        f"  atto_costitutivo: {data(rng, dt.date(2009, 1, 1), 4000)}",
        *([f"  classe_dichiarata: {c}"] if (c := rng.choice(CLASSI)) else []),
        '  organi: {presidente: "Presidente dell\'Unione", giunta: sindaci}',
        "comuni:",
    ]
    for istat, nome in membri:
        popolazione = "molti" if n % 50 == 49 else rng.randint(800, 40000)  # one file in fifty is invalid
        righe.append(
            f'  - {{nome: {json.dumps(nome, ensure_ascii=False)}, istat: "{istat}", '
            f'popolazione: {popolazione}, sindaco: "Sindaco {nome}"}}'
        )
    righe.append("funzioni:")
    for codice in rng.sample(FUNZIONI, rng.randint(2, 8)):
        righe.append(f"  - codice: {codice}")
        righe.append("    conferimenti:")
        for i, (istat, _) in enumerate(membri):
            if i == 0 or rng.random() > 0.05:
                delibera = data(rng, dt.date(2015, 1, 1), 3400)
                righe.append(
                    f'      - {{comune: "{istat}", delibera: {{numero: {rng.randint(1, 90)}, '
                    f"data: {delibera}}}}}"
                )
        righe.append(
            f"    convenzione: {{sottoscritta: {data(rng, dt.date(2016, 1, 1), 3000)}, "
            "durata: indeterminata, riparto_spese: popolazione}"
        )
        righe.append(f"    avvio: {data(rng, dt.date(2016, 1, 1), 3300)}")
        righe.append(f"    integrale: {'true' if rng.random() > 0.1 else 'false'}")
        righe.append(f"    personale: {rng.randint(0, 12)}")
        righe.append("    spesa_in_bilancio_unione: true")
    righe.append("adempimenti:")
    for piano in ("piano_comunicazione", "programmazione_personale", "piano_formazione"):
        approvato = data(rng, dt.date(2023, 1, 1), 600) if rng.random() > 0.3 else "null"
        righe.append(f"  {piano}: {{approvato: {approvato}}}")
    righe.append("  regolamenti:")
    righe.append(f"    - {{tipo: contabilita, approvato: {data(rng, dt.date(2012, 1, 1), 3000)}}}")
    return "\n".join(righe) + "\n"


def genera(cartella: Path, n: int) -> list[Path]:
    rng = random.Random(n)
    comuni = comuni_er()
    files = []
    for i in range(n):
        path = cartella / f"unione-{i:05d}.yaml"
        path.write_text(profilo(i, rng, comuni), encoding="utf-8")
        files.append(path)
    return files


def migliore(fn: Callable[[], object], volte: int = RIPETIZIONI) -> float:
    tempi = []
    for _ in range(volte):
        gc.collect()
        inizio = time.perf_counter()
        fn()
        tempi.append(time.perf_counter() - inizio)
    return min(tempi)


def base(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def motore(cartella: Path) -> str:
    pack = load_pack_cached(default_rules())
    return render_json.render(istruisci(raccogli([cartella]), pack), "it")


BASE_CLI = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)
CLI_RSS = (
    "import resource, sys\n"
    "from avviamento.cli import main\n"
    "sys.argv = ['avviamento', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def esegui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def cli(cartella: Path) -> None:
    risultato = esegui(sys.executable, "-m", "avviamento", "review", str(cartella), "--format", "json")
    if risultato.returncode not in (0, 1):
        raise SystemExit(f"review failed ({risultato.returncode}): {risultato.stderr}")


def memoria(cartella: Path) -> tuple[float, float]:
    """Peak traced memory of one engine run, and what the result itself holds (MiB)."""
    pack = load_pack_cached(default_rules())
    files = raccogli([cartella])
    gc.collect()
    tracemalloc.start()
    prima = tracemalloc.get_traced_memory()[0]
    istruttoria = istruisci(files, pack)
    dopo, picco = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del istruttoria
    return (picco - prima) / 2**20, (dopo - prima) / 2**20


def rss_cli(cartella: Path) -> float:
    risultato = esegui(sys.executable, "-c", CLI_RSS, "review", str(cartella), "--format", "json")
    return int(risultato.stderr.strip().splitlines()[-1]) / 1024  # KiB on Linux


def alternati(prove: dict[str, Callable[[], object]], volte: int = RIPETIZIONI) -> dict[str, float]:
    """Best time of each, run in turns so that a busy machine slows all of them alike."""
    tempi: dict[str, list[float]] = {nome: [] for nome in prove}
    for _ in range(volte):
        for nome, fn in prove.items():
            tempi[nome].append(migliore(fn, 1))
    return {nome: min(valori) for nome, valori in tempi.items()}


def misura(n: int) -> str:
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        cartella = Path(tmp)
        files = genera(cartella, n)
        base(files)  # warm the page cache
        tempi = alternati(
            {
                "base": lambda: base(files),
                "motore": lambda: motore(cartella),
                "cli": lambda: cli(cartella),
                "base_proc": lambda: esegui(sys.executable, "-c", BASE_CLI, str(cartella)),
            }
        )
        picco, risultato = memoria(cartella)
        rss = rss_cli(cartella)
    t_base, t_motore, t_cli, t_proc = (tempi[k] for k in ("base", "motore", "cli", "base_proc"))
    return (
        f"{n:>6} {t_base:>8.3f} {t_motore:>9.3f} {t_motore / t_base:>11.2f}× {t_motore / n * 1e6:>8.0f} "
        f"{t_cli:>7.3f} {t_proc:>11.3f} {t_cli / t_proc:>12.2f}× "
        f"{picco:>10.1f} {risultato:>13.1f} {picco - risultato:>10.2f} {risultato * 1024 / n:>8.2f} {rss:>11.1f}"
    )


def main(argv: list[str]) -> None:
    misure = [int(a) for a in argv] or [100, 1000, 3000]
    load_pack_cached(default_rules())  # the pack is loaded once per process: keep it out of the engine timing
    print(f"avviamento review — benchmark (Python {sys.version.split()[0]}, best of {RIPETIZIONI}, in turns)")
    print(
        f"{'N':>6} {'base s':>8} {'motore s':>9} {'motore/base':>12} {'µs/file':>8} "
        f"{'CLI s':>7} {'base-proc s':>11} {'CLI/base-proc':>13} "
        f"{'picco MiB':>10} {'risultato MiB':>13} {'lavoro MiB':>10} {'KiB/riga':>8} {'RSS CLI MiB':>11}"
    )
    for n in misure:
        print(misura(n), flush=True)
    print(
        "motore = raccolta, valutazione, rilievi incrociati e JSON in processo; base = solo yaml.load (CSafeLoader);\n"
        "CLI e base-proc = gli stessi come sottoprocessi (ciascuno con il proprio avvio dell'interprete);\n"
        "lavoro = picco − risultato (tracemalloc): la memoria di lavoro, che deve restare piatta al crescere di N."
    )

    avviamento = Path(sys.executable).with_name("avviamento")
    comando = [str(avviamento)] if avviamento.exists() else [sys.executable, "-m", "avviamento"]
    t_help = migliore(lambda: esegui(*comando, "--help"), 5)
    t_typer = migliore(lambda: esegui(sys.executable, "-c", "import typer"), 5)
    print(
        f"avvio a freddo: `avviamento --help` {t_help * 1000:.0f} ms, `python -c 'import typer'` "
        f"{t_typer * 1000:.0f} ms → {t_help / t_typer:.2f}×"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
