"""The analysis pipeline: a registry of components and the default order.

A component is any callable ``(Doc) -> Doc`` registered under a name. Components are
built once per process (models load in their constructors) and reused for every
article, so the corpus engine and the web app call the very same pipeline as the CLI.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Protocol

from quellenlage.model import Article, Doc, to_dict


class Component(Protocol):
    def __call__(self, doc: Doc) -> Doc: ...


ComponentFactory = Callable[[], Component]

#: name -> factory; filled by `register` when the component modules are imported.
REGISTRY: dict[str, ComponentFactory] = {}

#: language layer -> attribution -> certainty (+ claims) -> headline -> scorecard
DEFAULT_COMPONENTS = ("language", "attribution", "certainty", "headline", "scorecard")


def register(name: str) -> Callable[[ComponentFactory], ComponentFactory]:
    def deco(factory: ComponentFactory) -> ComponentFactory:
        REGISTRY[name] = factory
        return factory

    return deco


def _load_builtin_components() -> None:
    # Imported for their `register` side effect.
    from quellenlage import attribution, certainty, headline, language, scorecard  # noqa: F401


class Pipeline:
    """Runs the named components in order over a `Doc`."""

    def __init__(self, names: tuple[str, ...] | list[str] = DEFAULT_COMPONENTS) -> None:
        _load_builtin_components()
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}")
        self.names = tuple(names)
        self.components: list[Component] = [REGISTRY[n]() for n in self.names]

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article=article)
        for component in self.components:
            doc = component(doc)
        return doc

    def analyze(self, article: Article) -> dict:
        """Article in, claim map (contract JSON as a dict) out."""
        return to_dict(self(article))


_default: Pipeline | None = None
_lock = threading.Lock()


def get_pipeline() -> Pipeline:
    """The process-wide default pipeline, built on first use."""
    global _default
    with _lock:
        if _default is None:
            _default = Pipeline()
            # The models are large, long-lived dicts and arrays: move them out of the cyclic
            # garbage collector's reach so that collections during analysis do not re-scan them.
            gc.freeze()
        return _default


def analyze(article: Article) -> dict:
    """Convenience: analyse one article with the default pipeline."""
    return get_pipeline().analyze(article)
