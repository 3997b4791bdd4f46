"""The help: wholly Italian by default, wholly English with --lang en, with meaningful placeholders."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import typer
import typer.main
from typer.testing import CliRunner, Result

from avviamento.cli import app
from avviamento.cli.aiuto import da_tradurre
from avviamento.cli.aiuto_en import EN


def _comandi(command: typer.Context | object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _comandi(sub, (*path, name))


ROOT = typer.main.get_command(app)
COMANDI = list(_comandi(ROOT))
TESTI = da_tradurre(ROOT, typer.Context(ROOT, info_name="avviamento"))
INGLESE_DI_TYPER = (
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "Install completion",
    "[default",
    "[required]",
    "(dynamic)",
    "<str>",
    "<path>",
    "<int>",
    "list[",
    "Exit:",
)
ITALIANO_FISSO = (
    "Uso:",
    "Opzioni",
    "Argomenti",
    "Comandi",
    "predefinit",
    "obbligatori",
    "Uscita",
    "[OPZIONI]",
)


def test_every_help_text_has_its_english() -> None:
    mancanti = [t for t in TESTI if t not in EN]
    assert not mancanti, "help texts with no English line in src/avviamento/cli/aiuto_en.py:\n" + "\n".join(
        f"    {t!r}: ...," for t in mancanti
    )


def test_a_new_option_is_listed_until_it_has_its_english() -> None:
    nuova = typer.Typer()

    @nuova.command()
    def prova(x: int = typer.Option(1, "--volte", help="Quante volte ripetere.")) -> None:
        """Una prova."""

    comando = typer.main.get_command(nuova)
    testi = da_tradurre(comando, typer.Context(comando, info_name="prova"))
    assert [t for t in testi if t not in EN] == ["Una prova.", "Quante volte ripetere."]


@pytest.mark.parametrize("path", COMANDI, ids=lambda p: " ".join(p) or "avviamento")
def test_help_is_wholly_italian(run: Callable[..., Result], path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Uso: {' '.join(('avviamento', *path))} [OPZIONI]")
    assert [w for w in INGLESE_DI_TYPER if w in result.stdout] == []


@pytest.mark.parametrize("path", COMANDI, ids=lambda p: " ".join(p) or "avviamento")
def test_help_is_wholly_english_with_lang_en(run: Callable[..., Result], path: tuple[str, ...]) -> None:
    result = run("--lang", "en", *path, "-h")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: {' '.join(('avviamento', *path))} [OPTIONS]")
    assert [w for w in ITALIANO_FISSO if w in result.stdout] == []
    testo = " ".join(result.stdout.split())
    assert [t for t in TESTI if len(t) > 12 and EN.get(t) != t and t in testo] == []


def test_lang_en_after_the_command_and_from_the_environment() -> None:
    runner = CliRunner()
    dopo = runner.invoke(app, ["check", "-h", "--lang", "en"])
    ambiente = runner.invoke(app, ["check", "-h"], env={"AVVIAMENTO_LANG": "en"})
    assert dopo.stdout == ambiente.stdout
    assert dopo.stdout.startswith("Usage: avviamento check [OPTIONS] PROFILE\n")
    italiano = runner.invoke(app, ["check", "-h"], env={"AVVIAMENTO_LANG": ""})
    assert italiano.stdout.startswith("Uso: avviamento check [OPZIONI] PROFILO\n")


def test_placeholders_say_what_goes_there(run: Callable[..., Result]) -> None:
    check = " ".join(run("check", "-h").stdout.split())
    for atteso in (
        "--as-of DATA",
        "--rules FILE",
        "-o, --out FILE",
        "--format [text|json|markdown|html|sarif]",
    ):
        assert atteso in check
    assert "[predefinito: text]" in check and "PROFILO Profilo YAML dell'Unione. [obbligatorio]" in check
    assert "--out CARTELLA" in " ".join(run("draft", "-h").stdout.split())
    assert "--jobs N" in run("review", "-h").stdout
    en = " ".join(run("draft", "-h", "--lang", "en").stdout.split())
    assert "--out FOLDER" in en and "--as-of DATE" in en and "Exit: 0 acts written" in en


def test_lang_before_the_command_applies_to_it(run: Callable[..., Result]) -> None:
    from tests.conftest import EXAMPLES

    result = run("--lang", "en", "check", str(EXAMPLES / "terre-del-delta.yaml"))
    assert "Computed class" in result.stdout
    assert "Classe calcolata" in run("check", str(EXAMPLES / "terre-del-delta.yaml")).stdout
