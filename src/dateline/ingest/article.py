"""One article, given as bytes or as a string, checked and made into a Document.

Files, JSON Lines records, strings and bytes given to the Python API (``dateline.extract``,
``Pipeline.pipe``) all come through ``document_from``, so that every input meets the same
checks (size, emptiness, binary content, encoding) and gets the same repairs, recorded as
problems on the document.
"""

from __future__ import annotations

from ..config import Config, load_config
from ..document import Document, InputFormat, make_id
from ..errors import InputError
from .decode import check_text, decode
from .metadata import is_day
from .sniff import sniff_format

# How messages name an input given as a string, with no source and no URL.
STRING_NAME = "<string>"


def document_from(
    data: str | bytes,
    *,
    source: str | None = None,
    config: Config | None = None,
    published: str | None = None,
    clean: bool = True,
    url: str | None = None,
    input_format: InputFormat | None = None,
    id: str | None = None,
    raw_bytes: bytes | None = None,
) -> Document:
    """A Document for one article: bytes are decoded as a file's are, a string is checked.

    Raises ``InputError`` naming the input (``source``, else ``url``, else "<string>") when
    it is too large, empty or binary, cannot be decoded, or ``published`` is no YYYY-MM-DD
    date. The id hashes the input as given (a string as UTF-8), ``raw_bytes`` when given.
    """
    name = source or url or STRING_NAME
    config = config if config is not None else load_config()
    if published is not None and not is_day(published):
        raise InputError(name, "published", value=published)
    if isinstance(data, bytes):
        given = data
        decoded = decode(given, name, config=config, normalise_newlines=clean)
    elif isinstance(data, str):
        given = data.encode("utf-8", "surrogatepass")
        decoded = check_text(data, name, config=config, normalise_newlines=clean)
    else:
        raise TypeError(f"an article is a str or bytes, not {type(data).__name__}")
    doc = Document.from_input(
        decoded.text,
        source=source or url,
        id=id or make_id(raw_bytes if raw_bytes is not None else given),
        input_format=input_format or sniff_format(decoded.text),
        clean=clean,
        published=published,
        url=url,
    )
    doc.problems.extend(decoded.problems)
    return doc


def as_document(item: object, *, config: Config | None = None) -> Document:
    """``item`` if it is a Document; a str or bytes made into one (failed if unreadable).

    What ``Pipeline.pipe`` does with each item it is given: a bad string fails its own
    document, as a bad file does, and the batch goes on.
    """
    if isinstance(item, Document):
        return item
    if not isinstance(item, str | bytes):
        raise TypeError(
            f"the pipeline takes Documents, or articles as str or bytes, not "
            f"{type(item).__name__}; make Documents with dateline.ingest.read_inputs"
        )
    try:
        return document_from(item, config=config)
    except InputError as exc:
        return failed_document(exc.source, exc)


def failed_document(name: str, error: InputError) -> Document:
    """A Document standing for an input that could not be read, naming it."""
    doc = Document.from_input("", source=name, id=make_id(name))
    doc.fail(error)
    return doc
