"""CSV for an Italian spreadsheet: `;` separator, ISO dates, Italian header, optional UTF-8 BOM."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TextIO

from avviamento.esito import Rilievo
from avviamento.i18n import Lang
from avviamento.reporters.common import fonte_testo
from avviamento.review.incrociati import FONTE_UNA_SOLA_UNIONE
from avviamento.review.istruttoria import Etichette, Istruttoria, Riga
from avviamento.review.render.common import gravita_testo, stato_breve, t

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
    scrivi(istruttoria, buffer, lang, bom=bom)
    return buffer.getvalue()


def scrivi(istruttoria: Istruttoria, flusso: TextIO, lang: Lang = "it", *, bom: bool = False) -> None:
    if bom:
        flusso.write(BOM)
    writer = csv.writer(flusso, delimiter=";", lineterminator="\r\n")
    writer.writerow(INTESTAZIONE)
    incrociati: dict[str, list[str]] = {}
    for rilievo in istruttoria.incrociati:
        messaggio = rilievo.messaggio[lang]  # written when read: once, shared by every file it names
        for file in dict.fromkeys(rilievo.file):
            incrociati.setdefault(file, []).append(messaggio)
    for riga in istruttoria.righe:
        writer.writerow(_celle(riga, istruttoria.etichette, lang, incrociati.get(riga.file, [])))


def _celle(riga: Riga, etichette: Etichette, lang: Lang, incrociati: list[str]) -> list[str | int]:
    conta = riga.valido
    return [
        _testo(riga.file),
        _testo(riga.unione or ""),
        t("si" if riga.valido else "no", lang),
        _testo(riga.errore[lang] if riga.errore else ""),
        etichette.classe(riga.classe_dichiarata, lang) if riga.classe_dichiarata else "",
        etichette.classe(riga.classe, lang) if riga.classe else "",
        ", ".join(etichette.funzione(f, lang) for f in riga.funzioni_effettive),
        riga.errori if conta else "",
        riga.avvisi if conta else "",
        riga.informazioni if conta else "",
        riga.data_valutazione.isoformat() if riga.data_valutazione else "",
        _testo(" | ".join(incrociati)),
    ]


INTESTAZIONE_RILIEVI: dict[str, tuple[str, ...]] = {
    "it": ("File", "Unione", "Regola", "Gravità", "Stato", "Scadenza", "Giorni", "Messaggio", "Fonte"),
    "en": ("File", "Union", "Rule", "Severity", "State", "Deadline", "Days", "Message", "Source"),
}
PACCHETTO = {"it": "Pacchetto di regole", "en": "Rule pack"}


def render_rilievi(istruttoria: Istruttoria, lang: Lang = "it", *, bom: bool = False) -> str:
    """One row per open finding of each profile (an invalid profile is one row with its error), then the
    findings across files; the rows need the findings: evaluate with `con_rilievi=True`. With several packs, a
    last column names each one's."""
    buffer = io.StringIO()
    scrittore = RilieviCsv(buffer, lang, len(istruttoria.pacchetti) > 1, bom=bom)
    for riga in istruttoria.righe:
        scrittore.aggiungi(riga)
    scrittore.aggiungi_incrociati(istruttoria)
    return buffer.getvalue()


class RilieviCsv:
    """The CSV of findings written as the rows come (it needs each row's findings, not the whole batch)."""

    def __init__(self, flusso: TextIO, lang: Lang, piu_pacchetti: bool, *, bom: bool = False) -> None:
        if bom:
            flusso.write(BOM)
        self.writer = csv.writer(flusso, delimiter=";", lineterminator="\r\n")
        self.lang = lang
        self.piu_pacchetti = piu_pacchetti
        self.writer.writerow(intestazione_rilievi(lang, piu_pacchetti))

    def aggiungi(self, riga: Riga) -> None:
        self.writer.writerows(celle_rilievi(riga, self.lang, self.piu_pacchetti))

    def aggiungi_incrociati(self, istruttoria: Istruttoria) -> None:
        """The findings across files, last (they are known once every row is): one row for each file a
        finding names, so that filtering the sheet by file or by Union shows them beside that file's own."""
        self.writer.writerows(celle_incrociati(istruttoria, self.lang, self.piu_pacchetti))


def intestazione_rilievi(lang: Lang, piu_pacchetti: bool) -> tuple[str, ...]:
    return INTESTAZIONE_RILIEVI[lang] + ((PACCHETTO[lang],) if piu_pacchetti else ())


def celle_rilievi(riga: Riga, lang: Lang, piu_pacchetti: bool) -> Iterator[list[str | int]]:
    unione = _testo(riga.unione or t("senza_nome", lang))
    if not riga.valido:
        errore = _testo(riga.errore[lang] if riga.errore else "")
        yield [
            _testo(riga.file),
            unione,
            "",
            gravita_testo("errore", lang),
            t("non_valido", lang),
            "",
            "",
            errore,
        ]
        return
    if riga.esito is None:
        return
    for rilievo in riga.esito.rilievi:
        if rilievo.aperto:
            yield _cella_rilievo(riga, unione, rilievo, lang, piu_pacchetti)


def celle_incrociati(istruttoria: Istruttoria, lang: Lang, piu_pacchetti: bool) -> Iterator[list[str | int]]:
    coinvolti = {f for r in istruttoria.incrociati for f in r.file}
    unioni = {r.file: r.unione for r in istruttoria.righe if r.file in coinvolti}
    for rilievo in istruttoria.incrociati:
        fonte = FONTE_UNA_SOLA_UNIONE[lang] if rilievo.tipo == "comune_in_piu_unioni" else ""
        messaggio = _testo(rilievo.messaggio[lang])
        for file in dict.fromkeys(rilievo.file):
            celle: list[str | int] = [
                _testo(file),
                _testo(unioni.get(file) or t("senza_nome", lang)),
                t("tipo." + rilievo.tipo, lang),
                "",  # no severity: no rule of the pack gives these findings one
                t("incrociato", lang),
                "",
                "",
                messaggio,
                fonte,
            ]
            if piu_pacchetti:
                celle.append("")
            yield celle


def _cella_rilievo(riga: Riga, unione: str, r: Rilievo, lang: Lang, piu_pacchetti: bool) -> list[str | int]:
    celle: list[str | int] = [
        _testo(riga.file),
        unione,
        r.regola,
        gravita_testo(r.gravita, lang),
        stato_breve(r.stato, lang),
        r.scadenza.isoformat() if r.scadenza else "",
        r.giorni if r.giorni is not None else "",
        _testo(r.messaggio[lang]),
        _testo(fonte_testo(r, lang)),
    ]
    if piu_pacchetti:
        celle.append(r.pacchetto or "")
    return celle


def _testo(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value
