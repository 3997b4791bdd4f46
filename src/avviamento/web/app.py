"""`create_app`: the FastAPI application behind `avviamento serve` (pages, JSON API, static files)."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from avviamento import __version__
from avviamento.draft.writer import ErroreRedazione
from avviamento.errors import InputError
from avviamento.web.servizi import ErroreRichiesta
from avviamento.web.sicurezza import ErroreCsrf, Protezione, verifica_csrf
from avviamento.web.store import ProfileStore

log = logging.getLogger("avviamento.web")

ERRORE_INTERNO = (
    "avviamento: errore interno del server; il problema è stato registrato. Riprovare o segnalarlo."
)


def create_app(
    db_path: Path,
    token: str | None = None,
    max_file_bytes: int = 2_000_000,
    max_request_bytes: int = 50_000_000,
    storico_path: Path | None = None,
) -> FastAPI:
    """`storico_path`: the history store (`serve --storico`); by default `storico.sqlite3` beside `db_path`."""
    from avviamento.storico.db import NOME_FILE
    from avviamento.web import api, profilo_routes, storico_routes, viste

    app = FastAPI(
        title="avviamento",
        version=__version__,
        description=api.DESCRIZIONE,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: the page at /api documents the API
        redoc_url=None,
        dependencies=[Depends(verifica_csrf)],
    )
    app.state.store = ProfileStore(db_path)
    app.state.token = token
    app.state.max_file_bytes = max_file_bytes
    app.state.max_request_bytes = max_request_bytes
    app.state.istruttorie = {}
    app.state.storico = storico_path or db_path.parent / NOME_FILE
    app.add_middleware(Protezione, token=token, max_request_bytes=max_request_bytes)
    app.mount("/static", StaticFiles(packages=[("avviamento.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(storico_routes.api)
    app.include_router(viste.router)
    app.include_router(profilo_routes.router)
    app.include_router(storico_routes.router)
    _gestori(app)
    return app


def solo_host_locali(app: FastAPI) -> None:
    """Without a token, answer only requests addressed to a loopback name: a web page cannot reach this server
    through a domain of its own that resolves to 127.0.0.1 (DNS rebinding)."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]", "::1"])


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _gestori(app: FastAPI) -> None:
    from avviamento.web import viste

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return _errore(request, exc.render("it"), 422)

    @app.exception_handler(ErroreRichiesta)
    async def richiesta(request: Request, exc: ErroreRichiesta) -> Response:
        return _errore(request, exc.riga, exc.stato)

    @app.exception_handler(ErroreRedazione)
    async def redazione(request: Request, exc: ErroreRedazione) -> Response:
        return _errore(request, exc.testo["it"], 422)

    @app.exception_handler(RequestValidationError)
    async def validazione(request: Request, exc: RequestValidationError) -> Response:
        if any(e.get("loc", ("",))[0] == "path" for e in exc.errors()):  # /profili/abc/…
            return _errore(request, "Pagina non trovata.", 404)
        return _errore(request, _riga_validazione(exc), 422)

    @app.exception_handler(ErroreCsrf)
    async def csrf(request: Request, exc: ErroreCsrf) -> Response:
        return _errore(
            request,
            "La richiesta non porta il codice di sicurezza della pagina (scaduto o inviato da un altro sito): "
            "ricaricare la pagina e riprovare.",
            403,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:  # the body could not be parsed (FastAPI's own words are English)
            if "maximum size" in str(exc.detail):
                return _errore(request, "avviamento: un campo della richiesta supera 1 MB: rifiutato", 413)
            return _errore(
                request, "avviamento: richiesta non leggibile: il corpo multipart/form-data non è valido", 422
            )
        testi = {404: "Pagina non trovata.", 405: "Metodo non consentito."}
        return _errore(request, testi.get(exc.status_code, str(exc.detail)), exc.status_code)

    @app.exception_handler(Exception)
    async def interno(request: Request, exc: Exception) -> Response:
        log.exception("errore interno su %s %s", request.method, request.url.path)
        return _errore(request, ERRORE_INTERNO, 500)

    def _errore(request: Request, riga: str, stato: int) -> Response:
        if _api(request):
            return JSONResponse({"errore": riga}, status_code=stato)
        return viste.pagina_errore(request, riga, stato)


def _riga_validazione(exc: RequestValidationError) -> str:
    """FastAPI's own request errors (a missing field, a wrong value) as one line, like the CLI's usage errors."""
    errori = exc.errors()
    if not errori:
        return "avviamento: richiesta non valida"
    primo = errori[0]
    campo = next((str(p) for p in reversed(primo.get("loc", ())) if isinstance(p, str)), "richiesta")
    if primo.get("type") == "missing":
        return f"avviamento: campo «{campo}» mancante nella richiesta"
    if "UploadFile" in str(primo.get("msg", "")):
        return f"avviamento: campo «{campo}» non valido: deve essere un file"
    return f"avviamento: campo «{campo}» non valido: {primo.get('msg', '')}"
