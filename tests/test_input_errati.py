"""The corpus of bad inputs: each ends in exit code 2 and ONE line `file:line:col: message`, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from avviamento.profilo import load_profile
from tests.ostili.genera import risate

MINIMO = """\
versione_formato: 1
data_riferimento: 2024-05-15
unione:
  nome: "Unione di prova"
  provincia: BO
comuni:
  - nome: Vergato
    istat: "037059"
funzioni:
  - codice: sistemi_informativi
    conferimenti:
      - comune: Vergato
        delibera: {numero: 9, data: 2023-03-28}
    personale: 2
"""


def one_line_error(result: Result, path: Path, line: int, column: int, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert lines[0].startswith(f"{path}:{line}:{column}: "), lines[0]
    assert fragment in lines[0], lines[0]


CASES: list[tuple[str, bytes, int, int, str]] = [
    # name, content, line, column, fragment of the Italian message
    ("yaml-rotto", b"unione: [\n  nome: x\n", 3, 1, "YAML non valido"),
    (
        "chiave-duplicata",
        MINIMO.replace("  provincia: BO\n", "  provincia: BO\n  nome: altro\n").encode(),
        6,
        3,
        "chiave duplicata 'nome' (già definita alla riga 4)",
    ),
    ("tag-python", b"unione: !!python/object/apply:os.system [ls]\n", 1, 9, "etichetta YAML non consentita"),
    (
        "tag-locale",
        MINIMO.replace("provincia: BO", "provincia: !sigla BO").encode(),
        5,
        14,
        "etichetta YAML non consentita",
    ),
    (
        "non-utf8",
        MINIMO.replace('"Unione di prova"', '"Unione \xe0"').encode("latin-1"),
        4,
        17,
        "non è in codifica UTF-8",
    ),
    ("vuoto", b"", 1, 1, "il file è vuoto"),
    ("solo-commenti", b"# niente\n\n", 1, 1, "il file è vuoto"),
    ("lista", b"- a\n- b\n", 1, 1, "mappa di chiavi"),
    ("due-documenti", (MINIMO + "---\na: 1\n").encode(), 15, 1, "più di un documento"),
    (
        "chiave-sconosciuta",
        MINIMO.replace("comuni:", "comunni:").encode(),
        6,
        1,
        "chiave sconosciuta 'comunni' (forse intendevi 'comuni'?)",
    ),
    (
        "chiave-annidata",
        MINIMO.replace("    personale: 2", "    personael: 2").encode(),
        14,
        5,
        "forse intendevi 'personale'?",
    ),
    (
        "tipo-errato",
        MINIMO.replace("personale: 2", "personale: tanti").encode(),
        14,
        16,
        "deve essere un numero",
    ),
    (
        "data-impossibile",
        MINIMO.replace("2023-03-28", "2023-02-30").encode(),
        13,
        37,
        "data inesistente '2023-02-30' (febbraio 2023 ha 28 giorni)",
    ),
    (
        "provincia-per-esteso",
        MINIMO.replace("provincia: BO", "provincia: Reggio Emilia").encode(),
        5,
        14,
        "'unione.provincia': formato non valido (valore: 'Reggio Emilia'): indicare la sigla: RE",
    ),
    (
        "durata-in-anni",
        MINIMO.replace("    personale: 2", "    convenzione: {durata: 5 anni}").encode(),
        14,
        27,
        "'funzioni[1].convenzione.durata': valore non ammesso (valore: '5 anni'): "
        "scrivere il numero di anni, ad es. durata: 5, oppure durata: indeterminata",
    ),
    (
        "virgola-decimale",
        MINIMO.replace("personale: 2", "personale: 2,5").encode(),
        14,
        16,
        "'funzioni[1].personale': deve essere un numero (valore: '2,5'): usare il punto decimale: 2.5",
    ),
    (
        "migliaia-col-punto",
        MINIMO.replace('istat: "037059"', 'istat: "037059"\n    popolazione: 7.654').encode(),
        9,
        18,
        "'comuni[1].popolazione': deve essere un numero intero (valore: 7.654): "
        "senza separatore delle migliaia: 7654",
    ),
    (
        "campo-vuoto",
        MINIMO.replace("codice: sistemi_informativi", "codice:").encode(),
        10,
        12,
        "'funzioni[1].codice': deve essere un testo (campo vuoto)",
    ),
    ("data-con-barre-iso", MINIMO.replace("2023-03-28", "2023/03/28").encode(), 13, 37, "data non valida"),
    ("data-con-ora", MINIMO.replace("2023-03-28", "2023-03-28T10:00:00").encode(), 13, 37, "data non valida"),
    (
        "data-booleana",
        MINIMO.replace("data_riferimento: 2024-05-15", "data_riferimento: true").encode(),
        2,
        19,
        "data non valida",
    ),
    ("istat-corto", MINIMO.replace('"037059"', '"37059"').encode(), 8, 12, "formato non valido"),
    (
        "campo-obbligatorio",
        MINIMO.replace('  nome: "Unione di prova"\n', "").encode(),
        3,
        1,
        "'unione.nome': campo obbligatorio mancante",
    ),
    (
        "codice-fiscale",
        MINIMO.replace("  provincia: BO", '  codice_fiscale: "00794470378"').encode(),
        5,
        19,
        "codice fiscale non valido",
    ),
    (
        "funzione-sconosciuta",
        MINIMO.replace("sistemi_informativi", "sistemi_informatici").encode(),
        10,
        13,
        "funzione sconosciuta 'sistemi_informatici' (forse intendevi 'sistemi_informativi'?)",
    ),
    (
        "classe-inesistente",
        MINIMO.replace("  provincia: BO", "  classe_dichiarata: ottima").encode(),
        5,
        22,
        "valore non ammesso",
    ),
    (
        "carattere-di-controllo",
        MINIMO.replace("Vergato\n", "Verg\x07ato\n", 1).encode(),
        7,
        15,
        "YAML non valido: carattere di controllo non ammesso (codice 0x07)",
    ),
]

# libyaml's complaints, translated: (name, text, line, column, message after "YAML non valido: ")
SINTASSI: list[tuple[str, str, int, int, str]] = [
    ("tab", "unione:\n\tnome: x\n", 2, 1, "tabulazione nel testo: indentare con spazi, non con il tasto Tab"),
    (
        "rientro",
        "unione:\n  nome: x\n provincia: BO\n",
        3,
        2,
        "riga non allineata alle chiavi della sua sezione: controllare l'indentazione",
    ),
    (
        "chiocciola",
        "unione:\n  pec: @unione.it\n",
        2,
        8,
        "il carattere '@' non può iniziare un valore: racchiudere il valore tra virgolette",
    ),
    ("virgolette", 'unione:\n  nome: "Unione\n', 3, 1, "virgolette aperte alla riga 2 e mai chiuse"),
    (
        "due-punti",
        "unione:\n  nome: Unione: Bassa Romagna\n",
        2,
        15,
        "':' fuori posto: un valore che contiene ': ' va tra virgolette, o l'indentazione è errata",
    ),
    (
        "dopo-le-virgolette",
        'unione:\n  nome: "Unione" Bassa Romagna\n',
        2,
        18,
        "testo dopo la chiusura delle virgolette: racchiudere tra virgolette tutto il valore",
    ),
    ("quadra", "comuni: [Imola, Dozza\n", 2, 1, "elenco aperto con '[' alla riga 1: manca ']' o una virgola"),
    (
        "elenco",
        "comuni:\n  - nome: Imola\n  nome: Dozza\n",
        3,
        3,
        "atteso un elemento dell'elenco ('- '): controllare l'indentazione",
    ),
    ("alias", "unione: *base\n", 1, 9, "alias *base senza l'ancora &base che lo definisce"),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "message"), SINTASSI, ids=[c[0] for c in SINTASSI]
)
def test_yaml_syntax_errors_in_italian(
    run: Callable[..., Result], tmp_path: Path, name: str, text: str, line: int, column: int, message: str
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"{path}:{line}:{column}: YAML non valido: {message}\n"
    prefisso, _, inglese = run("check", str(path), "--lang", "en").stderr.partition(": invalid YAML: ")
    assert prefisso == f"{path}:{line}:{column}"
    assert not any(parola in inglese for parola in ("riga", "virgolette", "elenco", "valore"))


@pytest.mark.parametrize(("name", "content", "line", "column", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_bad_profile_is_one_line_exit_2(
    run: Callable[..., Result],
    tmp_path: Path,
    name: str,
    content: bytes,
    line: int,
    column: int,
    fragment: str,
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    before = path.read_bytes()
    one_line_error(run("check", str(path)), path, line, column, fragment)
    assert path.read_bytes() == before  # never modified


def test_alias_bomb_is_refused(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "bomba.yaml"
    path.write_text(risate(9))
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "troppi alias YAML espansi" in result.stderr
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: ", result.stderr)


def test_missing_file_and_directory(run: Callable[..., Result], tmp_path: Path) -> None:
    missing = tmp_path / "non-esiste.yaml"
    one_line_error(run("check", str(missing)), missing, 1, 1, "file non trovato")
    one_line_error(run("check", str(tmp_path)), tmp_path, 1, 1, "è una cartella")


def test_errors_in_english(run: Callable[..., Result], write: Callable[[str, str], Path]) -> None:
    path = write(MINIMO.replace("comuni:", "comunni:"), "p.yaml")
    result = run("check", str(path), "--lang", "en")
    one_line_error(result, path, 6, 1, "unknown key 'comunni' (did you mean 'comuni'?)")
    path = write(
        MINIMO.replace("provincia: BO", "provincia: Ferrara").replace(
            "codice: sistemi_informativi", "codice:"
        )
    )
    righe = run("check", str(path), "--lang", "en").stderr.splitlines()
    assert righe == [
        f"{path}:5:14: 'unione.provincia': invalid format (value: 'Ferrara'): give the sigla: FE",
        f"{path}:10:12: 'funzioni[1].codice': must be text (empty field)",
    ]


def test_bad_as_of_option(run: Callable[..., Result], write: Callable[[str, str], Path]) -> None:
    path = write(MINIMO, "p.yaml")
    result = run("check", str(path), "--as-of", "1° marzo")
    assert result.exit_code == 2
    assert result.stderr.strip() == "avviamento: data non valida per --as-of: '1° marzo' (usare AAAA-MM-GG)"
    for valore, motivo in (
        ("2024-02-30", "febbraio 2024 ha 29 giorni"),
        ("2024-13-01", "i mesi vanno da 01 a 12"),
    ):
        result = run("check", str(path), "--as-of", valore)
        assert result.exit_code == 2
        assert result.stderr == f"avviamento: data inesistente per --as-of: '{valore}' ({motivo})\n"
    result = run("check", str(path), "--as-of", "31/04/2024", "--lang", "en")
    assert result.stderr == "avviamento: no such date for --as-of: '31/04/2024' (April 2024 has 30 days)\n"


def test_bad_rule_pack_names_its_line(run: Callable[..., Result], write: Callable[[str, str], Path]) -> None:
    from avviamento.risorse import default_rules

    text = (
        default_rules()
        .read_text(encoding="utf-8")
        .replace("tipo: funzione_effettiva", "tipo: funzione_efettiva")
    )
    rules = write(text, "regole.yaml")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "funzione_efettiva" in row)
    profile = write(MINIMO, "p.yaml")
    one_line_error(
        run("check", str(profile), "--rules", str(rules)),
        rules,
        line,
        11,
        "tipo di verifica sconosciuto 'funzione_efettiva' (forse intendevi 'funzione_effettiva'?)",
    )


def test_italian_dates_and_unquoted_istat_are_read_as_written(write: Callable[[str, str], Path]) -> None:
    text = MINIMO.replace('"037059"', "037059").replace("2023-03-28", "28/03/2023")
    profilo = load_profile(write(text, "p.yaml")).profilo
    assert profilo.comuni[0].istat == "037059"
    delibera = profilo.funzioni[0].conferimenti[0].delibera
    assert delibera is not None and delibera.data is not None
    assert delibera.data.isoformat() == "2023-03-28"


def test_five_mistakes_five_lines_in_file_order(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from avviamento.cli import app

    path = tmp_path / "cinque.yaml"
    path.write_text(
        "versione_formato: 1\n"
        "data_riferimento: 2024-13-01\n"
        "unione:\n"
        '  nome: "Unione Prova"\n'
        "  provincia: Bologna\n"
        "comuni:\n"
        "  - nome: Imola\n"
        "    popolazione: -5\n"
        "  - nom: Dozza\n"
        "funzioni:\n"
        "  - codice: polizia_locale\n"
        "    convenzione: {durata: 5 anni}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    righe = result.stderr.splitlines()
    assert [r.split(": ", 1)[0] for r in righe] == [
        f"{path}:2:19",
        f"{path}:5:14",
        f"{path}:8:18",
        f"{path}:9:5",
        f"{path}:12:27",
    ]
    assert "chiave sconosciuta 'nom' (forse intendevi 'nome'?)" in righe[3]
    assert not any("'comuni[2].nome': campo obbligatorio" in r for r in righe)
    assert righe[1].endswith(
        "'unione.provincia': formato non valido (valore: 'Bologna'): indicare la sigla: BO"
    )
    assert righe[2].endswith(
        "'comuni[1].popolazione': deve essere almeno 0 (valore: -5)"
    )  # the misspelt key says it
