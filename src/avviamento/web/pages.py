"""Rendering the pages: one Jinja2 environment (autoescape) and `render`, which adds the CSRF token."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from avviamento.web.sicurezza import CSRF_COOKIE, nuovo_segreto

NAV = [
    ("/", "Profili"),
    ("/profilo/nuovo", "Nuovo profilo"),
    ("/istruttoria", "Istruttoria"),
    ("/storico", "Storico"),
    ("/confronta", "Confronta"),
    ("/api", "API"),
]


@cache
def ambiente() -> Environment:
    env = Environment(
        loader=PackageLoader("avviamento.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from avviamento.web import formati

    env.filters.update(formati.FILTRI)
    return env


def csrf_token(request: Request) -> str:
    """The request's CSRF token: the one in its cookie, or a new one that `render` sets as the cookie."""
    token: str | None = getattr(request.state, "csrf", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or nuovo_segreto()
        request.state.csrf = token
    return token


def render(request: Request, template_name: str, /, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from `templates/`, with `request`, the navigation and `csrf_field()` for its forms."""
    token = csrf_token(request)

    def csrf_field() -> Markup:
        return Markup(f'<input type="hidden" name="csrf" value="{escape(token)}">')

    testo = (
        ambiente()
        .get_template(template_name)
        .render(request=request, nav=NAV, percorso=request.url.path, csrf_field=csrf_field, **context)
    )
    risposta = HTMLResponse(testo, status_code=status_code)
    if request.cookies.get(CSRF_COOKIE) != token:
        risposta.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
    risposta.headers["cache-control"] = "no-store"
    return risposta
