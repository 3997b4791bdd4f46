"""`fasi_processo`: the phases of a process follow one another and fall within its start and end.

A phase ending before it starts, starting before the previous one ends, or outside [avvio, conclusione]
fails, naming the phase. Not applicable without processes.
"""

from __future__ import annotations

from avviamento.checks.common import NESSUN_PROCESSO, Contesto, ParametriBase, Risultati, Valore, Violazione

KIND = "fasi_processo"
VALORI = ("titolo", "fase", "motivo")


class Parametri(ParametriBase):
    pass


def check(ctx: Contesto, params: Parametri) -> Risultati:
    if not ctx.profilo.processi_partecipativi:
        yield NESSUN_PROCESSO
        return
    for i, processo in enumerate(ctx.profilo.processi_partecipativi):
        fine_precedente = None
        for j, fase in enumerate(processo.fasi):
            motivo: dict[str, str] | None = None
            if fase.dal and fase.al and fase.al < fase.dal:
                motivo = {"it": "finisce prima di cominciare", "en": "ends before it starts"}
            elif fase.dal and fine_precedente and fase.dal < fine_precedente:
                motivo = {
                    "it": "comincia prima della fine della precedente",
                    "en": "starts before the previous ends",
                }
            elif fase.dal and processo.avvio and fase.dal < processo.avvio:
                motivo = {"it": "comincia prima dell'avvio del processo", "en": "starts before the process"}
            elif fase.al and processo.conclusione and fase.al > processo.conclusione:
                motivo = {"it": "finisce dopo la conclusione del processo", "en": "ends after the process"}
            if motivo:
                valori: dict[str, Valore] = {"titolo": processo.titolo, "fase": fase.nome, "motivo": motivo}
                yield Violazione(valori, ("processi_partecipativi", i, "fasi", j))
            fine_precedente = fase.al or fine_precedente
