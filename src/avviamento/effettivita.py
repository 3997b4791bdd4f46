"""When a function counts as managed in associated form (*effettiva*) at a date: LR 21/2012 art. 24 c.2, 4, 5."""

from __future__ import annotations

import datetime as dt

from avviamento.comuni import indice_membro
from avviamento.errors import Text
from avviamento.esito import StatoFunzione
from avviamento.i18n import data_estesa
from avviamento.profilo import Funzione, Profilo
from avviamento.regole import RulePack


def _t(it: str, en: str) -> Text:
    return {"it": it, "en": en}


def comuni_conferenti(profilo: Profilo, funzione: Funzione, giorno: dt.date) -> set[int]:
    """Members whose council deliberation conferring the function is dated on or before the day."""
    found: set[int] = set()
    for conferimento in funzione.conferimenti:
        membro = indice_membro(profilo, conferimento.comune)
        delibera = conferimento.delibera
        if membro is not None and delibera and delibera.data and delibera.data <= giorno:
            found.add(membro)
    return found


def stato_funzione(profilo: Profilo, pack: RulePack, indice: int, giorno: dt.date) -> StatoFunzione:
    funzione = profilo.funzioni[indice]
    voce = pack.catalogo[funzione.codice]
    motivi: list[Text] = []

    conferenti = comuni_conferenti(profilo, funzione, giorno)
    mancanti = tuple(c.nome for i, c in enumerate(profilo.comuni) if i not in conferenti)
    for conferimento in funzione.conferimenti:
        delibera = conferimento.delibera
        if delibera and delibera.data and delibera.data > giorno:
            motivi.append(
                _t(
                    f"la delibera di «{conferimento.comune}» ({data_estesa(delibera.data)}) è successiva "
                    f"alla data di valutazione",
                    f"the resolution of «{conferimento.comune}» ({data_estesa(delibera.data, 'en')}) is "
                    f"after the evaluation date",
                )
            )
    for nome in mancanti:
        motivi.append(
            _t(f"manca la delibera del Comune di {nome}", f"no resolution from the Comune of {nome}")
        )

    if funzione.avvio is None:
        motivi.append(
            _t("il servizio non è stato avviato dall'Unione", "the Union has not started the service")
        )
    elif funzione.avvio > giorno:
        motivi.append(
            _t(
                f"l'avvio è previsto il {data_estesa(funzione.avvio)}",
                f"the service starts on {data_estesa(funzione.avvio, 'en')}",
            )
        )
    if funzione.integrale is not True:
        motivi.append(_t("il conferimento non è integrale", "the conferral is not whole"))
    if not ((funzione.personale or 0) > 0 or funzione.spesa_in_bilancio_unione is True):
        motivi.append(
            _t(
                "né personale né spesa sono stati trasferiti all'Unione",
                "neither staff nor budget has been moved to the Union",
            )
        )
    return StatoFunzione(
        codice=funzione.codice,
        etichetta=voce.etichetta.as_text(),
        effettiva=not motivi,
        motivi=tuple(motivi),
        comuni_mancanti=mancanti,
        conta_art7=voce.art7_c3,
        conta_prt=voce.conta_prt,
        indice=indice,
    )
