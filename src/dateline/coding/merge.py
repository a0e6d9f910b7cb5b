"""One event per occurrence: the mentions of a document merged into events.

A report tells one strike several times: in the lead ("the coalition has killed dozens"),
in a quote ("we have struck individual fighters") and in later detail ("about 85 fighters
had been picked off"). Each mention becomes a :class:`Draft`; drafts that syntax ties
together are one event, and each later draft joins the earlier event it fits best, if any:

* it must fit: the same PLOVER type, compatible modes, the same certainty class (a negated
  or hypothetical mention never joins an event that happened), no two different named
  actors on the same side, no two different dates (but a later telling with no date of
  its own has only the report's window, which says nothing against a dated event told
  before it, nor does a retelling with no date of its own, "condemned the murder of six
  priests", against a later telling that dates it and names the same people hit) or
  attached places;
* it must not be kept apart (``KeepApart``, resources/events/merge.toml): mentions that
  name different people as the ones hit are two incidents, however near;
* among those that fit it scores shared actors, victims and targets, the words around the
  people acted on, a definite noun that points back ("the attack"), the same sentence, and
  nearness; the best score above ``[events] merge_threshold`` wins.

A mention that tells a part of another type of event ("the siege" of a storming, "the
demonstrators blocked a road" in their protest: ``Draft.part_of``) joins the event of that
type told in its own or the sentence before (``_Events.whole_of``), keeping its own coding.

The merged event keeps every mention's evidence and the most specific values
(``Draft.absorb``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..records import Count, EventDate, EventMention, Location, Named, Role, Source, Span
from .casualties import number_value

MODE_GROUPS = (
    frozenset({"aerial", "drone", "explosives", "heavy-weapons", "suicide-attack"}),
    frozenset({"firearms", "primitive", "beat", "torture", "targeted", "destroy"}),
)
# Modes that make an incident of their own kind: setting fire to a place is told, counted
# and coded apart from the shooting or the raid around it, so an arson mention joins arson
# mentions only (never an unspecified "attacked").
APART_MODES = frozenset({"arson"})
# Modes that tell what an attack did to things rather than how it was done: a telling of
# one that syntax ties to an attack told before it by remote means (air strikes, bombs,
# shelling: MODE_GROUPS[0]) is that attack's damage ("the aircraft hit fighters and
# destroyed depots"), not an incident of its own.
RESULT_MODES = frozenset({"destroy"})
UNREAL = frozenset({"negated", "hypothetical"})

# A riot: the deaths syntax ties to it are its own (Draft.fits).
RIOT = ("PROTEST", "riot")
PLACE_RANK = {
    "point": 6,
    "town": 5,
    "admin2": 4,
    "admin1": 3,
    "region": 3,
    "country": 1,
    "unknown": 0,
}
DATE_RANK = {
    "day": 6,
    "week": 5,
    "month": 4,
    "season": 3,
    "year": 2,
    "decade": 1,
    "unknown": 0,
}


@dataclass
class Actor:
    """A role with what merging compares it by."""

    role: Role
    key: str  # entity id, else the normalised core text
    specific: bool  # a name, or a description with a name in it ("Daesh fighters")
    rank: int  # how informative: 3 entity, 2 named description, 1 nominal, 0 pronoun
    words: frozenset[str] = frozenset()  # content words around it, for similarity
    person: bool = False  # one person (who may act for an organisation named elsewhere)
    name: str = ""  # a named person's name (not "a policeman"), for telling people apart
    side: str | None = None  # its ACLED actor type ("armed_group" for insurgents by their words)


@dataclass
class Casualties:
    """A count from one mention: killed or injured, and who."""

    count: Count
    rank: int  # 3 exact number, 2 approximate number, 1 vague quantity, 0 one person
    group: str | None = None


@dataclass
class Draft:
    """An event under construction: one mention, or several merged."""

    plover: str
    mode: str | None
    acled: tuple[str, str] | None
    trigger: Span
    sentence: int  # index of the sentence of the first mention (captions: -1 - n)
    order: int  # position of the first mention, for nearness
    certainty: str
    source: Source | None
    claim_ids: list[str]
    agents: list[Actor] = field(default_factory=list)
    patients: list[Actor] = field(default_factory=list)
    targets: list[Named] = field(default_factory=list)
    weapons: list[Named] = field(default_factory=list)
    killed: list[Casualties] = field(default_factory=list)
    injured: list[Casualties] = field(default_factory=list)
    location: Location | None = None
    location_attached: bool = False
    date: EventDate | None = None
    date_own: bool = False
    evidence: list[Span] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    anaphoric: bool = False  # "the attack": points back to an event told before
    link_keys: set[tuple[int | None, int]] = field(default_factory=set)
    mention_keys: set[tuple[int | None, int]] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
    last_order: int = 0
    sentence_rank: int = 0  # the sentence's position in the text (captions after the body)
    last_sentence_rank: int = 0
    new_incident: bool = False  # "Meanwhile, ...": the mention starts another incident
    # Mentions told as another incident than this one ("two days after the bombing")
    apart_keys: set[tuple[int | None, int]] = field(default_factory=set)
    casualty_only: bool = False  # "died": joins an assault, never makes one
    of_wounds: bool = False  # "died of his wounds": a death that may come days after its assault
    anaphor_only: bool = False  # "the crime": joins the event it points back at, never makes one
    lead: bool = False  # first told in the lead: later detail tends to be about it
    response: bool = False  # a lead event by the other side of one the lead told before
    other_people: bool = False  # "three other relatives were detained": not the same people
    # Every telling is the matter of a legal or investigative act ("charged with the murder"):
    # an earlier incident referred to; one telling of its own makes it told.
    background: bool = False
    # The PLOVER types of an event this mention is a part of ("the siege" of a storming),
    # and the mention its participle clause hangs on ("marched, blocking roads"), if any.
    part_of: frozenset[str] = frozenset()
    part_head: tuple[int | None, int] | None = None
    # The mention of the event a fight is against ("fighting to end the siege"), if any:
    # whoever does that event is the other side (``opposing``).
    opposes: tuple[int | None, int] | None = None

    # -- comparing ----------------------------------------------------------------------
    def fits(self, other: Draft, *, part: bool = False, tied: bool = False) -> bool:
        """Whether ``other`` may be the same event as this one (with ``part``, a part of
        it: another type of act, so type and means are not compared; with ``tied``, a
        telling syntax ties to it, where damage fits any means: ``RESULT_MODES``)."""
        # Deaths syntax ties to a riot ("clashes between protesters and police left three
        # dead") are its deaths, though a death is told as an assault.
        riot_deaths = tied and other.casualty_only and (self.plover, self.mode) == RIOT
        if not part and self.plover != other.plover and not riot_deaths:
            return False
        if (self.certainty in UNREAL) != (other.certainty in UNREAL):
            return False
        if self.certainty in UNREAL and self.certainty != other.certainty:
            return False
        damage = tied and other.mode in RESULT_MODES and self.mode in MODE_GROUPS[0]
        if not part and not damage and not riot_deaths and not modes_fit(self.mode, other.mode):
            return False
        # A part is done by the event's people under another name ("the demonstrators"
        # of "several hundred teachers protested"), or by no one named.
        # Those charged with or tried for an incident are told apart from its doers ("two
        # men were charged with the murder" after "gunmen shot dead"): no clash.
        if not part and not other.background and _sides_clash(self.agents, other.agents):
            return False
        captioned = self.trigger.caption is not None or other.trigger.caption is not None
        # A later telling with no date of its own (the report's window) may point back at a
        # dated event ("charged with the 1987 murder"); otherwise dates that do not overlap
        # are two incidents, and a background event's date is not the report's week.
        points_back = self.date_own and not other.date_own
        # "Condemned the murder of six priests" (no date of its own: the report's window),
        # then "the six priests were killed on 16 November": an event first told by a
        # telling that points back is dated by the later telling that dates it.
        # Only when both name the same people hit: "the kidnapping of 102 people" is no
        # retelling of "X was kidnapped on 2 December", nor "the attack against the
        # secretary of state" one of "today's bomb explosion".
        # A legal or investigative act's incident ("charged with the murder of X") is left
        # as it was: those charged are no doers the later telling names.
        dated_later = (
            self.anaphoric
            and not self.background
            and not self.date_own
            and other.date_own
            and _shared(self.patients, other.patients, specific_only=False)
        )
        # "A fifth victim died in 1977 of injuries suffered in the bombing": a death of
        # wounds comes after the assault that caused them, on a later date.
        later_death = other.of_wounds and _not_before(other.date, self.date)
        if (
            not captioned
            and not points_back
            and not dated_later
            and not later_death
            and not _dates_overlap(self.date, other.date)
        ):
            return False
        return not (
            self.location_attached
            and other.location_attached
            and self.location is not None
            and other.location is not None
            and not _places_fit(self.location, other.location)
        )

    def affinity(self, other: Draft) -> float:
        """How strongly ``other`` (a later mention) points at this event: what they share,
        and how near they are told (a report tells one incident in consecutive sentences,
        and its lead's event again in later detail)."""
        score = 0.0
        if _shared(self.agents, other.agents, specific_only=True):
            score += 2.0
        if _shared(self.patients, other.patients, specific_only=True):
            score += 2.0
        elif _shared(self.patients, other.patients, specific_only=False):
            score += 0.5
        if {t.name.lower() for t in self.targets} & {t.name.lower() for t in other.targets}:
            score += 1.5
        if {w.name.lower() for w in self.weapons} & {w.name.lower() for w in other.weapons}:
            score += 1.0
        mine: frozenset[str] = frozenset().union(*(a.words for a in self.patients))
        theirs: frozenset[str] = frozenset().union(*(a.words for a in other.patients))
        score += min(1.0, 0.25 * len(mine & theirs))
        if (self.killed or self.injured) and (other.killed or other.injured):
            score += 0.25
        if self.patients and other.patients:
            score += 0.25
        if (
            (self.targets and not self.patients and other.patients and not other.targets)
            or (other.targets and not other.patients and self.patients and not self.targets)
        ) and not (
            other.sentence_rank == self.last_sentence_rank
            and (self.killed or self.injured or other.killed or other.injured)
        ):
            # What was hit and who was hurt told apart may be two incidents; the deaths told
            # in the sentence of what was hit ("an explosion tore through the station,
            # killing five") are its own.
            score -= 1.0
        if other.anaphoric:
            score += 1.5
        elif other.other_people:
            score -= 2.0  # the same kind of event done to other people
        if other.new_incident:
            return score - 2.0
        if other.trigger.caption is None:
            # A caption stands apart from the body: nearness says nothing about it.
            distance = other.sentence_rank - self.last_sentence_rank
            score += {0: 1.0, 1: 0.75, 2: 0.5}.get(distance, -min(2.0, 0.1 * distance))
        if self.lead and not self.response and not any(a.specific for a in other.agents):
            # Later detail is about the lead's event, not the other side's answer to it
            # told after it ("gunmen stormed a hotel ..., and troops were fighting").
            score += 1.0
        return score

    # -- merging --------------------------------------------------------------------------
    def absorb(self, other: Draft) -> None:
        """Take in another mention of the same event, keeping the most specific values."""
        if other.plover != self.plover:
            pass  # a part of another type ("the siege" of a storming) says nothing of the means
        elif self.mode is None and other.mode is not None:
            self.mode = other.mode
            self.acled = other.acled or self.acled
        elif other.acled and self.acled is None:
            self.acled = other.acled
        if other.plover == self.plover:
            # A part of another type keeps its own people and things: the road the
            # demonstrators blocked is no target of their protest, nor the pay they demand.
            self.agents = _union(self.agents, other.agents)
            self.patients = _union(self.patients, other.patients)
            self.targets = _union_named(self.targets, other.targets)
            self.weapons = _union_named(self.weapons, other.weapons)
        self.killed += other.killed
        self.injured += other.injured
        if _better_place(other, self):
            self.location = other.location
            self.location_attached = other.location_attached
        if _better_date(other, self):
            self.date = other.date
            self.date_own = other.date_own
        # The first telling (the lead, as a rule) says who reports the event and how sure
        # it is; a later telling that refers back to it inside another claim ("all those
        # killed were supporters, the source claimed") does not change that.
        if self.source is None and other.source is not None and self.certainty == other.certainty:
            self.source = other.source
        for claim_id in other.claim_ids:
            if claim_id not in self.claim_ids:
                self.claim_ids.append(claim_id)
        for span in other.evidence:
            if span not in self.evidence:
                self.evidence.append(span)
        if other.anaphoric and other.mode is None and self.mode in MODE_GROUPS[0]:
            # "the attacks" after "the bombings": a telling that points back and names no
            # means refers to that event, so it tells the event's means ("the attacks" of
            # a bombing are bombings), as an event mention is typed by the event it refers
            # to. Only the means that make the whole attack (bombs, air strikes, shelling):
            # a close-range act ("destroyed the records") is a part, not the attack.
            for mention in other.mentions:
                if mention.mode is None and mention.plover == self.plover:
                    mention.mode = self.mode
        known = {(m.trigger.caption, m.trigger.start) for m in self.mentions}
        if other.anaphor_only:
            known |= {(m.trigger.caption, m.trigger.start) for m in other.mentions}  # no telling
        self.mentions += [
            m for m in other.mentions if (m.trigger.caption, m.trigger.start) not in known
        ]
        if self.opposes is None:
            self.opposes = other.opposes
        self.background = self.background and other.background
        self.link_keys |= other.link_keys
        self.apart_keys |= other.apart_keys
        self.mention_keys |= other.mention_keys
        self.sentences |= other.sentences
        self.last_order = max(self.last_order, other.last_order)
        self.last_sentence_rank = max(self.last_sentence_rank, other.last_sentence_rank)


def modes_fit(a: str | None, b: str | None) -> bool:
    """Modes one event can have: the same, or of one group (aerial, explosives, shelling;
    close-range harm); an unknown mode fits any but those that stand apart (arson)."""
    if a == b:
        return True
    if a in APART_MODES or b in APART_MODES:
        return False
    if a is None or b is None:
        return True
    return any(a in group and b in group for group in MODE_GROUPS)


def _sides_clash(mine: list[Actor], theirs: list[Actor]) -> bool:
    """Two different specific actors on the same side (of different countries, where the
    actors layer says: "the Russian air force" and "Russia" do not clash)."""
    for person in (True, False):
        # A spokeswoman and her army are one side: people clash with people only.
        a = {x.key for x in mine if x.specific and x.person is person}
        b = {x.key for x in theirs if x.specific and x.person is person}
        if not a or not b or a & b:
            continue
        countries_a = {x.role.country for x in mine if x.specific and x.role.country}
        countries_b = {x.role.country for x in theirs if x.specific and x.role.country}
        if not countries_a & countries_b:
            return True
    return False


@dataclass(frozen=True)
class KeepApart:
    """What makes two mentions two incidents, whatever else they share: a later mention
    never joins an event by score when they clash (``resources/events/merge.toml``)."""

    particles: frozenset[str] = frozenset()  # name words that do not tell who
    armed_sides: frozenset[str] = frozenset()  # sides that fight: who they hit is a side too

    def clash(self, event: Draft, draft: Draft) -> bool:
        """Both name the people hit, and no name of one shares a word with the other's:
        "X was shot" and, later, "Y was shot too" are two killings ("otalora" is still
        "stela torrado de otalora")."""
        if draft.casualty_only:
            # A death ("X died") never makes an event of its own: keeping it apart would
            # only drop it, and the deaths told near an assault are its deaths.
            return False
        if self._reversed(event, draft):
            return True
        mine, theirs = self._name_words(event.patients), self._name_words(draft.patients)
        return bool(mine) and bool(theirs) and not mine & theirs

    def _reversed(self, event: Draft, draft: Draft) -> bool:
        """The side hit in the event is the side that acts in the later mention, the
        event's doers are another side, and the later mention does not hit them back: "a
        patrol clashed with a rebel column" and then "guerrillas killed a peasant" are two
        incidents ("... and the rebels killed two soldiers" may still be the clash)."""
        doers = {a.side for a in event.agents if a.side in self.armed_sides}
        hit = {a.side for a in event.patients if a.side in self.armed_sides}
        acting = {a.side for a in draft.agents if a.side in self.armed_sides}
        hitting = {a.side for a in draft.patients}
        return bool(doers and acting & hit and not doers & acting and not doers & hitting)

    def _name_words(self, actors: list[Actor]) -> set[str]:
        return {
            word
            for actor in actors
            for word in _WORD.findall(actor.name.lower())
            if len(word) > 1 and word not in self.particles
        }


_WORD = re.compile(r"[^\W\d_]+")


@cache
def keep_apart() -> KeepApart:
    """The shipped keep-apart rules (read once per process)."""
    text = resources.files("dateline.resources").joinpath("events/merge.toml").read_text("utf-8")
    table = tomllib.loads(text)["keep_apart"]
    return KeepApart(
        particles=frozenset(str(w) for w in table.get("name_particles", [])),
        armed_sides=frozenset(str(w) for w in table.get("armed_sides", [])),
    )


def _shared(mine: list[Actor], theirs: list[Actor], *, specific_only: bool) -> bool:
    a = {x.key for x in mine if x.specific or not specific_only}
    b = {x.key for x in theirs if x.specific or not specific_only}
    return bool(a & b)


def _dates_overlap(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or not (a.earliest and a.latest and b.earliest and b.latest):
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _not_before(a: EventDate | None, b: EventDate | None) -> bool:
    """Whether date ``a`` is known to begin no earlier than date ``b`` begins."""
    return bool(a and b and a.earliest and b.earliest and a.earliest[:10] >= b.earliest[:10])


def _places_fit(a: Location, b: Location) -> bool:
    """Places that may be one event's: the same, one inside the other, or unresolved.

    Two resolved places in different countries, or two different towns, do not fit."""
    if a.place_id and b.place_id and a.place_id == b.place_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    rank_a, rank_b = PLACE_RANK.get(a.precision, 0), PLACE_RANK.get(b.precision, 0)
    if rank_a >= PLACE_RANK["town"] and rank_b >= PLACE_RANK["town"]:
        na, nb = a.name.lower(), b.name.lower()
        return na in nb or nb in na
    return True


def _union(mine: list[Actor], theirs: list[Actor]) -> list[Actor]:
    found = list(mine)
    for actor in theirs:
        same = next((x for x in found if x.key == actor.key), None)
        if same is None:
            # "killing two people" and "left two dead": the people counted the same are one
            # group told twice, named by the phrase with its noun
            same = next((x for x in found if _counted_alike(x, actor)), None)
            if same is not None and _bare_number(same) and not _bare_number(actor):
                found[found.index(same)] = actor
                actor, same = same, actor
        if same is None:
            found.append(actor)
            continue
        for span in actor.role.evidence:
            if span not in same.role.evidence:
                same.role.evidence.append(span)
        same.words = same.words | actor.words
    return found


def _bare_number(actor: Actor) -> bool:
    """Whether an actor is named by a number alone ("71", "two")."""
    words = actor.role.name.lower().split()
    return len(words) == 1 and number_value(words) is not None


def _counted_alike(one: Actor, other: Actor) -> bool:
    """Whether one of two actors is a bare number and the other a phrase that starts with
    the same number ("two" and "two people")."""
    if _bare_number(one) == _bare_number(other):
        return False
    bare, phrase = (one, other) if _bare_number(one) else (other, one)
    words = phrase.role.name.lower().split()
    return len(words) > 1 and words[0] == bare.role.name.lower()


def _union_named(mine: list[Named], theirs: list[Named]) -> list[Named]:
    found = list(mine)
    for item in theirs:
        same = next((x for x in found if x.name.lower() == item.name.lower()), None)
        if same is None:
            found.append(item)
        else:
            for span in item.evidence:
                if span not in same.evidence:
                    same.evidence.append(span)
    return found


def _better_place(new: Draft, old: Draft) -> bool:
    if new.location is None:
        return False
    if old.location is None:
        return True
    if new.location_attached != old.location_attached:
        return new.location_attached
    return PLACE_RANK.get(new.location.precision, 0) > PLACE_RANK.get(old.location.precision, 0)


def _better_date(new: Draft, old: Draft) -> bool:
    if new.date is None or new.of_wounds:
        return False  # a later death of wounds is dated apart from its assault
    if old.date is None:
        return True
    if new.date_own != old.date_own:
        return new.date_own
    return DATE_RANK.get(new.date.precision, 0) > DATE_RANK.get(old.date.precision, 0)


MERGE_WINDOW = 80  # sentences: see :func:`merge`
# The affinity a mention that never makes an event ("died", "the crime") needs to join one:
# anything near that does not point elsewhere. Lower than ``merge_threshold``, and apart from
# it, so that keeping incidents apart never drops the deaths told next to them.
JOIN_ONLY_BAR = 0.0
# Sentences back that a part ("the siege", "the demonstrators blocked a road") looks for the
# event it belongs to: the same sentence or the one before.
PART_DISTANCE = 1


class _Events:
    """The events made so far, found by what a new draft can join: by PLOVER type, by the
    syntax keys that tie mentions, and by nearness in the text (recent events, lead events).
    """

    def __init__(self, window: int) -> None:
        self.window = window
        self.events: list[Draft] = []
        self.number: dict[int, int] = {}  # id(event) -> its position in events
        self.by_type: dict[str, list[Draft]] = {}
        self.recent: dict[str, dict[int, Draft]] = {}  # by type, events that may be near
        self.leads: dict[str, list[Draft]] = {}
        self.by_mention_key: dict[tuple[int | None, int], list[Draft]] = {}
        self.by_link_key: dict[tuple[int | None, int], list[Draft]] = {}

    def add(self, event: Draft) -> None:
        self.number[id(event)] = len(self.events)
        self.events.append(event)
        self.by_type.setdefault(event.plover, []).append(event)
        if event.lead:
            event.response = any(
                _sides_clash(e.agents, event.agents) for e in self.leads.get(event.plover, ())
            )
            self.leads.setdefault(event.plover, []).append(event)
        self._index(event, event.mention_keys, event.link_keys)

    def _index(
        self,
        event: Draft,
        mention_keys: set[tuple[int | None, int]],
        link_keys: set[tuple[int | None, int]],
    ) -> None:
        for key in mention_keys:
            self.by_mention_key.setdefault(key, []).append(event)
        for key in link_keys:
            self.by_link_key.setdefault(key, []).append(event)
        self.recent.setdefault(event.plover, {})[id(event)] = event

    def absorb(self, event: Draft, draft: Draft) -> None:
        """``event`` takes in ``draft``; the indexes learn its new keys and nearness."""
        mention_keys = draft.mention_keys - event.mention_keys
        link_keys = draft.link_keys - event.link_keys
        event.absorb(draft)
        self._index(event, mention_keys, link_keys)

    def linked(self, draft: Draft) -> Draft | None:
        """The first event (in order of making) that syntax ties to ``draft`` and fits it."""
        found = {id(e): e for key in draft.link_keys for e in self.by_mention_key.get(key, ())}
        for key in draft.mention_keys:
            found.update((id(e), e) for e in self.by_link_key.get(key, ()))
        for event in sorted(found.values(), key=lambda e: self.number[id(e)]):
            if event.fits(draft, tied=True):
                return event
        return None

    def whole_of(self, draft: Draft) -> Draft | None:
        """The event ``draft`` is a part of: one of its ``part_of`` types that fits it,
        told in the same sentence or the one before (the one its participle clause hangs
        on first, else the one it has most in common with, else the first)."""
        if not draft.part_of or draft.trigger.caption is not None:
            return None
        found = [
            e
            for plover in sorted(draft.part_of)
            for e in self.recent.get(plover, {}).values()
            if 0 <= draft.sentence_rank - e.last_sentence_rank <= PART_DISTANCE
            and e.fits(draft, part=True)
        ]
        found.sort(key=lambda e: self.number[id(e)])
        tied = [e for e in found if draft.part_head in e.mention_keys]
        if tied:
            return tied[0]
        best: tuple[float, Draft] | None = None
        for event in found:
            score = event.affinity(draft)
            if best is None or score > best[0]:
                best = (score, event)
        return best[1] if best is not None and best[0] >= JOIN_ONLY_BAR else None

    def candidates(self, draft: Draft, horizon: int) -> list[Draft]:
        """The events ``draft`` may join, in order of making: of its type, and for a body
        mention told in the last ``window`` sentences, or in the lead. Events that end
        before ``horizon`` (no later body mention is that near them) are let go."""
        if draft.trigger.caption is not None:
            return list(self.by_type.get(draft.plover, ()))
        recent = self.recent.get(draft.plover, {})
        for key in [k for k, e in recent.items() if e.last_sentence_rank < horizon]:
            del recent[key]
        cutoff = draft.sentence_rank - self.window
        found = {id(e): e for e in recent.values() if e.last_sentence_rank >= cutoff}
        found.update((id(e), e) for e in self.leads.get(draft.plover, ()))
        return sorted(found.values(), key=lambda e: self.number[id(e)])


def merge(
    drafts: list[Draft],
    *,
    threshold: float,
    window: int = MERGE_WINDOW,
    apart: KeepApart | None = None,
) -> list[Draft]:
    """The drafts of one document merged into events, in order of first mention.

    A body mention is weighed only against the events of its type told in the last
    ``window`` sentences and those of the lead (the distance already costs an event two
    points past 20 sentences; a news article is shorter than the window, so for it nothing
    changes). A long report would otherwise compare every mention with every event.
    """
    events = _Events(window)
    apart = keep_apart() if apart is None else apart
    # The nearest sentence any later body draft can be in: an event last told more than
    # ``window`` sentences before it is never a candidate again (unless syntax ties it).
    horizon = [0] * len(drafts)
    lowest = 10**12
    for n in range(len(drafts) - 1, -1, -1):
        if drafts[n].trigger.caption is None:
            lowest = min(lowest, drafts[n].sentence_rank)
        horizon[n] = lowest - window
    for n, draft in enumerate(drafts):
        linked = events.linked(draft)
        if linked is not None:
            events.absorb(linked, draft)
            continue
        whole = events.whole_of(draft)
        if whole is not None:
            events.absorb(whole, draft)
            continue
        fitting = [
            e
            for e in events.candidates(draft, horizon[n])
            if e.fits(draft) and not apart.clash(e, draft) and not _told_apart(e, draft)
        ]
        best: tuple[float, Draft] | None = None
        latest = max(fitting, key=lambda e: e.last_order, default=None)
        for event in fitting:
            score = event.affinity(draft)
            near = draft.sentence_rank - event.last_sentence_rank <= 3
            # The other side's answer told in the same sentence as the event it answers
            # ("gunmen stormed a hotel ..., and troops were fighting") is no nearer to what
            # follows ("12 people had been killed") than that event.
            answered = (
                latest is not None
                and latest.response
                and not event.response
                and event.last_sentence_rank == latest.last_sentence_rank
            )
            if (event is latest or answered) and near and not draft.new_incident:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, event)
        if best is not None and best[0] >= threshold:
            events.absorb(best[1], draft)
        elif draft.casualty_only or draft.anaphor_only:
            if best is not None and best[0] >= JOIN_ONLY_BAR:
                events.absorb(best[1], draft)  # deaths told near an assault are its deaths
        else:
            events.add(draft)
    return events.events


def _told_apart(event: Draft, draft: Draft) -> bool:
    """Whether the text tells ``draft`` as another incident than ``event`` ("The attack came
    two days after Monday's bombing"). A word that only names an event told elsewhere ("25
    days after a previous guerrilla action") or a death makes no event of its own: keeping
    it apart would only drop it (and what it tells of its doers), so it is never kept apart."""
    if draft.anaphor_only or draft.casualty_only:
        return False
    return bool(event.apart_keys & draft.mention_keys or draft.apart_keys & event.mention_keys)


def opposing(events: list[Draft]) -> None:
    """A fight against another event ("security forces were fighting to end the siege", the
    siege a part of the gunmen's storming) with no other side of its own takes that event's
    first agent as it, unless the two share one."""
    for event in events:
        if event.opposes is None or event.patients:
            continue
        for other in events:
            if other is event or event.opposes not in other.mention_keys or not other.agents:
                continue
            if not _shared(event.agents, other.agents, specific_only=False):
                event.patients = other.agents[:1]
            break


def best_count(found: list[Casualties]) -> Casualties | None:
    """The most specific count: an exact figure, then approximate, then vague; the larger
    figure among equals (a later detail adds to a lead's "dozens")."""
    if not found:
        return None

    def key(item: Casualties) -> tuple[int, int]:
        count = item.count
        value = count.best if count.best is not None else (count.low or 0)
        return item.rank, value

    return max(found, key=key)
