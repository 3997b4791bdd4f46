"""The Profilo pages: a new profile or an edit through the form, an upload to edit, the YAML download."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from avviamento.engine import verifica_funzioni
from avviamento.errors import InputError
from avviamento.web import servizi
from avviamento.web.pages import render
from avviamento.web.profilo_form import (
    Esame,
    aggiungi_riga,
    chiavi_ignorate,
    completa_comuni,
    comuni_regione,
    dati_da_modulo,
    esamina,
    suggerimenti,
    valori_modulo,
    vista_modulo,
)
from avviamento.web.profilo_yaml import scrivi_yaml
from avviamento.web.store import ProfileStore, StoredProfile
from avviamento.yamlio import decode_text, parse_yaml

router = APIRouter(include_in_schema=False)

AGGIUNGI = "_aggiungi"
BASE = "_base"  # the uploaded text the form edits, so its comments survive until it is saved


def _store(request: Request) -> ProfileStore:
    store: ProfileStore = request.app.state.store
    return store


def _salvato(request: Request, id: int) -> StoredProfile:
    salvato = _store(request).get(id)
    if salvato is None:
        raise servizi.ErroreRichiesta("Profilo non trovato: forse è stato eliminato.", 404)
    return salvato


def _pagina(
    request: Request,
    dati: dict[str, Any],
    *,
    salvato: StoredProfile | None = None,
    esame: Esame | None = None,
    base: str | None = None,
    errore: str | None = None,
    avvisi: list[str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    esame = esame or Esame()
    nomi = [c.get("nome") for c in dati.get("comuni") or [] if isinstance(c, dict) and c.get("nome")]
    return render(
        request,
        "profilo.html",
        status_code=status_code,
        salvato=salvato,
        azione=f"/profili/{salvato.id}/modifica" if salvato else "/profilo/nuovo",
        vista=vista_modulo(dati, esame.per_nome()),
        esame=esame,
        comuni_er=comuni_regione(),
        comuni_unione=nomi,
        suggerimenti=suggerimenti(),
        base=base64.b64encode(base.encode("utf-8")).decode("ascii") if base else "",
        errore=errore,
        avvisi=avvisi or [],
    )


@router.get("/profilo/nuovo", response_class=HTMLResponse)
def nuovo(request: Request) -> HTMLResponse:
    return _pagina(request, {"unione": {}, "comuni": [{}]})


@router.post("/profilo/nuovo", response_class=HTMLResponse)
async def salva_nuovo(request: Request) -> Response:
    campi = await _campi(request)
    return _invia(request, campi, None, _base(campi))


@router.post("/profilo/nuovo/carica", response_class=HTMLResponse)
async def carica_da_modificare(request: Request, profilo: Annotated[UploadFile, File()]) -> HTMLResponse:
    """An existing YAML file into the form, even with mistakes: they are shown all at once, to fix here."""
    from avviamento.web.viste import leggi_upload

    nome, contenuto = await leggi_upload(request, profilo)
    try:
        testo = decode_text(contenuto, nome)
        documento = parse_yaml(testo, nome)
    except InputError as exc:
        return _pagina(request, {"unione": {}, "comuni": [{}]}, errore=exc.render("it"), status_code=422)
    if not isinstance(documento.data, dict):
        return _pagina(
            request,
            {"unione": {}, "comuni": [{}]},
            errore=f"{nome}:1:1: il documento deve essere una mappa di chiavi e valori",
            status_code=422,
        )
    ignorate = chiavi_ignorate(documento.data)
    dati = dati_da_modulo(valori_modulo(documento.data).items())
    avvisi = (
        [
            f"Il file {nome} ha chiavi che il profilo non prevede e che non saranno salvate: "
            + ", ".join(f"«{k}»" for k in ignorate)
            + "."
        ]
        if ignorate
        else []
    )
    return _pagina(request, dati, esame=esamina(dati, servizi.regole().catalogo), base=testo, avvisi=avvisi)


@router.get("/profili/{id}/modifica", response_class=HTMLResponse)
def modifica(request: Request, id: int) -> HTMLResponse:
    salvato = _salvato(request, id)
    documento = parse_yaml(salvato.yaml_text, f"profilo-{id}.yaml")
    dati = dati_da_modulo(valori_modulo(documento.data).items())
    return _pagina(request, dati, salvato=salvato)


@router.post("/profili/{id}/modifica", response_class=HTMLResponse)
async def salva_modifica(request: Request, id: int) -> Response:
    salvato = _salvato(request, id)
    return _invia(request, await _campi(request), salvato, salvato.yaml_text)


@router.get("/profili/{id}/yaml")
def scarica_yaml(request: Request, id: int) -> Response:
    from avviamento.draft.atti import slug

    salvato = _salvato(request, id)
    return Response(
        salvato.yaml_text.encode("utf-8"),
        media_type="application/yaml; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{slug(salvato.nome)}.yaml"'},
    )


async def _campi(request: Request) -> list[tuple[str, str]]:
    form = await request.form()
    return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]


def _base(campi: list[tuple[str, str]]) -> str | None:
    testo = next((v for k, v in campi if k == BASE), "")
    if not testo:
        return None
    try:
        base = base64.b64decode(testo, validate=True).decode("utf-8")
        # the field comes back from the browser: it must pass the safe loader (no tags, no alias bombs)
        if isinstance(parse_yaml(base, "base.yaml").data, dict):
            return base
    except (binascii.Error, UnicodeDecodeError, InputError):
        pass
    return None  # a tampered field: the starter text is used instead


def _invia(
    request: Request, campi: list[tuple[str, str]], salvato: StoredProfile | None, base: str | None
) -> Response:
    dati = completa_comuni(dati_da_modulo(campi))
    aggiungi = next((v for k, v in campi if k == AGGIUNGI), None)
    if aggiungi is not None:
        aggiungi_riga(dati, aggiungi)
        return _pagina(request, dati, salvato=salvato, base=base if salvato is None else None)
    pack = servizi.regole()
    esame = esamina(dati, pack.catalogo)
    if not esame.valido:
        return _pagina(
            request,
            dati,
            salvato=salvato,
            esame=esame,
            base=base if salvato is None else None,
            status_code=422,
        )
    nome = str(dati["unione"]["nome"])
    testo = scrivi_yaml(dati, base)
    # the written text is read back exactly as `check` reads a file: what is saved always loads
    verifica_funzioni(servizi.carica(testo.encode("utf-8"), f"{nome}.yaml"), pack)
    id = _store(request).save(nome, testo, salvato.id if salvato else None)
    return RedirectResponse(f"/profili/{id}/verifica", status_code=303)
