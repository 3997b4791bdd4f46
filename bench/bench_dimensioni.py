"""How `check` grows with the number of Comuni (ratios, not a timed test).

    python bench/bench_dimensioni.py [N ...]        (default: 50 100 200 500)

For each N it evaluates, in process, a synthetic profile of N Comuni each conferring 10 functions (the YAML
already loaded, so only the engine is timed) and prints the time per conferral. Linear growth keeps it flat;
the member lookup by scan made it grow with N (10,000 Comuni took 92 s before the index).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.ostili.genera import profilo_grande

from avviamento.engine import evaluate
from avviamento.profilo import load_profile
from avviamento.regole import load_pack_cached
from avviamento.risorse import default_rules

FUNZIONI = 10
RIPETIZIONI = 3


def main(sizes: list[int]) -> None:
    pack = load_pack_cached(default_rules())
    base: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"p{n}.yaml"
            path.write_text(profilo_grande(n, FUNZIONI), encoding="utf-8")
            caricato = load_profile(path)
            migliore = float("inf")
            for _ in range(RIPETIZIONI):
                inizio = time.perf_counter()
                evaluate(caricato, pack, None)
                migliore = min(migliore, time.perf_counter() - inizio)
            per_conferimento = migliore / (n * FUNZIONI) * 1e6
            base = base or per_conferimento
            print(
                f"N = {n:>4}: {migliore:6.3f} s, {per_conferimento:6.1f} µs/conferimento ({per_conferimento / base:.2f}×)"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 100, 200, 500])
