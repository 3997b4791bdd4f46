"""The JSON API: the CLI's contracts (`avviamento/esito@1`, `avviamento/piano@1`, `avviamento/istruttoria@1`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from avviamento import __version__

DESCRIZIONE = """Le stesse verifiche della riga di comando, con gli stessi contratti JSON.

Ogni input non utilizzabile (YAML malformato, chiave sconosciuta, data errata, file non UTF-8, bomba di alias,
tag Python, ZIP con voci `../`, file non YAML) → **422** con `{"errore": "<file>:<riga>:<colonna>: <messaggio>"}`,
la stessa riga che stampa la CLI. File oltre il limite (2 MB per file, 50 MB per richiesta, configurabili) → **413**.
Con un token configurato (`serve --token`), ogni richiesta porta `Authorization: Bearer <token>`."""

router = APIRouter(prefix="/api", tags=["API"])


@router.get("/health", summary="Stato del servizio")
def health() -> dict[str, Any]:
    """`{"stato": "ok", "versione": …}`."""
    return {"stato": "ok", "versione": __version__}
