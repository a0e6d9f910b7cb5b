"""Property tests of the whole pipeline on arbitrary text: it never crashes, every span it
writes indexes the text, the output is valid and the same every time."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline
from dateline import InputError

WIRE_WORDS = st.sampled_from(
    [
        "Police",
        "said",
        "on",
        "Monday",
        "in",
        "Kabul",
        "the",
        "army",
        "killed",
        "12",
        "fighters",
        "\n",
        "\n\n",
        ":",
        "(AFP)",
        "-",
        "“",
        "”",
        "Follow",
        "Updated",
        "March",
        "2021",
        "Lagos",
        "Reuters",
        "<p>",
        "</p>",
        "é",
        "\u200b",
        "\t",
        "BEIRUT",
        "/",
        ".",
        ",",
    ]
)
ARTICLES = st.one_of(
    st.text(max_size=400),
    st.text(max_size=400).map(lambda t: t[:40] + "\x00" + t[40:]),
    st.lists(WIRE_WORDS, max_size=80).map(" ".join),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=ARTICLES, clean=st.booleans())
def test_extract_never_crashes_and_writes_valid_spans(pipeline, validate, text, clean):
    try:
        doc = dateline.extract(text, clean=clean, pipeline=pipeline)
    except InputError as exc:
        assert exc.code in {"empty", "no_article", "binary", "encoding", "too_large"}
        return
    data = doc.to_dict()
    validate(data)
    assert not [p for p in doc.problems if p.code == "stage_failed"], doc.problems
    if not clean:
        # NUL characters are removed (problem nul_removed); every other one stays.
        assert doc.text == text.replace("\x00", "")
    again = dateline.extract(text, clean=clean, pipeline=pipeline)
    assert again.to_json() == doc.to_json()
