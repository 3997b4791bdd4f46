"""The class a Union reaches, from the class definitions of the rule pack (never hard-coded here)."""

from __future__ import annotations

import datetime as dt

from avviamento.errors import Text
from avviamento.regole import RulePack

NON_AVVIATA = "non_avviata"
GRUPPI: dict[str, Text] = {
    "art7_c3_chiave": {"it": "le sette chiave dell'art. 7 c.3", "en": "the seven key ones of art. 7 c.3"},
    "conta_prt": {"it": "quelle che il PRT conta", "en": "those the PRT counts"},
}
RANGO = {NON_AVVIATA: 0, "costituita": 0, "esistente": 0, "avviata": 1, "in_sviluppo": 2, "avanzata": 3}


ETICHETTE_FISSE: dict[str, Text] = {
    NON_AVVIATA: {"it": "non avviata", "en": "not started (non avviata)"},
    "costituita": {"it": "costituita", "en": "constituted (costituita)"},
    "esistente": {"it": "esistente", "en": "existing (esistente)"},
}


def etichetta_classe(pack: RulePack, codice: str) -> Text:
    for classe in pack.pacchetto.classi:
        if classe.codice == codice:
            return classe.etichetta.as_text()
    return ETICHETTE_FISSE.get(codice, {"it": codice, "en": codice})


def classe_calcolata(pack: RulePack, effettive: set[str], giorno: dt.date) -> tuple[str, tuple[Text, ...]]:
    """The highest class reached, and why the next one is not (as texts)."""
    raggiunta = NON_AVVIATA
    for classe in pack.pacchetto.classi:
        nome = classe.etichetta.as_text()
        if classe.presuppone and raggiunta != classe.presuppone:
            break
        motivi: list[Text] = []
        mancanti = [pack.catalogo[f].etichetta for f in classe.funzioni_richieste if f not in effettive]
        if mancanti:
            motivi.append(
                {
                    "it": f"per la classe «{nome['it']}» manca: {', '.join(e.it for e in mancanti)}",
                    "en": f"class «{nome['en']}» needs: {', '.join(e.en for e in mancanti)}",
                }
            )
        if classe.minimo:
            valore = pack.valore(classe.minimo.parametro, giorno)
            if valore is None or valore.valore is None:
                motivi.append(
                    {
                        "it": f"la classe «{nome['it']}» non viene assegnata: la sua soglia non è definita "
                        f"da una fonte verificata in vigore al {giorno.isoformat()}",
                        "en": f"class «{nome['en']}» is never assigned: its threshold is not defined by a "
                        f"verified source in force on {giorno.isoformat()}",
                    }
                )
            else:
                conteggio = len(effettive & set(pack.gruppo(classe.minimo.gruppo)))
                soglia = int(valore.valore)
                if conteggio < soglia:
                    motivi.append(
                        {
                            "it": f"per la classe «{nome['it']}» servono {soglia} funzioni effettive tra quelle "
                            f"conteggiate ({GRUPPI[classe.minimo.gruppo]['it']}); ne risultano {conteggio}",
                            "en": f"class «{nome['en']}» needs {soglia} effective functions among those "
                            f"counted ({GRUPPI[classe.minimo.gruppo]['en']}); there are {conteggio}",
                        }
                    )
        if motivi:
            return raggiunta, tuple(motivi)
        raggiunta = classe.codice
    return raggiunta, ()
