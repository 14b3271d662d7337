"""The JSON Schema of the claim map (`quellenlage.claim-map/1`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def claim_map_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("claim-map-1.schema.json").read_text("utf-8"))


def validate_claim_map(claim_map: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if `claim_map` breaks the contract."""
    import jsonschema

    jsonschema.validate(claim_map, claim_map_schema())
