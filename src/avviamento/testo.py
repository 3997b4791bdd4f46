"""Text from the profile made fit for the formats we write: XML (.docx), iCalendar, a terminal."""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab and line breaks, DEL, and what XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF)
_CONTROLLI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def senza_controlli(testo: str) -> str:
    """NUL, BEL, ESC and the like removed: no format we write can hold them, and on a terminal they act."""
    return _CONTROLLI.sub("", testo)


def md_escape(testo: str) -> str:
    """Markdown-escaped: a name from the profile (`*`, `_`, `<`, `|`…) opens no markup and no raw HTML."""
    for ch in "\\`*_[]<>|#":
        testo = testo.replace(ch, "\\" + ch)
    return testo


def pulisci(valore: Any) -> Any:
    """`senza_controlli` on every string of a nested structure (a drafting context as a dict)."""
    if isinstance(valore, str):
        return senza_controlli(valore)
    if isinstance(valore, dict):
        return {k: pulisci(v) for k, v in valore.items()}
    if isinstance(valore, list | tuple):
        return type(valore)(pulisci(v) for v in valore)
    return valore
