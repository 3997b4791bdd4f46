"""Where the bundled rule pack, templates and reference data live: inside the wheel, or in the source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE.parent.parent  # src/avviamento -> repository root, in an editable checkout


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.exists() else _SOURCE_ROOT / name


def rules_dir() -> Path:
    return _bundled("rules")


def default_rules() -> Path:
    return rules_dir() / "er_lr21_2012.yaml"


def bundled_packs() -> list[Path]:
    """Every bundled pack, the default (LR 21/2012) first."""
    altri = sorted(p for p in rules_dir().glob("*.yaml") if p != default_rules())
    return [default_rules(), *altri]


def templates_dir() -> Path:
    return _bundled("templates")


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name
