"""`review --report-dir`: one HTML report per Union (the one `check --format html` writes), to send back to each."""

from __future__ import annotations

import re
import unicodedata

from avviamento.fileio import Pubblicazione
from avviamento.i18n import Lang
from avviamento.review.istruttoria import Riga


def slug(testo: str, massimo: int = 60) -> str:
    """A file name from a Union's name: ASCII letters, digits and `-` only; never empty, never a path."""
    ascii_ = unicodedata.normalize("NFKD", testo).encode("ascii", "ignore").decode()
    pulito = re.sub(r"[^a-z0-9]+", "-", ascii_.casefold()).strip("-")
    return pulito[:massimo].strip("-") or "unione-senza-nome"


class RapportiUnioni:
    """The reports of a batch, each written as its row comes (the findings are then dropped from the row): only
    the file names stay in memory."""

    def __init__(self, lang: Lang, pubblicazione: Pubblicazione) -> None:
        self.lang = lang
        self.pubblicazione = pubblicazione
        self.nomi: set[str] = set()

    def aggiungi(self, riga: Riga) -> None:
        """A valid profile's report; an invalid one has none (its error is in the review itself)."""
        if not riga.valido or riga.esito is None:
            return
        from avviamento.reporters.html import render

        base = slug(riga.unione or "")
        nome, n = f"{base}.html", 1
        while nome in self.nomi:  # the same Union sent twice, or two versions: both reports, told apart
            n += 1
            nome = f"{base}-{n}.html"
        self.pubblicazione.aggiungi(nome, render(riga.esito, self.lang).encode("utf-8"))
        self.nomi.add(nome)
