"""The engine as the web uses it: the CLI's composition (rules → profile → evaluate → report), from bytes.

Uploaded files never touch the disk here, except the acts LibreOffice converts to PDF, in a private temporary
folder removed at once. Every bad input raises InputError (`file:riga:colonna: messaggio`) or ErroreRichiesta.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from avviamento.draft.atti import Atto
from avviamento.draft.indice import indice_docx, indice_json, indice_md
from avviamento.draft.redazione import Opzioni, carica_modelli, pianifica, rendi_in_memoria
from avviamento.draft.writer import Ambiente, converti_pdf, soffice
from avviamento.engine import evaluate_packs
from avviamento.errors import InputError, data_opzione_errata, una_riga
from avviamento.esito import Esito
from avviamento.piano.scheduler import Piano, scadenza_indicata, scadenza_predefinita
from avviamento.piano.scheduler import pianifica as pianifica_passi
from avviamento.profilo import ProfiloCaricato, parse_data, validate_profile
from avviamento.regole import RulePack, load_pack_cached
from avviamento.review.batch import ESTENSIONI, componi, valuta
from avviamento.review.istruttoria import Istruttoria
from avviamento.risorse import bundled_packs, default_rules, templates_dir
from avviamento.yamlio import Document, decode_text, parse_yaml

MAX_VOCI_ZIP = 500


class ErroreRichiesta(Exception):
    """A request the server refuses: one line for the user, and the HTTP status (422 or 413)."""

    def __init__(self, riga: str, stato: int = 422) -> None:
        self.riga = riga
        self.stato = stato
        super().__init__(riga)


def regole() -> RulePack:
    """The bundled pack, parsed once per process (as the CLI's load_rules)."""
    return load_pack_cached(default_rules())


def pacchetti_inclusi() -> list[RulePack]:
    """Every bundled pack, the default (LR 21/2012) first: the only packs a request may name."""
    return [load_pack_cached(percorso) for percorso in bundled_packs()]


def scelta_regole(ids: Sequence[str] | None) -> list[RulePack]:
    """The bundled packs named by id (repeated, or comma-separated), in the order given, as repeated `--rules`;
    none named: the default pack. Never a path: an id that is not a bundled pack's is refused."""
    inclusi = {pack.id: pack for pack in pacchetti_inclusi()}
    scelti = list(dict.fromkeys(i.strip() for voce in ids or () for i in voce.split(",") if i.strip()))
    for id in scelti:
        if id not in inclusi:
            mostrato, ammessi = una_riga(id[:80]), ", ".join(inclusi)
            raise ErroreRichiesta(
                f"avviamento: valore non valido per 'regole': '{mostrato}' (ammessi: {ammessi})"
            )
    return [inclusi[id] for id in scelti] or [regole()]


def nome_sicuro(nome: str | None, predefinito: str = "profilo.yaml") -> str:
    """An uploaded file's name as a label: its last part, printable, short; never a path."""
    ultimo = PurePosixPath((nome or "").replace("\\", "/")).name
    pulito = re.sub(r"[\x00-\x1f\x7f]", "", ultimo).strip()[:120]
    return pulito if pulito not in ("", ".", "..") else predefinito


def data_opzione(valore: str | None, opzione: str) -> dt.date | None:
    """A date field (`as_of`, `deadline`), with the CLI's message for a bad one."""
    if valore is None or not valore.strip():
        return None
    from pydantic_core import PydanticCustomError

    try:
        return parse_data(valore.strip())
    except PydanticCustomError as exc:
        testo = data_opzione_errata(exc.type, exc.context, valore.strip(), opzione)
        raise ErroreRichiesta(f"avviamento: {testo['it']}") from None


def carica(dati: bytes, nome: str) -> ProfiloCaricato:
    """An uploaded or stored profile, exactly as `check` loads a file."""
    return validate_profile(parse_yaml(decode_text(dati, nome), nome))


def verifica(
    caricato: ProfiloCaricato, giorno: dt.date | None, packs: Sequence[RulePack] | None = None
) -> Esito:
    """`check` with the given packs (default: the bundled LR 21/2012 one): the first gives class and functions."""
    return evaluate_packs(caricato, list(packs or [regole()]), giorno)


def atti_di(caricato: ProfiloCaricato, esito: Esito, solo: frozenset[str] | None = None) -> tuple[Atto, ...]:
    """The acts `draft` would write for the open gaps."""
    return pianifica(caricato.profilo, esito, solo).atti


@dataclass(frozen=True)
class Pacchetto:
    zip: bytes
    atti: tuple[Atto, ...]
    pdf: bool


def documenti(
    caricato: ProfiloCaricato,
    esito: Esito,
    atti: tuple[Atto, ...],
    *,
    immediata: bool = False,
    pack: RulePack | None = None,
) -> dict[str, bytes]:
    """The .docx of each act, in memory, rendered as `draft` renders them (sandbox, autoescape), with the first
    pack chosen (default: the bundled LR 21/2012 one)."""
    ambiente = Ambiente()
    sorgenti = carica_modelli(atti, templates_dir(), ambiente)
    opzioni = Opzioni(out=Path("."), modelli=templates_dir(), immediata_eseguibilita=immediata)
    return rendi_in_memoria(atti, sorgenti, caricato.profilo, pack or regole(), esito, opzioni, ambiente)


def pacchetto(
    caricato: ProfiloCaricato,
    esito: Esito,
    *,
    solo: frozenset[str] | None = None,
    scelti: frozenset[str] | None = None,
    pdf: bool = False,
    immediata: bool = False,
    pack: RulePack | None = None,
) -> Pacchetto:
    """The files `draft` writes (acts, indice.json, indice.docx, indice.md; PDFs when asked and LibreOffice exists), zipped."""
    atti = tuple(a for a in atti_di(caricato, esito, solo) if scelti is None or a.file in scelti)
    resi = documenti(caricato, esito, atti, immediata=immediata, pack=pack)
    eseguibile = soffice() if pdf else None
    pdfs = _pdf(resi, eseguibile) if eseguibile else {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archivio:
        for relativo, dati in [*resi.items(), *pdfs.items()]:
            archivio.writestr(relativo, dati)
        archivio.writestr("indice.json", indice_json(atti))
        archivio.writestr("indice.docx", indice_docx(atti, esito))
        archivio.writestr("indice.md", indice_md(atti, esito, "it"))
    return Pacchetto(buffer.getvalue(), atti, bool(pdfs))


def _pdf(resi: dict[str, bytes], eseguibile: str) -> dict[str, bytes]:
    pdf = converti_pdf([(Path(r).name, dati) for r, dati in resi.items()], eseguibile)
    return {r.removesuffix(".docx") + ".pdf": dati for r, dati in zip(resi, pdf, strict=True)}


def cronoprogramma(
    caricato: ProfiloCaricato,
    esito: Esito,
    termine: dt.date | None,
    *,
    immediata: bool = False,
    pack: RulePack | None = None,
) -> Piano:
    """`plan` with the first pack chosen (default: LR 21/2012); LR 15/2018 plans the participatory processes."""
    from avviamento.piano.partecipazione import e_partecipazione, pianifica_partecipazione

    pack = pack or regole()
    if e_partecipazione(pack):
        return pianifica_partecipazione(caricato.profilo, pack, esito, termine)
    scadenza = scadenza_indicata(termine) if termine else scadenza_predefinita(pack, esito.data_valutazione)
    if scadenza is None:
        raise ErroreRichiesta(
            "avviamento: deadline: il pacchetto di regole non ha una scadenza del programma in vigore: indicarla"
        )
    return pianifica_passi(caricato.profilo, pack, esito, scadenza, immediata=immediata)


def istruttoria(
    voci: Sequence[tuple[str, bytes]], giorno: dt.date | None, *, con_rilievi: bool = True
) -> Istruttoria:
    """`review` of uploaded files: one row each (a broken file is a row), then the cross-checks."""
    pack = regole()
    righe = [valuta(nome, _lettore(dati, nome), pack, giorno, con_rilievi=con_rilievi) for nome, dati in voci]
    return componi(righe, pack, giorno)


def _lettore(dati: bytes, nome: str) -> Callable[[], Document]:
    return lambda: parse_yaml(decode_text(dati, nome), nome)


def voci_zip(dati: bytes, nome: str, max_file: int, max_totale: int) -> list[tuple[str, bytes]]:
    """The .yaml/.yml profiles inside an uploaded ZIP, read in memory with bounded reads.

    Refused: entries escaping the archive (`../`, absolute paths), symlinks, encrypted entries, more than
    MAX_VOCI_ZIP entries (422); an entry over `max_file` or a total over `max_totale` (413).
    """
    try:
        archivio = zipfile.ZipFile(io.BytesIO(dati))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            nome, 1, 1, {"it": "archivio ZIP non leggibile", "en": "unreadable ZIP archive"}
        ) from None
    voci: list[tuple[str, bytes]] = []
    totale = 0
    with archivio:
        elenco = archivio.infolist()
        if len(elenco) > MAX_VOCI_ZIP:
            raise ErroreRichiesta(f"{nome}:1:1: l'archivio contiene più di {MAX_VOCI_ZIP} voci: rifiutato")
        for info in elenco:
            interno = info.filename.replace("\\", "/")
            parti = PurePosixPath(interno).parts
            if interno.startswith("/") or ".." in parti or re.match(r"^[A-Za-z]:", interno):
                raise ErroreRichiesta(f"{nome}:1:1: voce «{interno}» fuori dall'archivio: rifiutato")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ErroreRichiesta(f"{nome}:1:1: voce «{interno}» è un collegamento simbolico: rifiutato")
            if info.is_dir() or not interno.lower().endswith(ESTENSIONI):
                continue
            if any(p.startswith(".") or p == "__MACOSX" for p in parti):
                continue
            if info.flag_bits & 0x1:
                raise ErroreRichiesta(f"{nome}:1:1: voce «{interno}» cifrata: rifiutato")
            with archivio.open(info) as fh:
                contenuto = fh.read(max_file + 1)
            if len(contenuto) > max_file:
                raise ErroreRichiesta(f"{nome}:1:1: voce «{interno}» oltre {_mb(max_file)}: rifiutato", 413)
            totale += len(contenuto)
            if totale > max_totale:
                raise ErroreRichiesta(
                    f"{nome}:1:1: contenuto dell'archivio oltre {_mb(max_totale)}: rifiutato", 413
                )
            voci.append((f"{nome}/{interno}", contenuto))
    if not voci:
        raise ErroreRichiesta(f"{nome}:1:1: nessun profilo .yaml o .yml nell'archivio")
    return voci


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def e_zip(nome: str, dati: bytes) -> bool:
    return nome.lower().endswith(".zip") or dati.startswith(b"PK\x03\x04")


def carica_testo(dati: bytes, nome: str) -> str:
    """The uploaded text as stored (already validated by `carica`)."""
    return decode_text(dati, nome)
