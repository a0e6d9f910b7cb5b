"""Actors: who a stretch of text names or refers to.

``referent`` and ``role`` are the functions the event, quote and claim stages call to turn a
span into its referent. Until the actors layer (issue #10: alias dictionary, composed actors,
coreference) lands they read the ``entities`` records alone: the entity with a mention
overlapping the span.
"""

from __future__ import annotations

from ..document import Document
from ..records import Entity, Role


def referent(doc: Document, start: int, end: int, *, caption: int | None = None) -> Entity | None:
    """The entity that ``text[start:end]`` (of caption ``caption``) names or refers to."""
    best: tuple[int, Entity] | None = None
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.caption != caption:
                continue
            shared = min(end, mention.end) - max(start, mention.start)
            if shared > 0 and (best is None or shared > best[0]):
                best = (shared, entity)
    return best[1] if best else None


def role(doc: Document, start: int, end: int, *, caption: int | None = None) -> Role | None:
    """A Role for the actor ``text[start:end]`` names, linked to its entity when known."""
    span = doc.span(start, end, caption=caption)
    if not span.text.strip():
        return None
    entity = referent(doc, start, end, caption=caption)
    if entity is None:
        return Role(name=span.text, evidence=[span])
    return Role(
        name=entity.name,
        canonical=entity.canonical,
        entity_id=entity.id,
        actor_type=entity.actor_type,
        country=entity.country,
        evidence=[span],
    )
