"""Stage ``dateline.language.v1``: which language the text is in.

A fast check first: in English news prose about a third of the words are function words
("the", "of", "said"), and in other languages almost none are English ones. Only a text
that fails the check goes to py3langid, loaded on first use (it costs about a second). A
text too short, or one the identifier is unsure of, keeps ``language`` None, which the
English-only stages read as English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import message
from ..registry import Stage, stages

# Share of English function words above which a text is English without asking langid.
ENGLISH_SHARE = 0.25
# Fewer words than this are too few to count.
MIN_WORDS = 8
# Below this confidence the identifier's answer is not evidence enough to skip stages.
MIN_CONFIDENCE = 0.80
# The identifier reads this much of a long text: more changes no answer, only the time.
MAX_CHARS = 5000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """The English function words of ``resources/stopwords_en.txt``."""
    text = resources.files("dateline").joinpath("resources/stopwords_en.txt").read_text("utf-8")
    return frozenset(
        word for row in text.splitlines() if not row.startswith("#") for word in row.split()
    )


@lru_cache(maxsize=1)
def language_table() -> dict[str, tuple[str, str]]:
    """Identifier label -> (ISO 639-1 code, English name), from ``resources/languages.tsv``."""
    text = resources.files("dateline").joinpath("resources/languages.tsv").read_text("utf-8")
    table = {}
    for row in text.splitlines():
        if not row.strip() or row.startswith("#") or row.startswith("label\t"):
            continue
        label, iso, name = row.split("\t")
        table[label] = (label if iso == "-" else iso, name)
    return table


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str) -> tuple[float, int]:
    """The share of English function words among the words of ``text``, and the word count."""
    words = _WORD.findall(text[:MAX_CHARS].lower())
    if not words:
        return 0.0, 0
    stopwords = english_stopwords()
    return sum(word in stopwords for word in words) / len(words), len(words)


def identify(text: str, *, min_chars: int = 40) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the evidence is too thin."""
    if len(text.strip()) < min_chars:
        return None
    share, count = english_share(text)
    if count < MIN_WORDS:
        return None
    if share >= ENGLISH_SHARE:
        return "en"
    label, confidence = _identifier().classify(text[:MAX_CHARS])
    if confidence < MIN_CONFIDENCE or label not in language_table():
        return None
    return language_table()[label][0]


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself.

    Several labels share a code (``ar`` holds Egyptian and Moroccan Arabic): the name is the
    one of the label that is the code itself, else of the first label with that code.
    """
    return _language_names().get(code, code)


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for label, (iso, name) in language_table().items():
        if label == iso:
            names[iso] = name
        else:
            names.setdefault(iso, name)
    return names


@stages.register("dateline.language.v1", requires=["text"], assigns=["meta.language"])
def make_language(config: Config) -> Stage:
    """Identify the language; a non-English text gets a problem and skips English-only stages."""
    min_chars = config.language.min_chars
    expected = config.language.expected

    def language(doc: Document) -> Document:
        code = identify(doc.text, min_chars=min_chars)
        doc.meta.language = code
        if code is not None and code != expected:
            doc.add_problem(
                "unexpected_language",
                message(
                    "unexpected_language",
                    language=language_name(code),
                    expected=language_name(expected),
                ),
            )
        return doc

    return language
