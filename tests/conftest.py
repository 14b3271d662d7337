"""Shared test helpers: where ../shared is, and a marker that skips when it is absent."""

from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "atom-alarm.txt"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"../shared (datasets, gold and the seed article) is not present at {SHARED}; "
    "it exists on developer machines and in CI only",
)

sys.path.insert(0, str(pathlib.Path(__file__).parent))
