"""`avviamento schema`: the JSON Schema of the profile, for editors (YAML language server) and the web form."""

from __future__ import annotations

import json
from typing import Any

import typer


def profile_schema() -> dict[str, Any]:
    """The pydantic models' schema, with the bundled pack's function codes and labels as a closed set."""
    from avviamento.profilo import Profilo
    from avviamento.regole import load_pack_cached
    from avviamento.risorse import default_rules

    schema = Profilo.model_json_schema()
    catalogo = load_pack_cached(default_rules()).pacchetto.funzioni
    codice = schema["$defs"]["Funzione"]["properties"]["codice"]
    codice.pop("minLength", None)
    codice["enum"] = [f.codice for f in catalogo]
    codice["enumDescriptions"] = [f.etichetta.it for f in catalogo]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://avviamento.example/schema/profilo.schema.json",
        "title": "Profilo di Unione di Comuni (avviamento, LR Emilia-Romagna 21/2012)",
        **{k: v for k, v in schema.items() if k != "title"},
        "description": "Un'Unione di Comuni come la descrive il suo change manager: dati dell'Unione, Comuni "
        "aderenti, funzioni conferite, adempimenti.",
    }


def schema() -> None:
    """Stampa lo JSON Schema del profilo (per il completamento negli editor)."""
    typer.echo(json.dumps(profile_schema(), ensure_ascii=False, indent=2))
