"""Actors: who is who. The spaCy component ``dateline_actors`` and the stage ``dateline.actors.v1``.

The component finds every mention of a possible actor (``mentions.py``: dictionary names,
spaCy's entities corrected by rules, composed actors such as "Russia's warplanes",
descriptions and pronouns), clusters them into referents (``coref.py``) and writes them to
the span group ``dateline.actors``: one span per mention, ``label_`` the referent's label
(one type per referent), ``kb_id_`` what the referent is (``entry:<key>`` of the actor
dictionary, ``country:<ISO2>``, ``composed:<ISO2>:<sector>:<noun>`` for "police in
Tajikistan", ``person:<ISO2>:<sector>:<noun>`` for "a US military spokesman"), and ``id_``
the referent (``r<n>``). It works in any spaCy pipeline that has a parser and an NER::

    import dateline.nlp.components  # registers the factories
    nlp.add_pipe("dateline_actors")

The stage turns the span group (of the body and of each caption) into ``entities``: one
Entity per referent with all its mentions, a canonical name, ACLED actor type, country and
sector. ``referent()`` and ``role()`` turn any stretch of text into its Entity or a Role:
the event and quote stages call them.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import PipelineError
from ..records import Entity, Role, Span, assign_ids
from ..registry import Stage, stages
from ..spanindex import SpanIndex
from .actor_dictionary import ActorDictionary, ActorEntry, Noun, cached_dictionary, name_key
from .components import PLACES
from .coref import Resolver
from .mentions import (
    FIRST_PERSON,
    MEMBER_NOUN_CLASSES,
    NAME_LABELS,
    PRONOUNS,
    Match,
    Mention,
    Recogniser,
    given_names,
    is_caseless,
    is_title,
    looks_like_place,
    quoted_ranges,
    sentence_index,
    subject_of,
    token_keys,
    word_lists,
)
from .toponyms import DATELINE, FoundDateline, datelines

ACTORS = "dateline.actors"
COMPONENT = "dateline_actors"
MODIFIER_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "npadvmod", "predet"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_BRACKETS = re.compile(r"\(([^()\n]+)\)")


# Words before a given name that make it part of a place or another name: "san francisco".
NAME_BEFORE_STOPS = frozenset(
    {"san", "santa", "santo", "sao", "la", "el", "los", "las", "de", "del", "st", "fort", "puerto"}
)
# Words inside a Spanish name: "gonzalo de jesus perez", "maria de la cruz".
NAME_PARTICLES = frozenset({"de", "del", "la"})


@functools.cache
def common_words() -> frozenset[str]:
    """English function words: a case-exact alias ("=WHO") never matches them in caseless text."""
    text = resources.files("dateline").joinpath("resources/stopwords_en.txt").read_text("utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    return frozenset(words | {"is", "us", "he", "in", "on", "me", "an", "as", "am", "do", "go"})


def _sector_of(book: ActorDictionary, kb: str) -> tuple[str | None, str | None]:
    """(sector, actor_type) of a kb string."""
    kind, _, rest = kb.partition(":")
    if kind == "entry" and rest in book.entries:
        entry = book.entries[rest]
        return entry.sector, entry.actor_type
    if kind == "country":
        return "GOV", "state_forces"
    if kind in ("composed", "person"):
        _country, sector, noun, org = (rest.split(":", 3) + ["", "", ""])[:4]
        if org in book.entries:
            return book.entries[org].sector, book.entries[org].actor_type
        code = None if sector in ("", "-") else sector
        entry_noun = book.nouns.get(noun)
        actor_type = (entry_noun.actor_type if entry_noun else None) or book.sector_type(code)
        return code, actor_type
    return None, None


class ActorFinder:
    """The ``dateline_actors`` component: mentions, coreference, span group."""

    def __init__(self, book: ActorDictionary, *, propagate: bool = True) -> None:
        self.book = book
        self.recogniser = Recogniser(book, common_words())
        lists = word_lists()
        self._insurgent_nouns = lists["insurgent_army_nouns"]
        self._insurgent_words = lists["insurgent_army_words"]
        self.resolver = Resolver(lambda kb: _sector_of(book, kb))
        self.propagate = propagate

    def __call__(self, sdoc: Any) -> Any:
        from spacy.tokens import Span as SpacySpan

        mentions, home = self._find(sdoc)
        referents = self.resolver.resolve(
            sdoc, mentions, home=self._home_actor(home) if home else None
        )
        # A long article is parsed in pieces joined afterwards: the piece's checksum keeps
        # referent ids of different pieces apart (deterministic, unlike hash()).
        piece = zlib.crc32(sdoc.text.encode("utf-8"))
        spans = []
        for ref in referents:
            kb = ref.kb
            for m in ref.mentions:
                ident = f"r{ref.id}.{piece:08x}"
                spans.append(
                    SpacySpan(sdoc, m.start, m.end, label=ref.label, kb_id=kb, span_id=ident)
                )
        spans.sort(key=lambda s: (s.start, s.end))
        sdoc.spans[ACTORS] = spans
        return sdoc

    # -- recognition --------------------------------------------------------------------
    def find(self, sdoc: Any) -> list[Mention]:
        """Every actor mention of ``sdoc``, before coreference."""
        return self._find(sdoc)[0]

    def _find(self, sdoc: Any) -> tuple[list[Mention], str | None]:
        """The mentions, and the country the report is filed from (its dateline's)."""
        if len(sdoc) == 0:
            return [], None
        book = self.book
        keys = token_keys(sdoc)
        headers = datelines(sdoc.text)
        header_at = self._header_tokens(sdoc, headers)
        caseless = is_caseless(sdoc, skip=header_at)
        sents = sentence_index(sdoc)
        matches = self.recogniser.dictionary_matches(sdoc, keys, caseless)
        mentions: list[Mention] = []
        covered: dict[int, Match] = {}
        for match in matches:
            for i in range(match.start, match.end):
                covered[i] = match
        taken: set[int] = set()  # tokens inside a name mention
        # The dateline's town ("KIRKUK, Iraq (Agency) -") is a place: the recogniser often
        # reads a town in capitals as a PERSON, who then takes the lead's people as his.
        filed_at = {
            i
            for span in sdoc.spans.get(PLACES, [])
            if span.label_ == DATELINE
            for i in range(span.start, span.end)
        } | self._dateline_places(sdoc, headers)
        home = self._home_country(sdoc, headers, covered)
        agency_at = self._agency_tokens(sdoc, headers)

        speech = word_lists()["speech_verbs"]

        def add(m: Mention) -> None:
            m.start, m.end = self._within_line(sdoc, m.start, m.end, m.head, header_at)
            if m.start >= m.end:
                return
            if m.start in header_at:
                m.extra["header"] = "1"
                if m.start in filed_at:
                    m.extra["dateline"] = "place"  # a place, whatever the recogniser says
                    m.label = "GPE" if m.source != "dictionary" else m.label
                elif m.start in agency_at:
                    m.extra["dateline"] = "agency"  # who filed it: an organisation
                    m.label = "ORG" if m.source != "dictionary" else m.label
            head = sdoc[m.start : m.end].root
            m.head = head.i if m.head < 0 else m.head
            m.sent = sents[m.head]
            tok = sdoc[m.head]
            m.subject = subject_of(tok)
            m.speaker = tok.dep_ in _SUBJECT_DEPS and tok.head.lemma_ in speech
            m.extra.setdefault("text", sdoc[m.start : m.end].text.lower())
            mentions.append(m)
            if m.kind == "name":
                taken.update(range(m.start, m.end))

        # 1. dictionary names
        for match in matches:
            alias = match.alias
            if alias.kind == "entry":
                entry = book.entries[alias.target]
                add(
                    Mention(
                        match.start,
                        match.end,
                        "name",
                        entry.label,
                        kb=f"entry:{entry.key}",
                        number="sg",
                        source="dictionary",
                    )
                )
            elif (
                alias.kind in ("country", "demonym")
                or alias.kind == "capital"
                and match.start not in filed_at  # the dateline's town is where, not who
                and self._metonymic(sdoc, match.end - 1)
            ):
                add(
                    Mention(
                        match.start,
                        match.end,
                        "name",
                        "GPE",
                        kb=f"country:{alias.target}",
                        number="sg",
                        source="dictionary",
                    )
                )
        # photo credits: "(AFP / FIRST LAST)" names the photographer
        for tok in sdoc:
            if tok.text != "/" or tok.i < 2 or sdoc[tok.i - 2].text != "(":
                continue
            agency = covered.get(tok.i - 1)
            if agency is None or agency.alias.kind != "entry":
                continue
            end = tok.i + 1
            while end < len(sdoc) and sdoc[end].is_alpha and sdoc[end].text[:1].isupper():
                end += 1
            if (
                2 <= end - tok.i - 1 <= 4
                and end < len(sdoc)
                and sdoc[end].text == ")"
                and not any(i in taken for i in range(tok.i + 1, end))
            ):
                add(Mention(tok.i + 1, end, "name", "PERSON", number="sg", source="credit"))
        # titled names in text without capitals: "pilot julio torres" (spaCy: "julio")
        if caseless:
            for titled in self._titled_names(sdoc, taken, covered):
                add(titled)
            for named in self._given_names(sdoc, taken, covered):
                add(named)
        # 2. spaCy's entities, corrected
        for ent in sdoc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            start, end = self._trim(sdoc, ent.start, ent.end)
            if start < end and self._date_only(sdoc, start, end):
                continue
            if start >= end or any(
                i in taken
                or (i in covered and covered[i].alias.kind in ("entry", "country", "demonym"))
                for i in range(start, end)
            ):
                continue
            kb = ""
            if any(i in covered for i in range(start, end)):
                # A capital inside a longer name ("Damascus regime"): the noun rule decides.
                if self.recogniser.noun_at(sdoc, end - 1):
                    continue
                capital = covered.get(start)
                if capital is not None and (capital.start, capital.end) == (start, end):
                    kb = f"place:{capital.alias.target}"  # the city, not its government
            if self._actor_noun_head(sdoc, start, end, covered):
                continue  # "the Tajik Interior Ministry": composed below
            label = "GPE" if start in filed_at else ent.label_
            if caseless and label == "PERSON":
                start, end = self._name_extent(sdoc, start, end, taken, covered)
            extra: dict[str, str] = {}
            if start > 0 and is_title(sdoc[start - 1].text):
                label = "PERSON"
                extra["title"] = sdoc[start - 1].text
            elif label in ("PERSON", "ORG") and looks_like_place(sdoc, start, end):
                label = "GPE"
            add(Mention(start, end, "name", label, kb=kb, number="sg", source="ner", extra=extra))
        # 3. actor nouns: composed actors and descriptions
        for i in range(len(sdoc)):
            if i in taken:
                continue
            found = self.recogniser.noun_at(sdoc, i)
            if found is None:
                continue
            noun, first = found
            m = self._noun_mention(sdoc, i, first, noun, covered, taken, caseless)
            if m is not None:
                add(m)
        # 4. pronouns
        quotes = quoted_ranges(sdoc.text)
        for tok in sdoc:
            word = tok.lower_
            if word in FIRST_PERSON and tok.pos_ in ("PRON", "DET"):
                where = [q for q in quotes if q[0] < tok.idx < q[1]]
                if where:
                    m = Mention(
                        tok.i, tok.i + 1, "pronoun", "", number=FIRST_PERSON[word], source="pronoun"
                    )
                    m.extra["quote"] = f"{where[0][0]}:{where[0][1]}"
                    add(m)
                continue
            if word not in PRONOUNS or tok.pos_ not in ("PRON", "DET"):
                continue
            if word == "it" and not (
                tok.dep_ in _SUBJECT_DEPS and tok.head.lemma_ in word_lists()["speech_verbs"]
            ):
                continue  # "it said" is the ministry; most other "it"s are not actors
            if word == "who" and not (tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "relcl"):
                continue
            number, gender = PRONOUNS[word]
            add(
                Mention(
                    tok.i, tok.i + 1, "pronoun", "", number=number, gender=gender, source="pronoun"
                )
            )
        # 5. names found once are found wherever they recur
        if self.propagate:
            for m in self._propagated(sdoc, keys, mentions, taken, caseless):
                add(m)
        mentions.sort(key=lambda x: (x.start, -x.end))
        return mentions, home

    @staticmethod
    def _date_only(sdoc: Any, start: int, end: int) -> bool:
        """Whether a name is only month words and numbers: a date the recogniser misread
        ("MAR", "SEP 89" of the wire header "SAN SALVADOR, 8 MAR 90 (AFP)")."""
        months = word_lists()["months"]
        return all(
            t.lower_.rstrip(".") in months or t.is_digit or t.is_punct for t in sdoc[start:end]
        )

    def _titled_names(self, sdoc: Any, taken: set[int], covered: dict[int, Match]) -> list[Mention]:
        """Names after a title in text without capitals ("pilot julio torres", "archbishop
        arturo rivera"): the words the title modifies, up to the head of its phrase, when
        the tagger or the recogniser calls one of them a name. The title is not the name."""
        common = common_words()
        found = []
        for tok in sdoc:
            if not is_title(tok.text) or tok.dep_ != "compound" or tok.head.i < tok.i:
                continue
            head = tok.head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if not 2 <= head.i - tok.i <= 4:
                continue
            words = sdoc[tok.i + 1 : head.i + 1]
            if not all(
                w.is_alpha
                and w.pos_ in ("PROPN", "NOUN")
                and w.lower_ not in common
                and not is_title(w.text)
                and w.i not in taken
                and w.i not in covered
                and w.ent_type_ in ("", "PERSON", "ORG", "NORP", "GPE")
                for w in words
            ):
                continue
            if self.recogniser.noun_at(sdoc, head.i) is not None:
                continue  # "police chief", "army pilot": a title over an actor noun
            if not any(
                w.pos_ == "PROPN"
                or w.ent_type_ == "PERSON"
                or (w.ent_type_ and w.ent_type_ == tok.ent_type_)  # one entity with its title
                for w in words
            ):
                continue  # "pilot project funds"
            found.append(
                Mention(
                    words.start,
                    words.end,
                    "name",
                    "PERSON",
                    number="sg",
                    source="title",
                    extra={"title": tok.text},
                )
            )
        return found

    def _given_names(self, sdoc: Any, taken: set[int], covered: dict[int, Match]) -> list[Mention]:
        """Names that open with a given name in text without capitals ("hector oqueli
        colindres", "his companion gilda flores"), which the recogniser mostly misses: a
        given name (``resources/actors/given_names.txt``) and the name words after it, at
        least two words in all, one of them not a given name. A given name after "san",
        "la" or "de" is part of a place or a surname ("san francisco")."""
        given = given_names()
        common = common_words()
        stops = word_lists()["place_nouns"] | word_lists()["named_after"] | NAME_BEFORE_STOPS
        found = []

        speech = word_lists()["speech_verbs"]

        def last_name(tok: Any) -> bool:
            """A surname the tagger read as a verb or an adverb ("colindres", "rojas"):
            only where a name ends, never a word in -ed, -ing or -ly or a speech verb."""
            nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
            return (
                tok.pos_ in ("VERB", "ADV")
                and (nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "ADP"))
                and not tok.lower_.endswith(("ed", "ing", "ly"))
                and tok.lemma_.lower() not in speech
            )

        def name_word(i: int) -> bool:
            tok = sdoc[i]
            return (
                tok.is_alpha
                and len(tok.text) > 1
                and (tok.pos_ in ("PROPN", "NOUN", "ADJ", "X") or (i > 0 and last_name(tok)))
                # a surname in -s reads as a plural ("flores", "colindres"): one only ends
                # a name, before a word that is no noun
                and (
                    tok.tag_ not in ("NNS", "NNPS")
                    or i + 1 >= len(sdoc)
                    or sdoc[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")
                )
                and tok.lower_ not in common
                and tok.lower_ not in stops
                and not is_title(tok.text)
                and i not in taken
                and i not in covered
                and "\n" not in sdoc[i - 1].whitespace_
                and self.recogniser.noun_at(sdoc, i) is None
            )

        i = 0
        n = len(sdoc)
        while i < n:
            tok = sdoc[i]
            if (
                tok.lower_ not in given
                or i in taken
                or i in covered
                or (i > 0 and sdoc[i - 1].lower_ in NAME_BEFORE_STOPS)
            ):
                i += 1
                continue
            end = i + 1
            sent_end = tok.sent.end
            # "de", "del", "de la" join the parts of a Spanish name ("gonzalo de jesus perez").
            while end < sent_end and end - i < 6:
                low = sdoc[end].lower_
                if name_word(end):
                    end += 1
                elif low in ("de", "del") and end + 1 < sent_end and name_word(end + 1):
                    end += 2
                elif (
                    low == "de"
                    and end + 2 < sent_end
                    and sdoc[end + 1].lower_ == "la"
                    and name_word(end + 2)
                ):
                    end += 3
                else:
                    break
            while end > i + 1 and sdoc[end - 1].lower_ in NAME_PARTICLES:
                end -= 1
            words = [t.lower_ for t in sdoc[i:end] if t.lower_ not in NAME_PARTICLES]
            last = sdoc[end - 1]
            modifier = (
                last.dep_ in ("compound", "amod", "nmod")
                and last.head.i >= end
                and last.head.pos_ in ("NOUN", "PROPN")
            )  # "simon bolivar national guerrilla board", "jose marti airport": no person
            after = sdoc[end].lower_ if end < n else ""
            if (
                len(words) < 2
                or all(w in given for w in words)
                or modifier
                or after in stops
                or looks_like_place(sdoc, i, end)
            ):
                i += 1
                continue
            found.append(Mention(i, end, "name", "PERSON", number="sg", source="given"))
            taken.update(range(i, end))
            i = end
        return found

    @staticmethod
    def _header_tokens(sdoc: Any, headers: list[FoundDateline]) -> set[int]:
        """Tokens of the wire headers ("SAN SALVADOR, 8 MAR 90 (AFP) --")."""
        found: set[int] = set()
        for header in headers:
            span = sdoc.char_span(header.start, header.end, alignment_mode="contract")
            if span is not None:
                found.update(range(span.start, span.end))
        return found

    @staticmethod
    def _agency_tokens(sdoc: Any, headers: list[FoundDateline]) -> set[int]:
        """Tokens of the agency in brackets that ends a wire header ("(RADIO CADENA)")."""
        found: set[int] = set()
        for header in headers:
            text = sdoc.text[header.start : header.end]
            brackets = list(_BRACKETS.finditer(text))
            if brackets:
                last = brackets[-1]
                begin = header.start + last.start(1)
                span = sdoc.char_span(begin, begin + len(last.group(1)), alignment_mode="expand")
                if span is not None:
                    found.update(range(span.start, span.end))
        return found

    @staticmethod
    def _dateline_places(sdoc: Any, headers: list[FoundDateline]) -> set[int]:
        """Tokens of the towns and regions a dateline names, known to the gazetteer or not."""
        found: set[int] = set()
        for header in headers:
            for begin, stop in header.names + header.regions:
                span = sdoc.char_span(begin, stop, alignment_mode="expand")
                if span is not None:
                    found.update(range(span.start, span.end))
        return found

    def _home_country(
        self, sdoc: Any, headers: list[FoundDateline], covered: dict[int, Match]
    ) -> str | None:
        """The country a report is filed from: its dateline's country ("GOMA, Congo",
        "MANAGUA (NICARAGUA)"), else its town's, by the dictionary's capitals, else the
        gazetteer's most populous town of that name (in the region's country if it names
        one)."""
        if not headers:
            return None
        header = headers[0]
        text = sdoc.text
        for kinds, ranges in ((("country",), header.regions), (("capital",), header.names)):
            for begin, stop in ranges:
                span = sdoc.char_span(begin, stop, alignment_mode="expand")
                if span is None:
                    continue
                match = covered.get(span.start)
                if match is not None and match.alias.kind in kinds:
                    return match.alias.target
        from ..gazetteer.index import open_gazetteer

        try:
            gazetteer = open_gazetteer()
        except Exception:  # noqa: BLE001 - no index built: the report's country stays unknown
            return None
        wanted: set[str] = set()
        for begin, stop in header.regions:
            wanted.update(c.country for c in gazetteer.lookup(text[begin:stop]) if c.level == 0)
        for begin, stop in header.names:
            towns = [c for c in gazetteer.lookup(text[begin:stop]) if c.level == 0]
            towns.sort(key=lambda c: (c.country not in wanted, -c.population, c.id))
            if towns and towns[0].country:
                return str(towns[0].country)
        return None

    @staticmethod
    def _within_line(
        sdoc: Any, start: int, end: int, head: int, header_at: set[int]
    ) -> tuple[int, int]:
        """A mention never runs across a line break nor out of a wire header: the part
        of it that holds its head (its last word when the head is not known)."""
        anchor = head if start <= head < end else end - 1
        for i in range(anchor - 1, start - 1, -1):
            if "\n" in sdoc[i].text or (i in header_at) != (anchor in header_at):
                start = i + 1
                break
        for i in range(anchor + 1, end):
            if "\n" in sdoc[i].text or ((i in header_at) != (anchor in header_at)):
                end = i
                break
        while start < end and sdoc[start].is_space:
            start += 1
        while end > start and sdoc[end - 1].is_space:
            end -= 1
        return start, end

    @staticmethod
    def _name_extent(
        sdoc: Any, start: int, end: int, taken: set[int], covered: dict[int, Match]
    ) -> tuple[int, int]:
        """A person's name in text without capitals, read whole: the recogniser often
        takes only part of it ("federico estrada" of "senator federico estrada velez",
        "manuel vasquez" of "peasants victor manuel vasquez"). The name grows over the
        proper nouns next to it in its sentence, never over a title, a plural, a word of
        another name or a common word."""
        sent = sdoc[start].sent
        common = common_words()

        def name_word(i: int) -> bool:
            tok = sdoc[i]
            return (
                sent.start <= i < sent.end
                and tok.is_alpha
                and tok.pos_ == "PROPN"
                and tok.tag_ != "NNPS"
                and tok.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE")
                and tok.lower_ not in common
                and not is_title(tok.text)
                and i not in taken
                and i not in covered
            )

        while start > 0 and name_word(start - 1):
            start -= 1
        # Rightwards, a surname the tagger read as a noun may come between two proper
        # nouns ("luis antonio meneses benavides"): the name ends at its last proper noun.
        last = end
        i = end
        while i < len(sdoc) and (
            name_word(i)
            or (
                sdoc[i].pos_ == "NOUN"
                and sdoc[i].dep_ == "compound"
                and i + 1 < len(sdoc)
                and name_word(i + 1)
            )
        ):
            i += 1
            if sdoc[i - 1].pos_ == "PROPN":
                last = i
        return start, last

    @staticmethod
    def _trim(sdoc: Any, start: int, end: int) -> tuple[int, int]:
        """Without a leading article, a trailing possessive or anything past a line break."""
        while start < end and sdoc[start].lower_ in ("the", "a", "an"):
            start += 1
        for i in range(start, end):
            if "\n" in sdoc[i].text:
                end = i
                break
        while end > start and sdoc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", ")", "("):
            end -= 1
        return start, end

    def _actor_noun_head(self, sdoc: Any, start: int, end: int, covered: dict[int, Match]) -> bool:
        """Whether an entity is an actor noun with only a country before it ("Tajik Interior
        Ministry", "Interior Ministry"): composed, not a name of its own."""
        found = self.recogniser.noun_at(sdoc, end - 1)
        if found is None or found[1] < start:
            return False
        return all(
            i in covered and covered[i].alias.kind in ("country", "demonym", "capital")
            for i in range(start, found[1])
        )

    def _home_actor(self, country: str) -> Any:
        """What a definite description without an antecedent names in a report filed from
        ``country``: "the government" (or "the authorities", "the regime") is that country's
        government, "the country" that country; a town is neither."""
        if country not in self.book.countries:
            return None

        def home(m: Mention) -> str | None:
            if m.cls == "country":
                return f"country:{country}"
            noun = self.book.nouns.get(m.extra.get("noun", ""))
            if m.cls == "government" and noun is not None:
                return self._composed_kb(country, noun.sector, noun)
            return None

        return home

    def _insurgent_army(self, sdoc: Any, start: int, i: int, end: int) -> tuple[int, bool]:
        """Whether the army headed at ``i`` is named as an insurgent group ("liberation army",
        "pro-Castro army", "army of national liberation"), and the phrase's end with its "of"
        name when that is what says so."""
        words = self._insurgent_words
        if any(sdoc[k].lower_ in words for k in range(start, i)):
            return end, True
        for child in sdoc[i].rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                right = child.right_edge.i + 1
                if right - i <= 5 and any(sdoc[k].lower_ in words for k in range(i + 1, right)):
                    return max(end, right), True
        return end, False

    def _composed_kb(self, country: str | None, sector: str | None, noun: Noun) -> str:
        """The kb of an actor noun with a country: a dictionary entry when the composed name
        is one ("Ministry of Defence of Iraq"), else ``composed:<country>:<sector>:<noun>``."""
        kb = f"composed:{country or '-'}:{sector or '-'}:{noun.noun}"
        if country is not None:
            canonical = self.book.composed_canonical(country, sector, noun)
            key = self.book.by_canonical.get(name_key(canonical))
            if key is not None and self.book.entries[key].country == country:
                kb = f"entry:{key}"
        return kb

    @staticmethod
    def _metonymic(sdoc: Any, i: int) -> bool:
        """A capital standing for its government: subject, possessor, or modifier of an actor."""
        tok = sdoc[i]
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if i + 1 < len(sdoc) and sdoc[i + 1].text in ("'s", "’s"):
            return True
        return tok.dep_ == "compound" and tok.head.lower_ in ("regime", "government")

    def _noun_mention(
        self,
        sdoc: Any,
        i: int,
        first: int,
        noun: Noun,
        covered: dict[int, Match],
        taken: set[int],
        caseless: bool,
    ) -> Mention | None:
        head = sdoc[i]
        book = self.book
        capitalised = all(t.text[:1].isupper() for t in sdoc[first : i + 1])
        modifier = head.dep_ in ("compound", "amod") and head.head.i > i
        if modifier and not (capitalised and noun.label == "ORG" and not caseless):
            return None  # "police station", "military official": not the head of its phrase
        start = first
        if not modifier:
            for child in head.lefts:
                if child.dep_ in MODIFIER_DEPS and child.i < start:
                    start = min(start, child.left_edge.i)
        end = i + 1
        # "police in Tajikistan", "commanders of Daesh", "a spokesman for the security services"
        for child in head.rights if not modifier else ():
            if child.dep_ != "prep":
                continue
            word = child.lower_
            if noun.label == "PERSON" and word in ("of", "for") and child.right_edge.i - i <= 8:
                end = _before_place(sdoc, child, covered)
            elif word in ("in", "of", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in covered:
                        kind = covered[pobj.i].alias.kind
                        if kind in ("country", "capital") or (
                            kind == "entry" and noun.cls in MEMBER_NOUN_CLASSES
                        ):
                            end = max(end, covered[pobj.i].end)
            break
        while end > i + 1 and sdoc[end - 1].is_punct:
            end -= 1
        country: str | None = None
        org: ActorEntry | None = None
        body: Noun | None = None
        body_at = start
        j = start
        while j < end:
            if first <= j <= i:
                j += 1
                continue
            match = covered.get(j)
            if match is not None:
                alias = match.alias
                hyphened = (match.end < len(sdoc) and sdoc[match.end].text == "-") or (
                    match.start > 0 and sdoc[match.start - 1].text == "-"
                )
                if hyphened:
                    pass  # "US-led", "US-trained", "pro-Russian": another actor's
                elif alias.kind in ("country", "demonym", "capital") and country is None:
                    country = alias.target
                elif alias.kind == "entry" and org is None:
                    org = book.entries[alias.target]
                    if org.actor_type == "state_forces" and org.country and country is None:
                        country, org = org.country, None  # "Iraqi government forces"
                j = match.end
                continue
            inner = self.recogniser.noun_at(sdoc, j)
            if inner is not None and inner[0].sector and body is None and inner[0].label == "ORG":
                body = inner[0]
                body_at = j
            j += 1
        if start in taken and end - 1 in taken:
            return None
        while start < first and (sdoc[start].is_punct or sdoc[start].is_space):
            start += 1
        has_modifier = start < first or end > i + 1
        if noun.number == "sg" and not has_modifier and not modifier:
            return None  # "not party to the deal": a bare singular noun names no one
        possessive = any(sdoc[k].dep_ == "poss" for k in range(start, first))
        determiner = sdoc[start].lower_
        definite = determiner in ("the", "this", "that", "these", "those") or any(
            sdoc[k].dep_ == "poss" for k in range(start, first)
        )
        extra = {"noun": noun.noun}
        if possessive:
            extra["possessive"] = "1"
        if noun.gender:
            extra["gender"] = noun.gender
        sector = noun.sector
        if noun.noun in self._insurgent_nouns and org is None:
            end, insurgent = self._insurgent_army(sdoc, start, i, end)
            if insurgent:
                sector, country = "REB", None  # "the army of national liberation": rebels
        if noun.label == "PERSON" and (noun.number == "sg" or org is not None or body is not None):
            if org is not None and noun.cls in MEMBER_NOUN_CLASSES and noun.number == "pl":
                kb = f"entry:{org.key}"  # "Daesh fighters": members stand for their group
            else:
                if body is not None:
                    sector = body.sector
                    if (
                        body.noun in self._insurgent_nouns
                        and org is None
                        and self._insurgent_army(sdoc, start, body_at, end)[1]
                    ):
                        sector = "REB"  # "rebels of a pro-Castro army"
                elif org is not None and noun.cls in MEMBER_NOUN_CLASSES:
                    sector = org.sector
                    country = country or org.country
                tail = f":{org.key}" if org is not None and noun.cls in MEMBER_NOUN_CLASSES else ""
                kb = f"person:{country or '-'}:{sector or '-'}:{noun.noun}{tail}"
        elif org is not None and noun.cls in MEMBER_NOUN_CLASSES:
            kb = f"entry:{org.key}"  # "Hezbollah forces", "Taliban units"
        elif noun.label == "GPE":
            kb = ""
        else:
            kb = self._composed_kb(country, sector, noun)
        return Mention(
            start,
            end,
            "nominal",
            noun.label,
            kb=kb,
            number=noun.number,
            gender=noun.gender,
            cls=noun.cls,
            definite=(definite or (modifier and capitalised)) and country is None and org is None,
            head=i,
            source="noun",
            extra=extra,
        )

    def _propagated(
        self,
        sdoc: Any,
        keys: list[str],
        mentions: list[Mention],
        taken: set[int],
        caseless: bool,
    ) -> Iterable[Mention]:
        """Recurrences of names already found, and persons' surnames alone."""
        names: dict[tuple[str, ...], str] = {}
        for m in mentions:
            if m.kind != "name" or m.source not in ("ner", "title", "given"):
                continue
            if m.label not in ("PERSON", "ORG"):
                continue
            words = tuple(k for k in keys[m.start : m.end] if k)
            if not words:
                continue
            names.setdefault(words, m.label)
            if m.label == "PERSON" and len(words) > 1 and not is_title(words[-1]):
                names.setdefault(words[-1:], "PERSON")
            if m.source == "given":
                # "hector oqueli colindres" is "oqueli" again: the first surname, after the
                # given names, is the one a Spanish name is told by.
                given = given_names()
                surnames = [w for w in words if w not in given and w not in NAME_PARTICLES]
                if len(surnames) > 1:
                    names.setdefault(tuple(surnames[:1]), "PERSON")
                    names.setdefault(tuple(surnames), "PERSON")
        if not names:
            return []
        longest = max(len(k) for k in names)
        found = []
        i = 0
        n = len(sdoc)
        while i < n:
            if i in taken or not keys[i] or (not caseless and not sdoc[i].text[:1].isupper()):
                i += 1
                continue
            hit = None
            for width in range(min(longest, n - i), 0, -1):
                words = tuple(keys[i : i + width])
                if words in names and not any(j in taken for j in range(i, i + width)):
                    hit = (width, names[words])
                    break
            if hit is None:
                i += 1
                continue
            width, label = hit
            found.append(Mention(i, i + width, "name", label, number="sg", source="propagated"))
            i += width
        return found


@functools.lru_cache(maxsize=4)
def _finder(extra: tuple[str, ...] = ()) -> ActorFinder:
    return ActorFinder(cached_dictionary(extra))


def find_actors(sdoc: Any) -> Any:
    """The ``dateline_actors`` component with the shipped dictionary."""
    return _finder()(sdoc)


# -- records -------------------------------------------------------------------------------


def mention_kind(span: Any) -> str:
    """ "pronoun", "name" or "nominal" for a span of the ``dateline.actors`` group."""
    root = span.root
    pronoun = root.lower_ in PRONOUNS or root.lower_ in FIRST_PERSON
    if len(span) == 1 and root.pos_ in ("PRON", "DET") and pronoun:
        return "pronoun"
    titled = (  # "pilot julio torres" in text without capitals: the tagger sees nouns
        len(span) >= 2 and span.start > 0 and is_title(span.doc[span.start - 1].text)
    )
    if (
        root.pos_ == "PROPN"
        or root.ent_type_
        or (root.text[:1].isupper() and not root.is_sent_start)
        or (titled and span.label_ == "PERSON")
        # "pilar pulido": a name that opens with a given name, whatever the tagger says
        or (span.label_ == "PERSON" and len(span) >= 2 and span[0].lower_ in given_names())
    ):
        return "name"
    return "nominal"


def _person_name(texts: list[str]) -> str | None:
    """The fullest name of a person without the titles before it ("Maurice Bishop" keeps
    his surname, "Bishop Juan Gerardi" loses the title)."""
    best = None
    for text in texts:
        words = text.split()
        while len(words) > 1 and is_title(words[0]):
            words = words[1:]
        name = " ".join(words)
        if name and (best is None or len(name.split()) > len(best.split())):
            best = name
    return best


def describe(book: ActorDictionary, kb: str) -> dict[str, str | None]:
    """canonical, country, sector and actor_type of a referent's kb string."""
    kind, _, rest = kb.partition(":")
    if kind == "entry" and rest in book.entries:
        entry = book.entries[rest]
        return {
            "canonical": entry.canonical,
            "country": entry.country,
            "sector": entry.sector,
            "actor_type": entry.actor_type,
        }
    if kind == "place" and rest in book.countries:
        return {"canonical": None, "country": rest, "sector": None, "actor_type": None}
    if kind == "country" and rest in book.countries:
        return {
            "canonical": book.countries[rest].name,
            "country": rest,
            "sector": "GOV",
            "actor_type": "state_forces",
        }
    if kind in ("composed", "person"):
        country, sector, noun_word, org = (rest.split(":", 3) + ["", "", ""])[:4]
        country_code = None if country in ("", "-") else country
        sector_code = None if sector in ("", "-") else sector
        noun = book.nouns.get(noun_word)
        if org in book.entries:
            entry = book.entries[org]
            return {
                "canonical": None,
                "body": entry.canonical,
                "country": entry.country,
                "sector": entry.sector,
                "actor_type": entry.actor_type,
            }
        actor_type = (noun.actor_type if noun else None) or book.sector_type(sector_code)
        if kind == "person":
            noun = None  # a person speaks for the body of its sector, not for "spokesman"
        canonical = book.composed_canonical(country_code, sector_code, noun)
        if kind == "person" and not country_code:
            canonical = ""
        return {
            "canonical": canonical if kind == "composed" and country_code else None,
            "body": (canonical or None) if country_code else None,
            "country": country_code,
            "sector": sector_code,
            "actor_type": actor_type,
        }
    return {"canonical": None, "country": None, "sector": None, "actor_type": None}


def entities_of(
    doc: Document, book: ActorDictionary, sdoc: Any, caption: int | None = None
) -> list[dict[str, Any]]:
    """The referents of one spaCy Doc's ``dateline.actors`` group, as entity fields."""
    groups: dict[str, list[Any]] = {}
    for span in sdoc.spans.get(ACTORS, []):
        groups.setdefault(span.id_, []).append(span)
    found = []
    for spans in groups.values():
        spans.sort(key=lambda s: s.start_char)
        kinds = [mention_kind(s) for s in spans]
        if all(k == "pronoun" for k in kinds):
            continue
        # What a referent is, its first name says ("troops ... the defense ministry" is a
        # body); a referent no name names is what its first mention says.
        named_spans = [s for s, k in zip(spans, kinds, strict=True) if k == "name"]
        label = (named_spans or spans)[0].label_ or "ORG"
        kb = spans[0].kb_id_
        info = describe(book, kb)
        names = [s.text for s, k in zip(spans, kinds, strict=True) if k == "name"]
        nominal = [s.text for s, k in zip(spans, kinds, strict=True) if k == "nominal"]
        canonical = info.get("canonical")
        if label == "PERSON" and names and not kb.startswith("entry:"):
            canonical = _person_name(names)
        name = names[0] if names else (nominal[0] if nominal else spans[0].text)
        if (
            kb.startswith("country:")
            and canonical
            and all(
                s.root.ent_type_ == "NORP" for s, k in zip(spans, kinds, strict=True) if k == "name"
            )
        ):
            # A country told only by its people's name ("Afghan officials", then "the
            # government"): the country's name, not "Afghan".
            name = str(canonical)
        if label in ("GPE", "LOC", "FAC") and not kb.startswith(("entry:", "country:", "place:")):
            info = {"canonical": None, "country": None, "sector": None, "actor_type": None}
        found.append(
            {
                "label": label,
                "name": name,
                "canonical": canonical,
                "actor_type": info.get("actor_type"),
                "country": info.get("country"),
                "sector": info.get("sector"),
                "body": info.get("body"),
                "named": bool(names) or kb.startswith(("entry:", "country:")),
                "kb": kb,
                "mentions": [(s.start_char, s.end_char, caption) for s in spans],
            }
        )
    return found


def _merge_key(item: dict[str, Any]) -> str | None:
    kb = str(item["kb"])
    if kb.startswith(("entry:", "country:")):
        return kb
    if item["named"]:
        return f"name:{item['label']}:{name_key(str(item['name']))}"
    return None


def build_entities(doc: Document, book: ActorDictionary) -> list[Entity]:
    """One Entity per referent of the body and the captions (merged by name or entry)."""
    items = entities_of(doc, book, doc.sdoc)
    for n, csdoc in enumerate(doc.caption_sdocs):
        if csdoc is None:
            continue
        for item in entities_of(doc, book, csdoc, caption=n):
            key = _merge_key(item)
            same = next((x for x in items if key is not None and _merge_key(x) == key), None)
            if same is not None:
                same["mentions"].extend(item["mentions"])
            else:
                items.append(item)
    entities = []
    for item in items:
        spans = [_span(doc, s, e, c) for s, e, c in item["mentions"]]
        entities.append(
            Entity(
                id="",
                label=str(item["label"]),
                name=str(item["name"]),
                canonical=item["canonical"],
                actor_type=item["actor_type"],
                country=item["country"],
                sector=item["sector"],
                named=bool(item["named"]),
                affiliation=item["body"] if item["label"] == "PERSON" else None,
                mentions=spans,
            )
        )
    entities.sort(key=lambda e: (e.mentions[0].caption is not None, e.mentions[0].start))
    return _assign_ids(entities)


def _span(doc: Document, start: int, end: int, caption: int | None) -> Span:
    return doc.span(start, end, caption=caption)


def _assign_ids(entities: list[Entity]) -> list[Entity]:
    assign_ids(entities, "ent")
    return entities


@stages.register("dateline.actors.v1", requires=["sdoc"], assigns=["entities"], english_only=True)
def make_actors(config: Config) -> Stage:
    """Actors and who is who: one entity per referent, with canonical name, type and country."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.actors.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = [..., "{COMPONENT}"]'
        )
    extra = tuple(config.actors.extra_dictionaries)
    book = cached_dictionary(extra)
    # The component in the parse stage reads the shipped dictionary; with extra files the
    # stage finds the mentions again with the extended one.
    finder = _finder(extra) if extra else None

    def actors(doc: Document) -> Document:
        if finder is not None:
            finder(doc.sdoc)
            for csdoc in doc.caption_sdocs:
                if csdoc is not None:
                    finder(csdoc)
        doc.entities = build_entities(doc, book)
        return doc

    return actors


# -- the functions other stages call -------------------------------------------------------


def referent(doc: Document, start: int, end: int, *, caption: int | None = None) -> Entity | None:
    """The entity a stretch of text names or refers to (pronouns and descriptions included).

    The mention that covers most of the stretch wins; among equals the tighter one, then
    the one ending last (the head of an English noun phrase is at its end). None when no
    mention overlaps it.
    """
    best: tuple[int, int, int, int] | None = None
    found: Entity | None = None
    for span, entity in _mention_index(doc).overlapping(start, end, caption=caption):
        overlap = min(end, span.end) - max(start, span.start)
        exact = int(span.start == start and span.end == end)
        score = (exact, overlap, -(span.end - span.start), span.end)
        if best is None or score > best:
            best, found = score, entity
    return found


def _mention_index(doc: Document) -> SpanIndex[Entity]:
    """Every entity mention of the document, by position (built once per entity list)."""
    return doc.memo(
        "actors.mentions",
        doc.entities,
        lambda: SpanIndex((span, entity) for entity in doc.entities for span in entity.mentions),
    )


def role(doc: Document, start: int, end: int, *, caption: int | None = None) -> Role | None:
    """A Role for the actor a stretch of text names, linked to its entity when known.

    ``canonical`` is the actor an analyst codes: the entity's canonical name, or for a
    person known only by a description ("a US military official") the body it acts for.
    None only for an empty stretch.
    """
    span = doc.span(start, end, caption=caption)
    if not span.text.strip():
        return None
    entity = referent(doc, start, end, caption=caption)
    if entity is None:
        return Role(name=span.text, evidence=[span])
    canonical = entity.canonical or entity.affiliation
    evidence = [span]
    antecedent = _antecedent(entity, span)
    if antecedent is not None:
        evidence.append(antecedent)
    return Role(
        name=entity.name,
        canonical=canonical,
        entity_id=entity.id,
        actor_type=entity.actor_type,
        country=entity.country,
        evidence=evidence,
    )


def _antecedent(entity: Entity, span: Span) -> Span | None:
    """For a pronoun ("where they torched two barns"), the last mention before it that
    says who it is ("the rebels"): the evidence for the role's name, beside the pronoun
    that holds its place in the clause. None for any other mention."""
    word = span.text.strip().lower()
    if word not in PRONOUNS and word not in FIRST_PERSON:
        return None
    found = None
    for mention in entity.mentions:
        said = mention.text.strip().lower()
        if (
            mention.caption == span.caption
            and mention.end <= span.start
            and said not in PRONOUNS
            and said not in FIRST_PERSON
            and (found is None or mention.start > found.start)
        ):
            found = mention
    return found


def _before_place(sdoc: Any, prep: Any, covered: dict[int, Match]) -> int:
    """The end of an "of"/"for" phrase up to a place phrase inside it: "residents of Tarmuk
    in Kano state" are residents of Tarmuk; "in Kano state" says where, not who."""
    locative = word_lists()["locative"]
    places = word_lists()["place_nouns"]
    for k in range(prep.i + 1, prep.right_edge.i + 1):
        tok = sdoc[k]
        if tok.dep_ != "prep" or tok.lower_ not in locative:
            continue
        for pobj in tok.children:
            if pobj.dep_ != "pobj":
                continue
            named = pobj.ent_type_ in ("GPE", "LOC", "FAC") or (
                pobj.i in covered and covered[pobj.i].alias.kind in ("country", "capital")
            )
            if named or pobj.lower_ in places:
                return k
    return int(prep.right_edge.i) + 1
