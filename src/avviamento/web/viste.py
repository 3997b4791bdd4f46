"""The pages: profiles (list, upload), Verifica, Atti, Cronoprogramma, Istruttoria, access, API docs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from avviamento.errors import InputError
from avviamento.profilo import ProfiloCaricato
from avviamento.web import servizi
from avviamento.web.pages import render
from avviamento.web.servizi import ErroreRichiesta
from avviamento.web.sicurezza import TOKEN_COOKIE, uguali
from avviamento.web.store import ProfileStore, StoredProfile

router = APIRouter(include_in_schema=False)


def pagina_errore(request: Request, riga: str, stato: int) -> HTMLResponse:
    return render(request, "errore.html", status_code=stato, errore=riga, stato=stato)


def _store(request: Request) -> ProfileStore:
    store: ProfileStore = request.app.state.store
    return store


def _profilo(request: Request, id: int) -> tuple[StoredProfile, ProfiloCaricato]:
    salvato = _store(request).get(id)
    if salvato is None:
        raise ErroreRichiesta("Profilo non trovato: forse è stato eliminato.", 404)
    return salvato, servizi.carica(salvato.yaml_text.encode("utf-8"), _nome_file(salvato))


def _nome_file(salvato: StoredProfile) -> str:
    from avviamento.draft.atti import slug

    return f"{slug(salvato.nome)}.yaml"


async def leggi_upload(request: Request, file: UploadFile) -> tuple[str, bytes]:
    """An uploaded file's safe name and bytes; over the per-file limit: 413, read no further."""
    limite: int = request.app.state.max_file_bytes
    nome = servizi.nome_sicuro(file.filename)
    dati = await file.read(limite + 1)
    if len(dati) > limite:
        raise ErroreRichiesta(
            f"{nome}:1:1: file oltre il limite di {limite / 1_000_000:g} MB: rifiutato", 413
        )
    return nome, dati


# --- profiles ---


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return render(request, "home.html", profili=_store(request).all())


@router.post("/profili/carica")
async def carica(request: Request, profilo: Annotated[UploadFile, File()]) -> Response:
    nome, dati = await leggi_upload(request, profilo)
    try:
        caricato = servizi.carica(dati, nome)
    except InputError as exc:
        return render(
            request, "home.html", status_code=422, profili=_store(request).all(), errore=exc.render("it")
        )
    testo = servizi.carica_testo(dati, nome)
    id = _store(request).save(caricato.profilo.unione.nome, testo)
    return RedirectResponse(f"/profili/{id}/verifica", status_code=303)


@router.post("/profili/{id}/elimina")
def elimina(request: Request, id: int) -> Response:
    _store(request).delete(id)
    return RedirectResponse("/", status_code=303)


# --- Verifica ---


@router.get("/profili/{id}/verifica", response_class=HTMLResponse)
def verifica(request: Request, id: int, data: str | None = None) -> HTMLResponse:
    salvato, caricato = _profilo(request, id)
    giorno = servizi.data_opzione(data, "data")
    esito = servizi.verifica(caricato, giorno)
    return render(request, "verifica.html", salvato=salvato, esito=esito, data=data or "")


# --- access (only with a token) ---


@router.get("/accesso", response_class=HTMLResponse)
def accesso(request: Request) -> HTMLResponse:
    return render(request, "accesso.html")


@router.post("/accesso")
def accedi(request: Request, token: Annotated[str, Form()]) -> Response:
    atteso: str | None = request.app.state.token
    if atteso is None or not uguali(token.strip(), atteso):
        return render(request, "accesso.html", status_code=401, errore="Codice di accesso errato.")
    risposta = RedirectResponse("/", status_code=303)
    risposta.set_cookie(
        TOKEN_COOKIE, atteso, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/"
    )
    return risposta
