"""Load check of `avviamento serve`: /api/check over HTTP against the bare in-process evaluate (ratios).

    python bench/bench_web.py [PROFILO] [--sequenziali 200] [--concorrenti 20]

Starts `avviamento serve --port 0` on 127.0.0.1 (loopback only, a private scratch database), then measures:
- the in-process baseline: load the same bytes and `evaluate` them (what `check` does, without printing);
- 200 sequential POST /api/check (one connection each, as a browser form would), p50 and p95 latency;
- the same requests from 20 concurrent clients (20 × 10), p50 and p95, total throughput;
- errors (any status but 200, any JSON that is not the CLI's contract), and the server's RSS before and after.
Target: p50 sequential ≤ 3× the bare evaluate; no errors; memory flat across the run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from avviamento.engine import evaluate
from avviamento.profilo import validate_profile
from avviamento.regole import load_pack_cached
from avviamento.risorse import default_rules
from avviamento.yamlio import decode_text, parse_yaml

RADICE = Path(__file__).resolve().parent.parent


def valuta_in_processo(dati: bytes, nome: str) -> float:
    """Seconds of one load + evaluate of the profile in this process (rules already parsed): `check`'s work."""
    pack = load_pack_cached(default_rules())
    inizio = time.perf_counter()
    evaluate(validate_profile(parse_yaml(decode_text(dati, nome), nome)), pack, None)
    return time.perf_counter() - inizio


def multipart(dati: bytes, nome: str) -> tuple[bytes, str]:
    confine = uuid.uuid4().hex
    corpo = (
        (
            f'--{confine}\r\nContent-Disposition: form-data; name="profilo"; filename="{nome}"\r\n'
            f"Content-Type: application/yaml\r\n\r\n"
        ).encode()
        + dati
        + f"\r\n--{confine}--\r\n".encode()
    )
    return corpo, f"multipart/form-data; boundary={confine}"


def richiesta(url: str, corpo: bytes, tipo: str) -> tuple[float, bool]:
    inizio = time.perf_counter()
    try:
        req = urllib.request.Request(url, data=corpo, headers={"Content-Type": tipo}, method="POST")
        with urllib.request.urlopen(req, timeout=30) as risposta:
            esito = json.loads(risposta.read())
            ok = risposta.status == 200 and esito.get("formato") == "avviamento/esito@1"
    except (OSError, ValueError):
        ok = False
    return time.perf_counter() - inizio, ok


def richiesta_salute(base: str) -> float:
    inizio = time.perf_counter()
    with urllib.request.urlopen(f"{base}/api/health", timeout=30) as risposta:
        risposta.read()
    return time.perf_counter() - inizio


def rss_kib(pid: int) -> int:
    for riga in Path(f"/proc/{pid}/status").read_text().splitlines():
        if riga.startswith("VmRSS:"):
            return int(riga.split()[1])
    return 0


def percentile(valori: list[float], p: float) -> float:
    ordinati = sorted(valori)
    return ordinati[min(len(ordinati) - 1, round(p / 100 * (len(ordinati) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profilo", nargs="?", default=str(RADICE / "examples" / "terre-del-delta.yaml"))
    parser.add_argument("--sequenziali", type=int, default=200)
    parser.add_argument("--concorrenti", type=int, default=20)
    args = parser.parse_args()
    percorso = Path(args.profilo)
    dati = percorso.read_bytes()
    for _ in range(20):  # warm-up of the in-process baseline
        valuta_in_processo(dati, percorso.name)

    with tempfile.TemporaryDirectory() as cartella:
        server = subprocess.Popen(
            [sys.executable, "-m", "avviamento", "serve", "--port", "0", "--db", f"{cartella}/b.sqlite3"],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            trovato = re.search(r"(http://127\.0\.0\.1:\d+)/", server.stdout.readline())
            if trovato is None:
                sys.exit("serve did not start")
            url = trovato.group(1) + "/api/check"
            corpo, tipo = multipart(dati, percorso.name)
            for _ in range(10):  # warm-up: rules parsed, code paths imported
                richiesta(url, corpo, tipo)
            memoria_prima = rss_kib(server.pid)

            # interleaved in rounds, so a busy machine slows the baseline and the server alike
            sequenziali: list[tuple[float, bool]] = []
            base: list[float] = []
            for _ in range(args.sequenziali // 20):
                base += [valuta_in_processo(dati, percorso.name) for _ in range(20)]
                sequenziali += [richiesta(url, corpo, tipo) for _ in range(20)]
            salute = [richiesta_salute(trovato.group(1)) for _ in range(50)]
            inizio = time.perf_counter()
            with ThreadPoolExecutor(args.concorrenti) as pool:
                concorrenti = list(
                    pool.map(lambda _: richiesta(url, corpo, tipo), range(args.concorrenti * 10))
                )
            durata = time.perf_counter() - inizio
            memoria_dopo = rss_kib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)

    mediana = statistics.median(base)

    def riga(etichetta: str, misure: list[tuple[float, bool]]) -> None:
        tempi = [t for t, _ in misure]
        errori = sum(1 for _, ok in misure if not ok)
        p50, p95 = percentile(tempi, 50), percentile(tempi, 95)
        print(
            f"{etichetta:<28} n={len(misure):<4} p50 {p50 * 1000:7.1f} ms ({p50 / mediana:4.1f}×)  "
            f"p95 {p95 * 1000:7.1f} ms ({p95 / mediana:4.1f}×)  errori {errori}"
        )

    print(f"profilo: {percorso.name}; evaluate in processo (mediana): {mediana * 1000:.1f} ms")
    print(f"soglia HTTP (GET /api/health, stesso client): {statistics.median(salute) * 1000:.1f} ms")
    riga("sequenziali", sequenziali)
    riga(f"concorrenti ({args.concorrenti} client)", concorrenti)
    print(f"throughput concorrente: {len(concorrenti) / durata:.0f} richieste/s")
    print(
        f"memoria del server (RSS): {memoria_prima / 1024:.1f} MiB prima, {memoria_dopo / 1024:.1f} MiB dopo"
    )


if __name__ == "__main__":
    main()
