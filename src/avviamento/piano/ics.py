"""The plan as an iCalendar file: one all-day event per step still to take, with stable UIDs so a re-import
updates it."""

from __future__ import annotations

import datetime as dt
import re

from avviamento.i18n import Lang
from avviamento.piano.calendario import Calendario
from avviamento.piano.render import UI, fonte_testo, ritardo_testo
from avviamento.piano.scheduler import Gruppo, Passo, Piano
from avviamento.testo import senza_controlli

PRODID = "-//avviamento//piano delle scadenze//IT"


def testo(valore: str) -> str:
    """A name from the profile as iCalendar TEXT: line breaks become one newline (escaped by icalendar as
    `\\n`), other control characters (NUL, BEL, ESC) go."""
    return senza_controlli(valore.replace("\r\n", "\n").replace("\r", "\n"))


MAX_TITOLO = 80  # what calendar apps show in a day's cell; the Union's name goes to the description
GIORNI_PREAVVISO = 3  # working days before a step its reminder goes off


def sommario(piano: Piano, gruppo: Gruppo, passo: Passo, lang: Lang) -> str:
    """`Goro: Seduta e deliberazione … [Protezione civile]`, at most 80 characters, cut at a word."""
    chi = passo.comune or ("Unione" if lang == "it" else "Union")
    titolo = f"{chi}: {passo.titolo[lang]}"
    con_funzione = f"{titolo} [{gruppo.lacuna.etichetta[lang]}]"
    if len(con_funzione) <= MAX_TITOLO:
        return con_funzione
    if len(titolo) <= MAX_TITOLO:  # the function is in the event's category and description anyway
        return titolo
    return titolo[: MAX_TITOLO - 1].rsplit(" ", 1)[0].rstrip(" ,;:—(") + "…"


def giorni_promemoria(calendario: Calendario, giorno: dt.date) -> int:
    """Calendar days from the reminder to the step: three working days of the offices before it."""
    promemoria = giorno
    for _ in range(GIORNI_PREAVVISO):
        promemoria = calendario.lavorativo(promemoria - dt.timedelta(days=1))
    return (giorno - promemoria).days


def _descrizione(piano: Piano, gruppo: Gruppo, passo: Passo, lang: Lang) -> str:
    righe = [
        f"{piano.unione} — {passo.titolo[lang]} [{gruppo.lacuna.etichetta[lang]}]",
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
    from icalendar import Alarm, Calendar, Event
    from icalendar.prop import vText

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # an X- property is not known to be TEXT: without vText a newline in the name is not escaped, and fails
    cal.add("x-wr-calname", vText(testo(f"{piano.unione} — {UI['titolo'][lang]}")))
    stamp = dt.datetime.combine(piano.data_valutazione, dt.time(0, 0), tzinfo=dt.UTC)
    lavorativi = Calendario()  # weekends and national holidays (patron days differ by Comune)
    for gruppo in piano.gruppi:
        for passo in gruppo.passi:
            if passo.fatto:  # the calendar reminds of what is still to do
                continue
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
            promemoria = Alarm()
            promemoria.add("action", "DISPLAY")
            promemoria.add("description", testo(sommario(piano, gruppo, passo, lang)))
            promemoria.add("trigger", dt.timedelta(days=-giorni_promemoria(lavorativi, passo.data)))
            event.add_component(promemoria)
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
