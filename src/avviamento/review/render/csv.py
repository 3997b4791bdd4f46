"""CSV for an Italian spreadsheet: `;` separator, ISO dates, Italian header, optional UTF-8 BOM."""

from __future__ import annotations

import csv
import io

from avviamento.i18n import Lang
from avviamento.review.istruttoria import Istruttoria, Riga
from avviamento.review.render.common import t

INTESTAZIONE = (
    "file",
    "unione",
    "valido",
    "errore",
    "classe_dichiarata",
    "classe",
    "funzioni_effettive",
    "errori",
    "avvisi",
    "informazioni",
    "data_valutazione",
    "rilievi_incrociati",
)
BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet (CSV injection): it is quoted as text.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(istruttoria: Istruttoria, lang: Lang = "it", *, bom: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(INTESTAZIONE)
    incrociati: dict[str, list[str]] = {}
    for rilievo in istruttoria.incrociati:
        for file in dict.fromkeys(rilievo.file):
            incrociati.setdefault(file, []).append(rilievo.messaggio[lang])
    for riga in istruttoria.righe:
        writer.writerow(_celle(riga, lang, incrociati.get(riga.file, [])))
    return (BOM if bom else "") + buffer.getvalue()


def _celle(riga: Riga, lang: Lang, incrociati: list[str]) -> list[str | int]:
    conta = riga.valido
    return [
        _testo(riga.file),
        _testo(riga.unione or ""),
        t("si" if riga.valido else "no", lang),
        _testo(riga.errore[lang] if riga.errore else ""),
        riga.classe_dichiarata or "",
        riga.classe or "",
        ", ".join(riga.funzioni_effettive),
        riga.errori if conta else "",
        riga.avvisi if conta else "",
        riga.informazioni if conta else "",
        riga.data_valutazione.isoformat() if riga.data_valutazione else "",
        _testo(" | ".join(incrociati)),
    ]


def _testo(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value
