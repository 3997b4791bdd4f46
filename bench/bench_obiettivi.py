"""The targets of issue #14 in one run, each as a ratio against its baseline measured alongside it.

    python bench/bench_obiettivi.py [N] [N_MEMORIA]        (default: 1000 10000; 0 skips the review / memory runs)

Every contender is a whole process (interpreter start-up included), run in turns with its baseline so that a busy
machine slows both alike; the best of RIPETIZIONI runs is kept. Beside the wall-clock ratio it prints the
CPU-time ratio (user + system of the process and its workers): on a machine whose second core is busy with
other work the wall clock of `review --jobs 2` cannot halve, while the CPU time shows what the work costs.

The package's bytecode is compiled first, as an installation does: with PYTHONDONTWRITEBYTECODE set (or a fresh
editable install) every start-up would otherwise compile avviamento's sources and measure the compiler.
"""

from __future__ import annotations

import compileall
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_draft
import bench_review

RIPETIZIONI = 5
ESEMPIO = Path(__file__).resolve().parent.parent / "examples" / "terre-del-delta.yaml"
RSS = (
    "import resource, sys\n"
    "from avviamento.cli import main\n"
    "sys.argv = ['avviamento', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "r = resource.getrusage\n"
    "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')).split()[1]\n"
    "print(hwm, r(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)
# The least a `check` can do with typer and pydantic: parse one argument and one option with typer (which builds
# a pydantic TypeAdapter per parameter), read the YAML file, validate it with a two-field pydantic model, print.
PAVIMENTO = (
    "import sys, pathlib, typer, yaml, pydantic\n"
    "class Profilo(pydantic.BaseModel):\n"
    "    versione_formato: int\n"
    "    unione: dict\n"
    "def check(profilo: pathlib.Path, lang: str = 'it') -> None:\n"
    "    dati = yaml.load(profilo.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    "    print(Profilo.model_validate(dati).unione['nome'])\n"
    "typer.run(check)\n"
)
# The process's own peak is VmHWM: Linux carries ru_maxrss over fork and exec, so RUSAGE_SELF would report this
# bench's own size when it started the command (it grows with the outputs it captured: +31 MiB a run).


def processo(comando: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one process and the children it waited for (its pool's workers)."""
    prima = resource.getrusage(resource.RUSAGE_CHILDREN)
    inizio = time.perf_counter()
    risultato = subprocess.run(comando, capture_output=True, check=False)
    parete = time.perf_counter() - inizio
    dopo = resource.getrusage(resource.RUSAGE_CHILDREN)
    if risultato.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(comando)} failed ({risultato.returncode}): {risultato.stderr.decode()}")
    return parete, (dopo.ru_utime - prima.ru_utime) + (dopo.ru_stime - prima.ru_stime)


def a_turno(prove: dict[str, list[str]], volte: int = RIPETIZIONI) -> dict[str, tuple[float, float]]:
    misure: dict[str, list[tuple[float, float]]] = {nome: [] for nome in prove}
    for _ in range(volte):
        for nome, comando in prove.items():
            misure[nome].append(processo(comando))
    return {nome: (min(p for p, _ in m), min(c for _, c in m)) for nome, m in misure.items()}


def riga(misura: str, tempi: dict[str, tuple[float, float]], chi: str, base: str, obiettivo: float) -> None:
    (parete, cpu), (parete_base, cpu_base) = tempi[chi], tempi[base]
    rapporto = parete / parete_base
    esito = "OK" if rapporto <= obiettivo else f"mancato di {rapporto - obiettivo:.2f}×"
    print(
        f"{misura:<52} {parete:>7.3f} s {rapporto:>6.2f}× (CPU {cpu / cpu_base:>5.2f}×)  "
        f"obiettivo ≤ {obiettivo:.1f}×  {esito}",
        flush=True,
    )


def review(n: int, comando: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-obiettivi-") as tmp:
        cartella = Path(tmp)
        bench_review.genera(cartella, n)
        bench_review.base(sorted(cartella.glob("*.yaml")))  # warm the page cache
        rv = [*comando, "review", str(cartella)]
        tempi = a_turno(
            {
                "base": [sys.executable, "-c", bench_review.BASE_CLI, str(cartella)],
                "json1": [*rv, "--format", "json", "--jobs", "1"],
                "json": [*rv, "--format", "json"],
                "table": [*rv],
            }
        )
    riga(f"review {n} profili, JSON, --jobs 1 / ciclo nudo", tempi, "json1", "base", 1.0)
    riga(f"review {n} profili, JSON, tutti i core / ciclo nudo", tempi, "json", "base", 1.0)
    riga(f"review {n} profili, tabella, tutti i core / ciclo nudo", tempi, "table", "base", 1.2)


def memoria(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-memoria-") as tmp:
        cartella = Path(tmp)
        bench_review.genera(cartella, n)
        for jobs in ("1", str(os.cpu_count() or 1)):
            risultato = subprocess.run(
                [sys.executable, "-c", RSS, "review", str(cartella), "--format", "json", "--jobs", jobs],
                capture_output=True,
                text=True,
                check=False,
            )
            padre, figli = (int(x) / 1024 for x in risultato.stderr.split()[-2:])
            print(
                f"review {n} profili, --jobs {jobs}: picco RSS {padre:.0f} MiB (processo), "
                f"{figli:.0f} MiB (worker più grande)  obiettivo ≤ 80 MiB  "
                f"{'OK' if padre <= 80 else f'mancato di {padre - 80:.0f} MiB'}",
                flush=True,
            )


def draft() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as tmp:
        radice = Path(tmp)
        profilo = bench_draft.profilo_di_prova(radice)
        lavori = bench_draft.preparazione_nuda(profilo)
        bench_draft.draft(profilo, radice / "riscaldamento")
        bench_draft.nudo(lavori, radice / "riscaldamento-nudo")
        tempi = bench_draft.alternati(
            {
                "draft": lambda out: bench_draft.draft(profilo, out),
                "nudo": lambda out: bench_draft.nudo(lavori, out),
            },
            radice,
            RIPETIZIONI,
        )
    rapporto = tempi["draft"][0] / tempi["nudo"][0]
    esito = "OK" if rapporto <= 0.7 else f"mancato di {rapporto - 0.7:.2f}×"
    print(
        f"{'draft ' + str(tempi['draft'][1]) + ' atti / ciclo docxtpl nudo (in processo)':<52} "
        f"{tempi['draft'][0]:>7.3f} s {rapporto:>6.2f}×  obiettivo ≤ 0.7×  {esito}",
        flush=True,
    )


def avvio(comando: list[str]) -> None:
    tempi = a_turno(
        {
            "typer": [sys.executable, "-c", "import typer"],
            "help": [*comando, "--help"],
            "tpy": [sys.executable, "-c", "import typer, pydantic, yaml"],
            "check": [*comando, "check", str(ESEMPIO)],
            "pavimento": [sys.executable, "-c", PAVIMENTO, str(ESEMPIO)],
        },
        RIPETIZIONI * 2,
    )
    riga("avviamento --help / import typer", tempi, "help", "typer", 1.3)
    riga("check di un profilo / import typer, pydantic, yaml", tempi, "check", "tpy", 1.5)
    riga("  pavimento: typer + un modello pydantic / stessa base", tempi, "pavimento", "tpy", 1.5)


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 1000
    n_memoria = int(argv[1]) if len(argv) > 1 else 10_000
    eseguibile = Path(sys.executable).with_name("avviamento")
    comando = [str(eseguibile)] if eseguibile.exists() else [sys.executable, "-m", "avviamento"]
    import avviamento

    compileall.compile_dir(Path(avviamento.__file__).parent, quiet=1)
    carico = os.getloadavg()[0]
    print(
        f"avviamento — obiettivi dell'issue #14 (Python {sys.version.split()[0]}, {os.cpu_count()} core, "
        f"carico medio all'avvio {carico:.2f}; migliore di {RIPETIZIONI}, a turno con la base)"
    )
    avvio(comando)
    if n:
        review(n, comando)
    draft()
    if n_memoria:
        memoria(n_memoria)


if __name__ == "__main__":
    main(sys.argv[1:])
