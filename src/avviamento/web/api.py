"""The JSON API: the CLI's contracts (`avviamento/esito@1`, `avviamento/piano@1`, `avviamento/istruttoria@1`).

Same engine, same composition, same one-line errors as the commands; only `file` is the uploaded file's name.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from avviamento import __version__
from avviamento.web import servizi
from avviamento.web.servizi import ErroreRichiesta

DESCRIZIONE = """Le stesse verifiche della riga di comando, con gli stessi contratti JSON.

Ogni input non utilizzabile (YAML malformato, chiave sconosciuta, data errata, file non UTF-8, bomba di alias,
tag Python, ZIP con voci `../`, file non YAML) → **422** con `{"errore": "<file>:<riga>:<colonna>: <messaggio>"}`,
la stessa riga che stampa la CLI. File oltre il limite (2 MB per file, 50 MB per richiesta, configurabili) → **413**.
Con un token configurato (`serve --token`), ogni richiesta porta `Authorization: Bearer <token>`."""

ERRORE = {
    "content": {"application/json": {"example": {"errore": "profilo.yaml:3:1: chiave sconosciuta 'comuen'"}}}
}
RISPOSTE: dict[int | str, dict[str, Any]] = {
    422: {"description": "Input non utilizzabile: una riga file:riga:colonna: messaggio", **ERRORE},
    413: {"description": "File o richiesta oltre il limite", **ERRORE},
}
TIPI_ATTO = ("convenzione", "delibera", "regolamento", "piano", "partecipazione")

router = APIRouter(prefix="/api", tags=["API"], responses=RISPOSTE)

Profilo = Annotated[UploadFile, File(description="Il profilo YAML dell'Unione.")]
AsOf = Annotated[
    str | None,
    Form(description="Data di valutazione AAAA-MM-GG (predefinita: data_riferimento del profilo)."),
]
Regole = Annotated[
    list[str] | None,
    Form(
        description="Pacchetti di regole inclusi, per id (campo ripetibile, come --rules; il primo dà classe e "
        "funzioni): er-lr21-2012 (predefinito), er-lr15-2018. Un id sconosciuto → 422."
    ),
]


async def _profilo(request: Request, profilo: UploadFile) -> tuple[str, bytes]:
    from avviamento.web.viste import leggi_upload

    return await leggi_upload(request, profilo)


@router.post("/check", summary="Verifica di un profilo (come check --format json)")
async def check(
    request: Request, profilo: Profilo, as_of: AsOf = None, regole: Regole = None
) -> JSONResponse:
    """Il contratto avviamento/esito@1: classe, funzioni, rilievi con fonte, scadenza e rimedi."""
    from avviamento.reporters.json import as_dict

    nome, dati = await _profilo(request, profilo)
    giorno = servizi.data_opzione(as_of, "--as-of")
    packs = servizi.scelta_regole(regole)
    esito = servizi.verifica(servizi.carica(dati, nome), giorno, packs)
    return JSONResponse(as_dict(esito, "it"))


@router.post(
    "/draft",
    summary="Atti che sanano le lacune (come draft), in uno ZIP",
    response_class=Response,
    responses={
        200: {"content": {"application/zip": {}}, "description": "Gli atti .docx, indice.json e indice.md"}
    },
)
async def draft(
    request: Request,
    profilo: Profilo,
    as_of: AsOf = None,
    only: Annotated[
        list[str] | None, Form(description="Solo atti di questo tipo (ripetibile): " + ", ".join(TIPI_ATTO))
    ] = None,
    pdf: Annotated[
        bool, Form(description="Anche i PDF (serve LibreOffice sul server; altrimenti 422).")
    ] = False,
    immediata_eseguibilita: Annotated[
        bool, Form(description="Nelle delibere, l'immediata eseguibilità (TUEL art. 134 c.4).")
    ] = False,
    regole: Regole = None,
) -> Response:
    """Gli stessi file che scrive avviamento draft: gli atti .docx nelle loro cartelle, indice.json, indice.md."""
    from avviamento.draft.writer import soffice

    nome, dati = await _profilo(request, profilo)
    giorno = servizi.data_opzione(as_of, "--as-of")
    packs = servizi.scelta_regole(regole)
    for tipo in only or ():
        if tipo not in TIPI_ATTO:
            raise ErroreRichiesta(
                f"avviamento: valore non valido per '--only': '{tipo}' (ammessi: {', '.join(TIPI_ATTO)})"
            )
    if pdf and soffice() is None:
        raise ErroreRichiesta(
            "avviamento: --pdf: LibreOffice (soffice) non è installato sul server: omettere pdf; nessun file scritto"
        )

    def redigi() -> servizi.Pacchetto:
        caricato = servizi.carica(dati, nome)
        esito = servizi.verifica(caricato, giorno, packs)
        solo = frozenset(only) if only else None
        return servizi.pacchetto(
            caricato, esito, solo=solo, pdf=pdf, immediata=immediata_eseguibilita, pack=packs[0]
        )

    # rendering (and LibreOffice) takes seconds: in a worker thread, so the server keeps answering meanwhile
    risultato = await run_in_threadpool(redigi)
    return Response(
        risultato.zip,
        media_type="application/zip",
        headers={"content-disposition": 'attachment; filename="atti.zip"'},
    )


@router.post("/plan", summary="Cronoprogramma a ritroso (come plan --format json)")
async def plan(
    request: Request,
    profilo: Profilo,
    as_of: AsOf = None,
    deadline: Annotated[
        str | None, Form(description="Scadenza AAAA-MM-GG (predefinita: quella del pacchetto di regole).")
    ] = None,
    immediata_eseguibilita: Annotated[bool, Form(description="Delibere immediatamente eseguibili.")] = False,
    regole: Regole = None,
) -> JSONResponse:
    """Il contratto avviamento/piano@1: per ogni lacuna, i passi datati con chi agisce e la base giuridica."""
    from avviamento.piano.render import as_dict

    nome, dati = await _profilo(request, profilo)
    giorno = servizi.data_opzione(as_of, "--as-of")
    termine = servizi.data_opzione(deadline, "--deadline")
    packs = servizi.scelta_regole(regole)
    caricato = servizi.carica(dati, nome)
    esito = servizi.verifica(caricato, giorno, packs)
    piano = servizi.cronoprogramma(caricato, esito, termine, immediata=immediata_eseguibilita, pack=packs[0])
    return JSONResponse(as_dict(piano, "it"))


@router.post("/review", summary="Istruttoria di più profili (come review --format json)")
async def review(
    request: Request,
    profili: Annotated[
        list[UploadFile], File(description="I profili YAML (campo ripetuto), oppure un unico archivio ZIP.")
    ],
    as_of: Annotated[
        str | None,
        Form(description="Data di valutazione AAAA-MM-GG (predefinita: quella di ciascun profilo)."),
    ] = None,
) -> Response:
    """Il contratto avviamento/istruttoria@1: una riga per profilo (anche non valido) e i rilievi incrociati."""
    from avviamento.review.render.json import render
    from avviamento.web.viste import voci_caricate

    giorno = servizi.data_opzione(as_of, "--as-of")
    voci = await voci_caricate(request, profili)
    esame = await run_in_threadpool(servizi.istruttoria, voci, giorno, con_rilievi=False)
    return Response(render(esame, "it"), media_type="application/json")


@router.get("/schema", summary="JSON Schema del profilo (come schema)")
def schema() -> dict[str, Any]:
    from avviamento.profilo import profile_schema

    return profile_schema()


@router.get("/health", summary="Stato del servizio")
def health() -> dict[str, Any]:
    """{"stato": "ok", "versione": …}."""
    return {"stato": "ok", "versione": __version__}
