"""The Python API: ``dateline.extract`` for one article, ``make_pipeline`` for many."""

from __future__ import annotations

import threading
from pathlib import Path

from .config import Config, load_config
from .document import Document
from .ingest.sniff import sniff_format
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
    text_or_html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    clean: bool = True,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Read one article (plain text or HTML) and return its Document.

    ``published`` (YYYY-MM-DD) overrides the date the text gives; ``clean=False`` keeps the
    text exactly as given, so that offsets index the input. Raises ``InputError`` when the
    input cannot be read (empty, binary...).
    """
    doc = Document.from_input(
        text_or_html,
        source=source or url,
        input_format=sniff_format(text_or_html),
        clean=clean,
        published=published,
        url=url,
    )
    doc = (pipeline or _default_pipeline())(doc)
    if doc.failed:
        raise doc.error
    return doc
