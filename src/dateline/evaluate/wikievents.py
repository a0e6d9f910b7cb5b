"""WikiEvents (KAIROS types): end-to-end argument F1 on the conflict subset, and trigger F1.

Protocol (shared/eval/events_corpora.md, section 7). dateline predicts its own triggers, so
every number here is end-to-end; the published BART-Gen numbers are given gold triggers.

* Predicted events become KAIROS events through ``eval_maps.toml`` ``[wikievents]``. An
  event that lists its ``mentions`` gives one KAIROS event per mention (WikiEvents annotates
  every mention): a mention whose ``outcome`` is "killed" is a Life.Die.Unspecified,
  "injured" a Life.Injure.Unspecified, one whose word tells a device put in place
  ("planted", ``placing_words``) none, an assassination (``attack_words``) a
  Conflict.Attack.Unspecified, any other the type of its PLOVER type/mode (a destruction
  told by a word of damage, ``damage_words``, KAIROS's Damage, not Destroy); each
  takes as Place the mention's own ``location`` where it has one, and the event's arguments
  with an evidence span inside the mention's clause (the
  people acted on, for a mention that reports no deaths or injuries, only outside the
  clauses of the mentions that do: those killed by a bombing are not its Target). An event
  without mentions gives its main event by PLOVER type/mode; a fatalities count (best not 0) also gives a
  Life.Die.Unspecified whose trigger is the count's first evidence span, an injured count a
  Life.Injure.Unspecified. A claim gives a Contact.Contact.Broadcast whose trigger is its cue
  (one of ``broadcast_cues``; no cue, no Broadcast; none where the cue word is an event's
  trigger: "the bombs claimed nine lives"; "issued" where a participle cue quotes what was
  issued: "issued a statement, stating"; none for a claimant that names nobody) and whose
  Communicator is its claimant.
  Roles come from ``[wikievents.roles.<type>]``; each actor, target and weapon is one
  argument whose candidate spans are its evidence spans (not the trigger: an actor whose
  only evidence is its event's trigger, such as the state of the place, names no one) and
  the mentions of its referent (``entity_id``) inside them ("that nation's Defense
  Ministry" -> "Defense Ministry"), as head-word matching would take them.
* Gold events are restricted to the conflict subset. A predicted event is paired with a
  gold event of the same type whose trigger span overlaps its own, one-to-one, maximising
  the correct arguments. Arguments are paired one-to-one inside paired events; arguments of
  unpaired events are all spurious or missing. Counts are micro-summed over documents.
* Argument variants: exact (a candidate span equals the gold argument span), coref (equals
  any mention of the gold argument's coreference cluster), informative (equals the gold
  ``informative`` span, or the argument span where there is none). Arg-I ignores the role.
* Trigger identification and classification: one-to-one, exact span or overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import by_type_mode, eval_maps, roles, scored_events
from .metrics import (
    Counts,
    ErrorCase,
    ScoreResult,
    best_assignment,
    f1_of,
    metric,
    precision_of,
    recall_of,
)

SpanKey = tuple[int, int]
# How far before a participle cue ("issued a statement, stating") its issuing word may stand.
ISSUING_REACH = 24
VARIANTS = ("exact", "coref", "informative")


@dataclass
class Argument:
    role: str
    spans: set[SpanKey]  # candidate spans (predicted) or the argument span (gold)
    text: str | None = None
    coref: set[SpanKey] = field(default_factory=set)  # gold: spans of its cluster's mentions
    informative: set[SpanKey] = field(default_factory=set)  # gold: the informative span

    def accepted(self, variant: str) -> set[SpanKey]:
        if variant == "coref":
            return self.spans | self.coref
        if variant == "informative":
            return self.informative or self.spans
        return self.spans


@dataclass
class KEvent:
    type: str
    trigger: SpanKey
    trigger_text: str | None
    arguments: list[Argument]


@dataclass
class WikiDoc:
    id: str
    split: str
    text: str
    events: list[KEvent]  # conflict subset only
    all_events: int


def in_conflict_subset(event_type: str) -> bool:
    """Whether a KAIROS type is in the conflict subset of ``[wikievents] conflict_types``."""
    for pattern in eval_maps()["wikievents"]["conflict_types"]:
        if event_type == pattern or (pattern.endswith(".") and event_type.startswith(pattern)):
            return True
    return False


def _overlap(a: SpanKey, b: SpanKey) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(span: Mapping[str, Any], within: list[Mapping[str, Any]]) -> bool:
    return any(
        span.get("caption") == w.get("caption")
        and w["start"] <= span["start"] <= span["end"] <= w["end"]
        for w in within
    )


def _arguments(
    role_map: Mapping[str, str],
    event: Mapping[str, Any],
    with_source: bool,
    within: list[Mapping[str, Any]] | None = None,
    harmed: list[Mapping[str, Any]] | None = None,
    names: Mapping[str, list[SpanKey]] | None = None,
) -> list[Argument]:
    """The arguments of an event for a KAIROS role map; with ``within`` (a mention's
    clause), only those with an evidence span inside it; with ``harmed`` (the clauses of
    the words that report deaths or injuries), no one acted on who is told inside them."""
    found: list[Argument] = []
    # An actor the text does not name (the state of the place, for an arrest nobody is named
    # for) has its event's trigger as evidence: no argument span.
    triggers = {
        (t["start"], t["end"])
        for t in [
            event.get("trigger") or {},
            *(m.get("trigger") or {} for m in event.get("mentions") or []),
        ]
        if "start" in t
    }

    def add(field_name: str, items: list[Any]) -> None:
        role = role_map.get(field_name)
        if role is None:
            return
        for item in items:
            evidence = item.get("evidence") or []
            if within is not None:
                evidence = [e for e in evidence if _inside(e, within)]
            if harmed and field_name == "actor2":
                evidence = [e for e in evidence if not _inside(e, harmed)]
            spans = {(e["start"], e["end"]) for e in evidence} - triggers
            # The mention of its referent inside the phrase ("that nation's Defense Ministry"
            # -> "Defense Ministry") names the same argument: a candidate span like its head.
            spans |= {
                (a, b)
                for a, b in (names or {}).get(item.get("entity_id") or "", [])
                if any(s <= a and b <= e for s, e in spans)
            }
            if spans:
                found.append(Argument(role, spans, text=item.get("name")))

    add("actor1", roles(event, "1"))
    add("actor2", roles(event, "2"))
    add("targets", list(event.get("targets") or []))
    add("weapons", list(event.get("weapons") or []))
    add("location", [event["location"]] if event.get("location") else [])
    if with_source:
        add("source", [event["source"]] if event.get("source") else [])
    return found


def predicted_events(doc: Mapping[str, Any] | None) -> list[KEvent]:
    """dateline's events of one document as KAIROS events (see the module docstring)."""
    maps = eval_maps()["wikievents"]
    role_maps = maps["roles"]
    found: list[KEvent] = []
    names = _entity_mentions(doc)
    for event in scored_events(doc):
        if event.get("mentions"):
            found += _mention_events(event, maps, names)
            continue
        trigger = event.get("trigger") or {}
        kairos = by_type_mode(maps["event_type"], event.get("plover"), event.get("mode"))
        kairos = damage_or(kairos, trigger.get("text"), maps)
        if kairos and "start" in trigger:
            found.append(
                KEvent(
                    kairos,
                    (trigger["start"], trigger["end"]),
                    trigger.get("text"),
                    _arguments(role_maps.get(kairos, {}), event, with_source=False, names=names),
                )
            )
        for count_field, kairos_type in (
            ("fatalities", maps["die_type"]),
            ("injured", maps["injure_type"]),
        ):
            count = event.get(count_field)
            if not count or count.get("best") == 0 or not count.get("evidence"):
                continue
            span = count["evidence"][0]
            found.append(
                KEvent(
                    kairos_type,
                    (span["start"], span["end"]),
                    span.get("text"),
                    _arguments(
                        role_maps.get(kairos_type, {}), event, with_source=False, names=names
                    ),
                )
            )
    found += _broadcasts(doc, maps, names)
    return found


def damage_or(kairos: str | None, word: str | None, maps: Mapping[str, Any]) -> str | None:
    """The KAIROS Damage type for a destruction told by a word of damage (``[wikievents]
    damage_words``: "damaged" is not "destroyed"), else ``kairos`` as it is."""
    destroy = maps["event_type"].get("ASSAULT/destroy")
    damage = {str(w).lower() for w in maps.get("damage_words") or []}
    if kairos and kairos == destroy and str(word or "").lower() in damage:
        return str(maps.get("damage_type") or kairos)
    return kairos


def _entity_mentions(doc: Mapping[str, Any] | None) -> dict[str, list[SpanKey]]:
    """entity id -> the body spans of its mentions, from the document's entities."""
    return {
        entity["id"]: [
            (m["start"], m["end"]) for m in entity.get("mentions") or [] if m.get("caption") is None
        ]
        for entity in (doc or {}).get("entities") or []
        if "id" in entity
    }


def _mention_events(
    event: Mapping[str, Any],
    maps: Mapping[str, Any],
    names: Mapping[str, list[SpanKey]] | None = None,
) -> list[KEvent]:
    """One KAIROS event per mention of a dateline event: a word that reports deaths or
    injuries is a Life.Die or Life.Injure, any other the event's type by PLOVER type/mode;
    each takes the event's arguments told inside its clause."""
    found = []
    placing = {str(w).lower() for w in maps.get("placing_words") or []}
    attacks = {str(w).lower() for w in maps.get("attack_words") or []}
    for mention in event["mentions"]:
        outcome = mention.get("outcome")
        word = str((mention.get("trigger") or {}).get("text", "")).lower()
        if not outcome and word in placing:
            continue  # "planted a bomb": no KAIROS event (see eval_maps.toml)
        if word in attacks:
            kairos = maps["event_type"]["ASSAULT"]  # "the assassination of X": X the Target
        elif outcome == "killed":
            kairos = maps["die_type"]
        elif outcome == "injured":
            kairos = maps["injure_type"]
        else:
            kairos = by_type_mode(maps["event_type"], mention.get("plover"), mention.get("mode"))
            kairos = damage_or(kairos, word, maps)
        trigger = mention.get("trigger") or {}
        if not kairos or "start" not in trigger:
            continue
        within = list(mention.get("evidence") or [])
        # The people a bombing killed are the victims of the deaths, not what it targeted.
        harmed = [
            e
            for other in event["mentions"]
            if other.get("outcome") and not outcome and other is not mention
            for e in other.get("evidence") or []
        ]
        # A telling that names its own place ("killed in Syria") has that place as its Place,
        # whichever place the merged event kept.
        told = {**event, "location": mention["location"]} if mention.get("location") else event
        args = _arguments(
            maps["roles"].get(kairos, {}),
            told,
            with_source=False,
            within=within,
            harmed=harmed,
            names=names,
        )
        # Every further place the telling names is a Place of its own (KAIROS marks each).
        place_role = maps["roles"].get(kairos, {}).get("location")
        if place_role:
            for place in mention.get("places") or []:
                spans = {(e["start"], e["end"]) for e in place.get("evidence") or []}
                spans = {sp for sp in spans if _inside_any(sp, within)}
                if spans:
                    args.append(Argument(place_role, spans, text=place.get("name")))
        found.append(KEvent(kairos, (trigger["start"], trigger["end"]), trigger.get("text"), args))
    return found


def _inside_any(span: SpanKey, within: list[Mapping[str, Any]]) -> bool:
    return any(
        w.get("caption") is None and w["start"] <= span[0] <= span[1] <= w["end"] for w in within
    )


def _broadcasts(
    doc: Mapping[str, Any] | None,
    maps: Mapping[str, Any],
    names: Mapping[str, list[SpanKey]] | None = None,
) -> list[KEvent]:
    """A Contact.Contact.Broadcast per claim whose cue is a word of ``[wikievents]
    broadcast_cues`` (one per cue), its claimant the Communicator: a claim records an act of
    communication. None when ``[wikievents] broadcasts`` is false."""
    if not maps.get("broadcasts", True):
        return []
    cue_words = {str(w).lower() for w in maps.get("broadcast_cues") or []}
    nobody = {str(w).lower() for w in maps.get("nobody") or []}
    broadcast = maps["broadcast_type"]
    role_map = maps["roles"].get(broadcast, {})
    # A word dateline reads as an event's trigger ("the bombs claimed nine lives") is no cue.
    seen: set[SpanKey] = {
        (t["start"], t["end"])
        for event in (doc or {}).get("events") or []
        for t in [
            event.get("trigger") or {},
            *(m.get("trigger") or {} for m in event.get("mentions") or []),
        ]
        if "start" in t and t.get("caption") is None
    }
    found = []
    for claim in (doc or {}).get("claims") or []:
        cue = claim.get("cue")
        if not cue or "start" not in cue:
            continue
        if cue_words and str(cue.get("text", "")).lower() not in cue_words:
            continue
        cue = _issuing_word(doc, cue, cue_words)
        key = (cue["start"], cue["end"])
        if key in seen:
            continue
        claimant = str((claim.get("claimant") or {}).get("name") or "").lower().split()
        if claimant and claimant[0] in nobody:
            continue  # "no group has claimed responsibility": nobody said anything
        seen.add(key)
        args = _arguments(
            role_map, {"source": claim.get("claimant")}, with_source=True, names=names
        )
        found.append(KEvent(broadcast, key, cue.get("text"), args))
    return found


_WORD = re.compile(r"[A-Za-z]+")


def _issuing_word(
    doc: Mapping[str, Any] | None, cue: Mapping[str, Any], cue_words: set[str]
) -> Mapping[str, Any]:
    """The word of a statement's issuing told just before a participle cue ("issued a
    statement, stating ..."): the act of communication is the issuing, which the participle
    only quotes. Else the cue as it is."""
    word = str(cue.get("text", "")).lower()
    text = str((doc or {}).get("text") or "")
    if not word.endswith("ing") or cue.get("caption") is not None or not text:
        return cue
    start = int(cue["start"])
    before = text[max(0, start - ISSUING_REACH) : start]
    found = [m for m in _WORD.finditer(before) if m.group().lower() in cue_words]
    if not found:
        return cue
    last = found[-1]
    at = start - len(before) + last.start()
    return {"start": at, "end": at + len(last.group()), "text": last.group(), "caption": None}


def _arg_match(pred: Argument, gold: Argument, variant: str, *, role: bool) -> bool:
    return (not role or pred.role == gold.role) and bool(pred.spans & gold.accepted(variant))


def _arg_pairs(pred: KEvent, gold: KEvent, variant: str, *, role: bool) -> list[tuple[int, int]]:
    weights = [
        [1.0 if _arg_match(p, g, variant, role=role) else 0.0 for g in gold.arguments]
        for p in pred.arguments
    ]
    return best_assignment(weights)


def _trigger_pairs(preds: list[KEvent], golds: list[KEvent], *, exact: bool, typed: bool) -> int:
    def ok(p: KEvent, g: KEvent) -> bool:
        span_ok = p.trigger == g.trigger if exact else _overlap(p.trigger, g.trigger)
        return span_ok and (not typed or p.type == g.type)

    return len(best_assignment([[1.0 if ok(p, g) else 0.0 for g in golds] for p in preds]))


class WikiEventsScorer(Scorer):
    """WikiEvents dev/test: end-to-end Arg-C F1 with coreference on the conflict subset."""

    name = "wikievents"
    filename = "events_wikievents.jsonl"
    description = "WikiEvents (KAIROS): end-to-end argument and trigger F1, conflict subset"

    def load(self, path: Path, split: str) -> list[WikiDoc]:
        if split not in SPLITS:
            raise ValueError(f"wikievents has dev and test splits only, not {split!r}")
        docs = []
        for record in read_records(path):
            if record.get("split") != split:
                continue
            clusters: dict[Any, set[SpanKey]] = {}
            for entity in record.get("entities") or []:
                clusters.setdefault(entity.get("cluster"), set()).add(
                    (entity["start"], entity["end"])
                )
            events = []
            for event in record.get("events") or []:
                if not in_conflict_subset(event["type"]):
                    continue
                args = []
                for arg in event.get("arguments") or []:
                    informative = arg.get("informative")
                    args.append(
                        Argument(
                            arg["role"],
                            {(arg["start"], arg["end"])},
                            text=arg.get("text"),
                            coref=set(clusters.get(arg.get("cluster"), set()))
                            if arg.get("cluster") is not None
                            else set(),
                            informative={(informative["start"], informative["end"])}
                            if informative
                            else set(),
                        )
                    )
                trigger = event["trigger"]
                events.append(
                    KEvent(
                        event["type"],
                        (trigger["start"], trigger["end"]),
                        trigger.get("text"),
                        args,
                    )
                )
            docs.append(
                WikiDoc(
                    record["id"], split, record["text"], events, len(record.get("events") or [])
                )
            )
        return docs

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [EvalInput(id=doc.id, text=doc.text, published=None, clean=False) for doc in gold]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[Counts] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            counts, doc_errors = self._score_doc(doc, predicted.get(doc.id))
            per_doc.append(counts)
            errors.extend(doc_errors)
        reference = (
            "BART-Gen 59.10 exact / 60.57 coref Arg-C on test, given gold triggers and types "
            "(dateline's number is end-to-end, not comparable one to one)"
        )
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        result.metrics = [
            metric(
                "argc_coref_f1",
                per_doc,
                f1_of("argc_coref", "arg_pred", "arg_gold"),
                reference=reference,
            ),
            metric("argc_coref_precision", per_doc, precision_of("argc_coref", "arg_pred")),
            metric("argc_coref_recall", per_doc, recall_of("argc_coref", "arg_gold")),
            metric("argc_exact_f1", per_doc, f1_of("argc_exact", "arg_pred", "arg_gold")),
            metric(
                "argc_informative_f1", per_doc, f1_of("argc_informative", "arg_pred", "arg_gold")
            ),
            metric("argi_coref_f1", per_doc, f1_of("argi_coref", "arg_pred", "arg_gold")),
            metric("argi_exact_f1", per_doc, f1_of("argi_exact", "arg_pred", "arg_gold")),
            metric(
                "trigger_id_exact_f1", per_doc, f1_of("trig_id_exact", "trig_pred", "trig_gold")
            ),
            metric(
                "trigger_id_overlap_f1", per_doc, f1_of("trig_id_overlap", "trig_pred", "trig_gold")
            ),
            metric(
                "trigger_cls_exact_f1", per_doc, f1_of("trig_cls_exact", "trig_pred", "trig_gold")
            ),
            metric(
                "trigger_cls_overlap_f1",
                per_doc,
                f1_of("trig_cls_overlap", "trig_pred", "trig_gold"),
            ),
        ]
        kept = sum(len(d.events) for d in gold)
        result.notes = [
            f"conflict subset: {kept} of {sum(d.all_events for d in gold)} gold events "
            "(Conflict.Attack.*, Life.Die, Life.Injure, Justice.ArrestJailDetain, Conflict.Demonstrate.*, "
            "ArtifactExistence.DamageDestroyDisableDismantle.*, Contact.Contact.Broadcast)",
            "end-to-end: dateline predicts its own triggers; events pair on same type and overlapping "
            "trigger, arguments one-to-one inside paired events, micro-averaged over documents",
            "the gold-trigger setting of the literature is not run: dateline has no argument-only mode",
        ]
        if split == "test":
            result.notes.append("test split: report only, never tune on it")
        return result

    def _score_doc(
        self, doc: WikiDoc, prediction: Mapping[str, Any] | None
    ) -> tuple[Counts, list[ErrorCase]]:
        preds = predicted_events(prediction)
        golds = doc.events
        counts: Counts = {
            "arg_pred": float(sum(len(e.arguments) for e in preds)),
            "arg_gold": float(sum(len(e.arguments) for e in golds)),
            "trig_pred": float(len(preds)),
            "trig_gold": float(len(golds)),
        }
        for exact in (True, False):
            for typed in (True, False):
                key = f"trig_{'cls' if typed else 'id'}_{'exact' if exact else 'overlap'}"
                counts[key] = float(_trigger_pairs(preds, golds, exact=exact, typed=typed))

        def weight(p: KEvent, g: KEvent) -> float:
            if p.type != g.type or not _overlap(p.trigger, g.trigger):
                return 0.0
            return 1.0 + len(_arg_pairs(p, g, "coref", role=True))

        pairs = best_assignment([[weight(p, g) for g in golds] for p in preds])
        for variant in VARIANTS:
            counts[f"argc_{variant}"] = float(
                sum(len(_arg_pairs(preds[i], golds[j], variant, role=True)) for i, j in pairs)
            )
        for variant in ("exact", "coref"):
            counts[f"argi_{variant}"] = float(
                sum(len(_arg_pairs(preds[i], golds[j], variant, role=False)) for i, j in pairs)
            )
        return counts, self._errors(doc.id, preds, golds, pairs)

    @staticmethod
    def _errors(
        doc_id: str, preds: list[KEvent], golds: list[KEvent], pairs: list[tuple[int, int]]
    ) -> list[ErrorCase]:
        errors = []
        paired_pred = {i for i, _ in pairs}
        paired_gold = {j for _, j in pairs}
        for i, j in pairs:
            arg_pairs = _arg_pairs(preds[i], golds[j], "coref", role=True)
            hit_pred = {a for a, _ in arg_pairs}
            hit_gold = {b for _, b in arg_pairs}
            for b, arg in enumerate(golds[j].arguments):
                if b not in hit_gold:
                    errors.append(
                        ErrorCase(
                            f"missed {arg.role}", doc_id, golds[j].trigger_text, arg.text, None
                        )
                    )
            for a, arg in enumerate(preds[i].arguments):
                if a not in hit_pred:
                    errors.append(
                        ErrorCase(
                            f"spurious {arg.role}", doc_id, preds[i].trigger_text, None, arg.text
                        )
                    )
        wrong_type_gold: set[int] = set()
        for i, pred in enumerate(preds):
            if i in paired_pred:
                continue
            other = next(
                (
                    j
                    for j, g in enumerate(golds)
                    if j not in paired_gold
                    and j not in wrong_type_gold
                    and _overlap(pred.trigger, g.trigger)
                ),
                None,
            )
            if other is not None:
                wrong_type_gold.add(other)
                errors.append(
                    ErrorCase(
                        f"wrong type {golds[other].type}->{pred.type}",
                        doc_id,
                        pred.trigger_text,
                        golds[other].type,
                        pred.type,
                    )
                )
            else:
                errors.append(
                    ErrorCase(f"spurious {pred.type}", doc_id, pred.trigger_text, None, pred.type)
                )
        for j, gold_event in enumerate(golds):
            if j not in paired_gold and j not in wrong_type_gold:
                errors.append(
                    ErrorCase(
                        f"missed {gold_event.type}",
                        doc_id,
                        gold_event.trigger_text,
                        gold_event.type,
                        None,
                    )
                )
        return errors
