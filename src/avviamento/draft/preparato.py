"""A template opened once per run and rendered into many acts: docxtpl, without its per-act costs.

docxtpl re-opens the .docx for every render (the bundled templates carry 800 KB of styles XML to parse), re-runs
its regular-expression pre-pass over the same XML, and on save re-serializes and re-compresses every part. Here the
document is opened once, the pre-pass runs once, and each act's .docx is the template's zip with only the parts a
render changes written anew: the body, headers, footers, footnotes and core properties. The rendering itself is
docxtpl's own code, so the acts read exactly as docxtpl alone would make them (tests/draft/test_preparato.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docxtpl import DocxTemplate

_NOTE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PROPRIETA = ("author", "comments", "identifier", "language", "subject", "title")  # those docxtpl renders


class Preparato(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type hints
    """One template: `render`, then `salva`, once per act and in turn (one per run, never shared by threads)."""

    def __init__(self, dati: bytes) -> None:
        super().__init__(io.BytesIO(dati))
        self.docx = Document(self.template_file)
        pacchetto = self.docx.part.package
        proprieta = self.docx.core_properties  # python-docx adds the part here if the template has none
        self._proprieta = {nome: getattr(proprieta, nome) for nome in _PROPRIETA}
        self._corpo = self.patch_xml(self.get_xml())
        self._testate = {
            uri: [
                (chiave, self.patch_xml(self.get_part_xml(parte)))
                for chiave, parte in self.get_headers_footers(uri)
            ]
            for uri in (self.HEADER_URI, self.FOOTER_URI)
        }
        self._note = {p: p.blob for p in pacchetto.iter_parts() if p.content_type == _NOTE}
        self._proprieta_parte = pacchetto.part_related_by(RT.CORE_PROPERTIES)
        self._parti = self._elenco_parti()
        self._base = self._zip_base(dati)

    # --- docxtpl's render, reading the cached pre-pass and the template's original values ---

    def init_docx(self, reload: bool = True) -> None:
        """Opened once: each render starts again from the template's pre-pass and original values."""

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        return str(self.render_xml_part(self._corpo, self.docx._part, context, jinja_env))

    def build_headers_footers_xml(
        self, context: dict[str, Any], uri: str, jinja_env: Any = None
    ) -> Iterator[tuple[str, bytes]]:
        for chiave, sorgente in self._testate[uri]:
            parte = self.docx._part.rels[chiave].target_part
            xml = self.render_xml_part(sorgente, parte, context, jinja_env)
            yield chiave, xml.encode(self.get_headers_footers_encoding(sorgente))

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        proprieta = self.docx.core_properties
        for nome, valore in self._proprieta.items():
            setattr(proprieta, nome, valore)
        super().render_properties(context, jinja_env)

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        for parte, blob in self._note.items():
            parte._blob = blob
        super().render_footnotes(context, jinja_env)

    # --- writing ---

    def salva(self) -> bytes:
        """The act's .docx: the template's other zip members as they are, the rendered parts written anew."""
        if (
            self._base is None or self._elenco_parti() != self._parti
        ):  # the render added a part: docxtpl's save
            buffer = io.BytesIO()
            self.save(buffer)
            return buffer.getvalue()
        buffer = io.BytesIO(self._base)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as uscita:
            for parte in self._rese():
                uscita.writestr(parte.partname.membername, parte.blob)
        return buffer.getvalue()

    def _rese(self) -> list[Part]:
        """The parts a render replaces or changes (docxtpl's `render`, then `rendi`'s highlighting)."""
        relazioni = self.docx._part.rels
        testate = [relazioni[chiave].target_part for parti in self._testate.values() for chiave, _ in parti]
        return [self.docx._part, *testate, *self._note, self._proprieta_parte]

    def _elenco_parti(self) -> dict[str, int]:
        """Every part by name, with how many relationships it has: what the template's zip must still hold."""
        pacchetto = self.docx.part.package
        parti = {str(p.partname): len(p.rels) for p in pacchetto.iter_parts()}
        parti["/"] = len(pacchetto.rels)
        return parti

    def _zip_base(self, dati: bytes) -> bytes | None:
        """The template's zip without the members each act rewrites; None if a part is not in it as python-docx
        would write it (a part python-docx added, like missing core properties)."""
        rese = {p.partname.membername for p in self._rese()}
        with zipfile.ZipFile(io.BytesIO(dati)) as ingresso:
            if not {nome.lstrip("/") for nome in self._parti if nome != "/"} <= set(ingresso.namelist()):
                return None
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as uscita:
                for info in ingresso.infolist():
                    if info.filename not in rese:
                        uscita.writestr(info, ingresso.read(info))
        return buffer.getvalue()
