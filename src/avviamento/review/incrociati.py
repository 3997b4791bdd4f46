"""What no single profile shows: a Comune in two Unions, the same Union twice (or two versions of it), a class
claimed too high."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from avviamento.classi import etichetta_classe
from avviamento.comuni import anagrafe, normalizza
from avviamento.errors import Text
from avviamento.i18n import data_estesa
from avviamento.regole import RulePack
from avviamento.review.istruttoria import Riga, RilievoIncrociato

# "Ogni comune può far parte di una sola unione di comuni" (added by L. 56/2014, art. 1 c. 105).
# Recalled, not in the domain notes (which record only that L. 56/2014 amended art. 32): say so to the reader.
FONTE_UNA_SOLA_UNIONE: Text = {
    "it": "D.Lgs. 267/2000 (TUEL), art. 32, c. 1, come modificato dalla L. 56/2014 — fonte da verificare",
    "en": "Legislative Decree 267/2000 (TUEL), art. 32 c. 1, as amended by Law 56/2014 — source to be verified",
}


def rilievi_incrociati(righe: Sequence[Riga], pack: RulePack) -> list[RilievoIncrociato]:
    valide = [i for i, r in enumerate(righe) if r.valido]
    gruppi = _stesse_unioni(righe, valide)
    out = list(_comuni_condivisi(righe, valide, gruppi))
    out.extend(_unioni_duplicate(righe, gruppi, pack))
    out.extend(_classi_superiori(righe, valide, pack))
    return out


def _stesse_unioni(righe: Sequence[Riga], valide: list[int]) -> dict[int, list[int]]:
    """Rows grouped by Union: the same normalised name or the same codice fiscale (transitively)."""
    padre = {i: i for i in valide}

    def radice(i: int) -> int:
        while padre[i] != i:
            padre[i] = padre[padre[i]]
            i = padre[i]
        return i

    prima: dict[str, int] = {}
    for i in valide:
        riga = righe[i]
        chiavi = [f"nome:{normalizza(riga.unione or '')}"]
        if riga.codice_fiscale:
            chiavi.append(f"cf:{riga.codice_fiscale}")
        for chiave in chiavi:
            if chiave in prima:
                a, b = radice(prima[chiave]), radice(i)
                padre[max(a, b)] = min(a, b)
            else:
                prima[chiave] = i
    gruppi: dict[int, list[int]] = defaultdict(list)
    for i in valide:
        gruppi[radice(i)].append(i)
    return gruppi


def _chiave_comune(nome: str, istat: str | None) -> tuple[str, str]:
    """The ISTAT code identifies a Comune; without one, the bundled register finds it by name."""
    if istat:
        return istat, f"{nome} ({istat})"
    trovato = anagrafe().per_nome.get(normalizza(nome))
    if trovato is not None:
        return trovato.istat, f"{nome} ({trovato.istat})"
    return f"nome:{normalizza(nome)}", nome


def _comuni_condivisi(
    righe: Sequence[Riga], valide: list[int], gruppi: dict[int, list[int]]
) -> Iterable[RilievoIncrociato]:
    gruppo_di = {i: g for g, membri in gruppi.items() for i in membri}
    unioni_per_comune: dict[str, set[int]] = defaultdict(set)
    nomi: dict[str, tuple[str, str]] = {}
    for i in valide:
        for comune in righe[i].comuni:
            chiave, etichetta = _chiave_comune(comune.nome, comune.istat)
            unioni_per_comune[chiave].add(gruppo_di[i])
            nomi.setdefault(chiave, (comune.nome, etichetta))
    # one finding per set of Unions, listing every Comune they share
    per_insieme: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for chiave, gruppi_del_comune in unioni_per_comune.items():
        if len(gruppi_del_comune) > 1:
            per_insieme[tuple(sorted(gruppi_del_comune))].append(chiave)
    for insieme, chiavi in sorted(per_insieme.items()):
        file = tuple(righe[i].file for g in insieme for i in gruppi[g])
        unioni = tuple(righe[g].unione or "" for g in insieme)
        quanti = tuple(len(gruppi[g]) for g in insieme)  # each Union's files, in `file`'s order
        etichette = ", ".join(nomi[c][1] for c in chiavi)
        yield RilievoIncrociato(
            "comune_in_piu_unioni",
            TestoDifferito(partial(_testo_comuni, etichette, len(chiavi) == 1, unioni, file, quanti)),
            file,
            tuple(nomi[c][0] for c in chiavi),
            unioni,
        )


class TestoDifferito(dict[str, str]):
    """A message written only when read: with many Unions sharing Comuni, the lists of Unions and files would
    otherwise be kept whole, in two languages, for the whole batch."""

    __slots__ = ("_crea",)

    def __init__(self, crea: Callable[[str], str]) -> None:
        super().__init__()
        self._crea = crea

    def __missing__(self, lang: str) -> str:
        return self._crea(lang)


def _testo_comuni(
    etichette: str,
    uno: bool,
    unioni: tuple[str, ...],
    file: tuple[str, ...],
    quanti: tuple[int, ...],
    lang: str,
) -> str:
    n = len(unioni)
    parti, inizio = [], 0
    for unione, k in zip(unioni, quanti, strict=True):
        parti.append(f"«{unione}» ({', '.join(file[inizio : inizio + k])})")
        inizio += k
    elenco = "; ".join(parti)
    fonte = FONTE_UNA_SOLA_UNIONE[lang]
    if lang == "en":
        if uno:
            return f"The Comune of {etichette} is a member of {n} Unions: {elenco}. A Comune may belong to one Union only ({fonte})."
        return f"The Comuni of {etichette} are members of {n} Unions: {elenco}. A Comune may belong to one Union only ({fonte})."
    if uno:
        return f"Il Comune di {etichette} risulta membro di {n} Unioni: {elenco}. Un Comune può far parte di una sola Unione ({fonte})."
    return f"I Comuni di {etichette} risultano membri di {n} Unioni: {elenco}. Un Comune può far parte di una sola Unione ({fonte})."


def _unioni_duplicate(
    righe: Sequence[Riga], gruppi: dict[int, list[int]], pack: RulePack
) -> Iterable[RilievoIncrociato]:
    for membri in sorted(gruppi.values()):
        if len(membri) < 2:
            continue
        date = {righe[i].data_riferimento for i in membri}
        if None not in date and len(date) > 1:
            yield _versioni(righe, membri, pack)
            continue
        nomi = {normalizza(righe[i].unione or "") for i in membri}
        codici = {righe[i].codice_fiscale for i in membri}
        codice = next(iter(codici)) if len(codici) == 1 else None
        if len(nomi) == 1 and codice:
            motivo = {
                "it": f"stesso nome e codice fiscale {codice}",
                "en": f"same name and codice fiscale {codice}",
            }
        elif len(nomi) == 1:
            motivo = {"it": "stesso nome", "en": "same name"}
        elif codice:
            motivo = {"it": f"stesso codice fiscale {codice}", "en": f"same codice fiscale {codice}"}
        else:
            motivo = {"it": "stesso nome o codice fiscale", "en": "same name or codice fiscale"}
        elenco = "; ".join(f"«{righe[i].unione}» ({righe[i].file})" for i in membri)
        n = len(membri)
        yield RilievoIncrociato(
            "unione_duplicata",
            {
                "it": f"La stessa Unione compare in {n} profili ({motivo['it']}): {elenco}.",
                "en": f"The same Union appears in {n} profiles ({motivo['en']}): {elenco}.",
            },
            tuple(righe[i].file for i in membri),
            unioni=tuple(dict.fromkeys(righe[i].unione or "" for i in membri)),
        )


NUMERI = {2: ("due", "two"), 3: ("tre", "three"), 4: ("quattro", "four"), 5: ("cinque", "five")}


def _versioni(righe: Sequence[Riga], membri: list[int], pack: RulePack) -> RilievoIncrociato:
    """Profiles of one Union with different dates are versions: the latest is current, the change is reported."""
    ordinati = sorted(membri, key=lambda i: (righe[i].data_riferimento or dt.date.min, righe[i].file))
    prima, ultima = righe[ordinati[0]], righe[ordinati[-1]]
    n_it, n_en = NUMERI.get(len(membri), (str(len(membri)), str(len(membri))))
    da, a = (etichetta_classe(pack, r.classe or "") for r in (prima, ultima))
    prep = "ad" if a["it"][:1] in "aeiou" else "a"
    classe_it = f"classe invariata ({a['it']})" if da == a else f"classe da {da['it']} {prep} {a['it']}"
    classe_en = f"class unchanged ({a['en']})" if da == a else f"class from {da['en']} to {a['en']}"
    return RilievoIncrociato(
        "versioni_unione",
        {
            "it": f"«{ultima.unione}»: {n_it} versioni: da {data_estesa(prima.data_riferimento)} ({prima.file}) "
            f"a {data_estesa(ultima.data_riferimento)} ({ultima.file}), {classe_it}; "
            f"è attuale la versione più recente.",
            "en": f"«{ultima.unione}»: {n_en} versions: from {data_estesa(prima.data_riferimento, 'en')} "
            f"({prima.file}) to {data_estesa(ultima.data_riferimento, 'en')} ({ultima.file}), {classe_en}; "
            f"the latest version is current.",
        },
        tuple(righe[i].file for i in ordinati),
        unioni=tuple(dict.fromkeys(righe[i].unione or "" for i in ordinati)),
    )


def _classi_superiori(
    righe: Sequence[Riga], valide: list[int], pack: RulePack
) -> Iterable[RilievoIncrociato]:
    for i in valide:
        riga = righe[i]
        if not riga.dichiarata_superiore:
            continue
        d = etichetta_classe(pack, riga.classe_dichiarata or "")
        c = etichetta_classe(pack, riga.classe or "")
        yield RilievoIncrociato(
            "classe_dichiarata_superiore",
            {
                "it": f"«{riga.unione}» ({riga.file}) dichiara la classe «{d['it']}», "
                f"ma i dati del profilo danno «{c['it']}».",
                "en": f"«{riga.unione}» ({riga.file}) declares class «{d['en']}», "
                f"but the profile's data give «{c['en']}».",
            },
            (riga.file,),
            unioni=(riga.unione or "",),
        )
