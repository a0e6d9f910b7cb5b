"""Articles longer than ``[parse] section_chars`` are read section by section (issue #7)."""

from __future__ import annotations

import json

import pytest

from dateline.config import load_config
from dateline.pipeline import Pipeline
from dateline.sections import section_bounds, shifted_id

PARAGRAPHS = [
    "Rebels seize hill town as talks stall",
    "GOMA, Congo (Reuters) - M23 rebels attacked army positions near Goma on Monday, "
    "killing 12 soldiers, a military spokesman said.",
    "Aid convoys to Rutshuru were suspended on Tuesday after 17 trucks were looted, the "
    "United Nations said in a statement.",
    '"We heard gunfire until noon," a hospital director in Goma told reporters.',
    "The army denied that its troops had shelled the market in Rutshuru.",
    "Talks between the government and the M23 rebels are due to resume in Nairobi next week.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
SECTION = 200


@pytest.fixture(scope="module")
def runs():
    """The article read whole, and read in sections of at most 200 characters."""
    whole = Pipeline(load_config())(TEXT)
    sectioned = Pipeline(load_config(overrides={"parse": {"section_chars": SECTION}}))(TEXT)
    return whole, sectioned


def test_section_bounds_cover_the_text_at_line_breaks():
    bounds = section_bounds(TEXT, SECTION)
    assert len(bounds) > 2
    assert bounds[0][0] == 0 and bounds[-1][1] == len(TEXT)
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert end == start and TEXT[end - 1] == "\n"
    assert all(end - start <= SECTION for start, end in bounds)


def test_shifted_ids_move_body_offsets_only():
    assert shifted_id("ev-217", 1000) == "ev-1217"
    assert shifted_id("ent-5.2", 10) == "ent-15.2"
    assert shifted_id("t-c0-45", 1000) == "t-c0-45"


def test_the_parser_never_sees_more_than_a_section():
    pipeline = Pipeline(load_config(overrides={"parse": {"section_chars": SECTION}}))
    at = pipeline.names.index("dateline.parse.v1")
    parse = pipeline.stages[at]
    seen: list[int] = []

    def spying(doc):
        seen.append(len(doc.text))
        return parse(doc)

    pipeline.stages[at] = spying
    doc = pipeline(TEXT)
    assert len(seen) > 2 and max(seen) <= SECTION and sum(seen) == len(doc.text)


def test_sections_give_true_spans_unique_ids_and_resolved_references(runs, validate):
    _, sectioned = runs
    data = json.loads(sectioned.model_dump_json(by_alias=True))
    validate(data)
    ids = [
        r["id"]
        for kind in ("entities", "places", "times", "quotes", "claims", "events")
        for r in data[kind]
    ]
    assert len(ids) == len(set(ids))
    for event in data["events"]:
        location = event["location"]
        if location and location["place_id"]:
            assert location["place_id"] in ids
    for claim in data["claims"]:
        assert set(claim["event_ids"]) <= set(ids)
    assert data["provenance"]["stages"].count("dateline.parse.v1") == 1


def test_a_referent_named_in_two_sections_is_one_record(runs):
    _, sectioned = runs
    town = [p for p in sectioned.places if p.name == "Rutshuru"]
    assert len(town) == 1
    starts = [m.start for m in town[0].mentions]
    assert len(starts) == 2 and starts[-1] > SECTION  # from the second and third sections
    rebels = [e for e in sectioned.entities if e.name == "M23 rebels"]
    assert len(rebels) == 1 and len(rebels[0].mentions) == 2


def test_sections_find_what_the_whole_read_finds(runs):
    whole, sectioned = runs
    assert {e.plover for e in sectioned.events} == {e.plover for e in whole.events}
    assert {(q.evidence[0].start, q.evidence[0].end) for q in sectioned.quotes} == {
        (q.evidence[0].start, q.evidence[0].end) for q in whole.quotes
    }
    assert [t.value for t in sectioned.times] == [t.value for t in whole.times]


def test_sections_are_deterministic():
    config = load_config(overrides={"parse": {"section_chars": SECTION}})
    first = Pipeline(config)(TEXT).model_dump_json()
    assert Pipeline(config)(TEXT).model_dump_json() == first


def test_captions_are_read_once_whatever_the_sections(validate):
    from tests.conftest import FIXTURES

    page = (FIXTURES / "ingest" / "militia_bridge.html").read_bytes()
    whole = Pipeline(load_config())(page)
    assert whole.meta.captions
    sectioned = Pipeline(load_config(overrides={"parse": {"section_chars": 150}}))(page)
    validate(json.loads(sectioned.model_dump_json(by_alias=True)))

    def caption_times(doc):
        return [(t.evidence[0].start, t.value) for t in doc.times if t.evidence[0].caption == 0]

    assert caption_times(sectioned) == caption_times(whole) != []


def test_long_documents_come_back_from_workers_through_a_file_unchanged(tmp_path, monkeypatch):
    import tempfile

    from dateline import runner
    from dateline.document import Document

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    read_back = []

    def unspill(spilled):
        read_back.append(spilled.path)
        return original(spilled)

    original = runner._unspill
    monkeypatch.setattr(runner, "_unspill", unspill)
    config = load_config(overrides={"parse": {"section_chars": SECTION}})
    texts = [TEXT, "Police fired tear gas at protesters in Lagos on Monday, witnesses said."]
    here = [Pipeline(config)(text).to_dict() for text in texts]
    docs = [Document.from_input(text) for text in texts]
    there = [doc.to_dict() for doc in runner.pipe_parallel(docs, config=config, workers=2)]
    assert there == here
    assert len(read_back) == 1  # the long one came through a file, the short one did not
    assert list(tmp_path.iterdir()) == []  # the records' files and their folder are gone


def test_a_killed_runs_record_folder_is_removed_by_the_next_run(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys
    import tempfile

    from dateline import runner

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f"{runner.SPILL_PREFIX}{gone.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "records-1.jsonl").write_text("[]\n")
    mine = tmp_path / f"{runner.SPILL_PREFIX}{os.getpid()}-def"
    mine.mkdir()
    runner._remove_stale_spill_dirs()
    assert not stale.exists() and mine.exists()
