"""Stage ``dateline.events.v1``: event records in PLOVER and ACLED terms, with evidence.

For each event mention found in the body and the photo captions (``detect``), a draft
event is built from the other layers, through their functions only:

* actors: ``actors.role``/``actors.referent`` turn each argument phrase into a Role (a
  pronoun nobody resolves is left out: it names no one);
* place: ``places.locate`` on the clause of the trigger;
* date: the event's own time expression (``times.times_in`` on its clause, a time on a
  reporting verb excluded); else a range of ``[events] undated_window_days`` ending at the
  time of the statement that reports it ("said Thursday"), else at the news day of the
  lead, else at the publication date;
* certainty and source: the modality of the clause (``modality``) first, then the claim
  that covers the trigger (``claims.claim_for``); asserted otherwise;
* fatalities and injured: the counts of the people a killing or injuring trigger acts on
  (``casualties``).

Drafts are then merged into one event per occurrence (``merge``), given their ACLED type
(``acled``), turned into records with stable ids, and each claim lists the events it
reports (``Claim.event_ids``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Literal, cast

from ..config import Config, EventsSettings
from ..document import Document
from ..nlp import actors, claims, places, times
from ..nlp.actor_dictionary import cached_dictionary
from ..nlp.mentions import word_lists
from ..records import (
    Certainty,
    Count,
    Entity,
    Event,
    EventDate,
    EventMention,
    Location,
    Named,
    Place,
    Role,
    Source,
    Span,
    Time,
    assign_ids,
)
from ..registry import Stage, stages
from . import locations, salience
from .acled import acled_type
from .capitals import capital_location
from .detect import Arg, Casualty, Detector, Mention
from .lexicon import Lexicon, lexicon
from .merge import UNREAL, Actor, Casualties, Draft, best_count, merge, opposing
from .modality import HYPOTHETICAL, NEGATED, UNCONFIRMED
from .syntax import char_bounds, is_passive, is_verbal, np_bounds, one_more, preps

Token = Any
PRONOUN_TAGS = ("PRP", "PRP$", "WP", "WDT", "DT", "EX")
# Sector codes (the actors layer's Entity.sector) of news media: they report, never act.
MEDIA_SECTORS = frozenset({"MED"})
# Event types done together: two parties and no one acted on make a dyad.
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Modifiers that say the people acted on are not those of an earlier mention.
OTHER_WORDS = frozenset({"other", "another", "further", "additional", "more"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_NON_WORD = re.compile(r"[^\w]+")
# Between two names of a list: ", 42; ", ", ", "; and ", " and " (an age may follow a name).
_LIST_GAP = re.compile(r"(?:,\s*\d{1,3})?\s*(?:[,;]\s*(?:and\s+)?|and\s+)")
_TITLE_RUN = re.compile(r"([A-Za-z]+\.?)\s+")
# A comma, then the names of the people a description just told ("two reporters, X and Y").
_APPOSED = re.compile(r",\s*")


def _intervened(events: list[Event]) -> None:
    """A protest whose people the same report says were dispersed with crowd-control force
    or arrested is ACLED's "Protest with intervention"; if that force killed, "Excessive
    force against protesters" (shared/eval/acled.md)."""
    for protest in events:
        if protest.plover != "PROTEST" or protest.acled_sub_event_type != "Peaceful protest":
            continue
        sides = [a for a in (protest.actor1, *protest.assoc_actor1) if a]
        people = {a.entity_id for a in sides if a.entity_id}
        told = [(e.caption, e.start, e.end) for a in sides for e in a.evidence]
        for force in events:
            if (force.plover, force.mode) not in INTERVENTIONS or force.certainty in UNREAL:
                continue
            targets = [a for a in (force.actor2, *force.assoc_actor2) if a]
            hit = {a.entity_id for a in targets if a.entity_id}
            # "dispersed dozens of the students who were protesting": the protesters told
            # inside the phrase of those the force was used on
            inside = any(
                e.caption == caption and e.start <= start and end <= e.end
                for a in targets
                for e in a.evidence
                for caption, start, end in told
            )
            if not people & hit and not inside:
                continue
            dead = force.fatalities is not None and (
                (force.fatalities.best or 0) > 0 or (force.fatalities.low or 0) > 0
            )
            protest.acled_sub_event_type = (
                "Excessive force against protesters" if dead else "Protest with intervention"
            )
            if dead:
                break


def _bare_participle(verb: Token) -> bool:
    """A participle clause with no subject or linking word of its own, told alongside the
    verb it hangs on ("..., demanding salaries", "..., killing nine people")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBG", "VBN")
        and is_verbal(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "csubj") for c in verb.children)
    )


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class EventCoder:
    """Codes the events of a Document (reads its parse and the other layers' records)."""

    def __init__(self, settings: EventsSettings, lex: Lexicon | None = None) -> None:
        self.settings = settings
        self.lex = lex or lexicon()
        self.detector = Detector(self.lex)
        self.reporting = frozenset(self.lex.modality["reporting"]["verbs"])
        self.titles = word_lists()["titles"] | self.lex.context.get("titles", frozenset())

    def __call__(self, doc: Document) -> Document:
        doc.events = self.code(doc)
        return doc

    # -- the document ---------------------------------------------------------------------
    def code(self, doc: Document) -> list[Event]:
        """The events of one document, merged, with stable ids; claims get their event ids."""
        parts: list[tuple[int | None, Any]] = [(None, doc.sdoc)]
        if self.settings.caption_events:
            parts += list(enumerate(doc.caption_sdocs))
        published = times.anchor_day(doc)
        news_day = self._news_day(doc, published)
        drafts: list[Draft] = []
        lead_rank = self._lead_rank(doc)
        rank = 0
        for caption, sdoc in parts:
            if sdoc is None:
                continue
            ranks = {s.start: n for n, s in enumerate(sdoc.sents, start=rank)}
            rank += len(ranks) + 3  # captions are never next to the body
            for mention in self.detector.mentions(sdoc):
                draft = self._draft(doc, sdoc, caption, mention, news_day or published)
                if draft is not None:
                    draft.sentence_rank = ranks[mention.token.sent.start]
                    draft.last_sentence_rank = draft.sentence_rank
                    draft.new_incident = self._new_incident(
                        mention.token, one_more_counts=not mention.casualty_only
                    )
                    draft.casualty_only = mention.casualty_only
                    draft.of_wounds = mention.casualty_only and self._of_wounds(mention)
                    draft.anaphor_only = mention.sense.anaphor
                    draft.other_people = any(
                        c.lower_ in OTHER_WORDS
                        for a in mention.patients
                        # "X, five other priests and two women were killed": other than
                        # X of the same telling, not other than those told before.
                        if a.head.dep_ != "conj"
                        for c in a.head.children
                    )
                    draft.lead = caption is None and draft.sentence_rank == lead_rank
                    if caption is None:
                        self._part(draft, mention)
                    drafts.append(draft)
        merged = merge(
            _casualties_after_their_event(drafts), threshold=self.settings.merge_threshold
        )
        opposing(merged)
        events = [self._record(draft) for draft in merged]
        self._fighters_group(doc, events)
        assign_ids(events, "ev")
        self._salience(doc, events, merged)
        self._inherit_attackers(doc, events, merged)
        self._their_organisations(doc, events, merged)
        self._identified_victims(doc, events, merged)
        self._listed_victims(doc, events)
        _intervened(events)
        # Last: the salience model and the actors read the place the clauses give.
        self._refine_locations(doc, events, merged)
        by_claim: dict[str, list[str]] = {}
        for event, draft in zip(events, merged, strict=True):
            for claim_id in draft.claim_ids:
                by_claim.setdefault(claim_id, []).append(event.id)
        for claim in doc.claims:
            if claim.id in by_claim:
                claim.event_ids = sorted(set(claim.event_ids) | set(by_claim[claim.id]))
        return events

    def _part(self, draft: Draft, mention: Mention) -> None:
        """Whether a mention tells a part of another event (its sense's ``part_of`` types):
        it points back at one ("to end the siege"), is done by people who take part in such
        an event ("the demonstrators blocked a road": [participants]), or is a participle
        clause of another trigger ("marched ..., blocking roads"); coding/merge.py."""
        types = mention.sense.part_of
        if not types:
            return
        token = mention.token
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            draft.part_head = (None, token.head.i)
            draft.part_of = types
            return
        # "the siege" points back; "the siege of the city" names a siege of its own.
        pointing = (
            mention.entry.kind == "noun"
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
            and not any(p == "of" for p, _ in preps(token))
        )
        if pointing:
            draft.part_of = types
            return
        heads = {w for arg in mention.agents for w in (arg.head.lower_, _lemma_of(arg.head))}
        draft.part_of = frozenset(
            t for t in types if heads & self.lex.participants.get(t, frozenset())
        )

    def _refine_locations(self, doc: Document, events: list[Event], merged: list[Draft]) -> None:
        """Locations the merged events' neighbourhood tells (coding/locations.py)."""
        heads = self.lex.place_heads

        def prep_of(doc: Document, mention: Span) -> str | None:
            # A place word that names who acted ("the Medellin cartel") locates nothing.
            if _misread_place(doc, mention, 0, 0, [], heads):
                return None
            return _prep_of(doc, mention)

        before = [d.location for d in merged]
        locations.refine(
            doc,
            merged,
            window=self.settings.location_window_sentences,
            dateline_country=self.settings.dateline_country,
            prep_of=prep_of,
            locative=LOCATIVE_PREPS,
            generic=self.lex.context.get("location_generic", frozenset()),
        )
        for event, draft, old in zip(events, merged, before, strict=True):
            if draft.location is not None and draft.location is not old:
                event.location = _with_place_word(doc, draft.location, heads)

    def _fighters_group(self, doc: Document, events: list[Event]) -> None:
        """Fighters told by a common noun only ("the guerrillas", "urban commandos") act for
        the armed opposition group the report names, when it names one such group and no
        other: the group joins their side with its first mention as evidence."""
        fighters = self.lex.context.get("rebel_fighters", frozenset())
        groups = [
            e
            for e in doc.entities
            if e.named
            and e.label == "ORG"
            and e.actor_type == "rebel_groups"
            and any(m.caption is None for m in e.mentions)
        ]
        told: dict[str, int] = {}
        for e in groups:
            key = (e.canonical or e.name).lower()
            told[key] = told.get(key, 0) + len(e.mentions)
        ranked = sorted(told.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
            return
        top = max(told, key=lambda k: told[k])
        group = max(
            (e for e in groups if (e.canonical or e.name).lower() == top),
            key=lambda e: len(e.mentions),
        )
        body = [m for m in group.mentions if m.caption is None]
        mention = next((m for m in body if m.text.lower() == group.name.lower()), body[0])
        named = {e.id for e in doc.entities if e.named}
        for event in events:
            side = [r for r in (event.actor1, *event.assoc_actor1) if r is not None]
            generic = [_last_word(r.name) in fighters for r in side]
            if not any(generic) or any(
                r.entity_id in named and not g for r, g in zip(side, generic, strict=True)
            ):
                continue  # no fighters, or an organisation or a person named on this side
            event.assoc_actor1.append(
                Role(
                    name=group.name,
                    canonical=group.canonical,
                    entity_id=group.id,
                    actor_type=group.actor_type,
                    country=group.country,
                    evidence=[mention],
                )
            )

    def _inherit_attackers(self, doc: Document, events: list[Event], merged: list[Draft]) -> None:
        """An attack whose own clauses name no attacker ("two bombs were thrown at ...", "the
        judge was killed") was done by the attackers the report names nearby: those of the
        attack told just before it ("terrorists bombed the embassies"), else the attackers a
        nearby sentence tells by what they did ("the gunmen fled"). The event takes that side
        with its own evidence, unless its clause says otherwise (negated or hypothetical, or
        one of those attackers is among the people it acts on) or its date is apart from
        theirs ("In February, people protested against a wave of kidnappings" after Friday's
        clash is another incident)."""
        kinds = self.lex.context.get("inherit_attackers", frozenset())
        window = self.settings.attacker_window_sentences
        if not kinds or window <= 0 or doc.sdoc is None:
            return
        sents = list(doc.sdoc.sents)
        body = sorted(
            (pair for pair in zip(events, merged, strict=True) if pair[1].sentence >= 0),
            key=lambda pair: pair[1].order,
        )
        unreal = (NEGATED, HYPOTHETICAL)
        self._attacks_told_after(doc, body, self.settings.attacks_named_after_window_sentences)
        donor: tuple[Event, Draft] | None = None
        for event, draft in body:
            if event.plover not in kinds or event.certainty in unreal:
                continue
            if event.actor1 is not None:
                donor = (event, draft)
                continue
            acted_on = {
                r.entity_id or r.name.lower() for r in (event.actor2, *event.assoc_actor2) if r
            }
            side: list[Role] = []
            if (
                donor is not None
                and draft.sentence_rank - donor[1].last_sentence_rank <= window
                and not _disjoint_dates(event, donor[0])
            ):
                side = [
                    r
                    for r in (donor[0].actor1, *donor[0].assoc_actor1)
                    if r is not None
                    and (r.entity_id or r.name.lower()) not in acted_on
                    and _armed_role(r, self.lex)
                    # Unnamed attackers ("gunmen") of an attack in another town, both told
                    # in their own clauses, are that attack's, not this one's; a side with a
                    # named group in it (canonical: "terrorists" with the Shining Path) is
                    # one group's attacks on several towns, as MUC-4 reports tell them
                    # (checking every side's town cost MUC-4 dev TF .493 -> .492).
                    and (
                        any(
                            d is not None and d.canonical
                            for d in (donor[0].actor1, *donor[0].assoc_actor1)
                        )
                        or not (_attached(event, donor[0]) and _apart_places(event, donor[0]))
                    )
                ]
            if not side:
                # Attackers a nearby sentence names by a word for attackers, not from one
                # that tells an incident of another date or town, each told in both
                # events' own clauses (a date or place only inherited says nothing). (A
                # named donor above may be in another town: one group's attacks on several
                # towns, as MUC-4 reports tell them; a town check there cost MUC-4 dev TF
                # .494 -> .490.)
                # The sentence before it that an incident is first told in (the sentences
                # after an attack tell how it went on, whatever date a part of it got).
                apart = {
                    told_in.sentence_rank
                    for other, told_in in body
                    if told_in.sentence_rank < draft.sentence_rank
                    and (
                        (draft.date_own and told_in.date_own and _disjoint_dates(event, other))
                        or (_attached(event, other) and _apart_places(event, other))
                    )
                }
                told = self._attackers_told(doc, sents, draft, window, apart)
                side = (
                    [told] if told and (told.entity_id or told.name.lower()) not in acted_on else []
                )
            if side:
                event.actor1 = side[0].model_copy()
                event.assoc_actor1 = [r.model_copy() for r in side[1:]]

    def _attacks_told_after(
        self, doc: Document, body: list[tuple[Event, Draft]], window: int
    ) -> None:
        """The attacks told before a sentence that names who did "the attacks" ("authorities
        attribute the attacks to drug traffickers", "the attacks were carried out by X"): a
        plural event noun with a definite determiner points back at all of them, and each
        one whose own clauses name no attacker takes that side, with its evidence."""
        kinds = self.lex.context.get("inherit_attackers", frozenset())
        unreal = (NEGATED, HYPOTHETICAL)
        if doc.sdoc is None or window <= 0:
            return
        rank_of = {s.start: n for n, s in enumerate(doc.sdoc.sents)}
        for donor, told in body:
            if donor.actor1 is None or donor.plover not in kinds or donor.certainty in unreal:
                continue
            side = [r for r in (donor.actor1, *donor.assoc_actor1) if r is not None]
            if not any(_armed_role(r, self.lex) for r in side):
                continue
            # Its tellings as "the attacks" (one may have joined the last attack told).
            pointing = [
                doc.sdoc[i]
                for caption, i in sorted(told.mention_keys)
                if caption is None
                and i < len(doc.sdoc)
                and doc.sdoc[i].tag_ == "NNS"
                and any(
                    c.dep_ in ("det", "poss") and c.lower_ in THESE_ATTACKS
                    for c in doc.sdoc[i].children
                )
            ]
            for token in pointing:
                # Only a noun that a clause tells who did ("attribute the attacks to X",
                # "X carried out the attacks"), not one whose own phrase names its sides
                # ("the clashes between the army and guerrillas", "the guerrilla attacks").
                first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
                if token.dep_ not in CLAUSE_ARGS or any(
                    first <= e.start and e.end <= last
                    for r in side
                    for e in r.evidence
                    if e.caption is None
                ):
                    continue
                rank = rank_of[token.sent.start]
                for event, draft in body:
                    if (
                        event is donor
                        or event.actor1 is not None
                        or event.plover != donor.plover
                        or event.certainty in unreal
                        or draft.order >= token.i
                        or rank - draft.last_sentence_rank > window
                    ):
                        continue
                    acted_on = {
                        r.entity_id or r.name.lower()
                        for r in (event.actor2, *event.assoc_actor2)
                        if r
                    }
                    if any((r.entity_id or r.name.lower()) in acted_on for r in side):
                        continue
                    event.actor1 = side[0].model_copy()
                    event.assoc_actor1 = [r.model_copy() for r in side[1:]]

    def _their_organisations(self, doc: Document, events: list[Event], merged: list[Draft]) -> None:
        """An organisation named inside the phrase that tells who acted ("members of the
        8th front", "a cell of the ELN", "cartel boss X", "officers of the armed forces"), or
        one the attackers are said to belong to ("the killers belong to the ELN"), is the one
        they act for: it joins their side, with its mention as evidence."""
        kinds = self.lex.context.get("inherit_attackers", frozenset())
        groups = [e for e in doc.entities if e.label == "ORG" and e.sector not in MEDIA_SECTORS]
        if not kinds or not groups:
            return
        sents = list(doc.sdoc.sents) if doc.sdoc is not None else []
        for event, draft in zip(events, merged, strict=True):
            if event.plover not in kinds or event.actor1 is None:
                continue
            side = [event.actor1, *event.assoc_actor1]
            taken = {r.entity_id for r in side if r.entity_id}
            taken |= {r.entity_id for r in (event.actor2, *event.assoc_actor2) if r and r.entity_id}
            for group_role in self._belongs_to(doc, self._attacker_heads(doc, sents, side, draft)):
                if group_role.entity_id and group_role.entity_id not in taken:
                    event.assoc_actor1.append(group_role)
                    taken.add(group_role.entity_id)
            for role in list(side):
                for span in role.evidence:
                    if span.caption is not None:
                        continue
                    for group in groups:
                        if group.id in taken:
                            continue
                        inner = next(
                            (
                                m
                                for m in group.mentions
                                if m.caption is None
                                and span.start <= m.start
                                and m.end <= span.end
                                and (m.start, m.end) != (span.start, span.end)
                                # "the IRA's Belfast brigade": the owner names the unit,
                                # which WikiEvents dev keys alone; "a cell of the ELN" does not.
                                and doc.text[m.end : m.end + 1] not in ("'", "\u2019")
                            ),
                            None,
                        )
                        if inner is None:
                            continue
                        found = actors.role(doc, inner.start, inner.end)
                        if (
                            found is not None
                            and found.entity_id == group.id
                            and _armed_role(found, self.lex)
                        ):
                            event.assoc_actor1.append(found)
                            taken.add(group.id)

    def _listed_victims(self, doc: Document, events: list[Event]) -> None:
        """The people listed after a named victim are victims too: "killing maria pulido,
        42; pilar pulido, 19; and efrain rincon" (the parser loses such lists at the ages
        and semicolons). Only names that follow one another, separated by commas,
        semicolons, ages, titles or "and"."""
        people = sorted(
            (
                (m.start, m.end, e)
                for e in doc.entities
                if e.label == "PERSON" and e.named
                for m in e.mentions
                if m.caption is None
            ),
            key=lambda item: item[0],
        )
        if not people:
            return
        starts = {start: (end, entity) for start, end, entity in people}
        for event in events:
            if event.plover != "ASSAULT" or event.actor2 is None:
                continue
            sides = (event.actor1, *event.assoc_actor1, event.actor2, *event.assoc_actor2)
            taken = {r.entity_id for r in sides if r is not None and r.entity_id}
            for victim in [event.actor2, *event.assoc_actor2]:
                told = [
                    end
                    for start, end, entity in people
                    if entity.id == victim.entity_id
                    and any(
                        e.caption is None and e.start < end and start < e.end
                        for e in victim.evidence
                    )
                ]
                if not told:
                    # People described, then named in apposition: "killed two reporters,
                    # roberto navas and mauricio pineda".
                    told = [
                        e.end
                        for e in victim.evidence
                        if e.caption is None and self._apposed_name(doc, e.end, starts)
                    ]
                for at in told:
                    while True:
                        m = _LIST_GAP.match(doc.text, at)
                        if m is None:
                            break
                        nxt = m.end()
                        words = _TITLE_RUN.match(doc.text, nxt)
                        while words is not None and words.group(1).lower() in self.titles:
                            nxt = words.end()
                            words = _TITLE_RUN.match(doc.text, nxt)
                        if nxt not in starts or m.end() == at:
                            break
                        end, entity = starts[nxt]
                        if entity.id not in taken:
                            found = actors.role(doc, nxt, end)
                            if found is not None:
                                event.assoc_actor2.append(found)
                                taken.add(entity.id)
                        at = end

    def _apposed_name(self, doc: Document, at: int, starts: dict[int, tuple[int, Any]]) -> bool:
        """Whether a named person's mention follows ``at`` after a comma (titles skipped)
        and is no subject of its own clause ("two soldiers, colonel perez said")."""
        m = _APPOSED.match(doc.text, at)
        if m is None:
            return False
        nxt = m.end()
        words = _TITLE_RUN.match(doc.text, nxt)
        while words is not None and words.group(1).lower() in self.titles:
            nxt = words.end()
            words = _TITLE_RUN.match(doc.text, nxt)
        if nxt not in starts or doc.sdoc is None:
            return False
        span = doc.sdoc.char_span(nxt, starts[nxt][0], alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        while head.dep_ in ("compound", "flat") and head.head is not head:
            head = head.head
        return head.dep_ not in ("nsubj", "nsubjpass", "csubj")

    def _identified_victims(self, doc: Document, events: list[Event], merged: list[Draft]) -> None:
        """People a later sentence names as an attack's victims ("the victims were
        identified as X and Y", "one of the dead was identified as X") are acted on by the
        attack told last before it (within ``[events] attacker_window_sentences``)."""
        nouns = self.lex.context.get("victim_nouns", frozenset())
        window = self.settings.attacker_window_sentences
        if not nouns or window <= 0 or doc.sdoc is None:
            return
        people = [
            (m, e)
            for e in doc.entities
            if e.label == "PERSON" and e.named
            for m in e.mentions
            if m.caption is None
        ]
        if not people:
            return
        sents = list(doc.sdoc.sents)
        body = [
            (event, draft)
            for event, draft in zip(events, merged, strict=True)
            if draft.sentence >= 0 and event.plover == "ASSAULT" and event.certainty != NEGATED
        ]
        for rank, sent in enumerate(sents):
            for verb in sent:
                if verb.lemma_.lower() != "identify" or not is_passive(verb):
                    continue
                subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
                told = [
                    t
                    for subject in subjects
                    for t in (subject, *(o for p, o in preps(subject) if p == "of"))
                ]
                own = {
                    r.name.lower().split()[-1]
                    for event, _ in body
                    for r in (event.actor2, *event.assoc_actor2)
                    if r is not None and r.name.split()
                }
                if not any(t.lower_ in nouns or t.lower_ in own for t in told):
                    continue
                marker = next(
                    (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None
                )
                if marker is None:
                    continue
                start, end = marker.idx + len(marker.text), sent.end_char
                named = [(m, e) for m, e in people if start <= m.start and m.end <= end]
                before = [
                    (event, draft)
                    for event, draft in body
                    if draft.sentence_rank <= rank <= draft.last_sentence_rank + window
                ]
                if not named or not before:
                    continue
                event = max(before, key=lambda pair: pair[1].last_sentence_rank)[0]
                sides = (event.actor1, *event.assoc_actor1, event.actor2, *event.assoc_actor2)
                taken = {r.entity_id for r in sides if r is not None and r.entity_id}
                for mention, entity in named:
                    if entity.id in taken:
                        continue
                    found = actors.role(doc, mention.start, mention.end)
                    if found is None:
                        continue
                    if event.actor2 is None:
                        event.actor2 = found
                    else:
                        event.assoc_actor2.append(found)
                    taken.add(entity.id)

    def _attacker_heads(
        self, doc: Document, sents: list[Any], side: list[Role], draft: Draft
    ) -> list[Token]:
        """The words that tell the attackers of an event: the heads of its actors' body
        evidence, and the subjects in the sentences after it that name attackers by a word
        for attackers or by their own head word ("the killers", "the gunmen")."""
        heads: list[Token] = []
        words = set(self.lex.context.get("attacker_nouns", frozenset()))
        for role in side:
            for span in role.evidence:
                token = _mention_token(doc, span) if span.caption is None else None
                if token is not None:
                    heads.append(token)
                    if token.pos_ in ("NOUN", "PROPN"):
                        words.add(token.lower_)
        if draft.sentence < 0 or not sents:
            return heads
        window = self.settings.attacker_window_sentences
        last = min(len(sents) - 1, draft.last_sentence_rank + window)
        for n in range(max(0, draft.sentence_rank), last + 1):
            for token in sents[n]:
                if token.dep_ == "nsubj" and token.lower_ in words and token not in heads:
                    heads.append(token)
        return heads

    def _belongs_to(self, doc: Document, heads: list[Token]) -> list[Role]:
        """The organisations the people told by ``heads`` are said to belong to: "the killers
        belong to the ELN", "three men who belong to the ELN", "the attackers are members
        of the FMLN" (armed organisations only)."""
        verbs = self.lex.context.get("belong_verbs", frozenset())
        members = self.lex.context.get("member_nouns", frozenset())
        if not verbs:
            return []
        found: list[Role] = []
        for token in heads:
            objects: list[Token] = []
            clauses = [c for c in token.children if c.dep_ == "relcl"]
            if token.dep_ == "nsubj":
                clauses.append(token.head)
            for verb in clauses:
                lemma = verb.lemma_.lower()
                if lemma in verbs:
                    objects += [o for p, o in preps(verb) if p == "to"]
                elif lemma == "be":
                    for attr in verb.children:
                        if attr.dep_ == "attr" and attr.lemma_.lower() in members:
                            objects += [o for p, o in preps(attr) if p == "of"]
            for obj in objects:
                start, end = np_bounds(obj)
                first, last = char_bounds(obj.doc, start, end)
                group = actors.role(doc, first, last)
                if group is not None and group.entity_id and _armed_role(group, self.lex):
                    found.append(group)
        return found

    def _attackers_told(
        self, doc: Document, sents: list[Any], draft: Draft, window: int, apart: set[int]
    ) -> Role | None:
        """The attackers a sentence near an event names by a word for attackers as the one
        who acts ("the assailants fled", "shot by the gunmen"): its own sentence first, then
        the nearest, the later one first on a tie; never a sentence (``apart``) that tells an
        incident of another date or place ("Gunmen killed five in Dikwa on Sunday. In
        March's attack in Monguno, ...")."""
        nouns = self.lex.context.get("attacker_nouns", frozenset())
        first, last = draft.sentence_rank, draft.last_sentence_rank
        order = [first] + [n for d in range(1, window + 1) for n in (last + d, first - d)]
        for n in order:
            if not 0 <= n < len(sents) or n in apart:
                continue
            for token in sents[n]:
                if token.lemma_.lower() not in nouns and token.lower_ not in nouns:
                    continue
                acting = token.dep_ == "nsubj" or (
                    token.dep_ == "pobj" and token.head.dep_ == "agent"
                )
                if not acting or any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
                    continue
                start = token.left_edge.idx
                found = actors.role(doc, start, token.idx + len(token.text))
                if found is not None:
                    return found
        return None

    def _salience(self, doc: Document, events: list[Event], merged: list[Draft]) -> None:
        """How likely each event is a specific incident the report tells (``salience``);
        an event told only as the matter of a legal or investigative act ("charged with the
        murder of X") is background, at most ``[background] salience_cap``."""
        judge = salience.model()
        ctx = salience.document_context(doc, judge.scope, events)
        judge.annotate(events, ctx)
        cap = self.lex.modality.get("background", {}).get("salience_cap")
        if cap is None:
            return
        for event, draft in zip(events, merged, strict=True):
            if draft.background and event.salience is not None:
                event.salience = min(event.salience, float(cap))

    @staticmethod
    def _lead_rank(doc: Document) -> int:
        """The position of the lead: the first sentence of the body that is not a header
        line (a headline or a wire header has no verb)."""
        if doc.sdoc is None:
            return -1
        for n, sent in enumerate(doc.sdoc.sents):
            if any(t.pos_ == "VERB" for t in sent) and len(sent) > 6:
                return n
        return -1

    def _of_wounds(self, mention: Mention) -> bool:
        """Whether a word of death says the person died of wounds ("died of his injuries",
        "succumbed to her wounds"): the death of an earlier assault's casualty."""
        if mention.sense.outcome != "killed":
            return False
        wounds = self.lex.casualty.get("injured_nouns", frozenset())
        found = list(preps(mention.token))
        # "died in 1977 of injuries": the parser may hang the cause on the date before it.
        found += [pair for _, obj in found for pair in preps(obj)]
        return any(
            prep in ("of", "from", "to") and obj.lemma_.lower() in wounds for prep, obj in found
        )

    def _new_incident(self, token: Token, *, one_more_counts: bool = True) -> bool:
        """Whether the trigger's sentence opens with a marker of another incident; with
        ``one_more_counts``, also whether the trigger or its people are told as one more of
        their kind. Not for a word that only tells deaths or injuries: "a fifth officer died
        of his wounds", "another soldier died" tell one more casualty, of the incident told
        before, as such a word never makes an incident of its own."""
        sent = token.sent
        opening = " ".join(t.lower_ for t in sent[:4] if not t.is_space)
        markers = self.lex.context.get("new_incident", frozenset())
        if any(t.lower_ in ("separately", "elsewhere") for t in sent):
            return True  # "Chad's army said separately that ..."
        if any(opening == m or opening.startswith(m + " ") for m in markers):
            return True
        if not one_more_counts:
            return False
        # "another bomb exploded", "other attacks", "another guerrilla column attacked": the
        # trigger, or the thing or people that make it, told as one more of its kind.
        heads = [token] + [c for c in token.children if c.dep_ in ARGUMENT_DEPS]
        return any(one_more(head) for head in heads)

    def _news_day(self, doc: Document, published: dt.date | None) -> dt.date | None:
        """The day the lead's statement was made ("..., an official said Thursday"), when it
        is a day of the week before publication: undated events of the story end there."""
        sdoc = doc.sdoc
        if sdoc is None or published is None:
            return None
        sents = [s for s in sdoc.sents if s.text.strip()]
        for sent in sents[:3]:
            for token in sent:
                if token.lemma_.lower() in self.reporting and is_verbal(token):
                    time = self._statement_time(doc, token, None)
                    day = _day(
                        time.latest if time and time.latest else time.value if time else None
                    )
                    if (
                        day is not None
                        and time is not None
                        and time.precision == "day"
                        and published - dt.timedelta(days=self.settings.news_day_max_days)
                        <= day
                        <= published
                    ):
                        return day
        return None

    # -- one mention -------------------------------------------------------------------------
    def _draft(
        self,
        doc: Document,
        sdoc: Any,
        caption: int | None,
        mention: Mention,
        anchor_day: dt.date | None,
    ) -> Draft | None:
        token = mention.token
        clause_head = self._clause_head(token)
        clause_start, clause_end = _clause_bounds(clause_head, token)
        sentence = token.sent
        certainty, source, claim_ids = self._certainty(doc, caption, mention)
        agents = [a for a in (self._actor(doc, caption, arg) for arg in mention.agents) if a]
        patients = [a for a in (self._actor(doc, caption, arg) for arg in mention.patients) if a]
        if mention.undergoer:
            patients = agents + patients
            agents = []
        if mention.claimed_by_agent and agents and certainty == "asserted":
            certainty = "claimed"
            source = Source(
                name=agents[0].role.name,
                entity_id=agents[0].role.entity_id,
                evidence=agents[0].role.evidence[:1],
            )
        # Place words inside an actor's phrase ("the US-led coalition", "Iraqi troops") say
        # who acted, not where: they are no event location.
        actor_spans = [
            (arg.start, arg.end)
            for arg in (*mention.agents, *mention.patients)
            if arg.kind != "place"
        ]
        # "came two days after Monday's bombing in Gwoza": the other incident's phrase gives
        # this event neither its place nor its date (the date is reckoned from it).
        anchor = _since_anchor(token, mention.since)
        place_start, place_end = clause_start, clause_end
        if anchor is not None:
            if anchor[0] >= mention.end:
                place_end = min(place_end, max(place_start, anchor[2]))
            elif anchor[1] <= mention.start:
                place_start = max(place_start, min(place_end, anchor[1]))
        location, attached = self._location(
            doc, caption, place_start, place_end, sentence, actor_spans
        )
        if (
            anchor is not None
            and location is not None
            and all(
                e.caption == caption and anchor[0] <= e.start and e.end <= anchor[1]
                for e in location.evidence
            )
        ):
            location, attached = None, False  # the sentence's place is the other incident's
        capital = self._capital(doc, caption, mention)
        if capital is not None and (
            location is None
            or not attached
            or (location.precision in COARSE and location.country in (None, capital.country))
        ):
            location, attached = capital, True
        date, own = self._date(doc, caption, mention, clause_head, anchor_day, anchor)
        sent_index = sentence.start if caption is None else -1 - caption
        evidence = [
            doc.span(clause_start, clause_end, caption=caption),
        ]
        key = (caption, token.i)
        links = {(caption, i) for i in mention.links}
        continuation = self.lex.context.get("continuation", frozenset())
        # "Two civilians were also killed": more people, added to the count told before.
        also = any(c.lower_ in continuation for c in token.children if c.dep_ == "advmod")
        # "charged with the murder of X" points back at the murder, told or not.
        anaphoric = mention.anaphoric or also or mention.background
        anaphoric = (
            anaphoric
            or mention.entry.kind == "noun"
            and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                for c in token.children
            )
        )
        draft = Draft(
            plover=mention.plover,
            mode=mention.mode,
            acled=mention.acled or mention.sense.acled,
            trigger=doc.span(mention.start, mention.end, caption=caption),
            sentence=sent_index,
            order=token.i if caption is None else 10**7 + token.i,
            certainty=certainty,
            source=source,
            claim_ids=claim_ids,
            agents=agents,
            patients=patients,
            targets=[
                self._named(doc, caption, arg)
                for arg in mention.targets
                if arg.head.pos_ != "PRON"  # "it", "that": no thing named
            ],
            weapons=[self._named(doc, caption, arg) for arg in mention.weapons],
            killed=_added(self._casualties(doc, caption, mention.casualties, "killed"), also),
            injured=_added(self._casualties(doc, caption, mention.casualties, "injured"), also),
            location=location,
            location_attached=attached,
            date=date,
            date_own=own,
            evidence=evidence,
            mentions=self._mentions(
                doc,
                caption,
                mention,
                evidence + self._inherited_agents(doc, caption, mention, clause_start, clause_end),
                _told_place(doc, caption, mention, location if attached else None),
            ),
            anaphoric=anaphoric or caption is not None,
            background=mention.background,
            link_keys=links,
            mention_keys={key},
            apart_keys={(caption, i) for i in mention.apart},
            opposes=(caption, mention.opposes) if mention.opposes is not None else None,
            sentences={sent_index},
            last_order=token.i if caption is None else 10**7 + token.i,
        )
        return draft

    @staticmethod
    def _inherited_agents(
        doc: Document, caption: int | None, mention: Mention, start: int, end: int
    ) -> list[Span]:
        """The phrases, outside a mention's clause, of the agents its clause takes from the
        clause it hangs on: "a suicide bomber blew himself up, killing six soldiers" (who
        killed them), "rebels tried to seize the town". A telling's evidence holds who did
        it as well as its own clause, and the device that went off ("the bomb was placed at
        the entrance and exploded", "the bombs began to explode") as well, where its
        sentence names it, and where the device was put (``Mention.from_head``)."""
        if mention.entry.kind != "verb":
            return []
        sentence = mention.token.sent
        low, high = sentence.start_char, sentence.end_char
        devices = [
            a
            for a in mention.weapons
            if low <= a.start and a.end <= high and mention.sense.outcome is None
        ]
        return [
            doc.span(arg.start, arg.end, caption=caption)
            for arg in (*mention.agents, *devices, *mention.from_head)
            if arg.end <= start or arg.start >= end
        ]

    @staticmethod
    def _mentions(
        doc: Document,
        caption: int | None,
        mention: Mention,
        evidence: list[Span],
        location: Location | None = None,
    ) -> list[EventMention]:
        """The tellings of one mention: its trigger, and the word that tells the deaths
        where that is another word ("shot dead": the shooting, then the deaths); each
        with the place its clause names (``location``, None where it names none)."""
        trigger = doc.span(mention.start, mention.end, caption=caption)
        places = _further_places(doc, caption, mention, location)
        word = mention.death_word
        if word is None:
            outcome = _outcome(mention)
            return [
                EventMention(
                    trigger=trigger,
                    plover=mention.plover,
                    mode=mention.mode,
                    outcome=outcome,
                    evidence=evidence,
                    location=location,
                    places=places,
                )
            ]
        dead = doc.span(word.idx, word.idx + len(word.text), caption=caption)
        return [
            EventMention(
                trigger=trigger,
                plover=mention.plover,
                mode=mention.mode,
                evidence=evidence,
                location=location,
                places=places,
            ),
            EventMention(
                trigger=dead,
                plover=mention.plover,
                mode=mention.mode,
                outcome="killed",
                evidence=evidence,
                location=location,
                places=places,
            ),
        ]

    def _clause_head(self, token: Token) -> Token:
        """The verb whose clause tells the event: the trigger itself, or for a noun the
        nearest verb above it that is not a reporting verb. A word for the dead or the hurt
        tells them in the clause that names who they were: "the wounded included X", "among
        the wounded were X", "11 of the injured"."""
        if self._own_phrase(token):
            return token
        head = token.head
        including = self.lex.casualty.get("including_verbs", frozenset())
        if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in including:
            return head
        if token.dep_ == "pobj" and head.lower_ == "among" and is_verbal(head.head):
            return head.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.like_num:
            return head.head
        current = token
        for _ in range(4):
            if is_verbal(current) and current.lemma_.lower() not in self.reporting:
                return current
            if current.head is current or current.dep_ in ("ccomp", "ROOT"):
                break
            nxt = current.head
            if is_verbal(nxt) and nxt.lemma_.lower() in self.reporting:
                break
            current = nxt
        return token if not is_verbal(current) else current

    def _own_phrase(self, token: Token) -> bool:
        """Whether an event noun is told in its own phrase, not in the clause around it: the
        object of a preposition of another time whose phrase names its own time or place
        ("after the bombing in Bama on Monday"), or of any preposition with a date of its
        own ("after Monday's bombing", "In March's attack on the base in Monguno"): its
        date and place are those of its phrase."""
        if is_verbal(token) or token.dep_ != "pobj":
            return False
        if token.head.lower_ in self.lex.context.get("other_time_preps", frozenset()):
            own = ("DATE", "TIME", "GPE", "LOC", "FAC")
            return any(t.ent_type_ in own for t in token.subtree if t.i > token.i)
        return any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in token.children)

    # -- certainty and source -------------------------------------------------------------
    def _certainty(
        self, doc: Document, caption: int | None, mention: Mention
    ) -> tuple[str, Source | None, list[str]]:
        claim = None
        if caption is None:
            claim = claims.claim_for(doc, mention.start, mention.end)
        source = claim.claimant if claim is not None else None
        claim_ids = [claim.id] if claim is not None else []
        if mention.modality in (NEGATED, HYPOTHETICAL):
            return mention.modality, source, claim_ids
        status: str = claim.status if claim is not None else "asserted"
        if mention.modality == UNCONFIRMED and status in ("asserted", "reported", "claimed"):
            status = UNCONFIRMED
        return status, source, claim_ids

    # -- actors, targets, weapons, counts ------------------------------------------------
    def _bare_place(self, doc: Document, caption: int | None, arg: Arg) -> bool:
        """Whether a phrase is only the name of a town or spot (no capital, no country)."""
        precisions = self.lex.context.get("place_not_actor", frozenset())
        capitals = self.lex.context.get("capital_features", frozenset())
        for place in doc.places:
            if place.precision not in precisions or (place.feature or "") in capitals:
                continue
            for span in place.mentions:
                if span.caption == caption and (span.start, span.end) == (arg.start, arg.end):
                    return True
        return False

    def _actor(self, doc: Document, caption: int | None, arg: Arg) -> Actor | None:
        head = arg.head
        pronoun = head.pos_ == "PRON" or head.tag_ in PRONOUN_TAGS
        hs, he = head.idx, head.idx + len(head.text)
        entity = actors.referent(doc, hs, he, caption=caption)
        if (
            entity is not None
            and entity.sector in MEDIA_SECTORS
            and head.text.lower() not in entity.name.lower()
        ):
            entity = None  # a news agency reports; "it" never points back at it
        if pronoun and entity is None:
            return None  # names no one until coreference says who
        nobody = self.lex.context.get("nobody", frozenset())
        if head.lower_ in nobody or any(
            c.dep_ == "det" and c.lower_ in nobody for c in head.children
        ):
            return None  # "no one has claimed responsibility": nobody acted
        if self._bare_place(doc, caption, arg):
            return None  # "troops struck Ariha": where, not whom
        role = actors.role(doc, arg.start, arg.end, caption=caption)
        if role is None:
            return None
        if role.entity_id is not None and (entity is None or entity.id != role.entity_id):
            # The span overlaps a name that is only a modifier ("the US-led coalition"):
            # the actor is the description, not that name.
            role = None
        text = doc.part(caption)
        if role is None and entity is None and head.pos_ == "PROPN":
            # A person's name the recogniser read in part ("dr jose antonio rodriguez
            # porth": "jose antonio"), common in text without capitals: the name is theirs.
            entity, role = self._person_in(doc, caption, arg)
        if role is not None and self._reporter(doc, role, head):
            role = None  # a news agency reports; "the guerrillas" never point back at it
        if role is None:
            name = text[arg.start : arg.end]
            role = Role(name=name, evidence=[doc.span(arg.start, arg.end, caption=caption)])
        if arg.forces:
            role = _armed_forces(role)
        evidence = list(role.evidence)
        for start, end in (*arg.spans, *_untitled(head, arg, self.titles)):
            span = doc.span(start, end, caption=caption)
            if span not in evidence:
                evidence.append(span)
        role = role.model_copy(update={"evidence": evidence})
        core = _NON_WORD.sub(" ", text[arg.core_start : arg.core_end].lower()).strip()
        key = role.entity_id or re.sub(r"^(?:the|a|an) ", "", core)
        names = [
            t
            for t in head.doc[head.left_edge.i : head.i + 1]
            if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
        ]
        specific = role.entity_id is not None or bool(names)
        rank = 0 if pronoun else 3 if role.entity_id else 2 if specific else 1
        words = frozenset(
            t.lemma_.lower()
            for t in head.subtree
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop
        )
        person = entity is not None and entity.label == "PERSON"
        name = entity.name if entity is not None and person and entity.named else ""
        side = _side(role, self.lex)
        return Actor(
            role=role,
            key=key,
            specific=specific,
            rank=rank,
            words=words,
            person=person,
            name=name,
            side=side,
        )

    @staticmethod
    def _reporter(doc: Document, role: Role, head: Token) -> bool:
        """Whether a role links a phrase that does not name it to a news medium."""
        if role.entity_id is None:
            return False
        entity = next((e for e in doc.entities if e.id == role.entity_id), None)
        return (
            entity is not None
            and entity.sector in MEDIA_SECTORS
            and head.text.lower() not in entity.name.lower()
        )

    @staticmethod
    def _person_in(
        doc: Document, caption: int | None, arg: Arg
    ) -> tuple[Entity | None, Role | None]:
        """The person whose name lies inside the core of an argument, and a Role for it."""
        for entity in doc.entities:
            if entity.label != "PERSON":
                continue
            for m in entity.mentions:
                if m.caption == caption and arg.core_start <= m.start and m.end <= arg.core_end:
                    return entity, actors.role(doc, m.start, m.end, caption=caption)
        return None, None

    @staticmethod
    def _named(doc: Document, caption: int | None, arg: Arg) -> Named:
        text = doc.part(caption)
        evidence = [doc.span(start, end, caption=caption) for start, end in arg.spans]
        if arg.refers is not None:
            # "they exploded": named after the bombs it stands for, told by both
            told = arg.refers
            evidence = [doc.span(a, b, caption=caption) for a, b in told.spans] + evidence
            return Named(name=text[told.start : told.end], evidence=evidence)
        return Named(name=text[arg.start : arg.end], evidence=evidence)

    @staticmethod
    def _casualties(
        doc: Document, caption: int | None, found: list[Casualty], outcome: str
    ) -> list[Casualties]:
        """One count per mention and outcome: the people of a coordination added up
        ("killed 12 soldiers and five villagers" is 17, 12 of them combatants)."""
        chosen = [c for c in found if c.outcome == outcome]
        if not chosen:
            return []
        evidence = _unique(doc.span(c.start, c.end, caption=caption) for c in chosen)
        quantities = [c.quantity for c in chosen]

        def total(values: list[int | None]) -> int | None:
            return None if any(v is None for v in values) else sum(v or 0 for v in values)

        def of_group(group: str) -> int | None:
            values = [c.quantity.best for c in chosen if c.group == group]
            return sum(v for v in values if v is not None) if values and all(values) else None

        if len(chosen) == 1:
            q = quantities[0]
            best, low, high, approximate = q.best, q.low, q.high, q.approximate
        else:
            best = total([q.best for q in quantities])
            low = total([q.low if q.low is not None else q.best for q in quantities])
            high = total([q.high if q.high is not None else q.best for q in quantities])
            approximate = any(q.approximate for q in quantities)
            if best is not None and not approximate:
                low = high = None
        count = Count(
            best=best,
            low=low,
            high=high,
            approximate=approximate,
            civilians=of_group("civilians"),
            combatants=of_group("combatants"),
            evidence=evidence,
        )
        single = len(chosen) == 1 and quantities[0].first == quantities[0].last == 0
        if best is not None and not approximate:
            # A person named or described, not counted in words, is one of possibly several.
            rank = 0 if single and best == 1 else 3
        elif best is not None:
            rank = 2
        else:
            rank = 1
        return [Casualties(count=count, rank=rank, group=None)]

    # -- place and time -------------------------------------------------------------------
    def _location(
        self,
        doc: Document,
        caption: int | None,
        start: int,
        end: int,
        sentence: Any,
        actor_spans: list[tuple[int, int]],
    ) -> tuple[Location | None, bool]:
        if caption is None:
            found = places.locate(doc, start, end)
            heads = self.lex.place_heads
            sites = heads | self.lex.locative_heads
            if (
                found is not None
                and found.basis != "focus"
                and _misread_place(
                    doc, found.evidence[0], start, end, actor_spans, heads, self.lex.locative_heads
                )
            ):
                # The clause's own locative phrase, else the sentence's, else the focus.
                found = (
                    _locative_place(doc, start, end, actor_spans, sites)
                    or _locative_place(
                        doc, sentence.start_char, sentence.end_char, actor_spans, sites
                    )
                    or _focus(doc, heads)
                )
        else:
            found = locations.caption_place(doc, caption, sentence.start_char, sentence.end_char)
        if found is None:
            return None, False
        attached = any(
            span.caption == caption and start <= span.start and span.end <= end
            for span in found.evidence
        )
        return _with_place_word(doc, found, self.lex.place_heads), attached

    def _capital(self, doc: Document, caption: int | None, mention: Mention) -> Location | None:
        """The national capital the telling's first locative phrase describes ("in the
        Somali capital"), as its location (see ``capitals``)."""
        told = _phrase_places(doc, caption, mention)
        if not told:
            return None
        arg = told[0]

        def context_country() -> str | None:
            country = locations.report_country(doc)
            if country is None:
                focus = _focus(doc, self.lex.place_heads)
                country = focus.country if focus is not None else None
            return country

        return capital_location(
            doc,
            caption,
            (arg.start, arg.end),
            arg.head,
            [doc.span(a, b, caption=caption) for a, b in arg.spans],
            heads=self.lex.capital_heads,
            modifiers=self.lex.capital_modifiers,
            context_country=context_country,
        )

    def _date(
        self,
        doc: Document,
        caption: int | None,
        mention: Mention,
        clause_head: Token,
        anchor_day: dt.date | None,
        since: tuple[int, int, int] | None = None,
    ) -> tuple[EventDate | None, bool]:
        if since is not None:
            reckoned = self._reckoned_date(doc, caption, mention, since)
            if reckoned is not None:
                return reckoned, True
        own = self._own_time(doc, caption, mention.token, clause_head, since)
        if own is None and caption is not None:
            # A photo caption is dated as a whole: "... on August 28, 2017".
            dates = [t for t in self._times(doc, caption, 0, 10**9) if t.type == "DATE"]
            own = dates[0] if dates else None
        if own is not None:
            return _event_date(own), True
        statement = self._statement_time(doc, mention.token, caption)
        window = dt.timedelta(days=self.settings.undated_window_days)
        trigger = doc.span(mention.start, mention.end, caption=caption)
        if statement is not None:
            latest = _day(statement.latest) or _day(statement.value)
            earliest = _day(statement.earliest) or latest
            if latest is not None and earliest is not None:
                return _range(earliest - window, latest, [statement.evidence[0], trigger]), False
        if anchor_day is not None:
            return _range(anchor_day - window, anchor_day, [trigger]), False
        return None, False

    def _times(self, doc: Document, caption: int | None, start: int, end: int) -> list[Time]:
        if caption is None:
            return times.times_in(doc, start, end)
        return [
            t
            for t in doc.times
            if t.evidence[0].caption == caption
            and start <= t.evidence[0].start
            and t.evidence[0].end <= end
        ]

    def _reckoned_date(
        self, doc: Document, caption: int | None, mention: Mention, since: tuple[int, int, int]
    ) -> EventDate | None:
        """The day an event told against another ("two days after Monday's bombing", "a
        week before the March 3 vote") happened: the other's day moved by the stretch of
        time, with the span from the stretch to the other's date as evidence; none unless
        the stretch is exactly whole days or weeks and the other's date is a day."""
        if mention.since is None:
            return None
        prep = mention.token.doc[mention.since]
        stretch = [
            t
            for t in self._times(doc, caption, prep.left_edge.idx, prep.idx)
            if t.type == "DURATION" and t.mod is None  # "less than two weeks": no one day
        ]
        dates = [
            t
            for t in self._times(doc, caption, since[0], since[1])
            if t.type == "DATE" and t.precision == "day" and _day(t.value) is not None
        ]
        if len(stretch) != 1 or not dates:
            return None
        m = re.fullmatch(r"P(\d+)([DW])", stretch[0].value)
        other = _day(dates[0].value)
        if m is None or other is None:
            return None
        days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
        day = other + dt.timedelta(days=days if prep.lower_ == "after" else -days)
        start = min(stretch[0].evidence[0].start, dates[0].evidence[0].start)
        end = max(stretch[0].evidence[0].end, dates[0].evidence[0].end)
        return EventDate(
            value=day.isoformat(),
            earliest=day.isoformat(),
            latest=day.isoformat(),
            precision="day",
            evidence=[doc.span(start, end, caption=caption)],
        )

    def _own_time(
        self,
        doc: Document,
        caption: int | None,
        token: Token,
        clause_head: Token,
        since: tuple[int, int, int] | None = None,
    ) -> Time | None:
        """The time expression of the trigger's own clause nearest to it in the tree, never
        one inside the phrase of the other incident it is told against (``since``). An event
        noun told as the cause of its clause's act ("imposed sanctions on Monday over the
        crackdown") is another, earlier incident: only a time of its own phrase dates it; so
        is one told as the object of a reaction to it ("condemned on Wednesday the murder of
        ...": ``reaction_verbs``), whose time is when they reacted."""
        if not is_verbal(token) and (
            (
                token.dep_ == "pobj"
                and token.head.lower_ in self.lex.context.get("cause_preps", frozenset())
            )
            or (
                # "condemned on Wednesday the murder of ...": the time of the reaction.
                token.dep_ == "dobj"
                and token.head.lemma_.lower() in self.lex.context.get("reaction_verbs", frozenset())
            )
        ):
            clause_head = token
        sent = token.sent
        found = [
            t
            for t in self._times(doc, caption, sent.start_char, sent.end_char)
            if t.type in ("DATE", "TIME")
            and (
                since is None
                or not (since[0] <= t.evidence[0].start and t.evidence[0].end <= since[1])
            )
        ]
        best: tuple[float, Time] | None = None
        sdoc = token.doc
        for time in found:
            span = sdoc.char_span(
                time.evidence[0].start, time.evidence[0].end, alignment_mode="expand"
            )
            if span is None:
                continue
            distance = self._tree_distance(span.root, token, clause_head)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, time)
        if best is None:
            return self._fronted_time(found, token)
        return best[1] if best else None

    def _fronted_time(self, found: list[Time], token: Token) -> Time | None:
        """A date that opens the sentence ("On Monday a parked car ... detonated") dates the
        events after it that have no time of their own, however the parse hangs it, unless
        it is the time of a reporting verb ("On Monday police said ..." is when they spoke)."""
        sent = token.sent
        sdoc = token.doc
        present = self.lex.context.get("fronted_time_not", frozenset())
        for time in found:
            if time.type != "DATE" or not time.value[:1].isdigit():
                continue
            span = sdoc.char_span(
                time.evidence[0].start, time.evidence[0].end, alignment_mode="expand"
            )
            if span is None or span.end > token.i:
                continue
            if span.text.lower() in present:
                continue
            lead = span.start - sent.start
            if not (lead == 0 or (lead == 1 and sent[0].pos_ == "ADP")):
                continue
            current = span.root
            for _ in range(8):
                if current.head is current or is_verbal(current.head):
                    break
                current = current.head
            verb = current.head
            if verb.i != token.i and is_verbal(verb) and verb.lemma_.lower() in self.reporting:
                continue
            return time
        return None

    def _tree_distance(self, node: Token, trigger: Token, clause_head: Token) -> float | None:
        """Steps from a time's token up to the trigger or its clause head, never through a
        reporting verb's own dependents; a verb coordinated with the trigger counts one step
        more ("was detained ... and sentenced this summer": the detention is no later), and so
        does the verb a participle clause with no subject of its own hangs on ("protested
        on Tuesday, demanding ...": the demand was made then). As near to the trigger as to
        its clause head, the trigger's own time wins ("sentenced ... on Monday over an attack
        ... in 2013": the attack is of 2013)."""
        targets: dict[int, float] = {clause_head.i: 0.5, trigger.i: 0}
        for verb in (trigger, clause_head):
            for conj in (*verb.conjuncts, verb.head if verb.dep_ == "conj" else verb):
                if is_verbal(conj) and conj.i not in targets:
                    targets[conj.i] = 2
            if _bare_participle(verb) and verb.head.i not in targets:
                targets[verb.head.i] = 2
        steps = 0
        current = node
        while steps < 8:
            if current.i in targets:
                return steps + targets[current.i]
            if current.head is current:
                return None
            parent = current.head
            if (
                is_verbal(parent)
                and parent.lemma_.lower() in self.reporting
                and parent.i
                not in (
                    trigger.i,
                    clause_head.i,
                )
            ):
                return None
            current = parent
            steps += 1
        return None

    def _statement_time(self, doc: Document, token: Token, caption: int | None) -> Time | None:
        """The time of the reporting verb above a trigger ("said Thursday"), if any."""
        verb = token if token.lemma_.lower() in self.reporting else None
        current = token
        for _ in range(6):
            if verb is not None or current.head is current:
                break
            current = current.head
            if is_verbal(current) and current.lemma_.lower() in self.reporting:
                verb = current
        if verb is None:
            return None
        sent = verb.sent
        for time in self._times(doc, caption, sent.start_char, sent.end_char):
            if time.type not in ("DATE", "TIME"):
                continue
            span = verb.doc.char_span(
                time.evidence[0].start, time.evidence[0].end, alignment_mode="expand"
            )
            if span is None:
                continue
            node = span.root
            # A dependent of the reporting verb itself, not of the clause it reports.
            if node.head.i == verb.i or (node.head.head.i == verb.i and node.head.dep_ == "prep"):
                return time
        return None

    # -- the record ------------------------------------------------------------------------
    def _state_actor(self, draft: Draft) -> Actor | None:
        """The state where a state's act (an arrest, a sentence) happened, when the text
        names no one who did it: ACLED codes such arrests to the country's police."""
        acts = self.lex.state_acts
        if draft.plover not in acts and f"{draft.plover}/{draft.mode}" not in acts:
            return None
        location = draft.location
        if location is None or not location.country:
            return None
        country = locations.country_names().get(location.country.upper())
        if country is None:
            return None
        role = Role(
            name=self.lex.state_actor_name.format(country=country),
            country=location.country,
            evidence=_unique([draft.trigger, *location.evidence[:1]]),
        )
        return Actor(role=role, key=f"state:{location.country}", specific=True, rank=1)

    def _territory(self, draft: Draft, agents: list[Actor]) -> tuple[str, str] | None:
        """ACLED's battle over territory for ground an armed side took ("rebels captured
        the town", "troops seized control of Kidal"), by the side that took it; None for
        anything else ("police seized 40 kilograms of heroin")."""
        rules = self.lex.territory
        if draft.mode not in rules.get("modes", ()) or not agents:
            return None
        ground = self.lex.context.get("held_ground", frozenset())
        where = {(s.start, s.end) for s in (draft.location.evidence if draft.location else [])}
        took = any(
            t.name.lower().rpartition(" ")[2] in ground
            or any((s.start, s.end) in where for s in t.evidence)
            for t in draft.targets
        ) or (draft.location_attached and not draft.targets and not draft.patients)
        if not took:
            return None
        side = _side(agents[0].role, self.lex)
        for key in ("state", "non_state"):
            if side in rules.get(f"{key}_sides", ()):
                return (str(rules[key][0]), str(rules[key][1]))
        return None

    def _record(self, draft: Draft) -> Event:
        if not draft.agents:
            state = self._state_actor(draft)
            if state is not None:
                draft.agents = [state]
        agents = _folded(sorted(draft.agents, key=lambda a: -a.rank))
        patients = _folded(sorted(draft.patients, key=lambda a: -a.rank))
        if draft.plover in SYMMETRIC and not patients and len(agents) > 1:
            # "a deal between A and B", "A and B met": a dyad, A on one side, B the other.
            agents, patients = agents[:1], agents[1:]
        retype = self.lex.armed_retype.get(f"{draft.plover}/{draft.mode}")
        if retype is not None and any(_armed_group(a.role, self.lex) for a in agents):
            # "the rebels called a transport stoppage": imposed by force, not a protest.
            draft.plover, draft.mode, draft.acled = retype.plover, retype.mode, retype.acled
        killed = _total(draft.killed)
        injured = _total(draft.injured)
        weapon_acled = self.lex.acled_modes.get(draft.mode or "")
        acled = acled_type(
            draft.plover,
            draft.mode,
            draft.acled,
            weapon_acled,
            armed_agents=[_is_armed(a, self.lex) for a in agents],
            armed_patients=[_is_armed(a, self.lex) for a in patients],
            one_sided=any(
                m.trigger.text.lower().startswith(tuple(self.lex.context.get("one_sided", ())))
                for m in draft.mentions
            ),
            # The first side acted on says whom the violence was against: "killing five
            # soldiers and two civilians" is a battle that killed civilians too.
            civilians_hit=bool(patients) and patients[0].role.actor_type in self.lex.unarmed_types,
        )
        acled = self._territory(draft, agents) or acled
        return Event(
            id="ev",
            plover=draft.plover,
            mode=draft.mode,
            acled_event_type=acled[0] if acled else None,
            acled_sub_event_type=acled[1] if acled else None,
            trigger=draft.trigger,
            actor1=agents[0].role if agents else None,
            actor2=patients[0].role if patients else None,
            assoc_actor1=[a.role for a in agents[1:]],
            assoc_actor2=[a.role for a in patients[1:]],
            location=draft.location,
            date=draft.date,
            fatalities=killed,
            injured=injured,
            targets=draft.targets,
            weapons=draft.weapons,
            source=draft.source,
            certainty=cast(Certainty, draft.certainty),
            evidence=draft.evidence,
            mentions=draft.mentions,
        )


def _lemma_of(token: Token) -> str:
    return str(token.lemma_).lower()


def _last_word(text: str) -> str:
    words = _NON_WORD.split(text.lower().strip())
    words = [w for w in words if w]
    return words[-1] if words else ""


def _folded(found: list[Actor]) -> list[Actor]:
    """One actor per referent on a side: an actor told twice ("terrorists of the FMLN" and
    "the FMLN", both the FMLN) is one role with the evidence of both tellings."""
    kept: list[Actor] = []
    for actor in found:
        role = actor.role
        same = next(
            (
                k
                for k in kept
                if (role.entity_id and k.role.entity_id == role.entity_id)
                or k.role.name.lower() == role.name.lower()
            ),
            None,
        )
        if same is None:
            kept.append(actor)
            continue
        evidence = _unique([*same.role.evidence, *role.evidence])
        same.role = same.role.model_copy(update={"evidence": evidence})
    return kept


def _untitled(head: Token, arg: Arg, titles: frozenset[str]) -> list[tuple[int, int]]:
    """The name of a person without the titles before it: "judge mariela espinosa arango"
    -> "mariela espinosa arango"."""
    doc = head.doc
    span = doc.char_span(arg.core_start, arg.core_end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return []
    tokens = list(span)
    cut = 0
    while cut < len(tokens) - 1 and tokens[cut].lower_.rstrip(".") in titles:
        cut += 1
    if cut == 0:
        return []
    first = tokens[cut]
    return [(first.idx, arg.core_end)]


def _outcome(mention: Mention) -> Literal["killed", "injured"] | None:
    """ "killed" or "injured" for a word that reports deaths or injuries, else None."""
    if mention.attempted:
        return None  # "an attempted murder" reports an attack, not a death
    if mention.sense.outcome == "killed" or any(c.outcome == "killed" for c in mention.casualties):
        return "killed"
    if mention.sense.outcome == "injured":
        return "injured"
    return None


def _is_armed(actor: Actor, lex: Lexicon) -> bool:
    """Whether an actor is armed: its ACLED actor type says so, else its words."""
    return _armed_role(actor.role, lex)


def _armed_group(role: Role, lex: Lexicon) -> bool:
    """Whether a role is an armed non-state group ([armed_agents]): its actor type, else its
    words for fighters of an insurgency ("the guerrillas")."""
    if role.actor_type in lex.armed_group_types:
        return True
    if role.actor_type:
        return False
    words = set(role.name.lower().split())
    return bool(words & lex.context.get("rebel_fighters", frozenset()))


def _side(role: Role, lex: Lexicon) -> str | None:
    """The side an actor is on, for telling incidents apart: its ACLED actor type, else
    "armed_group" for insurgents by their words ("the guerrillas", "a rebel column"), else
    the actor type of a generic noun in its name ("a military patrol": state forces)."""
    if _armed_group(role, lex):
        return "armed_group"
    if role.actor_type:
        return role.actor_type
    book = cached_dictionary()
    for word in role.name.lower().split():
        noun = book.nouns.get(word)
        if noun is not None and (noun.actor_type or book.sector_type(noun.sector)):
            return noun.actor_type or book.sector_type(noun.sector)
    return None


def _armed_role(role: Role, lex: Lexicon) -> bool:
    """Whether a role is of armed people: its ACLED actor type says so, else its words."""
    if role.actor_type in lex.armed_types:
        return True
    if role.actor_type in lex.unarmed_types:
        return False
    words = set(role.name.lower().split())
    return bool(words & lex.armed) or any(w.rstrip("s") in lex.armed for w in words)


def _added(found: list[Casualties], also: bool) -> list[Casualties]:
    """The counts of a telling that says its people were "also" killed or hurt: people
    besides those counted before (``_total`` adds them)."""
    if not also:
        return found
    return [Casualties(count=c.count, rank=c.rank, group=ADDED) for c in found]


def _total(found: list[Casualties]) -> Count | None:
    """One count for an event: the most specific figure, or the named people added up when
    that is more (several victims told one by one); then the people a later telling says
    were "also" killed or hurt, added to it."""
    base = [c for c in found if c.group != ADDED]
    added = [c for c in found if c.group == ADDED]
    count = _most_specific(base) if base else None
    if count is None:
        return _most_specific(added)
    for extra in added:
        count = _plus(count, extra.count)
    return count


def _plus(count: Count, extra: Count) -> Count:
    """``count`` with the people of ``extra`` added (unknown stays unknown)."""

    def add(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    def low(c: Count) -> int | None:
        return c.low if c.low is not None else c.best

    def high(c: Count) -> int | None:
        return c.high if c.high is not None else c.best

    best = add(count.best, extra.best)
    approximate = count.approximate or extra.approximate
    evidence = [*count.evidence, *(span for span in extra.evidence if span not in count.evidence)]
    return count.model_copy(
        update={
            "best": best,
            "low": add(low(count), low(extra)) if approximate else None,
            "high": add(high(count), high(extra)) if approximate else None,
            "approximate": approximate,
            "civilians": _group_sum(count.civilians, extra.civilians),
            "combatants": _group_sum(count.combatants, extra.combatants),
            "evidence": evidence,
        }
    )


def _group_sum(a: int | None, b: int | None) -> int | None:
    """Civilians (or combatants) of two counts: what either says, both added."""
    if a is None and b is None:
        return None
    return (a or 0) + (b or 0)


def _most_specific(found: list[Casualties]) -> Count | None:
    """The most specific figure, or the named people added up when that is more."""
    best = best_count(found)
    if best is None:
        return None
    singles = [c for c in found if c.rank == 0]
    if len(singles) > 1 and (best.count.best or 0) < len(singles) and best.rank == 0:
        evidence: list[Span] = []
        for single in singles:
            for span in single.count.evidence:
                if span not in evidence:
                    evidence.append(span)
        return Count(best=len(singles), evidence=evidence)
    return best.count


def _since_anchor(token: Token, since: int | None) -> tuple[int, int, int] | None:
    """The characters of the phrase an interval preposition tells an event against ("after
    Monday's bombing in Gwoza": "Monday's bombing in Gwoza"), then where the interval
    phrase starts ("two days after")."""
    if since is None:
        return None
    prep = token.doc[since]
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    last = pobj.right_edge
    return int(pobj.left_edge.idx), int(last.idx + len(last.text)), int(prep.left_edge.idx)


def _event_date(time: Time) -> EventDate:
    return EventDate(
        value=time.value,
        earliest=time.earliest,
        latest=time.latest,
        precision=time.precision,
        evidence=time.evidence[:1],
    )


def _range(earliest: dt.date, latest: dt.date, evidence: Iterable[Span]) -> EventDate:
    return EventDate(
        value=f"{earliest.isoformat()}/{latest.isoformat()}",
        earliest=earliest.isoformat(),
        latest=latest.isoformat(),
        precision="week",
        evidence=_unique(evidence),
    )


def _unique(spans: Iterable[Span]) -> list[Span]:
    found: list[Span] = []
    for span in spans:
        if span not in found:
            found.append(span)
    return found


def _armed_forces(role: Role) -> Role:
    """The military forces of the country a role names ("Nigerian" of "Nigerian fighter
    jets" -> Military Forces of Nigeria); the role as it is when it names no country."""
    book = cached_dictionary()
    country = book.countries.get(role.country or "")
    if country is None or role.canonical != country.name:
        return role
    name = book.composed_canonical(role.country, "MIL", None)
    return role.model_copy(
        update={
            "name": name,
            "canonical": name,
            "actor_type": book.sector_type("MIL") or role.actor_type,
        }
    )


def _clause_bounds(head: Token, trigger: Token) -> tuple[int, int]:
    """Character bounds of the clause that tells an event: the clause head's phrase (with the
    noun a participle or relative clause modifies), without a clause coordinated after the
    trigger ("The US was not party to the deal, and had
    blocked the convoy ...": the blocking is another clause)."""
    doc = head.doc
    last = head.right_edge.i
    for child in head.children:
        if child.dep_ == "conj" and is_verbal(child) and child.i > trigger.i:
            last = min(last, child.left_edge.i - 1)
    while last > trigger.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    last = max(last, trigger.i)
    first = head.left_edge
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        # "the six soldiers killed", "those injured": the people the participle or relative
        # clause tells of are part of its clause.
        noun = head.head
        while (
            noun.dep_ == "conj"
            or (noun.dep_ == "appos" and any(c.dep_ == "conj" for c in noun.children))
        ) and noun.head.i < noun.i:
            noun = noun.head  # "two guards and a driver injured": all of them
        first = min(first, noun.left_edge, key=lambda t: t.i)
    if head.dep_ in ("advcl", "acl", "conj") and head.tag_ in ("VBN", "VBD"):
        # "were killed with two others injured": the people of the "with" phrase right
        # before the participle are those it tells of.
        for prep, obj in preps(head.head):
            if prep == "with" and obj.i < head.i and obj.right_edge.i == head.i - 1:
                first = min(first, obj.left_edge, key=lambda t: t.i)
    return first.idx, doc[last].idx + len(doc[last].text)


LOCATIVE_PREPS = frozenset(
    {"in", "near", "at", "outside", "around", "into", "inside", "across", "throughout", "on"}
)
PATH_PREPS = ("from", "to", "toward", "towards")


def _inside(span: Span, stretches: list[tuple[int, int]]) -> bool:
    return any(lo <= span.start and span.end <= hi for lo, hi in stretches)


def _phrase_head(token: Token) -> Token:
    """The noun a place word belongs to: "Syrian" -> desert, "San" -> Miguel, "Colombia's"
    -> department ("in Colombia's northern Santander department": the place word's own
    possessive only, not a noun's it modifies: "U.S. President Bush's visit" is no U.S.)."""
    if token.dep_ == "poss" and token.head is not token:
        token = token.head
    while token.dep_ in ("compound", "amod", "nmod", "flat") and token.head is not token:
        token = token.head
    return token


def _place_prep(token: Token) -> str | None:
    """The preposition that introduces a place's phrase, through "the middle of", "the town
    of": "in the middle of the Syrian desert" -> "in"; None when no preposition does. A path
    ("from", "to") counts only on a thing ("the road leading from X to Y"), not on a verb
    of motion ("fighters headed from X to Y" were not where they went)."""
    head = _phrase_head(token)
    for _ in range(3):
        if head.dep_ != "pobj":
            return None
        prep = head.head
        if prep.lower_ in PATH_PREPS and not (
            prep.head.pos_ in ("NOUN", "PROPN") or prep.head.dep_ in ("acl", "relcl")
        ):
            return None
        if prep.lower_ != "of":
            return str(prep.lower_)
        head = prep.head
    return None


def _prep_of(doc: Document, mention: Span) -> str | None:
    """The preposition that introduces a body place mention's phrase ("in", "near" ...)."""
    token = _mention_token(doc, mention)
    return _place_prep(token) if token is not None else None


# Determiners that make a plural event noun point back at the attacks told before it.
THESE_ATTACKS = frozenset({"the", "these", "those", "both", "all"})
# Dependencies of a noun that a clause's verb tells something about.
CLAUSE_ARGS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "pobj"})


def _mention_token(doc: Document, mention: Span) -> Token | None:
    span = doc.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _misread_place(
    doc: Document,
    mention: Span,
    start: int,
    end: int,
    actor_spans: list[tuple[int, int]],
    place_heads: frozenset[str],
    site_heads: frozenset[str] = frozenset(),
) -> bool:
    """Whether the place ``locate`` chose names an actor rather than where the event was
    (a place word inside an actor's phrase, the subject of a verb, or modifying a noun that
    is no place: "a US military spokesman"; the owner of a noun that is neither a place nor
    a site, ``site_heads``: "Venezuela's first lady"), or is where a path starts when the
    clause names where it leads ("the road from X to Y": Y)."""
    if mention.caption is not None or _inside(mention, actor_spans):
        return mention.caption is None
    token = _mention_token(doc, mention)
    if token is None:
        return False
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "Ethiopia and Eritrea agreed": every subject is who
    if first.dep_ in ("nsubj", "nsubjpass") and is_verbal(first.head):
        return True  # "The US was not party to the deal": who, not where
    head = token.head
    if (
        first.dep_ == "pobj"
        and first.head.lower_ == "by"
        and first.head.head.tag_ == "VBN"
        and first.pos_ == "PROPN"
        and first.lemma_.lower() not in place_heads
    ):
        return True  # "a truce brokered by Qatar", "was condemned by France": who, not where
    if (
        token.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and not mention.start <= head.idx < mention.end
        and head.lemma_.lower() not in place_heads
        and head.lower_ not in place_heads
    ):
        return True
    if _owner(token, mention, place_heads | site_heads):
        return True  # "Venezuela's first lady": whose, not where
    if not start <= mention.start < end or _place_prep(token) != "from":
        return False
    return _path_leads(doc, start, end)


def _owner(token: Token, mention: Span, heads: frozenset[str]) -> bool:
    """Whether a place word is the possessor of a noun that is no place or site ("Venezuela's
    first lady", "the country's president"): it says whose, not where."""
    head = token.head
    return (
        token.dep_ == "poss"
        and not mention.start <= head.idx < mention.end
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in heads
        and head.lower_ not in heads
    )


def _modifier(token: Token, mention: Span, heads: frozenset[str]) -> bool:
    """Whether a place word modifies a noun that is no place or site ("the first contingent
    of U.S. military engineers"): reached through that noun's preposition, it still says
    whose or what, not where."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and not mention.start <= head.idx < mention.end
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in heads
        and head.lower_ not in heads
    ) or _owner(token, mention, heads)


def _path_leads(doc: Document, start: int, end: int) -> bool:
    """Whether a place in ``text[start:end]`` is where a path leads ("to Y"); once per
    stretch and document (the document's focus asks it of the whole text per place)."""
    known: dict[tuple[int, int], bool] = doc.memo("events.path_leads", doc.places, dict)
    if (start, end) not in known:
        known[(start, end)] = any(
            _place_prep(t) in PATH_PREPS[1:]
            for t in (_mention_token(doc, m) for _, m in _clause_places(doc, start, end))
            if t is not None
        )
    return known[(start, end)]


def _clause_places(doc: Document, start: int, end: int) -> list[tuple[Place, Span]]:
    """The body's place mentions inside ``text[start:end]``, in place order (indexed)."""
    return places.body_mentions(doc, start, end)


def _locative_place(
    doc: Document,
    start: int,
    end: int,
    actor_spans: list[tuple[int, int]],
    heads: frozenset[str] = frozenset(),
) -> Location | None:
    """The place a locative preposition introduces in a stretch, outside the actors'
    phrases: demonyms included ("in the Syrian desert" is in Syria); where a path leads
    rather than where it starts; the most precise first. With ``heads`` (place and site
    nouns), a place word modifying or owning another noun is none ("in Bolivia of the first
    contingent of U.S. engineers": not the U.S.)."""
    found = []
    for place, mention in _clause_places(doc, start, end):
        if _inside(mention, actor_spans) or places.in_dateline(doc, mention.start):
            continue
        token = _mention_token(doc, mention)
        if token is not None and heads and _modifier(token, mention, heads):
            continue
        prep = _place_prep(token) if token is not None else None
        if prep in LOCATIVE_PREPS or prep in PATH_PREPS[1:]:
            found.append((PLACE_ORDER.get(place.precision, 9), mention.start, place, mention))
    if not found:
        return None
    _, _, place, mention = min(found, key=lambda item: (item[0], item[1]))
    return places.location_of(place, mention, "attached")


_PLACE_WORD = re.compile(r"[ -]([A-Za-z]+)")


def _with_place_word(doc: Document, found: Location, place_heads: frozenset[str]) -> Location:
    """The place's mention with the place word that follows it, as a second evidence span:
    the text says "Helmand Province", "Oxford Street"."""
    mention = found.evidence[0]
    part = doc.part(mention.caption)
    m = _PLACE_WORD.match(part, mention.end)
    if m is None or m.group(1).lower() not in place_heads:
        return found
    longer = doc.span(mention.start, m.end(), caption=mention.caption)
    return found.model_copy(update={"evidence": [*found.evidence, longer]})


def _focus(doc: Document, place_heads: frozenset[str]) -> Location | None:
    """The document's focus among the places that are not modifiers of other nouns (once
    per document)."""

    def make() -> Location | None:
        text_end = len(doc.text)
        candidates = [
            (place, mention)
            for place, mention in _clause_places(doc, 0, text_end)
            if not _misread_place(doc, mention, 0, text_end, [], place_heads)
        ]
        found = places.document_focus(doc, candidates)
        return places.location_of(*found, "focus") if found else None

    found: Location | None = doc.memo(f"events.focus.{hash(place_heads)}", doc.places, make)
    return found.model_copy(deep=True) if found is not None else None


# What security forces do to a protest that ACLED codes as an intervention in it.
INTERVENTIONS = frozenset({("ASSAULT", "crowd-control"), ("COERCE", "arrest")})
# The group of a count whose people a telling says were "also" killed or hurt.
ADDED = "added"
# Locations a described capital of the same country is finer than.
COARSE = frozenset({"country", "admin1", "region", "unknown"})
PLACE_ORDER = {"point": 0, "offset": 1, "town": 2, "admin2": 3, "admin1": 4, "region": 5}


@stages.register(
    "dateline.events.v1",
    requires=["sdoc", "entities", "places", "times", "claims"],
    assigns=["events"],
    english_only=True,
)
def make_events(config: Config) -> Stage:
    """Detect and code events (PLOVER, ACLED) with actors, place, date, counts and evidence."""
    return EventCoder(config.events)


def _told_place(
    doc: Document, caption: int | None, mention: Mention, attached: Location | None
) -> Location | None:
    """The place one telling names in its own locative phrase ("at the bus station",
    "in Helmand Province"): the event location found there, with the phrase's spans, else
    the phrase itself as an ungeocoded location; else the location attached to its clause."""
    told = _phrase_places(doc, caption, mention)
    if not told:
        return attached
    arg = told[0]
    spans = [doc.span(a, b, caption=caption) for a, b in arg.spans]
    if attached is not None and any(
        e.caption == caption and arg.start <= e.start and e.end <= arg.end
        for e in attached.evidence
    ):
        known = {(e.start, e.end) for e in attached.evidence}
        extra = [sp for sp in spans if (sp.start, sp.end) not in known]
        return attached.model_copy(update={"evidence": [*attached.evidence, *extra]})
    core = doc.span(arg.core_start, arg.core_end, caption=caption)
    return Location(name=core.text, basis="attached", evidence=[spans[0], *spans[1:]])


def _phrase_places(doc: Document, caption: int | None, mention: Mention) -> list[Any]:
    """The telling's locative phrases, less a place of a dateline the parse ran its
    headline into ("killed in blasts in Afghanistan" + "KANDAHAR, Afghanistan, ..."): the
    dateline says where the report was filed, not where the event was."""
    if caption is not None:
        return list(mention.places)
    return [a for a in mention.places if not places.in_dateline(doc, a.core_start)]


def _further_places(
    doc: Document, caption: int | None, mention: Mention, location: Location | None
) -> list[Location]:
    """The places one telling names after the first ("at Oxford Street and the Cavehill
    Road", "in Helmand Province, Afghanistan"), each its phrase as an ungeocoded location;
    none inside ``location``'s evidence (the first place, or the clause's attached one)."""
    found: list[Location] = []
    taken = [(e.start, e.end) for e in location.evidence] if location is not None else []
    for arg in _phrase_places(doc, caption, mention)[1:]:
        if any(a <= arg.start and arg.end <= b for a, b in taken):
            continue
        spans = [doc.span(a, b, caption=caption) for a, b in arg.spans]
        core = doc.span(arg.core_start, arg.core_end, caption=caption)
        found.append(Location(name=core.text, basis="attached", evidence=spans))
        taken.append((arg.start, arg.end))
    return found


def _casualties_after_their_event(drafts: list[Draft]) -> list[Draft]:
    """The drafts in text order, except that deaths told before the assault the parse ties
    them to ("Dozens died in the attacks"), with no assault told just before them, come
    right after it, so that they join it rather than go unjoined."""
    later: dict[tuple[int | None, int], list[Draft]] = {}
    keys = {key: draft for draft in drafts for key in draft.mention_keys}
    for draft in drafts:
        if not draft.casualty_only:
            continue
        targets = [
            keys[k]
            for k in sorted(draft.link_keys, key=lambda k: (k[0] or -1, k[1]))
            if k in keys and keys[k] is not draft and not keys[k].casualty_only
        ]
        # Only deaths with no assault told just before them to join wait for the later one.
        before = any(
            other.plover == draft.plover
            and not other.casualty_only
            and other.order < draft.order
            and 0 <= draft.sentence_rank - other.sentence_rank <= 3
            for other in drafts
        )
        if targets and not before and all(t.order > draft.order for t in targets):
            later.setdefault(min(targets[0].mention_keys, key=lambda k: k[1]), []).append(draft)
    deferred = {id(d) for found in later.values() for d in found}
    ordered: list[Draft] = []
    for draft in drafts:
        if id(draft) in deferred:
            continue
        ordered.append(draft)
        for key in sorted(draft.mention_keys, key=lambda k: k[1]):
            ordered += later.get(key, [])
    return ordered


def _attached(a: Event, b: Event) -> bool:
    """Whether both events' places are named in their own clauses."""
    return all(e.location is not None and e.location.basis == "attached" for e in (a, b))


def _apart_places(a: Event, b: Event) -> bool:
    """Whether two events happened in two different towns (both resolved to the gazetteer):
    two incidents, not one."""
    first, second = a.location, b.location
    if first is None or second is None or first.geonames_id is None:
        return False
    if second.geonames_id is None or first.geonames_id == second.geonames_id:
        return False
    return first.precision == second.precision == "town"


def _disjoint_dates(a: Event, b: Event) -> bool:
    """Whether two events' date ranges are known and do not meet: two incidents, not one."""
    if a.date is None or b.date is None:
        return False
    first, second = a.date, b.date
    if not (first.earliest and first.latest and second.earliest and second.latest):
        return False
    return first.latest[:10] < second.earliest[:10] or second.latest[:10] < first.earliest[:10]
