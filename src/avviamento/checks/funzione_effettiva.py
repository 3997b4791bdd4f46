"""`funzione_effettiva`: a given function is managed in associated form at the evaluation date.

Passes when the profile declares the function and it is effective (every member conferred it, the Union
started it, whole, with staff or budget). Fails, listing every reason, when it is missing or not effective:

    parametri: {funzione: sistemi_informativi}
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "funzione_effettiva"
VALORI = ("funzione", "motivi")


class Parametri(ParametriBase):
    funzione: str


def check(ctx: Contesto, params: Parametri) -> Risultati:
    stato = ctx.stato(params.funzione)
    label = ctx.etichetta(params.funzione)
    if stato is None:
        motivi = {
            "it": "la funzione non è indicata tra quelle dell'Unione",
            "en": "the Union does not list it",
        }
        yield Violazione({"funzione": label, "motivi": motivi}, ("funzioni",), funzione=params.funzione)
    elif not stato.effettiva:
        motivi = {lang: "; ".join(m[lang] for m in stato.motivi) for lang in ("it", "en")}
        yield Violazione(
            {"funzione": label, "motivi": motivi},
            ("funzioni", stato.indice),
            funzione=params.funzione,
            comuni=stato.comuni_mancanti,
        )
