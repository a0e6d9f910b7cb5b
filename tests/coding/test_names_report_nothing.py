"""A word of a group's name ("Liberation", "Mobilization") names the group; it reports no
event of its own, in capitals or without."""

from __future__ import annotations

import pytest

from .conftest import coded


@pytest.mark.parametrize(
    "text",
    [
        "The Farabundo Marti National Liberation Front said on Monday it would resume talks.",
        "the farabundo marti national liberation front said on monday it would resume talks.",
        "The Popular Mobilization Forces said on Monday they would hold the city.",
    ],
)
def test_a_word_of_a_name_is_no_trigger(pipeline, text):
    assert [e.trigger.text for e in coded(pipeline, text).events] == []


def test_the_same_word_outside_a_name_still_reports(pipeline):
    doc = coded(pipeline, "The government ordered the mobilization of 5,000 reservists on Monday.")
    assert "MOBILIZE" in [e.plover for e in doc.events]
