"""The Python API: ``dateline.extract`` for one article, ``make_pipeline`` for many."""

from __future__ import annotations

import threading
from pathlib import Path

from .config import Config, load_config
from .document import Document
from .ingest.article import document_from
from .pipeline import Pipeline

_default: Pipeline | None = None
_lock = threading.Lock()


def make_pipeline(config: Config | str | Path | None = None) -> Pipeline:
    """A pipeline from a config dict, a TOML file path, or the shipped defaults."""
    if config is None or isinstance(config, str | Path):
        config = load_config(config)
    return Pipeline(config)


def _default_pipeline() -> Pipeline:
    global _default
    with _lock:
        if _default is None:
            _default = make_pipeline()
        return _default


def extract(
    text_or_html: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    clean: bool = True,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Read one article (plain text or HTML, a string or undecoded bytes) into its Document.

    The input meets the checks a file does (``[input] max_bytes``, emptiness, binary
    content; bytes are decoded as a file's are). ``published`` (YYYY-MM-DD) overrides the
    date the text gives; ``clean=False`` keeps the text exactly as given, so that offsets
    index the input. Raises ``InputError`` naming the input (``source``, else ``url``, else
    "<string>") when it cannot be read or ``published`` is no date.
    """
    pipeline = pipeline or _default_pipeline()
    doc = document_from(
        text_or_html,
        source=source or url,
        config=pipeline.config,
        published=published,
        clean=clean,
        url=url,
    )
    doc = pipeline(doc)
    if doc.failed:
        raise doc.error
    return doc
