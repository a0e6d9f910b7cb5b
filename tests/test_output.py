"""Output writers: the bytes of json.dumps, written piece by piece."""

from __future__ import annotations

import io
import json
from pathlib import Path

import dateline
from dateline.document import Document
from dateline.output import JsonlWriter, JsonWriter
from dateline.runner import pipe_parallel


def _doc():
    # A line separator (U+2028) inside the text: str.splitlines() cuts there, JSON does not.
    return dateline.extract(
        "Rebels attacked a convoy near Goma on Monday,\u2028 killing four soldiers, "
        "an army spokesman said.",
        clean=False,
    )


def test_json_array_has_the_bytes_of_json_dumps_and_reads_back():
    doc = _doc()
    out = io.StringIO()
    writer = JsonWriter(out)
    writer.write(doc)
    writer.write(doc)
    writer.close()
    one = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    assert out.getvalue() == f"[\n  {one},\n  {one}\n]\n"
    assert json.loads(out.getvalue())[0]["text"] == doc.text


def test_json_lines_has_the_bytes_of_json_dumps():
    doc = _doc()
    out = io.StringIO()
    JsonlWriter(out).write(doc)
    compact = json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert out.getvalue() == compact + "\n"


def test_documents_come_back_without_their_spacy_docs_from_one_worker_too():
    docs = list(pipe_parallel(["Troops entered the town of Beni on Friday."], workers=1))
    assert docs[0].sdoc is None and docs[0].entities


def test_writers_never_make_the_whole_documents_dict(monkeypatch):
    # A 5 MB article's dict is near 1 GB: the writers encode one record's dict at a time,
    # and still write the bytes of json.dumps(doc.to_dict()), records in the contract's order.
    doc = dateline.extract(
        (Path(__file__).parent.parent / "examples" / "sample_article.txt").read_bytes()
    )
    assert len(doc.events) > 1 and len(doc.entities) > 1
    indented = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    compact = json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def refuse(self):
        raise AssertionError("the writer built the whole document's dict")

    monkeypatch.setattr(Document, "to_dict", refuse)
    out = io.StringIO()
    writer = JsonWriter(out)
    writer.write(doc)
    writer.close()
    assert out.getvalue() == f"[\n  {indented}\n]\n"
    out = io.StringIO()
    JsonlWriter(out).write(doc)
    assert out.getvalue() == compact + "\n"
