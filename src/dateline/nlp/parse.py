"""Stage ``dateline.parse.v1``: run the spaCy pipeline over the clean text.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with the text it is given
at once. A long article (up to the input limit of several megabytes) is therefore parsed in
pieces cut at line breaks (else at a sentence end, else at a space), at most
``max_chunk_chars`` characters go to spaCy at once, and the pieces are joined back into one
Doc whose text is exactly ``doc.text``, so every offset still holds.

Each Doc's ``tensor`` (the tok2vec output, 96 floats a token: a third of a parsed Doc's
memory) is dropped as soon as spaCy has run: no dateline stage reads it once the tagger,
parser and recogniser have, and a 5 MB article kept it twice over while its pieces were
joined (issue #7). ``[parse] keep_tensor = true`` keeps it for plugins that need it
(``Token.similarity`` without word vectors).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Config
from ..document import Document
from ..registry import stages
from .model import load_model

# Cut points, best first: a line break, the end of a sentence, any space.
_BREAKS = ("\n", ". ", " ")


def split_text(text: str, max_chars: int) -> list[str]:
    """Pieces of ``text`` of at most ``max_chars`` characters that join back to ``text``."""
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for mark in _BREAKS:
            # Only the second half of the window: pieces stay large.
            found = text.rfind(mark, start + max_chars // 2, window_end)
            if found != -1:
                cut = found + len(mark)
                break
        if cut == -1:
            cut = window_end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class Parse:
    """Tokens, sentences, tags, dependencies and named entities of ``doc.text``."""

    def __init__(self, config: Config):
        self.nlp = load_model(config.model.name, tuple(config.parse.components))
        self.batch_size = config.parse.batch_size
        self.max_chars = config.parse.max_chunk_chars
        self.keep_tensor = config.parse.keep_tensor

    def _join(self, parts: list[Any]) -> Any:
        from spacy.tokens import Doc

        if len(parts) == 1:
            return parts[0]
        exclude = () if self.keep_tensor else ("tensor",)
        # spaCy's stub lacks the ``exclude`` argument the function has had since 3.2.
        return Doc.from_docs(parts, ensure_whitespace=False, exclude=exclude)  # type: ignore[call-arg]

    def __call__(self, doc: Document) -> Document:
        for _ in self.pipe([doc]):
            pass
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse each document's body (in pieces) and each of its photo captions.

        Texts go to spaCy in batches of at most ``batch_size`` texts and ``max_chunk_chars``
        characters, so that memory stays bounded by one piece's worth whatever the batch size.
        """
        docs = list(docs)
        pieces = [split_text(d.text, self.max_chars) for d in docs]
        captions = [[c.text for c in d.meta.captions] for d in docs]
        flat = [text for body, caps in zip(pieces, captions, strict=True) for text in body + caps]
        parsed = iter(self._parse(flat))
        for doc, body, caps in zip(docs, pieces, captions, strict=True):
            doc.sdoc = self._join([next(parsed) for _ in body])
            doc.caption_sdocs = [next(parsed) for _ in caps]
            yield doc

    def _parse(self, texts: list[str]) -> Iterator[Any]:
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and (len(batch) >= self.batch_size or size + len(text) > self.max_chars):
                yield from self._run(batch)
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[str]) -> Iterator[Any]:
        import numpy

        for sdoc in self.nlp.pipe(batch, batch_size=len(batch)):
            if not self.keep_tensor:
                # What spaCy gives a Doc that never had one (a view would keep the memory).
                sdoc.tensor = numpy.zeros((0,), dtype="float32")
            yield sdoc


@stages.register("dateline.parse.v1", requires=["text"], assigns=["sdoc"], english_only=True)
def make_parse(config: Config) -> Parse:
    """Parse the clean text and captions with spaCy (tokens, sentences, dependencies, entities)."""
    return Parse(config)
