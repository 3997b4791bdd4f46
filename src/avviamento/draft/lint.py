"""`templates lint`: every variable a template names exists in its drafting context, and its tags are well placed.

The template's Jinja source is read as docxtpl renders it (body, headers, footers); its syntax tree is then walked
with the context model in hand, so `{{ funzione.etichettaa }}` and `{% for c in comuni %}{{ c.sindco }}` are
caught before any document is written, even inside a branch that this Union's data would never take.
"""

from __future__ import annotations

import io
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from pydantic import BaseModel

from avviamento.draft.atti import Tipo, modelli
from avviamento.draft.contesto import (
    ContestoAdozione,
    ContestoBase,
    ContestoConvenzione,
    ContestoDelibera,
    ContestoDeliberaUnione,
    ContestoPiano,
    ContestoRegolamento,
)
from avviamento.draft.partecipazione import ContestoPartecipazione, ContestoPatto
from avviamento.draft.writer import Ambiente
from avviamento.errors import InputError, Text

CONTESTI: dict[Tipo, type[ContestoBase]] = {
    "convenzione": ContestoConvenzione,
    "delibera": ContestoDelibera,
    "regolamento": ContestoRegolamento,
    "piano": ContestoPiano,
    "delibera_unione": ContestoDeliberaUnione,
    "adozione": ContestoAdozione,
    "impegno": ContestoPartecipazione,
    "tavolo": ContestoPartecipazione,
    "docpp": ContestoPartecipazione,
    "relazione_finale": ContestoPartecipazione,
    "presa_atto": ContestoPartecipazione,
    "patto": ContestoPatto,
}
_QUALSIASI = object()  # a value whose type the lint cannot follow (a filter's result, a `set` variable)
_TAG_PARAGRAFO = re.compile(r"\{%\s*(p|tr|tc)\s.*?%\}")
_TAG_RICCO = re.compile(r"\{\{(r|p)\s.*?\}\}|\{%(r)\s.*?%\}")  # RichText and Subdoc: the context has neither


@dataclass(frozen=True)
class Problema:
    modello: str  # the template as the user named it
    testo: Text

    def riga(self, lang: str) -> str:
        return f"{self.modello}: {self.testo[lang]}"


def carica(percorso: Path) -> bytes:
    """A template's bytes, read no further than the size limit of every input (a regular file only)."""
    from avviamento.yamlio import read_limited

    return read_limited(percorso, str(percorso))


def verifica_modello(
    dati: bytes, nome: str, contesto: type[BaseModel], ambiente: Ambiente | None = None
) -> list[Problema]:
    """Every problem of one template against one context model (an empty list: usable)."""
    from docxtpl import DocxTemplate

    ambiente = ambiente or Ambiente()
    try:
        tpl = DocxTemplate(io.BytesIO(dati))
        tpl.init_docx()
        sorgenti = _sorgenti(tpl)
    except Exception as exc:  # not a .docx at all (a renamed file, a truncated download)
        return [
            Problema(
                nome,
                {"it": f"non è un documento .docx leggibile ({exc})", "en": f"not a readable .docx ({exc})"},
            )
        ]
    problemi = _posizione_tag(tpl, nome)
    paragrafi = _testi_paragrafi(tpl)
    for sorgente in sorgenti:
        try:
            albero = ambiente.parse(sorgente)
            ambiente.from_string(sorgente)  # unknown filters and tests surface at compile time
        except TemplateSyntaxError as exc:
            problemi.append(
                Problema(
                    nome,
                    {
                        "it": f"tag non valido: {exc.message}{_dove(paragrafi, sorgente, exc.lineno)}",
                        "en": f"invalid tag: {exc.message}{_dove(paragrafi, sorgente, exc.lineno, 'en')}",
                    },
                )
            )
            continue
        except Exception as exc:  # TemplateAssertionError: no filter named …
            problemi.append(
                Problema(nome, {"it": f"modello non valido: {exc}", "en": f"invalid template: {exc}"})
            )
            continue
        analisi = _Analisi(contesto)
        sconosciute = analisi.sconosciute(albero)
        for costrutto in analisi.senza_escape:
            problemi.append(
                Problema(
                    nome,
                    {
                        "it": f"«{costrutto}» disattiva l'escape dei valori: non consentito (un nome con & o < "
                        "romperebbe il documento)",
                        "en": f"«{costrutto}» turns off the escaping of values: not allowed (a name with & or < "
                        "would break the document)",
                    },
                )
            )
        for variabile in sconosciute:
            dove_it = _paragrafo(paragrafi, variabile.rsplit(".", 1)[-1])
            problemi.append(
                Problema(
                    nome,
                    {
                        "it": f"variabile sconosciuta «{variabile}»{dove_it}",
                        "en": f"unknown variable «{variabile}»{dove_it.replace('paragrafo', 'paragraph')}",
                    },
                )
            )
    return problemi


def verifica_cartella(cartella: Path, etichetta: str | None = None) -> tuple[int, list[Problema]]:
    """Lint every template `draft` uses in a templates folder: (templates checked, problems)."""
    radice = etichetta or str(cartella)
    if not cartella.is_dir():
        return 0, [
            Problema(radice, {"it": "cartella dei modelli non trovata", "en": "templates folder not found"})
        ]
    attesi = modelli()
    problemi: list[Problema] = []
    verificati = 0
    ambiente = Ambiente()
    for relativo, tipo in attesi.items():
        percorso = cartella / relativo
        nome = f"{radice.rstrip('/')}/{relativo}"
        if not percorso.is_file():
            problemi.append(Problema(nome, {"it": "modello mancante", "en": "template missing"}))
            continue
        verificati += 1
        try:
            dati = carica(percorso)
        except InputError as exc:
            problemi.append(Problema(nome, exc.text))
            continue
        problemi.extend(verifica_modello(dati, nome, CONTESTI[tipo], ambiente))
    for percorso in sorted(cartella.rglob("*.docx")):
        relativo = percorso.relative_to(cartella).as_posix()
        if relativo not in attesi and not percorso.name.startswith(("~$", ".")):
            problemi.append(
                Problema(
                    f"{radice.rstrip('/')}/{relativo}",
                    {
                        "it": f"modello non usato da draft (nomi previsti: {', '.join(attesi)})",
                        "en": f"template not used by draft (expected names: {', '.join(attesi)})",
                    },
                )
            )
    return verificati, problemi


# --- reading the template as docxtpl does ---


def _sorgenti(tpl: Any) -> list[str]:
    """The Jinja sources docxtpl renders, byte for byte (so the compiled templates are shared with `rendi`)."""
    parti = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, parte in tpl.get_headers_footers(uri):
            parti.append(tpl.patch_xml(tpl.get_part_xml(parte)))
    proprieta = tpl.docx.core_properties
    testi = [
        getattr(proprieta, p) or ""
        for p in ("author", "comments", "identifier", "language", "subject", "title")
    ]
    return [re.sub(r"<w:p([ >])", r"\n<w:p\1", parte) for parte in parti] + [t for t in testi if "{" in t]


def _paragrafi_in_tabelle(tpl: Any) -> list[Any]:
    return [p for t in tpl.docx.tables for r in t.rows for c in r.cells for p in c.paragraphs]


def _testi_paragrafi(tpl: Any) -> list[str]:
    return [p.text for p in tpl.docx.paragraphs]


def _posizione_tag(tpl: Any, nome: str) -> list[Problema]:
    """docxtpl replaces the whole paragraph (or row, or cell) of a `{%p %}` (`{%tr %}`, `{%tc %}`) tag:
    any other text there would vanish, and a `{%tr %}` outside a table would eat the document."""
    problemi: list[Problema] = []
    for n, paragrafo in enumerate(tpl.docx.paragraphs, start=1):
        _controlla_paragrafo(paragrafo.text, f"paragrafo {n}", f"paragraph {n}", False, nome, problemi)
    for paragrafo in _paragrafi_in_tabelle(tpl):
        _controlla_paragrafo(paragrafo.text, "tabella", "table", True, nome, problemi)
    return problemi


def _controlla_paragrafo(
    testo: str, dove: str, where: str, tabella: bool, nome: str, out: list[Problema]
) -> None:
    for tag in _TAG_RICCO.finditer(testo):
        out.append(
            Problema(
                nome,
                {
                    "it": f"il tag «{tag[0]}» richiede un testo formattato (RichText) o un sottodocumento, che il "
                    f"contesto non contiene: usare «{{{{ … }}}}» ({dove})",
                    "en": f"the tag «{tag[0]}» needs rich text (RichText) or a subdocument, which the context does "
                    f"not hold: use «{{{{ … }}}}» ({where})",
                },
            )
        )
    for tag in _TAG_PARAGRAFO.finditer(testo):
        if tag[1] in ("tr", "tc") and not tabella:
            out.append(
                Problema(
                    nome,
                    {
                        "it": f"il tag «{tag[0]}» deve stare in una cella di tabella ({dove})",
                        "en": f"the tag «{tag[0]}» must be in a table cell ({where})",
                    },
                )
            )
        elif tag[1] == "p" and testo.strip() != tag[0]:
            out.append(
                Problema(
                    nome,
                    {
                        "it": f"il tag «{tag[0]}» deve stare da solo nel suo paragrafo ({dove})",
                        "en": f"the tag «{tag[0]}» must be alone in its paragraph ({where})",
                    },
                )
            )


def _paragrafo(paragrafi: list[str], parola: str) -> str:
    for n, testo in enumerate(paragrafi, start=1):
        if parola in testo:
            return f" (paragrafo {n})"
    return ""


def _dove(paragrafi: list[str], sorgente: str, riga: int | None, lang: str = "it") -> str:
    if riga is None:
        return ""
    # the source has one line per paragraph (docxtpl breaks before every <w:p>)
    testo = re.sub(
        r"<[^>]+>", "", sorgente.splitlines()[riga - 1] if riga <= len(sorgente.splitlines()) else ""
    )
    testo = testo.strip()
    if not testo:
        return ""
    parola = "paragrafo" if lang == "it" else "paragraph"
    for n, p in enumerate(paragrafi, start=1):
        if p.strip() == testo:
            return f" ({parola} {n}: «{testo[:60]}»)"
    return f" («{testo[:60]}»)"


# --- the variables a syntax tree uses, against the context model ---


class _Analisi:
    def __init__(self, contesto: type[BaseModel]) -> None:
        self.contesto = contesto
        self.trovate: list[str] = []
        self.senza_escape: list[str] = []  # `|safe`, `{% autoescape false %}`

    def sconosciute(self, albero: nodes.Template) -> list[str]:
        self._corpo(albero.body, {})
        return list(dict.fromkeys(self.trovate))

    def _corpo(self, corpo: list[nodes.Node], ambito: dict[str, Any]) -> None:
        for nodo in corpo:
            self._nodo(nodo, ambito)

    def _nodo(self, nodo: nodes.Node, ambito: dict[str, Any]) -> None:
        if isinstance(nodo, nodes.For):
            elemento = _elemento(self._tipo(nodo.iter, ambito))
            interno = dict(ambito)
            for nome in _nomi(nodo.target):
                interno[nome] = elemento if isinstance(nodo.target, nodes.Name) else _QUALSIASI
            interno["loop"] = _QUALSIASI
            if nodo.test is not None:
                self._tipo(nodo.test, interno)
            self._corpo(nodo.body, interno)
            self._corpo(nodo.else_, ambito)
        elif isinstance(nodo, nodes.Assign):
            self._tipo(nodo.node, ambito)
            for nome in _nomi(nodo.target):
                ambito[nome] = _QUALSIASI
        elif isinstance(nodo, nodes.AssignBlock):
            self._corpo(nodo.body, ambito)
            for nome in _nomi(nodo.target):
                ambito[nome] = _QUALSIASI
        elif isinstance(nodo, nodes.With):
            interno = dict(ambito)
            for bersaglio, valore in zip(nodo.targets, nodo.values, strict=False):
                self._tipo(valore, ambito)
                for nome in _nomi(bersaglio):
                    interno[nome] = _QUALSIASI
            self._corpo(nodo.body, interno)
        elif isinstance(nodo, nodes.Macro | nodes.CallBlock):
            interno = dict(ambito)
            for argomento in nodo.args:
                interno[argomento.name] = _QUALSIASI
            interno.update(caller=_QUALSIASI, varargs=_QUALSIASI, kwargs=_QUALSIASI)
            for default in nodo.defaults:
                self._tipo(default, ambito)
            if isinstance(nodo, nodes.CallBlock):
                self._tipo(nodo.call, ambito)
            else:
                ambito[nodo.name] = _QUALSIASI
            self._corpo(nodo.body, interno)
        elif isinstance(nodo, nodes.EvalContextModifier):
            for opzione in nodo.options:
                attivo = isinstance(opzione.value, nodes.Const) and opzione.value.value is True
                if opzione.key == "autoescape" and not attivo:
                    self.senza_escape.append("{% autoescape false %}")
            if isinstance(nodo, nodes.ScopedEvalContextModifier):
                self._corpo(nodo.body, ambito)
        elif isinstance(nodo, nodes.Expr):
            self._tipo(nodo, ambito)
        else:
            for figlio in nodo.iter_child_nodes():
                if isinstance(figlio, nodes.Expr):
                    self._tipo(figlio, ambito)
                else:
                    self._nodo(figlio, ambito)

    def _tipo(self, nodo: nodes.Node, ambito: dict[str, Any]) -> Any:
        if isinstance(nodo, nodes.Name):
            if nodo.name in ambito:
                return ambito[nodo.name]
            campi = self.contesto.model_fields
            if nodo.name in campi:
                return campi[nodo.name].annotation
            if nodo.name in ("range", "dict", "lipsum", "cycler", "joiner", "namespace"):
                return _QUALSIASI
            self.trovate.append(nodo.name)
            return _QUALSIASI
        if isinstance(nodo, nodes.Getattr):
            return self._attributo(nodo.node, nodo.attr, ambito)
        if isinstance(nodo, nodes.MarkSafe | nodes.MarkSafeIfAutoescape) or (
            isinstance(nodo, nodes.Filter) and nodo.name == "safe"
        ):
            self.senza_escape.append("|safe")
        if isinstance(nodo, nodes.Getitem):
            base = self._tipo(nodo.node, ambito)
            if isinstance(nodo.arg, nodes.Const) and isinstance(nodo.arg.value, str):
                return self._attributo(nodo.node, nodo.arg.value, ambito, base)
            self._tipo(nodo.arg, ambito)
            return _elemento(base)
        for figlio in nodo.iter_child_nodes():
            self._tipo(figlio, ambito)
        return _QUALSIASI

    def _attributo(self, nodo: nodes.Node, nome: str, ambito: dict[str, Any], base: Any = None) -> Any:
        tipo = self._tipo(nodo, ambito) if base is None else base
        tipo = _senza_none(tipo)
        if nome.startswith("_"):  # the sandbox refuses them anyway: say so before rendering
            self.trovate.append(f"{_testo(nodo)}.{nome}")
            return _QUALSIASI
        if isinstance(tipo, type) and issubclass(tipo, BaseModel):
            campo = tipo.model_fields.get(nome)
            if campo is None:
                self.trovate.append(f"{_testo(nodo)}.{nome}")
                return _QUALSIASI
            return campo.annotation
        if tipo is _QUALSIASI:
            return _QUALSIASI
        python = typing.get_origin(tipo) or tipo
        if isinstance(python, type) and not nome.startswith("_") and hasattr(python, nome):
            return _QUALSIASI  # a method of str or list, e.g. `nome.upper()`
        self.trovate.append(f"{_testo(nodo)}.{nome}")
        return _QUALSIASI


def _senza_none(tipo: Any) -> Any:
    if typing.get_origin(tipo) in (typing.Union, types.UnionType):
        altri = [a for a in typing.get_args(tipo) if a is not type(None)]
        return altri[0] if len(altri) == 1 else _QUALSIASI
    return tipo


def _elemento(tipo: Any) -> Any:
    tipo = _senza_none(tipo)
    if typing.get_origin(tipo) is list:
        return typing.get_args(tipo)[0]
    return _QUALSIASI


def _nomi(bersaglio: nodes.Node) -> list[str]:
    if isinstance(bersaglio, nodes.Name):
        return [bersaglio.name]
    if isinstance(bersaglio, nodes.NSRef):
        return []
    return [n.name for n in bersaglio.find_all(nodes.Name)]


def _testo(nodo: nodes.Node) -> str:
    if isinstance(nodo, nodes.Name):
        return nodo.name
    if isinstance(nodo, nodes.Getattr):
        return f"{_testo(nodo.node)}.{nodo.attr}"
    if isinstance(nodo, nodes.Const):
        return repr(nodo.value)
    if isinstance(nodo, nodes.Getitem) and isinstance(nodo.arg, nodes.Const):
        return f"{_testo(nodo.node)}[{nodo.arg.value!r}]"
    return "…"
