"""The seed article: a checklist of what a careful human reading of it requires.

Every ``<data>/seed/*.gold.json`` is a hand-made reading of the ``.txt`` beside it. The
checklist is built from the gold fields alone (no string of any seed is written here): the
document's metadata and boilerplate, each temporal expression, place, actor and person, the
events marked ``required``, the quotes and the claims. Each item passes or fails with a short
reason; the score of a section is the share of its items that pass. One document, so no
bootstrap intervals.

Matching is deliberately loose where wording may differ (names, speakers, claimants: shared
content words), and exact where the gold is exact (dates, country codes, distances).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar, get_args

from ..records import Certainty, ClaimStatus
from .base import EvalInput, Scorer
from .geo import haversine_km
from .mappings import evidence_text
from .metrics import ErrorCase, Metric, ScoreResult
from .referents import referent_checks

TOWN_KM = 25.0
REGION_KM = 150.0
REGION_WORDS = ("region", "governorate", "province", "mountains", "desert", "admin1")
# Function words that say nothing about who is named.
STOPWORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "from", "for", "by", "with", "and", "or"}
    | {"its", "his", "her", "their", "s"}
)
# The contract's vocabularies, read from the records so that they cannot drift apart.
CLAIM_STATUSES: tuple[str, ...] = get_args(ClaimStatus)
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
SECTIONS = (
    "document",
    "times",
    "places",
    "actors",
    "people",
    "events",
    "event details",
    "quotes",
    "claims",
)

# Event types whose two sides have no order (PLOVER dyads done together).
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@dataclass(frozen=True)
class Check:
    """One item of the checklist."""

    section: str
    item: str
    passed: bool
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "item": self.item,
            "passed": self.passed,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SeedDoc:
    id: str
    text: str
    gold: dict[str, Any]


# -- text helpers --------------------------------------------------------------------------
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str | None) -> str:
    """Casefolded, typographic quotes made plain, whitespace collapsed."""
    return " ".join((text or "").translate(_QUOTES).casefold().split())


def name_forms(name: str | None) -> set[str]:
    """A name as it may be written: as is, without its parenthesis, the parenthesis alone, no article."""
    if not name:
        return set()
    forms = {norm(name)}
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    forms.add(norm(bare))
    forms.update(norm(inner) for inner in re.findall(r"\(([^)]*)\)", name))
    forms.update(re.sub(r"^the ", "", f) for f in list(forms))
    return {f for f in forms if f}


def words(text: str | None) -> set[str]:
    """Content words, lower case, possessive 's dropped."""
    tokens = re.findall(r"[\w$]+", norm(text).replace("'s", ""))
    return {t for t in tokens if t not in STOPWORDS}


def shared_words(expected: str | None, got: str | None) -> tuple[int, int]:
    """How many of ``expected``'s content words ``got`` has, and how many it has.

    A compound counts however it is spelled: "air strike" matches "airstrike" and the other
    way round, as "cease-fire" matches "ceasefire".
    """
    tokens = re.findall(r"[\w$]+", norm(expected).replace("'s", ""))
    got_tokens = re.findall(r"[\w$]+", norm(got).replace("'s", ""))
    have = set(got_tokens) | {a + b for a, b in zip(got_tokens, got_tokens[1:], strict=False)}
    matched = set()
    for i, token in enumerate(tokens):
        if token in STOPWORDS:
            continue
        joined_next = i + 1 < len(tokens) and token + tokens[i + 1] in have
        joined_prev = i > 0 and tokens[i - 1] + token in have
        if token in have or joined_next or joined_prev:
            matched.add(token)
    return len(matched), len(words(expected))


def loose_match(expected: Iterable[str], got: Iterable[str | None]) -> bool:
    """Whether any expected name equals a got name, or they share half of the smaller's words."""
    exp = {f for e in expected for f in name_forms(e)}
    for g in got:
        forms = name_forms(g)
        if exp & forms:
            return True
        for e in exp:
            for f in forms:
                a, b = words(e), words(f)
                if a and b and len(a & b) * 2 >= min(len(a), len(b)):
                    return True
    return False


def day_range(value: str | Sequence[str] | None) -> tuple[date, date] | None:
    """The first and last day of an ISO date, month, year, or [earliest, latest] pair."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        if len(value) != 2:
            return None
        a, b = day_range(value[0]), day_range(value[1])
        return (a[0], b[1]) if a and b else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def first_word(text: str | None, allowed: Sequence[str]) -> str | None:
    """The first word of a gold description if it is one of ``allowed`` (e.g. a certainty)."""
    m = re.match(r"\s*([A-Za-z]+)", text or "")
    word = m[1].lower() if m else None
    return word if word in allowed else None


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, ignoring case, quote style and spacing."""
    if not needle:
        return []
    pattern = r"\s+".join(re.escape(part) for part in norm(needle).split())
    hay = text.translate(_QUOTES)
    return [(m.start(), m.end()) for m in re.finditer(pattern, hay, flags=re.I)]


def _overlaps(spans: Iterable[Mapping[str, Any]], ranges: Sequence[tuple[int, int]]) -> bool:
    return any(min(int(s["end"]), b) > max(int(s["start"]), a) for s in spans for (a, b) in ranges)


def _roles(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    roles = [event.get("actor1"), event.get("actor2")]
    roles += list(event.get("assoc_actor1") or []) + list(event.get("assoc_actor2") or [])
    return [r for r in roles if r]


def _role_names(role: Mapping[str, Any] | None) -> list[str | None]:
    return [role.get("name"), role.get("canonical")] if role else []


# -- the checklist -------------------------------------------------------------------------
class Checklist:
    """The checks of one gold reading against one predicted document."""

    def __init__(self, seed: SeedDoc, pred: Mapping[str, Any]) -> None:
        self.gold = seed.gold
        self.pred = pred
        self.text: str = pred.get("text") or ""
        self.meta: Mapping[str, Any] = pred.get("meta") or {}
        self.checks: list[Check] = []
        # Every alias a gold actor or person goes by, for loose matching of roles and speakers.
        self.aliases: list[set[str]] = [
            {n for n in [a.get("canonical"), a.get("name"), *(a.get("aliases_in_text") or [])] if n}
            for a in list(self.gold.get("actors") or []) + list(self.gold.get("people") or [])
        ]

    def add(self, section: str, item: str, passed: bool, reason: str) -> None:
        self.checks.append(Check(section, item, bool(passed), reason))

    def run(self) -> list[Check]:
        self.check_document()
        self.check_times()
        self.check_places()
        self.check_named("actors", "canonical")
        self.check_named("people", "name")
        self.check_referents("actors", "canonical")
        self.check_referents("people", "name")
        self.check_events()
        self.check_quotes()
        self.check_claims()
        return self.checks

    def expand(self, name: str | None) -> set[str]:
        """A gold name and the aliases of the gold actor or person it names."""
        if not name:
            return set()
        names = {name}
        for group in self.aliases:
            if name_forms(name) & {f for n in group for f in name_forms(n)}:
                names |= group
        return names

    # document ------------------------------------------------------------------------
    def check_document(self) -> None:
        gold = self.gold.get("document") or {}
        lines = {norm(line) for line in self.text.splitlines() if line.strip()}
        if gold.get("headline"):
            got = self.meta.get("headline")
            self.add("document", "headline", norm(got) == norm(gold["headline"]), f"got {got!r}")
            repeated = norm(gold["headline"]) in lines
            self.add(
                "document",
                "headline not repeated in text",
                bool(lines) and not repeated,
                "no text" if not lines else "a body line repeats it" if repeated else "absent",
            )
        for key in ("published", "language"):
            if gold.get(key):
                got = self.meta.get(key)
                self.add("document", key, got == gold[key], f"got {got!r}, expected {gold[key]!r}")
        for key in ("dateline", "agencies"):
            if gold.get(key):
                expected = {norm(v) for v in gold[key]}
                got = {norm(v) for v in self.meta.get(key) or []}
                missing = sorted(expected - got)
                self.add(
                    "document",
                    key,
                    not missing,
                    f"missing {missing}" if missing else f"got {sorted(got)}",
                )
        captions = [norm(c.get("text")) for c in self.meta.get("captions") or []]
        for note in gold.get("boilerplate_to_drop") or []:
            for quoted in re.findall(r"'([^']+)'", note):
                q = norm(quoted)
                if "caption" in note.lower():
                    kept = any(c.startswith(q) or q in c for c in captions)
                    in_text = bool(find_spans(self.text, quoted))
                    self.add(
                        "document",
                        f"caption {quoted[:40]!r} kept as caption, not in text",
                        kept and not in_text,
                        f"in meta.captions: {kept}; in text: {in_text}",
                    )
                else:
                    # An empty text drops everything: absence only counts next to a body.
                    self.add(
                        "document",
                        f"line {quoted[:40]!r} absent from text",
                        bool(lines) and q not in lines,
                        "no text" if not lines else "still a line" if q in lines else "absent",
                    )

    # times ---------------------------------------------------------------------------
    def check_times(self) -> None:
        # Every evidence span, the captions' included: the reading dates photo captions too.
        times = [
            {
                **t,
                "start": s["start"],
                "end": s["end"],
                "text": s["text"],
                "caption": s.get("caption"),
            }
            for t in self.pred.get("times") or []
            for s in t.get("evidence") or []
            if isinstance(s, dict)
        ]
        for item in self.gold.get("temporal_expressions") or []:
            expected = day_range(item.get("value"))
            label = f"{item['text']!r} = {item.get('value')}"
            window = self._context(item.get("context"))
            candidates = [
                t
                for t in times
                if (
                    norm(t.get("text")) in norm(item["text"])
                    or norm(item["text"]) in norm(t.get("text"))
                )
                and (not window or (t["caption"] is None and _overlaps([t], window)))
            ]
            if not candidates:
                self.add("times", label, False, "no predicted time with this text")
                continue
            got = [self._time_range(t) for t in candidates]
            ok = expected is not None and expected in got
            values = ", ".join(str(t.get("value")) for t in candidates)
            self.add("times", label, ok, f"predicted value(s): {values}")

    def _context(self, context: str | None) -> list[tuple[int, int]]:
        """Where the gold context sits in the predicted text (its first part before '...')."""
        if not context:
            return []
        head = context.split("...")[0].strip()
        return find_spans(self.text, head) if len(head) > 3 else []

    @staticmethod
    def _time_range(time: Mapping[str, Any]) -> tuple[date, date] | None:
        if time.get("earliest") and time.get("latest"):
            return day_range([time["earliest"], time["latest"]])
        return day_range(time.get("value"))

    # places --------------------------------------------------------------------------
    def check_places(self) -> None:
        places = list(self.pred.get("places") or [])
        for item in self.gold.get("places") or []:
            label = str(item["text"])
            named = [
                p
                for p in places
                if any(norm(m.get("text")) == norm(label) for m in p.get("mentions") or [])
            ]
            if not named:
                self.add("places", label, False, "no predicted place with this mention")
                continue
            ok, reason = self._place_ok(item, named)
            self.add("places", label, ok, reason)

    def _place_ok(
        self, item: Mapping[str, Any], named: Sequence[Mapping[str, Any]]
    ) -> tuple[bool, str]:
        if item.get("lat") is None or item.get("lon") is None:
            countries = [p.get("country") for p in named]
            return item.get(
                "country"
            ) in countries, f"country {countries}, expected {item.get('country')}"
        limit = self._tolerance(item)
        dists = [
            haversine_km(item["lat"], item["lon"], p["lat"], p["lon"])
            for p in named
            if p.get("lat") is not None and p.get("lon") is not None
        ]
        if not dists:
            return False, "recognised but no coordinates"
        best = min(dists)
        return best <= limit, f"{best:.0f} km off (limit {limit:.0f} km)"

    @staticmethod
    def _tolerance(item: Mapping[str, Any]) -> float:
        precision = str(item.get("precision") or "")
        if precision in ("region", "country", "admin1", "admin2"):
            return REGION_KM
        described = f"{item.get('resolved') or ''} {item.get('name') or ''}".lower()
        return REGION_KM if any(w in described for w in REGION_WORDS) else TOWN_KM

    # actors and people ---------------------------------------------------------------
    def check_named(self, section: str, key: str) -> None:
        got: list[str | None] = []
        for entity in self.pred.get("entities") or []:
            got += [entity.get("name"), entity.get("canonical")]
        for event in self.pred.get("events") or []:
            for role in _roles(event):
                got += _role_names(role)
        got_forms = {f for g in got for f in name_forms(g)}
        for item in self.gold.get(section) or []:
            names = [item.get(key), *(item.get("aliases_in_text") or [])]
            expected = {f for n in names for f in name_forms(n)}
            hit = sorted(expected & got_forms)
            self.add(
                section,
                str(item.get(key)),
                bool(hit),
                f"found as {hit[0]!r}" if hit else "no entity or role with this name",
            )

    def check_referents(self, section: str, key: str) -> None:
        """Every mention on the right referent; canonical, type and country (referents.py)."""
        for item, passed, reason in referent_checks(
            self.gold, self.pred, section, key, loose_match
        ):
            self.add(section, item, passed, reason)

    # events --------------------------------------------------------------------------
    def check_events(self) -> None:
        events = list(self.pred.get("events") or [])
        for item in self.gold.get("events") or []:
            if not item.get("required"):
                continue
            label = f"{item.get('id')} {item.get('plover')}"
            ranges = [r for ev in item.get("evidence") or [] for r in find_spans(self.text, ev)]
            near = [
                e for e in events if _overlaps([*(e.get("evidence") or []), e["trigger"]], ranges)
            ]
            typed = [e for e in near if e.get("plover") == item.get("plover")]
            with_actors = [e for e in typed if self._actors_ok(item, e)]
            if with_actors:
                self.add("events", label, True, "type, actors and evidence match")
            elif typed:
                self.add("events", label, False, "right type on the evidence, actors differ")
            elif near:
                self.add(
                    "events",
                    label,
                    False,
                    f"events on the evidence are {sorted({e.get('plover') for e in near})}",
                )
            else:
                self.add(
                    "events",
                    label,
                    False,
                    "no predicted event on the gold evidence"
                    if ranges
                    else "gold evidence not found in text",
                )
            self.check_event_details(item, with_actors or typed or near)

    def _actors_ok(self, item: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
        if self._sides_ok(item, event, ("actor1", "actor2")):
            return True
        # The two sides of an agreement, a meeting or a cooperation have no order: "a deal
        # between A and B" is B's deal with A as much as A's with B.
        return item.get("plover") in SYMMETRIC and self._sides_ok(item, event, ("actor2", "actor1"))

    def _sides_ok(
        self, item: Mapping[str, Any], event: Mapping[str, Any], keys: tuple[str, str]
    ) -> bool:
        for key, got in zip(("actor1", "actor2"), keys, strict=True):
            expected = item.get(key)
            if expected is None:
                continue  # the gold names nobody: not checked
            if not loose_match(self.expand(expected), _role_names(event.get(got))):
                return False
        return True

    def check_event_details(
        self, item: Mapping[str, Any], candidates: Sequence[Mapping[str, Any]]
    ) -> None:
        prefix = str(item.get("id"))
        checks: dict[str, Callable[[Mapping[str, Any]], tuple[bool, str]]] = {
            "type": lambda e: (e.get("plover") == item.get("plover"), f"got {e.get('plover')}"),
            "actors": lambda e: (
                self._actors_ok(item, e),
                f"got {_role_names(e.get('actor1'))[:1]} -> {_role_names(e.get('actor2'))[:1]}",
            ),
            "location": lambda e: self._location_ok(item.get("location"), e.get("location")),
            "date": lambda e: self._date_ok(item.get("date"), e.get("date")),
            "fatalities": lambda e: self._fatalities_ok(
                item.get("fatalities"), e.get("fatalities")
            ),
            "certainty": lambda e: self._certainty_ok(item.get("certainty"), e.get("certainty")),
        }
        for sub, check in checks.items():
            if not candidates:
                self.add("event details", f"{prefix} {sub}", False, "no predicted event")
                continue
            results = [check(e) for e in candidates]
            passed = [r for r in results if r[0]]
            ok, reason = (passed or results)[0]
            self.add("event details", f"{prefix} {sub}", ok, reason)

    def _location_ok(
        self, gold: Mapping[str, Any] | None, got: Mapping[str, Any] | None
    ) -> tuple[bool, str]:
        if not gold:
            return True, "gold has no location: not checked"
        if not got:
            return False, "no location"
        if gold.get("lat") is None or str(gold.get("precision")) == "country":
            return got.get("country") == gold.get("country"), f"country {got.get('country')}"
        if got.get("lat") is None or got.get("lon") is None:
            return False, f"{got.get('name')!r} without coordinates"
        km = haversine_km(gold["lat"], gold["lon"], got["lat"], got["lon"])
        limit = self._tolerance(gold)
        return km <= limit, f"{got.get('name')!r} {km:.0f} km off (limit {limit:.0f})"

    @staticmethod
    def _date_ok(gold: Any, got: Mapping[str, Any] | None) -> tuple[bool, str]:
        expected = day_range(gold)
        if expected is None:
            return True, "gold has no date: not checked"
        if not got:
            return False, "no date"
        span = Checklist._time_range(got)
        ok = span is not None and expected[0] <= span[0] and span[1] <= expected[1]
        return ok, f"got {got.get('value')}, expected within {expected[0]}..{expected[1]}"

    @staticmethod
    def _fatalities_ok(
        gold: Mapping[str, Any] | None, got: Mapping[str, Any] | None
    ) -> tuple[bool, str]:
        if not gold or "best" not in gold:
            return True, "gold has no count: not checked"
        best = gold.get("best")
        got_best = got.get("best") if got else None
        if not best:  # none stated, or none killed: nothing or zero is right
            return got_best in (None, 0), f"got {got_best}"
        if got_best == best:
            return True, f"got {got_best}"
        low, high = (got or {}).get("low"), (got or {}).get("high")
        in_range = low is not None and low <= best and (high is None or best <= high)
        return in_range, f"got best {got_best}, low {low}, high {high}; expected {best}"

    @staticmethod
    def _certainty_ok(gold: str | None, got: str | None) -> tuple[bool, str]:
        expected = first_word(gold, CERTAINTIES)
        if expected is None:
            return True, "gold certainty not a single label: not checked"
        return got == expected, f"got {got}, expected {expected}"

    # quotes and claims ---------------------------------------------------------------
    def check_quotes(self) -> None:
        quotes = list(self.pred.get("quotes") or [])
        for item in self.gold.get("quotes") or []:
            starts = norm(item.get("starts")).strip("\"' ")
            label = f"{item.get('starts')[:40]!r}"
            found = [q for q in quotes if norm(evidence_text(q)).strip("\"' ").startswith(starts)]
            if not found:
                self.add("quotes", label, False, "no predicted quote starting so")
                continue
            speakers = [self._speaker_names(q.get("speaker")) for q in found]
            ok = any(loose_match(self.expand(item.get("speaker")), names) for names in speakers)
            self.add("quotes", label, ok, f"speaker {speakers[0][:1]}")

    def _speaker_names(self, source: Mapping[str, Any] | None) -> list[str | None]:
        """A speaker's or claimant's name, and the names of the entity it is linked to."""
        if not source:
            return []
        names: list[str | None] = [source.get("name")]
        for entity in self.pred.get("entities") or []:
            if source.get("entity_id") and entity.get("id") == source.get("entity_id"):
                names += [entity.get("name"), entity.get("canonical")]
        return names

    def check_claims(self) -> None:
        claims = list(self.pred.get("claims") or [])
        for item in self.gold.get("claims") or []:
            label = f"{item.get('claimant')}: {str(item.get('claim'))[:40]}"
            about = []
            for c in claims:
                found, wanted = shared_words(item.get("claim"), evidence_text(c))
                if wanted and found * 2 >= wanted:
                    about.append(c)
            if not about:
                self.add("claims", label, False, "no predicted claim with half of its words")
                continue
            by = [
                c
                for c in about
                if loose_match(
                    self.expand(item.get("claimant")), self._speaker_names(c.get("claimant"))
                )
            ]
            if not by:
                self.add("claims", label, False, "claimant differs")
                continue
            status = first_word(item.get("status"), CLAIM_STATUSES)
            ok = status is None or any(c.get("status") == status for c in by)
            self.add(
                "claims", label, ok, f"status {by[0].get('status')}, expected {status or 'any'}"
            )


def checklist(seed: SeedDoc, pred: Mapping[str, Any]) -> list[Check]:
    """Every check of one seed reading against one predicted document, in order."""
    return Checklist(seed, pred).run()


class SeedScorer(Scorer):
    """The project's seed article(s) against their human reading, item by item."""

    name: ClassVar[str] = "seed"
    filename: ClassVar[str] = "seed"
    description: ClassVar[str] = (
        "seed article checklist: meta, times, places, actors, events, quotes, claims"
    )

    def find(self, data_dir: Path) -> Path | None:
        for candidate in (data_dir / "seed", data_dir.parent / "seed"):
            if candidate.is_dir() and any(candidate.glob("*.gold.json")):
                return candidate
        return None

    def load(self, path: Path, split: str) -> list[SeedDoc]:
        # The seed has no split: every split reads all of it.
        docs = []
        for gold_path in sorted(path.glob("*.gold.json")):
            stem = gold_path.name[: -len(".gold.json")]
            text_path = gold_path.with_name(f"{stem}.txt")
            if not text_path.is_file():
                continue
            docs.append(
                SeedDoc(
                    id=stem,
                    text=text_path.read_text(encoding="utf-8"),
                    gold=json.loads(gold_path.read_text(encoding="utf-8")),
                )
            )
        return docs

    def inputs(self, gold: list[SeedDoc]) -> list[EvalInput]:
        # The whole ingest runs: boilerplate, headline, dateline and date come from the text.
        return [EvalInput(id=doc.id, text=doc.text, published=None, clean=True) for doc in gold]

    def score(
        self, gold: list[SeedDoc], predicted: Mapping[str, dict[str, Any]], split: str
    ) -> ScoreResult:
        checks: list[Check] = []
        errors: list[ErrorCase] = []
        for doc in gold:
            doc_checks = checklist(doc, predicted.get(doc.id, {}))
            checks += doc_checks
            errors += [
                ErrorCase(f"failed {c.section}", doc.id, c.item, None, c.reason)
                for c in doc_checks
                if not c.passed
            ]
        result = ScoreResult(corpus=self.name, split=split, documents=len(gold), errors=errors)
        for section in SECTIONS:
            items = [c for c in checks if c.section == section]
            if items:
                passed = sum(c.passed for c in items)
                # Metric names are snake_case identifiers: "event details" -> "event_details".
                name = section.replace(" ", "_")
                result.metrics.append(Metric(name, passed / len(items), None, None, n=len(items)))
        if checks:
            passed = sum(c.passed for c in checks)
            result.metrics.append(
                Metric("overall", passed / len(checks), None, None, n=len(checks))
            )
        result.notes.append(
            f"checklist of the reading's required items: {sum(c.passed for c in checks)} of "
            f"{len(checks)} pass; n = items; the seed has no split (every split reads it)"
        )
        return result
