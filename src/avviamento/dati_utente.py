"""Where avviamento keeps the user's files: the platform's data directory (`~/.local/share/avviamento` on Linux)."""

from __future__ import annotations

from pathlib import Path


def cartella_dati() -> Path:
    """`$XDG_DATA_HOME/avviamento` on Linux, `~/Library/Application Support/avviamento` on macOS, …"""
    import platformdirs

    return platformdirs.user_data_path("avviamento", appauthor=False)
