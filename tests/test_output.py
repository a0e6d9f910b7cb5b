"""Output writers: the bytes of json.dumps, written piece by piece."""

from __future__ import annotations

import io
import json

import dateline
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
