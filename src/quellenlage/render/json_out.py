"""`--format json`: the claim map exactly as the contract defines it."""

from __future__ import annotations

import json

from quellenlage.model import Doc, to_dict


def render_json(doc: Doc) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"
