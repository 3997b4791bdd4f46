"""Which acts cure the open gaps, from which template, into which file.

Only open gaps at the evaluation date: one convenzione per declared function not yet effective, with the
deliberation of the Consiglio dell'Unione that approves it; one council deliberation per Comune that has not
conferred it (per member Comune, when the convenzione is already signed: the new one replaces it and every
council approves it); the regolamenti and plans that open findings ask for, each with the deliberation that
adopts it. Functions the profile does not declare are not drafted, even when a remedy names them.
With the pack of LR 15/2018, the acts of each participatory process that its open findings ask for (see
`draft.partecipazione.RIMEDI`), and the Patto per lo sviluppo once the strategic plan is approved.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal, cast

from avviamento.checks.common import campo_data
from avviamento.draft import partecipazione
from avviamento.draft.contesto import PIANI, REGOLAMENTI, Adozione
from avviamento.esito import Esito, StatoFunzione
from avviamento.profilo import Profilo

Tipo = Literal[
    "convenzione",
    "delibera",
    "delibera_unione",
    "regolamento",
    "piano",
    "adozione",
    "impegno",
    "tavolo",
    "docpp",
    "relazione_finale",
    "presa_atto",
    "patto",
]
# the acts of a participatory process, in the order of the process, then the Patto per lo sviluppo
PARTECIPAZIONE: tuple[Tipo, ...] = ("impegno", "tavolo", "docpp", "relazione_finale", "presa_atto", "patto")
# also the order of adoption: the councils, then the Consiglio dell'Unione; the regolamenti and plans, then the
# deliberations adopting them
TIPI: tuple[Tipo, ...] = (
    "convenzione",
    "delibera",
    "delibera_unione",
    "regolamento",
    "piano",
    "adozione",
    *PARTECIPAZIONE,
)

MODELLO_CONVENZIONE = "convenzioni/convenzione.docx"
MODELLO_DELIBERA = "convenzioni/delibera_consiglio_comunale.docx"
MODELLO_DELIBERA_UNIONE = "delibere/delibera_consiglio_unione.docx"
MODELLO_ADOZIONE = "delibere/delibera_adozione.docx"
CARTELLE: dict[Tipo, str] = {
    "convenzione": "convenzioni",
    "delibera": "delibere",
    "delibera_unione": "delibere",
    "regolamento": "regolamenti",
    "piano": "piani",
    "adozione": "delibere",
    **dict.fromkeys(PARTECIPAZIONE, "partecipazione"),
}


def modelli() -> dict[str, Tipo]:
    """Every template `draft` uses, by path relative to the templates folder, with the kind of its context."""
    out: dict[str, Tipo] = {
        MODELLO_CONVENZIONE: "convenzione",
        MODELLO_DELIBERA: "delibera",
        MODELLO_DELIBERA_UNIONE: "delibera_unione",
        MODELLO_ADOZIONE: "adozione",
    }
    out.update({f"regolamenti/{codice}.docx": "regolamento" for codice in REGOLAMENTI})
    out.update({f"piani/{codice}.docx": "piano" for codice in PIANI})
    out.update({partecipazione.MODELLI[tipo]: tipo for tipo in PARTECIPAZIONE})
    return out


@dataclass(frozen=True)
class Atto:
    """One document to draft."""

    tipo: Tipo
    modello: str  # the template, relative to the templates folder
    file: str  # the output, relative to --out (POSIX separators)
    rilievi: tuple[str, ...]  # codes of the open findings it cures
    funzione: str | None = None
    comune: str | None = None
    indice_comune: int | None = None
    oggetto: str | None = None  # the regolamento or plan code; the title of a participatory process
    processo: int | None = None  # its position in the profile's `processi_partecipativi`


@dataclass(frozen=True)
class Selezione:
    atti: tuple[Atto, ...]
    senza_modello: tuple[str, ...]  # remedies the bundled templates do not cover (e.g. `regolamento:foo`)


def slug(testo: str, massimo: int = 48) -> str:
    """A file-name part from data: ASCII letters, digits, `_` and `-` only; never empty, never a path."""
    ascii_ = unicodedata.normalize("NFKD", testo).encode("ascii", "ignore").decode()
    pulito = re.sub(r"[^a-z0-9_]+", "-", ascii_.casefold()).strip("-_")
    return pulito[:massimo].strip("-_") or "senza-nome"


def _slug_comuni(nomi: list[str]) -> list[str]:
    """One distinct slug per Comune, even for names that sanitise alike (`Sant'Agata`, `Sant Agata`): the first
    keeps the plain slug, the others take the first free `-2`, `-3`, … that no other Comune's slug already is
    (`Sant Agata 2` keeps `sant-agata-2`), in the profile's order, so every run names the files alike."""
    basi = [slug(nome) for nome in nomi]
    riservati = set(basi)
    usati: set[str] = set()
    out: list[str] = []
    for base in basi:
        scelto, n = base, 1
        while scelto in usati:
            n += 1
            scelto = f"{base}-{n}"
            if scelto in riservati:
                scelto = base  # another Comune's own slug: try the next number
        usati.add(scelto)
        out.append(scelto)
    return out


def _file_unici(atti: list[Atto]) -> list[Atto]:
    """No two acts of a run share a file, whatever the data (function codes of a custom pack may slug alike):
    a later act that would overwrite an earlier one takes the first free `-2`, `-3`, … before `.docx`."""
    tutti = {a.file for a in atti}
    usati: set[str] = set()
    out: list[Atto] = []
    for atto in atti:
        file, n = atto.file, 1
        radice = file.removesuffix(".docx")
        while file in usati:
            n += 1
            file = f"{radice}-{n}.docx"
            if file in tutti:
                file = atto.file
        usati.add(file)
        out.append(atto if file == atto.file else replace(atto, file=file))
    return out


def _rilievi(esito: Esito, rimedio: str, comune: str | None = None) -> tuple[str, ...]:
    codici = {
        r.regola
        for r in esito.rilievi
        if r.aperto and rimedio in r.rimedi and (comune is None or not r.comuni or comune in r.comuni)
    }
    return tuple(sorted(codici))


def seleziona(
    esito: Esito,
    nomi_comuni: list[str],
    solo: frozenset[str] | None = None,
    sostitutive: frozenset[str] = frozenset(),
    profilo: Profilo | None = None,
) -> Selezione:
    """The acts to draft, in a stable order: convenzioni, delibere (by Comune), the Union's deliberations,
    regolamenti, plans, their adoption, then the acts of the participatory processes (they need `profilo`).
    `sostitutive`: functions whose convenzione is signed already. `solo` names the kinds of the CLI: «delibera»
    includes the Union's, «regolamento» and «piano» their adoption, «partecipazione» every act of LR 15/2018."""
    scelti: set[str] = set(solo or TIPI)
    if "partecipazione" in scelti:
        scelti.update(PARTECIPAZIONE)
    if "delibera" in scelti:
        scelti.add("delibera_unione")
    if scelti & {"regolamento", "piano"}:
        scelti.add("adozione")
    slugs = _slug_comuni(nomi_comuni)
    atti: list[Atto] = []
    funzioni: list[StatoFunzione] = []  # a function declared twice is drafted once, as first declared
    for stato in esito.funzioni:
        if all(f.codice != stato.codice for f in funzioni):
            funzioni.append(stato)
    if "convenzione" in scelti:
        for f in funzioni:
            if not f.effettiva:
                atti.append(
                    Atto(
                        "convenzione",
                        MODELLO_CONVENZIONE,
                        f"convenzioni/convenzione_{slug(f.codice)}.docx",
                        _rilievi(esito, f"convenzione:{f.codice}"),
                        funzione=f.codice,
                    )
                )
    if "delibera" in scelti:
        for i, nome in enumerate(nomi_comuni):
            for f in funzioni:
                if nome in f.comuni_mancanti or (f.codice in sostitutive and not f.effettiva):
                    atti.append(
                        Atto(
                            "delibera",
                            MODELLO_DELIBERA,
                            f"delibere/delibera_{slugs[i]}_{slug(f.codice)}.docx",
                            _rilievi(esito, f"delibera:{f.codice}", nome),
                            funzione=f.codice,
                            comune=nome,
                            indice_comune=i,
                        )
                    )
    if "delibera_unione" in scelti:
        for f in funzioni:
            if not f.effettiva:
                atti.append(
                    Atto(
                        "delibera_unione",
                        MODELLO_DELIBERA_UNIONE,
                        f"delibere/consiglio_unione_{slug(f.codice)}.docx",
                        _rilievi(esito, f"convenzione:{f.codice}"),
                        funzione=f.codice,
                    )
                )
    senza_modello: list[str] = []
    cataloghi: tuple[tuple[Tipo, dict[str, Adozione]], ...] = (("regolamento", REGOLAMENTI), ("piano", PIANI))
    for tipo, catalogo in cataloghi:
        if tipo not in scelti:
            continue
        richiesti = [
            rimedio
            for r in esito.rilievi
            if r.aperto
            for rimedio in r.rimedi
            if rimedio.startswith(f"{tipo}:")
        ]
        for rimedio in dict.fromkeys(richiesti):
            codice = rimedio.partition(":")[2]
            if codice not in catalogo:
                senza_modello.append(rimedio)
                continue
            cartella = CARTELLE[tipo]
            nome_file = f"regolamento_{slug(codice)}" if tipo == "regolamento" else slug(codice)
            atti.append(
                Atto(
                    tipo,
                    f"{cartella}/{codice}.docx",
                    f"{cartella}/{nome_file}.docx",
                    _rilievi(esito, rimedio),
                    oggetto=codice,
                )
            )
            if "adozione" in scelti:
                atti.append(
                    Atto(
                        "adozione",
                        MODELLO_ADOZIONE,
                        f"delibere/adozione_{slug(codice)}.docx",
                        _rilievi(esito, rimedio),
                        oggetto=codice,
                    )
                )
    if profilo is not None:
        atti += [a for a in _partecipazione(esito, profilo) if a.tipo in scelti]
    atti.sort(key=lambda a: TIPI.index(a.tipo))
    return Selezione(tuple(_file_unici(atti)), tuple(senza_modello))


def _partecipazione(esito: Esito, profilo: Profilo) -> list[Atto]:
    """Per process, the act each open PP finding of that process asks for, unless the profile records it done
    by the evaluation date (a late act is a finding no new act can cure); then the Patto per lo sviluppo."""
    giorno = esito.data_valutazione
    aperti = [r for r in esito.rilievi if r.aperto and r.regola in partecipazione.RIMEDI]
    atti: list[Atto] = []
    for i, processo in enumerate(profilo.processi_partecipativi):
        for codice, (tipo, campo) in partecipazione.RIMEDI.items():
            if not any(
                r.regola == codice and r.percorso[:2] == ("processi_partecipativi", i) for r in aperti
            ):
                continue
            fatto = campo_data(processo, campo)
            if fatto is not None and fatto <= giorno:
                continue
            atti.append(
                Atto(
                    cast(Tipo, tipo),
                    partecipazione.MODELLI[tipo],
                    f"partecipazione/{partecipazione.FILE[tipo]}_{slug(processo.titolo)}.docx",
                    (codice,),
                    oggetto=processo.titolo,
                    processo=i,
                )
            )
    patto = [r.regola for r in esito.rilievi if r.aperto and r.regola == partecipazione.REGOLA_PATTO]
    if patto:  # the plan is approved, the Patto not signed yet (methodology, info)
        atti.append(
            Atto("patto", partecipazione.MODELLI["patto"], "partecipazione/patto_sviluppo.docx", tuple(patto))
        )
    return atti
