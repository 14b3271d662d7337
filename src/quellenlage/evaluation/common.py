"""What `eval claims` and `eval quotes` share: finding the reference scorer, and running the
default pipeline over a set of articles into one claim map per file."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from quellenlage.model import Article

#: ../shared/eval beside the repository (developer machines and CI only)
SHARED_EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"


def load_reference(filename: str, bundled: str, extra: Iterable[Path] = ()) -> ModuleType:
    """The shared reference scorer `filename` where it can be found, else the in-package copy
    `quellenlage.evaluation.<bundled>` (so the commands also work without ../shared)."""
    for candidate in (*extra, SHARED_EVAL / filename):
        if not candidate.is_file():
            continue
        spec = importlib.util.spec_from_file_location(f"_reference_{candidate.stem}", candidate)
        if spec and spec.loader:
            mod = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(mod)
                return mod
            except Exception:  # noqa: BLE001 - a broken copy there: fall back to ours
                continue
    return importlib.import_module(f"quellenlage.evaluation.{bundled}")


def write_claim_maps(articles: Iterable[tuple[str, Article]], pred_dir: Path) -> int:
    """Analyse each (file name, article) with the default pipeline into pred_dir/<file name>."""
    from quellenlage.pipeline import get_pipeline

    pipe = get_pipeline()
    pred_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, article in articles:
        (pred_dir / name).write_text(json.dumps(pipe.analyze(article), ensure_ascii=False), encoding="utf-8")
        n += 1
    return n
