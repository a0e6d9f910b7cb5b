"""Oracle predictions: the output dateline would have to give to be perfect on each corpus.

For every scorer, a function turns the gold records into contract documents (built with the
output records, so they are valid ``dateline/1``) keyed by the scorer's input ids. Scoring
them checks the scorers end to end on the real corpora: wherever dateline's output and the
ontology maps can express the gold, every recognition and extraction metric must read 1.0.
What the output cannot express (a KAIROS type with no PLOVER equivalent, the MUC incident
type "robbery", a CASE label with no ACLED sub-event type...) is left out and counted in
``Oracle.gaps``: those are the ceilings below 1.

    python -m dateline.evaluate.oracle --data ../shared [--split test] [--only muc4]

The data folder is read where it is; nothing is copied.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from ..document import Document
from ..records import (
    Claim,
    Count,
    Entity,
    Event,
    EventDate,
    Location,
    Named,
    Place,
    Quote,
    Role,
    Source,
    Span,
    Time,
    assign_ids,
)
from .attribution import AttributionDoc
from .base import SPLITS, Scorer, read_records
from .case2021 import Snippet
from .coreference import EntityDoc, GoldMention
from .geo import GeoScorer
from .mappings import by_type_mode, cameo_to_plover, eval_maps, iso2_to_iso3_table, normalise
from .merge import Report as MergeReport
from .metrics import ScoreResult
from .muc4 import (
    ROLES,
    MucDoc,
    _description_entities,
    death_reported,
    most_specific_places,
    parse_dateline,
    parse_incident_date,
)
from .petrarch import PetrarchRecord, _country
from .plover import PloverRecord
from .report import render
from .runner import SCORERS
from .wikievents import KEvent, WikiDoc

SpanKey = tuple[int, int]


@dataclass
class Oracle:
    """Perfect-as-expressible predictions and what could not be expressed, with counts."""

    predictions: dict[str, dict[str, Any]]
    gaps: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


class _Builder:
    """Collects the records of one oracle document."""

    def __init__(self, doc_id: str, text: str, gaps: Counter[str]) -> None:
        self.id = doc_id
        self.text = text
        self.gaps = gaps
        self.places: list[Place] = []
        self.times: list[Time] = []
        self.events: list[Event] = []
        self.claims: list[Claim] = []
        self.entities: list[Entity] = []

    def actor(self, name: str, label: str, evidence: list[Span], *, named: bool) -> Role:
        """A Role linked to a new entity of ``label`` (named or only described)."""
        entity = Entity(
            id=f"ent{len(self.entities) + 1}",
            label=label,
            name=name,
            named=named,
            mentions=evidence,
        )
        self.entities.append(entity)
        return Role(name=name, entity_id=entity.id, evidence=evidence)

    def span(self, start: int, end: int, expected: str | None = None) -> Span | None:
        """The span of ``text[start:end]``; None (counted) when it does not read ``expected``."""
        if not 0 <= start <= end <= len(self.text):
            self.gaps["gold span outside the text"] += 1
            return None
        got = self.text[start:end]
        if expected is not None and got != expected:
            self.gaps["gold span text differs from the text at its offsets"] += 1
            return None
        return Span.of(self.text, start, end)

    def find(self, needle: str) -> Span | None:
        """The first case-insensitive occurrence of ``needle`` in the text."""
        if not needle:
            return None
        at = self.text.lower().find(needle.lower())
        return Span.of(self.text, at, at + len(needle)) if at >= 0 else None

    def first_word(self) -> Span:
        """A stand-in trigger where the gold has no span: the first word of the text."""
        stripped = self.text.lstrip()
        start = len(self.text) - len(stripped)
        end = start + (len(stripped.split()[0]) if stripped.split() else 0)
        return Span.of(self.text, start, end)

    def event(self, plover: str, mode: str | None, trigger: Span, **fields: Any) -> Event:
        event = Event(
            id=f"e{len(self.events) + 1}",
            plover=plover,
            mode=mode,
            trigger=trigger,
            evidence=[trigger],
            **fields,
        )
        self.events.append(event)
        return event

    def document(self) -> dict[str, Any]:
        doc = Document(
            id=self.id,
            text=self.text,
            entities=self.entities,
            places=self.places,
            times=self.times,
            events=self.events,
            claims=self.claims,
        )
        return doc.to_dict()


def _texts(scorer: Scorer, gold: list[Any]) -> dict[str, str]:
    """The text fed to dateline per input id (spans of the predictions index it)."""
    return {item.id: item.text for item in scorer.inputs(gold)}


# --- TempEval-3 -------------------------------------------------------------------------------


def te3_oracle(scorer: Scorer, gold: list[dict[str, Any]], path: Path, split: str) -> Oracle:
    """Each gold timex as a predicted time with the same extent, type and value."""
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    for doc in gold:
        b = _Builder(doc["id"], texts[doc["id"]], oracle.gaps)
        for t in doc["timexes"]:
            span = b.span(int(t["start"]), int(t["end"]), t["text"])
            if span is None:
                continue
            b.times.append(
                Time(id=f"t-{span.start}", type=t["type"], value=str(t["value"]), evidence=[span])
            )
        oracle.predictions[b.id] = b.document()
    return oracle


# --- geoparsing ---------------------------------------------------------------------------------


def geo_oracle(scorer: Scorer, gold: list[dict[str, Any]], path: Path, split: str) -> Oracle:
    """Each gold toponym as a place with one mention and the gold coordinates."""
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    for doc in gold:
        b = _Builder(str(doc["id"]), texts[str(doc["id"])], oracle.gaps)
        for i, t in enumerate(doc.get("toponyms") or []):
            span = b.span(int(t["start"]), int(t["end"]))
            if span is None:
                continue
            has_coords = t.get("lat") is not None and t.get("lon") is not None
            b.places.append(
                Place(
                    id=f"p{i + 1}",
                    name=t["name"],
                    lat=float(t["lat"]) if has_coords else None,
                    lon=float(t["lon"]) if has_coords else None,
                    mentions=[span],
                )
            )
        oracle.predictions[b.id] = b.document()
    return oracle


# --- MUC-4 ----------------------------------------------------------------------------------


def _reverse(table: Mapping[str, str]) -> dict[str, tuple[str, str | None]]:
    """value -> the first ``TYPE`` or ``TYPE/mode`` key giving it, as (type, mode)."""
    found: dict[str, tuple[str, str | None]] = {}
    for key, value in table.items():
        plover, _, mode = key.partition("/")
        if value:  # "" reads the type as no event of the corpus
            found.setdefault(str(value), (plover, mode or None))
    return found


def _muc_spans(b: _Builder, shift: int, spans: Sequence[Mapping[str, Any]]) -> list[Span]:
    found = []
    for s in spans:
        span = b.span(int(s["start"]) + shift, int(s["end"]) + shift, s.get("text"))
        if span is not None:
            found.append(span)
    return found


def _muc_date(value: str, year: int | None, evidence: Span) -> EventDate | None:
    alternatives = parse_incident_date(value, year)
    if not alternatives:
        return None
    kind, earliest, latest = alternatives[0]
    if kind == "before":
        earliest = latest  # "on or before": the last day fits
    return EventDate(
        value=earliest.isoformat() if earliest == latest else earliest.isoformat()[:7],
        earliest=earliest.isoformat(),
        latest=latest.isoformat(),
        precision="day" if earliest == latest else "month",
        evidence=[evidence],
    )


def muc4_oracle(scorer: Scorer, gold: list[MucDoc], path: Path, split: str) -> Oracle:
    """One ASSAULT event per expressible gold template, every slot filled from its spans.

    PerpInd -> actor1/assoc_actor1 linked to a PERSON entity no name names; PerpOrg -> actors
    linked to an ORG entity; Victim -> actor2/assoc_actor2 linked to a named PERSON entity;
    hum_tgt_description strings -> actor2s without an entity (the victim-with-descriptions
    check); Target -> targets; Weapon -> weapons; the key slots -> date, location, fatalities.
    """
    maps = eval_maps()["muc4"]
    incident = _reverse(maps["incident_type"])
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    raw_templates = _raw_templates(path, split)
    for doc in gold:
        text = texts[doc.id]
        shift = len(text) - len(doc.text)  # the dateline header fed before the text
        b = _Builder(doc.id, text, oracle.gaps)
        published = parse_dateline(doc.dateline)
        year = int(published[:4]) if published else None
        record_templates = raw_templates.get(doc.id, [])
        for template, raw in zip(doc.templates, record_templates, strict=True):
            kinds = [k.strip() for k in template.incident_type.split("/")]
            known = [k for k in kinds if k in incident]
            if not known:
                oracle.gaps[f"muc4 incident type {template.incident_type!r} (templates)"] += 1
                oracle.gaps["muc4 slots of inexpressible templates"] += sum(
                    len(template.slots[r]) for r in ROLES
                )
                continue
            plover, mode = incident[known[0]]
            spans = raw.get("spans") or {}
            fields: dict[str, Any] = {
                "assoc_actor1": [],
                "assoc_actor2": [],
                "targets": [],
                "weapons": [],
            }
            actors1: list[Role] = []
            actors2: list[Role] = []
            for role in ROLES:
                for strings, entity_spans in zip(
                    raw.get(role) or [], spans.get(role) or [], strict=True
                ):
                    evidence = _muc_spans(b, shift, entity_spans)
                    if not evidence or not normalise(strings[0]):
                        oracle.gaps[f"muc4 {role} entity without a usable span"] += 1
                        continue
                    if role == "PerpInd":
                        actors1.append(b.actor(strings[0], "PERSON", evidence, named=False))
                    elif role == "PerpOrg":
                        actors1.append(b.actor(strings[0], "ORG", evidence, named=True))
                    elif role == "Victim":
                        actors2.append(b.actor(strings[0], "PERSON", evidence, named=True))
                    else:
                        key = "targets" if role == "Target" else "weapons"
                        fields[key].append(Named(name=strings[0], evidence=evidence))
            for strings in _description_entities(template.key_slots.get("hum_tgt_description", "")):
                evidence = [s for s in (b.find(x) for x in strings) if s is not None]
                if not evidence:
                    oracle.gaps["muc4 victim description not in the text"] += 1
                    continue
                actors2.append(Role(name=strings[0], evidence=evidence))
            first = [s for r in (*actors1, *actors2) for s in r.evidence] + [
                s for n in (*fields["targets"], *fields["weapons"]) for s in n.evidence
            ]
            trigger = min(first, key=lambda s: s.start) if first else b.first_word()
            if actors1:
                fields["actor1"], fields["assoc_actor1"] = actors1[0], actors1[1:]
            if actors2:
                fields["actor2"], fields["assoc_actor2"] = actors2[0], actors2[1:]
            date = _muc_date(template.key_slots.get("incident_date", "-"), year, trigger)
            if date is not None:
                fields["date"] = date
            places = most_specific_places(template.key_slots.get("incident_location", "-"))
            if places:
                place = b.find(places[0])
                fields["location"] = Location(name=places[0], evidence=[place or trigger])
            effect = template.key_slots.get("hum_tgt_effect", "-")
            if death_reported(effect):
                fields["fatalities"] = Count(best=1, evidence=[trigger])
            b.event(plover, mode, trigger, **fields)
        oracle.predictions[doc.id] = b.document()
    return oracle


def _raw_templates(path: Path, split: str) -> dict[str, list[dict[str, Any]]]:
    """Document id -> its raw template dicts (with their spans), as in the corpus file."""
    raw: dict[str, list[dict[str, Any]]] = {}
    for record in read_records(path):
        if record.get("split") == split:
            raw[record["id"]] = list(record.get("templates") or [])
    return raw


# --- WikiEvents -------------------------------------------------------------------------------


def _carrier_type(table: Mapping[str, str]) -> str:
    """A PLOVER type that gives no KAIROS event of its own: it carries counts and sources."""
    types: list[str] = list(eval_maps()["plover"]["types"])
    return next(t for t in types if by_type_mode(table, t, None) is None)


def wikievents_oracle(scorer: Scorer, gold: list[WikiDoc], path: Path, split: str) -> Oracle:
    """Each gold conflict event as the dateline event the KAIROS maps turn back into it.

    A type of ``[wikievents.event_type]`` is the event's own PLOVER type/mode; Life.Die and
    Life.Injure are the fatalities / injured count (evidence: the trigger) of an event whose
    own type maps to no KAIROS type (the carrier); Contact.Contact.Broadcast is a claim whose
    cue is the trigger and whose claimant is the Communicator (listing such an event). Each argument fills the first
    field of ``[wikievents.roles.<type>]`` giving its role; location and source hold one.
    """
    maps = eval_maps()["wikievents"]
    main = _reverse(maps["event_type"])
    carrier = _carrier_type(maps["event_type"])
    oracle = Oracle({})
    oracle.notes.append(
        f"Life.Die, Life.Injure and Broadcast ride on events of type {carrier}, which maps to no "
        "KAIROS type: dateline can express them only through counts and claims"
    )
    texts = _texts(scorer, gold)
    for doc in gold:
        b = _Builder(doc.id, texts[doc.id], oracle.gaps)
        for gold_event in doc.events:
            _wiki_event(b, gold_event, main, carrier, maps)
        oracle.predictions[doc.id] = b.document()
    return oracle


def _wiki_event(
    b: _Builder,
    gold: KEvent,
    main: Mapping[str, tuple[str, str | None]],
    carrier: str,
    maps: Mapping[str, Any],
) -> None:
    gaps = b.gaps
    special = {maps["die_type"], maps["injure_type"], maps["broadcast_type"]}
    if gold.type == maps["broadcast_type"] and not maps.get("broadcasts", True):
        # Claim cues are not read as Broadcasts ([wikievents] broadcasts = false).
        gaps["wikievents Broadcast (claim cues not read as Broadcasts) (events)"] += 1
        gaps["wikievents arguments of inexpressible events"] += len(gold.arguments)
        return
    cue_words = {str(w).lower() for w in maps.get("broadcast_cues") or []}
    if (
        gold.type == maps["broadcast_type"]
        and cue_words
        and (gold.trigger_text or "").lower() not in cue_words
    ):
        # A cue such as "said" is not read as a Broadcast ([wikievents] broadcast_cues).
        gaps["wikievents Broadcast (cue not in broadcast_cues) (events)"] += 1
        gaps["wikievents arguments of inexpressible events"] += len(gold.arguments)
        return
    destroy = maps["event_type"].get("ASSAULT/destroy")
    damage = maps.get("damage_type")
    if damage and destroy in main and gold.type in (damage, destroy):
        # Damage and Destroy are both ASSAULT/destroy, told apart by the word
        # ([wikievents] damage_words): a gold event whose word says the other is a gap.
        damage_word = (gold.trigger_text or "").lower() in {
            str(w).lower() for w in maps.get("damage_words") or []
        }
        if damage_word != (gold.type == damage):
            gaps[f"wikievents type {gold.type} told by a word of the other (events)"] += 1
            gaps["wikievents arguments of inexpressible events"] += len(gold.arguments)
            return
        main = {**main, damage: main[destroy]}
    if gold.type not in main and gold.type not in special:
        gaps[f"wikievents type {gold.type} (events)"] += 1
        gaps["wikievents arguments of inexpressible events"] += len(gold.arguments)
        return
    trigger = b.span(gold.trigger[0], gold.trigger[1], gold.trigger_text)
    if trigger is None:
        return
    role_map: Mapping[str, str] = maps["roles"].get(gold.type, {})
    found: dict[str, list[tuple[str, list[Span]]]] = {
        f: [] for f in ("actor1", "actor2", "targets", "weapons", "location", "source")
    }
    for arg in gold.arguments:
        start, end = next(iter(sorted(arg.spans)))
        span = b.span(start, end, arg.text)
        if span is None:
            continue
        candidates = [f for f, role in role_map.items() if role == arg.role]
        usable = [f for f in candidates if f not in ("location", "source") or not found[f]]
        if not usable:
            why = "a second one" if candidates else "no field"
            gaps[f"wikievents {gold.type} {arg.role} ({why})"] += 1
            continue
        evidence = [span]
        for start, end in sorted(arg.informative - arg.spans):
            informative = b.span(start, end)
            if informative is not None:
                evidence.append(informative)
        found[usable[0]].append((arg.text or span.text, evidence))
    if gold.type == maps["broadcast_type"] and not found["source"]:
        gaps["wikievents Broadcast without a Communicator (events)"] += 1
        return
    fields: dict[str, Any] = {}
    for side in ("1", "2"):
        actors = [Role(name=n, evidence=e) for n, e in found[f"actor{side}"]]
        if actors:
            fields[f"actor{side}"], fields[f"assoc_actor{side}"] = actors[0], actors[1:]
    fields["targets"] = [Named(name=n, evidence=e) for n, e in found["targets"]]
    fields["weapons"] = [Named(name=n, evidence=e) for n, e in found["weapons"]]
    if found["location"]:
        name, evidence = found["location"][0]
        fields["location"] = Location(name=name, evidence=evidence)
    if found["source"]:
        name, evidence = found["source"][0]
        fields["source"] = Source(name=name, evidence=evidence)
    if gold.type in main:
        plover, mode = main[gold.type]
        b.event(plover, mode, trigger, **fields)
        return
    if gold.type == maps["die_type"]:
        fields["fatalities"] = Count(evidence=[trigger])
    elif gold.type == maps["injure_type"]:
        fields["injured"] = Count(evidence=[trigger])
    event = b.event(carrier, None, trigger, **fields)
    if gold.type == maps["broadcast_type"]:
        b.claims.append(
            Claim(
                id=f"cl-{trigger.start}.{len(b.claims) + 1}",
                evidence=[trigger],
                cue=trigger,
                claimant=fields.get("source"),
                status="reported",
                event_ids=[event.id],
            )
        )


# --- PETRARCH, PLOVER, CASE 2021 --------------------------------------------------------------


def _iso2(alpha3: str | None) -> str | None:
    if alpha3 is None:
        return None
    return {v: k for k, v in iso2_to_iso3_table().items()}.get(alpha3)


def petrarch_oracle(scorer: Scorer, gold: list[PetrarchRecord], path: Path, split: str) -> Oracle:
    """Each expected CAMEO event as its PLOVER type/mode, actors by their ISO3 prefix's country.

    Expected events of CAMEO roots 01/02 are already dropped by the loader (PLOVER has no
    event for them; the scorer's notes count them).
    """
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    for record in gold:
        b = _Builder(record.id, texts[record.id], oracle.gaps)
        trigger = b.first_word()
        for expected in record.expected:
            _, mode = cameo_to_plover(expected.cameo)
            fields: dict[str, Any] = {}
            for side, code in (("1", expected.source), ("2", expected.target)):
                country = _iso2(_country(code)) if code else None
                if code:
                    fields[f"actor{side}"] = Role(name=code, country=country, evidence=[trigger])
            b.event(expected.plover, mode, trigger, **fields)
        oracle.predictions[record.id] = b.document()
    return oracle


def plover_oracle(scorer: Scorer, gold: list[PloverRecord], path: Path, split: str) -> Oracle:
    """One event per gold PLOVER type, actors and recipients on the gold SRC/TAR spans."""
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    for record in gold:
        b = _Builder(record.id, texts[record.id], oracle.gaps)
        trigger = b.first_word()
        sides = (
            ("1", record.actor_spans, record.actor_texts),
            ("2", record.recipient_spans, record.recipient_texts),
        )
        for plover in sorted(record.types):
            fields: dict[str, Any] = {}
            for side, spans, names in sides:
                evidence: list[Span | None]
                if spans:
                    evidence = [b.span(s, e) for s, e in spans]
                else:
                    evidence = [b.find(n) for n in names]
                    if len(names) > len([s for s in evidence if s]):
                        oracle.gaps["plover actor text not in the sentence"] += 1
                actors = [Role(name=s.text, evidence=[s]) for s in evidence if s is not None]
                if actors:
                    fields[f"actor{side}"], fields[f"assoc_actor{side}"] = actors[0], actors[1:]
            b.event(plover, None, trigger, **fields)
        oracle.predictions[record.id] = b.document()
    return oracle


def case2021_oracle(scorer: Scorer, gold: list[Snippet], path: Path, split: str) -> Oracle:
    """One event per snippet whose ACLED sub-event type (else PLOVER type/mode) gives the label."""
    maps = eval_maps()["case2021"]
    by_acled = {str(label): sub for sub, label in maps["acled_sub_event"].items()}
    by_plover = _reverse(maps["plover"])
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    for snippet in gold:
        b = _Builder(snippet.id, texts[snippet.id], oracle.gaps)
        plover, mode = by_plover.get(snippet.label, ("ASSAULT", None))
        if snippet.label in by_acled:
            b.event(plover, mode, b.first_word(), acled_sub_event_type=by_acled[snippet.label])
        elif snippet.label in by_plover:
            b.event(plover, mode, b.first_word())
        else:
            oracle.gaps[f"case2021 label {snippet.label} (subtask {snippet.subtask})"] += 1
        oracle.predictions[snippet.id] = b.document()
    return oracle


# --- WikiEvents entity mentions and coreference ------------------------------------------------


def coref_oracle(scorer: Scorer, gold: list[EntityDoc], path: Path, split: str) -> Oracle:
    """One entity per gold cluster of a scored type, its mentions the cluster's mentions."""
    maps = eval_maps()["coreference"]
    label_of = {kind: label for label, kind in reversed(list(maps["labels"].items()))}
    predictions = {}
    for doc in gold:
        clusters: dict[str, list[GoldMention]] = {}
        for m in doc.mentions:
            if m.type in maps["gold_types"]:
                clusters.setdefault(m.cluster, []).append(m)
        entities: list[Entity] = []
        for members in clusters.values():
            members.sort(key=lambda m: m.start)
            label = label_of[Counter(m.type for m in members).most_common(1)[0][0]]
            entities.append(
                Entity(
                    id=f"ent{len(entities) + 1}",
                    label=label,
                    name=members[0].text,
                    mentions=[Span.of(doc.text, m.start, m.end) for m in members],
                )
            )
        predictions[doc.id] = Document(id=doc.id, text=doc.text, entities=entities).to_dict()
    return Oracle(predictions)


def _gold_source(text: str, name: str | None, start: int, end: int) -> Source | None:
    # The gold names the speaker; its mention is not annotated: the quote stands in.
    return None if name is None else Source(name=name, evidence=[Span.of(text, start, end)])


def attribution_oracle(
    scorer: Scorer, gold: list[AttributionDoc], path: Path, split: str
) -> Oracle:
    """Each gold quote and claim as a record with its span, kind, speaker and status."""
    oracle = Oracle({})
    for item in gold:
        source = functools.partial(_gold_source, item.text)
        quotes = [
            Quote(
                id="",
                kind=q.kind,
                speaker=source(q.who, q.start, q.end),
                evidence=[Span.of(item.text, q.start, q.end)],
            )
            for q in item.quotes
        ]
        claims = [
            Claim(
                id="",
                claimant=source(c.who, c.start, c.end),
                status=c.status,
                evidence=[Span.of(item.text, c.start, c.end)],
            )
            for c in item.claims
        ]
        assign_ids(quotes)
        assign_ids(claims)
        doc = Document(id=item.id, text=item.text, quotes=quotes, claims=claims)
        oracle.predictions[item.id] = doc.to_dict()
    return oracle


# --- merging across articles (data/merge/) ---------------------------------------------------

# Target names standing for what tells one incident from another (a perfect event layer
# would find the real ones: "livestock market", "army patrol").
_INCIDENT_WORDS = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
    "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
    "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
]  # fmt: skip


def merge_oracle(scorer: Scorer, gold: list[MergeReport], path: Path, split: str) -> Oracle:
    """One event per gold report on its anchor, dated on publication, naming its incident."""
    oracle = Oracle({})
    texts = _texts(scorer, gold)
    incidents = sorted({incident for report in gold for incident, _ in report.incidents})
    for report in gold:
        b = _Builder(report.id, texts[report.id], oracle.gaps)
        for incident, anchor in report.incidents:
            trigger = b.find(anchor)
            if trigger is None or report.published is None:
                oracle.gaps["merge anchor not in the text"] += 1
                continue
            word = _INCIDENT_WORDS[incidents.index(incident) % len(_INCIDENT_WORDS)]
            date = EventDate(
                value=report.published,
                earliest=report.published,
                latest=report.published,
                precision="day",
                evidence=[trigger],
            )
            b.event(
                "ASSAULT", None, trigger, date=date, targets=[Named(name=word, evidence=[trigger])]
            )
        oracle.predictions[report.id] = b.document()
    return oracle


# --- registry and command line --------------------------------------------------------------

OracleFn = Callable[[Scorer, list[Any], Path, str], Oracle]

ORACLES: dict[str, OracleFn] = {
    "attribution": attribution_oracle,
    "te3": te3_oracle,
    "muc4": muc4_oracle,
    "wikievents": wikievents_oracle,
    "coref": coref_oracle,
    "petrarch": petrarch_oracle,
    "plover": plover_oracle,
    "case2021": case2021_oracle,
    "merge": merge_oracle,
}


def oracle_for(scorer: Scorer) -> OracleFn | None:
    """The oracle of a scorer; None where there is none (the seed checklist)."""
    if isinstance(scorer, GeoScorer):
        return geo_oracle
    return ORACLES.get(scorer.name)


def run_oracles(
    data_dir: Path, *, split: str, only: Iterable[str] | None = None
) -> tuple[list[ScoreResult], list[str]]:
    """Score the oracle predictions of every corpus found under ``data_dir``."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    wanted = set(only or [])
    results: list[ScoreResult] = []
    notes: list[str] = []
    for scorer in SCORERS:
        if wanted and scorer.name not in wanted:
            continue
        fn = oracle_for(scorer)
        if fn is None:
            notes.append(f"no oracle for {scorer.name}")
            continue
        path = scorer.find(data_dir)
        if path is None:
            notes.append(f"skipped {scorer.name}: {scorer.filename} not found under {data_dir}")
            continue
        gold = scorer.load(path, split)
        oracle = fn(scorer, gold, path, split)
        result = scorer.score(gold, oracle.predictions, split)
        result.notes = [f"oracle: {note}" for note in oracle.notes] + [
            f"oracle gap: {kind}: {count}" for kind, count in sorted(oracle.gaps.items())
        ]
        results.append(result)
    return results, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dateline.evaluate.oracle",
        description="Score the perfect-as-expressible predictions of every corpus: the ceilings.",
    )
    parser.add_argument("--data", type=Path, required=True, help="folder holding eval/ and seed/")
    parser.add_argument("--split", choices=SPLITS, default="test")
    parser.add_argument("--only", action="append", help="a scorer name (repeatable)")
    parser.add_argument("--errors", type=int, default=0, help="show the N most frequent errors")
    args = parser.parse_args(argv)
    results, notes = run_oracles(args.data, split=args.split, only=args.only)
    render(results, Console(width=160), notes=notes, errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
