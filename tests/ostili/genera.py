"""Large hostile inputs, generated in the test instead of checked in."""

from __future__ import annotations

FUNZIONI = ("sistemi_informativi", "polizia_locale", "protezione_civile", "servizi_sociali", "personale")


def profilo_grande(comuni: int, funzioni: int = 3) -> str:
    """A well-formed profile with `comuni` Comuni, each conferring `funzioni` functions (codes may repeat)."""
    righe = [
        "versione_formato: 1",
        "data_riferimento: 2024-05-15",
        "unione: {nome: Unione grande, provincia: BO, atto_costitutivo: 2022-11-29}",
        "comuni:",
    ]
    righe += [
        f"  - {{nome: Comune {i}, istat: '{i % 999999:06d}', popolazione: 1000}}" for i in range(comuni)
    ]
    righe.append("funzioni:")
    for f in range(funzioni):
        righe.append(f"  - codice: {FUNZIONI[f % len(FUNZIONI)]}")
        righe.append("    conferimenti:")
        righe += [
            f"      - {{comune: Comune {i}, delibera: {{numero: {i}, data: 2023-03-28}}}}"
            for i in range(comuni)
        ]
    return "\n".join(righe) + "\n"


def risate(livelli: int) -> str:
    """A «billion laughs»: `a` a list of nine values, then `livelli` keys (b, c, …) each a list of nine aliases to
    the key before it: the last alone holds 9 ** (livelli + 1) values once expanded, in a few hundred bytes."""
    righe = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, livelli + 1):
        prima, nome = chr(96 + i), chr(97 + i)
        righe.append(f"{nome}: &{nome} [{', '.join([f'*{prima}'] * 9)}]")
    return "\n".join(righe) + "\n"
