"""`draft --pdf`: LibreOffice converts every act; without it the run is refused before anything is written.

The conversion test is skipped when `soffice` is absent, unless AVVIAMENTO_REQUIRE_SOFFICE=1 (CI sets it):
then it must run and pass.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import EXAMPLES
from tests.draft.conftest import indice, istantanea

Run = Callable[..., Result]
DELTA = str(EXAMPLES / "terre-del-delta.yaml")


def _soffice_richiesto() -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_SOFFICE") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_SOFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")


def test_pdf_conversion_with_libreoffice(run: Run, out: Path) -> None:
    _soffice_richiesto()
    result = run("draft", DELTA, "--out", str(out), "--only", "regolamento", "--only", "convenzione", "--pdf")
    assert result.exit_code == 0, result.output
    for voce in indice(out):
        pdf = out / voce["file"].replace(".docx", ".pdf")
        dati = pdf.read_bytes()
        assert dati.startswith(b"%PDF-"), pdf
        assert len(dati) > 5000, pdf
    prima = istantanea(out)
    again = run("draft", DELTA, "--out", str(out), "--only", "regolamento", "--only", "convenzione", "--pdf")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert istantanea(out) == prima
    assert not list(out.rglob("*.tmp"))


def test_pdf_without_libreoffice_is_refused_before_writing(
    run: Run, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vuota = tmp_path / "bin"
    vuota.mkdir()
    monkeypatch.setenv("PATH", str(vuota))
    result = run("draft", DELTA, "--out", str(out), "--pdf")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "LibreOffice" in result.stderr and "--pdf" in result.stderr
    assert not out.exists()


def test_the_new_act_types_convert_with_libreoffice(run: Run, out: Path) -> None:
    """The Union's deliberations and the adoption deliberations (issue 11) convert like the other acts."""
    _soffice_richiesto()
    from avviamento.draft.writer import converti_pdf, soffice

    assert (
        run("draft", DELTA, "--out", str(out), "--only", "delibera", "--only", "regolamento").exit_code == 0
    )
    nuovi = [out / v["file"] for v in indice(out) if v["tipo"] in ("delibera_unione", "adozione")]
    assert {p.name for p in nuovi} == {
        "consiglio_unione_sistemi_informativi.docx",
        "consiglio_unione_protezione_civile.docx",
        "consiglio_unione_suap.docx",
        "adozione_contabilita.docx",
    }
    eseguibile = soffice()
    assert eseguibile is not None
    scelti = nuovi[:1] + nuovi[-1:]
    for docx, dati in zip(
        scelti, converti_pdf([(p.name, p.read_bytes()) for p in scelti], eseguibile), strict=True
    ):
        assert dati.startswith(b"%PDF-") and len(dati) > 5000, docx
