"""The class a Union reaches, from the class definitions of the rule pack (never hard-coded here).

A class is reached when every condition in force at the date is met on the profile's evidence. When a condition
cannot be decided because the profile lacks its evidence, the class is not reached and the reason says what is
missing ("non determinabile"): never a silent pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from avviamento.errors import Text
from avviamento.i18n import numero, plurale
from avviamento.profilo import Profilo
from avviamento.regole import ClassePack, Condizione, RulePack

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


@dataclass(frozen=True)
class Evidenze:
    """What the profile says beyond effectiveness: each function's completion and the financial effectiveness."""

    completamento: dict[str, float | None] = field(default_factory=dict)
    effettivita_finanziaria: float | None = None

    @classmethod
    def dal_profilo(cls, profilo: Profilo) -> Evidenze:
        completamento: dict[str, float | None] = {}
        for funzione in profilo.funzioni:
            dichiarati = (completamento.get(funzione.codice), funzione.completamento_percentuale)
            valori = [v for v in dichiarati if v is not None]
            completamento[funzione.codice] = max(valori) if valori else None
        return cls(completamento, profilo.unione.effettivita_finanziaria_percentuale)


def etichetta_classe(pack: RulePack, codice: str) -> Text:
    for classe in pack.pacchetto.classi:
        if classe.codice == codice:
            return classe.etichetta.as_text()
    return ETICHETTE_FISSE.get(codice, {"it": codice, "en": codice})


def requisiti_classe(pack: RulePack, codice: str, giorno: dt.date) -> Text:
    """What a class asks for at the date, with the pack's dated thresholds (for messages: no number in texts)."""
    classe = next((c for c in pack.pacchetto.classi if c.codice == codice), None)
    if classe is None:
        return {"it": "—", "en": "—"}
    parti: dict[str, list[str]] = {"it": [], "en": []}
    richieste = [pack.catalogo[f].etichetta for f in classe.funzioni_richieste if f in pack.catalogo]
    if richieste:
        parti["it"].append(", ".join(e.it for e in richieste))
        parti["en"].append(", ".join(e.en for e in richieste))
    soglia = _valore(pack, classe.minimo.parametro, giorno) if classe.minimo else None
    if classe.minimo and soglia is not None:
        n = int(soglia)
        gruppo = GRUPPI[classe.minimo.gruppo]
        parti["it"].append(f"almeno {n} {plurale(n, 'funzione', 'funzioni')} tra {gruppo['it']}")
        parti["en"].append(f"at least {n} {plurale(n, 'function', 'functions')} among {gruppo['en']}")
        if richieste:
            totale = n + len(richieste)
            parti["it"][-1] += f": «almeno {totale} {plurale(totale, 'funzione', 'funzioni')}»"
            parti["en"][-1] += f": «at least {totale} {plurale(totale, 'function', 'functions')}»"
    return {
        "it": " più ".join(parti["it"]) or "—",
        "en": " plus ".join(parti["en"]) or "—",
    }


def classe_calcolata(
    pack: RulePack, effettive: set[str], giorno: dt.date, evidenze: Evidenze | None = None
) -> tuple[str, tuple[Text, ...]]:
    """The highest class reached, and why the next one is not (as texts)."""
    evidenze = evidenze or Evidenze()
    raggiunta = NON_AVVIATA
    for classe in pack.pacchetto.classi:
        if classe.presuppone and raggiunta != classe.presuppone:
            break
        mancati, indecisi = _esame(pack, classe, effettive, giorno, evidenze)
        if mancati or indecisi:
            return raggiunta, tuple(mancati or indecisi)
        raggiunta = classe.codice
    return raggiunta, ()


def _esame(
    pack: RulePack, classe: ClassePack, effettive: set[str], giorno: dt.date, evidenze: Evidenze
) -> tuple[list[Text], list[Text]]:
    """The reasons the class is not reached, and the reasons it cannot be decided for lack of evidence."""
    nome = classe.etichetta.as_text()
    mancati: list[Text] = []
    indecisi: list[Text] = []
    mancanti = [pack.catalogo[f].etichetta for f in classe.funzioni_richieste if f not in effettive]
    if mancanti:
        mancati.append(
            {
                "it": f"per la classe «{nome['it']}» manca: {', '.join(e.it for e in mancanti)}",
                "en": f"class «{nome['en']}» needs: {', '.join(e.en for e in mancanti)}",
            }
        )
    if classe.minimo:
        valore = pack.valore(classe.minimo.parametro, giorno)
        if valore is None or valore.valore is None:
            mancati.append(
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
                gruppo = GRUPPI[classe.minimo.gruppo]
                mancati.append(
                    {
                        "it": f"per la classe «{nome['it']}» "
                        f"{plurale(soglia, 'serve', 'servono')} {soglia} "
                        f"{plurale(soglia, 'funzione effettiva', 'funzioni effettive')} tra quelle conteggiate "
                        f"({gruppo['it']}); {plurale(conteggio, 'ne risulta', 'ne risultano')} {conteggio}",
                        "en": f"class «{nome['en']}» needs {soglia} effective "
                        f"{plurale(soglia, 'function', 'functions')} among those counted ({gruppo['en']}); "
                        f"there {plurale(conteggio, 'is', 'are')} {conteggio}",
                    }
                )
    for condizione in classe.condizioni:
        if condizione.in_vigore(giorno):
            esito = _condizione(pack, condizione, nome, effettive, giorno, evidenze)
            if esito is not None:
                (indecisi if esito[0] else mancati).append(esito[1])
    return mancati, indecisi


def _condizione(
    pack: RulePack, c: Condizione, nome: Text, effettive: set[str], giorno: dt.date, evidenze: Evidenze
) -> tuple[bool, Text] | None:
    """None when met; otherwise (undecidable, reason)."""
    percentuale = _valore(pack, c.percentuale, giorno)
    if percentuale is None:
        return False, _soglia_assente(nome, c.percentuale, giorno)
    pct = {lang: f"{numero(percentuale, lang)}%" for lang in ("it", "en")}
    if c.tipo == "effettivita_finanziaria":
        valore = evidenze.effettivita_finanziaria
        if valore is None:
            return True, {
                "it": f"«{nome['it']}» non determinabile: manca l'effettività finanziaria dell'Unione "
                "(unione.effettivita_finanziaria_percentuale)",
                "en": f"«{nome['en']}» cannot be determined: the Union's financial effectiveness is missing "
                "(unione.effettivita_finanziaria_percentuale)",
            }
        if valore >= percentuale:
            return None
        return False, {
            "it": f"per la classe «{nome['it']}» serve un'effettività finanziaria almeno del {pct['it']}; "
            f"risulta del {numero(valore, 'it')}%",
            "en": f"class «{nome['en']}» needs a financial effectiveness of at least {pct['en']}; "
            f"it is {numero(valore, 'en')}%",
        }
    assert c.parametro is not None and c.gruppo is not None  # checked by lint
    richieste = _valore(pack, c.parametro, giorno)
    if richieste is None:
        return False, _soglia_assente(nome, c.parametro, giorno)
    soglia = int(richieste)
    candidate = sorted(effettive & set(pack.gruppo(c.gruppo)))
    completate = [f for f in candidate if (evidenze.completamento.get(f) or 0) >= percentuale]
    ignote = [f for f in candidate if evidenze.completamento.get(f) is None]
    if len(completate) >= soglia:
        return None
    if len(completate) + len(ignote) >= soglia:
        etichette = [pack.catalogo[f].etichetta for f in ignote]
        return True, {
            "it": f"«{nome['it']}» non determinabile: manca il completamento (completamento_percentuale) "
            f"di {', '.join(e.it for e in etichette)} ({plurale(soglia, 'serve', 'servono')} {soglia} "
            f"{plurale(soglia, 'funzione completata', 'funzioni completate')} almeno al {pct['it']})",
            "en": f"«{nome['en']}» cannot be determined: the completion (completamento_percentuale) of "
            f"{', '.join(e.en for e in etichette)} is missing ({soglia} "
            f"{plurale(soglia, 'function', 'functions')} completed to at least {pct['en']} needed)",
        }
    k = len(completate)
    return False, {
        "it": f"per la classe «{nome['it']}» {plurale(soglia, 'serve', 'servono')} {soglia} "
        f"{plurale(soglia, 'funzione effettiva completata', 'funzioni effettive completate')} almeno al "
        f"{pct['it']} ({GRUPPI[c.gruppo]['it']}); {plurale(k, 'ne risulta', 'ne risultano')} {k}",
        "en": f"class «{nome['en']}» needs {soglia} effective {plurale(soglia, 'function', 'functions')} "
        f"completed to at least {pct['en']} ({GRUPPI[c.gruppo]['en']}); there {plurale(k, 'is', 'are')} {k}",
    }


def _valore(pack: RulePack, nome: str, giorno: dt.date) -> float | None:
    valore = pack.valore(nome, giorno)
    return None if valore is None or valore.valore is None else float(valore.valore)


def _soglia_assente(nome: Text, parametro: str, giorno: dt.date) -> Text:
    return {
        "it": f"la classe «{nome['it']}» non viene assegnata: nessun valore di '{parametro}' in vigore al "
        f"{giorno.isoformat()}",
        "en": f"class «{nome['en']}» is never assigned: no value of '{parametro}' in force on "
        f"{giorno.isoformat()}",
    }
