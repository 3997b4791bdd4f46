"""`avviamento schema`: the JSON Schema of the profile, for editors (YAML language server)."""

from __future__ import annotations

import json
from typing import Any

import typer


def profile_schema() -> dict[str, Any]:
    from avviamento.profilo import Profilo

    schema = Profilo.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://avviamento.example/schema/profilo.schema.json",
        "title": "Profilo di Unione di Comuni (avviamento, LR Emilia-Romagna 21/2012)",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema() -> None:
    """Stampa lo JSON Schema del profilo (per il completamento negli editor)."""
    typer.echo(json.dumps(profile_schema(), ensure_ascii=False, indent=2))
