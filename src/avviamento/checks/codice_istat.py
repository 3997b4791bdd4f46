"""`codice_istat`: a member's ISTAT code matches its name in the bundled reference data (Emilia-Romagna).

`{nome: Vergato, istat: "037059"}` passes; `{nome: Vergato, istat: "037031"}` fails (that is Grizzana Morandi);
a code outside the reference data fails with the `sconosciuto` message.
"""

from __future__ import annotations

from avviamento.checks.common import Contesto, ParametriBase, Risultati, Violazione
from avviamento.comuni import normalizza

KIND = "codice_istat"
VALORI = ("comune", "istat", "atteso")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    for i, comune in enumerate(ctx.profilo.comuni):
        if not comune.istat:
            continue
        found = ctx.anagrafe.per_istat.get(comune.istat)
        percorso = ("comuni", i, "istat")
        valori = {"comune": comune.nome, "istat": comune.istat}
        if found is None:
            yield Violazione(
                {**valori, "atteso": "—"}, percorso, variante="sconosciuto", comuni=(comune.nome,)
            )
        elif normalizza(found.nome) != normalizza(comune.nome):
            yield Violazione(
                {**valori, "atteso": f"{found.nome} ({found.provincia})"}, percorso, comuni=(comune.nome,)
            )
