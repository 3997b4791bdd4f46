"""`avviamento schema`: the JSON Schema of the profile, for editors (YAML language server)."""

from __future__ import annotations

import json

import typer


def schema() -> None:
    """Stampa lo JSON Schema del profilo (per il completamento negli editor)."""
    from avviamento.profilo import profile_schema

    typer.echo(json.dumps(profile_schema(), ensure_ascii=False, indent=2))
