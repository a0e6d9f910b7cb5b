"""Actor mentions in a spaCy Doc: names, composed actors, descriptions and pronouns.

Recognition is spaCy's named entities corrected by the actor dictionary and by rules:

* dictionary names win over spaCy's entities (so "Daesh" is an organisation in every
  sentence), and run-together forms ("ISILgroup") are read as the name plus its noun;
* a noun phrase headed by an actor noun ("police", "forces", "officials", "the ministry")
  becomes a composed actor with the country its modifiers name ("Russia's warplanes",
  "police in Tajikistan", "Syrian regime forces") and the sector of its noun;
* a name found once is found everywhere it recurs, and a person's surname alone is that
  person (name propagation);
* a name spaCy calls a person but that a place noun or a locative preposition surrounds
  ("the Palmyra region", "near Palmyra") is a place, not an actor.

Each mention carries what coreference needs (kind, label, number, class, head, sentence).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .actor_dictionary import ActorDictionary, Alias, Noun, name_key

# spaCy labels that name referents; numbers, dates and money are other stages' work.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)


@functools.cache
def word_lists() -> dict[str, frozenset[str]]:
    """The word lists of ``resources/actors/words.toml``."""
    text = resources.files("dateline").joinpath("resources/actors/words.toml").read_text("utf-8")
    return {key: frozenset(words) for key, words in tomllib.loads(text).items()}


@functools.cache
def given_names() -> frozenset[str]:
    """Given names that open a person's name in text without capitals
    (``resources/actors/given_names.txt``)."""
    path = "resources/actors/given_names.txt"
    text = resources.files("dateline").joinpath(path).read_text("utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


PRONOUNS: dict[str, tuple[str, str]] = {
    # pronoun -> (number, gender): sg/pl; m/f/n (n: a body, "it")
    "he": ("sg", "m"),
    "him": ("sg", "m"),
    "his": ("sg", "m"),
    "himself": ("sg", "m"),
    "she": ("sg", "f"),
    "her": ("sg", "f"),
    "hers": ("sg", "f"),
    "herself": ("sg", "f"),
    "they": ("pl", ""),
    "them": ("pl", ""),
    "their": ("pl", ""),
    "themselves": ("pl", ""),
    "it": ("sg", "n"),
    "its": ("sg", "n"),
    "who": ("", ""),
}
# Inside a quotation these are its speaker: "“We pursued them,” the colonel said."
FIRST_PERSON: dict[str, str] = {
    "i": "sg",
    "me": "sg",
    "my": "sg",
    "we": "pl",
    "us": "pl",
    "our": "pl",
}
_QUOTED = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")
MEMBER_NOUN_CLASSES = frozenset({"group", "military", "person", "police", "security"})
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Mention:
    """One mention of a possible actor, before and after coreference."""

    start: int  # token offsets in the spaCy Doc
    end: int
    kind: str  # "name", "nominal" or "pronoun"
    label: str  # PERSON, ORG, GPE, NORP, ... (a first guess; the referent decides)
    kb: str = ""  # "entry:<key>", "country:<iso2>", "composed:<iso2|->:<sector|->:<noun>"
    number: str = ""  # "sg", "pl" or "" (unknown)
    gender: str = ""  # pronouns: "m", "f", "n"
    cls: str = ""  # nominals: the noun class of nouns.tsv ("ministry", "group"...)
    definite: bool = False  # nominals: "the ministry" refers back; "a ministry" does not
    head: int = -1  # token index of the head
    sent: int = 0  # sentence number
    subject: bool = False  # the head is the subject of its clause
    speaker: bool = False  # the subject of a speech verb ("X said")
    source: str = ""  # "dictionary", "ner", "title", "noun", "pronoun", "propagated"
    referent: int = -1  # set by coreference
    extra: dict[str, str] = field(default_factory=dict)


def is_caseless(sdoc: Any, skip: Collection[int] = ()) -> bool:
    """Whether the text is all lower case or all capitals (MUC-4, telegrams): case says nothing.

    ``skip``: tokens not to count, the wire header's ("LIMA, 4 FEB 90 (EFE)"), whose
    capitals say nothing about how the body below it is written.
    """
    alpha = [t.text for t in sdoc if t.is_alpha and len(t.text) > 1 and t.i not in skip]
    if not alpha:
        return False
    lower = sum(1 for w in alpha if w.islower())
    upper = sum(1 for w in alpha if w.isupper())
    return lower / len(alpha) > 0.97 or upper / len(alpha) > 0.8


def _case_ok(alias: Alias, text: str, caseless: bool, common: frozenset[str]) -> bool:
    """Whether ``text`` may be ``alias`` given how each is capitalised."""
    if caseless:
        if alias.exact:
            key = name_key(alias.form)
            return len(key) >= 3 and key not in common
        return True
    if alias.exact:
        return _WORD.findall(text) == _WORD.findall(alias.form) or text.replace(
            " ", ""
        ) == alias.form.replace(" ", "")
    want = _WORD.findall(alias.form)
    got = _WORD.findall(text)
    if not got or not want:
        return False
    pairs = list(zip(want, got, strict=False)) if len(want) == len(got) else [(want[0], got[0])]
    return all(not w[0].isupper() or g[0].isupper() for w, g in pairs)


@dataclass
class Match:
    start: int
    end: int
    alias: Alias


class Recogniser:
    """Finds actor mentions in a parsed spaCy Doc with the dictionary and rules."""

    def __init__(self, book: ActorDictionary, common_words: frozenset[str]) -> None:
        self.book = book
        self.common = common_words
        # Every prefix of every name key: the scan stops as soon as no name can follow.
        self.prefixes = frozenset(key[:n] for key in book.names for n in range(1, len(key) + 1))
        self.noun_ends = frozenset(noun.split()[-1] for noun in book.nouns)

    # -- dictionary names ---------------------------------------------------------------
    def dictionary_matches(self, sdoc: Any, keys: list[str], caseless: bool) -> list[Match]:
        """Longest dictionary names, left to right, not overlapping."""
        book = self.book
        prefixes = self.prefixes
        n = len(sdoc)
        spaces = [t.is_space for t in sdoc]
        starts = [bool(t.is_sent_start) for t in sdoc]
        found: list[Match] = []
        i = 0
        while i < n:
            if not keys[i] or spaces[i]:
                i += 1
                continue
            best: Match | None = None
            acc = ""
            for j in range(i, min(n, i + book.max_words)):
                if spaces[j] or (j > i and starts[j]):
                    break
                acc += keys[j]
                if acc not in prefixes:
                    break
                if not keys[j]:
                    continue
                aliases = book.lookup(acc)
                if aliases:
                    text = sdoc[i : j + 1].text
                    ok = [a for a in aliases if _case_ok(a, text, caseless, self.common)]
                    if caseless and j > i:
                        # words run together are no acronym without capitals ("in a" is not
                        # "INA")
                        ok = [a for a in ok if not a.exact or " " in a.form]
                    if ok:
                        best = Match(i, j + 1, _prefer(ok))
            if best is None and len(keys[i]) > 5 and keys[i].isalpha():
                best = self._run_together(sdoc[i], keys[i], caseless)
            if best is not None:
                found.append(best)
                i = best.end
            else:
                i += 1
        return found

    def _run_together(self, tok: Any, key: str, caseless: bool) -> Match | None:
        """A name written together with its noun: "ISILgroup", "ISISfighters"."""
        for suffix in sorted(word_lists()["run_together"]):
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                prefix = key[: -len(suffix)]
                aliases = [a for a in self.book.lookup(prefix) if a.kind == "entry"]
                text = tok.text[: len(tok.text) - len(suffix)]
                ok = [a for a in aliases if _case_ok(a, text, caseless, self.common)]
                if ok:
                    return Match(tok.i, tok.i + 1, _prefer(ok))
        return None

    # -- actor nouns --------------------------------------------------------------------
    def noun_at(self, sdoc: Any, i: int) -> tuple[Noun, int] | None:
        """The actor noun whose last word is token ``i``, and its first token."""
        tok = sdoc[i]
        if tok.lower_ not in self.noun_ends:
            return None
        if tok.pos_ not in ("NOUN", "PROPN") and tok.lower_ not in self.book.nouns:
            return None
        nouns = self.book.nouns
        for width in range(min(self.book.noun_words, i + 1), 0, -1):
            words = " ".join(t.lower_ for t in sdoc[i - width + 1 : i + 1])
            if words in nouns:
                return nouns[words], i - width + 1
        return None


def _prefer(aliases: list[Alias]) -> Alias:
    """Entries before countries, countries before demonyms and capitals."""
    order = {"entry": 0, "country": 1, "demonym": 2, "capital": 3}
    return sorted(aliases, key=lambda a: (order[a.kind], a.target))[0]


@functools.lru_cache(maxsize=65536)
def _token_key(text: str) -> str:
    return name_key(text)


def token_keys(sdoc: Any) -> list[str]:
    """The name key of every token (cached: news repeats its words)."""
    return [_token_key(t.text) for t in sdoc]


def subject_of(tok: Any) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") or (
        tok.dep_ == "pobj" and tok.head.dep_ == "agent"
    )


def sentence_index(sdoc: Any) -> list[int]:
    """Sentence number of every token."""
    index = [0] * len(sdoc)
    for number, sent in enumerate(sdoc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def is_title(word: str) -> bool:
    return word.lower().rstrip(".") in word_lists()["titles"]


def looks_like_place(sdoc: Any, start: int, end: int) -> bool:
    """A name followed by a place noun, after "the town of" or a locative preposition is a place."""
    places = word_lists()["place_nouns"]
    if end < len(sdoc) and sdoc[end].lower_ in places:
        return True
    if start >= 2 and sdoc[start - 1].lower_ == "of" and sdoc[start - 2].lower_ in places:
        return True
    before = start - 1
    if before >= 0 and sdoc[before].lower_ == "the":
        before -= 1
    locative = word_lists()["locative"]
    return before >= 0 and sdoc[before].lower_ in locative and sdoc[before].dep_ == "prep"


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quotations of a text (curly or straight double quotes)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
