"""Stage ``dateline.parse.v1``: run the spaCy pipeline over the clean text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Config
from ..document import Document
from ..registry import stages
from .model import load_model


class Parse:
    """Tokens, sentences, tags, dependencies and named entities of ``doc.text``."""

    def __init__(self, config: Config):
        self.nlp = load_model(config["model"]["name"])
        self.batch_size = int(config.get("parse", {}).get("batch_size", 32))

    def __call__(self, doc: Document) -> Document:
        doc.sdoc = self.nlp(doc.text)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        for doc, sdoc in zip(
            docs, self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size), strict=True
        ):
            doc.sdoc = sdoc
            yield doc


@stages.register("dateline.parse.v1", requires=["text"], assigns=["sdoc"], english_only=True)
def make_parse(config: Config) -> Parse:
    """Parse the clean text with spaCy (tokens, sentences, dependencies, entities)."""
    return Parse(config)
