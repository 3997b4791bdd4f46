"""From an evaluation to what the store keeps, and from the store back to a Union's timeline (pure functions)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from avviamento.comuni import normalizza
from avviamento.esito import Esito
from avviamento.profilo import Profilo
from avviamento.regole import RulePack
from avviamento.storico.db import Valutazione


def serie_classi(esito: Esito, pack: RulePack) -> list[dict[str, Any]]:
    """For each class with a minimum: its group, the threshold at the date and the effective functions counted."""
    effettive = set(esito.funzioni_effettive)
    out: list[dict[str, Any]] = []
    for classe in pack.pacchetto.classi:
        if classe.minimo is None:
            continue
        valore = pack.valore(classe.minimo.parametro, esito.data_valutazione)
        soglia = None if valore is None or valore.valore is None else int(float(valore.valore))
        out.append(
            {
                "classe": classe.codice,
                "etichetta": classe.etichetta.as_text()["it"],
                "gruppo": classe.minimo.gruppo,
                "soglia": soglia,
                "conteggio": len(effettive & set(pack.gruppo(classe.minimo.gruppo))),
            }
        )
    return out


def valutazione(esito: Esito, profilo: Profilo, testo_profilo: bytes, pack: RulePack) -> Valutazione:
    return Valutazione(
        unione=esito.unione,
        codice_fiscale=profilo.unione.codice_fiscale,
        data_valutazione=esito.data_valutazione.isoformat(),
        classe=esito.classe,
        esito=esito.esito,
        profilo_sha256=hashlib.sha256(testo_profilo).hexdigest(),
        regole={"id": esito.regole.id, "versione": esito.regole.versione, "sha256": esito.regole.sha256},
        registrata=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        dati={
            "funzioni_effettive": list(esito.funzioni_effettive),
            "conteggi": {g: esito.conteggio(g) for g in ("errore", "avviso", "info")},
            "serie": serie_classi(esito, pack),
            "etichette": {f.codice: f.etichetta["it"] for f in esito.funzioni},
            "indicatori": [
                {
                    "funzione": i.funzione,
                    "codice": i.codice,
                    "famiglia": i.famiglia,
                    "valore": i.valore,
                    "unita": i.unita,
                    "anno": i.anno,
                    "fonte": i.fonte,
                }
                for i in esito.indicatori
            ],
        },
    )


def chiave_unione(profilo: Profilo) -> str:
    return normalizza(profilo.unione.nome)


def trova(unioni: list[tuple[str, str, str | None]], richiesta: str) -> list[tuple[str, str, str | None]]:
    """The Unions a user means by UNIONE: its codice fiscale, its name, or a unique part of its name."""
    cercato = normalizza(richiesta)
    esatte = [u for u in unioni if u[2] == richiesta.strip() or u[0] == cercato]
    return esatte or [u for u in unioni if cercato and cercato in u[0]]


def come_dict(v: Valutazione) -> dict[str, Any]:
    """One evaluation of a timeline (`storico mostra --format json`)."""
    return {
        "unione": v.unione,
        "codice_fiscale": v.codice_fiscale,
        "data_valutazione": v.data_valutazione,
        "classe": v.classe,
        "esito": v.esito,
        "funzioni_effettive": v.dati["funzioni_effettive"],
        "conteggi": v.dati["conteggi"],
        "serie": v.dati["serie"],
        "indicatori": v.dati.get("indicatori", []),
        "regole": v.regole,
        "profilo_sha256": v.profilo_sha256,
        "registrata": v.registrata,
    }
