from __future__ import annotations

import json

import pytest

from dateline.errors import ConfigError
from dateline.gazetteer.index import distance_km, offset_point
from dateline.gazetteer.rank import (
    Mention,
    Resolver,
    _nearest,
    default_ranker_path,
    load_ranker,
    precision_of,
)


@pytest.fixture(scope="module")
def resolver(tiny):
    # The shipped ranker, ranking only: the confidence cut has tests of its own.
    return Resolver(tiny, load_ranker(), min_confidence=0.0)


def mention(text, **kwargs):
    return Mention(0, len(text), text, **kwargs)


def best(resolver, *mentions):
    return [(c.name, c.country, c.feature) if c else None for c in resolver.resolve(mentions)]


def test_the_larger_place_wins_without_context(resolver):
    assert best(resolver, mention("Alexandria")) == [("Alexandria", "EG", "PPL")]
    assert best(resolver, mention("Paris")) == [("Paris", "FR", "PPLC")]


def test_a_qualifier_after_a_comma_decides(resolver):
    # "Alexandria, La.": the recogniser gives the qualifier as a mention of its own too.
    got = best(resolver, mention("Alexandria", qualifier="La."), mention("La."))
    assert got == [("Alexandria", "US", "PPL"), ("Louisiana", "US", "ADM1")]


def test_the_documents_other_places_decide(resolver):
    got = best(resolver, mention("Dallas"), mention("Lamar County"), mention("Paris"))
    assert got[2] == ("Paris", "US", "PPL")


def test_a_name_is_not_its_own_context(resolver):
    # Three mentions of Paris alone still read as the capital of France, not a loop.
    assert best(resolver, *[mention("Paris")] * 3) == [("Paris", "FR", "PPLC")] * 3


def test_the_text_s_place_type_picks_the_area(resolver):
    assert best(resolver, mention("Deir ez-Zor", hint="ADM1")) == [("Deir ez-Zor", "SY", "ADM1")]
    assert best(resolver, mention("Deir ez-Zor", hint="PPL")) == [("Deir ez-Zor", "SY", "PPL")]


def test_an_own_name_beats_an_alternate_one_in_context(resolver):
    got = best(resolver, mention("Syria"), mention("Damascus"), mention("Palmyra"))
    assert got[2] == ("Tadmur", "SY", "PPL")


def test_demonyms_resolve_to_their_country(resolver):
    assert best(resolver, mention("Syrian", demonym=True)) == [("Syria", "SY", "PCLI")]


def test_an_unknown_name_stays_unresolved_and_blocks_nothing(resolver):
    assert best(resolver, mention("Xyzzyville"), mention("Mosul")) == [
        None,
        ("Mosul", "IQ", "PPL"),
    ]


def test_the_loosest_match_counts_only_when_nothing_better_exists(resolver):
    (cand,) = resolver.resolve([mention("Dayr az Zor", hint="PPL")])
    assert cand.name == "Deir ez-Zor" and cand.level == 2


def test_an_isolated_loose_match_gets_no_point(tiny):
    strict = Resolver(tiny, load_ranker())
    assert strict.resolve([mention("Dayr az Zor")]) == [None]


def test_a_loose_match_the_text_vouches_for_is_kept(tiny):
    strict = Resolver(tiny, load_ranker())
    mentions = [mention("Syria"), mention("Mayadin"), mention("Dayr az Zor", hint="PPL")]
    assert best(strict, *mentions)[2] == ("Deir ez-Zor", "SY", "PPL")


def test_confidence_is_a_probability(resolver):
    for _cand, conf in resolver.resolve_scored([mention("Paris"), mention("Xyzzyville")]):
        assert 0.0 <= conf <= 1.0
    assert resolver.resolve_scored([mention("Xyzzyville")]) == [(None, 0.0)]


def test_resolution_is_deterministic(resolver):
    mentions = [mention(n) for n in ("Paris", "Alexandria", "Dallas", "Qara", "Kiev")]
    assert resolver.resolve(mentions) == resolver.resolve(list(mentions))


def test_a_ranker_file_for_other_features_is_a_config_error(tmp_path):
    data = json.loads(default_ranker_path().read_text("utf-8"))
    del data["weights"]["near"]
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ConfigError, match="retrain"):
        load_ranker(path)


def test_an_unreadable_ranker_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=str(tmp_path / "missing.json")):
        load_ranker(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("feature", "precision"),
    [
        ("PPL", "town"),
        ("PPLC", "town"),
        ("ADM1", "admin1"),
        ("ADM2", "admin2"),
        ("PCLI", "country"),
        ("MTS", "region"),
        ("CONT", "region"),
        ("MILB", "point"),
    ],
)
def test_precision_of_a_feature(feature, precision):
    assert precision_of(feature) == precision


@pytest.mark.parametrize(
    ("bearing", "dlat_sign", "dlon_sign"), [(0, 1, 0), (90, 0, 1), (180, -1, 0), (270, 0, -1)]
)
def test_an_offset_point_lies_at_the_distance_and_direction(bearing, dlat_sign, dlon_sign):
    lat, lon = offset_point(36.335, 43.1189, 30, bearing)
    assert distance_km(36.335, 43.1189, lat, lon) == pytest.approx(30, abs=0.05)
    for delta, sign in ((lat - 36.335, dlat_sign), (lon - 43.1189, dlon_sign)):
        assert (abs(delta) < 1e-3) if sign == 0 else (delta * sign > 0)


def test_an_offset_across_the_date_line_wraps():
    lat, lon = offset_point(0.0, 179.9, 50, 90)
    assert -180 <= lon < -179


def test_a_long_document_scores_each_name_once_per_round(tiny, monkeypatch):
    # 300 mentions of five names: the ranking of a name does not depend on where it is, so
    # each is scored once per round; every mention used to be (3 rounds x 300 x candidates).
    resolver = Resolver(tiny, load_ranker(), min_confidence=0.0)
    calls = 0
    features = Resolver.context_features

    def counted(self, key, cand, ctx):
        nonlocal calls
        calls += 1
        return features(self, key, cand, ctx)

    monkeypatch.setattr(Resolver, "context_features", counted)
    names = ["Dallas", "Paris", "Alexandria", "Shreveport", "Mosul"]
    once = resolver.resolve([mention(name) for name in names])
    one_pass = calls
    calls = 0
    many = resolver.resolve([mention(names[n % 5]) for n in range(300)])
    assert many == once * 60
    assert calls == one_pass


def test_the_nearest_other_place_is_found_exactly(tiny):
    # The arrays pick the nearest point; the distance is distance_km's own figure.
    resolver = Resolver(tiny, load_ranker(), min_confidence=0.0)
    mentions = [mention(n) for n in ("Dallas", "Shreveport", "Alexandria", "Mosul", "Damascus")]
    ranked = resolver.rounds_of(mentions)
    ctx = resolver.context(mentions, ranked)
    cand = ranked[2].cands[0]
    got = _nearest(ctx, "alexandria", cand)
    want = min(
        distance_km(cand.lat, cand.lon, la, lo) for k, la, lo in ctx.points if k != "alexandria"
    )
    assert got == want
