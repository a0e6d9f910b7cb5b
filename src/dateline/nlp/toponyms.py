"""Toponym recognition: spaCy's entities checked and completed with the gazetteer and context.

spaCy's small English model misses place names it has never seen (a desert village read as
an ORG, "Palmyra" or "Alexandria" as a PERSON) and labels armed groups GPE. This recogniser
keeps a spaCy GPE/LOC/FAC entity when the gazetteer knows the name or the context says it is
a place, and turns other entities and bare proper nouns into places when the gazetteer knows
them and the context agrees:

- a place-type word after the name or before "of": "Deir Ezzor province", "the town of Qara";
- a locative word before it: "in", "near", "outside", "shelled" ...;
- a distance and direction before it: "30 km north of Mosul";
- a qualifier after a comma: "Alexandria, La.";
- a dateline: "KABUL, Afghanistan (AP) —", "WASHINGTON/MOSCOW:".

A name with a title before it or "said" after it is a person; a name in the stop list
(``not_places`` in resources/place_words.toml) is never a place; a place named inside an
organisation name is a mention only when the organisation is an institution of that place
("Killeen Police Department"), not a newspaper ("Washington Post"). Demonyms ("Syrian") are
marked too, with the label DEMONYM: they are evidence of a country.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from ..gazetteer.index import Candidate, Gazetteer
from ..gazetteer.keys import fold
from ..ingest.metadata import find_dateline
from .actor_dictionary import name_key

PLACE = "PLACE"
DEMONYM = "DEMONYM"
DATELINE = "DATELINE"

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities that name something: a proper noun inside a date ("in Qara area on August 28",
# misread as one DATE) may still be a place, one inside a person's name may not.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
STRONG_FEATURES = frozenset({"PCLI", "ADM1", "CONT", "PPLC"})
# A one-word name the model calls a person or organisation is a place only when it names a
# place at least this large (or a country, first-level area, capital, continent).
STRONG_POPULATION = 100_000


@dataclass(frozen=True)
class PlaceWords:
    """The word lists of resources/place_words.toml."""

    feature_words: dict[str, str]
    name_words: frozenset[str]
    locative: frozenset[str]
    person_after: frozenset[str]
    person_before: frozenset[str]
    institution_heads: frozenset[str]
    after_words: frozenset[str]
    street_words: frozenset[str]
    media_words: frozenset[str]
    direction_prefixes: frozenset[str]
    not_places: frozenset[str]
    directions: dict[str, float]
    units: dict[str, float]
    lowercase_cues: frozenset[str] = frozenset()
    lowercase_not_names: frozenset[str] = frozenset()
    lowercase_appositive: frozenset[str] = frozenset()
    distance_hedges: frozenset[str] = frozenset()


# Words that join the parts of one place name ("Ras al Ain", "Dayr az Zawr", "Deir ez-Zor").
NAME_PARTICLES = frozenset({"-", "al", "el", "ez", "ad", "as", "az"})


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    """The shipped word lists."""
    text = resources.files("dateline").joinpath("resources/place_words.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return PlaceWords(
        feature_words={str(k): str(v) for k, v in data["feature_words"].items()},
        name_words=frozenset(data["name_words"]),
        locative=frozenset(data["locative"]),
        person_after=frozenset(data["person_after"]),
        person_before=frozenset(data["person_before"]),
        institution_heads=frozenset(data["institution_heads"]),
        after_words=frozenset(data["after_words"]),
        street_words=frozenset(data["street_words"]),
        media_words=frozenset(data["media_words"]),
        direction_prefixes=frozenset(data["direction_prefixes"]),
        not_places=frozenset(data["not_places"]),
        directions={str(k): float(v) for k, v in data["directions"].items()},
        units={str(k): float(v) for k, v in data["units"].items()},
        lowercase_cues=frozenset(data.get("lowercase_cues", ())),
        lowercase_not_names=frozenset(data.get("lowercase_not_names", ())),
        lowercase_appositive=frozenset(data.get("lowercase_appositive", ())),
        distance_hedges=frozenset(data.get("distance_hedges", ())),
    )


# "KABUL, Afghanistan (AP) —", "WASHINGTON/MOSCOW:": upper-case names at a line start, an
# optional qualifier after a comma, an optional agency, then a dash or colon.
# Datelines are looked for at the start of the lines of an article's opening.
DATELINE_WITHIN = 3000


class FoundDateline(NamedTuple):
    """A dateline in a text: its places' and regions' character ranges, and where it ends."""

    names: list[tuple[int, int]]
    regions: list[tuple[int, int]]
    end: int
    start: int = 0  # where its line starts: the header is text[start:end]


def datelines(text: str) -> list[FoundDateline]:
    """The datelines opening lines of ``text``.

    One reader for ingestion, places and sentence starts (dateline.ingest.metadata.
    find_dateline), so that "KIRKUK, Iraq, March 13, 2029 (Agency) -" is a dateline to all.
    """
    found = []
    start = 0
    for line in text[:DATELINE_WITHIN].splitlines(keepends=True):
        dateline = find_dateline(line)
        if dateline is not None:
            found.append(
                FoundDateline(
                    [(start + a, start + b) for _, a, b in dateline.places],
                    [(start + a, start + b) for _, a, b in dateline.regions],
                    start + dateline.end,
                    start,
                )
            )
        start += len(line)
    return found


def _lower_case(sdoc: Any, least: int = 40, most: float = 0.02) -> bool:
    """Whether a text is written all in lower case: of its first 2,000 words (at least
    ``least``), hardly any (``most``) begins with a capital, the dateline's aside."""
    words = [t for t in sdoc[:2000] if t.is_alpha]
    if len(words) < least:
        return False
    capitals = sum(1 for t in words if t.text[:1].isupper())
    # A dateline header in capitals ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)") is a few words.
    return capitals <= max(8, most * len(words))


def _lower(token: Any) -> str:
    return str(token.lower_).strip(".")


@lru_cache(maxsize=1)
def known_organisations() -> frozenset[str]:
    """Name keys of the organisations of the shipped actor dictionary (``label`` ORG), less
    the names of countries and capitals."""
    from .actor_dictionary import cached_dictionary

    book = cached_dictionary()
    found = set()
    for key, aliases in book.names.items():
        kinds = {a.kind for a in aliases}
        if kinds != {"entry"}:
            continue
        if any(book.entries[a.target].label == "ORG" for a in aliases):
            found.add(key)
    return frozenset(found)


class ToponymRecogniser:
    """Place-name and demonym mentions of a spaCy Doc, as labelled Spans."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        words: PlaceWords | None = None,
        *,
        demonyms: bool = True,
        organisations: frozenset[str] | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.words = words or load_place_words()
        self.demonyms = demonyms
        # Name keys of the organisations the actor dictionary knows ("ETA", a town in India
        # too): no place unless the model itself calls the name one.
        self.organisations = known_organisations() if organisations is None else organisations

    # -- what the gazetteer says about a name -------------------------------------------
    def candidates(self, name: str, max_level: int = 1) -> list[Candidate]:
        if name.lower().strip(" .") in self.words.not_places:
            return []
        return [c for c in self.gaz.lookup(name) if c.level <= max_level]

    def strong(self, name: str) -> bool:
        """True if ``name`` exactly names a country, a first-level area or a large place."""
        return any(
            c.level == 0 and (c.feature in STRONG_FEATURES or c.population >= STRONG_POPULATION)
            for c in self.candidates(name, 0)
        )

    # -- context ---------------------------------------------------------------------------
    def cue_before(self, sdoc: Any, start: int) -> bool:
        """A locative word, "<place type> of", or "<distance> <direction> of" before ``start``."""
        if start == 0:
            return False
        prev = _lower(sdoc[start - 1])
        if prev in self.words.locative:
            return True
        if prev == "," and start >= 2 and _lower(sdoc[start - 2]) in self.words.street_words:
            return True
        if prev == "of" and start >= 2:
            before = _lower(sdoc[start - 2])
            return (
                before in self.words.feature_words
                or before in self.words.directions
                or before in self.words.after_words
                or before in ("outskirts", "centre", "center", "governor", "heart")
            )
        return False

    def cue_after(self, sdoc: Any, end: int) -> bool:
        """A place-type word or its people after the name ("Deir Ezzor region", "Mosul residents")."""
        if end >= len(sdoc):
            return False
        word = _lower(sdoc[end])
        if word == "-" and end + 1 < len(sdoc):
            word = _lower(sdoc[end + 1])
        return word in self.words.feature_words or word in self.words.after_words

    def comma_qualified(self, sdoc: Any, end: int) -> bool:
        """ ", <state or country>" after the name ("Alexandria, La.")."""
        if end + 1 >= len(sdoc) or sdoc[end].text != ",":
            return False
        for width in (3, 2, 1):
            stop = min(len(sdoc), end + 1 + width)
            qualifier = sdoc[end + 1 : stop].text
            if qualifier[:1].isupper() and any(
                c.level == 0 and c.feature in ("PCLI", "ADM1")
                for c in self.candidates(qualifier, 0)
            ):
                return True
        return False

    def personish(self, sdoc: Any, start: int, end: int, surnames: set[str]) -> bool:
        """A title before or "said" after the name, or a person's surname already named.

        Pass an empty ``surnames`` where the model itself calls the name a place: "Egypt"
        stays a country after the model misreads "Rethinking Egypt" as a person.
        """
        if start > 0 and _lower(sdoc[start - 1]) in self.words.person_before:
            return True
        if end < len(sdoc) and _lower(sdoc[end]) in self.words.person_after:
            return True
        return end - start == 1 and _lower(sdoc[start]) in surnames

    def organisation(self, sdoc: Any, start: int, end: int) -> bool:
        """Whether a name is an organisation the actor dictionary knows, with no place-type
        word to say it is a place ("the town of X", "X province") and naming no country or
        state."""
        text = sdoc[start:end].text
        if name_key(text) not in self.organisations or self.sovereign(text):
            return False
        if end < len(sdoc) and _lower(sdoc[end]) in self.words.feature_words:
            return False
        return not (
            start >= 2
            and _lower(sdoc[start - 1]) == "of"
            and _lower(sdoc[start - 2]) in self.words.feature_words
        )

    # -- recognition -----------------------------------------------------------------------
    def trim(self, sdoc: Any, start: int, end: int) -> tuple[int, int]:
        """Without "the", a possessive, or a trailing place-type word the name does not own."""
        while start < end and sdoc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and sdoc[end - 1].text in ("'s", "’s", "'", "’", ".", ",", "-"):
            end -= 1
        while end - start >= 2 and _lower(sdoc[start]) in self.words.direction_prefixes:
            if self.candidates(sdoc[start:end].text, 0) or not self.candidates(
                sdoc[start + 1 : end].text, 1
            ):
                break
            start += 1
        if end - start >= 2:
            last = _lower(sdoc[end - 1])
            if last in self.words.feature_words:
                whole = sdoc[start:end].text
                # "Cape Town", "Beverly Hills": a place's own name, word for word, is kept whole.
                keep = any(c.primary for c in self.candidates(whole, 0)) or (
                    last in self.words.name_words and self.candidates(whole, 1)
                )
                if not keep and self.candidates(sdoc[start : end - 1].text, 2):
                    end -= 1
        return start, end

    def __call__(self, sdoc: Any) -> list[Any]:
        """The place and demonym Spans of ``sdoc``, in order, never overlapping."""
        found: list[tuple[int, int, str]] = []
        surnames = {
            _lower(ent[-1]) for ent in sdoc.ents if ent.label_ == "PERSON" and len(ent) >= 2
        }
        in_entity = [False] * len(sdoc)
        for ent in sdoc.ents:
            if ent.label_ in NAME_LABELS:
                for i in range(ent.start, ent.end):
                    in_entity[i] = True
            found.extend(self._from_entity(sdoc, ent, surnames))
        found.extend(self._from_dateline(sdoc))
        found.extend(self._from_proper_nouns(sdoc, in_entity, surnames))
        if _lower_case(sdoc):
            found.extend(self._from_lowercase_cues(sdoc))
        found.extend(self._propagate(sdoc, found, surnames))
        return self._spans(sdoc, found)

    def _from_lowercase_cues(self, sdoc: Any) -> list[tuple[int, int, str]]:
        """In a text without capitals, runs of one to three words the gazetteer knows by
        that name, right before a place-type word ("itagui municipality", and the town
        before it in "tulcan, carchi province") or right after "<place type> of" ("the city
        of flores"); the longest run first."""
        cues = self.words.lowercase_cues
        stop_words = self.words.lowercase_not_names | self.words.direction_prefixes
        found = []
        n = len(sdoc)

        def word(k: int) -> bool:
            t = sdoc[k]
            return t.is_alpha and t.lower_ not in stop_words

        def known(start: int, end: int) -> bool:
            name = sdoc[start:end].text
            return len(name) >= 4 and bool(self.candidates(name, 1))

        for k in range(n):
            if sdoc[k].text == "," and self._described_after(sdoc, k + 1):
                # "<run>, 60 km south of <place>", "<run>, a village in <place>": the words
                # after the comma say that the run names a place.
                for width in (3, 2, 1):
                    start = k - width
                    if start >= 0 and all(word(m) for m in range(start, k)) and known(start, k):
                        found.append((start, k, PLACE))
                        break
                continue
            if _lower(sdoc[k]) not in cues:
                continue
            # "<run> <cue>": the run ends right before the cue; a known run before a comma
            # right before that run is the place it lies in ("in tulcan, carchi province").
            for width in (3, 2, 1):
                start = k - width
                if start < 0 or not all(word(m) for m in range(start, k)):
                    continue
                if known(start, k):
                    found.append((start, k, PLACE))
                    if start >= 2 and sdoc[start - 1].text == ",":
                        for inner in (3, 2, 1):
                            first = start - 1 - inner
                            if (
                                first >= 0
                                and all(word(m) for m in range(first, start - 1))
                                and known(first, start - 1)
                            ):
                                found.append((first, start - 1, PLACE))
                                break
                    break
            # "<cue> of <run>"
            if k + 1 < n and sdoc[k + 1].lower_ == "of":
                for width in (3, 2, 1):
                    end = k + 2 + width
                    if end > n or not all(word(m) for m in range(k + 2, end)):
                        continue
                    if known(k + 2, end):
                        found.append((k + 2, end, PLACE))
                        break
        return found

    def _described_after(self, sdoc: Any, k: int) -> bool:
        """Whether the words from token ``k`` on describe a place just named: a distance
        ("60 km south of ...", "some 40 km from ...") or a place-type word after an article
        and at most two other words ("a small village in ...", "the capital of ...")."""
        n = len(sdoc)
        if k < n and sdoc[k].lower_ in self.words.distance_hedges:
            k += 1
        if k + 1 < n and sdoc[k].like_num and _lower(sdoc[k + 1]) in self.words.units:
            return True
        if k >= n or sdoc[k].lower_ not in ("a", "an", "the"):
            return False
        for m in range(k + 1, min(n, k + 4)):
            word = _lower(sdoc[m])
            if word in self.words.lowercase_cues or word in self.words.lowercase_appositive:
                return m + 1 < n and sdoc[m + 1].lower_ in ("in", "of", "near")
            if not sdoc[m].is_alpha:
                return False
        return False

    def _propagate(
        self, sdoc: Any, found: list[tuple[int, int, str]], surnames: set[str]
    ) -> list[tuple[int, int, str]]:
        """Other mentions of a name the document already uses as a place (one sense per text).

        The small model calls the same town a place in one sentence and a person in the
        next ("in Alexandria" ... "Alexandria was a finalist"). Inside a longer person or
        organisation name the place counts only before an institution or its people
        ("Alexandria Police"), never in a newspaper's name.
        """
        accepted = {fold(sdoc[s:e].text) for s, e, label in found if label != DEMONYM}
        accepted.discard("")
        if not accepted:
            return []
        words = [t.text for t in sdoc]
        lowers = [w.lower().strip(".") for w in words]
        folded = [w.lower() if w.isascii() and w.isalnum() else fold(w) for w in words]
        place_ends = {e for s, e, label in found if label != DEMONYM}
        place_starts = {s for s, e, label in found if label != DEMONYM}
        taken = [False] * len(sdoc)
        for s, e, _ in found:
            for i in range(s, e):
                taken[i] = True
        ent_of: dict[int, Any] = {}
        for ent in sdoc.ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        heads = self.words.institution_heads | self.words.after_words
        out = []
        n = len(sdoc)
        for i in range(n):
            if taken[i] or not words[i][:1].isupper():
                continue
            for stop in range(min(n, i + 4), i, -1):
                if not words[stop - 1][:1].isalnum():
                    continue
                key = "".join(folded[i:stop])
                # In a list with a place: "Deir ez-Zor and Albukamal", "Homs, Hama or Idlib".
                listed = (
                    i >= 2 and lowers[i - 1] in ("and", "or", ",") and i - 1 in place_ends
                ) or (
                    stop + 1 < n and lowers[stop] in ("and", "or", ",") and stop + 1 in place_starts
                )
                if key not in accepted and not listed:
                    continue
                if any(taken[i:stop]) or not (
                    key in accepted or (listed and self.candidates(sdoc[i:stop].text, 0))
                ):
                    continue
                ent = ent_of.get(i)
                next_word = _lower(sdoc[stop]) if stop < n else ""
                if ent is not None and (
                    ent.start < i or (ent.end > stop and next_word not in heads)
                ):
                    break
                continues = (
                    stop < n and sdoc[stop].pos_ == "PROPN" and sdoc[stop].text[:1].isupper()
                )
                if continues and next_word not in heads:
                    break
                if self.personish(sdoc, i, stop, surnames):
                    break
                out.append((i, stop, PLACE))
                for k in range(i, stop):
                    taken[k] = True
                break
        return out

    def _from_entity(self, sdoc: Any, ent: Any, surnames: set[str]) -> list[tuple[int, int, str]]:
        start, end = self.trim(sdoc, ent.start, ent.end)
        if start >= end:
            return []
        text = sdoc[start:end].text
        label = ent.label_
        if text.lower() in self.words.not_places:
            return []
        if label == "NORP" or (label in ("PERSON", "ORG") and end - start == 1):
            if self.demonyms and self.gaz.demonym(text) is not None:
                return [(start, end, DEMONYM)]
            if label == "NORP" and not self.strong(text):
                return []
        typed = self.cue_before(sdoc, start) or (
            end < len(sdoc) and _lower(sdoc[end]) in self.words.feature_words
        )
        cue = typed or self.cue_after(sdoc, end) or self.comma_qualified(sdoc, end)
        if label in PLACE_LABELS:
            if self.personish(sdoc, start, end, set()) and not cue:
                return []
            if self.candidates(text, 1) or (cue and self.candidates(text, 2)):
                return [(start, end, PLACE)]
            # An unknown name the model calls a place, in a place context: keep, unresolved.
            return [(start, end, PLACE)] if typed and label != "FAC" and text[:1].isupper() else []
        if label == "ORG":
            embedded = self._embedded(sdoc, start, end)
            if embedded:
                return [embedded]
        if self.organisation(sdoc, start, end):
            return []  # "sympathetic to ETA": the Basque group, not a town in India
        if label not in ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
            return []
        if self.personish(sdoc, start, end, surnames):
            return []
        if cue and self.candidates(text, 2):
            return [(start, end, PLACE)]
        if label != "PERSON" and self.sovereign(text):
            return [(start, end, PLACE)]
        return []

    def sovereign(self, name: str) -> bool:
        """True if ``name`` exactly names a country, first-level area or continent."""
        return any(
            c.level == 0 and c.feature in ("PCLI", "ADM1", "CONT") for c in self.candidates(name, 0)
        )

    def _embedded(self, sdoc: Any, start: int, end: int) -> tuple[int, int, str] | None:
        """The place inside an institution's name ("Killeen Police Department", "Georgia
        Bureau of Investigation", "University of Texas"); never in a newspaper's or a
        team's ("Washington Post", "Texas Rangers")."""
        words = [_lower(t) for t in sdoc[start:end]]
        if not any(w in self.words.institution_heads for w in words):
            return None
        if any(w in self.words.media_words for w in words):
            return None
        if self.demonyms and self.gaz.demonym(sdoc[start].text) is not None:
            return (start, start + 1, DEMONYM)  # "the Russian Defence Ministry"
        for width in (3, 2, 1):
            for i in range(start, end - width + 1):
                piece = sdoc[i : i + width]
                if not piece.text[:1].isupper() or _lower(piece[0]) in self.words.institution_heads:
                    continue
                cands = self.candidates(piece.text, 0)
                if any(
                    c.feature in ("PCLI", "ADM1", "CONT") or c.population >= 1000 for c in cands
                ):
                    return (i, i + width, PLACE)
        return None

    def _from_dateline(self, sdoc: Any) -> list[tuple[int, int, str]]:
        found = []
        text = sdoc.text
        for names, regions, *_ in datelines(text):
            known = [p for p in names + regions if self.candidates(text[p[0] : p[1]], 1)]
            if not names or any(name not in known for name in names):
                continue  # every town of a dateline is known; its region may not be
            for begin, stop in known:
                span = sdoc.char_span(begin, stop, alignment_mode="expand")
                if span is not None:
                    found.append((span.start, span.end, DATELINE))
        return found

    def _from_proper_nouns(
        self, sdoc: Any, in_entity: Sequence[bool], surnames: set[str]
    ) -> list[tuple[int, int, str]]:
        """Runs of proper nouns the gazetteer knows, in a place context.

        A run may swallow whole person or organisation entities the model cut out of one
        name ("Dayr" ORG + "az Zawr" PERSON), never part of one.
        """
        found = []
        i = 0
        n = len(sdoc)
        ent_bounds: dict[int, tuple[int, int]] = {}
        for ent in sdoc.ents:
            if ent.label_ in NAME_LABELS:
                for k in range(ent.start, ent.end):
                    ent_bounds[k] = (ent.start, ent.end)
        while i < n:
            token = sdoc[i]
            if token.pos_ != "PROPN" or not token.text[:1].isupper():
                i += 1
                continue
            j = i
            while j < n and (sdoc[j].pos_ == "PROPN" or sdoc[j].text in NAME_PARTICLES):
                j += 1
            for stop in range(j, i, -1):
                # "Deir ez-Zor", "Ras al Ain": a particle joins two names, never ends one
                # ("the blast in Gao as an attack" is in Gao).
                if not sdoc[stop - 1].text[:1].isalpha() or sdoc[stop - 1].text in NAME_PARTICLES:
                    continue
                if not any(not in_entity[k] for k in range(i, stop)) and (
                    ent_bounds.get(i) == ent_bounds.get(stop - 1)
                ):
                    continue  # one entity: its own rules decided
                if any(
                    k in ent_bounds and not (i <= ent_bounds[k][0] and ent_bounds[k][1] <= stop)
                    for k in range(i, stop)
                ):
                    continue
                name = sdoc[i:stop].text
                if name.lower() in self.words.not_places or len(name) < 3:
                    continue
                if self.organisation(sdoc, i, stop):
                    continue
                before = self.cue_before(sdoc, i)
                cue = before or self.cue_after(sdoc, stop)
                # "Residents of X said": the place word before outweighs "said" after.
                if self.personish(sdoc, i, stop, set() if before else surnames) and not (
                    before and _lower(sdoc[i - 1]) not in self.words.person_before
                ):
                    continue
                if not cue:
                    # A bare proper noun is a place only if it names a country or state.
                    if self.sovereign(name):
                        found.append((i, stop, PLACE))
                        break
                    continue
                if self.candidates(name, 2 if self.cue_after(sdoc, stop) else 1):
                    found.append((i, stop, PLACE))
                    break
            i = max(j, i + 1)
        return found

    @staticmethod
    def _spans(sdoc: Any, found: list[tuple[int, int, str]]) -> list[Any]:
        from spacy.tokens import Span

        # Longest first, then earliest: a dateline or entity wins over a piece of itself.
        taken = [False] * len(sdoc)
        kept = []
        for start, end, label in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0], f[2])):
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            kept.append(Span(sdoc, start, end, label=label))
        return sorted(kept, key=lambda s: (s.start, s.end))
