"""A plan as text for the terminal, as Markdown, or as the JSON contract `avviamento/piano@1`.

JSON shape (stable; dates ISO, texts in the chosen language):

    {"formato": "avviamento/piano@1", "unione": "…", "file": "…", "data_valutazione": "2024-03-01",
     "scadenza": "2024-06-30", "scadenza_origine": "fine_programma_cm_2023" | "--deadline",
     "scadenza_confidenza": "da_verificare" | null,
     "esecutivita": "inizio_pubblicazione" | "fine_pubblicazione" | "immediata",
     "regole": {"id": "…", "versione": "…", "sha256": "…"},
     "vuoto": false, "messaggio": "…", "passi_totali": 46, "passi_in_ritardo": 0,
     "gruppi": [{"tipo": "funzione" | "piano" | "regolamento", "codice": "protezione_civile", "etichetta": "…",
                 "organo": "consiglio_comunale" | "giunta" | "consiglio_unione", "regole": ["ER-004"],
                 "motivi": ["…"], "comuni": ["Codigoro", …],
                 "passi": [{"uid": "…@avviamento", "codice": "seduta_consiglio", "titolo": "…", "data": "2024-05-16",
                            "comune": "Goro" | null, "attore": "…",
                            "fonte": {"atto": "…", "articolo": "…", "comma": "…", "url": "…"},
                            "confidenza": "verificata", "tempo": "convocazione_consiglio" | null, "giorni": 5 | null,
                            "nota": "…" | null, "in_ritardo": false, "giorni_ritardo": 0, "fatto": false}]}]}

Added later (additive): "tipo_piano": "riordino" | "partecipazione", "passi_da_fare", "passi_fatti"; group "tipo"
also "processo_partecipativo" | "piano_strategico" and "organo" also "ente_titolare". A participation plan lists
the steps already done ("fatto": true, at their real date); its "scadenza" is the call's start day
("scadenza_origine": "avvio_bando_2019", "--deadline", "avvio" or "data_valutazione").
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
from typing import TYPE_CHECKING, Any

from rich.text import Text as RichText

from avviamento.errors import Text
from avviamento.i18n import Lang, contati, data_estesa
from avviamento.piano.scheduler import Gruppo, Passo, Piano
from avviamento.testo import md_escape

if TYPE_CHECKING:
    from rich.console import Console

FORMATO = "avviamento/piano@1"

GIORNI: dict[str, tuple[str, ...]] = {
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
CONFIDENZA: dict[str, Text] = {
    "verificata": {"it": "fonte verificata", "en": "verified source"},
    "secondaria": {"it": "fonte secondaria", "en": "secondary source"},
    "da_verificare": {"it": "da verificare", "en": "to be verified"},
}
ESECUTIVITA: dict[str, Text] = {
    "inizio_pubblicazione": {
        "it": "dopo il decimo giorno dall'inizio della pubblicazione (TUEL art. 134 c.3, prassi prevalente)",
        "en": "after the tenth day from the start of publication (TUEL art. 134 c.3, prevailing practice)",
    },
    "fine_pubblicazione": {
        "it": "dopo il decimo giorno dalla fine della pubblicazione (TUEL art. 134 c.3, lettura prudente)",
        "en": "after the tenth day from the end of publication (TUEL art. 134 c.3, cautious reading)",
    },
    "immediata": {
        "it": "deliberazioni dichiarate immediatamente eseguibili (TUEL art. 134 c.4)",
        "en": "resolutions declared immediately enforceable (TUEL art. 134 c.4)",
    },
}
UI: dict[str, Text] = {
    "titolo": {"it": "Piano delle scadenze", "en": "Schedule"},
    "data": {"it": "Data di valutazione", "en": "Evaluation date"},
    "scadenza": {"it": "Scadenza", "en": "Deadline"},
    "esecutivita": {"it": "Esecutività", "en": "Enforceability"},
    "regole": {"it": "Regole", "en": "Rules"},
    "unione": {"it": "Unione", "en": "Union"},
    "chi": {"it": "Chi", "en": "Who"},
    "fonte": {"it": "Fonte", "en": "Source"},
    "data_col": {"it": "Entro il", "en": "By"},
    "data_col_pp": {"it": "Data", "en": "Date"},
    "ente": {"it": "Ente", "en": "Body"},
    "passo": {"it": "Passo", "en": "Step"},
    "stato": {"it": "Stato", "en": "Status"},
    "in_tempo": {"it": "in tempo", "en": "on time"},
    "fatto": {"it": "FATTO", "en": "DONE"},
    "avvio_entro": {"it": "Avvio entro", "en": "Start by"},
    "non_effettiva": {"it": "non effettiva", "en": "not effective"},
    "da_approvare": {"it": "da approvare", "en": "to be approved"},
    "nessun_passo": {
        "it": "nessun passo con termini di legge da pianificare",
        "en": "no step with legal lead times to schedule",
    },
    "suggerimento": {
        "it": "Le deliberazioni dichiarate immediatamente eseguibili (TUEL art. 134 c.4) accorciano la catena: "
        "--immediata-eseguibilita.",
        "en": "Resolutions declared immediately enforceable (TUEL art. 134 c.4) shorten the chain: "
        "--immediata-eseguibilita.",
    },
}


def ui(key: str, lang: Lang) -> str:
    return UI[key][lang]


def colonna_data(piano: Piano, lang: Lang) -> str:
    """`Entro il` for a schedule of deadlines; `Data` when done steps stand at their real date."""
    return ui("data_col_pp" if piano.tipo == "partecipazione" else "data_col", lang)


def giorno_esteso(giorno: dt.date, lang: Lang) -> str:
    """`venerdì 10 maggio 2024`."""
    return f"{GIORNI[lang][giorno.weekday()]} {data_estesa(giorno, lang)}"


def ritardo_testo(passo: Passo, lang: Lang) -> str:
    n = passo.ritardo
    if lang == "it":
        return f"IN RITARDO di {contati(n, 'giorno', 'giorni')}"
    return f"LATE by {contati(n, 'day', 'days')}"


def fonte_testo(passo: Passo, lang: Lang) -> str:
    confidenza = CONFIDENZA.get(passo.confidenza, {}).get(lang, passo.confidenza)
    return f"{passo.fonte.citazione()} ({confidenza})"


def ente(passo: Passo, lang: Lang) -> str:
    return passo.comune or ui("unione", lang)


def messaggio(piano: Piano, lang: Lang) -> str:
    """The one-paragraph summary: empty plan, late steps, or the first step to take."""
    valutazione = data_estesa(piano.data_valutazione, lang)
    scadenza = data_estesa(piano.scadenza, lang)
    if piano.tipo == "partecipazione":
        return _messaggio_partecipazione(piano, lang)
    if piano.vuoto:
        if lang == "it":
            return (
                f"Nessun passo da pianificare al {valutazione}: tutte le funzioni dichiarate sono effettive e "
                "piani e regolamenti risultano approvati."
                if not piano.gruppi
                else f"Nessun passo con termini di legge da pianificare al {valutazione}."
            )
        return (
            f"Nothing to schedule at {valutazione}: every declared function is effective and plans and "
            "regulations are approved."
            if not piano.gruppi
            else f"No step with legal lead times to schedule at {valutazione}."
        )
    passi = piano.passi
    primo = min(passi, key=lambda p: p.data)
    late = piano.in_ritardo
    if late:
        if lang == "it":
            quanti = "1 passo su" if len(late) == 1 else f"{len(late)} passi su"
            verbo = "è" if len(late) == 1 else "sono"
            return (
                f"{quanti} {len(passi)} {verbo} già in ritardo al {valutazione}: con i tempi ordinari "
                f"la scadenza del {scadenza} non è più rispettabile."
            )
        verbo = "is" if len(late) == 1 else "are"
        return (
            f"{len(late)} of {len(passi)} steps {verbo} already late at {valutazione}: with the ordinary lead "
            f"times the deadline of {scadenza} can no longer be met."
        )
    if lang == "it":
        return (
            f"{len(passi)} pass{'o' if len(passi) == 1 else 'i'} per rispettare la scadenza del {scadenza}; il primo entro "
            f"{giorno_esteso(primo.data, lang)}: {ente(primo, lang)} — {primo.titolo[lang]}."
        )
    return (
        f"{len(passi)} step{'' if len(passi) == 1 else 's'} to meet the deadline of {scadenza}; the first one by "
        f"{giorno_esteso(primo.data, lang)}: {ente(primo, lang)} — {primo.titolo[lang]}."
    )


def _passi(n: int, lang: Lang) -> str:
    if lang == "it":
        return "1 passo" if n == 1 else f"{n} passi"
    return "1 step" if n == 1 else f"{n} steps"


def _messaggio_partecipazione(piano: Piano, lang: Lang) -> str:
    """Participation plans have no one deadline: steps to take, the late ones, the first one, the done ones."""
    valutazione = data_estesa(piano.data_valutazione, lang)
    aperti, fatti = piano.aperti, piano.fatti
    if not piano.gruppi:
        return (
            f"Nessun processo partecipativo né Piano strategico nel profilo al {valutazione}: nulla da pianificare."
            if lang == "it"
            else f"No participatory process or strategic plan in the profile at {valutazione}: nothing to schedule."
        )
    gia = (
        (
            f" ({_passi(len(fatti), lang)} già fatt{'o' if len(fatti) == 1 else 'i'})"
            if lang == "it"
            else f" ({_passi(len(fatti), lang)} already done)"
        )
        if fatti
        else ""
    )
    if not aperti:
        if lang == "it":
            return f"Nessun passo da compiere al {valutazione}{gia}."
        return f"No step left to take at {valutazione}{gia}."
    late = piano.in_ritardo
    if late:
        if lang == "it":
            verbo = "è" if len(late) == 1 else "sono"
            return f"{len(late)} su {_passi(len(aperti), lang)} da compiere {verbo} già in ritardo al {valutazione}{gia}."
        verbo = "is" if len(late) == 1 else "are"
        return (
            f"{len(late)} of {_passi(len(aperti), lang)} to take {verbo} already late at {valutazione}{gia}."
        )
    primo = min(aperti, key=lambda p: p.data)
    if lang == "it":
        return (
            f"{_passi(len(aperti), lang)} da compiere{gia}; il primo entro {giorno_esteso(primo.data, lang)}: "
            f"{ente(primo, lang)} — {primo.titolo[lang]}."
        )
    return (
        f"{_passi(len(aperti), lang)} to take{gia}; the first one by {giorno_esteso(primo.data, lang)}: "
        f"{ente(primo, lang)} — {primo.titolo[lang]}."
    )


def stato_passo(p: Passo, lang: Lang) -> str:
    """`FATTO`, `in tempo` or `IN RITARDO di 3 giorni`."""
    if p.fatto:
        return ui("fatto", lang)
    return ritardo_testo(p, lang) if p.in_ritardo else ui("in_tempo", lang)


def _suggerisci_immediata(piano: Piano) -> bool:
    """Some steps late, the deadline still ahead, and the ordinary chain in use: the shorter chain may help."""
    return (
        piano.tipo == "riordino"
        and bool(piano.in_ritardo)
        and piano.data_valutazione <= piano.scadenza
        and piano.esecutivita != "immediata"
    )


def _intestazione(piano: Piano, lang: Lang) -> list[str]:
    incerta = ""
    if piano.scadenza_confidenza and piano.scadenza_confidenza != "verificata":
        incerta = f" · {CONFIDENZA.get(piano.scadenza_confidenza, {}).get(lang, piano.scadenza_confidenza)}"
    regole = piano.regole
    if piano.tipo == "partecipazione":
        if piano.origine_scadenza.startswith("avvio_bando_"):  # the call's own words say the day
            avvio = f" · {piano.descrizione_scadenza[lang]}{incerta}"
        elif piano.origine_scadenza != "data_valutazione":
            avvio = (
                f" · {ui('avvio_entro', lang)}: {data_estesa(piano.scadenza, lang)} — "
                f"{piano.descrizione_scadenza[lang]}{incerta}"
            )
        else:
            avvio = ""
        return [
            f"{ui('data', lang)}: {data_estesa(piano.data_valutazione, lang)}{avvio}",
            f"{ui('regole', lang)}: {regole.id} {regole.versione} (sha256 {regole.sha256[:12]}…)",
        ]
    return [
        f"{ui('data', lang)}: {data_estesa(piano.data_valutazione, lang)} · {ui('scadenza', lang)}: "
        f"{data_estesa(piano.scadenza, lang)} — {piano.descrizione_scadenza[lang]}{incerta}",
        f"{ui('esecutivita', lang)}: {ESECUTIVITA[piano.esecutivita][lang]}",
        f"{ui('regole', lang)}: {regole.id} {regole.versione} (sha256 {regole.sha256[:12]}…)",
    ]


def _stato_gruppo(gruppo: Gruppo, lang: Lang) -> str:
    motivi = "; ".join(m[lang] for m in gruppo.lacuna.motivi)
    if gruppo.lacuna.tipo in ("processo_partecipativo", "piano_strategico"):
        return motivi
    if gruppo.lacuna.tipo == "funzione":
        return f"{ui('non_effettiva', lang)}: {motivi}" if motivi else ui("non_effettiva", lang)
    return ui("da_approvare", lang)


def _intestazione_gruppo(gruppo: Gruppo, lang: Lang) -> str:
    regole = f" ({', '.join(gruppo.lacuna.regole)})" if gruppo.lacuna.regole else ""
    return f"{gruppo.lacuna.etichetta[lang]}{regole}"


def _paragrafo(
    out: Console,
    testo: str,
    rientro: int,
    primo: int = 0,
    *,
    stile: str = "",
    evidenzia: dict[str, str] | None = None,
) -> None:
    """`testo` from column `primo`, wrapped at the console's width with the next lines at `rientro`; words longer
    than a line (URLs) stay whole; not wrapped at all when the console does not wrap (output to a pipe)."""
    unite = {parola: parola.replace(" ", "\xa0") for parola in evidenzia or {}}
    for parola, unita in unite.items():  # a marker («IN RITARDO di 3 giorni») stays on one line
        testo = testo.replace(parola, unita)
    if out.soft_wrap:
        righe = [" " * primo + testo]
    else:
        righe = textwrap.wrap(
            testo,
            width=out.width,
            initial_indent=" " * primo,
            subsequent_indent=" " * rientro,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    for riga in righe:
        testo_rich = RichText(
            riga.replace("\xa0", " "), style=stile
        )  # no-break spaces only held words together
        for parola, stile_parola in (evidenzia or {}).items():
            testo_rich.highlight_words([parola], stile_parola)
        out.print(testo_rich, overflow="ignore", crop=False, no_wrap=True)


def render_text(piano: Piano, lang: Lang = "it", *, color: bool = False, width: int | None = None) -> str:
    from avviamento.reporters.text import make_console

    buffer = io.StringIO()
    out = make_console(buffer, color=color, width=width)
    _paragrafo(out, f"{piano.unione} — {ui('titolo', lang)}", 2, stile="bold")
    for line in _intestazione(piano, lang):
        _paragrafo(out, line, 2)
    out.print()
    _paragrafo(out, messaggio(piano, lang), 2, stile="bold red" if piano.in_ritardo else "bold")
    if _suggerisci_immediata(piano):
        _paragrafo(out, ui("suggerimento", lang), 2)
    larghezza_data = max((len(giorno_esteso(p.data, lang)) for p in piano.passi), default=0)
    larghezza_ente = max((len(ente(p, lang)) for p in piano.passi), default=0)
    rientro = 4 + larghezza_data + 2 + larghezza_ente + 2
    if not out.soft_wrap:  # a narrow terminal keeps at least 30 columns for the text
        rientro = min(rientro, max(4, out.width - 30))
    evidenzia = {ui("fatto", lang): "bold green"}
    for gruppo in piano.gruppi:
        out.print()
        _paragrafo(out, _intestazione_gruppo(gruppo, lang), 2, stile="bold")
        stato = _stato_gruppo(gruppo, lang)
        if stato:
            _paragrafo(out, stato, 4, 2)
        if not gruppo.passi:
            _paragrafo(out, ui("nessun_passo", lang), 4, 2)
        for p in gruppo.passi:
            quando = giorno_esteso(p.data, lang).ljust(larghezza_data)
            chi = ente(p, lang).ljust(larghezza_ente)
            marca = ""
            if p.fatto:
                marca = f"  {ui('fatto', lang)}"
            elif p.in_ritardo:
                marca = f"  {ritardo_testo(p, lang)}"
                evidenzia[ritardo_testo(p, lang)] = "bold red"
            _paragrafo(out, f"{quando}  {chi}  {p.titolo[lang]}{marca}", rientro, 4, evidenzia=evidenzia)
            dettagli = f"{ui('chi', lang)}: {p.attore[lang]} · {ui('fonte', lang)}: {fonte_testo(p, lang)}"
            if p.fonte.url:
                dettagli += f"\xa0— {p.fonte.url}"  # the dash stays with the source, the URL may go on
            if p.nota:
                dettagli += f" · {p.nota[lang]}"
            _paragrafo(out, dettagli, rientro, rientro, stile="dim")
    return buffer.getvalue()


def render_markdown(piano: Piano, lang: Lang = "it") -> str:
    lines = [f"# {md_escape(piano.unione)} — {ui('titolo', lang)}", ""]
    lines += [f"- {md_escape(line)}" for line in _intestazione(piano, lang)]
    lines += ["", f"**{md_escape(messaggio(piano, lang))}**", ""]
    if _suggerisci_immediata(piano):
        lines += [md_escape(ui("suggerimento", lang)), ""]
    for gruppo in piano.gruppi:
        lines += [f"## {md_escape(_intestazione_gruppo(gruppo, lang))}", ""]
        if _stato_gruppo(gruppo, lang):
            lines += [md_escape(_stato_gruppo(gruppo, lang)), ""]
        if not gruppo.passi:
            lines += [ui("nessun_passo", lang), ""]
            continue
        lines.append(
            f"| {colonna_data(piano, lang)} | {ui('ente', lang)} | {ui('passo', lang)} | {ui('chi', lang)} | "
            f"{ui('fonte', lang)} | {ui('stato', lang)} |"
        )
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for p in gruppo.passi:
            titolo = p.titolo[lang] + (f" — {p.nota[lang]}" if p.nota else "")
            stato = f"**{stato_passo(p, lang)}**" if p.in_ritardo or p.fatto else stato_passo(p, lang)
            lines.append(
                f"| {giorno_esteso(p.data, lang)} | {md_escape(ente(p, lang))} | {md_escape(titolo)} | "
                f"{md_escape(p.attore[lang])} | {md_escape(fonte_testo(p, lang))} | {stato} |"
            )
        lines.append("")
    return "\n".join(lines)


def as_dict(piano: Piano, lang: Lang = "it") -> dict[str, Any]:
    return {
        "formato": FORMATO,
        "unione": piano.unione,
        "file": piano.file,
        "data_valutazione": piano.data_valutazione.isoformat(),
        "scadenza": piano.scadenza.isoformat(),
        "scadenza_origine": piano.origine_scadenza,
        "scadenza_confidenza": piano.scadenza_confidenza,
        "esecutivita": piano.esecutivita,
        "regole": {"id": piano.regole.id, "versione": piano.regole.versione, "sha256": piano.regole.sha256},
        "vuoto": piano.vuoto,
        "messaggio": messaggio(piano, lang),
        "passi_totali": len(piano.passi),
        "passi_in_ritardo": len(piano.in_ritardo),
        "tipo_piano": piano.tipo,
        "passi_da_fare": len(piano.aperti),
        "passi_fatti": len(piano.fatti),
        "gruppi": [
            {
                "tipo": g.lacuna.tipo,
                "codice": g.lacuna.codice,
                "etichetta": g.lacuna.etichetta[lang],
                "organo": g.lacuna.organo,
                "regole": list(g.lacuna.regole),
                "motivi": [m[lang] for m in g.lacuna.motivi],
                "comuni": [c.nome for c in g.lacuna.comuni],
                "passi": [_passo_dict(p, lang) for p in g.passi],
            }
            for g in piano.gruppi
        ],
    }


def _passo_dict(p: Passo, lang: Lang) -> dict[str, Any]:
    return {
        "uid": p.uid,
        "codice": p.codice,
        "titolo": p.titolo[lang],
        "data": p.data.isoformat(),
        "comune": p.comune,
        "attore": p.attore[lang],
        "fonte": {
            "atto": p.fonte.atto,
            "articolo": p.fonte.articolo,
            "comma": p.fonte.comma,
            "url": p.fonte.url,
        },
        "confidenza": p.confidenza,
        "tempo": p.tempo,
        "giorni": p.giorni,
        "nota": p.nota[lang] if p.nota else None,
        "in_ritardo": p.in_ritardo,
        "giorni_ritardo": p.ritardo,
        "fatto": p.fatto,
    }


def render_json(piano: Piano, lang: Lang = "it") -> str:
    return json.dumps(as_dict(piano, lang), ensure_ascii=False, indent=2) + "\n"
