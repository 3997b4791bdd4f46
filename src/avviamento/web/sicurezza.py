"""What guards every request: body limits, the access token, CSRF on pages, security headers.

Pure ASGI middleware, so a body over the limit is refused from its Content-Length before it is read, and one
that lies about its length is cut off while it streams in.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import secrets
from typing import Any

from fastapi import Request
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "avviamento_csrf"
TOKEN_COOKIE = "avviamento_token"
METODI_SICURI = frozenset({"GET", "HEAD", "OPTIONS"})
# Paths reachable without the token: the login page, the stylesheet it uses, the health probe.
LIBERI = ("/accesso", "/static/", "/api/health")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
INTESTAZIONI = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def uguali(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (never `==`)."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode(), b.encode())


def nuovo_segreto() -> str:
    return secrets.token_urlsafe(32)


async def _json(send: Send, stato: int, corpo: dict[str, Any], extra: list[tuple[bytes, bytes]] = []) -> None:  # noqa: B006
    dati = json.dumps(corpo, ensure_ascii=False).encode()
    intestazioni = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(dati)).encode()),
        *INTESTAZIONI,
        *extra,
    ]
    await send({"type": "http.response.start", "status": stato, "headers": intestazioni})
    await send({"type": "http.response.body", "body": dati})


PAGINA_413 = """<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>File troppo grande · avviamento</title>
<link rel="stylesheet" href="/static/avviamento.css"></head><body><main class="contenitore">
<h1>File troppo grande</h1><div class="avviso avviso-errore" role="alert"><p>{testo}</p></div>
<p><a href="/">Torna all'elenco dei profili</a></p></main></body></html>"""


async def _troppo(send: Send, path: str, testo: str) -> None:
    """413 before the body is read: JSON for the API, a short page for a browser form."""
    if path.startswith("/api/"):
        await _json(send, 413, {"errore": f"avviamento: {testo}"}, [(b"connection", b"close")])
        return
    dati = PAGINA_413.format(testo=f"La richiesta supera il limite: {testo}.").encode()
    intestazioni = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(dati)).encode()),
        (b"connection", b"close"),
        *INTESTAZIONI,
    ]
    await send({"type": "http.response.start", "status": 413, "headers": intestazioni})
    await send({"type": "http.response.body", "body": dati})


class Protezione:
    """Security headers on every response; the token when one is configured; the request body limit."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_request_bytes: int) -> None:
        self.app = app
        self.token = token
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limite = self.max_request_bytes
        troppo = f"richiesta oltre il limite di {limite / 1_000_000:g} MB: rifiutata"

        if self.token and not path.startswith(LIBERI) and not self._autorizzato(scope):
            if path.startswith("/api/"):
                await _json(
                    send,
                    401,
                    {"errore": "avviamento: accesso negato: token mancante o errato"},
                    [(b"www-authenticate", b"Bearer")],
                )
            else:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 303,
                        "headers": [(b"location", b"/accesso"), (b"content-length", b"0"), *INTESTAZIONI],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
            return

        dichiarata = dict(scope["headers"]).get(b"content-length")
        if dichiarata is not None:
            try:
                lunghezza = int(dichiarata)
            except ValueError:
                lunghezza = limite + 1
            if lunghezza > limite:
                await _troppo(send, path, troppo)
                return

        stato = {"letti": 0, "oltre": False, "iniziata": False}

        async def ricevi() -> Message:
            messaggio = await receive()
            if messaggio["type"] == "http.request":
                stato["letti"] += len(messaggio.get("body", b""))
                if stato["letti"] > limite:
                    stato["oltre"] = True
                    raise CorpoTroppoGrande
            return messaggio

        async def invia(messaggio: Message) -> None:
            if stato["oltre"]:
                return  # whatever the app answers to a cut-off body, the answer is 413
            if messaggio["type"] == "http.response.start":
                stato["iniziata"] = True
                messaggio = {**messaggio, "headers": [*messaggio.get("headers", []), *INTESTAZIONI]}
            await send(messaggio)

        with contextlib.suppress(CorpoTroppoGrande):
            await self.app(scope, ricevi, invia)
        if stato["oltre"] and not stato["iniziata"]:
            await _troppo(send, path, troppo)

    def _autorizzato(self, scope: Scope) -> bool:
        connessione = HTTPConnection(scope)
        intestazione = connessione.headers.get("authorization", "")
        if intestazione.lower().startswith("bearer ") and uguali(intestazione[7:].strip(), self.token):
            return True
        return not scope["path"].startswith("/api/") and uguali(
            connessione.cookies.get(TOKEN_COOKIE), self.token
        )


class CorpoTroppoGrande(Exception):
    pass


class ErroreCsrf(Exception):
    pass


async def verifica_csrf(request: Request) -> None:
    """Every state-changing page request carries the form token matching its SameSite cookie.

    The JSON API is exempt: it changes no stored state, and with a token configured it needs the bearer header,
    which a cross-site form cannot send.
    """
    if request.method in METODI_SICURI or request.url.path.startswith("/api/"):
        return
    origine = request.headers.get("origin")
    if (
        origine
        and origine != "null"
        and origine.rstrip("/") != f"{request.url.scheme}://{request.url.netloc}"
    ):
        raise ErroreCsrf
    inviato: object = request.headers.get("x-csrf-token")  # a page's own script (fetch) sends it as a header
    if inviato is None:
        inviato = (await request.form()).get("csrf")
    if not isinstance(inviato, str) or not uguali(inviato, request.cookies.get(CSRF_COOKIE)):
        raise ErroreCsrf
