"""Toponym resolution: choose, for every mention of a document, the gazetteer record it means.

Each candidate of a name is described by a vector of evidence (:data:`FEATURES`):

- how well the name matched (exact, article-normalised, consonant skeleton, an alternate
  name), prominence (population, also against the name's most populous reading; the number
  of names the place has), its feature type (a country or a capital before a village);
- the place type the text gives ("Deir Ezzor province" is an area, "the town of" a town);
- a qualifier after a comma ("Alexandria, La." lies in Louisiana);
- agreement with the document: the countries and first-level areas its other places and
  demonyms name, the dateline's country, and distance to its other places.

A candidate's score is the dot product of that vector with the weights of a small linear
ranker trained on the dev splits of the geoparsing corpora (``python -m
dateline.gazetteer.train``, weights in ``resources/place_ranker.json``). Resolution runs in
rounds: first without the document's context, to learn which countries and areas the
document is about from its unambiguous names; then with it.

A name whose best reading is unlikely to be right (a second logistic model of the ranker
file, over the margin, match and support of the winner) is left without coordinates: a
point 5,000 km off is worse than none for an event dataset. A name without candidates stays
unresolved and never blocks the others.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..records import PlacePrecision
from .build import LOCAL_ID_BASE
from .index import EARTH_RADIUS_KM, Candidate, Gazetteer, distance_km
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

# The name's own evidence for a candidate, then the document's (see :func:`own_features`
# and :func:`context_features` for what each one measures).
OWN_FEATURES = (
    "level_1",
    "level_2",
    "alternate",
    "primary_elsewhere",
    "population",
    "population_gap",
    "names",
    "country",
    "admin1",
    "capital",
    "continent",
    "area",
    "admin2",
    "admin2_short",
    "admin1_town",
    "hint",
    "hint_other",
    "qualifier",
    "qualifier_miss",
    "curated",
    "dateline_town",
)
CONTEXT_FEATURES = (
    "doc_country",
    "doc_admin1",
    "doc_admin2",
    "named_country",
    "named_admin1",
    "dateline_country",
    "near",
    "near_region",
    "cluster",
    "cluster_region",
    "context",
)
FEATURES = OWN_FEATURES + CONTEXT_FEATURES
# What the confidence model reads of a name's winning reading (see :func:`confidence_features`).
CONFIDENCE_FEATURES = (
    "bias",
    "probability",
    "margin",
    "candidates",
    "town",
    # and these, as the winner's feature row has them
    "level_1",
    "level_2",
    "alternate",
    "population",
    "population_gap",
    "country",
    "admin1",
    "area",
    "curated",
    "hint",
    "qualifier",
    "doc_country",
    "doc_admin1",
    "doc_admin2",
    "near",
    "cluster",
    "unsupported",
    "unsupported_small",
)
_FEATURE_INDEX = {name: n for n, name in enumerate(FEATURES)}
RANKER_FORMAT = 1
# Only the best readings by the name's own evidence are weighed against the document: the
# context decides between plausible readings, never promotes a hamlet over a capital.
CONTEXT_TOP = 10
NEAR_KM = 300.0
REGION_KM = 1500.0
CLUSTER_KM = 50.0
CLUSTER_REGION_KM = 300.0
# The nearness of a document's names to each other is judged among its first CONTEXT_NAMES
# distinct names (an article names a few dozen; a 5 MB report would otherwise compare every
# name with every other, quadratic in its length).
CONTEXT_NAMES = 200


def precision_of(feature: str) -> PlacePrecision:
    """The contract's precision for a gazetteer feature: town, admin1, region, country..."""
    if feature in TOWN or feature.startswith("PPL"):
        return "town"
    return FEATURE_PRECISION.get(feature, "point")


def is_town(feature: str) -> bool:
    return feature in TOWN or feature.startswith("PPL")


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
    admin2s: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    by_key: dict[
        str, tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str, str]]]
    ] = field(default_factory=dict)
    points: list[tuple[str, float, float]] = field(default_factory=list)
    dateline_countries: set[str] = field(default_factory=set)
    # Countries and first-level areas the document names as such, by the naming key.
    named_countries: dict[str, set[str]] = field(default_factory=dict)
    named_admin1s: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # Every plausible town or county reading of every name (lat, lon, name number), for the
    # names' mutual nearness: local news names places near each other.
    readings: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    reading_keys: list[str] = field(default_factory=list)
    # The country and first-level area of each reading, for the areas that contain them.
    reading_areas: list[tuple[str, str]] = field(default_factory=list)
    # Lookups made once by :meth:`finish`: a name's row in reading_keys, the names with a
    # reading in each country and (country, admin1), and the distinct town points as arrays.
    reading_index: dict[str, int] = field(default_factory=dict)
    in_country: dict[str, set[int]] = field(default_factory=dict)
    in_admin1: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    point_names: dict[str, int] = field(default_factory=dict)
    point_owner: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    point_degrees: list[tuple[float, float]] = field(default_factory=list)
    point_radians: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))

    def finish(self) -> None:
        """Build the lookups over what :meth:`add` and the readings gave (once per round).

        Points are kept once per (name, point), for the first CONTEXT_NAMES names: the
        nearest of them is the nearest of all their repetitions.
        """
        for (country, admin1), owner in zip(self.reading_areas, self.readings[:, 2], strict=True):
            self.in_country.setdefault(country, set()).add(int(owner))
            self.in_admin1.setdefault((country, admin1), set()).add(int(owner))
        seen: set[tuple[str, float, float]] = set()
        owners = []
        for point in self.points:
            name = point[0]
            if point in seen or (
                name not in self.point_names and len(self.point_names) >= CONTEXT_NAMES
            ):
                continue
            seen.add(point)
            owners.append(self.point_names.setdefault(name, len(self.point_names)))
            self.point_degrees.append((point[1], point[2]))
        if owners:
            self.point_owner = np.array(owners)
            self.point_radians = np.radians(np.array(self.point_degrees))

    def add(self, key: str, cand: Candidate, dateline: bool, weight: float = 1.0) -> None:
        """Count ``cand`` as evidence, as much as ``weight`` (0-1: how sure its reading is)."""
        own = self.by_key.setdefault(key, (Counter(), Counter(), Counter()))
        if cand.country:
            self.countries[cand.country] += weight  # type: ignore[assignment]
            own[0][cand.country] += weight  # type: ignore[assignment]
        if cand.admin1 and cand.feature not in ("PCLI", "CONT"):
            self.admin1s[(cand.country, cand.admin1)] += weight  # type: ignore[assignment]
            own[1][(cand.country, cand.admin1)] += weight  # type: ignore[assignment]
        if cand.admin2 and cand.feature not in ("PCLI", "CONT", "ADM1"):
            area = (cand.country, cand.admin1, cand.admin2)
            self.admin2s[area] += weight  # type: ignore[assignment]
            own[2][area] += weight  # type: ignore[assignment]
        if weight >= 0.5:
            if is_town(cand.feature):
                self.points.append((key, cand.lat, cand.lon))
            if cand.feature == "PCLI":
                self.named_countries.setdefault(cand.country, set()).add(key)
            elif cand.feature == "ADM1":
                self.named_admin1s.setdefault((cand.country, cand.admin1), set()).add(key)
            if dateline and cand.country:
                self.dateline_countries.add(cand.country)


Signature = tuple[str, bool, bool, str, str]


def signature(mention: Mention) -> Signature:
    """What a mention's ranking depends on: everything but where it is."""
    return mention.text, mention.demonym, mention.dateline, mention.hint, mention.qualifier


def _hint_agrees(hint: str, feature: str) -> bool:
    if hint in ("PPL", "PPLC"):
        return is_town(feature)
    if hint == "ADM1":
        return feature == "ADM1"
    if hint == "ADM2":
        return feature in ("ADM2", "ADM1")
    if hint == "RGN":
        return feature in AREA_FEATURES or feature in ("CONT", "PCLI")
    if hint == "PCLI":
        return feature == "PCLI"
    return hint == feature


@dataclass(frozen=True)
class Ranker:
    """The trained weights: a linear candidate ranker and a logistic confidence model."""

    weights: np.ndarray  # one per FEATURES
    confidence: np.ndarray  # one per CONFIDENCE_FEATURES
    source: str = ""

    def to_json(self, meta: dict[str, Any] | None = None) -> str:
        """The ranker file: weights by feature name, rounded, keys sorted (deterministic)."""
        data = {
            "format": RANKER_FORMAT,
            "weights": {n: round(float(w), 6) for n, w in zip(FEATURES, self.weights, strict=True)},
            "confidence": {
                n: round(float(w), 6)
                for n, w in zip(CONFIDENCE_FEATURES, self.confidence, strict=True)
            },
            "trained": meta or {},
        }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"


def default_ranker_path() -> Path:
    return Path(str(resources.files("dateline").joinpath("resources/place_ranker.json")))


def load_ranker(path: str | Path | None = None) -> Ranker:
    """The ranker file at ``path`` (default: the shipped one); ConfigError if unusable."""
    target = Path(path) if path else default_ranker_path()
    try:
        data = json.loads(target.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"the place ranker {target} cannot be read ({exc}); set [places] ranker to a file "
            "written by `dateline gazetteer train`, or leave it empty"
        ) from exc
    weights = data.get("weights") if isinstance(data, dict) else None
    confidence = data.get("confidence") if isinstance(data, dict) else None
    if (
        not isinstance(weights, dict)
        or not isinstance(confidence, dict)
        or data.get("format") != RANKER_FORMAT
        or set(weights) != set(FEATURES)
        or set(confidence) != set(CONFIDENCE_FEATURES)
    ):
        raise ConfigError(
            f"the place ranker {target} was not trained for this dateline's features; "
            "retrain it with `dateline gazetteer train --data DIR`"
        )
    return Ranker(
        weights=np.array([float(weights[n]) for n in FEATURES]),
        confidence=np.array([float(confidence[n]) for n in CONFIDENCE_FEATURES]),
        source=str(target),
    )


@dataclass
class Scored:
    """A mention's candidates with their feature rows and scores, best first."""

    cands: list[Candidate]
    features: np.ndarray  # len(cands) x len(FEATURES)
    scores: np.ndarray

    def best(self) -> Candidate | None:
        return self.cands[0] if self.cands else None

    def probabilities(self) -> np.ndarray:
        if not len(self.scores):
            return self.scores
        z = np.exp(self.scores - self.scores.max())
        return z / z.sum()  # type: ignore[no-any-return]


def _local(feature: str) -> bool:
    """A place small enough for nearness to other places to mean something."""
    return is_town(feature) or feature in ("ADM2", "MILB", "PSTB")


def _cluster(ctx: Context, key: str, cand: Candidate) -> tuple[float, float]:
    """Shares of the document's other names with a reading within 50 and 300 km of ``cand``."""
    own = ctx.reading_index.get(key, -1)
    others = len(ctx.reading_keys) - (1 if own >= 0 else 0)
    if others <= 0 or not len(ctx.readings):
        return 0.0, 0.0
    lat = np.radians(ctx.readings[:, 0])
    lon = np.radians(ctx.readings[:, 1])
    p1, l1 = math.radians(cand.lat), math.radians(cand.lon)
    a = np.sin((lat - p1) / 2) ** 2 + math.cos(p1) * np.cos(lat) * np.sin((lon - l1) / 2) ** 2
    dist = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    owner = ctx.readings[:, 2].astype(int)
    best = np.full(len(ctx.reading_keys), np.inf)
    np.minimum.at(best, owner, dist)
    if own >= 0:
        best[own] = np.inf
    return (
        float(np.count_nonzero(best <= CLUSTER_KM)) / others,
        float(np.count_nonzero(best <= CLUSTER_REGION_KM)) / others,
    )


def _contained(ctx: Context, key: str, cand: Candidate) -> float:
    """Share of the document's other names with a reading inside the country or area
    ``cand``: "Georgia" is the state when Atlanta and Macon are named."""
    if cand.feature == "PCLI":
        inside = ctx.in_country.get(cand.country, set())
    else:
        inside = ctx.in_admin1.get((cand.country, cand.admin1), set())
    own = ctx.reading_index.get(key, -1)
    others = len(ctx.reading_keys) - (1 if own >= 0 else 0)
    return (len(inside) - (1 if own in inside else 0)) / others if others > 0 else 0.0


def _nearest(ctx: Context, key: str, cand: Candidate) -> float | None:
    """Distance in km from ``cand`` to the nearest confidently placed town of another name.

    The arrays find the nearest few at once; the figure itself is :func:`distance_km`'s,
    so that it is the same to the last digit as one computed point by point.
    """
    if not ctx.point_degrees:
        return None
    lat, lon = ctx.point_radians[:, 0], ctx.point_radians[:, 1]
    p1, l1 = math.radians(cand.lat), math.radians(cand.lon)
    a = np.sin((lat - p1) / 2) ** 2 + math.cos(p1) * np.cos(lat) * np.sin((lon - l1) / 2) ** 2
    dist = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    own = ctx.point_names.get(key)
    if own is not None:
        dist = np.where(ctx.point_owner != own, dist, np.inf)
    low = float(dist.min())
    if math.isinf(low):
        return None
    near = np.flatnonzero(dist <= low + 1e-3)
    return min(distance_km(cand.lat, cand.lon, *ctx.point_degrees[int(i)]) for i in near)


def supported(s: Scored) -> bool:
    """True if the text itself vouches for the winner, whatever the confidence model says.

    The model learnt from general and US local news, where a village matched by a loose
    spelling is nearly always wrong; in conflict reporting such villages are the point.
    The winner is kept when it is a dateline's town, when the text gives its type ("the town of X") or its state or
    country after a comma and the document is about that country, or when it lies in a
    country the document names and near (300 km) another of its confidently placed towns.
    """
    if not s.cands:
        return False
    f = s.features[0]
    if f[_FEATURE_INDEX["dateline_town"]] > 0:
        return True  # the town the reporter files from: "WASHINGTON (Reuters) -"
    in_country = f[_FEATURE_INDEX["named_country"]] > 0 or f[_FEATURE_INDEX["dateline_country"]] > 0
    if f[_FEATURE_INDEX["qualifier"]] > 0:
        return True
    if f[_FEATURE_INDEX["hint"]] > 0 and (in_country or f[_FEATURE_INDEX["doc_country"]] >= 0.5):
        return True
    return in_country and is_town(s.cands[0].feature) and f[_FEATURE_INDEX["near"]] > 0


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x))))


class Resolver:
    """Ranks gazetteer candidates for the mentions of one document at a time."""

    def __init__(
        self, gazetteer: Gazetteer, ranker: Ranker | None = None, *, min_confidence: float = 0.5
    ) -> None:
        self.gaz = gazetteer
        self.ranker = ranker or load_ranker()
        self.w = self.ranker.weights
        self.min_confidence = min_confidence
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

    # -- evidence ----------------------------------------------------------------------
    def own_features(self, mention: Mention, cands: Sequence[Candidate]) -> np.ndarray:
        """The name's own evidence, one row per candidate (columns: OWN_FEATURES)."""
        rows = np.zeros((len(cands), len(OWN_FEATURES)))
        if not cands:
            return rows
        pops = [self._population(c) for c in cands]
        top_pop = max(pops)
        # A province named after its capital ("Deir ez-Zor", "Kandahar"): the text means the
        # town unless it says "province".
        towns = {(c.country, c.admin1) for c in cands if is_town(c.feature)}
        mention_key = name_keys(mention.text)[1]
        primary_pop = max((p for p, c in zip(pops, cands, strict=True) if c.primary), default=-1.0)
        qualifier = self._qualifier_places(mention.qualifier) if mention.qualifier else None
        if qualifier is not None and not any(
            (c.country, "") in qualifier or (c.country, c.admin1) in qualifier for c in cands
        ):
            qualifier = None  # a list ("Homs, Hama"), not a qualifier: no reading lies inside
        for i, cand in enumerate(cands):
            row = rows[i]
            feature = cand.feature
            row[0] = cand.level == 1
            row[1] = cand.level == 2
            row[2] = not cand.primary
            # "Mexico" is the country's own name, and only another name of Mexico City.
            row[3] = not cand.primary and primary_pop >= pops[i]
            row[4] = pops[i]
            row[5] = pops[i] - top_pop
            row[6] = math.log1p(cand.names)
            row[7] = feature == "PCLI"
            row[8] = feature == "ADM1"
            row[9] = feature == "PPLC"
            row[10] = feature == "CONT"
            row[11] = feature not in ("PCLI", "ADM1", "ADM2", "CONT") and not is_town(feature)
            row[12] = feature == "ADM2"
            row[13] = feature == "ADM2" and mention_key != name_keys(cand.name)[1]
            row[14] = feature == "ADM1" and (cand.country, cand.admin1) in towns
            if mention.hint:
                agrees = _hint_agrees(mention.hint, feature)
                row[15] = agrees
                row[16] = not agrees
            if qualifier is not None:
                inside = (cand.country, "") in qualifier or (cand.country, cand.admin1) in qualifier
                row[17] = inside
                row[18] = not inside
            row[19] = cand.id >= LOCAL_ID_BASE and feature not in ("ADM1", "ADM2")
            # A dateline names the town the reporter files from ("WASHINGTON (AP) -").
            row[20] = mention.dateline and is_town(feature)
        return rows

    @staticmethod
    def _population(cand: Candidate) -> float:
        if cand.feature in ("ADM1", "ADM2"):
            # An area's population is the sum of its places: count it as one large place.
            return math.log10(1 + min(cand.population, 2_000_000))
        return math.log10(1 + cand.population)

    def _qualifier_places(self, qualifier: str) -> set[tuple[str, str]]:
        """(country, "") and (country, admin1) pairs a qualifier ("La.", "Syria") names."""
        places = set()
        for q in self.gaz.lookup(qualifier):
            if q.level > 0:
                continue
            if q.feature == "PCLI":
                places.add((q.country, ""))
            elif q.feature == "ADM1":
                places.add((q.country, q.admin1))
        return places

    def context_features(self, key: str, cand: Candidate, ctx: Context) -> np.ndarray:
        """The document's evidence for ``cand`` (columns: CONTEXT_FEATURES)."""
        row = np.zeros(len(CONTEXT_FEATURES))
        own_countries, own_admin1s, own_admin2s = ctx.by_key.get(
            key, (Counter(), Counter(), Counter())
        )
        total = ctx.countries.total() - own_countries.total()
        row[10] = total > 0  # the document has other confidently placed names
        if total > 0 and cand.country:
            row[0] = (ctx.countries[cand.country] - own_countries[cand.country]) / total
        total1 = ctx.admin1s.total() - own_admin1s.total()
        if total1 > 0 and cand.admin1 and cand.feature not in ("PCLI", "CONT"):
            pair = (cand.country, cand.admin1)
            row[1] = (ctx.admin1s[pair] - own_admin1s[pair]) / total1
        total2 = ctx.admin2s.total() - own_admin2s.total()
        if total2 > 0 and cand.admin2 and cand.feature not in ("PCLI", "CONT", "ADM1"):
            area = (cand.country, cand.admin1, cand.admin2)
            row[2] = (ctx.admin2s[area] - own_admin2s[area]) / total2
        if cand.feature != "PCLI" and ctx.named_countries.get(cand.country, set()) - {key}:
            row[3] = 1.0
        if (
            cand.feature not in ("PCLI", "ADM1", "CONT")
            and cand.admin1
            and ctx.named_admin1s.get((cand.country, cand.admin1), set()) - {key}
        ):
            row[4] = 1.0
        row[5] = cand.country in ctx.dateline_countries
        if cand.feature not in ("PCLI", "CONT"):
            near = _nearest(ctx, key, cand)
            if near is not None:
                row[6] = max(0.0, 1 - near / NEAR_KM)
                row[7] = max(0.0, 1 - near / REGION_KM)
        if len(ctx.reading_keys) > 1:
            if _local(cand.feature):
                row[8], row[9] = _cluster(ctx, key, cand)
            elif cand.feature in ("PCLI", "ADM1"):
                row[8] = row[9] = _contained(ctx, key, cand)
        return row

    # -- ranking -----------------------------------------------------------------------
    def scored(
        self,
        mention: Mention,
        ctx: Context | None,
        own: dict[Signature, tuple[list[Candidate], np.ndarray]] | None = None,
    ) -> Scored:
        """Candidates with their features and scores, best first (ties by id).

        ``own``, if given, keeps each signature's candidates and own features across calls.
        """
        sig = signature(mention)
        if own is not None and sig in own:
            cands, rows = own[sig]
        else:
            cands = self.candidates(mention)
            rows = self.own_features(mention, cands)
            if own is not None:
                own[sig] = cands, rows
        feats = np.zeros((len(cands), len(FEATURES)))
        feats[:, : len(OWN_FEATURES)] = rows
        scores = feats @ self.w
        order = sorted(range(len(cands)), key=lambda i: (-scores[i], cands[i].id))
        if ctx is not None and cands:
            order = order[:CONTEXT_TOP]
            key = name_keys(mention.text)[1]
            for i in order:
                feats[i, len(OWN_FEATURES) :] = self.context_features(key, cands[i], ctx)
            scores = feats @ self.w
            order = sorted(order, key=lambda i: (-scores[i], cands[i].id))
        return Scored([cands[i] for i in order], feats[order], scores[order])

    def rank(self, mention: Mention, ctx: Context | None) -> list[tuple[float, Candidate]]:
        """Candidates with their scores, best first."""
        s = self.scored(mention, ctx)
        return [(float(score), cand) for score, cand in zip(s.scores, s.cands, strict=True)]

    def confidence_features(self, mention: Mention, s: Scored) -> np.ndarray:
        """What the confidence model reads of the winner (columns: CONFIDENCE_FEATURES)."""
        row = np.zeros(len(CONFIDENCE_FEATURES))
        if not s.cands:
            return row
        probs = s.probabilities()
        top = s.cands[0]
        row[0] = 1.0
        row[1] = probs[0]
        row[2] = probs[0] - (probs[1] if len(probs) > 1 else 0.0)
        row[3] = math.log1p(len(s.cands))
        row[4] = is_town(top.feature)
        f = s.features[0]
        for n, name in enumerate(CONFIDENCE_FEATURES[5:-2], start=5):
            row[n] = f[_FEATURE_INDEX[name]]
        # The document places its other names, none in this reading's country: "Heathrow"
        # read as a Florida hamlet in a story about London.
        unsupported = (
            f[_FEATURE_INDEX["context"]] > 0
            and f[_FEATURE_INDEX["doc_country"]] < 0.1
            and f[_FEATURE_INDEX["named_country"]] == 0
            and f[_FEATURE_INDEX["dateline_country"]] == 0
            and top.feature != "PCLI"
        )
        row[-2] = unsupported
        row[-1] = unsupported and top.population < 10_000
        return row

    def confidence(self, mention: Mention, s: Scored) -> float:
        """How likely the winner is the place meant (0-1)."""
        if not s.cands:
            return 0.0
        return _sigmoid(float(self.confidence_features(mention, s) @ self.ranker.confidence))

    def rounds_of(self, mentions: Sequence[Mention]) -> list[Scored]:
        """Every mention's ranking after the last round.

        Three rounds: the names alone; then each name read in the light of the others'
        best readings, each counted as much as its lead over its runner-up; then once more
        with the readings of the second round, so that a town the first round could not
        place (Athens) follows the county and state the others settled.
        """
        own: dict[Signature, tuple[list[Candidate], np.ndarray]] = {}

        def round_of(ctx: Context | None) -> list[Scored]:
            # Mentions with one signature score alike: each is scored once per round.
            done: dict[Signature, Scored] = {}
            out = []
            for m in mentions:
                sig = signature(m)
                if sig not in done:
                    done[sig] = self.scored(m, ctx, own)
                out.append(done[sig])
            return out

        ranked = round_of(None)
        for _ in range(self.rounds):
            ranked = round_of(self.context(mentions, ranked))
        return ranked

    def resolve_scored(self, mentions: Sequence[Mention]) -> list[tuple[Candidate | None, float]]:
        """(chosen record, confidence) of every mention; None where none is likely enough."""
        out: list[tuple[Candidate | None, float]] = []
        for mention, s in zip(mentions, self.rounds_of(mentions), strict=True):
            conf = self.confidence(mention, s)
            keep = conf >= self.min_confidence or supported(s)
            out.append((s.best() if keep else None, conf))
        return out

    def resolve(self, mentions: Sequence[Mention]) -> list[Candidate | None]:
        """The chosen record of every mention (None where the gazetteer has none, or where
        its best reading is unlikely to be the place meant)."""
        return [cand for cand, _ in self.resolve_scored(mentions)]

    def context(self, mentions: Sequence[Mention], ranked: Sequence[Scored]) -> Context:
        """The document's context from each name's best reading, counted as much as that
        reading's probability exceeds its runner-up's."""
        ctx = Context()
        readings: list[tuple[float, float, int]] = []
        for mention, s in zip(mentions, ranked, strict=True):
            if not s.cands or mention.demonym:
                continue
            key = name_keys(mention.text)[1]
            if key in ctx.reading_index or len(ctx.reading_keys) >= CONTEXT_NAMES:
                continue
            local = [c for c in s.cands[:CONTEXT_TOP] if _local(c.feature)]
            if local:
                ctx.reading_index[key] = len(ctx.reading_keys)
                ctx.reading_keys.append(key)
                readings += [(c.lat, c.lon, len(ctx.reading_keys) - 1) for c in local]
                ctx.reading_areas += [(c.country, c.admin1) for c in local]
        if readings:
            ctx.readings = np.array(readings)
        for mention, s in zip(mentions, ranked, strict=True):
            if not s.cands:
                continue
            probs = s.probabilities()
            weight = float(probs[0] - (probs[1] if len(probs) > 1 else 0.0))
            if weight > 0:
                ctx.add(name_keys(mention.text)[1], s.cands[0], mention.dateline, weight)
        ctx.finish()
        return ctx
