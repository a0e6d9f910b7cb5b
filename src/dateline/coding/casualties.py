"""Counts of people: "some 40", "at least 12", "more than 20", "dozens", "a dozen", "four".

A casualty figure in a news report is rarely a bare number: it comes with a hedge ("about",
"at least", "more than"), as a vague plural ("dozens", "scores") or in words ("twenty-five").
:func:`parse_quantity` reads the counting words of a noun phrase, given as lower-case words,
into a :class:`Quantity` (best figure, floor, ceiling, whether it is approximate) and where
they sit; :func:`quantity_of` does the same on a spaCy token (the head of the victims' noun
phrase) and says whether those counted were civilians or combatants where the text says so.
The vocabularies (number words, hedges, vague plurals, group nouns) are data:
``resources/events/numbers.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Group = str  # "civilians" | "combatants"

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_DIGIT_RANGE = re.compile(r"^(\d+)[-\u2013](\d+)$")


@dataclass(frozen=True)
class Quantity:
    """A number of people as a report gives it; ``first``/``last`` index the counting words."""

    best: int | None
    low: int | None
    high: int | None
    approximate: bool
    first: int
    last: int  # inclusive


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[tuple[str, ...], tuple[int, int | None]]
    approximators: dict[tuple[str, ...], str]
    groups: dict[str, Group]


@cache
def number_words() -> NumberWords:
    """The vocabularies of ``resources/events/numbers.toml``."""
    text = resources.files("dateline.resources").joinpath("events/numbers.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    groups: dict[str, Group] = {}
    for group, nouns in data["groups"].items():
        for noun in nouns:
            groups[noun] = group
    return NumberWords(
        units={k: int(v) for k, v in data["units"].items()},
        multipliers={k: int(v) for k, v in data["multipliers"].items()},
        vague={tuple(k.split()): (int(v[0]), int(v[1]) or None) for k, v in data["vague"].items()},
        approximators={tuple(k.split()): str(v) for k, v in data["approximators"].items()},
        groups=groups,
    )


def _is_number_word(word: str, vocab: NumberWords) -> bool:
    return word in vocab.units or word in vocab.multipliers or bool(_DIGITS.match(word))


def number_value(words: Sequence[str]) -> int | None:
    """The value of number words or digits: "twenty - five" -> 25, "1.2 million", "a dozen"."""
    vocab = number_words()
    total = 0.0
    current = 0.0
    seen = False
    for i, word in enumerate(words):
        if word in ("-", "and"):
            continue
        if word in ("a", "an") and i == 0:
            current = 1.0
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
            seen = True
        elif word in vocab.units:
            if word == "no":
                return None
            current += vocab.units[word]
            seen = True
        elif word in vocab.multipliers:
            factor = vocab.multipliers[word]
            base = current or 1.0
            if factor >= 1000:
                total += base * factor
                current = 0.0
            else:
                current = base * factor
            seen = True
        else:
            return None
    if not seen:
        return None
    return int(round(total + current))


def _number_run(words: Sequence[str], vocab: NumberWords) -> tuple[int, int] | None:
    """Bounds (inclusive) of the first run of number words; "a" counts before a multiplier."""
    n = len(words)
    for i, word in enumerate(words):
        starts = _is_number_word(word, vocab) or (
            word in ("a", "an") and i + 1 < n and words[i + 1] in vocab.multipliers
        )
        if not starts or word == "no":
            continue
        j = i
        while j + 1 < n:
            nxt = words[j + 1]
            if _is_number_word(nxt, vocab):
                j += 1
            elif (
                nxt in ("-", "and")
                and j + 2 < n
                and _is_number_word(words[j + 2], vocab)
                and not _DIGITS.match(words[j + 2])
            ):
                j += 2
            else:
                break
        return i, j
    return None


def _hedge(words: Sequence[str], first: int, vocab: NumberWords) -> tuple[str | None, int]:
    """The approximator right before ``words[first]`` and where it starts."""
    for size in (3, 2, 1):
        start = first - size
        if start >= 0 and tuple(words[start:first]) in vocab.approximators:
            return vocab.approximators[tuple(words[start:first])], start
    return None, first


def _vague(words: Sequence[str], vocab: NumberWords) -> Quantity | None:
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            key = tuple(words[start : start + size])
            if key in vocab.vague:
                low, high = vocab.vague[key]
                return Quantity(None, low, high, True, start, start + size - 1)
    return None


def parse_quantity(words: Sequence[str]) -> Quantity | None:
    """The count expressed by lower-case ``words`` (a noun phrase up to its head), or None.

    "about 85" -> best 85, approximate; "at least 12" -> best 12, low 12; "more than 20" ->
    low 21; "nearly 50" -> best 50, high 50; "between 10 and 20" / "10-20" -> low 10, high 20;
    "dozens" -> low 24; "a dozen" -> best 12, approximate; "four" -> best 4 exactly; "no one" -> 0.
    """
    vocab = number_words()
    words = [w.lower() for w in words]
    for i, word in enumerate(words):
        if word in ("none", "nobody", "noone") or (
            word == "no" and i + 1 < len(words) and words[i + 1] == "one"
        ):
            return Quantity(0, None, None, False, i, i + (word == "no"))
        m = _DIGIT_RANGE.match(word)
        if m:
            low, high = sorted((int(m.group(1)), int(m.group(2))))
            return Quantity(None, low, high, True, i, i)
    # "several dozen", "tens of thousands": vague phrases that start with a number-like word.
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            key = tuple(words[start : start + size])
            if key in vocab.vague:
                floor, ceiling = vocab.vague[key]
                return Quantity(None, floor, ceiling, True, start, start + size - 1)
    run = _number_run(words, vocab)
    if run is None:
        return _vague(words, vocab)
    first, last = run
    value = number_value(words[first : last + 1])
    if value is None:
        return _vague(words, vocab)
    # "between 10 and 20", "10 to 20"
    if last + 2 < len(words) and words[last + 1] in ("and", "to", "or"):
        second = _number_run(words[last + 2 :], vocab)
        if second is not None and second[0] == 0:
            other = number_value(words[last + 2 : last + 3 + second[1]])
            if other is not None and other > value:
                start = first - 1 if first > 0 and words[first - 1] == "between" else first
                return Quantity(None, value, other, True, start, last + 2 + second[1])
    loose = words[first] in ("a", "an") and words[last] == "dozen"
    kind, start = _hedge(words, first, vocab)
    if kind == "about":
        return Quantity(value, None, None, True, start, last)
    if kind == "atleast":
        return Quantity(value, value, None, True, start, last)
    if kind == "above":
        return Quantity(None, value + 1, None, True, start, last)
    if kind == "atmost":
        return Quantity(value, None, value, True, start, last)
    if kind == "below":
        return Quantity(None, None, max(value - 1, 0), True, start, last)
    if loose:
        return Quantity(value, None, None, True, first, last)
    return Quantity(value, None, None, False, first, last)


def group_of(lemma: str, modifiers: Sequence[str] = ()) -> Group | None:
    """ "civilians" or "combatants" for a head noun (lemma), else None.

    "armed" among the modifiers makes anyone a combatant ("armed men").
    """
    if "armed" in modifiers:
        return "combatants"
    return number_words().groups.get(lemma.lower())


def quantity_of(head: Any) -> tuple[Quantity, int, int, Group | None] | None:
    """The count of a noun phrase from its head token, with its character bounds and group.

    ``head`` is a spaCy token: the subject of "were killed" or the object of "killed". The
    counting words may precede the head ("some 40 fighters") or be the head ("four of his
    relatives", "dozens of terrorists"); the people counted are then the object of "of".
    Returns None when the phrase states no number (a singular or a bare plural).
    """
    sdoc = head.doc
    words_tokens = list(sdoc[head.left_edge.i : head.i + 1])
    counted = head
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        objects = [c for c in of[0].children if c.dep_ == "pobj"]
        if objects:
            # "tens of thousands of people": follow the "of" chain to the people.
            inner = objects[0]
            if _is_quantity_head(head):
                words_tokens = list(sdoc[head.left_edge.i : inner.i + 1])
                counted = inner
                while True:
                    nxt = [c for c in inner.children if c.dep_ == "prep" and c.lower_ == "of"]
                    objs = [c for x in nxt for c in x.children if c.dep_ == "pobj"]
                    if not objs or not _is_quantity_head(inner):
                        break
                    inner = objs[0]
                    counted = inner
    # The parser sometimes hangs a hedge on the verb ("AT LEAST 12 VILLAGERS DIED"): take
    # the words right before the phrase when they make one.
    first = words_tokens[0].i
    vocab = number_words()
    for size in (3, 2, 1):
        if first - size >= 0:
            before = tuple(t.lower_ for t in sdoc[first - size : first])
            if before in vocab.approximators:
                words_tokens = list(sdoc[first - size : first]) + words_tokens
                break
    words = [t.lower_ for t in words_tokens]
    found = parse_quantity(words)
    if found is None:
        return None
    start = words_tokens[found.first].idx
    last = words_tokens[found.last]
    end = last.idx + len(last.text)
    modifiers = [c.lower_ for c in counted.children if c.dep_ in ("amod", "compound")]
    return found, start, end, group_of(counted.lemma_.lower(), modifiers)


def _is_quantity_head(token: Any) -> bool:
    word = token.lower_
    vocab = number_words()
    return (
        word in vocab.units
        or word in vocab.multipliers
        or bool(_DIGITS.match(word))
        or (word,) in vocab.vague
        or token.like_num
    )
