"""Reference data on the Comuni of Emilia-Romagna (ISTAT, 1/1/2023; data Openpolis / ISTAT, CC-BY 4.0)."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from avviamento.profilo import Comune, Profilo
from avviamento.risorse import data_file

CREDITO = "Dati dei Comuni: Openpolis / ISTAT, licenza CC-BY 4.0"


@dataclass(frozen=True)
class ComuneRiferimento:
    istat: str
    nome: str
    provincia: str
    codice_catastale: str
    popolazione: int | None


@lru_cache(maxsize=4096)  # called for each conferral × member: a third of evaluate() in a batch review
def normalizza(nome: str) -> str:
    """`Castel d'Aiano` and `castel d’aiano` are the same Comune; accents and spacing do not matter."""
    text = unicodedata.normalize("NFKD", nome.replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().replace("-", " ").split())


@dataclass(frozen=True)
class Anagrafe:
    per_istat: dict[str, ComuneRiferimento]
    per_nome: dict[str, ComuneRiferimento]

    def cerca(self, comune: Comune) -> ComuneRiferimento | None:
        if comune.istat:
            return self.per_istat.get(comune.istat)
        return self.per_nome.get(normalizza(comune.nome))

    def popolazione(self, comune: Comune) -> int | None:
        if comune.popolazione is not None:
            return comune.popolazione
        found = self.cerca(comune)
        return found.popolazione if found else None


@cache
def anagrafe() -> Anagrafe:
    per_istat: dict[str, ComuneRiferimento] = {}
    with data_file("comuni_emilia_romagna_2023.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pop = row["population"].strip()
            per_istat[row["codice_istat"]] = ComuneRiferimento(
                row["codice_istat"],
                row["municipality"],
                row["province_short"],
                row["cadastral_code"],
                int(float(pop)) if pop else None,
            )
    per_nome = {normalizza(c.nome): c for c in per_istat.values()}
    return Anagrafe(per_istat, per_nome)


def indice_membro(profilo: Profilo, riferimento: str) -> int | None:
    """The member Comune a conferral names, by ISTAT code or by name; None for a non-member."""
    per_istat, per_nome, trovati = _indice(profilo)
    if riferimento in trovati:
        return trovati[riferimento]
    candidati = [
        i for i in (per_istat.get(riferimento), per_nome.get(normalizza(riferimento))) if i is not None
    ]
    trovati[riferimento] = indice = min(
        candidati, default=None
    )  # the first member that matches, as a scan would
    return indice


_Indice = tuple[
    dict[str, int], dict[str, int], dict[str, int | None]
]  # by ISTAT code, by name, answers given
# Every conferral looks up its Comune (four checks and the state of each function ask again): an index per
# profile keeps `check` linear in the number of Comuni, and the answers spare normalising the same name again.
_ultimo: list[tuple[Profilo, _Indice]] = []


def _indice(profilo: Profilo) -> _Indice:
    ultimo = _ultimo[-1] if _ultimo else None  # read once: another thread may replace it
    if ultimo is not None and ultimo[0] is profilo:
        return ultimo[1]
    per_istat: dict[str, int] = {}
    per_nome: dict[str, int] = {}
    for i, comune in enumerate(profilo.comuni):
        if comune.istat is not None:
            per_istat.setdefault(comune.istat, i)
        per_nome.setdefault(normalizza(comune.nome), i)
    indice: _Indice = (per_istat, per_nome, {})
    _ultimo[:] = [(profilo, indice)]
    return indice
