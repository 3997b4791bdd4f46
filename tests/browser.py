"""Real Chromium for the page tests: Debian's `chromium` driven by Playwright, `avviamento serve` on 127.0.0.1.

A pytest plugin (tests/conftest.py loads it): the `browser` fixture, one Chromium a test module. Without
`chromium` the tests that use it are skipped, unless AVVIAMENTO_REQUIRE_CHROMIUM=1 (CI sets it): then they fail.
Screenshots land in the test's tmp dir (AVVIAMENTO_SCREENSHOTS=<dir> keeps them elsewhere, to look at).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ARGOMENTI = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium() -> str:
    eseguibile = shutil.which("chromium")
    if eseguibile is None:
        if os.environ.get("AVVIAMENTO_REQUIRE_CHROMIUM") == "1":
            pytest.fail("AVVIAMENTO_REQUIRE_CHROMIUM=1 but chromium is not installed")
        pytest.skip("chromium is not installed")
    return eseguibile


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    eseguibile = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=eseguibile, args=ARGOMENTI)
        yield b
        b.close()


@contextmanager
def pagina(browser: Any, *, ignora: str | None = None, **contesto: Any) -> Iterator[Any]:
    """A page in a context of its own (1280×900, Italian) that must end with no script error and no CSP refusal
    on the console, but those that contain `ignora`."""
    ambiente = browser.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT", **contesto)
    vista = ambiente.new_page()
    errori: list[str] = []
    vista.on("console", lambda m: errori.append(m.text) if m.type == "error" else None)
    vista.on("pageerror", lambda e: errori.append(str(e)))
    yield vista
    ambiente.close()
    assert [e for e in errori if ignora is None or ignora not in e] == []


@contextmanager
def servito(*argomenti: str) -> Iterator[tuple[str, str]]:
    """`avviamento serve --port 0 …` in a child process: its base URL once it answers, and its first line."""
    chromium()  # no server to start for tests that will be skipped
    processo = subprocess.Popen(
        [sys.executable, "-m", "avviamento", "serve", "--port", "0", *argomenti],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert processo.stdout is not None
        riga = processo.stdout.readline()  # printed once the socket is bound
        trovato = re.search(r"aperto su (http://127\.0\.0\.1:\d+)/", riga)
        if trovato is None:
            processo.terminate()
            pytest.fail(f"serve did not start: {riga!r} {processo.communicate(timeout=10)[1]}")
        base = trovato.group(1)
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("serve did not answer within 10 s")
        yield base, riga
    finally:
        processo.terminate()
        processo.wait(timeout=10)


def foto(vista: Any, tmp_path: Path, nome: str) -> Path:
    """A full-page screenshot, `nome`.png, that is not blank."""
    cartella = Path(os.environ.get("AVVIAMENTO_SCREENSHOTS") or tmp_path)
    cartella.mkdir(parents=True, exist_ok=True)
    percorso = cartella / f"{nome}.png"
    vista.screenshot(path=str(percorso), full_page=True)
    assert percorso.stat().st_size > 10_000
    return percorso
