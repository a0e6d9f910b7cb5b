"""Stage ``dateline.entities.v1``: named entities grouped into one record per referent.

Mentions with the same normalised name and label are one entity; a later one-word mention
that is the last word of an earlier PERSON ("Bello" after "Amina Bello") joins that person.
Alias dictionaries and actor types come with the actors stage; here canonical stays null.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document
from ..records import Entity, assign_ids
from ..registry import Stage, stages

# spaCy labels that name referents; numbers, dates and money are other stages' work.
ENTITY_LABELS = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
)

_TITLE = re.compile(
    r"^(?:the|col\.?|gen\.?|lt\.?|maj\.?|capt\.?|sgt\.?|dr\.?|mr\.?|mrs\.?|ms\.?|president|"
    r"minister|prime minister|general|colonel|sheikh)\s+",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def normalise(name: str) -> str:
    """A key for grouping mentions: no titles, possessives, case or extra spaces."""
    name = _POSSESSIVE.sub("", name.strip())
    while True:
        stripped = _TITLE.sub("", name)
        if stripped == name:
            break
        name = stripped
    return " ".join(name.lower().split())


def trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of a name mention without a trailing possessive or a second line.

    spaCy sometimes runs an entity across a line break ("Lake Chad\\n\\nArmy"): a name never
    spans lines in a clean body, so only the first line is kept.
    """
    name = text[start:end].split("\n", 1)[0].rstrip()
    return start, start + len(_POSSESSIVE.sub("", name))


def group_entities(doc: Document) -> list[Entity]:
    """One Entity per (label, normalised name), persons also by surname."""
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    names: dict[tuple[str, str], str] = {}
    for ent in doc.sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = trim_mention(doc.text, ent.start_char, ent.end_char)
        stripped = doc.text[start:end]
        key = (ent.label_, normalise(stripped))
        if not key[1]:
            continue
        # The small model often labels a repeated surname ORG ("Bello's unit"): a one-word
        # PERSON or ORG mention equal to an earlier person's last name is that person.
        if ent.label_ in ("PERSON", "ORG") and " " not in key[1]:
            for (label, full), _ in groups.items():
                if label == "PERSON" and full.split()[-1] == key[1]:
                    key = (label, full)
                    break
        groups.setdefault(key, []).append((start, end))
        names.setdefault(key, stripped)
    entities = [
        Entity(id="", label=key[0], name=names[key], mentions=[doc.span(s, e) for s, e in spans])
        for key, spans in sorted(groups.items(), key=lambda kv: kv[1][0])
    ]
    assign_ids(entities)
    return entities


@stages.register("dateline.entities.v1", requires=["sdoc"], assigns=["entities"], english_only=True)
def make_entities(config: Config) -> Stage:
    """Group spaCy's named entities into one record per referent with all its mentions."""

    def entities(doc: Document) -> Document:
        doc.entities = group_entities(doc)
        return doc

    return entities
