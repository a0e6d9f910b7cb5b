"""Speakers: who a speaker or claimant mention is, as a ``Source`` with evidence.

A mention is resolved through the actors layer (``actors.referent``) when the referent's
mention covers the mention's head word ("air force spokesman Oleh Danylenko" -> the person;
"the commission's chairman" is not the commission). What that layer leaves unresolved, a
pronoun ("he said") or a definite description ("the ministry said"), takes the most recent
earlier speaker that fits: a minimal fallback until the actors layer's coreference answers
for them. The antecedent's mention is added to the evidence, so the name stays backed by
the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..records import Entity, Source
from . import actors
from .cues import Range, is_pronoun, lexicon

# How far back (characters) a pronoun or description looks for its speaker by default
# (``[quotes] speaker_lookback_chars``).
LOOKBACK_CHARS = 2000
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_THING_PRONOUNS = frozenset({"it"})
_GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


@dataclass(frozen=True)
class Said:
    """A resolved speaker, where it spoke, and whether it reads as a person or a body."""

    at: int
    source: Source
    kind: str  # "person", "group" or "unknown"


class Speakers:
    """Resolves speaker mentions of one document part, remembering who spoke before."""

    def __init__(
        self, doc: Document, *, caption: int | None = None, lookback: int = LOOKBACK_CHARS
    ) -> None:
        self.doc = doc
        self.lookback = lookback
        self.caption = caption
        self.text = doc.part(caption)
        self.sdoc = doc.sdoc if caption is None else doc.caption_sdocs[caption]
        self.history: list[Said] = []

    # -- what was said before ---------------------------------------------------------
    def remember(self, at: int, source: Source, *, caption: int | None = None) -> None:
        """Record that ``source`` spoke at offset ``at``."""
        self.history.append(Said(at, source, self._kind(source)))

    def previous(
        self, at: int, *, caption: int | None = None, want: str | None = None
    ) -> Source | None:
        """The most recent speaker before offset ``at`` (of kind ``want`` if given)."""
        for said in reversed(self.history):
            if said.at > at or at - said.at > self.lookback:
                continue
            if want is not None and said.kind not in (want, "unknown"):
                continue
            return said.source
        return None

    # -- resolving a mention ----------------------------------------------------------
    def resolve(
        self, mention: Range | None, name: Range | None = None, *, caption: int | None = None
    ) -> Source | None:
        """The Source for a speaker mention (and a proper-name apposition of it)."""
        if mention is None or mention[1] <= mention[0]:
            return None
        start, end = mention
        span = self.doc.span(start, end, caption=self.caption)
        entity = self._referent(start, end)
        if entity is not None:
            return Source(name=entity.name, entity_id=entity.id, evidence=[span])
        if name is not None:
            named = self.doc.span(name[0], name[1], caption=self.caption)
            entity = self._referent(*name)
            return Source(
                name=entity.name if entity else named.text,
                entity_id=entity.id if entity else None,
                evidence=[named, span],
            )
        text = span.text
        if is_pronoun(text):
            low = text.strip().lower()
            want = (
                "person" if low in _PERSON_PRONOUNS else "group" if low in _THING_PRONOUNS else None
            )
            antecedent = self.previous(start, want=want)
            if antecedent is None and want == "person":
                antecedent = self._person_before(start)
            if antecedent is not None:
                return Source(
                    name=antecedent.name,
                    entity_id=antecedent.entity_id,
                    evidence=[span, *antecedent.evidence[:1]],
                )
            return Source(name=text, evidence=[span])
        antecedent = self._description(start, end)
        if antecedent is not None:
            return Source(
                name=antecedent.name,
                entity_id=antecedent.entity_id,
                evidence=[span, *antecedent.evidence[:1]],
            )
        return Source(name=text, evidence=[span])

    def core_names(self, start: int, end: int, entity_id: str | None = None) -> list[Range]:
        """The names a longer mention is built on, none when the mention is its name
        already: the mention of its referent inside it ("Coalition spokesman Col. Myles
        Caggins" -> "Myles Caggins"), and the proper name of that (or of the mention)."""
        found: list[Range] = []
        inside = self._entity_inside(start, end, entity_id)
        if inside is not None:
            found.append(inside)
            start, end = inside
        core = self._proper_core(start, end)
        if core is not None:
            found.append(core)
        return found

    def _proper_core(self, start: int, end: int) -> Range | None:
        """The run of proper nouns that ends the mention at its head ("that nation's
        Defense Ministry" -> "Defense Ministry"; not "the Syrian Observatory" of "the
        Syrian Observatory for Human Rights": the name runs on), or that names the news
        outlet it heads ("Russia's state-run Tass news agency" -> "Tass"; ``[nouns]
        outlet``); None when the mention is that run or holds none."""
        if self.sdoc is None:
            return None
        sp = self.sdoc.char_span(start, end, alignment_mode="expand")
        if sp is None or len(sp) < 2:
            return None
        root, tokens = sp.root, self.sdoc
        lo = sp.start
        if root.pos_ == "PROPN":
            if root.i != sp.end - 1:
                return None
            i = j = root.i
        else:
            if str(root.lemma_).lower() not in lexicon().outlet_nouns:
                return None
            # Over the common nouns compounded onto the head ("news agency") to the name.
            i = root.i
            while i - 1 >= lo and tokens[i - 1].pos_ == "NOUN" and tokens[i - 1].dep_ == "compound":
                i -= 1
            if i - 1 < lo or tokens[i - 1].pos_ != "PROPN":
                return None
            i = j = i - 1
        while i - 1 >= lo and tokens[i - 1].pos_ == "PROPN":
            i -= 1
        a, b = tokens[i].idx, tokens[j].idx + len(tokens[j].text)
        if (a, b) == (start, end) or not (start <= a and b <= end):
            return None
        # A whole word: not "Monitor" of "Al-Monitor".
        if not tokens[i].text[:1].isupper() or (a > start and not self.text[a - 1].isspace()):
            return None
        return a, b

    def _entity_inside(self, start: int, end: int, entity_id: str | None) -> Range | None:
        """The longest mention of the entity ``entity_id`` strictly inside ``[start, end)``."""
        if entity_id is None:
            return None
        by_id = self.doc.memo(
            "speakers.entities",
            self.doc.entities,
            lambda: {e.id: e for e in reversed(self.doc.entities)},
        )
        entity = by_id.get(entity_id)
        if entity is None:
            return None
        found = [
            (m.start, m.end)
            for m in entity.mentions
            if m.caption == self.caption
            and start <= m.start < m.end <= end
            and (m.start, m.end) != (start, end)
        ]
        return max(found, key=lambda r: (r[1] - r[0], -r[0])) if found else None

    def _root(self, start: int, end: int) -> object | None:
        if self.sdoc is None:
            return None
        sp = self.sdoc.char_span(start, end, alignment_mode="expand")
        return sp.root if sp is not None and len(sp) else None

    def _referent(self, start: int, end: int) -> Entity | None:
        """The actors layer's referent, if its mention covers the head word of the mention."""
        entity = actors.referent(self.doc, start, end, caption=self.caption)
        if entity is None:
            return None
        root = self._root(start, end)
        if root is None:
            return entity
        a, b = root.idx, root.idx + len(root.text)  # type: ignore[attr-defined]
        for mention in entity.mentions:
            if mention.caption == self.caption and mention.start < b and a < mention.end:
                return entity
        return None

    def _description(self, start: int, end: int) -> Source | None:
        """The earlier speaker "the ministry" or "the statement" refers to, if any."""
        text = self.text[start:end]
        if not text.lower().startswith(("the ", "this ", "that ")):
            return None
        root = self._root(start, end)
        if root is None:
            return None
        lemma = str(root.lemma_).lower()  # type: ignore[attr-defined]
        if lemma in lexicon().channel_nouns:
            return self.previous(start)
        if lemma in lexicon().generic_nouns:
            return self.previous(start, want="group")
        word = str(root.text).lower()  # type: ignore[attr-defined]
        for said in reversed(self.history):
            if said.at > start or start - said.at > self.lookback:
                continue
            names = [said.source.name, *(s.text for s in said.source.evidence)]
            if any(word in n.lower() or lemma in n.lower() for n in names):
                return said.source
        return None

    def _person_before(self, start: int) -> Source | None:
        """The last person named before ``start``, when no earlier speaker fits "he"/"she"."""
        best: tuple[int, Entity] | None = None
        for entity in self.doc.entities:
            if entity.label != "PERSON":
                continue
            for mention in entity.mentions:
                if mention.caption != self.caption or mention.end > start:
                    continue
                if start - mention.end <= self.lookback and (
                    best is None or mention.start > best[0]
                ):
                    best = (mention.start, entity)
        if best is None:
            return None
        at, entity = best
        mention = next(m for m in entity.mentions if m.start == at and m.caption == self.caption)
        return Source(name=entity.name, entity_id=entity.id, evidence=[mention])

    def _kind(self, source: Source) -> str:
        """Person or group: from the head word of the mention, else the entity label."""
        lex = lexicon()
        span = source.evidence[-1] if source.evidence else None
        root = None
        if span is not None and span.caption == self.caption:
            root = self._root(span.start, span.end)
        if root is not None:
            lemma = str(root.lemma_).lower()  # type: ignore[attr-defined]
            if lemma in lex.person_nouns:
                return "person"
            if lemma in lex.group_nouns or lemma in lex.channel_nouns:
                return "group"
        if source.entity_id is not None:
            by_id = self.doc.memo(
                "speakers.entities",
                self.doc.entities,
                lambda: {e.id: e for e in reversed(self.doc.entities)},
            )
            entity = by_id.get(source.entity_id)
            if entity is not None:
                if entity.label == "PERSON":
                    return "person"
                if entity.label in _GROUP_LABELS:
                    return "group"
        if root is not None:
            if str(root.ent_type_) == "PERSON":  # type: ignore[attr-defined]
                return "person"
            if str(root.ent_type_) in _GROUP_LABELS:  # type: ignore[attr-defined]
                return "group"
        return "unknown"
