"""`regolamenti_approvati`: the Union has approved the listed regolamenti by the evaluation date.

    parametri: {tipi: [organizzazione_uffici_servizi, contabilita]}

One failure per missing regolamento (a `tipo` absent, or with `approvato: null` or a later date).
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione

KIND = "regolamenti_approvati"
VALORI = ("regolamento", "tipo")

NOMI = {
    "organizzazione_uffici_servizi": {
        "it": "regolamento sull'ordinamento degli uffici e dei servizi",
        "en": "regulation on the organisation of offices and services",
    },
    "contabilita": {"it": "regolamento di contabilità", "en": "accounting regulation"},
}


class Parametri(ParametriBase):
    tipi: list[str]


def check(ctx: Contesto, params: Parametri) -> Risultati:
    regolamenti = ctx.profilo.adempimenti.regolamenti
    for tipo in params.tipi:
        indice = next((i for i, r in enumerate(regolamenti) if r.tipo == tipo), None)
        approvato = regolamenti[indice].approvato if indice is not None else None
        if approvato is None or approvato > ctx.data:
            nome = NOMI.get(tipo, {"it": f"regolamento «{tipo}»", "en": f"regulation «{tipo}»"})
            percorso = ("adempimenti", "regolamenti", indice) if indice is not None else ("adempimenti",)
            yield Violazione({"regolamento": nome, "tipo": tipo}, percorso)
