"""MUC-4 terrorism templates: template filling (TF) F1, role-filler entities (REE), key slots.

Protocol (shared/eval/events_corpora.md, sections 3, 6.2 and 7), implemented here from its
description:

* Each predicted event whose PLOVER type/mode has a MUC-4 incident type
  (``eval_maps.toml`` ``[muc4.incident_type]``) is one predicted template. Other events
  (COERCE, CONSULT, ...) are not terrorist incidents and are ignored.
* Slots: PerpInd / PerpOrg <- actor1 and assoc_actor1. A role is an organisation (PerpOrg)
  when its linked entity has an ORG label, or its actor_type is an organisation type, or a
  word of its name is an organisation word (all three lists in ``[muc4.perp_org]``), unless
  its entity label or actor type is a person's (``[muc4.perp_ind]``): "heavily armed men"
  typed as people are individuals; any other role is a PerpInd. An organisation's role
  told by words for its people ("terrorists", "members of ...": ``people_heads``) fills
  both: those words PerpInd, the organisation PerpOrg. Target <- targets; Weapon <- weapons; Victim <- actor2 and
  assoc_actor2 linked to a PERSON entity (the gold holds named victims only).
* A predicted entity's strings are its name and its evidence texts; it matches a gold
  entity when one of them, normalised (lowercase, no punctuation, no leading a/an/the),
  equals one of the gold entity's coreferent strings. Each gold entity matches at most once.
* TF: per document, predicted and gold templates are paired one-to-one to maximise the
  matched slots (which maximises that document's F1: its totals are fixed); a pair is
  allowed only when the predicted incident type is a substring of the gold one. Counts are
  micro-summed over the incident-type slot and the five role slots; unpaired templates
  count all their slots as spurious or missing. Documents without templates still count
  every predicted slot against precision.
* REE: templates ignored; per role, one document-level set of entities on each side
  (entities sharing a string merged), paired one-to-one by maximum matching (Hungarian,
  exact; a stand-in for GRIT's CEAF-REE with a phi-strict-like similarity).
* Key slots, on gold templates paired by TF: incident date, most specific location, and
  whether anyone died. The denominator is every gold template whose slot has a usable value,
  so an unpaired template counts as wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import SPLITS, EvalInput, Scorer, read_records
from .mappings import (
    by_type_mode,
    entity_labels,
    eval_maps,
    normalise,
    roles,
    scored_events,
    strings_of,
)
from .metrics import (
    Counts,
    ErrorCase,
    ScoreResult,
    best_assignment,
    f1_of,
    metric,
    precision_of,
    ratio_of,
    recall_of,
)

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}


def snake_case(name: str) -> str:
    """A CamelCase role as a metric-name part: "PerpInd" -> "perp_ind"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


Entity = frozenset[str]  # the normalised strings of one entity


@dataclass
class Template:
    """One incident: its type and, per role, a list of entities."""

    incident_type: str
    slots: dict[str, list[Entity]]
    key_slots: dict[str, str] = field(default_factory=dict)
    event: dict[str, Any] | None = None  # the predicted event it came from
    labels: dict[str, list[str]] = field(default_factory=dict)  # role -> readable strings


@dataclass
class MucDoc:
    """One gold document of events_muc4.jsonl."""

    id: str
    split: str
    text: str
    dateline: str | None
    templates: list[Template]


# --- dates -----------------------------------------------------------------------------------

_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Z]{3,9})\.?\s+(\d{2}|\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z]{3,9})\.?\s+(\d{1,2})\s+(\d{2}|\d{4})\b")


def _year(text: str) -> int:
    return int(text) + 1900 if len(text) == 2 else int(text)


def _day(year: int, month: str, day: int) -> dt.date | None:
    number = MONTHS.get(month[:3].upper())
    if number is None:
        return None
    try:
        return dt.date(year, number, day)
    except ValueError:
        return None


def parse_dateline(dateline: str | None) -> str | None:
    """The report date of a MUC wire header, "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)" -> 1990-02-04."""
    if not dateline:
        return None
    head = dateline.upper()
    found = None
    if m := _DAY_MONTH_YEAR.search(head):
        found = _day(_year(m.group(3)), m.group(2), int(m.group(1)))
    if found is None and (m := _MONTH_DAY_YEAR.search(head)):
        found = _day(_year(m.group(3)), m.group(1), int(m.group(2)))
    return found.isoformat() if found else None


_DATE_PART = re.compile(r"^(?:(\d{1,2})\s+)?([A-Z]{3,9})(?:\s+(\d{2}|\d{4}))?$")


def _interval(text: str, default_year: int | None) -> tuple[dt.date, dt.date] | None:
    """ "02 FEB 90" -> that day; "FEB 90" -> the month; no year -> ``default_year``."""
    m = _DATE_PART.match(text.strip().upper())
    if not m or MONTHS.get(m.group(2)[:3]) is None:
        return None
    year = _year(m.group(3)) if m.group(3) else default_year
    if year is None:
        return None
    month = MONTHS[m.group(2)[:3]]
    if m.group(1):
        day = _day(year, m.group(2), int(m.group(1)))
        return (day, day) if day else None
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last


def parse_incident_date(
    value: str, default_year: int | None = None
) -> list[tuple[str, dt.date, dt.date]]:
    """Alternatives of a key ``incident_date``: ("on"|"before"|"range", earliest, latest).

    "02 FEB 90" is that day; "- 04 FEB 90" is on or before it; "30 DEC 89 - 02 JAN 90" a
    range; alternatives are joined by " / ". "-" (empty) and unparsable parts give nothing.
    """
    found: list[tuple[str, dt.date, dt.date]] = []
    for part in value.split("/"):
        part = part.strip().strip("()").strip().lstrip("?").strip()
        if not part or part in {"-", "*"}:
            continue
        if part.startswith("-"):
            span = _interval(part[1:], default_year)
            if span:
                found.append(("before", span[0], span[1]))
            continue
        if "-" in part:
            left, _, right = part.partition("-")
            start, end = _interval(left, default_year), _interval(right, default_year)
            if start and end:
                found.append(("range", start[0], end[1]))
            continue
        span = _interval(part, default_year)
        if span:
            found.append(("on", span[0], span[1]))
    return found


def predicted_interval(date: Mapping[str, Any] | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day of a predicted event date."""
    if not date:
        return None
    try:
        if date.get("earliest") and date.get("latest"):
            return dt.date.fromisoformat(date["earliest"]), dt.date.fromisoformat(date["latest"])
        value = str(date.get("value") or "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _interval(f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}", None)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def date_matches(
    gold: list[tuple[str, dt.date, dt.date]], pred: tuple[dt.date, dt.date] | None
) -> bool:
    """Whether a predicted date interval fits one of the gold alternatives."""
    if pred is None:
        return False
    for kind, earliest, latest in gold:
        if kind == "on" and earliest <= pred[0] and pred[1] <= latest:
            return True
        if kind == "before" and pred[1] <= latest:
            return True
        if kind == "range" and earliest <= pred[0] and pred[1] <= latest:
            return True
    return False


# --- locations and effects ------------------------------------------------------------------

_KIND = re.compile(r"\s+\([^()]*\)")


def _alternatives(value: str) -> list[str]:
    """A key value split at its " / " outside parentheses: "PERQUIN (CITY / JURISDICTION)"
    is one place whose kind is given two ways, "(A) / (B)" two alternatives."""
    parts, depth, start = [], 0, 0
    for n, char in enumerate(value):
        depth += (char == "(") - (char == ")")
        if char == "/" and depth <= 0:
            parts.append(value[start:n])
            start = n + 1
    parts.append(value[start:])
    return parts


def most_specific_places(value: str) -> list[str]:
    """Normalised most specific names of a key ``incident_location``, one per alternative.

    "GUATEMALA: SANTO TOMAS (FARM)" -> ["santo tomas"]; "EL SALVADOR" -> ["el salvador"];
    alternatives are joined by " / " and may be parenthesised; a " / " inside a place's
    parenthesised kind ("PERQUIN (CITY / JURISDICTION)") joins kinds, not places.
    """
    names = []
    for part in _alternatives(value):
        last = part.strip().split(":")[-1].strip()
        name = normalise(_KIND.sub("", last).strip("() "))
        if name and name not in {"-", "*"}:
            names.append(name)
    return list(dict.fromkeys(names))


def death_reported(effect: str) -> bool | None:
    """Whether a key ``hum_tgt_effect`` says someone died; None when it says nothing."""
    labels: set[str] = set()
    for part in effect.split("|"):
        head = part.split(":")[0]
        labels.update(label.strip(' ()-*"') for label in head.split("/"))
    labels.discard("")
    if not labels:
        return None
    return "DEATH" in labels


def _description_entities(value: str) -> list[list[str]]:
    """Entities of a key ``hum_tgt_description``: '"JESUITS" / "PRIESTS" | "MAIDS"'."""
    entities = []
    for part in value.split("|"):
        strings = re.findall(r'"([^"]+)"', part)
        if strings:
            entities.append(strings)
    return entities


# --- entities and matching ------------------------------------------------------------------


def _entity(strings: list[str]) -> Entity:
    return frozenset(s for s in (normalise(x) for x in strings) if s)


def match_entities(pred: list[Entity], gold: list[Entity]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred, gold) of entities sharing a normalised string."""
    weights = [[1.0 if p & g else 0.0 for g in gold] for p in pred]
    return best_assignment(weights)


def merge_entities(entities: list[Entity]) -> list[Entity]:
    """Entities sharing a string merged into one (document-level entity sets)."""
    merged: list[set[str]] = []
    for entity in entities:
        if not entity:
            continue
        overlapping = [m for m in merged if m & entity]
        union = set(entity).union(*overlapping)
        merged = [m for m in merged if not m & entity] + [union]
    return [frozenset(m) for m in merged]


def _slots(
    found: Mapping[str, list[list[str]]],
) -> tuple[dict[str, list[Entity]], dict[str, list[str]]]:
    """Per role, the entities with a non-empty normalised string, and a readable string of each."""
    slots: dict[str, list[Entity]] = {r: [] for r in ROLES}
    readable: dict[str, list[str]] = {r: [] for r in ROLES}
    for role in ROLES:
        for strings in found.get(role, []):
            entity = _entity(strings)
            if entity:
                slots[role].append(entity)
                readable[role].append(strings[0])
    return slots, readable


def _pair_weight(pred: Template, gold: Template) -> float:
    if pred.incident_type not in gold.incident_type:
        return 0.0
    return 1.0 + sum(len(match_entities(pred.slots[r], gold.slots[r])) for r in ROLES)


def _size(template: Template) -> int:
    return 1 + sum(len(template.slots[r]) for r in ROLES)


# --- predicted templates --------------------------------------------------------------------


def _is_org(
    role: Mapping[str, Any],
    labels: Mapping[str, str],
    rules: Mapping[str, Any],
    individual: Mapping[str, Any] | None = None,
) -> bool:
    """Whether an actor fills PerpOrg: a person label or type (``individual``) says not; then an
    organisation entity label or an organised actor type says so; then the name's words."""
    label = labels.get(role.get("entity_id") or "")
    if individual is not None and (
        label in individual["entity_labels"] or role.get("actor_type") in individual["actor_types"]
    ):
        return False
    if label in rules["entity_labels"] or role.get("actor_type") in rules["actor_types"]:
        return True
    words = set(normalise(str(role.get("name") or "")).split())
    return bool(words & set(rules["name_words"]))


def _describes_people(text: str, individual: Mapping[str, Any]) -> bool:
    """Whether a phrase names people by what they are ("fmln terrorists", "members of X")."""
    words = normalise(text).split()
    if not words:
        return False
    heads = set(individual.get("people_heads", ()))
    if words[0] in heads and len(words) > 1 and words[1] == "of":
        return True
    return words[-1] in heads


def _is_named_victim(
    role: Mapping[str, Any],
    labels: Mapping[str, str],
    rules: Mapping[str, Any],
    unnamed: frozenset[str] = frozenset(),
) -> bool:
    entity_id = role.get("entity_id")
    if entity_id and labels.get(entity_id) in rules["entity_labels"]:
        return not (rules.get("named_only") and entity_id in unnamed)
    return role.get("actor_type") in rules["actor_types"]


def predicted_templates(
    doc: Mapping[str, Any] | None, *, min_salience: float | None = None
) -> list[Template]:
    """One template per predicted event whose type maps to a MUC-4 incident type.

    MUC-4 keys template only specific, recent terrorist incidents: an event whose
    ``salience`` is below ``min_salience`` (``[muc4] min_salience`` unless given; events
    without a salience always count) is not one. Give a negative value to take them all.
    """
    maps = eval_maps()["muc4"]
    if min_salience is None:
        min_salience = float(maps.get("min_salience", 0.0))
    labels = entity_labels(doc)
    # Entities no name names ("peasants", "a spokesman"): not a named victim.
    unnamed = frozenset(
        str(e.get("id")) for e in (doc or {}).get("entities") or [] if e.get("named") is False
    )
    templates = []
    for event in scored_events(doc):
        incident = by_type_mode(maps["incident_type"], event.get("plover"), event.get("mode"))
        if incident is None:
            continue
        salience = event.get("salience")
        if salience is not None and salience < min_salience:
            continue
        if event.get("acled_sub_event_type") in maps.get("not_incidents", ()):
            continue
        found: dict[str, list[list[str]]] = {r: [] for r in ROLES}
        for role in roles(event, "1"):
            is_org = _is_org(role, labels, maps["perp_org"], maps["perp_ind"])
            if not is_org:
                found["PerpInd"].append(strings_of(role))
                continue
            # An organisation told by the people who acted for it ("terrorists" for the
            # FMLN): the key names those people in PerpInd, the organisation in PerpOrg.
            people = [s for s in strings_of(role) if _describes_people(s, maps["perp_ind"])]
            found["PerpOrg"].append([s for s in strings_of(role) if s not in people])
            if people:
                found["PerpInd"].append(people)
        for role in roles(event, "2"):
            if _is_named_victim(role, labels, maps["victim"], unnamed):
                found["Victim"].append(strings_of(role))
        found["Target"] = [strings_of(t) for t in event.get("targets") or []]
        found["Weapon"] = [strings_of(w) for w in event.get("weapons") or []]
        slots, readable = _slots(found)
        templates.append(Template(incident, slots, event=dict(event), labels=readable))
    return templates


def key_slot_checks(
    gold: Template, event: Mapping[str, Any], year: int | None
) -> dict[str, bool | None]:
    """Whether a predicted event agrees with a gold template's incident date, most specific
    location and death outcome; None for a slot whose gold value is not usable."""
    checks: dict[str, bool | None] = {"date": None, "loc": None, "death": None}
    gold_dates = parse_incident_date(gold.key_slots.get("incident_date", "-"), year)
    if gold_dates:
        checks["date"] = date_matches(gold_dates, predicted_interval(event.get("date")))
    places = most_specific_places(gold.key_slots.get("incident_location", "-"))
    if places:
        got_places = {normalise(s) for s in strings_of(event.get("location"))}
        checks["loc"] = bool(got_places & set(places))
    death = death_reported(gold.key_slots.get("hum_tgt_effect", "-"))
    if death is not None:
        fatalities = event.get("fatalities") or {}
        got_death = bool((fatalities.get("best") or 0) > 0 or (fatalities.get("low") or 0) > 0)
        checks["death"] = bool(event) and got_death == death
    return checks


def pair_templates(
    preds: list[Template], golds: list[Template], year: int | None
) -> list[tuple[int, int]]:
    """TF's one-to-one pairs (predicted index, gold index) of one document.

    Among the alignments with the most matched slots (integer weights), the one whose key
    slots agree most: templates that tie on their slots (several empty ones in one
    document) are then paired by date, place and outcome, not by chance. The bonus sums to
    less than 1, so it never changes the TF count.
    """
    bonus = 1.0 / (3 * max(1, min(len(preds), len(golds))) + 1)

    def weight(p: Template, g: Template) -> float:
        base = _pair_weight(p, g)
        if base <= 0:
            return 0.0
        agree = sum(bool(v) for v in key_slot_checks(g, p.event or {}, year).values())
        return base + bonus * agree

    return best_assignment([[weight(p, g) for g in golds] for p in preds])


def gold_templates(record: Mapping[str, Any]) -> list[Template]:
    """The key templates of one record of events_muc4.jsonl."""
    templates = []
    for t in record.get("templates") or []:
        slots, readable = _slots({r: t.get(r) or [] for r in ROLES})
        key_slots = dict(t.get("key_slots") or {})
        templates.append(Template(t["incident_type"], slots, key_slots, labels=readable))
    return templates


def _victims_with_descriptions(doc: Mapping[str, Any] | None) -> list[Entity]:
    return [
        e
        for e in (_entity(strings_of(r)) for ev in scored_events(doc) for r in roles(ev, "2"))
        if e
    ]


def _trigger(template: Template) -> str | None:
    trigger = (template.event or {}).get("trigger") or {}
    return trigger.get("text")


# --- scorer ---------------------------------------------------------------------------------


class MUC4Scorer(Scorer):
    """MUC-4 (GTT/GRIT splits): TF F1, REE F1 and key-slot checks; train is never scored."""

    name = "muc4"
    filename = "events_muc4.jsonl"
    description = "MUC-4 terrorism templates: template filling F1 (GTT protocol), REE, key slots"

    def load(self, path: Path, split: str) -> list[MucDoc]:
        if split not in SPLITS:
            raise ValueError(f"muc4 scores the dev and test splits only, not {split!r}")
        docs = []
        for record in read_records(path):
            if record.get("split") != split:
                continue
            docs.append(
                MucDoc(
                    record["id"],
                    split,
                    record["text"],
                    record.get("dateline"),
                    gold_templates(record),
                )
            )
        return docs

    def inputs(self, gold: list[Any]) -> list[EvalInput]:
        return [
            EvalInput(
                id=doc.id,
                text=f"{doc.dateline}\n{doc.text}" if doc.dateline else doc.text,
                published=parse_dateline(doc.dateline),
                clean=False,
            )
            for doc in gold
        ]

    def score(
        self, gold: list[Any], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        per_doc: list[Counts] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            counts, doc_errors = self._score_doc(doc, predicted.get(doc.id))
            per_doc.append(counts)
            errors.extend(doc_errors)
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        tf_ref = "test: GE 1992 54.29, IterX (T5) 53.01, GTT 50.23, DyGIE++ 45.79 TF F1"
        result.metrics = [
            metric("tf_f1", per_doc, f1_of("tf_tp", "tf_pred", "tf_gold"), reference=tf_ref),
            metric("tf_precision", per_doc, precision_of("tf_tp", "tf_pred")),
            metric("tf_recall", per_doc, recall_of("tf_tp", "tf_gold")),
            metric(
                "ree_f1",
                per_doc,
                f1_of("ree_tp", "ree_pred", "ree_gold"),
                reference="test: GRIT 54.50, IterX (BART-large) 57.40 REE F1 (CEAF-REE)",
            ),
            metric("ree_precision", per_doc, precision_of("ree_tp", "ree_pred")),
            metric("ree_recall", per_doc, recall_of("ree_tp", "ree_gold")),
        ]
        for role in ROLES:
            result.metrics.append(
                metric(
                    f"ree_f1_{snake_case(role)}",
                    per_doc,
                    f1_of(f"ree_tp:{role}", f"ree_pred:{role}", f"ree_gold:{role}"),
                )
            )
        result.metrics += [
            metric("victim_incl_descriptions_f1", per_doc, f1_of("vd_tp", "vd_pred", "vd_gold")),
            metric(
                "date_accuracy",
                per_doc,
                ratio_of("date_ok", "date_n"),
                n=_n(per_doc, "date_n"),
                denominator="date_n",
            ),
            metric(
                "location_accuracy",
                per_doc,
                ratio_of("loc_ok", "loc_n"),
                n=_n(per_doc, "loc_n"),
                denominator="loc_n",
            ),
            metric(
                "death_outcome_accuracy",
                per_doc,
                ratio_of("death_ok", "death_n"),
                n=_n(per_doc, "death_n"),
                denominator="death_n",
            ),
        ]
        result.notes = [
            "TF and REE are computed by dateline's own implementation of the GTT/GRIT protocols "
            "(events_corpora.md 6.2); REE pairs entities by exact maximum matching, a stand-in for "
            "CEAF-REE with a phi-strict-like similarity.",
            "Victim holds named victims only (PERSON entities); the 'victim incl. descriptions' check "
            "adds key hum_tgt_description strings to the gold and takes every actor2.",
            "Key-slot accuracies count gold templates with a usable value; a template no predicted "
            "template is paired with counts as wrong. They have no published comparison.",
            f"{sum(1 for d in gold if not d.templates)} of {len(gold)} documents have no template: "
            "any template predicted there is spurious.",
        ]
        if split == "test":
            result.notes.append("test split: report only, never tune on it")
        return result

    def _score_doc(
        self, doc: MucDoc, prediction: Mapping[str, Any] | None
    ) -> tuple[Counts, list[ErrorCase]]:
        preds = predicted_templates(prediction)
        golds = doc.templates
        counts: Counts = {
            "tf_pred": float(sum(_size(t) for t in preds)),
            "tf_gold": float(sum(_size(t) for t in golds)),
            "tf_tp": 0.0,
        }
        errors: list[ErrorCase] = []
        published = parse_dateline(doc.dateline)
        year = int(published[:4]) if published else None
        pairs = pair_templates(preds, golds, year)
        paired_pred = {i for i, _ in pairs}
        paired_gold = {j: i for i, j in pairs}
        for i, j in pairs:
            counts["tf_tp"] += _pair_weight(preds[i], golds[j])
            errors.extend(self._slot_errors(doc.id, preds[i], golds[j]))
        for i, pred in enumerate(preds):
            if i not in paired_pred:
                errors.append(
                    ErrorCase("spurious template", doc.id, _trigger(pred), None, pred.incident_type)
                )
        for j, gold_t in enumerate(golds):
            if j not in paired_gold:
                filler = next((gold_t.labels[r][0] for r in ROLES if gold_t.labels.get(r)), None)
                errors.append(
                    ErrorCase(
                        f"missed {gold_t.incident_type}", doc.id, filler, gold_t.incident_type, None
                    )
                )

        # REE: document-level entity sets per role.
        for role in ROLES:
            pred_set = merge_entities([e for t in preds for e in t.slots[role]])
            gold_set = merge_entities([e for t in golds for e in t.slots[role]])
            tp = float(len(match_entities(pred_set, gold_set)))
            for key, value in (
                ("tp", tp),
                ("pred", float(len(pred_set))),
                ("gold", float(len(gold_set))),
            ):
                counts[f"ree_{key}:{role}"] = value
                counts[f"ree_{key}"] = counts.get(f"ree_{key}", 0.0) + value

        # Victims including descriptions.
        gold_victims = [e for t in golds for e in t.slots["Victim"]]
        for t in golds:
            gold_victims += [
                _entity(s)
                for s in _description_entities(t.key_slots.get("hum_tgt_description", ""))
            ]
        vd_gold = merge_entities(gold_victims)
        vd_pred = merge_entities(_victims_with_descriptions(prediction))
        counts["vd_tp"] = float(len(match_entities(vd_pred, vd_gold)))
        counts["vd_pred"], counts["vd_gold"] = float(len(vd_pred)), float(len(vd_gold))

        # Key slots on paired templates.
        for key in ("date_ok", "date_n", "loc_ok", "loc_n", "death_ok", "death_n"):
            counts[key] = 0.0
        for j, gold_t in enumerate(golds):
            pred_t = preds[paired_gold[j]] if j in paired_gold else None
            event = (pred_t.event if pred_t else None) or {}
            trigger = _trigger(pred_t) if pred_t else None
            checks = key_slot_checks(gold_t, event, year)
            if checks["date"] is not None:
                counts["date_n"] += 1
                counts["date_ok"] += checks["date"]
                if not checks["date"] and event:
                    errors.append(
                        ErrorCase(
                            "wrong date",
                            doc.id,
                            trigger,
                            gold_t.key_slots.get("incident_date"),
                            (event.get("date") or {}).get("value"),
                        )
                    )
            if checks["loc"] is not None:
                counts["loc_n"] += 1
                counts["loc_ok"] += checks["loc"]
                if not checks["loc"] and event:
                    errors.append(
                        ErrorCase(
                            "wrong location",
                            doc.id,
                            trigger,
                            gold_t.key_slots.get("incident_location"),
                            (event.get("location") or {}).get("name"),
                        )
                    )
            if checks["death"] is not None:
                counts["death_n"] += 1
                counts["death_ok"] += checks["death"]
                if not checks["death"] and event:
                    died = death_reported(gold_t.key_slots.get("hum_tgt_effect", "-"))
                    errors.append(
                        ErrorCase(
                            "wrong death outcome",
                            doc.id,
                            trigger,
                            "DEATH" if died else "no death",
                            "no death" if died else "DEATH",
                        )
                    )
        return counts, errors

    @staticmethod
    def _slot_errors(doc_id: str, pred: Template, gold: Template) -> list[ErrorCase]:
        errors = []
        for role in ROLES:
            pairs = match_entities(pred.slots[role], gold.slots[role])
            hit_pred = {i for i, _ in pairs}
            hit_gold = {j for _, j in pairs}
            for j, _entity_strings in enumerate(gold.slots[role]):
                if j not in hit_gold:
                    label = gold.labels[role][j] if j < len(gold.labels.get(role, [])) else None
                    errors.append(ErrorCase(f"missed {role}", doc_id, _trigger(pred), label, None))
            for i, _entity_strings in enumerate(pred.slots[role]):
                if i not in hit_pred:
                    label = pred.labels[role][i] if i < len(pred.labels.get(role, [])) else None
                    errors.append(
                        ErrorCase(f"spurious {role}", doc_id, _trigger(pred), None, label)
                    )
        return errors


def _n(per_doc: list[Counts], key: str) -> int:
    return int(sum(c.get(key, 0.0) for c in per_doc))
