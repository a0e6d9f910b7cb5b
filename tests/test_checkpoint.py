from __future__ import annotations

import json

from dateline.checkpoint import JsonlCheckpoint, RunKey
from dateline.document import Document

RUN = RunKey(dateline="0.1.0", model="m 1", config="abc", clean=True, published=None)


def _line(doc_id: str, source: str = "a.txt", config: str = "abc") -> str:
    return json.dumps({"id": doc_id, "source": source, "provenance": {"config": config}}) + "\n"


def _started(tmp_path, run=RUN) -> JsonlCheckpoint:
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", run)
    checkpoint.resume()
    checkpoint.open()
    checkpoint.close()
    return checkpoint


def test_no_partial_file_means_nothing_done(tmp_path):
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", RUN)
    assert checkpoint.resume().kept == 0
    assert checkpoint.done == set()


def test_a_torn_last_line_is_dropped(tmp_path):
    _started(tmp_path).partial.write_text(_line("a") + _line("b") + '{"id": "c', encoding="utf-8")
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", RUN)
    assert checkpoint.resume().kept == 2
    assert checkpoint.done == {("a.txt", "a"), ("a.txt", "b")}
    assert checkpoint.partial.read_text(encoding="utf-8") == _line("a") + _line("b")


def test_the_key_is_source_and_id(tmp_path):
    # Issue #7 item 2: identical inputs from two sources share the id; both must be written.
    _started(tmp_path).partial.write_text(_line("a", "x.txt"), encoding="utf-8")
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", RUN)
    checkpoint.resume()
    same = Document.from_input("text", source="x.txt", id="a")
    twin = Document.from_input("text", source="y.txt", id="a")
    assert not checkpoint.wanted(same)
    assert checkpoint.wanted(twin)


def test_lines_of_another_configuration_are_dropped(tmp_path):
    partial = _started(tmp_path).partial
    partial.write_text(_line("a") + _line("b", config="other"), encoding="utf-8")
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", RUN)
    resumed = checkpoint.resume()
    assert (resumed.kept, resumed.discarded) == (1, 1)
    assert partial.read_text(encoding="utf-8") == _line("a")


def test_another_run_discards_everything_and_says_why(tmp_path):
    # Issue #6 item 5: a partial file of another configuration or options is never merged.
    _started(tmp_path).partial.write_text(_line("a"), encoding="utf-8")
    other = RunKey(dateline="0.1.0", model="m 1", config="def", clean=False, published="2021-01-02")
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl", other)
    resumed = checkpoint.resume()
    assert (resumed.kept, resumed.discarded) == (0, 1)
    assert "configuration" in resumed.reason
    assert "--no-clean" in resumed.reason and "--published 2021-01-02" in resumed.reason
    assert not checkpoint.partial.exists()


def test_finish_replaces_the_output_and_close_keeps_the_partial(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    checkpoint = JsonlCheckpoint(target, RUN)
    checkpoint.resume()
    checkpoint.open().write(_line("a"))
    checkpoint.close()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert checkpoint.run_file.exists()
    again = JsonlCheckpoint(target, RUN)
    assert again.resume().kept == 1
    assert not again.wanted(Document.from_input("t", source="a.txt", id="a"))
    again.open().write(_line("b"))
    assert again.finish() == 0
    assert target.read_text(encoding="utf-8") == _line("a") + _line("b")
    assert not again.partial.exists() and not again.run_file.exists()


def test_finish_drops_what_no_input_of_the_run_gave(tmp_path):
    target = tmp_path / "out.jsonl"
    first = JsonlCheckpoint(target, RUN)
    first.resume()
    first.open().write(_line("a") + _line("gone", "old.txt"))
    first.close()
    again = JsonlCheckpoint(target, RUN)
    again.resume()
    assert not again.wanted(Document.from_input("t", source="a.txt", id="a"))
    again.open()
    assert again.finish() == 1
    assert target.read_text(encoding="utf-8") == _line("a")
