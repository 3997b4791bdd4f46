"""The pages: profiles (list, upload), Verifica, Atti, Cronoprogramma, Istruttoria, access, API docs."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from avviamento.draft.atti import Atto
from avviamento.draft.writer import soffice
from avviamento.errors import InputError
from avviamento.esito import Esito
from avviamento.profilo import ProfiloCaricato
from avviamento.regole import RulePack
from avviamento.review.istruttoria import Istruttoria
from avviamento.web import linea_tempo, servizi
from avviamento.web.pages import render
from avviamento.web.servizi import ErroreRichiesta
from avviamento.web.sicurezza import TOKEN_COOKIE, uguali
from avviamento.web.store import ProfileStore, StoredProfile

if TYPE_CHECKING:
    from avviamento.piano.scheduler import Piano

router = APIRouter(include_in_schema=False)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_ISTRUTTORIE = 20
# the choice on the Verifica page: the bundled packs' ids (servizi.scelta_regole refuses any other)
SCELTE_REGOLE = (
    ("er-lr21-2012", "LR 21/2012 — funzioni delle Unioni"),
    ("er-lr15-2018", "LR 15/2018 — processi partecipativi"),
    ("er-lr21-2012,er-lr15-2018", "Entrambe: LR 21/2012 e LR 15/2018"),
)
Regole = Annotated[list[str] | None, Query()]


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
    return render(
        request,
        "home.html",
        profili=_store(request).all(),
        sintesi=_sintesi(_store(request)),
        scelte_regole=SCELTE_REGOLE,
        regole=servizi.regole().id,
    )


def _sintesi(store: ProfileStore) -> dict[int, Esito | str]:
    """Each stored profile's evaluation at its reference date, or the line that says why it cannot be read."""
    esiti: dict[int, Esito | str] = {}
    for salvato in store.all():
        try:
            esiti[salvato.id] = servizi.verifica(
                servizi.carica(salvato.yaml_text.encode("utf-8"), _nome_file(salvato)), None
            )
        except InputError as exc:
            esiti[salvato.id] = exc.render("it")
    return esiti


@router.post("/profili/carica")
async def carica(
    request: Request, profilo: Annotated[UploadFile, File()], regole: Annotated[str | None, Form()] = None
) -> Response:
    _packs, ids = scelta([regole] if regole else None)  # an unknown id: the error page, nothing saved
    nome, dati = await leggi_upload(request, profilo)
    try:
        caricato = servizi.carica(dati, nome)
    except InputError as exc:
        store = _store(request)
        return render(
            request,
            "home.html",
            status_code=422,
            profili=store.all(),
            sintesi=_sintesi(store),
            errore=exc.render("it"),
            scelte_regole=SCELTE_REGOLE,
            regole=ids or servizi.regole().id,
        )
    testo = servizi.carica_testo(dati, nome)
    id = _store(request).save(caricato.profilo.unione.nome, testo)
    return RedirectResponse(f"/profili/{id}/verifica?{coda(regole=ids)}".removesuffix("?"), status_code=303)


@router.get("/profili/{id}/elimina", response_class=HTMLResponse)
def conferma_elimina(request: Request, id: int) -> HTMLResponse:
    """Deleting is final: a page asks first (no script needed)."""
    salvato = _store(request).get(id)
    if salvato is None:
        raise ErroreRichiesta("Profilo non trovato: forse è stato eliminato.", 404)
    return render(request, "elimina.html", salvato=salvato)


@router.post("/profili/{id}/elimina")
def elimina(request: Request, id: int) -> Response:
    _store(request).delete(id)
    return RedirectResponse("/", status_code=303)


# --- Verifica ---


def scelta(regole: list[str] | None) -> tuple[list[RulePack], str]:
    """The packs a page's query names (`regole`), and the value that keeps the choice in its links and forms:
    empty for the default pack, so the default pages' links stay as they were."""
    packs = servizi.scelta_regole(regole)
    ids = ",".join(p.id for p in packs)
    return packs, "" if ids == servizi.regole().id else ids


def coda(**parametri: str) -> str:
    """The query string of a page's links: only the parameters that are set."""
    return urlencode({k: v for k, v in parametri.items() if v})


@router.get("/profili/{id}/verifica", response_class=HTMLResponse)
def verifica(request: Request, id: int, data: str | None = None, regole: Regole = None) -> HTMLResponse:
    salvato, caricato = _profilo(request, id)
    giorno = servizi.data_opzione(data, "«data di valutazione»")
    packs, ids = scelta(regole)
    esito = servizi.verifica(caricato, giorno, packs)
    return render(
        request,
        "verifica.html",
        salvato=salvato,
        esito=esito,
        data=data or "",
        regole=ids or servizi.regole().id,
        scelta_regole=ids,
        scelte_regole=SCELTE_REGOLE,
        coda=coda(data=data or "", regole=ids),
    )


@router.get("/profili/{id}/rapporto.{formato}")
def rapporto(
    request: Request, id: int, formato: str, data: str | None = None, regole: Regole = None
) -> Response:
    """The report as `check --format html|json|markdown` writes it, to attach to an email."""
    from avviamento.reporters import Formato, renderer

    tipi = {"html": "text/html", "json": "application/json", "md": "text/markdown"}
    if formato not in tipi:
        raise ErroreRichiesta("Formato non disponibile: html, json o md.", 404)
    salvato, caricato = _profilo(request, id)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"), scelta(regole)[0])
    testo = renderer(Formato("markdown" if formato == "md" else formato))(esito, "it")
    nome = f"verifica-{_nome_file(salvato).removesuffix('.yaml')}.{formato}"
    return _scaricamento(testo.encode("utf-8"), nome, f"{tipi[formato]}; charset=utf-8")


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


# --- Atti ---


def descrizione_atto(atto: Atto, esito: Esito) -> str:
    funzione = esito.etichette.get(atto.funzione or "", {}).get("it", atto.funzione or "")
    if atto.tipo == "convenzione":
        return f"Convenzione di conferimento — {funzione}"
    if atto.tipo == "delibera":
        return f"Deliberazione del Consiglio comunale di {atto.comune} — {funzione}"
    from avviamento.reporters.common import rimedi_testo

    testo = rimedi_testo((f"{atto.tipo}:{atto.oggetto}",), esito, "it")
    return testo[:1].upper() + testo[1:]


def _cura(atto: Atto, rimedio: str) -> bool:
    tipo, _, oggetto = rimedio.partition(":")
    return atto.tipo == tipo and oggetto in (atto.funzione, atto.oggetto)


@router.get("/profili/{id}/atti", response_class=HTMLResponse)
def atti(
    request: Request, id: int, data: str | None = None, rimedio: str | None = None, regole: Regole = None
) -> HTMLResponse:
    salvato, caricato = _profilo(request, id)
    packs, ids = scelta(regole)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"), packs)
    elenco = servizi.atti_di(caricato, esito)
    scelti = {a.file for a in elenco if not rimedio or _cura(a, rimedio)}
    voci = [(a, descrizione_atto(a, esito), a.file in scelti) for a in elenco]
    return render(
        request,
        "atti.html",
        salvato=salvato,
        esito=esito,
        voci=voci,
        data=data or "",
        rimedio=rimedio,
        pdf_disponibile=soffice() is not None,
        scelta_regole=ids,
        coda=coda(data=data or "", regole=ids),
    )


@router.get("/profili/{id}/atti/documento")
def documento(
    request: Request,
    id: int,
    file: str,
    data: str | None = None,
    immediata: bool = False,
    regole: Regole = None,
) -> Response:
    _, caricato = _profilo(request, id)
    packs, _ids = scelta(regole)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"), packs)
    scelto = tuple(a for a in servizi.atti_di(caricato, esito) if a.file == file)
    if not scelto:
        raise ErroreRichiesta(
            "Atto non trovato: la verifica non lo richiede più (ricaricare la pagina Atti).", 404
        )
    dati = servizi.documenti(caricato, esito, scelto, immediata=immediata, pack=packs[0])[file]
    return _scaricamento(dati, file.rsplit("/", 1)[-1], DOCX)


@router.get("/profili/{id}/atti/pacchetto.zip")
def pacchetto(
    request: Request,
    id: int,
    file: Annotated[list[str] | None, Query()] = None,
    data: str | None = None,
    pdf: bool = False,
    immediata: bool = False,
    regole: Regole = None,
) -> Response:
    salvato, caricato = _profilo(request, id)
    if not file:
        raise ErroreRichiesta("Nessun atto selezionato: scegliere almeno un atto da redigere.")
    packs, _ids = scelta(regole)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"), packs)
    risultato = servizi.pacchetto(
        caricato, esito, scelti=frozenset(file), pdf=pdf, immediata=immediata, pack=packs[0]
    )
    return _scaricamento(
        risultato.zip, f"atti-{_nome_file(salvato).removesuffix('.yaml')}.zip", "application/zip"
    )


# --- Cronoprogramma ---


@router.get("/profili/{id}/cronoprogramma", response_class=HTMLResponse)
def cronoprogramma(
    request: Request,
    id: int,
    data: str | None = None,
    scadenza: str | None = None,
    immediata: bool = False,
    regole: Regole = None,
) -> HTMLResponse:
    from avviamento.piano.render import fonte_testo, giorno_esteso, messaggio, ritardo_testo

    salvato, piano, ids = _piano(request, id, data, scadenza, immediata, regole)
    return render(
        request,
        "cronoprogramma.html",
        salvato=salvato,
        piano=piano,
        sintesi=messaggio(piano, "it"),
        svg=linea_tempo.svg(piano),
        giorno_esteso=lambda g: giorno_esteso(g, "it"),
        fonte_passo=lambda p: fonte_testo(p, "it"),
        ritardo=lambda p: ritardo_testo(p, "it"),
        data=data or "",
        scadenza=scadenza or "",
        immediata=immediata,
        scelta_regole=ids,
    )


@router.get("/profili/{id}/cronoprogramma.ics")
def calendario(
    request: Request,
    id: int,
    data: str | None = None,
    scadenza: str | None = None,
    immediata: bool = False,
    regole: Regole = None,
) -> Response:
    from avviamento.piano.ics import calendario as ics

    salvato, piano, _ids = _piano(request, id, data, scadenza, immediata, regole)
    nome = f"cronoprogramma-{_nome_file(salvato).removesuffix('.yaml')}.ics"
    return _scaricamento(ics(piano, "it"), nome, "text/calendar; charset=utf-8")


def _piano(
    request: Request, id: int, data: str | None, scadenza: str | None, immediata: bool, regole: Regole
) -> tuple[StoredProfile, Piano, str]:
    """The stored profile, its plan with the chosen packs (the first drives it) and their ids: page and .ics."""
    salvato, caricato = _profilo(request, id)
    packs, ids = scelta(regole)
    esito = servizi.verifica(caricato, servizi.data_opzione(data, "«data di valutazione»"), packs)
    piano = servizi.cronoprogramma(
        caricato, esito, servizi.data_opzione(scadenza, "«scadenza»"), immediata=immediata, pack=packs[0]
    )
    return salvato, piano, ids


# --- Istruttoria ---


@router.get("/istruttoria", response_class=HTMLResponse)
def istruttoria(request: Request) -> HTMLResponse:
    return render(request, "istruttoria.html", istruttoria=None, **_tabelle_istruttoria())


@router.post("/istruttoria", response_class=HTMLResponse)
async def istruisci(
    request: Request,
    profili: Annotated[list[UploadFile], File()],
    data: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    voci = await voci_caricate(request, profili)
    esame = await run_in_threadpool(
        servizi.istruttoria, voci, servizi.data_opzione(data, "«data di valutazione»")
    )
    chiave = _conserva(request, esame)
    return render(
        request,
        "istruttoria.html",
        istruttoria=esame,
        chiave=chiave,
        data=data or "",
        **_tabelle_istruttoria(),
    )


def _tabelle_istruttoria() -> dict[str, Any]:
    from avviamento.classi import RANGO
    from avviamento.review.render.common import t

    tipi = ("comune_in_piu_unioni", "unione_duplicata", "versioni_unione", "classe_dichiarata_superiore")
    return {"rango": RANGO, "tipi_incrociati": {k: t(f"tipo.{k}", "it") for k in tipi}}


@router.get("/istruttoria/{chiave}.{formato}")
def istruttoria_file(request: Request, chiave: str, formato: str) -> Response:
    from avviamento.review.render import csv, json

    esame = request.app.state.istruttorie.get(chiave)
    if esame is None or formato not in ("csv", "json"):
        raise ErroreRichiesta("Istruttoria non più disponibile: caricare di nuovo i profili.", 404)
    if formato == "csv":
        return _scaricamento(csv.render(esame, "it", bom=True).encode("utf-8"), "istruttoria.csv", "text/csv")
    return _scaricamento(json.render(esame, "it").encode("utf-8"), "istruttoria.json", "application/json")


async def voci_caricate(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """The uploaded profiles, or the profiles inside one uploaded ZIP, as (name, bytes)."""
    voci: list[tuple[str, bytes]] = []
    for file in files:
        nome, dati = await leggi_upload(request, file)
        if servizi.e_zip(nome, dati):
            limiti = request.app.state.max_file_bytes, request.app.state.max_request_bytes
            voci.extend(servizi.voci_zip(dati, nome, *limiti))
        elif dati or nome != "profilo.yaml":  # a file input left empty sends one nameless empty part
            voci.append((nome, dati))
    if not voci:
        raise ErroreRichiesta(
            "avviamento: nessun profilo caricato: scegliere uno o più file .yaml, o un file .zip"
        )
    return voci


def _conserva(request: Request, esame: Istruttoria) -> str:
    """The last reviews stay in memory (not on disk) for their CSV and JSON downloads."""
    archivio: dict[str, Istruttoria] = request.app.state.istruttorie
    chiave = secrets.token_urlsafe(16)
    archivio[chiave] = esame
    while len(archivio) > MAX_ISTRUTTORIE:
        del archivio[next(iter(archivio))]
    return chiave


# --- API docs ---


@router.get("/api", response_class=HTMLResponse)
def documentazione(request: Request) -> HTMLResponse:
    return render(request, "api.html", schema=request.app.openapi())


def _scaricamento(dati: bytes, nome: str, tipo: str) -> Response:
    return Response(
        dati,
        media_type=tipo,
        headers={
            "content-disposition": f"attachment; filename*=UTF-8''{quote(nome)}",
            "cache-control": "no-store",
        },
    )
