"""The event lexicon: trigger words, noun classes and modality words, read from data files.

``resources/events/triggers.toml`` lists the words that report events (verbs and nouns,
one or several words) with the PLOVER type and mode and the ACLED type they code, and the
constraints that tell one sense from another ("struck a deal" is no assault);
``nouns.toml`` says which nouns name people, physical targets, weapons and armed actors;
``modality.toml`` holds negation, modal and governing words. Everything is lower case and
matched on lemmas, so upper- and lower-case wire text read the same.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

RESOURCE_DIR = "events"


def _load(name: str) -> dict[str, Any]:
    text = (
        resources.files("dateline.resources")
        .joinpath(f"{RESOURCE_DIR}/{name}")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


@dataclass(frozen=True)
class Sense:
    """One way a trigger word reports an event: its coding and the constraints on context."""

    plover: str
    mode: str | None = None
    acled: tuple[str, str] | None = None
    outcome: str | None = None  # "killed" | "injured"
    patient: str = "any"  # "human" | "thing" | "any"
    needs_object: bool = False
    object_not: frozenset[str] = frozenset()
    # The verb reports this sense only when its object is one of these ("exchanged 90
    # prisoners" is a release; "exchanged fire", "exchanged views" are not).
    object_in: frozenset[str] = frozenset()
    subject_not: frozenset[str] = frozenset()
    needs_modifier: frozenset[str] = frozenset()
    modifier_not: frozenset[str] = frozenset()
    # Set phrases the word is part of in another sense ("in charge of", "charge d'affaires"),
    # lowercase, the word as written in the text.
    phrases_not: tuple[str, ...] = ()
    weak: bool = False
    anaphor: bool = False  # points back at an event told before; never one of its own
    finder: bool = False  # its subject found the event's outcome ("police found the bodies")
    # PLOVER types of the event a telling of this sense can be a part of ("the siege" of a
    # storming, "the demonstrators blocked a road" in a protest): coding/merge.py
    part_of: frozenset[str] = frozenset()
    # The word reports this sense only when one who acts in it is one of these ("protesters
    # clashed with police" is a riot, "troops clashed with rebels" a battle); such a sense is
    # tried before the word's others.
    needs_agent: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Entry:
    """A trigger phrase: its head word, the other words that must be near it, and its sense."""

    head: str
    extras: tuple[str, ...]
    kind: str  # "verb" | "noun"
    sense: Sense


@dataclass(frozen=True)
class Weapon:
    mode: str | None
    acled: tuple[str, str] | None


@dataclass
class Lexicon:
    """Everything the event coder looks words up in."""

    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    support_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # head -> extras
    responsibility: dict[str, tuple[str, ...]] = field(default_factory=dict)
    undergo: frozenset[str] = frozenset()
    participate: frozenset[str] = frozenset()
    participate_phrases: frozenset[str] = frozenset()  # "take part": its object names no one
    blame: frozenset[str] = frozenset()
    held_for: frozenset[str] = frozenset()
    perpetrators: frozenset[str] = frozenset()
    perpetrators_work: frozenset[str] = frozenset()
    blame_nouns: frozenset[str] = frozenset()
    instrument_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    casualty: dict[str, frozenset[str]] = field(default_factory=dict)
    context: dict[str, frozenset[str]] = field(default_factory=dict)
    acled_modes: dict[str, tuple[str, str]] = field(default_factory=dict)
    state_acts: frozenset[str] = frozenset()
    state_actor_name: str = "{country}"
    weapons: dict[str, Weapon] = field(default_factory=dict)
    # a trigger's mode -> weapon modes that override it ("warplanes bombed": aerial)
    weapon_overrides: dict[str, frozenset[str]] = field(default_factory=dict)
    people: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    armed: frozenset[str] = frozenset()
    occasions: frozenset[str] = frozenset()
    armed_types: frozenset[str] = frozenset()
    unarmed_types: frozenset[str] = frozenset()
    modality: dict[str, Any] = field(default_factory=dict)
    place_heads: frozenset[str] = frozenset()
    populated_heads: frozenset[str] = frozenset()
    capital_heads: frozenset[str] = frozenset()
    capital_modifiers: frozenset[str] = frozenset()
    locative_heads: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()
    part_preps: frozenset[str] = frozenset({"of"})
    blast_preps: frozenset[str] = frozenset()
    planting_verbs: frozenset[str] = frozenset()
    manner_nouns: frozenset[str] = frozenset()
    # "TYPE/mode" -> the sense it takes when an armed non-state group does it ([armed_agents])
    armed_retype: dict[str, Sense] = field(default_factory=dict)
    armed_group_types: frozenset[str] = frozenset()
    # [territory]: the ACLED coding of ground taken, by the taker's side
    territory: dict[str, Any] = field(default_factory=dict)
    # PLOVER type -> the nouns for the people who take part in such an event ([participants])
    participants: dict[str, frozenset[str]] = field(default_factory=dict)
    # PLOVER type -> the prepositions that introduce its other party ([recipients])
    recipient_preps: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def weapon(self, *words: str) -> Weapon | None:
        """The weapon named by a head lemma, or by modifiers + head ("car bomb")."""
        for size in range(len(words), 0, -1):
            key = " ".join(words[-size:])
            if key in self.weapons:
                return self.weapons[key]
        return None


def _phrase(text: str, kind: str) -> tuple[str, tuple[str, ...]]:
    """Head and extra words of a phrase: verbs lead ("pick off"); nouns end ("air strike")
    unless an "of" follows the head ("exchange of fire")."""
    words = text.lower().split()
    if kind == "verb":
        return words[0], tuple(words[1:])
    if "of" in words[1:]:
        at = words.index("of")
        head = words[at - 1]
        return head, tuple(w for i, w in enumerate(words) if i != at - 1)
    return words[-1], tuple(words[:-1])


def _sense(table: dict[str, Any]) -> Sense:
    acled = table.get("acled")
    return Sense(
        plover=str(table["plover"]),
        mode=table.get("mode") or None,
        acled=(str(acled[0]), str(acled[1])) if acled else None,
        outcome=table.get("outcome"),
        patient=str(table.get("patient", "any")),
        needs_object=bool(table.get("needs_object", False)),
        object_not=frozenset(table.get("object_not", [])),
        object_in=frozenset(table.get("object_in", [])),
        subject_not=frozenset(table.get("subject_not", [])),
        needs_modifier=frozenset(table.get("needs_modifier", [])),
        modifier_not=frozenset(table.get("modifier_not", [])),
        phrases_not=tuple(str(p).lower() for p in table.get("phrases_not", [])),
        weak=bool(table.get("weak", False)),
        anaphor=bool(table.get("anaphor", False)),
        finder=bool(table.get("finder", False)),
        part_of=frozenset(table.get("part_of", [])),
        needs_agent=frozenset(table.get("needs_agent", [])),
    )


@cache
def lexicon() -> Lexicon:
    """The lexicon of the shipped data files (read once per process)."""
    triggers = _load("triggers.toml")
    nouns = _load("nouns.toml")
    lex = Lexicon()
    for table in triggers.get("trigger", []):
        sense = _sense(table)
        for kind, key, index in (("verb", "verbs", lex.verbs), ("noun", "nouns", lex.nouns)):
            for text in table.get(key, []):
                head, extras = _phrase(text, kind)
                index.setdefault(head, []).append(Entry(head, extras, kind, sense))
    for entries in (*lex.verbs.values(), *lex.nouns.values()):
        # Longer phrases first: "blow up" before "blow", "air strike" before "strike"; a
        # sense that needs its agent before the word's other senses.
        entries.sort(key=lambda e: (-len(e.extras), not e.sense.needs_agent))
    for table in triggers.get("support", []):
        for text in table.get("verbs", []):
            head, extras = _phrase(text, "verb")
            lex.support_verbs[head] = extras
        for text in table.get("responsibility", []):
            head, extras = _phrase(text, "verb")
            lex.responsibility[head] = extras
        lex.undergo = frozenset(table.get("undergo", []))
        lex.participate = frozenset(w.split()[0] for w in table.get("participate", []))
        lex.participate_phrases = frozenset(table.get("participate", []))
        lex.blame = frozenset(w.split()[0] for w in table.get("blame", []))
        lex.held_for = frozenset(table.get("held_for", []))
        lex.perpetrators = frozenset(table.get("perpetrators", []))
        lex.perpetrators_work = frozenset(table.get("perpetrators_work", []))
        lex.blame_nouns = frozenset(table.get("blame_nouns", []))
    for table in triggers.get("instrument_use", []):
        for text in table.get("verbs", []):
            head, extras = _phrase(text, "verb")
            lex.instrument_verbs[head] = extras
    lex.casualty = {k: frozenset(v) for k, v in triggers.get("casualty", {}).items()}
    lex.context = {k: frozenset(v) for k, v in triggers.get("context", {}).items()}
    lex.participants = {k: frozenset(v) for k, v in triggers.get("participants", {}).items()}
    lex.recipient_preps = {k: tuple(v) for k, v in triggers.get("recipients", {}).items()}
    lex.acled_modes = {k: (str(v[0]), str(v[1])) for k, v in triggers["acled_modes"].items()}
    armed_agents = triggers.get("armed_agents", {})
    lex.armed_group_types = frozenset(armed_agents.get("actor_types", []))
    lex.armed_retype = {k: _sense(v) for k, v in armed_agents.get("retype", {}).items()}
    lex.territory = dict(triggers.get("territory", {}))
    lex.state_acts = frozenset(triggers["state_acts"]["events"])
    lex.state_actor_name = str(triggers["state_acts"]["name"])
    for name, (mode, event_type, sub_type) in nouns["weapons"].items():
        lex.weapons[name] = Weapon(
            mode or None, (event_type, sub_type) if event_type and sub_type else None
        )
    lex.weapon_overrides = {k: frozenset(v) for k, v in nouns.get("weapon_overrides", {}).items()}
    lex.people = frozenset(nouns["people"]["nouns"])
    lex.things = frozenset(nouns["things"]["nouns"])
    lex.armed = frozenset(nouns["armed"]["nouns"])
    lex.occasions = frozenset(nouns.get("occasions", {}).get("nouns", []))
    lex.armed_types = frozenset(nouns["armed"]["actor_types"])
    lex.unarmed_types = frozenset(nouns["armed"]["unarmed_types"])
    lex.modality = _load("modality.toml")
    lex.place_heads = frozenset(nouns["places"]["heads"])
    lex.populated_heads = frozenset(nouns["places"].get("populated", []))
    lex.capital_heads = frozenset(nouns["places"]["capital"]["heads"])
    lex.capital_modifiers = frozenset(nouns["places"]["capital"]["modifiers"])
    lex.locative_heads = frozenset(nouns["places"]["locative_heads"])
    lex.locative_preps = frozenset(nouns["places"]["locative_preps"])
    lex.parts = frozenset(nouns["parts"]["nouns"])
    lex.part_preps = frozenset(nouns["parts"].get("part_preps", ["of"]))
    lex.blast_preps = frozenset(nouns["parts"]["blast_preps"])
    lex.planting_verbs = frozenset(nouns["parts"]["planting_verbs"])
    lex.manner_nouns = frozenset(nouns["parts"]["manner_nouns"])
    return lex
