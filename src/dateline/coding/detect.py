"""Event mentions in a parsed text: triggers and their arguments from the dependency parse.

Each token is looked up in the trigger lexicon by lemma (verbs and nouns, phrases such as
"pick off", "set fire" and "air strike" included); a sense survives only when its context
fits (objects, subjects, modifiers). Then the arguments are read off the parse:

* verbs: the subject acts and the object is acted on, the other way round in the passive
  ("were killed by"); subjects are inherited across coordination, control, "by"-gerunds
  and relative clauses (``syntax.subject_of``); "on", "at" and "against" objects are acted
  on; "with" objects and weapon nouns are instruments;
* nouns: possessives, "by" objects, armed "of" objects and actor modifiers act ("an
  airstrike by Russian jets", "the FMLN attack"); "on"/"against" objects and human "of"
  objects are acted on ("the killing of six priests"); light verbs lend their subject
  ("the group carried out the attack", "claimed responsibility for the bombing");
* the people acted on by a killing or an injuring trigger are counted (``casualties``).

Mentions that syntax ties together ("killed in an airstrike", "the blast killed 12") are
linked, so that they become one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..nlp.actors import ACTORS, mention_kind
from ..nlp.components import PLACES
from .casualties import Group, Quantity, quantity_of
from .lexicon import Entry, Lexicon, Sense, Weapon, lexicon
from .modality import background_of, modality_of
from .syntax import (
    OBJECTS,
    caseless,
    char_bounds,
    children,
    conjuncts,
    core_bounds,
    is_header,
    is_passive,
    is_verbal,
    lemma,
    modifiers,
    np_bounds,
    one_more,
    preps,
    subject_of,
)

Token = Any

PATIENT_PREPS = ("on", "at", "against", "upon", "into")
# Prepositions whose object tells what a verb of talk or agreement was about ("agreed to a
# ceasefire", "agreed on a truce").
CONTENT_PREPS = ("to", "on")
TIME_ENTS = ("DATE", "TIME")
LINK_PREPS = (
    "in",
    "during",
    "by",
    "with",
    "from",
    "through",
    "amid",
    "as a result of",
    "as the result of",
    "in the course of",
)
HUMAN_LABELS = ("PERSON", "NORP")
PHRASE_PUNCT = ".,;:!?()[]\"'`\u2018\u2019\u201c\u201d-"  # around a word of a set phrase
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "oneself"})
INCLUDING = ("including", "among them")
# Pronouns that can stand for a device that went off ("they exploded", "detonating them").
DEVICE_PRONOUNS = frozenset({"it", "they", "them", "which", "that"})
# Prepositions whose object's own locative phrase says where the event was: "the attack on
# the market in Strasbourg", "a battle between troops and rebels in the market area".
PLACED_PREPS = ("on", "against", "between", "upon")
TIME_LABELS = ("DATE", "TIME")
# A line that is a heading ("==See also==", "Related:") and one that is an item of a list.
_HEADING_LINE = re.compile(r"^\s*=*\s*(?P<words>[^=\n]*?)\s*:?\s*=*\s*$")
_LIST_ITEM = re.compile(r"^\s*[*\u2022\u00b7-]\s*\S")
COUNT_HEADS = frozenset(
    {
        "dozens",
        "dozen",
        "hundreds",
        "thousands",
        "scores",
        "tens",
        "several",
        "some",
        "many",
        "all",
        "most",
        "none",
        "few",
        "number",
        "couple",
        "group",
        "handful",
        "one",
        "each",
        "total",
        # measures of explosives: "5 kg of dynamite" is dynamite
        "kg",
        "kilo",
        "kilos",
        "kilogram",
        "kilograms",
        "gram",
        "grams",
        "pound",
        "pounds",
        "ton",
        "tons",
        "stick",
        "sticks",
        "lives",  # "claimed the lives of six guards": the guards
        "life",
    }
)
TIME_WORDS = frozenset(
    {
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "night",
        "nights",
        "morning",
        "evening",
        "afternoon",
        "dawn",
        "dusk",
        "midnight",
        "noon",
        "weekend",
        "hour",
        "hours",
        "minute",
        "minutes",
        "time",
        "moment",
        "occasion",
        "past",
        "future",
    }
)
ACTOR_LABELS = ("ORG", "GPE")
PLACE_LABELS = ("GPE", "LOC", "FAC")
DEFINITE = ("the", "this", "that", "these", "those")


@dataclass
class Arg:
    """One argument: the head token and the character bounds of its phrase and its core."""

    head: Token
    kind: str  # human | thing | weapon | place | event | unknown
    start: int
    end: int
    core_start: int
    core_end: int
    bare_start: int | None = None  # the phrase without its leading quantifier words
    # The phrase a pronoun stands for ("they exploded": the bombs told before it): the
    # argument is named after it and told by both.
    refers: Arg | None = None
    # A country named as the owner of a military weapon ("Nigerian fighter jets"): its
    # armed forces act, not the country's people.
    forces: bool = False

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The phrase, then the phrase without its leading quantifiers ("at least four
        bombs": "four bombs"; "several offices of labor unions"), its core and its head word
        where they differ."""
        found = [(self.start, self.end)]
        head = counted(self.head)
        bare = (self.bare_start, self.end) if self.bare_start is not None else found[0]
        for span in (bare, (self.core_start, self.core_end), (head.idx, head.idx + len(head.text))):
            if span not in found and self.start <= span[0] and span[1] <= self.end:
                found.append(span)
        if head is not self.head and self.head.like_num and head.pos_ != "NOUN":
            # "11 of the injured", "two of whom": the number names them
            number = (self.head.idx, self.head.idx + len(self.head.text))
            if number not in found:
                found.append(number)
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if (
            after is not None
            and after.lower_ in ("more", "others")
            and (head.like_num or head.lower_ in COUNT_HEADS)
        ):
            found.append((after.idx, after.idx + len(after.text)))  # "injured scores more"
        return found


@dataclass
class Casualty:
    """A count of people killed or injured, with its bounds and who they were."""

    outcome: str  # killed | injured
    quantity: Quantity
    start: int
    end: int
    group: Group | None


@dataclass
class Mention:
    """One trigger and what the parse says about it."""

    token: Token
    entry: Entry
    plover: str
    mode: str | None
    agents: list[Arg] = field(default_factory=list)
    patients: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    weapons: list[Arg] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    places: list[Arg] = field(default_factory=list)  # where this telling says it happened
    links: set[int] = field(default_factory=set)  # token indices of mentions of the same event
    # token indices of mentions told as another incident ("two days after the bombing")
    apart: set[int] = field(default_factory=set)
    # The "after"/"before" with a stretch of time that places this event against another
    # ("came two days after Monday's bombing"): its token index, see Detector._since.
    since: int | None = None
    acled: tuple[str, str] | None = None  # from the weapon, where it says
    modality: str | None = None  # negated | hypothetical | unconfirmed
    # The matter of a legal or investigative act ("charged with the murder"): an earlier
    # incident referred to, not one told (modality.background_of).
    background: bool = False
    claimed_by_agent: bool = False  # "X claimed responsibility for ..."
    anaphoric: bool = False  # "killed in this action": points back at an event told before
    casualty_only: bool = False  # "died", "deaths": a count for an event, not an event
    attempted: bool = False  # "attempted murder", "tried to kill": an attack, no one died
    undergoer: bool = False  # "X survived an attack": the light verb's subject was acted on
    # The word that says the people acted on died, where it is not the trigger: "shot dead",
    # "beaten to death" (the shooting is the attack, "dead" tells the deaths).
    death_word: Token | None = None
    # What it takes from the clause it is coordinated with: "the bomb was placed outside the
    # embassy and exploded" (the embassy, told in the placing clause).
    from_head: list[Arg] = field(default_factory=list)
    # The event noun a fight is against: "were fighting to end the siege" (its index).
    opposes: int | None = None

    @property
    def sense(self) -> Sense:
        return self.entry.sense

    @property
    def start(self) -> int:
        return int(self.token.idx)

    @property
    def end(self) -> int:
        return int(self.token.idx + len(self.token.text))


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _near_words(token: Token) -> set[str]:
    """Words of the children and grandchildren of a token (for phrase entries)."""
    found: set[str] = set()
    for child in token.children:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if (
            child.dep_ == "prep"
            and child.i > token.i + 1
            and objects
            and all(o.ent_type_ in TIME_ENTS for o in objects)
        ):
            continue  # "called the attack a crime on Monday": no "call on"
        found |= _words(child)
        for grandchild in child.children:
            found |= _words(grandchild)
    return found


def _in_phrase(token: Token, phrases: Iterable[str]) -> bool:
    """Whether the token is, as written, a word of one of the phrases (lowercase words apart
    by single spaces; the text's spacing, line breaks and outer punctuation do not count)."""
    text = token.doc.text

    def words(part: str) -> list[str]:
        return [w.strip(PHRASE_PUNCT) for w in part.lower().split()]

    for phrase in phrases:
        parts = words(phrase)
        for at, part in enumerate(parts):
            if part != token.lower_:
                continue
            before, after = parts[:at], parts[at + 1 :]
            if before and words(text[: token.idx])[-len(before) :] != before:
                continue
            if after and words(text[token.idx + len(token.text) :])[: len(after)] != after:
                continue
            return True
    return False


def _lemma(token: Token) -> str:
    return lemma(token)


def weapon_of(token: Token, lex: Lexicon) -> Weapon | None:
    """The weapon a noun-phrase head names, by its modifiers and lemma ("car bomb"), or its
    word; a capitalised plural the tagger took for a name ("Warplanes struck ..." at the
    start of a report) by its singular."""
    mods = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod")]
    found = lex.weapon(*mods, _lemma(token)) or lex.weapon(token.lower_)
    if found is None and token.pos_ == "PROPN" and token.lower_.endswith("s"):
        found = lex.weapon(token.lower_[:-1])
    return found


def kind_of(token: Token, lex: Lexicon) -> str:
    """What a noun-phrase head names: human, thing, weapon, place, event or unknown."""
    lemma, lower = _lemma(token), token.lower_
    if token.ent_type_ in TIME_LABELS or lower in TIME_WORDS or token.like_url:
        return "time"
    mods = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod")]
    if mods and f"{mods[-1]} {lemma}" in lex.people:
        return "human"  # "suicide bombers" are people, "bombers" may be aircraft
    if weapon_of(token, lex):
        return "weapon"
    if token.pos_ == "PRON":
        return "thing" if lower in ("it", "this", "that", "which", "what") else "human"
    if lemma in lex.people or lower in lex.people:
        return "human"
    if lemma in lex.things or lower in lex.things:
        return "thing"
    label = token.ent_type_
    if label in HUMAN_LABELS or label in ACTOR_LABELS:
        return "human"
    if label in ("LOC",):
        return "place"
    if label == "FAC":
        return "thing"
    if lemma in lex.armed or lower in lex.armed:
        return "human"
    if lemma in lex.nouns or lower in lex.nouns:
        return "event"
    return "unknown"


def _included(token: Token) -> bool:
    """Whether a phrase names some of a group told before it ("including three children")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in INCLUDING


def _listed_names(token: Token) -> list[Token]:
    """The further names of a list opened by "including" ("were arrested, including A, wife
    of B, C, the director D, and E"): the parser hangs a long list with descriptions as a
    chain of appositions and conjuncts under its first item, so each name in the first
    item's phrase (its last word) is one of those listed; not a name that is the object of a
    preposition ("wife of B", "a man from Kabul"), nor a place or a date."""
    if not _included(token):
        return []
    end = token.sent.end
    return [
        t
        for t in token.subtree
        if token.i < t.i < end
        and t.pos_ == "PROPN"
        and t.dep_ in ("appos", "conj")
        and t.ent_type_ in ("PERSON", "ORG", "")
    ]


def counted(token: Token) -> Token:
    """The people a quantity head counts: "dozens of terrorists" -> terrorists."""
    if token.like_num or token.lower_ in COUNT_HEADS:
        for prep, obj in preps(token):
            if prep == "of":
                return counted(obj)
    return token


def make_arg(token: Token, kind: str) -> Arg:
    doc = token.doc
    start, end = np_bounds(token)
    core_start, core_end = core_bounds(counted(token))
    a, b = char_bounds(doc, start, end)
    c, d = char_bounds(doc, core_start, core_end)
    quantifiers = lexicon().context.get("quantifiers", frozenset())
    bare = start
    while bare < token.i and doc[bare].lower_ in quantifiers:
        bare += 1
    bare_start = doc[bare].idx if start < bare <= token.i else None
    return Arg(token, kind, a, b, c, d, bare_start)


def _assaults(token: Token, lex: Lexicon) -> bool:
    """Whether a word is a trigger of an attack (of any of its senses)."""
    return any(e.sense.plover == "ASSAULT" for e in _entries_for(token, lex))


def _entries_for(token: Token, lex: Lexicon) -> list[Entry]:
    """The lexicon entries a token starts, phrases first; verbs by verbal use."""
    verbal = is_verbal(token)
    index = lex.verbs if verbal else lex.nouns if token.pos_ in ("NOUN", "PROPN") else None
    if index is None:
        return []
    entries = index.get(_lemma(token)) or index.get(token.lower_) or []
    if not entries and _opening_plural(token):
        # "Shootings in Belfast had continued": a capitalised plural that opens a sentence,
        # which the tagger took for a name, by its singular
        entries = index.get(token.lower_[:-1]) or []
    if not entries:
        return []
    near = _near_words(token) if any(e.extras for e in entries) else set()
    return [e for e in entries if all(word in near for word in e.extras)]


def _opening_plural(token: Token) -> bool:
    """Whether a token is a capitalised plural the tagger took for a name at the start of a
    sentence or a line ("Shootings", "Bombings"; the tagger may even take it for a person),
    no place nor people's name."""
    return (
        token.pos_ == "PROPN"
        and _opens(token)
        and token.tag_ in ("NNP", "NNPS")
        and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP")
        and token.text[:1].isupper()
        and token.lower_.endswith("s")
        and not token.lower_.endswith("ss")
    )


def _opens(token: Token) -> bool:
    """Whether a token opens a sentence or a line: only spaces and punctuation before it in
    its sentence, or a line break just before it (the parser may run a paragraph on)."""
    if all(t.is_space or t.is_punct for t in token.doc[token.sent.start : token.i]):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.is_space and "\n" in before.text


def _entry_for(token: Token, lex: Lexicon) -> Entry | None:
    found = _entries_for(token, lex)
    return found[0] if found else None


def _listed(token: Token) -> bool:
    """A noun after the first of a list: a conjunct, or an apposition that starts a
    coordination ("eight women, a girl and four men": the parser hangs "a girl and four
    men" on "women" as an apposition)."""
    return token.dep_ == "conj" or (
        token.dep_ == "appos" and any(c.dep_ == "conj" for c in token.children)
    )


def _list_members(top: Token) -> list[Token]:
    """The nouns of the list ``top`` heads: its conjuncts, and those of a listed apposition."""
    found = conjuncts(top)
    for appos in top.children:
        if appos.dep_ == "appos" and _listed(appos):
            found += [t for t in conjuncts(appos) if t not in found]
    return found


def is_organisation(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names an organisation, also in lower-case text ("national liberation
    army", "fmln"): an ORG entity, an organisation head word, or an unknown proper noun."""
    if token.ent_type_ == "ORG":
        return True
    lemma = _lemma(token)
    if lemma in lex.context.get("organisation_heads", frozenset()):
        return True
    if lemma in lex.people or lemma in lex.things or lemma in lex.armed:
        return False
    if token.is_sent_start and not token.ent_type_ and token.is_title:
        return False  # "Twin bombs exploded": a capital at the start of a sentence names no one
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "GPE", "LOC", "DATE")


def _group_split(token: Token, kind: str, lex: Lexicon) -> list[Arg]:
    """An actor phrase and the organisation inside it: "ELN guerrillas" -> the guerrillas and
    the ELN; "guerrillas of the FMLN" -> the guerrillas and the FMLN."""
    found = [make_arg(token, kind)]
    if kind == "human":
        for prep, obj in preps(token):
            if prep == "from" and is_organisation(obj, lex):
                found.append(make_arg(obj, "human"))  # "a group of terrorists from the FAL"
    if kind != "human" or is_organisation(token, lex):
        return found
    lefts = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i]
    if lefts and not any(c.i > lefts[0].i and c.dep_ == "amod" for c in token.children):
        first = lefts[0]
        # In lower-case text an unknown word before the people is likely a name ("eln
        # guerrillas"); with capitals, only a name or an organisation word is.
        unknown_name = (
            caseless(token.doc)
            and first.pos_ in ("PROPN", "NOUN")
            and _lemma(first) not in lex.people
            and _lemma(first) not in lex.things
            and kind_of(first, lex) in ("human", "unknown")
        )
        if first.ent_type_ in ("ORG", "NORP", "GPE") or is_organisation(first, lex) or unknown_name:
            org = make_arg(first, "human")
            org.start, org.end = org.core_start, org.core_end = (
                first.left_edge.idx,
                lefts[-1].idx + len(lefts[-1].text),
            )
            found.append(org)
            # The people themselves are the core, without the organisation's name
            # ("guerrillas"); their phrase keeps it ("armed forces elements"), as the
            # people are told.
            people = found[0]
            after = token.doc[lefts[-1].i + 1]
            if after.i <= token.i:
                people.core_start = after.idx
    if _lemma(token) not in ("group", "army", "front"):
        for prep, obj in preps(token):
            if prep == "of" and is_organisation(obj, lex):
                found.append(make_arg(obj, "human"))

    return found


def _across_lines(a: Token, b: Token) -> bool:
    """Whether a line break or the end of a wire header separates two tokens (a header is
    no part of its lead)."""
    first, last = sorted((a.i, b.i))
    doc = a.doc
    return any(
        "\n" in t.whitespace_
        or "\n" in t.text
        or (t.text in (":", "\u2014", "\u2013", "-") and is_header(doc, t.i))
        for t in doc[first:last]
    )


def _appositive(token: Token) -> bool:
    """Whether a noun (or the first of its coordination) is in apposition to another."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return bool(token.dep_ == "appos")


def _expand(tokens: Iterable[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        for conj in conjuncts(token):
            if conj not in found:
                found.append(conj)
    return found


class Detector:
    """Finds event mentions in spaCy Docs with one lexicon."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        # Every word that can start a mention: most tokens are looked up once, here.
        self.starts = frozenset(
            [*self.lex.verbs, *self.lex.nouns, *self.lex.instrument_verbs]
            + [w for words in self.lex.casualty.values() for w in words]
        )
        # "a wave of", "a series of": the event noun after them tells occurrences.
        self._series = frozenset(self.lex.context.get("series", frozenset()))
        # "blamed the bombing on X": verbs of blame whose "on" names who did it.
        self._blame_on = frozenset(self.lex.context.get("blame_on", frozenset()))
        self._attempt_words = frozenset(self.lex.context.get("attempt", frozenset()))
        # (type, mode) of the mentions found so far in the text being read
        self._told: set[tuple[str, str | None]] = set()
        self._searched: set[str] = set()  # raid words told as searches in this document
        self._place_tokens: set[int] = set()  # tokens of the places the places layer found
        # event nouns that only name an event told elsewhere ("described as an attack by
        # X"): the naming verb's token -> the noun's agents, for the event it names
        self._named: list[tuple[Token, list[Arg]]] = []
        self._reporting = frozenset(self.lex.modality.get("reporting", {}).get("verbs", []))

    def mentions(self, sdoc: Any) -> list[Mention]:
        """Every event mention of a Doc, in text order, with links between mentions."""
        found: list[Mention] = []
        by_token: dict[int, Mention] = {}
        starts = self.starts
        self._told = set()
        self._searched = set()
        self._named = []
        links = self._link_lists(sdoc)
        in_names = _inside_names(sdoc)
        self._place_tokens = {t.i for span in sdoc.spans.get(PLACES, []) for t in span}
        for token in sdoc:
            if (
                token.lower_ not in starts
                and token.lemma_.lower() not in starts
                and not (token.lower_[:-1] in starts and _opening_plural(token))
            ):
                continue
            if links and any(a <= token.idx < b for a, b in links):
                continue  # "See also: * 2014 Bagram Airfield bombing": a link, no telling
            if token.i in in_names:
                continue  # "the National Liberation Front", "the Popular Mobilization Forces"
            mention = self._mention(token)
            if mention is not None:
                found.append(mention)
                by_token[token.i] = mention
                self._told.add((mention.plover, mention.mode))
        for mention in found:
            self._link(mention, by_token)
        for mention in found:
            self._interval(mention, by_token)
            mention.since = self._since(mention.token)
        for verb, agents in self._named:
            self._name_agents(verb, agents, by_token)
        found = [m for m in found if not self._retold(m, by_token)]
        kept = [m for m in found if self._keep(m, by_token)]
        for mention in kept:
            mention.modality = modality_of(mention.token, self.lex)
            mention.background = background_of(mention.token, self.lex)
        return kept

    def _link_lists(self, sdoc: Any) -> list[tuple[int, int]]:
        """Where the lists of links to other articles lie ([context] link_headings): the
        items under a heading such as "See also" name other reports by their titles ("2014
        Bagram Airfield bombing"); they tell nothing of their own. A list runs over the
        lines that start with a bullet after its heading, up to the first that does not."""
        headings = self.lex.context.get("link_headings", frozenset())
        text = sdoc.text
        if not headings or "\n" not in text:
            return []
        found: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        at = 0
        for line in text.splitlines(keepends=True):
            bare = line.strip()
            if start is not None and _LIST_ITEM.match(line):
                end = at + len(line)
            else:
                if start is not None and end > start:
                    found.append((start, end))
                start = None
                heading = _HEADING_LINE.match(bare) if len(bare) <= 40 else None
                if heading and heading.group("words").lower() in headings:
                    start = end = at + len(line)
            at += len(line)
        if start is not None and end > start:
            found.append((start, end))
        return found

    # -- one trigger -------------------------------------------------------------------
    def _mention(self, token: Token) -> Mention | None:
        if token.dep_ == "amod":
            return None  # "the killed fighters": a description, not a report
        if token.ent_type_ in TIME_LABELS or (
            token.lower_ in TIME_WORDS
            and token.dep_ == "pobj"
            and not any(c.dep_ in ("det", "poss") for c in token.children)
        ):
            return None  # "In March", "in may": a month, not a march
        entries = _entries_for(token, self.lex)
        casualty = self._casualty_entry(token) if not entries else None
        if casualty is not None:
            entries = [casualty]
        if is_verbal(token):
            instrument = self._instrument_use(token)
            if instrument is not None:
                entries.append(instrument)
        if not entries:
            return None
        if entries[0].sense.plover == "ACCUSE" and _lemma(token) in self.lex.context.get(
            "blame_attacker", frozenset()
        ):
            done, blamed = self._blamed_attacker(token)
            if done:
                return blamed
        if (
            entries[0].kind == "verb"
            and token.dep_ == "acl"
            and token.head.pos_ in ("NOUN", "PROPN")
            and _entry_for(token.head, self.lex) is not None
            and _lemma(token) in self.lex.support_verbs
        ):
            return None  # "a deal negotiated between ...": the noun is the event
        for entry in entries:
            # The first sense whose context fits: "captured the rebels" is an arrest,
            # "captured the airport" a seizure.
            mention = Mention(token, entry, entry.sense.plover, entry.sense.mode)
            if entry.kind == "verb":
                self._verb_args(mention)
            else:
                self._noun_args(mention)
            if entry.sense.outcome and not mention.patients:
                self._harmed_listed(mention)
            if entry.sense.mode == "seize":
                self._control_of(mention)
            if self._fits(mention):
                if entry.sense.needs_agent:
                    self._other_side(mention)
                mention.places = self._places(token)
                mention.places += self._places_of(mention, mention.places)
                mention.attempted = self._attempted(token)
                self._count(mention)
                if entry is casualty and self._own_losses(mention):
                    # "the army lost two soldiers": counted, but the subject's own side, no
                    # one the event was done to
                    mention.patients = []
                self._refine_mode(mention)
                mention.casualty_only = entry is casualty
                mention.anaphoric = mention.anaphoric or entry.sense.anaphor
                return mention
        return None

    def _control_of(self, mention: Mention) -> None:
        """What "seized control of the port town" takes is the town, not control."""
        nouns = self.lex.context.get("control_nouns", frozenset())
        for i, target in enumerate(mention.targets):
            if _lemma(target.head) in nouns:
                for prep, obj in preps(target.head):
                    if prep == "of":
                        mention.targets[i] = make_arg(obj, "thing")
                        break

    def _other_side(self, mention: Mention) -> None:
        """The side a crowd clashes with is acted on: "protesters clashed with police",
        "clashes between demonstrators and security forces" (police are no demonstrators)."""
        crowd = mention.sense.needs_agent
        others = [a for a in mention.agents if not _words(counted(a.head)) & crowd]
        mention.agents = [a for a in mention.agents if a not in others]
        mention.patients += [a for a in others if a not in mention.patients]
        for prep, obj in preps(mention.token):
            kind = kind_of(counted(obj), self.lex)
            if prep in ("with", "against") and kind in ("human", "unknown"):
                self._add(mention, obj, "patient")

    def _harmed_listed(self, mention: Mention) -> None:
        """The people a word for the dead or the hurt is said to include: "the wounded
        included X and Y", "the dead include two children" (the object of a verb of
        [casualty] including_verbs), "among the wounded were X" (the subject of the verb the
        "among" phrase hangs on)."""
        word = mention.token
        including = self.lex.casualty.get("including_verbs", frozenset())
        head = word.head
        if word.dep_ in ("nsubj", "nsubjpass") and is_verbal(head) and _lemma(head) in including:
            objects = children(head, *OBJECTS, "attr")
            for obj in objects:
                self._add(mention, obj, "patient")
            # "included two officers, with the rest civilians": the rest are hurt too
            for prep, other in [p for o in [head, *objects] for p in preps(o)]:
                kind = kind_of(counted(other), self.lex)
                if prep == "with" and objects and kind in ("human", "unknown"):
                    self._add(mention, other, "patient")
        elif (
            word.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.like_num
            and any(c.dep_ == "det" for c in word.children)
        ):
            # "11 of the injured were police" (not "an undetermined number of dead")
            self._add(mention, head.head, "patient")
        elif word.dep_ == "pobj" and head.lower_ == "among" and is_verbal(head.head):
            verb = head.head
            for person in [*subject_of(verb)[0], *children(verb, "attr")]:
                if person.i != word.i:
                    self._add(mention, person, "patient")

    def _name_agents(self, verb: Token, agents: list[Arg], by_token: dict[int, Mention]) -> None:
        """ "described the blast as an attack by X", "in what police described as an attack
        by X": X did the event named, when no one else is said to have."""
        named = [o for o in children(verb, *OBJECTS) if o.i in by_token]
        wh = self.lex.context.get("naming_wh", frozenset())
        if not named and any(o.lower_ in wh for o in children(verb, *OBJECTS)):
            # "..., in what police described as ...": the clause the "in" phrase hangs on
            prep = verb.head
            if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.i in by_token:
                named = [prep.head]
        for token in named[:1]:
            target = by_token[token.i]
            if not target.agents:
                target.agents.extend(agents)

    def _blamed_attacker(self, token: Token) -> tuple[bool, Mention | None]:
        """ "blamed X for the attack": the attack's mention takes X (``_participants``), the
        blame tells no event of its own. "Residents blamed government warplanes" with no
        "for" phrase: a mention that only points back at the attack told before it, with X
        as its attacker (only after an attack, and where X is an armed group, an
        organisation or a weapon). (False, None) where the blame is read as any other
        trigger."""
        deeds = [o for p, o in preps(token) if p in ("for", "on")]
        deeds += children(token, *OBJECTS)
        if any(e.sense.plover == "ASSAULT" for deed in deeds for e in _entries_for(deed, self.lex)):
            return True, None
        sense = self._anaphor_sense()
        if (
            sense is None
            or is_passive(token)
            or any(p == "for" for p, _ in preps(token))
            or not any(plover == "ASSAULT" for plover, _ in self._told)  # no attack told yet
        ):
            return False, None
        head = _lemma(token)
        mention = Mention(token, Entry(head, (), "verb", sense), sense.plover, sense.mode)
        for obj in children(token, *OBJECTS):
            self._add(mention, obj, "agent")
        armed = [
            a
            for a in mention.agents
            if _lemma(a.head) in self.lex.armed or is_organisation(a.head, self.lex)
        ]
        if not armed and not (mention.weapons and mention.agents):
            return False, None
        mention.anaphoric = True
        return True, mention

    def _military(self, weapon: Token) -> bool:
        """Whether a weapon is one only armed forces wield: its mode is one of
        ``forces_modes`` (war planes, drones, artillery)."""
        found = weapon_of(weapon, self.lex)
        return found is not None and found.mode in self.lex.context.get("forces_modes", ())

    def _anaphor_sense(self) -> Sense | None:
        """The sense of a word that only points back at an attack ("the crime")."""
        for entries in self.lex.nouns.values():
            for entry in entries:
                if entry.sense.anaphor and entry.sense.plover == "ASSAULT":
                    return entry.sense
        return None

    def _casualty_entry(self, token: Token) -> Entry | None:
        """ "died", "deaths", "injuries": the deaths or injuries of an assault told apart."""
        words = self.lex.casualty
        lemma = _lemma(token)
        verb = is_verbal(token) and lemma in words.get("killed_verbs", frozenset())
        noun = token.pos_ == "NOUN" and lemma in words.get("killed_nouns", frozenset())
        # "nine people were dead", "two of whom were among the dead" (not "shot dead": the
        # shooting's death word)
        dead = token.lower_ in words.get("killed_adjectives", frozenset()) and (
            (token.dep_ == "acomp" and _lemma(token.head) == "be")
            or (token.dep_ == "pobj" and token.head.lower_ in ("among", "of"))
            # "the dead included two children"
            or (token.dep_ == "nsubj" and _lemma(token.head) in words.get("including_verbs", ()))
            # "clashes left three people dead" (no trigger of its own leaves them)
            or self._left_dead(token)
        )
        if verb or noun or dead or self._lost(token):
            outcome = "killed"
        elif token.pos_ == "NOUN" and lemma in words.get("injured_nouns", frozenset()):
            outcome = "injured"
        else:
            return None
        acled = ("Violence against civilians", "Attack")
        sense = Sense(plover="ASSAULT", acled=acled, outcome=outcome, patient="human")
        return Entry(lemma, (), "verb" if is_verbal(token) else "noun", sense)

    def _left_dead(self, token: Token) -> bool:
        """ "dead", "injured" as the state a verb of [casualty] leaving_verbs leaves people
        in: "the clashes left three people dead", "has left at least one student injured"."""
        return bool(self._left_harmed(token))

    def _left_harmed(self, token: Token) -> list[Token]:
        """Who a verb of [casualty] leaving_verbs leaves dead or hurt (see _left_dead): the
        object of the verb, or the subject the parser gives the state word."""
        verb = token.head
        if (
            token.dep_ == "dobj"
            and any(c.dep_ == "nummod" for c in token.children)
            and is_verbal(verb)
            and _lemma(verb) in self.lex.casualty.get("leaving_verbs", frozenset())
        ):
            return [token]  # "left 20 dead": the state word is the object and counts them
        if not (
            token.dep_ in ("oprd", "ccomp", "xcomp", "advcl", "acomp")
            and is_verbal(verb)
            and _lemma(verb) in self.lex.casualty.get("leaving_verbs", frozenset())
            and verb.i < token.i
        ):
            return []
        return children(token, "nsubj") or children(verb, *OBJECTS)

    def _lost(self, token: Token) -> bool:
        """ "lost two soldiers", "lost their lives": deaths told by the side that had them
        (people as the object, or a life)."""
        words = self.lex.casualty
        if not is_verbal(token) or _lemma(token) not in words.get("killed_object_verbs", ()):
            return False
        lives = words.get("life_nouns", frozenset())
        return any(
            _lemma(o) in lives or kind_of(counted(o), self.lex) == "human"
            for o in children(token, *OBJECTS)
        )

    def _own_losses(self, mention: Mention) -> bool:
        """Whether a mention tells losses by the side that had them: "lost two soldiers"
        (not "lost their lives", whose subject died)."""
        token = mention.token
        if _lemma(token) not in self.lex.casualty.get("killed_object_verbs", ()):
            return False
        lives = self.lex.casualty.get("life_nouns", frozenset())
        return not any(_lemma(o) in lives for o in children(token, *OBJECTS))

    def _casualty_noun(self, token: Token) -> bool:
        words = self.lex.casualty
        lemma = _lemma(token)
        return token.pos_ == "NOUN" and (
            lemma in words.get("killed_nouns", frozenset())
            or lemma in words.get("injured_nouns", frozenset())
        )

    def _instrument_use(self, token: Token) -> Entry | None:
        """ "dropped bombs", "hurled a grenade", "planted a bomb": an ASSAULT by its weapon."""
        if _lemma(token) not in self.lex.instrument_verbs:
            return None
        for obj in children(token, *OBJECTS, "nsubjpass"):
            weapon = weapon_of(obj, self.lex)
            if weapon is not None and weapon.mode is not None:
                acled = weapon.acled or ("Violence against civilians", "Attack")
                sense = Sense(plover="ASSAULT", mode=weapon.mode, acled=acled)
                return Entry(_lemma(token), (), "verb", sense)
        return None

    def _add(self, mention: Mention, token: Token, role: str) -> None:
        """Put an argument head (and what is coordinated with it) where its kind says."""
        taken = {
            a.head.i
            for a in (*mention.agents, *mention.patients, *mention.targets, *mention.weapons)
        }
        heads = _expand([token])
        # "the two engineers, together with a Canadian, were taken hostage", "rebels, along
        # with militiamen, attacked": who is with them shares their role.
        heads += [
            other for head in list(heads) for other in self._companions(head) if other not in heads
        ]
        if role == "patient":
            # "killed 12 people, including three children": the children are among them.
            heads += [
                named
                for head in list(heads)
                for prep, obj in preps(head)
                if prep in INCLUDING
                for named in _expand([obj])
                if named not in heads
            ]
            heads += [
                name for head in list(heads) for name in _listed_names(head) if name not in heads
            ]
            # "two of her bodyguards, Juan Perez and Luis Gomez": the names are who.
            heads += [
                name
                for head in list(heads)
                for appos in children(counted(head), "appos")
                if appos.pos_ == "PROPN"
                or appos.ent_type_ == "PERSON"
                or kind_of(head, self.lex) == kind_of(appos, self.lex) == "thing"
                for name in _expand([appos])
                if name not in heads
            ]
        for head in heads:
            if head.i in taken or _across_lines(head, mention.token):
                continue
            if role == "agent" and mention.sense.finder:
                continue  # "police found the bodies": the finders did not kill
            if role == "patient" and head.lower_ in REFLEXIVES:
                continue  # "a suicide bomber blew himself up": no one else acted on
            kind = kind_of(counted(head), self.lex)  # "seven of these bombs": bombs
            if kind == "event":
                continue
            if kind == "time":
                continue
            if kind == "weapon":
                mention.weapons.append(make_arg(head, kind))
                if role == "agent":
                    # "Russia's warplanes", "government jets": the owner acts ("fighter
                    # jets" is one weapon's name, not an owner); "Nigerian fighter jets":
                    # the parser hangs the owner on the name's first word.
                    lefts = list(head.lefts)
                    lefts += [g for c in lefts if c.dep_ == "compound" for g in c.lefts]
                    for child in lefts:
                        named = f"{_lemma(child)} {_lemma(head)}" in self.lex.weapons
                        owner = child.dep_ == "poss" or child.ent_type_ in ("NORP", "ORG", "GPE")
                        owner = owner or is_organisation(child, self.lex)
                        if child.dep_ in ("poss", "compound", "amod") and owner and not named:
                            owners = _group_split(child, "human", self.lex)
                            owners[0].forces = child.ent_type_ in ("NORP", "GPE") and (
                                self._military(head)
                            )
                            mention.agents.extend(owners)
                    for planter in self._planters(head):
                        if planter.i not in taken:
                            mention.agents.extend(_group_split(planter, "human", self.lex))
                continue
            if role == "agent":
                never = self.lex.context.get("never_actors", frozenset())
                if kind == "unknown" and (_lemma(head) in never or head.lower_ in never):
                    # "the impact killed", "shrapnel injured": no one acted; "the EPS
                    # plan": its owner did
                    for child in head.lefts:
                        owner = child.dep_ in ("poss", "compound") and (
                            child.ent_type_ in ("NORP", "ORG", "GPE")
                            or is_organisation(child, self.lex)
                        )
                        if owner:
                            mention.agents.extend(_group_split(child, "human", self.lex))
                    continue
                if kind in ("human", "unknown"):
                    mention.agents.extend(_group_split(head, "human", self.lex))
                continue
            # Acted on: people are patients, things are targets; unknown by the sense.
            if kind == "unknown":
                kind = "human" if mention.sense.patient == "human" else "thing"
                if head.pos_ == "PROPN" and mention.sense.patient != "thing":
                    kind = "human"
            if kind == "human":
                mention.patients.append(make_arg(head, kind))
            elif kind in ("thing", "place"):
                mention.targets.append(make_arg(self._whole(head), "thing"))

    def _companions(self, head: Token) -> list[Token]:
        """Who a noun's or verb's "together with" / "along with" phrase adds to it, with who
        is coordinated with them: "X, together with Y and Z" -> [Y, Z] ([context]
        companion_words)."""
        words = self.lex.context.get("companion_words", frozenset())
        found: list[Token] = []
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ == "with" and any(
                c.dep_ == "advmod" and c.lower_ in words for c in prep.children
            ):
                found += [o for o in prep.children if o.dep_ == "pobj"]
            elif prep.lower_ in words:
                found += [
                    o
                    for inner in prep.children
                    if inner.dep_ == "prep" and inner.lower_ == "with"
                    for o in inner.children
                    if o.dep_ == "pobj"
                ]
        # People only: "met the envoy together with his notes" adds no one.
        return [t for t in _expand(found) if t.pos_ == "PROPN" or kind_of(t, self.lex) == "human"]

    def _planters(self, device: Token) -> list[Token]:
        """Who put a device in place: "a bomb, planted by X, exploded", "the bomb that X
        left exploded" (people only; a pronoun nobody resolves names no one)."""
        found: list[Token] = []
        for clause in device.children:
            if clause.dep_ not in ("acl", "relcl") or _lemma(clause) not in self.lex.planting_verbs:
                continue
            if clause.dep_ == "acl" or is_passive(clause):
                found += [obj for prep, obj in preps(clause) if prep == "by"]
            else:
                found += [s for s in children(clause, "nsubj") if s.lower_ not in ("that", "which")]
        return [t for t in found if kind_of(t, self.lex) in ("human", "unknown")]

    def _whole(self, head: Token) -> Token:
        """The thing a part belongs to: "the windows of the consulate" -> consulate, "the
        entrance to the building" -> building."""
        if _lemma(head) in self.lex.parts or head.lower_ in self.lex.parts:
            for prep, obj in preps(head):
                if prep in self.lex.part_preps and kind_of(obj, self.lex) in (
                    "thing",
                    "place",
                    "unknown",
                ):
                    return obj
        return head

    def _attempted(self, trigger: Token) -> bool:
        """Whether a trigger tells only an attempt: "an attempted murder", "the failed
        assassination", "an assassination attempt", "tried to kill"."""
        words = self._attempt_words
        if any(c.dep_ in ("amod", "compound") and _lemma(c) in words for c in trigger.children):
            return True
        if trigger.dep_ in ("compound", "nmod", "amod") and _lemma(trigger.head) in words:
            return True
        return trigger.dep_ == "xcomp" and _lemma(trigger.head) in words

    def _populated_of(self, mention: Mention, obj: Token) -> bool:
        """Whether ``obj`` of "of" under an attack noun is a place people live in ("the
        bombing of the city", [places] populated): where the attack fell, not its target."""
        return (
            mention.plover == "ASSAULT"
            and not is_verbal(mention.token)
            and _lemma(obj) in self.lex.populated_heads
            and kind_of(obj, self.lex) != "weapon"
        )

    def _places_of(self, mention: Mention, found: list[Arg]) -> list[Arg]:
        """The places an attack noun's "of" phrase names ("the bombing of the city")."""
        if mention.token.pos_ not in ("NOUN", "PROPN"):
            return []
        return [
            make_arg(place, "place")
            for prep, obj in preps(mention.token)
            if prep == "of" and self._populated_of(mention, obj)
            for place in conjuncts(obj)
            if _lemma(place) in self.lex.populated_heads and all(a.head is not place for a in found)
        ]

    def _places(self, trigger: Token) -> list[Arg]:
        """Where a trigger says its event happened: the objects of its locative phrases
        ("killed in Syria", "the explosion at the bus station"), and theirs once more
        ("attacked the camp in Helmand Province"), when they name a place or a place noun."""
        lex = self.lex
        found: list[Arg] = []

        def place_like(token: Token) -> bool:
            lemma = _lemma(token)
            return (
                token.ent_type_ in ("GPE", "LOC", "FAC")
                or lemma in lex.place_heads
                or lemma in lex.locative_heads
            )

        def visit(head: Token, depth: int) -> None:
            for prep, obj in preps(head):
                if prep in lex.locative_preps and place_like(obj):
                    for place in conjuncts(obj):
                        if place_like(place) and all(a.head is not place for a in found):
                            found.append(make_arg(place, "place"))
                if depth and (prep in lex.locative_preps or prep in PLACED_PREPS):
                    # "the attack on the market in Strasbourg", "a battle between troops
                    # and rebels in the market area": where those it names were
                    for inner in conjuncts(obj):
                        visit(inner, depth - 1)

        visit(trigger, 1)
        if not found and trigger.dep_ in ("nsubj", "nsubjpass") and is_verbal(trigger.head):
            # "the worst explosion was at the bus station", "fighting erupted near the airport"
            visit(trigger.head, 0)
        if (
            not found
            and trigger.dep_ == "relcl"
            and place_like(trigger.head)
            and any(c.lower_ == "where" for c in trigger.children)
        ):
            found.append(make_arg(trigger.head, "place"))  # "the station, where six were killed"
        for obj in children(trigger, *OBJECTS):
            if place_like(obj):  # "attacked Camp Shorabak in Helmand Province"
                visit(obj, 0)
        # A place told with the place around it names both: "in Helmand Province,
        # Afghanistan", "on a busy street in the city of Lyon".
        for place in list(found):
            # An apposition that describes the place ("Oxford St, the busiest bus station
            # in ...") is the same place told again, not the place around it: only a name is.
            around = [c for c in place.head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            around += [o for p, o in preps(place.head) if p in lex.locative_preps]
            for other in around:
                if place_like(other) and all(a.head is not other for a in found):
                    found.append(make_arg(other, "place"))
        return found

    def _interval(self, mention: Mention, by_token: dict[int, Mention]) -> None:
        """An event noun after a stretch of time and "after"/"before" ("The attack came two
        days after Monday's bombing") is another incident than the clause it hangs on: the
        mention of that clause (its verb, the verb's subject, or the noun it modifies) and
        the noun's mention are kept apart ([context] interval_preps, interval_units)."""
        token = mention.token
        if token.dep_ != "pobj":
            return
        prep = token.head
        units = self.lex.context.get("interval_units", frozenset())
        if prep.lower_ not in self.lex.context.get("interval_preps", frozenset()) or not any(
            c.dep_ in ("npadvmod", "nmod", "obl") and _lemma(c) in units for c in prep.children
        ):
            return
        host = prep.head
        others = [host, *children(host, "nsubj", "nsubjpass")] if is_verbal(host) else [host]
        for other in others:
            if other.i in by_token and other.i != token.i:
                mention.apart.add(other.i)
                by_token[other.i].apart.add(token.i)

    def _since(self, token: Token) -> int | None:
        """The interval preposition that dates this trigger against another time ("The
        attack came two days after Monday's bombing", "killed a week before the vote"): a
        child of the trigger, or of the verb it is the subject of, with a stretch of time
        before it ([context] interval_preps, interval_units); its token index."""
        preps_ = self.lex.context.get("interval_preps", frozenset())
        units = self.lex.context.get("interval_units", frozenset())
        hosts = [token]
        if token.dep_ in ("nsubj", "nsubjpass") and is_verbal(token.head):
            hosts.append(token.head)
        for host in hosts:
            for prep in host.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in preps_
                    and any(c.dep_ == "pobj" for c in prep.children)
                    and any(
                        c.dep_ in ("npadvmod", "nmod", "obl") and _lemma(c) in units
                        for c in prep.children
                    )
                ):
                    return int(prep.i)
        return None

    def _reported_participle(self, verb: Token) -> bool:
        """A participle clause with no subject of its own hung on a reporting verb ("police
        said ..., wounding four"): it tells what was reported, not what the sayer did. So
        does one of harm hung on a verb of no attack across an attack verb told between them
        ("police are searching for a man who left a device that exploded on Friday, wounding
        13 people"): the harm is the attack's, not the deed of the main verb's subject."""
        head = verb.head
        if not (
            verb.dep_ == "advcl"
            and verb.tag_ in ("VBG", "VBN")
            and head is not verb
            and is_verbal(head)
            and not children(verb, "nsubj", "nsubjpass")
        ):
            return False
        if _lemma(head) in self._reporting:
            return True
        if not any(e.sense.outcome for e in _entries_for(verb, self.lex)) or _assaults(
            head, self.lex
        ):
            return False
        inside = {t.i for t in verb.subtree}
        return any(
            is_verbal(t) and t.i not in inside and _assaults(t, self.lex)
            for t in verb.doc[head.i + 1 : verb.i]
        )

    def _verb_args(self, mention: Mention) -> None:
        verb = mention.token
        left = self._left_harmed(verb) if mention.sense.outcome and verb.tag_ == "VBN" else []
        if left:
            for person in left:
                self._add(mention, person, "patient")  # "left at least one student injured"
            return
        subjects, passive = subject_of(verb)
        if self._reported_participle(verb):
            # "Police said a car bomb detonated ..., wounding four people": the participle
            # tells the reported event's harm; the sayer is never the actor.
            subjects = []
        blamer = self._blamer(verb)
        if blamer is not None:
            # "the authorities accused him of assassinating X": the accused acted, never
            # the accuser (subject_of would pass the accuser down to the gerund).
            subjects = self._held(blamer)
        if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl", "conj") and verb.i > 0:
            # "were killed with two others injured": the "with" object was hurt, not the
            # subject of the main clause.
            held = [
                o
                for p, o in preps(verb.head)
                if p == "with" and o.i < verb.i and o.right_edge.i == verb.i - 1
            ]
            if held and not children(verb, "nsubj", "nsubjpass"):
                subjects, passive = held, True
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and _listed(verb.head):
            # "two guards and a driver injured": all those coordinated were hurt
            top = verb.head
            while _listed(top) and top.head is not top:
                top = top.head
            subjects, passive = _list_members(top), True
        objects = children(verb, *OBJECTS)
        # "Rebels, along with militiamen, attacked": the phrase on the verb before it adds to
        # its subject; after it, to its object ("kidnapped the manager along with his wife"),
        # else to its subject ("two soldiers were killed together with a driver").
        companions = [c for c in self._companions(verb) if c not in subjects and c not in objects]
        if objects:
            objects += [c for c in companions if c.i > verb.i]
            companions = [c for c in companions if c.i < verb.i]
        if subjects:
            subjects = subjects + companions
        battle = mention.sense.acled is not None and mention.sense.acled[0] == "Battles"
        if battle and not passive:
            # "fought to repel the militants": whom they held off is the other side.
            repel = self.lex.context.get("repel_verbs", frozenset())
            ending = self.lex.context.get("end_verbs", frozenset())
            for purpose in children(verb, "xcomp", "advcl"):
                if not any(c.lower_ == "to" for c in purpose.lefts):
                    continue
                if _lemma(purpose) in repel:
                    objects += children(purpose, *OBJECTS)
                elif _lemma(purpose) in ending:
                    # "fighting to end the siege": against those who lay it
                    for obj in children(purpose, *OBJECTS):
                        if _entries_for(obj, self.lex):
                            mention.opposes = obj.i
        crowd = [w for o in objects if (w := weapon_of(o, self.lex)) is not None]
        if not passive and any(w.mode == "crowd-control" for w in crowd):
            # "fired tear gas to disperse the crowd": whom they broke up was acted on.
            breaking = self.lex.context.get("dispersal_verbs", frozenset())
            for purpose in children(verb, "xcomp", "advcl"):
                if _lemma(purpose) in breaking and any(c.lower_ == "to" for c in purpose.lefts):
                    objects += children(purpose, *OBJECTS)
        agents_by: list[Token] = []
        for prep, obj in preps(verb):
            if prep in INCLUDING:
                self._add(mention, obj, "patient")  # "were arrested, including X and Y"
            elif prep == "by" and passive:
                agents_by.append(obj)
            elif prep in PATIENT_PREPS and mention.plover == "ASSAULT":
                where = prep in ("on", "at") and (
                    _lemma(obj) in self.lex.place_heads
                    or obj.like_num
                    or _lemma(obj) in self.lex.manner_nouns
                )
                if not where:  # "attacked on the coastal highway", "at 0900", "at close range"
                    self._add(mention, obj, "patient")
            elif (
                prep in self.lex.context.get("phrase_object_preps", frozenset())
                and mention.entry.extras
                and mention.plover == "ASSAULT"
                and any(
                    c.dep_ in OBJECTS and _lemma(c) in mention.entry.extras for c in verb.children
                )
            ):
                self._add(mention, obj, "patient")  # "set fire to the offices"
            elif prep == "with" and kind_of(obj, self.lex) == "weapon":
                self._add(mention, obj, "patient")  # an instrument: _add files it so
            elif (
                battle
                and prep in self.lex.context.get("other_side_preps", frozenset())
                and kind_of(obj, self.lex) in ("human", "unknown")
            ):
                self._add(mention, obj, "patient")  # "clashed with militants": the other side
            elif (
                prep in self.lex.blast_preps
                and mention.mode in ("explosives", "suicide-attack")
                and kind_of(obj, self.lex) == "thing"
            ):
                self._add(mention, obj, "patient")  # "exploded outside a police building"
            elif prep in self.lex.recipient_preps.get(mention.plover, ()) and kind_of(
                obj, self.lex
            ) in (
                "human",
                "unknown",
            ):
                self._add(mention, obj, "patient")
        self._recipients(mention, verb, objects)
        if (
            verb.dep_ == "conj"
            and _lemma(verb.head) in self.lex.planting_verbs
            and mention.mode in ("explosives", "suicide-attack")
        ):
            # "the bomb was placed outside the embassy and exploded": where it was put is
            # where it went off
            for prep, obj in preps(verb.head):
                if prep in self.lex.blast_preps and kind_of(self._whole(obj), self.lex) == "thing":
                    before = len(mention.targets)
                    self._add(mention, obj, "patient")
                    mention.from_head += mention.targets[before:]
        if mention.entry.head in self.lex.casualty.get("killed_object_verbs", ()) and not passive:
            # "lost two soldiers": the soldiers died, the subject is their side; "lost
            # their lives": the subject died.
            lives = self.lex.casualty.get("life_nouns", frozenset())
            dead = subjects if any(_lemma(o) in lives for o in objects) else objects
            for head in dead:
                self._add(mention, head, "patient")
        elif passive or mention.entry.head in self.lex.casualty.get("killed_verbs", ()):
            # "were killed by", and "died": the subject is who was acted on.
            for subject in subjects:
                self._add(mention, subject, "patient")
            for agent in agents_by:
                self._add(mention, agent, "agent")
        else:
            for subject in subjects:
                self._add(mention, subject, "agent")
            for obj in objects:
                self._add(mention, obj, "patient")
        self._devices_told(mention, subjects if passive or not objects else objects)

    def _recipients(self, mention: Mention, verb: Token, objects: list[Token]) -> None:
        """Whom a verb of talk or agreement is directed at when the phrase that names them
        hangs elsewhere than on the verb: on a preposition of the trigger phrase ("called on
        Israel to"), or on the noun of what was agreed or held ("agreed to a ceasefire with
        the rebels", "held talks with his counterpart")."""
        if mention.plover == "ASSAULT":
            return
        wanted = self.lex.recipient_preps.get(mention.plover, ())
        extras = mention.entry.extras
        contents = list(objects)
        # A visit's phrase names where it went ("arrived in", "travel to"); a verb with an
        # object has its recipient ("extradited him to Spain").
        visit = mention.sense.mode == "visit"
        for prep, obj in preps(verb):
            if (
                prep in extras
                and not visit
                and not objects
                and kind_of(obj, self.lex)
                in (
                    "human",
                    "unknown",
                )
            ):
                self._add(mention, obj, "patient")  # "called on Israel to allow aid"
            elif prep in CONTENT_PREPS:
                contents.append(obj)
        if not wanted:
            return
        for content in contents:
            if _entry_for(content, self.lex) is None and _lemma(content) not in extras:
                continue  # only what was agreed or held: "a ceasefire", "talks"
            for prep, obj in preps(content):
                if prep in wanted and kind_of(obj, self.lex) in ("human", "unknown"):
                    self._add(mention, obj, "patient")

    def _devices_told(self, mention: Mention, devices: list[Token]) -> None:
        """A pronoun that a verb of [context] device_verbs says went off is the device, not
        who set it off nor what it hit: "they exploded at one a minute", "carried the bombs
        to the street before detonating them"."""
        if _lemma(mention.token) not in self.lex.context.get("device_verbs", frozenset()):
            return
        for token in devices:
            if token.pos_ != "PRON" or token.lower_ not in DEVICE_PRONOUNS:
                continue
            mention.agents = [a for a in mention.agents if a.head is not token]
            mention.patients = [a for a in mention.patients if a.head is not token]
            mention.targets = [a for a in mention.targets if a.head is not token]
            device = self._device_before(token)
            if device is not None and all(a.head is not token for a in mention.weapons):
                arg = make_arg(token, "weapon")
                arg.refers = make_arg(device, "weapon")
                mention.weapons.append(arg)

    def _device_before(self, pronoun: Token) -> Token | None:
        """The nearest weapon noun before a pronoun, in its sentence or the one before."""
        sentence = pronoun.sent
        first = sentence.start
        if first > 0:
            first = pronoun.doc[first - 1].sent.start
        for i in range(pronoun.i - 1, first - 1, -1):
            token = pronoun.doc[i]
            if token.pos_ == "NOUN" and kind_of(token, self.lex) == "weapon":
                return token
        return None

    def _noun_args(self, mention: Mention) -> None:
        noun = mention.token
        if mention.casualty_only or mention.sense.outcome:
            left = self._left_harmed(noun)
            if left:
                for person in left:
                    self._add(mention, person, "patient")  # "left three people dead"
                return
        if noun.dep_ == "acomp" or (
            # "nine people were dead", "two of them were among the dead": the subject died
            noun.dep_ == "pobj" and noun.head.lower_ == "among" and is_verbal(noun.head.head)
        ):
            for subject in subject_of(noun.head if noun.dep_ == "acomp" else noun.head.head)[0]:
                self._add(mention, subject, "patient")
            return
        for child in noun.children:
            if child.dep_ == "poss" and mention.plover == "PROTEST" and child.ent_type_ == "GPE":
                continue  # "Venezuela's protests" are protests in Venezuela, not by its state
            if child.dep_ == "poss":
                # "the army's attack" acts; "the journalist's murder" was acted on.
                armed = _lemma(child) in self.lex.armed or is_organisation(child, self.lex)
                done_to = mention.sense.patient == "human" and not armed
                # "the minister's death", "the soldiers' injuries": whose they were.
                done_to = done_to or self._casualty_noun(noun)
                self._add(mention, child, "patient" if done_to else "agent")
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                kind = kind_of(child, self.lex)
                # "the van-and-knife attack", "a gun and grenade attack": each weapon of a
                # coordinated modifier is one the attack was made with.
                arms = [
                    c
                    for c in _expand([child])
                    if c.i < noun.i and c is not child and kind_of(c, self.lex) == "weapon"
                ]
                if kind == "weapon":
                    mention.weapons.append(make_arg(child, kind))
                mention.weapons.extend(make_arg(c, "weapon") for c in arms)
                if kind == "human" and _lemma(child) in self.lex.occasions:
                    pass  # "the Boston Marathon bombing": at what, not who ([occasions])
                elif child.is_sent_start and child.tag_ == "JJ" and child.ent_type_ == "ORG":
                    pass  # "Fierce clashes ...": a capital only because it opens the sentence
                elif kind == "human" and (
                    child.ent_type_ in ("NORP", "ORG", "GPE")
                    or (
                        (_lemma(child) in self.lex.armed or child.lower_ in self.lex.armed)
                        # "a terrorist attack" says what kind of attack, not who
                        and not (child.dep_ == "amod" and child.tag_ == "JJ")
                    )
                ):
                    mention.agents.extend(_group_split(child, "human", self.lex))
        for prep, obj in preps(noun):
            kind = kind_of(obj, self.lex)
            if prep == "by":
                self._add(mention, obj, "agent")
            elif prep in ("on", "at") and (
                _lemma(obj) in self.lex.place_heads or _lemma(obj) in self.lex.manner_nouns
            ):
                continue  # "the explosions at Oxford Street": where, not what was hit
            elif prep in ("on", "against", "upon", "at", "targeting"):
                self._add(mention, obj, "patient")
            elif prep == "of" and self._populated_of(mention, obj):
                continue  # "the bombing of the city": where it fell (Detector._places_of)
            elif prep == "of":
                armed = _lemma(obj) in self.lex.armed or obj.lower_ in self.lex.armed
                org = obj.ent_type_ in ("ORG", "GPE", "NORP")
                if (
                    mention.sense.outcome is None
                    and mention.plover == "ASSAULT"
                    and (armed or org)
                    and not children(obj, "prep")
                ):
                    self._add(mention, obj, "agent")
                elif kind == "weapon":
                    mention.weapons.append(make_arg(obj, kind))
                else:
                    self._add(mention, obj, "patient")
            elif prep == "with" and kind == "weapon":
                mention.weapons.append(make_arg(obj, kind))
            elif prep in self.lex.recipient_preps.get(mention.plover, ()) and kind in (
                "human",
                "unknown",
            ):
                self._add(mention, obj, "patient")
            elif prep == "between":
                self._between(mention, obj)
        mediating = self.lex.context.get("mediation_verbs", frozenset())
        for acl in children(noun, "acl"):
            if acl.tag_ == "VBN":
                for prep, obj in preps(acl):
                    if prep == "by" and _lemma(acl) in mediating:
                        continue  # "a deal brokered by Qatar": a go-between, not a party
                    if prep in ("between", "by"):
                        for head in _expand([obj]):
                            self._add(mention, head, "agent")
                    elif (
                        prep in ("against", "on")
                        and mention.plover != "AGREE"
                        and self._acting_participle(acl)
                    ):
                        # "raids carried out on villages", "an attack aimed against the
                        # base"; not "the explosion circulated on social media"
                        self._add(mention, obj, "patient")
        # "bombings targeted at the army", "the bombings, which seemed to be aimed at
        # civilians": what a verb of aiming says the event was aimed at was acted on.
        aiming = self.lex.context.get("aiming_verbs", frozenset())
        for clause in children(noun, "acl", "relcl"):
            for verb in [clause, *children(clause, "xcomp")]:
                if _lemma(verb) not in aiming:
                    continue
                for prep, obj in preps(verb):
                    if prep in ("at", "against", "on"):
                        self._add(mention, obj, "patient")
        self._struck(mention)
        self._light_verb(mention)

    def _acting_participle(self, verb: Token) -> bool:
        """Whether a participle after an event noun tells the act itself, so that what it
        is "on" or "against" was acted on: a light verb ("carried out", "launched"), a verb
        of aiming or of striking."""
        lemma = _lemma(verb)
        context = self.lex.context
        return (
            lemma in self.lex.support_verbs
            or lemma in context.get("aiming_verbs", frozenset())
            or lemma in context.get("striking_verbs", frozenset())
        )

    def _struck(self, mention: Mention) -> None:
        """What a verb of striking says an attack noun hit was acted on: "an explosion
        ripped through the market", "a blast shattered the windows of the court" (its
        subject), "the embassy was rocked by an explosion" (its agent)."""
        noun = mention.token
        if mention.plover != "ASSAULT" or mention.sense.outcome:
            return
        striking = self.lex.context.get("striking_verbs", frozenset())
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "agent":
            verb = verb.head
            if is_verbal(verb) and _lemma(verb) in striking:
                for subject in children(verb, "nsubjpass"):
                    self._add(mention, subject, "patient")
            return
        if noun.dep_ != "nsubj" or not is_verbal(verb) or _lemma(verb) not in striking:
            return
        through = self.lex.context.get("striking_preps", frozenset())
        for obj in children(verb, "dobj", "obj"):
            self._add(mention, obj, "patient")
        for prep, obj in preps(verb):
            if prep in through:
                self._add(mention, obj, "patient")

    def _between(self, mention: Mention, obj: Token) -> None:
        """The sides of "between X and Y": both act, but in two-sided fighting ("a battle
        between troops and rebels") the first is one side and the rest the other, as
        "troops clashed with rebels" is read (the contract's dyad)."""
        heads = _expand([obj])
        battle = mention.sense.acled is not None and mention.sense.acled[0] == "Battles"
        if battle and len(heads) > 1:
            # The other side first: adding a head adds those coordinated after it.
            self._add(mention, heads[1], "patient")
        self._add(mention, heads[0], "agent")

    def _light_verb(self, mention: Mention) -> None:
        """Subjects of light verbs act: "X carried out an attack", "X claimed responsibility
        for the attack"; "X survived an attack" was acted on. A word for many occurrences
        ("X began a series of attacks", "launched a wave of bombings") lends the light verb
        to the event noun after it."""
        noun = mention.token
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and _lemma(noun.head.head) in self._series
            and noun.head.head.dep_ in ("dobj", "obj", "nsubjpass")
        ):
            noun = noun.head.head
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "nsubjpass") and is_verbal(head):
            lemma = _lemma(head)
            if (
                lemma in self.lex.support_verbs
                and noun.dep_ == "nsubjpass"
                and lemma not in self.lex.undergo
            ):
                # "the attack was carried out by urban commandos", "... perpetrated by X"
                for prep, obj in preps(head):
                    if prep == "by":
                        self._add(mention, obj, "agent")
            if lemma in self.lex.support_verbs and noun.dep_ != "nsubjpass":
                subjects, passive = subject_of(head)
                role = "patient" if lemma in self.lex.undergo else "agent"
                if not passive:
                    for subject in subjects:
                        self._add(mention, subject, role)
                    mention.undergoer = role == "patient"
                for prep, obj in preps(head):
                    if prep in PATIENT_PREPS:
                        self._add(mention, obj, "patient")
                    elif prep == "by" and passive:
                        self._add(mention, obj, "agent")
        self._participants(mention)
        responsible = ("responsibility", "credit", "responsible")
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in responsible:
            held = children(head.head, "nsubj")
            if held and head.head.dep_ in ("ccomp", "oprd", "xcomp"):
                for subject in held:  # "holds the FMLN responsible for the murder"
                    self._add(mention, subject, "agent")
                return
            if head.head.dep_ == "amod" and head.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
                # "the men responsible for the attack", "holds the guerrillas responsible
                # for the massacre" (the parser makes the adjective the noun's modifier)
                held = head.head.head
                while held.dep_ in ("appos", "conj") and held.head is not held:
                    held = held.head
                verb = held.head
                people = [head.head.head]
                if held.dep_ in OBJECTS and is_verbal(verb) and _lemma(verb) in self.lex.blame:
                    people = self._held(verb)  # "hold X and Y responsible for ..."
                for person in people:
                    self._add(mention, person, "agent")
                return
            if head.head.dep_ in ("oprd", "xcomp", "ccomp") and is_verbal(head.head.head):
                # "X are being held responsible for the blast", "they hold X responsible"
                for person in self._held(head.head.head):
                    self._add(mention, person, "agent")
                return
            verb = head.head.head if head.head.dep_ in ("dobj", "acomp", "attr") else head.head
            blamer = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None
            if blamer is not None and blamer.dep_ in OBJECTS and not is_verbal(blamer):
                blamer = blamer.head  # "accused X of being ...", "of" read as X's
            if blamer is not None and is_verbal(blamer) and _lemma(blamer) in self.lex.blame:
                # "the mayor accused the FMLN of being responsible for the attack": the
                # accused, not the accuser.
                for person in self._held(blamer):
                    self._add(mention, person, "agent")
                return
            if is_verbal(verb):
                subjects, _ = subject_of(verb)
                for subject in subjects:
                    self._add(mention, subject, "agent")
                mention.claimed_by_agent = _lemma(verb) in ("claim", "accept", "assume", "take")

    def _search_raid(self, token: Token) -> bool:
        """Whether a raid is told as done to look for someone: "raided houses searching for
        weapons", "raids carried out in search of X", "carried out raids in search of X";
        and "the police raids" after such a telling (the same raids, told again)."""
        context = self.lex.context
        lemma = _lemma(token)
        if lemma not in context.get("search_raids", frozenset()):
            return False
        if lemma in self._searched and any(
            c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in token.children
        ):
            return True
        purposes = context.get("search_purposes", frozenset())
        heads = [token, *[c for c in token.children if c.dep_ in ("acl", "relcl")]]
        if token.dep_ in OBJECTS and is_verbal(token.head):
            heads.append(token.head)  # "carried out raids in search of"
        for head in heads:
            for child in head.children:
                searching = child.dep_ in ("advcl", "xcomp", "acl") and child.lower_ in purposes
                if child.dep_ == "prep" and child.lower_ == "in":
                    searching = any(o.lower_ in purposes for o in children(child, "pobj"))
                if searching:  # "searching for weapons", "in search of"
                    self._searched.add(lemma)
                    return True
        return False

    def _blamer(self, verb: Token) -> Token | None:
        """The verb of blame a gerund completes: "accused him of assassinating", "charged
        them with planting", "blamed the rebels for killing" (the parser may hang the
        preposition on the object), else None."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "with"):
            return None
        blamer = prep.head
        if blamer.dep_ in OBJECTS and not is_verbal(blamer):
            blamer = blamer.head  # "accused the rebels of ...", "of" read as the rebels'
        if is_verbal(blamer) and _lemma(blamer) in self.lex.blame:
            return blamer
        return None

    def _blamed(self, noun: Token) -> list[Token]:
        """Who a noun of blame is laid on: "accused X of involvement", "charged X with
        complicity", "X were accused of responsibility", "two men suspected of involvement"
        (the parser may hang the preposition on X)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "with"):
            return []
        verb = prep.head
        while verb.dep_ == "pobj" and verb.head.lower_ == "of" and not is_verbal(verb):
            verb = verb.head.head  # "accused members of the army of involvement"
        if verb.dep_ in OBJECTS and not is_verbal(verb) and is_verbal(verb.head):
            verb = verb.head  # "accused the army of involvement", "of" read as the army's
        if not is_verbal(verb) or _lemma(verb) not in self.lex.blame:
            return []
        if verb.dep_ == "acl" and not children(verb, *OBJECTS):
            return [verb.head]  # "two men suspected of involvement in the murder"
        return self._held(verb)

    @staticmethod
    def _held(verb: Token) -> list[Token]:
        """Who a verb of blame holds to have acted: its object ("accused the FMLN of ...",
        "hold X responsible"), else the subject of its passive ("X were held responsible")."""
        objects = children(verb, *OBJECTS)
        if objects:
            return objects
        subjects, passive = subject_of(verb)
        return subjects if passive else []

    def _participants(self, mention: Mention) -> None:
        """Perpetrators named around an event noun: "X were involved in the murder", "the
        army implicated X in the bombing", "police blamed X for the attack", "X was accused
        of the killing", "the attack was attributed to X"."""
        noun = mention.token
        prep = noun.head
        if noun.dep_ == "nsubjpass" and is_verbal(prep) and _lemma(prep) in self.lex.blame:
            for p, obj in preps(prep):
                if p in ("to", "on"):
                    # "was attributed to X"
                    self._add(mention, obj, "agent")
            return
        if noun.dep_ in ("dobj", "obj") and is_verbal(prep) and _lemma(prep) in self.lex.blame:
            for p, obj in preps(prep):
                if p == "to" or (p == "on" and kind_of(obj, self.lex) in ("human", "unknown")):
                    # "police attribute the attacks to X", "they blamed the bombing on X"
                    self._add(mention, obj, "agent")
            laid = {p for p, _ in preps(prep)}
            for p, obj in preps(noun):
                # The parser may hang "to X" or "on X" on the noun ("attribute the attack to
                # X", "blamed the bombing on X"): X is who it is laid on, not its target.
                if p in laid or p not in ("to", "on"):
                    continue
                if p == "on" and (
                    _lemma(prep) not in self._blame_on or kind_of(obj, self.lex) != "human"
                ):
                    continue
                mention.patients = [a for a in mention.patients if a.head not in _expand([obj])]
                mention.targets = [a for a in mention.targets if a.head not in _expand([obj])]
                self._add(mention, obj, "agent")
            return
        if (
            noun.dep_ == "pobj"
            and prep.lower_ == "of"
            and _lemma(prep.head) in self.lex.perpetrators
            and prep.head.dep_ in ("nsubj", "attr")
            and _lemma(prep.head.head) == "be"
        ):
            # "the authors of the assassination are X", "X are the perpetrators of the crime"
            other = "attr" if prep.head.dep_ == "nsubj" else "nsubj"
            for person in children(prep.head.head, other):
                self._add(mention, person, "agent")
            return
        if noun.dep_ == "nsubj" and _lemma(prep) == "be":
            # "the bombing was the work of the cartel": who did it, named by a copula.
            for attr in children(prep, "attr"):
                if _lemma(attr) not in self.lex.perpetrators_work:
                    continue
                for p, obj in preps(attr):
                    if p == "of":
                        self._add(mention, obj, "agent")
                        return
        if noun.dep_ == "pobj" and prep.lower_ == "behind" and _lemma(prep.head) == "be":
            for subject in subject_of(prep.head)[0]:
                self._add(mention, subject, "agent")  # "X are behind the attack"
            return
        if noun.dep_ != "pobj" or prep.lower_ not in ("in", "for", "of", "with"):
            return
        purposes = self.lex.context.get("search_purposes", frozenset())
        if (
            prep.lower_ == "in"
            and noun.lower_ in purposes
            and not children(noun, "det", "poss")
            and is_verbal(prep.head)
        ):
            # "police raided houses in search of the kidnappers": the raiders search ("has
            # a role to play in the search for peace" is no act of searching)
            subjects, passive = subject_of(prep.head)
            if passive:
                subjects = [o for p, o in preps(prep.head) if p == "by"]
            for person in subjects:
                self._add(mention, person, "agent")
            return
        if prep.lower_ in ("in", "for", "of") and _lemma(prep.head) in self.lex.blame_nouns:
            # "accused the rebels of responsibility for the bombing", "two men suspected of
            # involvement in the murder": the blamed did it.
            for person in self._blamed(prep.head):
                self._add(mention, person, "agent")
            return
        verb = prep.head
        if prep.lower_ == "for" and _lemma(verb) in self.lex.held_for:
            if is_verbal(verb):
                people = self._held(verb)  # "arrested three men for the murder"
            else:
                people = [o for p, o in preps(verb) if p == "of"]  # "the arrest of X for"
            for person in people:
                self._add(mention, person, "agent")
            return
        if (
            verb.dep_ in OBJECTS
            and not is_verbal(verb)
            and is_verbal(verb.head)
            and _lemma(verb.head) in self.lex.blame
            and _lemma(verb) not in self.lex.perpetrators
        ):
            # "accused soldiers of the murder": "of" read as the soldiers' ("accused the
            # authors of the crime" names no one: the noun's own "of")
            for person in self._held(verb.head):
                self._add(mention, person, "agent")
            return
        if not is_verbal(verb):
            return
        lemma = _lemma(verb)
        if lemma not in self.lex.participate and lemma not in self.lex.blame:
            return
        # "took part in": "part" belongs to the phrase, it names no one.
        objects = [
            o
            for o in children(verb, *OBJECTS)
            if f"{lemma} {_lemma(o)}" not in self.lex.participate_phrases
        ]
        subjects, passive = subject_of(verb)
        if objects:
            people = objects  # "implicated four officers in the murder"
        elif lemma in self.lex.participate or passive:
            people = subjects  # "X took part in", "X were involved in", "X was accused of"
        else:
            return
        for person in people:
            self._add(mention, person, "agent")

    def _agreed_content(self, noun: Token) -> bool:
        """Whether an event noun is what a verb of agreement says was agreed ("agreed to a
        ceasefire", "agreed a truce", "agreed on a prisoner swap"): the agreement is the one
        act told, the noun no event of its own."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in CONTENT_PREPS and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ not in OBJECTS:
            return False
        if head is noun or not is_verbal(head):
            return False
        told = {w for o in children(head, *OBJECTS) for c in conjuncts(o) for w in _words(c)}
        return any(
            e.sense.plover == "AGREE" and not e.extras and not e.sense.object_not & told
            for e in _entries_for(head, self.lex)
        )

    def _phrase_word(self, noun: Token, plover: str) -> bool:
        """Whether an event noun is a word of a trigger phrase of the verb it is the object
        of ("withdrew from the nuclear deal", "recalled its ambassador") that codes another
        type: the phrase tells the one event, the noun only what it was about."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ not in OBJECTS:
            return False
        if head is noun or not is_verbal(head):
            return False
        words = _words(noun)
        return any(
            e.extras and words & set(e.extras) and e.sense.plover != plover
            for e in _entries_for(head, self.lex)
        )

    # -- constraints --------------------------------------------------------------------
    def _fits(self, mention: Mention) -> bool:
        sense = mention.sense
        token = mention.token
        if sense.phrases_not and _in_phrase(token, sense.phrases_not):
            return False  # "the officer in charge of", "the charge d'affaires"
        if sense.needs_agent and not any(
            _words(counted(a.head)) & sense.needs_agent for a in mention.agents
        ):
            return False  # "troops clashed with rebels": no crowd, no riot
        if mention.entry.kind == "verb":
            objects = children(token, *OBJECTS)
            object_words = {w for o in objects for w in _words(o)}
            if sense.object_not & object_words:
                return False
            if (
                sense.plover == "SUPPORT"
                and _lemma(token) in self.lex.support_verbs
                and any(_entry_for(o, self.lex) is not None for o in objects)
            ):
                return False  # "signed a peace deal": a light verb, the deal is the event
            subjects, passive = subject_of(token)
            if sense.needs_object and not objects and not (passive and subjects):
                return False  # a passive's subject is its object ("the bomb was defused")
            subject_words = {w for s in subjects for w in _words(s)}
            if sense.object_in and not (
                sense.object_in & (object_words | (subject_words if passive else set()))
            ):
                return False  # "exchanged fire": no prisoners, no release
            if sense.subject_not & subject_words and not passive:
                return False
            if passive and sense.object_not & subject_words:
                return False
        else:
            if self._agreed_content(token):
                return False  # "agreed to a ceasefire with the rebels": one AGREE
            if self._phrase_word(token, sense.plover):
                return False  # "withdrew from the nuclear deal": a word of the verb's phrase
            mods = set(modifiers(token))
            owned = {w for p, o in preps(token) if p == "of" for w in _words(counted(o))}
            if sense.object_in and owned and not sense.object_in & owned:
                return False  # "the liberation of 40 hostages": no ground taken
            if (
                sense.needs_modifier
                and not (sense.needs_modifier & mods)
                and not mention.entry.extras
            ):
                # "The strikes" after "jets struck the camps": a definite noun that points
                # back at an event of its sense told before needs no modifier to say which.
                pointing = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
                if not pointing or (sense.plover, sense.mode) not in self._told:
                    return False
                mention.anaphoric = True
            if sense.modifier_not & mods:
                return False
            if mention.plover != "ASSAULT" and any(
                p == "of" and kind_of(counted(o), self.lex) == "weapon" for p, o in preps(token)
            ):
                return False  # "two charges of dynamite exploded": a device, no accusation
        context = self.lex.context
        if mention.plover == "ASSAULT" and self._search_raid(token):
            return False  # "raids carried out in search of the kidnappers": a search
        if mention.plover == "ASSAULT" and mention.entry.kind == "verb":
            # "hit 13 officials with sanctions": a penalty, no attack
            means = context.get("nonviolent_means", frozenset())
            heads = [token, *children(token, *OBJECTS)]
            if any(p == "with" and _lemma(o) in means for h in heads for p, o in preps(h)):
                return False
        if mention.entry.kind == "noun" and (
            (token.dep_ == "oprd" and not self._left_dead(token))
            or (
                token.dep_ == "pobj"
                and token.head.lower_ == "as"
                and _lemma(token.head.head) in context.get("naming_verbs", frozenset())
                and bool(children(token.head.head, *OBJECTS))  # what it names, told
            )
        ):
            if token.dep_ == "pobj" and mention.agents:
                self._named.append((token.head.head, list(mention.agents)))
            return False  # "called the explosion an attack": a name for an event told
        if mention.plover == "ASSAULT":
            accidental = context.get("accidental", frozenset())
            if any(c.dep_ in ("amod", "advmod") and c.lower_ in accidental for c in token.children):
                return False  # "two accidental explosions", "the device detonated accidentally"
            abstract = context.get("abstract", frozenset())
            objects = [a.head for a in (*mention.patients, *mention.targets)]
            if objects and all(_lemma(o) in abstract or o.lower_ in abstract for o in objects):
                return False  # "the fight against drug trafficking"
            if sense.outcome and not mention.agents:
                accidents = context.get("accidents", frozenset())
                causes = [o for p, o in preps(token) if p in LINK_PREPS]
                causes += [o for o in children(token, "nsubj")]
                if any(
                    (_lemma(c) in accidents or c.lower_ in accidents) and not self._attack_noun(c)
                    for c in causes
                ):
                    return False  # "killed in a crash" (not "artillery fire killed")
        if any(p in context.get("aggregate_preps", frozenset()) for p, _ in preps(token)):
            return False  # "13,000 people have been killed since 1980": a running total
        anaphors = context.get("anaphors", frozenset())
        for prep, obj in preps(token):
            if (
                prep in LINK_PREPS
                and _lemma(obj) in anaphors
                and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                    for c in obj.children
                )
            ):
                mention.anaphoric = True
        if sense.patient == "human" and not mention.patients and mention.targets:
            return False
        ground = context.get("held_ground", frozenset())
        if (
            sense.patient == "human"
            and sense.mode == "arrest"
            and mention.patients
            and all(
                _lemma(a.head) in ground
                or a.head.lower_ in ground
                or a.head.ent_type_ in PLACE_LABELS
                or a.head.i in self._place_tokens
                for a in mention.patients
            )
        ):
            return False  # "captured the town", "captured Kidal": land taken, no one arrested
        if sense.mode == "arrest" and not mention.patients and mention.weapons:
            return False  # "captured three rifles": arms taken, no one arrested
        if sense.patient == "thing" and mention.patients and not mention.targets:
            return mention.plover != "ASSAULT" or sense.mode not in ("arson", "destroy")
        return True

    def _attack_noun(self, token: Token) -> bool:
        """Whether a noun names an attack with the words around it: "artillery fire",
        "mortar fire" (a fire of its own is an accident)."""
        return any(
            e.extras and e.sense.plover == "ASSAULT" and e.sense.mode is not None
            for e in _entries_for(token, self.lex)
        )

    def _keep(self, mention: Mention, by_token: dict[int, Mention]) -> bool:
        """A weak noun is an event only where the text points at one occurrence; a reduced
        relative without arguments ("those killed or detained") only points back at one."""
        token = mention.token
        if mention.sense.anaphor:
            # "the crime" matters only for who it says did the incident told before.
            return any(a.head.pos_ not in ("PRON", "DET") for a in mention.agents)
        args = (*mention.agents, *mention.patients, *mention.targets, *mention.weapons)
        # A pronoun alone ("those killed") names no one: it points back.
        has_args = any(a.head.pos_ not in ("PRON", "DET") for a in args)
        if mention.entry.kind == "verb":
            if token.dep_ in ("acl", "conj") and not has_args and not mention.links:
                head = token.head if token.dep_ == "acl" else token.head.head
                return not (head.pos_ == "PRON" or head.lower_ in ("those", "all", "some"))
            return True
        generic = self.lex.context.get("generic", frozenset())
        quantified = any(
            c.dep_ in ("det", "amod", "predet", "quantmod") and c.lower_ in generic
            for c in token.children
        )
        if mention.casualty_only and mention.casualties and has_args:
            return True  # "13 people suffered injuries": the people counted are the occurrence
        if token.tag_ in ("NNS", "NNPS"):
            # A plural event noun tells one set of occurrences only when it is counted, dated
            # or placed ("two attacks on Monday"), not "many terrorist attacks".
            if quantified and not mention.links:
                return False
            # Placed or dated on the noun, or on the verb it is the subject of ("clashes
            # between the army and rebels left 20 dead in Tal Afar on Monday").
            told = [token]
            aggregate = self.lex.context.get("aggregate_preps", frozenset())
            if token.dep_ in ("nsubj", "nsubjpass") and not any(
                p in aggregate for p, _ in preps(token.head)
            ):
                told.append(token.head)
            anchored = any(
                c.dep_ == "nummod"
                or (c.dep_ == "det" and c.lower_ in ("the", "these", "those"))
                or c.dep_ == "poss"
                for c in token.children
            ) or any(
                p in ("in", "on", "near", "at")
                and kind_of(o, self.lex) in ("place", "time", "thing")
                or o.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME")
                for word in told
                for p, o in preps(word)
            )
            serial = token.dep_ == "pobj" and (
                token.head.lower_ == "under"
                or (token.head.lower_ == "of" and _lemma(token.head.head) in self._series)
            )
            return anchored or serial or bool(mention.links)
        if any(c.dep_ == "det" and c.lower_ in ("every", "any", "no") for c in token.children):
            return False  # "every attack" is a rule; "before each explosion" tells them
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            # "the explosion area", "the IRA's bombing outrages", "the shooting incidents":
            # a definite phrase about one event; "attack helicopters" name no event.
            outer = token.head
            definite = any(
                c.dep_ == "poss"
                or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                for c in outer.children
            )
            not_events = self.lex.context.get("compound_heads_not", frozenset())
            weapon = kind_of(outer, self.lex) == "weapon"
            if definite and not weapon and _lemma(outer) not in not_events:
                return True
        if not mention.sense.weak or has_args:
            return True
        if any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and _lemma(c) in self.lex.occasions
            for c in token.children
        ):
            return True  # "Boston Marathon bombing suspect": the name says which bombing
        if mention.links:
            return True
        if token.dep_ == "pobj" and (
            token.head.lower_ == "under"  # "came under intense gunfire"
            or (token.head.lower_ == "of" and _lemma(token.head.head) in self._series)
        ):
            return True  # "a wave of shooting", "an hour of bombing"
        if any(
            c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("no", "any")
            for c in token.children
        ):
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and is_verbal(token.head) and token.tag_ != "NNS":
            return True
        return bool(
            any(c.dep_ == "prep" and c.lower_ in ("in", "near", "on") for c in token.children)
        )

    def _retold(self, mention: Mention, by_token: dict[int, Mention]) -> bool:
        """Whether a bare verb of attack only tells again the attack noun it is said of:
        "the explosion targeted a bakery", "bombings targeted at the police". What it acted
        on joins the noun's mention, and the verb makes no mention of its own."""
        token = mention.token
        if (
            mention.entry.kind != "verb"
            or mention.plover != "ASSAULT"
            or mention.mode is not None
            or mention.sense.outcome is not None
            or mention.death_word is not None
            or mention.casualties
        ):
            return False
        if token.dep_ == "acl":
            noun: Token | None = token.head
        else:
            subjects, passive = subject_of(token)
            noun = subjects[0] if len(subjects) == 1 and not passive else None
        other = by_token.get(noun.i) if noun is not None and noun.i != token.i else None
        if other is None or other.entry.kind != "noun" or other.plover != "ASSAULT":
            return False
        for mine, theirs in (
            (other.patients, mention.patients),
            (other.targets, mention.targets),
            (other.weapons, mention.weapons),
        ):
            held = {a.head.i for a in mine}  # the noun may name them already ("rocked X")
            mine += [a for a in theirs if a.head.i not in held]
        other.links.discard(token.i)
        for linked in mention.links - {other.token.i}:
            other.links.add(linked)
            if linked in by_token:
                by_token[linked].links.discard(token.i)
                by_token[linked].links.add(other.token.i)
        del by_token[token.i]
        return True

    # -- counts and modes -----------------------------------------------------------------
    def _count(self, mention: Mention) -> None:
        outcome = mention.sense.outcome
        token = mention.token
        if mention.attempted:
            return  # "tried to kill the judge": no one died of it
        if outcome is None and mention.entry.kind == "verb" and mention.plover == "ASSAULT":
            # "shot dead", "beaten to death", "left 12 dead"; not "sentenced to death", a
            # penalty no one has died of yet
            dead = [c for c in token.children if c.lower_ in ("dead", "death")]
            dead += [o for p, o in preps(token) if p == "to" and o.lower_ == "death"]
            if dead:
                outcome = "killed"
                mention.death_word = dead[0]
        if outcome is None:
            return
        if any(c.dep_ == "nummod" for c in token.children):
            # "12 deaths", "dozens of injuries"; and "34 wounded", a participle the parser
            # tags a verb though it counts people (no verb has a number of its own)
            found = quantity_of(token)
            if found is not None:
                quantity, start, end, group = found
                mention.casualties.append(Casualty(outcome, quantity, start, end, group))
                return
        for arg in mention.patients:
            if _appositive(arg.head) or _included(arg.head):
                continue  # "two bodyguards, X and Y", "12, including three children": once
            found = quantity_of(arg.head)
            if found is not None:
                quantity, start, end, group = found
                mention.casualties.append(Casualty(outcome, quantity, start, end, group))
            elif (
                arg.head.tag_ in ("NN", "NNP")
                or arg.head.ent_type_ == "PERSON"
                or arg.head.lower_ in ("he", "she", "him", "her")
            ):
                # one named or singular person
                mention.casualties.append(
                    Casualty(
                        outcome, Quantity(1, None, None, False, 0, 0), arg.start, arg.end, None
                    )
                )

    def _refine_mode(self, mention: Mention) -> None:
        if mention.plover != "ASSAULT":
            return
        bombers = self.lex.context.get("suicide_agents", frozenset())
        if mention.mode == "explosives" and any(
            any(w in a.head.doc.text[a.core_start : a.core_end].lower() for w in bombers)
            for a in mention.agents
        ):
            # "a suicide bomber blew himself up", "a suicide attacker detonated explosives";
            # what else such an attacker did ("killed 14") keeps its own sense
            mention.mode = "suicide-attack"
            mention.acled = self.lex.acled_modes.get("suicide-attack", mention.acled)
            return
        for weapon in mention.weapons:
            found = weapon_of(weapon.head, self.lex)
            if (
                found
                and found.mode
                and (
                    mention.mode is None
                    or mention.mode in ("firearms",)
                    or found.mode in self.lex.weapon_overrides.get(mention.mode, ())
                )
            ):
                mention.mode = found.mode
                mention.acled = found.acled
                break

    # -- links ----------------------------------------------------------------------------
    def _link(self, mention: Mention, by_token: dict[int, Mention]) -> None:
        """Tie mentions of one event: "killed in an airstrike", "the blast killed 12",
        "an attack in which 12 died"."""
        token = mention.token
        for prep, obj in preps(token):
            if prep in LINK_PREPS and obj.i in by_token:
                mention.links.add(obj.i)
                by_token[obj.i].links.add(token.i)
        for child in children(token, "nsubj", "nsubjpass", *OBJECTS, "appos"):
            if child.i in by_token:
                mention.links.add(child.i)
                by_token[child.i].links.add(token.i)
        head = token.head
        if self._reported_participle(token):
            # "Police said a car bomb detonated near a market, wounding four": the parser
            # hangs the participle on "said"; it belongs to the nearest event before it in
            # what was said.
            inside = {t.i for t in token.subtree}
            before = [
                i
                for i in range(token.i - 1, head.left_edge.i - 1, -1)
                if i in by_token and i not in inside and i != head.i
            ]
            same = [i for i in before if by_token[i].plover == mention.plover]
            if same:
                mention.links.add(same[0])
                by_token[same[0]].links.add(token.i)
        if mention.sense.outcome and self._left_dead(token):
            # "clashes left three people dead": the deaths are the clashes'
            for subject in subject_of(head)[0]:
                if subject.i in by_token:
                    mention.links.add(subject.i)
                    by_token[subject.i].links.add(token.i)
        if head.i in by_token and head.i != token.i:
            other = by_token[head.i]
            same_type = other.plover == mention.plover
            # "a bomb exploded and a second device was defused": two incidents.
            another = any(one_more(c) for c in children(token, "nsubj", "nsubjpass", *OBJECTS))
            if token.dep_ == "appos" or (
                same_type
                and (
                    (token.dep_ == "conj" and not another)
                    or (token.dep_ in ("advcl", "xcomp") and token.tag_ in ("VBG", "VBN"))
                )
            ):
                mention.links.add(head.i)
                other.links.add(token.i)


def _inside_names(sdoc: Any) -> set[int]:
    """The tokens inside an actor's name other than its head: a word of a group's name
    ("Liberation" in "the National Liberation Front", "Mobilization" in "the Popular
    Mobilization Forces") names the group and reports nothing. A name is one the actor
    dictionary knows (in text without capitals too) or one told as a name. Empty when the
    actors component has not run."""
    inside: set[int] = set()
    for span in sdoc.spans.get(ACTORS, []):
        named = span.kb_id_.startswith("entry:") or mention_kind(span) == "name"
        if len(span) > 1 and named:
            inside.update(t.i for t in span if t.i != span.root.i)
    return inside
