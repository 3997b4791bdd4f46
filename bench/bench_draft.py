"""Benchmark of `avviamento draft` against a bare docxtpl loop over the same acts (ratios, not a timed test).

    python bench/bench_draft.py [RIPETIZIONI]        (default: 5)

The act pack: the Nuovo Circondario Imolese example (10 Comuni) with the conferrals of three functions removed
(tributi, polizia_locale, urbanistica_edilizia), i.e. 3 convenzioni and 30 council deliberations.

- `draft`: everything the command does in process — parse the rule pack and the profile, evaluate, choose the
  acts, lint the templates, build the typed contexts, render in the sandbox with autoescape and StrictUndefined,
  highlight the `[DA COMPLETARE]` markers, write each file atomically (fsync + rename), write the index;
- the bare loop: for the same acts and the same (pre-built) context data, `DocxTemplate(path)`, `render(data)`
  and `save(path)` with docxtpl's defaults — nothing else.

Target (issue #14): draft / bare ≤ 0.7. The two run in turn within each repetition; the best run of each is compared.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from avviamento.draft.contesto import Costruttore, Fonti
from avviamento.draft.redazione import Opzioni, contesto_di, pianifica, redigi
from avviamento.engine import evaluate
from avviamento.profilo import load_profile
from avviamento.regole import load_pack
from avviamento.risorse import default_rules, templates_dir

ESEMPIO = Path(__file__).resolve().parent.parent / "examples" / "nuovo-circondario-imolese.yaml"
SENZA_CONFERIMENTI = ("tributi", "polizia_locale", "urbanistica_edilizia")


def profilo_di_prova(cartella: Path) -> Path:
    dati = yaml.safe_load(ESEMPIO.read_text(encoding="utf-8"))
    for funzione in dati["funzioni"]:
        if funzione["codice"] in SENZA_CONFERIMENTI:
            funzione["conferimenti"] = []
    percorso = cartella / "nci-tre-funzioni.yaml"
    percorso.write_text(yaml.safe_dump(dati, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return percorso


def draft(profilo: Path, out: Path) -> int:
    pack = load_pack(default_rules())
    caricato = load_profile(profilo)
    esito = evaluate(caricato, pack)
    risultato = redigi(caricato.profilo, pack, esito, Opzioni(out=out, modelli=templates_dir()))
    return len(risultato.atti)


def preparazione_nuda(profilo: Path) -> list[tuple[Path, str, dict[str, object]]]:
    """The same acts with the same data, built outside the timed loop: (template, output name, data)."""
    pack = load_pack(default_rules())
    caricato = load_profile(profilo)
    esito = evaluate(caricato, pack)
    costruttore = Costruttore(Fonti(caricato.profilo, pack, esito))
    lavori = []
    for atto in pianifica(caricato.profilo, esito).atti:
        dati = contesto_di(atto, costruttore, False).model_dump()
        lavori.append((templates_dir() / atto.modello, atto.file.replace("/", "__"), dati))
    return lavori


def nudo(lavori: list[tuple[Path, str, dict[str, object]]], out: Path) -> int:
    from docxtpl import DocxTemplate

    out.mkdir(parents=True)
    for modello, nome, dati in lavori:
        tpl = DocxTemplate(modello)
        tpl.render(dati)
        tpl.save(out / nome)
    return len(lavori)


def alternati(
    prove: dict[str, Callable[[Path], int]], radice: Path, ripetizioni: int
) -> dict[str, tuple[float, int]]:
    """Each repetition runs every contender once, in turn, so that a busy machine slows them alike."""
    tempi: dict[str, list[float]] = {nome: [] for nome in prove}
    atti: dict[str, int] = {}
    for n in range(ripetizioni):
        for nome, prova in prove.items():
            out = radice / f"giro-{nome}-{n}"
            inizio = time.perf_counter()
            atti[nome] = prova(out)
            tempi[nome].append(time.perf_counter() - inizio)
            shutil.rmtree(out)
    return {nome: (min(t), atti[nome]) for nome, t in tempi.items()}


def main(argv: list[str]) -> int:
    ripetizioni = int(argv[1]) if len(argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as tmp:
        radice = Path(tmp)
        profilo = profilo_di_prova(radice)
        lavori = preparazione_nuda(profilo)
        # warm-up: imports (docxtpl, lxml, jinja2) and the OS file cache, for both sides
        draft(profilo, radice / "riscaldamento")
        nudo(lavori, radice / "riscaldamento-nudo")

        risultati = alternati(
            {"draft": lambda out: draft(profilo, out), "nudo": lambda out: nudo(lavori, out)},
            radice,
            ripetizioni,
        )
    (t_draft, n_draft), (t_nudo, n_nudo) = risultati["draft"], risultati["nudo"]
    convenzioni = sum(1 for _, nome, _ in lavori if nome.startswith("convenzioni"))
    print(
        f"atti: {n_draft} ({convenzioni} convenzioni, {n_draft - convenzioni} delibere) — ciclo nudo: {n_nudo}"
    )
    print(
        f"draft (in processo, migliore di {ripetizioni}): {t_draft:.3f} s ({1000 * t_draft / n_draft:.1f} ms/atto)"
    )
    print(
        f"ciclo docxtpl nudo (migliore di {ripetizioni}):  {t_nudo:.3f} s ({1000 * t_nudo / n_nudo:.1f} ms/atto)"
    )
    rapporto = t_draft / t_nudo
    esito = "OK" if rapporto <= 0.7 else "OLTRE L'OBIETTIVO"
    print(f"rapporto draft / nudo: {rapporto:.2f}× (obiettivo ≤ 0,7×) {esito}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
