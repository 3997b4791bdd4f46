"""`piccoli_comuni`: Comuni ≤ 5,000 inhabitants (≤ 3,000 if montane) associate every fundamental function.

    parametri: {soglia: soglia_comuni_obbligati, soglia_montani: soglia_comuni_obbligati_montani,
                escluse: lettere_escluse_obbligo}

The fundamental functions are the catalogue entries with a DL 78/2010 letter, less the letters of the dated
`escluse` value (c.28 leaves out letter l). A Comune of 1,853 inhabitants
that has conferred only three of them fails, listing the others; a Comune of 60,000 is not concerned.
"""

from __future__ import annotations

from avviamento.checks.common import (
    Contesto,
    NonApplicabile,
    ParametriObbligati,
    Risultati,
    Violazione,
    soglie_obbligati,
)
from avviamento.effettivita import comuni_conferenti
from avviamento.i18n import plurale

KIND = "piccoli_comuni"
VALORI = ("comune", "popolazione", "soglia", "funzioni", "non_conferite", "codici")


class Parametri(ParametriObbligati):
    escluse: str | None = None  # a pack parameter: the list of letters the obligation leaves out


def check(ctx: Contesto, params: Parametri) -> Risultati:
    soglie = soglie_obbligati(ctx, params)
    if isinstance(soglie, NonApplicabile):
        yield soglie
        return
    soglia, soglia_montani = soglie
    escluse = ctx.pack.valore(params.escluse, ctx.data) if params.escluse else None
    lettere_escluse = set(escluse.valore or []) if escluse else set()
    fondamentali = sorted(
        (f for f in ctx.pack.pacchetto.funzioni if f.lettera_dl78 and f.lettera_dl78 not in lettere_escluse),
        key=lambda f: f.lettera_dl78 or "",
    )
    conferite: dict[str, set[int]] = {}
    for funzione in ctx.profilo.funzioni:
        conferite.setdefault(funzione.codice, set()).update(
            comuni_conferenti(ctx.profilo, funzione, ctx.data)
        )
    for i, comune in enumerate(ctx.profilo.comuni):
        if not ctx.comune_obbligato(i, soglia, soglia_montani):
            continue
        mancanti = [f for f in fondamentali if i not in conferite.get(f.codice, set())]
        if mancanti:
            montano = comune.montano if comune.montano is not None else ctx.profilo.unione.montana
            elenco = {
                lang: ", ".join(f"{f.lettera_dl78}) {getattr(f.etichetta, lang)}" for f in mancanti)
                for lang in ("it", "en")
            }
            yield Violazione(
                {
                    "comune": comune.nome,
                    "popolazione": ctx.popolazioni[i] or 0,
                    "soglia": soglia_montani if montano else soglia,
                    "funzioni": elenco,
                    "non_conferite": {
                        "it": plurale(len(mancanti), "non risulta conferita", "non risultano conferite")
                        + f" all'Unione: {elenco['it']}",
                        "en": f"not conferred to the Union: {elenco['en']}",
                    },
                    "codici": [f.codice for f in mancanti],
                },
                ("comuni", i),
                comuni=(comune.nome,),
            )
