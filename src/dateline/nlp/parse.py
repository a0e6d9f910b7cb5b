"""Stage ``dateline.parse.v1``: run the spaCy pipeline over the clean text.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with the text it is given
at once. A long article (up to the input limit of several megabytes) is therefore parsed in
pieces cut at line breaks (else at a sentence end, else at a space), at most
``max_chunk_chars`` characters go to spaCy at once, and the pieces are joined back into one
Doc whose text is exactly ``doc.text``, so every offset still holds (``Joined``: each piece
is let go as soon as it is added, rather than all of them held beside the joined Doc).

Each Doc's ``tensor`` (the tok2vec output, 96 floats a token) is dropped as soon as spaCy
has run: no dateline stage reads it once the tagger, parser and recogniser have, and a 5 MB
article kept it twice over while its pieces were joined (issue #7). ``[parse] keep_tensor =
true`` keeps it for plugins that need it (``Token.similarity`` without word vectors).
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


class Joined:
    """One spaCy Doc made of consecutive pieces, each let go as soon as it is added.

    What ``Doc.from_docs(pieces, ensure_whitespace=False)`` makes (tokens with every
    annotation of ``Doc._get_array_attrs``, span groups, extension values by character
    offset), without holding all the pieces and the joined Doc at once: with dateline's
    components a parsed piece takes about 500 bytes a token, and a 5 MB article has nearly
    a million tokens. A piece keeps only its words, one row of annotation numbers a token,
    its span offsets and its extension values until the Doc is made. Document-level
    extension values are dropped, as ``from_docs`` drops them.
    """

    def __init__(self, *, keep_tensor: bool = False) -> None:
        self.keep_tensor = keep_tensor
        self.vocab: Any = None
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.arrays: list[Any] = []
        self.tensors: list[Any] = []
        self.user_data: dict[Any, Any] = {}
        self.spans: dict[str, list[tuple[int, int, int, int, int, str]]] = {}
        self.offset = 0

    def add(self, sdoc: Any) -> None:
        """Append a piece (a spaCy Doc); the caller can let it go."""
        from spacy.tokens import Doc

        self.vocab = sdoc.vocab
        offset = self.offset
        self.words.extend(token.text for token in sdoc)
        self.spaces.extend(bool(token.whitespace_) for token in sdoc)
        self.arrays.append(sdoc.to_array(Doc._get_array_attrs()))
        if self.keep_tensor and len(sdoc):
            self.tensors.append(sdoc.tensor)
        for key, value in sdoc.user_data.items():
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is not None:
                kind, name, start, end = key
                moved_end = None if end is None else end + offset
                self.user_data[(kind, name, start + offset, moved_end)] = value
        for name, group in sdoc.spans.items():
            found = self.spans.setdefault(name, [])
            for span in group:
                found.append(
                    (
                        span.start_char + offset,
                        span.end_char + offset,
                        span.label,
                        span.kb_id,
                        span.id,
                        span.text,
                    )
                )
        self.offset += len(sdoc.text)

    def doc(self) -> Any:
        """The joined Doc; its text is the pieces' texts end to end."""
        import numpy
        from spacy.tokens import Doc

        array = numpy.concatenate(self.arrays)
        self.arrays = []
        sdoc: Any = Doc(self.vocab, words=self.words, spaces=self.spaces, user_data=self.user_data)
        self.words, self.spaces, self.user_data = [], [], {}
        sdoc.from_array(Doc._get_array_attrs(), array)
        del array
        for name, found in self.spans.items():
            group = []
            for start, end, label, kb_id, span_id, text in found:
                span = sdoc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
                if span is None or span.text != text:
                    raise ValueError(f"span {text!r} of group {name} lost its tokens in the join")
                group.append(span)
            sdoc.spans[name] = group
        self.spans = {}
        if self.tensors:
            sdoc.tensor = numpy.vstack(self.tensors)
            self.tensors = []
        return sdoc


class Parse:
    """Tokens, sentences, tags, dependencies and named entities of ``doc.text``."""

    def __init__(self, config: Config):
        self.nlp = load_model(config.model.name, tuple(config.parse.components))
        self.batch_size = config.parse.batch_size
        self.max_chars = config.parse.max_chunk_chars
        self.keep_tensor = config.parse.keep_tensor

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
            if len(body) == 1:
                doc.sdoc = next(parsed)
            else:
                joined = Joined(keep_tensor=self.keep_tensor)
                for _ in body:
                    joined.add(next(parsed))
                doc.sdoc = joined.doc()
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
