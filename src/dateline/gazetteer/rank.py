"""Toponym resolution: choose, for every mention of a document, the gazetteer record it means.

Candidates are ranked by a score that adds up evidence (weights in ``[places.weights]`` of
the configuration):

- how well the name matched (exact, article-normalised, consonant skeleton);
- prominence: population, the number of names the place has, its feature type (a country
  or a capital before a village of the same name);
- the place type the text gives ("Deir Ezzor province" is an area, "the town of" a town);
- a qualifier after a comma ("Alexandria, La." lies in Louisiana);
- agreement with the document: the countries and first-level areas its other places and
  demonyms name, the dateline's country, and distance to its other places.

Resolution runs twice: first without the document's context, to learn which countries and
areas the document is about from its unambiguous names; then with it. A name without
candidates stays unresolved and never blocks the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import ConfigError
from ..records import PlacePrecision
from .build import LOCAL_ID_BASE
from .index import Candidate, Gazetteer, distance_km
from .keys import name_keys

# Feature classes: the "type" a text cue names, and the precision of a resolved place.
TOWN = frozenset({"PPL", "PPLC", "PPLA", "PPLX"})
AREA_FEATURES = frozenset({"ADM1", "ADM2", "RGN", "MTS", "MT", "DSRT", "VAL", "PEN", "ISL", "FRST"})
FEATURE_PRECISION: dict[str, PlacePrecision] = {
    "PCLI": "country",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "CONT": "region",
    "RGN": "region",
    "MTS": "region",
    "MT": "region",
    "DSRT": "region",
    "VAL": "region",
    "PEN": "region",
    "ISL": "region",
    "FRST": "region",
    "SEA": "region",
    "GULF": "region",
    "OCN": "region",
    "STRT": "region",
    "LK": "region",
    "LKS": "region",
    "GLCR": "region",
}


def precision_of(feature: str) -> PlacePrecision:
    """The contract's precision for a gazetteer feature: town, admin1, region, country..."""
    if feature in TOWN or feature.startswith("PPL"):
        return "town"
    return FEATURE_PRECISION.get(feature, "point")


WEIGHTS = frozenset(
    {
        "level_1",
        "level_2",
        "population",
        "names",
        "country",
        "admin1",
        "capital",
        "continent",
        "area",
        "admin2",
        "admin2_short",
        "hint",
        "qualifier",
        "qualifier_miss",
        "doc_country",
        "doc_admin1",
        "dateline_country",
        "near",
        "curated",
        "alternate",
        "admin1_town",
        "confident_margin",
    }
)


@dataclass
class Mention:
    """A name to resolve: where it is, what it says, and what its context says."""

    start: int
    end: int
    text: str
    demonym: bool = False
    dateline: bool = False
    hint: str = ""  # feature class a neighbouring word gives ("ADM1" for "province")
    qualifier: str = ""  # the state or country after a comma


@dataclass
class Context:
    """What the document's confidently resolved names say about where it is.

    Each name's own contribution is kept apart, so that a name is never its own evidence
    (a confident "Georgia" the country must not make every "Georgia" the country).
    """

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_key: dict[str, tuple[Counter[str], Counter[tuple[str, str]]]] = field(default_factory=dict)
    points: list[tuple[str, float, float]] = field(default_factory=list)
    dateline_countries: set[str] = field(default_factory=set)

    def add(self, key: str, cand: Candidate, dateline: bool, weight: float = 1.0) -> None:
        """Count ``cand`` as evidence, as much as ``weight`` (0-1: how sure its reading is)."""
        own = self.by_key.setdefault(key, (Counter(), Counter()))
        if cand.country:
            self.countries[cand.country] += weight  # type: ignore[assignment]
            own[0][cand.country] += weight  # type: ignore[assignment]
        if cand.admin1 and cand.feature not in ("PCLI", "CONT"):
            self.admin1s[(cand.country, cand.admin1)] += weight  # type: ignore[assignment]
            own[1][(cand.country, cand.admin1)] += weight  # type: ignore[assignment]
        if weight >= 0.5 and (cand.feature in TOWN or cand.feature.startswith("PPL")):
            self.points.append((key, cand.lat, cand.lon))
        if dateline and cand.country and weight >= 0.5:
            self.dateline_countries.add(cand.country)


def _hint_agrees(hint: str, feature: str) -> bool:
    if hint in ("PPL", "PPLC"):
        return feature in TOWN or feature.startswith("PPL")
    if hint == "ADM1":
        return feature == "ADM1"
    if hint == "ADM2":
        return feature in ("ADM2", "ADM1")
    if hint == "RGN":
        return feature in AREA_FEATURES or feature in ("CONT", "PCLI")
    if hint == "PCLI":
        return feature == "PCLI"
    return hint == feature


class Resolver:
    """Ranks gazetteer candidates for the mentions of one document at a time."""

    def __init__(self, gazetteer: Gazetteer, weights: Mapping[str, float]) -> None:
        self.gaz = gazetteer
        missing = sorted(WEIGHTS - set(weights))
        if missing:
            raise ConfigError(f"[places.weights] lacks {', '.join(missing)}")
        self.w = dict(weights)
        self.rounds = 2

    def candidates(self, mention: Mention) -> list[Candidate]:
        if mention.demonym:
            country = self.gaz.demonym(mention.text)
            return [country] if country is not None else []
        cands = list(self.gaz.lookup(mention.text))
        if not cands:
            return []
        best = min(c.level for c in cands)
        # A looser match only where no better one exists: "Hmeimeh" may be "Humaymah".
        return [c for c in cands if c.level == best]

    def score(self, mention: Mention, cand: Candidate) -> float:
        """The name's own evidence for ``cand``: match, prominence, type, qualifier."""
        w = self.w
        s = 0.0
        if cand.level == 1:
            s += w["level_1"]
        elif cand.level == 2:
            s += w["level_2"]
        if not cand.primary:
            s += w["alternate"]
        feature = cand.feature
        if feature in ("ADM1", "ADM2"):
            # An area's population is the sum of its places: count it as one large place.
            s += w["population"] * math.log10(1 + min(cand.population, 2_000_000))
        else:
            s += w["population"] * math.log10(1 + cand.population)
        s += w["names"] * math.log1p(cand.names)
        if feature == "PCLI":
            s += w["country"]
        elif feature == "ADM1":
            s += w["admin1"]
        elif feature == "PPLC":
            s += w["capital"]
        elif feature == "CONT":
            s += w["continent"]
        elif feature == "ADM2":
            s += w["admin2"]
            if name_keys(mention.text)[1] != name_keys(cand.name)[1]:
                s += w["admin2_short"]
        elif feature in AREA_FEATURES or feature not in TOWN:
            s += w["area"]
        if mention.hint and _hint_agrees(mention.hint, feature):
            s += w["hint"]
        if mention.qualifier:
            s += self._qualifier_score(mention.qualifier, cand)
        if cand.id >= LOCAL_ID_BASE and feature not in ("ADM1", "ADM2"):
            s += w["curated"]
        return s

    def _qualifier_score(self, qualifier: str, cand: Candidate) -> float:
        for q in self.gaz.lookup(qualifier):
            if q.level > 0:
                continue
            if q.feature == "PCLI" and q.country == cand.country:
                return self.w["qualifier"]
            if q.feature == "ADM1" and q.country == cand.country and q.admin1 == cand.admin1:
                return self.w["qualifier"]
        return self.w["qualifier_miss"]

    def _context_score(self, key: str, cand: Candidate, ctx: Context) -> float:
        s = 0.0
        own_countries, own_admin1s = ctx.by_key.get(key, (Counter(), Counter()))
        total = ctx.countries.total() - own_countries.total()
        if total > 0 and cand.country:
            share = (ctx.countries[cand.country] - own_countries[cand.country]) / total
            s += self.w["doc_country"] * share
        total1 = ctx.admin1s.total() - own_admin1s.total()
        if total1 > 0 and cand.admin1 and cand.feature not in ("PCLI", "CONT"):
            pair = (cand.country, cand.admin1)
            s += self.w["doc_admin1"] * (ctx.admin1s[pair] - own_admin1s[pair]) / total1
        if cand.country in ctx.dateline_countries:
            s += self.w["dateline_country"]
        if cand.feature not in ("PCLI", "CONT"):
            near = min(
                (distance_km(cand.lat, cand.lon, la, lo) for k, la, lo in ctx.points if k != key),
                default=None,
            )
            if near is not None and near < 300:
                s += self.w["near"] * (1 - near / 300)
        return s

    def rank(self, mention: Mention, ctx: Context | None) -> list[tuple[float, Candidate]]:
        """Candidates with their scores, best first (ties by id: deterministic).

        The document's context only reorders the ten best of the name's own evidence: it
        decides between plausible readings, never promotes a hamlet over a capital.
        """
        cands = self.candidates(mention)
        # A province named after its capital ("Deir ez-Zor", "Kandahar"): the text means the
        # town unless it says "province".
        towns = {(c.country, c.admin1) for c in cands if c.feature.startswith("PPL")}
        scored = sorted(
            (
                (
                    self.score(mention, c)
                    + (
                        self.w["admin1_town"]
                        if c.feature == "ADM1" and (c.country, c.admin1) in towns
                        else 0.0
                    ),
                    c,
                )
                for c in cands
            ),
            key=lambda sc: (-sc[0], sc[1].id),
        )
        if ctx is None or not scored:
            return scored
        key = name_keys(mention.text)[1]
        top = [(sc + self._context_score(key, c, ctx), c) for sc, c in scored[:10]]
        return sorted(top, key=lambda sc: (-sc[0], sc[1].id))

    def resolve(self, mentions: Sequence[Mention]) -> list[Candidate | None]:
        """The chosen record of every mention (None where the gazetteer has none).

        Three rounds: the names alone; then each name read in the light of the others'
        best readings, each counted as much as its lead over its runner-up allows; then once
        more with the readings of the second round, so that a town the first round could
        not place (Athens) follows the county and state the others settled.
        """
        ranked = [self.rank(m, None) for m in mentions]
        for _ in range(self.rounds):
            ctx = self._context(mentions, ranked)
            ranked = [self.rank(m, ctx) for m in mentions]
        return [r[0][1] if r else None for r in ranked]

    def _context(
        self, mentions: Sequence[Mention], ranked: Sequence[list[tuple[float, Candidate]]]
    ) -> Context:
        ctx = Context()
        margin_full = self.w["confident_margin"]
        for mention, scored in zip(mentions, ranked, strict=True):
            if not scored:
                continue
            margin = scored[0][0] - scored[1][0] if len(scored) > 1 else margin_full
            weight = min(1.0, max(0.0, margin / margin_full)) if margin_full > 0 else 1.0
            if weight > 0:
                ctx.add(name_keys(mention.text)[1], scored[0][1], mention.dateline, weight)
        return ctx
