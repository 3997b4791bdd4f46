"""The check kinds: one module each, registered here by hand (grep for a kind's name to find its code)."""

from __future__ import annotations

from types import ModuleType

from avviamento.checks import (
    adempimento_approvato,
    atto_atteso,
    classe_dichiarata,
    classe_raggiunta,
    codice_istat,
    composizione_giunta,
    comune_duplicato,
    conferimento_completo,
    conferimento_non_membro,
    contenuti_convenzione,
    data_valutazione,
    date_coerenti,
    delibera_prima_costituzione,
    durata_processo,
    fasi_processo,
    funzione_duplicata,
    funzione_effettiva,
    indicatori_annuali,
    integralita,
    minimo_funzioni,
    monitoraggio_patto,
    piccoli_comuni,
    popolazione_ambito,
    regolamenti_approvati,
    risorse_trasferite,
    sequenza_atti,
    tempo_indeterminato,
    termine_conclusione,
)

_MODULES: tuple[ModuleType, ...] = (
    funzione_effettiva,
    minimo_funzioni,
    classe_raggiunta,
    conferimento_completo,
    integralita,
    risorse_trasferite,
    composizione_giunta,
    tempo_indeterminato,
    piccoli_comuni,
    popolazione_ambito,
    adempimento_approvato,
    regolamenti_approvati,
    contenuti_convenzione,
    conferimento_non_membro,
    comune_duplicato,
    codice_istat,
    date_coerenti,
    delibera_prima_costituzione,
    funzione_duplicata,
    classe_dichiarata,
    data_valutazione,
    durata_processo,
    sequenza_atti,
    atto_atteso,
    fasi_processo,
    termine_conclusione,
    monitoraggio_patto,
    indicatori_annuali,
)

REGISTRY: dict[str, ModuleType] = {module.KIND: module for module in _MODULES}
