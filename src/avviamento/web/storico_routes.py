"""The Union over time in the browser: the history store (`storico`) and the comparison (`confronta`), as pages
and as JSON (the CLI's contracts: `storico elenco|mostra --format json`, `avviamento/confronto@1`).

The store is the CLI's file (`serve --storico`): it is opened for each request, so a file that is not a history
store is one line (422) on the page that needs it, and the rest of the application keeps working.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup

from avviamento.confronto import Confronto
from avviamento.errors import InputError, both
from avviamento.esito import Esito
from avviamento.profilo import ProfiloCaricato
from avviamento.storico.db import Storico, StoricoNonValido, Valutazione
from avviamento.web import servizi
from avviamento.web.api import RISPOSTE
from avviamento.web.pages import render
from avviamento.web.servizi import ErroreRichiesta

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["API"], responses=RISPOSTE)

REGISTRAZIONE = {
    "nuova": "Valutazione registrata nello storico.",
    "presente": "Questa valutazione era già nello storico (stesso profilo, data e regole): non è stata duplicata.",
}


@contextmanager
def aperto(request: Request) -> Iterator[Storico]:
    """The history store of `serve --storico`; a file that is not one is a 422 line, never modified (also when
    the file turns out unusable while the body of the `with` reads or writes it)."""
    percorso: Path = request.app.state.storico
    try:
        yield Storico(percorso)
    except StoricoNonValido as exc:
        raise ErroreRichiesta(f"{percorso.name}:1:1: {exc.text['it']}") from None
    except OSError as exc:
        raise ErroreRichiesta(f"{percorso.name}:1:1: {exc.strerror or exc}") from None


def ultime(storico: Storico) -> list[tuple[str, Valutazione, int]]:
    """Each Union's key, latest evaluation and number of evaluations (as `storico elenco`)."""
    righe = []
    for chiave, _nome, _cf in storico.unioni():
        valutazioni = storico.valutazioni(chiave)
        righe.append((chiave, valutazioni[-1], len(valutazioni)))
    return righe


def cerca(storico: Storico, unione: str) -> list[Valutazione]:
    """The timeline of the one Union `unione` names (name, part of it, codice fiscale), as `storico mostra`."""
    from avviamento.storico.registro import trova

    trovate = trova(storico.unioni(), unione)
    if not trovate:
        raise ErroreRichiesta(f"avviamento: storico: nessuna Unione «{unione}» nello storico", 404)
    if len(trovate) > 1:
        nomi = ", ".join(t[1] for t in trovate)
        raise ErroreRichiesta(f"avviamento: storico: «{unione}» indica più Unioni: {nomi}")
    return storico.valutazioni(trovate[0][0])


def grafici(valutazioni: list[Valutazione]) -> tuple[Markup, Markup]:
    """The SVG charts of `storico mostra --format html` (drawn on the server, every value escaped there)."""
    from avviamento.storico.grafico import grafico, grafico_indicatori

    return Markup(grafico(valutazioni, "it")), Markup(grafico_indicatori(valutazioni, "it"))


def giorno(testo: str) -> dt.date:
    return dt.date.fromisoformat(testo)


def etichetta(esito: Esito, codice: str) -> str:
    """A function's name in the pack's catalogue (its code when the catalogue does not know it)."""
    return esito.etichette.get(codice, {}).get("it", codice)


# --- pages: the store ---


@router.get("/storico", response_class=HTMLResponse)
def elenco(request: Request) -> HTMLResponse:
    from avviamento.web.viste import _store

    with aperto(request) as storico:
        righe = ultime(storico)
    return render(
        request,
        "storico_elenco.html",
        righe=righe,
        giorno=giorno,
        percorso_storico=request.app.state.storico,
        profili=_store(request).all(),
    )


@router.get("/storico/{unione:path}", response_class=HTMLResponse)
def unione(request: Request, unione: str) -> HTMLResponse:
    from avviamento.comuni import normalizza
    from avviamento.web.viste import _store

    with aperto(request) as storico:
        valutazioni = cerca(storico, unione)
    chiave = normalizza(valutazioni[-1].unione)
    profili = [p for p in _store(request).all() if normalizza(p.nome) == chiave]
    svg, svg_indicatori = grafici(valutazioni)
    return render(
        request,
        "storico.html",
        valutazioni=valutazioni,
        svg=svg,
        svg_indicatori=svg_indicatori,
        giorno=giorno,
        profili=profili,
        salvato=None,
    )


@router.get("/profili/{id}/storico", response_class=HTMLResponse)
def storico_profilo(
    request: Request, id: int, data: str | None = None, registrata: str | None = None
) -> HTMLResponse:
    """A stored profile's Union in the store, and a button to register the evaluation shown on Verifica."""
    from avviamento.storico.registro import chiave_unione
    from avviamento.web.viste import _profilo

    salvato, caricato = _profilo(request, id)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"))
    with aperto(request) as storico:
        valutazioni = storico.valutazioni(chiave_unione(caricato.profilo))
    impronta = hashlib.sha256(salvato.yaml_text.encode("utf-8")).hexdigest()
    gia = any(
        v.profilo_sha256 == impronta
        and v.data_valutazione == esito.data_valutazione.isoformat()
        and v.regole["sha256"] == esito.regole.sha256
        for v in valutazioni
    )
    svg, svg_indicatori = grafici(valutazioni)
    return render(
        request,
        "storico.html",
        salvato=salvato,
        esito=esito,
        valutazioni=valutazioni,
        svg=svg,
        svg_indicatori=svg_indicatori,
        giorno=giorno,
        data_scelta=data or "",
        gia_registrata=gia,
        avviso=REGISTRAZIONE.get(registrata or ""),
        profili=[],
    )


@router.post("/profili/{id}/storico")
def registra(request: Request, id: int, data: Annotated[str | None, Form()] = None) -> Response:
    """Register the profile's evaluation at the date (the form's CSRF field is checked app-wide)."""
    from avviamento.storico.registro import chiave_unione, valutazione
    from avviamento.web.viste import _profilo

    salvato, caricato = _profilo(request, id)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"))
    voce = valutazione(esito, caricato.profilo, salvato.yaml_text.encode("utf-8"), servizi.regole())
    with aperto(request) as storico:
        nuova = storico.registra(voce, chiave_unione(caricato.profilo))
    indirizzo = f"/profili/{id}/storico?registrata={'nuova' if nuova else 'presente'}"
    if data:
        indirizzo += f"&data={quote(data)}"
    return RedirectResponse(indirizzo, status_code=303)


# --- pages: the comparison ---


def confronta(
    prima: tuple[str, ProfiloCaricato],
    dopo: tuple[str, ProfiloCaricato],
    giorno_prima: dt.date | None,
    giorno_dopo: dt.date | None,
) -> Confronto:
    """`confronta`: the two evaluations of one Union; two different Unions are refused with the CLI's line."""
    from avviamento import confronto

    (_, a), (nome_dopo, b) = prima, dopo
    if not confronto.stessa_unione(a.profilo, b.profilo):
        testo = both("unioni_diverse", prima=a.profilo.unione.nome, dopo=b.profilo.unione.nome)
        raise ErroreRichiesta(f"{nome_dopo}:1:1: {testo['it']}")
    return confronto.confronta(servizi.verifica(a, giorno_prima), servizi.verifica(b, giorno_dopo))


def _pagina_confronto(
    request: Request, *, risultato: Confronto | None = None, errore: str | None = None, **campi: Any
) -> HTMLResponse:
    from avviamento import confronto
    from avviamento.web.viste import _store

    contesto: dict[str, Any] = {"prima": "", "dopo": "", "data_prima": "", "data_dopo": ""} | campi
    if risultato is not None:
        contesto |= {
            "narrativa": confronto.narrativa(risultato, "it"),
            "etichetta": etichetta,
        }
    return render(
        request,
        "confronta.html",
        status_code=422 if errore else 200,
        profili=_store(request).all(),
        risultato=risultato,
        errore=errore,
        **contesto,
    )


@router.get("/confronta", response_class=HTMLResponse)
def confronta_pagina(
    request: Request,
    prima: int | None = None,
    dopo: int | None = None,
    data_prima: str | None = None,
    data_dopo: str | None = None,
) -> HTMLResponse:
    """Without parameters the form; with two stored profiles (the same one twice: two dates), the comparison."""
    from avviamento.web.viste import _nome_file, _store

    campi: dict[str, Any] = {
        "prima": prima,
        "dopo": dopo,
        "data_prima": data_prima or "",
        "data_dopo": data_dopo or "",
    }
    if prima is None or dopo is None:
        return _pagina_confronto(request, **campi)
    scelti = []
    for id in (prima, dopo):
        salvato = _store(request).get(id)
        if salvato is None:
            raise ErroreRichiesta("Profilo non trovato: forse è stato eliminato.", 404)
        scelti.append(salvato)
    try:
        caricati = [
            (_nome_file(s), servizi.carica(s.yaml_text.encode("utf-8"), _nome_file(s))) for s in scelti
        ]
        risultato = confronta(
            caricati[0],
            caricati[1],
            servizi.data_opzione(data_prima, "«data della prima valutazione»"),
            servizi.data_opzione(data_dopo, "«data della seconda valutazione»"),
        )
    except InputError as exc:
        return _pagina_confronto(request, errore=exc.render("it"), **campi)
    except ErroreRichiesta as exc:
        return _pagina_confronto(request, errore=exc.riga, **campi)
    return _pagina_confronto(request, risultato=risultato, **campi)


@router.post("/confronta", response_class=HTMLResponse)
async def confronta_file(
    request: Request,
    file_prima: Annotated[UploadFile, File()],
    file_dopo: Annotated[UploadFile, File()],
    data_prima: Annotated[str | None, Form()] = None,
    data_dopo: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    """Two uploaded profiles (nothing is stored)."""
    from avviamento.web.viste import leggi_upload

    campi: dict[str, Any] = {"data_prima": data_prima or "", "data_dopo": data_dopo or "", "caricati": True}
    try:
        voci = [await leggi_upload(request, f) for f in (file_prima, file_dopo)]
        risultato = confronta(
            (voci[0][0], servizi.carica(voci[0][1], voci[0][0])),
            (voci[1][0], servizi.carica(voci[1][1], voci[1][0])),
            servizi.data_opzione(data_prima, "«data della prima valutazione»"),
            servizi.data_opzione(data_dopo, "«data della seconda valutazione»"),
        )
    except InputError as exc:
        return _pagina_confronto(request, errore=exc.render("it"), **campi)
    except ErroreRichiesta as exc:
        if exc.stato != 422:
            raise
        return _pagina_confronto(request, errore=exc.riga, **campi)
    return _pagina_confronto(request, risultato=risultato, **campi)


# --- JSON API ---


@api.post("/confronta", summary="Confronto tra due valutazioni (come confronta --format json)")
async def api_confronta(
    request: Request,
    prima: Annotated[UploadFile, File(description="Il profilo YAML della valutazione precedente.")],
    dopo: Annotated[UploadFile, File(description="Il profilo YAML della valutazione successiva.")],
    as_of_prima: Annotated[
        str | None, Form(description="Data di valutazione del primo profilo AAAA-MM-GG.")
    ] = None,
    as_of_dopo: Annotated[
        str | None, Form(description="Data di valutazione del secondo profilo AAAA-MM-GG.")
    ] = None,
) -> JSONResponse:
    """Il contratto avviamento/confronto@1: funzioni divenute (o non più) effettive, rilievi chiusi, nuovi e
    ancora aperti. Due Unioni diverse → 422."""
    from avviamento.confronto import as_dict
    from avviamento.web.viste import leggi_upload

    giorno_prima = servizi.data_opzione(as_of_prima, "--as-of-prima")
    giorno_dopo = servizi.data_opzione(as_of_dopo, "--as-of-dopo")
    voci = [await leggi_upload(request, f) for f in (prima, dopo)]
    caricati = [(nome, servizi.carica(dati, nome)) for nome, dati in voci]
    return JSONResponse(as_dict(confronta(caricati[0], caricati[1], giorno_prima, giorno_dopo), "it"))


@api.get("/storico", summary="Le Unioni dello storico (come storico elenco --format json)")
def api_storico(request: Request) -> Response:
    """Per ogni Unione: nome, codice fiscale, ultima classe con la sua data, numero di valutazioni."""
    from avviamento.storico.render import elenco_json

    with aperto(request) as storico:
        righe = ultime(storico)
    return Response(elenco_json([(v, n) for _, v, n in righe]), media_type="application/json")


@api.get("/storico/{unione:path}", summary="Le valutazioni di un'Unione (come storico mostra --format json)")
def api_storico_unione(request: Request, unione: str) -> Response:
    """In ordine di data: classe, esito, funzioni effettive, conteggi, regole. `unione`: nome (o parte) o codice
    fiscale; nessuna Unione → 404, più Unioni → 422."""
    from avviamento.storico.render import mostra_json

    with aperto(request) as storico:
        valutazioni = cerca(storico, unione)
    return Response(mostra_json(valutazioni), media_type="application/json")
