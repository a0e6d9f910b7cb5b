from __future__ import annotations

from dateline.checkpoint import JsonlCheckpoint


def test_no_partial_file_means_nothing_done(tmp_path):
    assert JsonlCheckpoint(tmp_path / "out.jsonl").done_ids() == set()


def test_a_torn_last_line_is_dropped(tmp_path):
    checkpoint = JsonlCheckpoint(tmp_path / "out.jsonl")
    checkpoint.partial.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c', encoding="utf-8")
    assert checkpoint.done_ids() == {"a", "b"}
    assert checkpoint.partial.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_finish_replaces_the_output_and_close_keeps_the_partial(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    checkpoint = JsonlCheckpoint(target)
    checkpoint.open().write('{"id": "a"}\n')
    checkpoint.close()
    assert target.read_text(encoding="utf-8") == "old\n"
    checkpoint.open().write('{"id": "b"}\n')
    checkpoint.finish()
    assert target.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'
    assert not checkpoint.partial.exists()
