"""Rendering templates into documents, and writing them: sandboxed, escaped, strict, atomic.

Templates (bundled or the Union's own) render in an immutable Jinja sandbox with autoescape, so a value such as
`Terre & Acqua <Sud>` reaches the document as text, never as markup, and with `StrictUndefined`, so a template
naming a variable the context lacks is an error instead of a blank.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import do_format as _FORMATO
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from avviamento.draft.contesto import ContestoBase
from avviamento.errors import Text
from avviamento.testo import pulisci, senza_controlli

if TYPE_CHECKING:
    from avviamento.draft.preparato import Preparato

MARCATORE = re.compile(r"(\[DA COMPLETARE[^\]]*\])")


class ErroreRedazione(Exception):
    """A refused or failed drafting step: one line for the user, exit code 2."""

    def __init__(self, testo: Text) -> None:
        self.testo = testo
        super().__init__(testo["en"])


# What one expression of a template may produce: far beyond any act, far below what hurts the machine.
LIMITE_TESTO = 1_000_000
LIMITE_RANGE = 10_000
_NUMERO_GRANDE = re.compile(r"\d{7,}|%[-#0 +]*\d*\.?\*")  # a format width of a million or more, or `%*d`


_OLTRE: Text = {"it": f"risultato oltre {LIMITE_TESTO} elementi", "en": f"result over {LIMITE_TESTO} items"}
_LARGHEZZA: Text = {"it": "larghezza di formato oltre i limiti", "en": "format width beyond the limits"}


class Eccesso(SecurityError):
    """A template asked for a value beyond the limits: the reason, in each language."""

    def __init__(self, testo: Text) -> None:
        self.testo = testo
        super().__init__(testo["it"])


class Ambiente(ImmutableSandboxedEnvironment):
    """The sandbox every template renders in. docxtpl compiles each document part from source on every render:
    the compiled template is kept per source, so the thirty deliberations of a run compile their template once.

    Bounded: no constant folding at compile time (`templates lint` would evaluate `'x' * 3000000000` while
    compiling), and no operation, call or filter that builds a huge value (`*`, `**`, `%` and `+` are
    intercepted; a numeric argument, a `range` or a format width beyond the limits is refused). What the limits
    cannot see (nested loops) is bounded in time by the worker that renders custom templates (`rendi_limitato`).
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, optimized=False)
        self._compilati: dict[str, Template] = {}
        self.globals["range"] = _range
        self.filters = {nome: _filtro_limitato(f) for nome, f in self.filters.items()}

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compilato = self._compilati.get(source)
        if compilato is None:
            compilato = self._compilati[source] = super().from_string(source)
        return compilato

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        problema = _binop_eccessivo(operator, left, right)
        if problema:
            raise Eccesso({lingua: f"«{operator}»: {testo}" for lingua, testo in problema.items()})
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _controlla_argomenti(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        formato = super().wrap_str_format(value)
        if formato is not None and _NUMERO_GRANDE.search(value.__self__):
            raise Eccesso({k: f"format: {v}" for k, v in _LARGHEZZA.items()})
        return formato


def _binop_eccessivo(operator: str, left: Any, right: Any) -> Text | None:
    sequenze = (str, list, tuple)
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, sequenze) and isinstance(n, int) and len(seq) * n > LIMITE_TESTO:
                return _OLTRE
    if operator == "**" and isinstance(right, int | float) and abs(right) > 64 and left not in (0, 1, -1):
        return {"it": "esponente oltre 64", "en": "exponent over 64"}
    if operator == "%" and isinstance(left, str) and _NUMERO_GRANDE.search(left):
        return _LARGHEZZA
    if (
        operator == "+"
        and isinstance(left, sequenze)
        and isinstance(right, sequenze)
        and len(left) + len(right) > LIMITE_TESTO
    ):
        return _OLTRE
    return None


def _controlla_argomenti(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for valore in (*args, *kwargs.values()):
        if isinstance(valore, int) and not isinstance(valore, bool) and abs(valore) > LIMITE_TESTO:
            raise Eccesso(
                {
                    "it": f"argomento {valore} oltre il limite di {LIMITE_TESTO}",
                    "en": f"argument {valore} over the limit of {LIMITE_TESTO}",
                }
            )


def _filtro_limitato(filtro: Any) -> Any:
    """A filter refusing huge numeric arguments (`center(1500000000)`) and huge format widths (`format`)."""

    @functools.wraps(filtro)  # keeps Jinja's pass_context / pass_environment marks
    def limitato(*args: Any, **kwargs: Any) -> Any:
        _controlla_argomenti(args, kwargs)
        if filtro is _FORMATO and args and _NUMERO_GRANDE.search(str(args[0])):
            raise Eccesso({k: f"format: {v}" for k, v in _LARGHEZZA.items()})
        return filtro(*args, **kwargs)

    return limitato


def _range(*args: int) -> range:
    intervallo = range(*args)
    if len(intervallo) > LIMITE_RANGE:
        raise Eccesso(
            {"it": f"range oltre {LIMITE_RANGE} elementi", "en": f"range over {LIMITE_RANGE} items"}
        )
    return intervallo


def rendi(modello: bytes | Preparato, nome: str, contesto: ContestoBase, ambiente: Ambiente) -> bytes:
    """One document, in memory: nothing touches the disk until every document of the run has rendered.

    `modello` is the template's bytes, or the template prepared once for all the acts of a run (`prepara`).
    """
    tpl = modello if not isinstance(modello, bytes) else prepara(modello)
    try:
        tpl.render(pulisci(contesto.model_dump()), jinja_env=ambiente)
    except Exception as exc:  # a custom template may fail in any way: say where, never a traceback
        raise ErroreRedazione(_errore_resa(nome, exc)) from exc
    rifinisci(tpl.docx, contesto)
    return tpl.salva()


def prepara(modello: bytes) -> Preparato:
    from avviamento.draft.preparato import Preparato

    return Preparato(modello)


def rifinisci(documento: Any, contesto: ContestoBase) -> None:
    """What every act gets after docxtpl: the markers highlighted, the document's properties."""
    evidenzia_da_completare(documento)
    proprieta = documento.core_properties
    proprieta.title = _proprieta(contesto.documento.titolo)
    proprieta.subject = _proprieta(contesto.unione.nome)
    proprieta.language = "it-IT"
    proprieta.comments = _proprieta(
        f"Schema redatto con {contesto.documento.redatto_con} ({contesto.documento.regole})"
    )


def _proprieta(testo: str) -> str:
    """Document properties hold at most 255 characters (a Comune's name may be longer), and no control one."""
    testo = senza_controlli(testo)
    return testo if len(testo) <= 255 else testo[:254] + "…"


def _errore_resa(nome: str, exc: Exception) -> Text:
    from jinja2 import UndefinedError
    from jinja2.exceptions import SecurityError

    dettaglio = str(getattr(exc, "message", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, UndefinedError):
        return {
            "it": f"{nome}: variabile non definita nel modello: {dettaglio}",
            "en": f"{nome}: undefined variable in the template: {dettaglio}",
        }
    if isinstance(exc, MemoryError):
        return {
            "it": f"{nome}: il modello richiede troppa memoria: interrotto, nessun file scritto",
            "en": f"{nome}: the template needs too much memory: stopped, no file written",
        }
    if isinstance(exc, Eccesso):
        return {
            "it": f"{nome}: operazione non consentita nel modello: {exc.testo['it']}",
            "en": f"{nome}: operation not allowed in the template: {exc.testo['en']}",
        }
    if isinstance(exc, SecurityError):
        return {
            "it": f"{nome}: operazione non consentita nel modello: {dettaglio}",
            "en": f"{nome}: operation not allowed in the template: {dettaglio}",
        }
    return {
        "it": f"{nome}: il modello non si compone ({type(exc).__name__}: {dettaglio})",
        "en": f"{nome}: the template does not render ({type(exc).__name__}: {dettaglio})",
    }


def evidenzia_da_completare(documento: Any) -> None:
    """Highlight every `[DA COMPLETARE: …]` in yellow, splitting runs so that only the marker is coloured."""
    from copy import deepcopy

    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn

    parti = [documento.element.body]
    for sezione in documento.sections:
        for parte in (sezione.header, sezione.footer):
            if not parte.is_linked_to_previous:
                parti.append(parte._element)
    for radice in parti:
        for run in list(radice.iter(qn("w:r"))):
            testi = run.findall(qn("w:t"))
            if len(testi) != 1 or "[DA COMPLETARE" not in (testi[0].text or ""):
                continue
            for pezzo in MARCATORE.split(testi[0].text or ""):
                if not pezzo:
                    continue
                nuovo = deepcopy(run)
                t = nuovo.find(qn("w:t"))
                t.text = pezzo
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addprevious(nuovo)
                if MARCATORE.fullmatch(pezzo):
                    nuovo.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW
            run.getparent().remove(run)


# --- the files ---


def destinazione(out: Path, relativo: str) -> Path:
    """The path of an output file, refusing anything that would land outside --out (`..`, symlinks)."""
    base = out.resolve()
    percorso = base.joinpath(*relativo.split("/"))
    if not percorso.resolve().is_relative_to(base):
        raise ErroreRedazione(
            {
                "it": f"avviamento: --out: il file «{relativo}» uscirebbe dalla cartella {out}: rifiutato",
                "en": f"avviamento: --out: the file «{relativo}» would land outside {out}: refused",
            }
        )
    return percorso


# --- PDF through LibreOffice ---


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def converti_pdf(documenti: list[tuple[str, bytes]], eseguibile: str, timeout: float = 600.0) -> list[bytes]:
    """The PDF of each `(name, .docx bytes)`, in one LibreOffice run with a private, throw-away profile.

    The documents are written under numbered names in a scratch folder (two acts in different folders may share
    a name, and one `--outdir` would mix them up); nothing reaches --out until every conversion succeeded.
    """
    if not documenti:
        return []
    with tempfile.TemporaryDirectory(prefix="avviamento-pdf-") as lavoro:
        base = Path(lavoro)
        ingresso, uscita, profilo = base / "in", base / "out", base / "profilo"
        ingresso.mkdir()
        uscita.mkdir()
        copie = []
        for n, (_, dati) in enumerate(documenti):
            copia = ingresso / f"{n:04d}.docx"
            copia.write_bytes(dati)
            copie.append(copia)
        comando = [
            eseguibile,
            f"-env:UserInstallation={profilo.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(uscita),
            *map(str, copie),
        ]
        try:
            esecuzione = subprocess.run(comando, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ErroreRedazione(
                {
                    "it": f"avviamento: --pdf: LibreOffice non ha completato la conversione ({exc})",
                    "en": f"avviamento: --pdf: LibreOffice did not complete the conversion ({exc})",
                }
            ) from exc
        prodotti: list[bytes] = []
        for n, (nome, _) in enumerate(documenti):
            prodotto = uscita / f"{n:04d}.pdf"
            if not prodotto.is_file():
                ultimo = (esecuzione.stderr or esecuzione.stdout or "").strip().splitlines()[-1:] or ["—"]
                raise ErroreRedazione(
                    {
                        "it": f"avviamento: --pdf: conversione non riuscita per {nome}: {ultimo[0]}",
                        "en": f"avviamento: --pdf: conversion failed for {nome}: {ultimo[0]}",
                    }
                )
            prodotti.append(prodotto.read_bytes())
        return prodotti
