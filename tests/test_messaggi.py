"""Messages follow the pack (no threshold written in a text) and agree in number with what they count."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from avviamento.risorse import default_rules
from tests.conftest import EXAMPLES

Run = Callable[..., Result]
BUNDLED = default_rules().read_text(encoding="utf-8")
DELTA = str(EXAMPLES / "terre-del-delta.yaml")
IMOLA = str(EXAMPLES / "nuovo-circondario-imolese.yaml")


def con_valore(nome: str, nuovo: int) -> str:
    """The bundled pack with every dated value of parameter `nome` set to `nuovo`."""
    start = BUNDLED.index(f"\n  {nome}:\n") + 1
    end = re.compile(r"\n  \S|\n\S").search(BUNDLED, start + len(nome) + 3)
    stop = end.start() if end else len(BUNDLED)
    block = re.sub(r"(- valore: )\S+", rf"\g<1>{nuovo}", BUNDLED[start:stop])
    assert block != BUNDLED[start:stop]
    return BUNDLED[:start] + block + BUNDLED[stop:]


def messaggi_di(data: dict[str, Any], codice: str | None) -> list[str]:
    if codice is None:
        return list(data["motivi_classe"])
    return [r["messaggio"] for r in data["rilievi"] if r["regola"] == codice and r["stato"] != "soddisfatta"]


# parameter, new value, profile, date, rule (None: the class reasons), fragment expected with the new value
SOGLIE = [
    ("soglia_funzioni_chiave", 4, DELTA, "2024-03-01", "ER-002", "ne servono 4"),
    ("soglia_funzioni_chiave", 4, DELTA, "2024-03-01", "ER-003", "almeno 4 funzioni tra le sette chiave"),
    ("soglia_funzioni_chiave", 4, DELTA, "2024-03-01", None, "servono 4 funzioni effettive"),
    ("soglia_in_sviluppo", 7, IMOLA, "2025-03-01", None, "servono 7 funzioni effettive"),
    ("soglia_comuni_obbligati", 4000, DELTA, "2024-03-01", "ER-009", "soglia 4.000"),
    ("soglia_comuni_obbligati_montani", 2500, IMOLA, "2025-03-01", "ER-009", "soglia 2.500"),
    ("popolazione_minima_ambito", 25000, DELTA, "2024-03-01", "ER-010", "soglia di 25.000"),
    ("popolazione_minima_ambito_montano", 200000, IMOLA, "2025-03-01", "ER-010", "soglia di 200.000"),
    (
        "funzioni_completate_in_sviluppo",
        3,
        IMOLA,
        "2025-03-01",
        None,
        "servono 3 funzioni completate",
    ),
    ("completamento_minimo_in_sviluppo", 93, IMOLA, "2025-03-01", None, "almeno al 93%"),
    ("effettivita_finanziaria_in_sviluppo", 20, IMOLA, "2025-03-01", None, "almeno del 20%"),
]


@pytest.mark.parametrize(("nome", "nuovo", "profilo", "data", "codice", "atteso"), SOGLIE)
def test_changing_a_threshold_in_a_copied_pack_changes_the_message(
    run: Run,
    write: Callable[[str, str], Path],
    nome: str,
    nuovo: int,
    profilo: str,
    data: str,
    codice: str | None,
    atteso: str,
) -> None:
    prima = json.loads(run("check", profilo, "--as-of", data, "--format", "json").stdout)
    regole = write(con_valore(nome, nuovo), "regole.yaml")
    assert run("rules", "lint", str(regole)).exit_code == 0
    dopo = json.loads(
        run("check", profilo, "--as-of", data, "--format", "json", "--rules", str(regole)).stdout
    )
    assert messaggi_di(dopo, codice) != messaggi_di(prima, codice)
    assert any(atteso in t for t in messaggi_di(dopo, codice)), messaggi_di(dopo, codice)
    assert not any(atteso in t for t in messaggi_di(prima, codice))


def test_no_message_of_the_pack_writes_a_threshold() -> None:
    # The old ER-003 text said «almeno 4 funzioni» whatever the pack's threshold.
    for frammento in ("almeno 3", "almeno 4", "almeno 5", "5.000", "3.000", "30.000", "15.000"):
        messaggi = re.findall(r"^\s+(?:it|en): \".*$", BUNDLED, flags=re.M)
        assert not any(frammento in m for m in messaggi), frammento


PROFILO = """\
versione_formato: 1
unione: {{nome: "Unione di prova", provincia: FE, atto_costitutivo: 2022-11-29, classe_dichiarata: avviata,
          organi: {{giunta: sindaci}}}}
comuni:
  - {{nome: Codigoro, istat: "038005"}}
  - {{nome: Goro, istat: "038025"}}
  - {{nome: Mesola, istat: "038014"}}
funzioni:
{funzioni}
"""
TUTTI = (
    "[{comune: Codigoro, delibera: {data: 2023-10-02}}, {comune: Goro, delibera: {data: 2023-10-03}},"
    " {comune: Mesola, delibera: {data: 2023-10-04}}]"
)


def _funzione(codice: str, conferimenti: str = TUTTI, durata: str = "indeterminata") -> str:
    return (
        f"  - {{codice: {codice}, conferimenti: {conferimenti}, avvio: 2024-01-01, integrale: true, personale: 1,"
        f" convenzione: {{sottoscritta: 2023-11-06, durata: {durata}, riparto_spese: popolazione}}}}"
    )


def _check(
    run: Run, write: Callable[[str, str], Path], funzioni: list[str], lang: str = "it"
) -> dict[str, Any]:
    path = write(PROFILO.format(funzioni="\n".join(funzioni)), "p.yaml")
    result = run("check", str(path), "--as-of", "2024-05-01", "--format", "json", "--lang", lang)
    return dict(json.loads(result.stdout))


def test_singular_and_plural_agree(run: Run, write: Callable[[str, str], Path]) -> None:
    due = [_funzione("sistemi_informativi"), _funzione("polizia_locale"), _funzione("tributi", durata="1")]
    data = _check(run, write, due)
    assert messaggi_di(data, "ER-002") == [
        "Funzioni chiave effettive: 2 (Polizia locale, Tributi), ne servono 3; ne manca 1. "
        "Candidate: Urbanistica ed edilizia, Protezione civile, Servizi sociali, Gestione del personale, "
        "Sportello unico per le attività produttive (SUAP)."
    ]
    assert any(m.endswith("ne risultano 2") for m in data["motivi_classe"])
    [er008] = messaggi_di(data, "ER-008")
    assert "ha una durata di 1 anno, ma Goro è un Comune obbligato all'esercizio" in er008
    en = _check(run, write, due, "en")
    assert any(m.endswith("there are 2") for m in en["motivi_classe"])
    assert "lasts 1 year, but Goro is an obliged Comune" in messaggi_di(en, "ER-008")[0]

    una = [_funzione("sistemi_informativi"), _funzione("polizia_locale", conferimenti="[]")]
    data = _check(run, write, una)
    assert any(m.endswith("ne risultano 0") for m in data["motivi_classe"])
    [er004] = messaggi_di(data, "ER-004")
    assert er004.endswith("mancano le deliberazioni consiliari di Codigoro, Goro e Mesola.")
    solo_goro = (
        "[{comune: Codigoro, delibera: {data: 2023-10-02}}, {comune: Mesola, delibera: {data: 2023-10-04}}]"
    )
    tre = [_funzione("sistemi_informativi"), _funzione("polizia_locale"), _funzione("tributi", solo_goro)]
    data = _check(run, write, tre)
    assert any(m.endswith("ne risulta 1") for m in data["motivi_classe"])
    assert messaggi_di(data, "ER-004") == [
        "La funzione «Tributi» non è conferita da tutti i Comuni: manca la deliberazione consiliare di Goro."
    ]
    en = _check(run, write, tre, "en")
    assert any(m.endswith("there is 1") for m in en["motivi_classe"])


@pytest.mark.parametrize(
    ("testo", "atteso"),
    [
        ("concluso 1 giorni oltre il termine", "concluso 1 giorno oltre il termine"),
        ("(1 mesi più le sospensioni)", "(1 mese più le sospensioni)"),
        ("ended 1 days after", "ended 1 day after"),
        ("21 giorni, 11 mesi, 2.1 anni, 1,1 anni", "21 giorni, 11 mesi, 2.1 anni, 1,1 anni"),
    ],
)
def test_rule_messages_agree_after_one(testo: str, atteso: str) -> None:
    from avviamento.i18n import accorda

    assert accorda(testo) == atteso


def test_the_rest_of_many_errors_agrees(tmp_path: Path) -> None:
    from avviamento.errors import InputError

    def righe(quanti: int, lang: str) -> list[str]:
        errori = [InputError("p.yaml", i, 1, {"it": "x", "en": "x"}) for i in range(1, quanti + 1)]
        return errori[0].con_altri(errori[1:]).righe(lang, massimo=3)  # type: ignore[arg-type]

    assert righe(4, "it")[-1] == "p.yaml: … e un altro errore"
    assert righe(5, "it")[-1] == "p.yaml: … e altri 2 errori"
    assert righe(4, "en")[-1] == "p.yaml: … and 1 more error"
    assert righe(5, "en")[-1] == "p.yaml: … and 2 more errors"
    assert len(righe(3, "it")) == 3


def test_init_counts_its_comuni(run: Run, tmp_path: Path) -> None:
    uno = run("init", str(tmp_path / "uno.yaml"), "--unione", "Unione Prova", "--comuni", "Imola")
    assert uno.exit_code == 0 and ": 1 Comune." in uno.stderr
    due = run("init", str(tmp_path / "due.yaml"), "--unione", "Unione Prova", "--comuni", "Imola, Dozza")
    assert ": 2 Comuni." in due.stderr
