"""Jinja filters for the pages: dates, classes, states, sources, in the words of the CLI's reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from avviamento.esito import Esito, Indicatore, Rilievo
from avviamento.i18n import data_estesa, elenco
from avviamento.reporters.common import (
    FAMIGLIE,
    GRAVITA,
    classe_testo,
    conteggio,
    fonte_testo,
    indicatori_per_funzione,
    mostra_classe,
    mostra_funzioni,
    rimedi_testo,
    stato_testo,
    valore_indicatore,
)
from avviamento.reporters.common import titolo as titolo_esito


def data(valore: dt.date | dt.datetime | None) -> str:
    if valore is None:
        return "—"
    if isinstance(valore, dt.datetime):
        locale = valore.astimezone()
        return f"{data_estesa(locale.date(), 'it')}, {locale:%H:%M}"
    return data_estesa(valore, "it")


def classe(codice: str | None) -> str:
    return classe_testo(codice, "it")


def stato(r: Rilievo) -> str:
    return stato_testo(r, "it")


def fonte(r: Rilievo) -> str:
    return fonte_testo(r, "it")


def rimedio(codice: str, esito: Esito) -> str:
    return rimedi_testo((codice,), esito, "it")


def gravita(codice: str) -> str:
    return GRAVITA[codice]["it"]


def conteggi(esito: Esito) -> str:
    return conteggio(esito, "it")


def indicatori(esito: Esito) -> list[tuple[str, list[Indicatore]]]:
    return indicatori_per_funzione(esito, "it")


def famiglia(codice: str) -> str:
    return FAMIGLIE[codice]["it"]


def valore(i: Indicatore) -> str:
    return valore_indicatore(i, "it")


def titolo(esito: Esito) -> str:
    """`Verifica LR Emilia-Romagna 21/2012 e LR Emilia-Romagna 15/2018`: the packs applied, as the reports say."""
    return titolo_esito(esito, "it")


def pacchetti(esito: Esito) -> str:
    """`LR Emilia-Romagna 21/2012 e LR Emilia-Romagna 15/2018`: the short titles of the packs applied."""
    return elenco([p.titolo["it"].split(" — ")[0] if p.titolo else p.id for p in esito.pacchetti], "it")


def it(testo: dict[str, str]) -> str:
    return testo["it"]


FILTRI: dict[str, Callable[..., Any]] = {
    "data": data,
    "classe": classe,
    "stato": stato,
    "fonte": fonte,
    "rimedio": rimedio,
    "gravita": gravita,
    "conteggi": conteggi,
    "it": it,
    "indicatori": indicatori,
    "famiglia": famiglia,
    "valore": valore,
    "titolo": titolo,
    "pacchetti": pacchetti,
    "mostra_classe": mostra_classe,
    "mostra_funzioni": mostra_funzioni,
}
