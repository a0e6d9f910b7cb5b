"""Shared metrics: F1 arithmetic and the bootstrap's determinism and coverage."""

from __future__ import annotations

import pytest

from dateline.evaluate.metrics import bootstrap, f1_of, metric, prf, ratio_of, total

PER_DOC = [
    {"tp": 3, "pred": 4, "gold": 5},
    {"tp": 0, "pred": 2, "gold": 1},
    {"tp": 5, "pred": 5, "gold": 6},
    {"tp": 1, "pred": 3, "gold": 2},
]


def test_prf_by_hand():
    # P = 2/4, R = 2/5, F1 = 2 * .5 * .4 / .9 = 4/9
    assert prf(2, 4, 5) == pytest.approx((0.5, 0.4, 4 / 9))


def test_prf_of_nothing_is_zero():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_total_sums_counts():
    assert total(PER_DOC) == {"tp": 9, "pred": 14, "gold": 14}


def test_micro_f1_on_summed_counts():
    # P = 9/14, R = 9/14 -> F1 = 9/14
    value, _, _ = bootstrap(PER_DOC, f1_of("tp", "pred", "gold"))
    assert value == pytest.approx(9 / 14)


def test_bootstrap_is_deterministic():
    formula = ratio_of("tp", "gold")
    assert bootstrap(PER_DOC, formula) == bootstrap(PER_DOC, formula)


def test_interval_contains_value_and_has_width():
    low_value_high = bootstrap(PER_DOC, ratio_of("tp", "gold"))
    value, low, high = low_value_high
    assert low <= value <= high
    assert low < high


def test_one_document_has_no_width():
    value, low, high = bootstrap(PER_DOC[:1], ratio_of("tp", "gold"))
    assert value == low == high == pytest.approx(3 / 5)


def test_metric_counts_documents():
    m = metric("recall", PER_DOC, ratio_of("tp", "gold"), reference="someone .5")
    assert (m.n, m.reference) == (4, "someone .5")
    assert m.to_dict()["value"] == round(9 / 14, 4)


def test_empty_denominator_is_undefined_not_zero():
    # "matched" sums to 0 over the set: accuracy on matched pairs is undefined
    per_doc = [{"ok": 0, "matched": 0}, {"ok": 0, "matched": 0}, {"ok": 0}]
    m = metric("value_accuracy", per_doc, ratio_of("ok", "matched"), denominator="matched")
    assert (m.value, m.low, m.high, m.n) == (None, None, None, 3)
    assert m.to_dict() == {
        "name": "value_accuracy",
        "value": None,
        "low": None,
        "high": None,
        "n": 3,
        "reference": None,
    }


def test_denominator_never_counted_is_undefined():
    m = metric("agreement", [{"tp": 1}], ratio_of("ok", "n"), denominator="n", n=0)
    assert (m.value, m.low, m.high, m.n) == (None, None, None, 0)


def test_nonempty_denominator_changes_nothing():
    formula = ratio_of("tp", "gold")
    with_den = metric("recall", PER_DOC, formula, denominator="gold")
    without = metric("recall", PER_DOC, formula)
    assert with_den == without
    assert with_den.value == pytest.approx(9 / 14)


def test_plain_prf_stays_zero_without_denominator():
    m = metric("p", [{"tp": 0, "pred": 0}], ratio_of("tp", "pred"))
    assert m.value == 0.0
