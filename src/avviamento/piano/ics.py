"""The plan as an iCalendar file: one all-day event per step, with stable UIDs so a re-import updates it."""

from __future__ import annotations

import datetime as dt
import re

from avviamento.i18n import Lang
from avviamento.piano.render import UI, fonte_testo, ritardo_testo
from avviamento.piano.scheduler import Gruppo, Passo, Piano
from avviamento.testo import senza_controlli

PRODID = "-//avviamento//piano delle scadenze//IT"


def testo(valore: str) -> str:
    """A name from the profile as iCalendar TEXT: line breaks become one newline (escaped by icalendar as
    `\\n`), other control characters (NUL, BEL, ESC) go."""
    return senza_controlli(valore.replace("\r\n", "\n").replace("\r", "\n"))


def sommario(piano: Piano, gruppo: Gruppo, passo: Passo, lang: Lang) -> str:
    """`Unione … — Goro: Seduta e deliberazione … [Protezione civile]`."""
    dove = f" — {passo.comune}" if passo.comune else ""
    return f"{piano.unione}{dove}: {passo.titolo[lang]} [{gruppo.lacuna.etichetta[lang]}]"


def _descrizione(piano: Piano, gruppo: Gruppo, passo: Passo, lang: Lang) -> str:
    righe = [
        f"{UI['chi'][lang]}: {passo.attore[lang]}",
        f"{UI['fonte'][lang]}: {fonte_testo(passo, lang)}"
        + (f" — {passo.fonte.url}" if passo.fonte.url else ""),
    ]
    if passo.nota:
        righe.append(passo.nota[lang])
    if gruppo.lacuna.regole:
        righe.append(", ".join(gruppo.lacuna.regole))
    if passo.in_ritardo:
        righe.append(ritardo_testo(passo, lang))
    return "\n".join(righe)


def calendario(piano: Piano, lang: Lang = "it") -> bytes:
    """The VCALENDAR, deterministic: the same plan gives the same bytes (DTSTAMP is the evaluation date)."""
    from icalendar import Calendar, Event
    from icalendar.prop import vText

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # an X- property is not known to be TEXT: without vText a newline in the name is not escaped, and fails
    cal.add("x-wr-calname", vText(testo(f"{piano.unione} — {UI['titolo'][lang]}")))
    stamp = dt.datetime.combine(piano.data_valutazione, dt.time(0, 0), tzinfo=dt.UTC)
    for gruppo in piano.gruppi:
        for passo in gruppo.passi:
            event = Event()
            event.add("uid", passo.uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", passo.data)
            event.add("dtend", passo.data + dt.timedelta(days=1))
            event.add("summary", testo(sommario(piano, gruppo, passo, lang)))
            event.add("description", testo(_descrizione(piano, gruppo, passo, lang)))
            event.add("categories", [testo(gruppo.lacuna.etichetta[lang])])
            event.add("transp", "TRANSPARENT")
            if passo.fonte.url:
                event.add("url", re.sub(r"\s", "", senza_controlli(passo.fonte.url)))
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
