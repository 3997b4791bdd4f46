"""File names on a narrow screen: broken only after `/`, `_` or `-`, never inside a word."""

from __future__ import annotations

import re

# a piece ends right after a separator (or at the end of the name)
_PEZZI = re.compile(r"[^/_-]*(?:[/_-]+|$)")


def pezzi(nome: str) -> list[str]:
    """`examples/nuovo-circondario.yaml` → `examples/`, `nuovo-`, `circondario.yaml`."""
    return [p for p in _PEZZI.findall(nome) if p]


def pezzo_piu_lungo(nome: str) -> int:
    return max((len(p) for p in pezzi(nome)), default=0)


def spezza_nome(nome: str, larghezza: int) -> list[str]:
    """The name in lines of at most `larghezza` characters, broken only between pieces (a piece longer than
    the width stays whole on its own line)."""
    righe: list[str] = []
    attuale = ""
    for pezzo in pezzi(nome):
        if attuale and len(attuale) + len(pezzo) > larghezza:
            righe.append(attuale)
            attuale = ""
        attuale += pezzo
    if attuale or not righe:
        righe.append(attuale)
    return righe


def adatta_tabella(testo: str, colonna_file: int, larghezza: int) -> str:
    """A plain table whose last column is a file name, fitted to `larghezza`: a name that does not fit is
    continued under its column (or, when the column starts too far right, on lines of its own), broken only
    after / _ -; the other long lines wrap at spaces, never inside a word or a path."""
    import textwrap

    righe: list[str] = []
    for riga in testo.splitlines():
        if len(riga) <= larghezza:
            righe.append(riga)
        elif colonna_file and len(riga) > colonna_file and riga[colonna_file - 2 : colonna_file] == "  ":
            testa, nome = riga[:colonna_file], riga[colonna_file:]
            rientro = colonna_file if larghezza - colonna_file >= 20 else 4
            pezzi_nome = spezza_nome(nome, larghezza - rientro)
            if rientro == colonna_file:
                righe.append(testa + pezzi_nome[0])
                pezzi_nome = pezzi_nome[1:]
            else:
                righe.append(testa.rstrip())
            righe.extend(" " * rientro + p for p in pezzi_nome)
        else:
            righe.extend(
                textwrap.wrap(
                    riga, larghezza, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
                )
            )
    return "\n".join(righe) + ("\n" if testo.endswith("\n") else "")
