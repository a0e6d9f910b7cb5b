"""The terminal view: what was found, compactly, and one line for what was not.

Regression tests for issue #7 item 8: empty Events/Dates/Quotes tables filled the screen,
entities were only counted, captions were not shown, nothing separated two documents, and
the progress bar stayed glued to the next document's headline.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rich.console import Console

from dateline.cli import cli
from dateline.document import Caption, Document
from dateline.records import Entity, Place, Quote, Source, Time
from dateline.render import render_document

TEXT = (
    "Gunmen attacked a police post in Kandahar on Monday, the governor said. "
    '"We will not give up," he said.'
)


def _text(renderables) -> str:
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None, force_terminal=False)
    for part in renderables:
        console.print(part)
    return out.getvalue()


def _doc() -> Document:
    doc = Document.from_input(TEXT, source="a.txt")
    doc.set_text(TEXT)
    doc.meta.headline = "Gunmen attack police post"
    doc.meta.captions = [Caption(text="Police officers stand guard in Kandahar. REUTERS")]
    start = TEXT.index("Kandahar")
    doc.entities = [
        Entity(
            id="ent-33",
            label="GPE",
            name="Kandahar",
            canonical="Kandahar Province",
            actor_type="LOC",
            mentions=[doc.span(start, start + 8)],
        ),
        Entity(
            id="ent-57",
            label="PERSON",
            name="the governor",
            mentions=[doc.span(TEXT.index("the governor"), TEXT.index("the governor") + 12)],
        ),
    ]
    doc.places = [
        Place(
            id="pl-33",
            name="Kandahar",
            lat=31.61,
            lon=65.71,
            country="AF",
            precision="town",
            mentions=[doc.span(start, start + 8)],
        )
    ]
    monday = TEXT.index("Monday")
    doc.times = [
        Time(
            id="t-45",
            type="DATE",
            value="2021-03-01",
            precision="day",
            evidence=[doc.span(monday, monday + 6)],
        )
    ]
    quote = TEXT.index("We will")
    doc.quotes = [
        Quote(
            id=f"q-{quote}",
            kind="direct",
            speaker=Source(
                name="he", evidence=[doc.span(TEXT.index("he said"), TEXT.index("he said") + 2)]
            ),
            evidence=[doc.span(quote, quote + 21)],
        )
    ]
    return doc


def test_found_records_are_listed_with_what_they_hold():
    text = _text(render_document(_doc()))
    assert "Kandahar Province" in text and "GPE" in text  # entities: canonical and label
    assert "the governor" in text and "PERSON" in text
    assert "31.610, 65.710" in text  # places with coordinates
    assert "2021-03-01" in text and "Monday" in text  # dates
    assert "We will not give up" in text  # quotes
    assert "Police officers stand guard in Kandahar" in text  # captions


def test_what_was_not_found_is_one_line_not_empty_tables():
    text = _text(render_document(_doc()))
    lines = [line for line in text.splitlines() if line.lower().startswith("not found")]
    assert len(lines) == 1
    assert "events" in lines[0] and "claims" in lines[0]
    assert "entities" not in lines[0] and "places" not in lines[0]
    assert "Events" not in text.replace(lines[0], "")  # no table titled Events at all


def test_a_document_with_nothing_found_is_a_few_lines():
    doc = Document.from_input("Nothing happened.", source="b.txt")
    doc.set_text("Nothing happened.")
    text = _text(render_document(doc))
    assert len(text.strip().splitlines()) <= 5, text
    assert "not found" in text.lower()


def test_documents_in_the_table_are_separated(tmp_path):
    paths = []
    for n, body in enumerate(["Troops entered Gao on Friday.", "Police fired tear gas in Lagos."]):
        path = tmp_path / f"{n}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(cli, ["extract", *paths, "--format", "table", "--no-progress"])
    assert result.exit_code == 0, result.output
    first, second = result.stdout.index(paths[0]), result.stdout.index(paths[1])
    between = result.stdout[first:second]
    assert re.search(r"^[─━-]{20,}", between, re.MULTILINE), between


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_progress_bar_never_shares_a_line_with_a_headline(tmp_path):
    import pty

    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"HEADLINE NUMBER {n}\n\nTroops entered Gao on Friday.\n", encoding="utf-8")
        paths.append(str(path))
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "extract", *paths, "--format", "table"],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(controller, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(controller)
    raw = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, raw
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\x00", raw)  # every control sequence: a mark
    for n in range(1, 3):
        before = plain[: plain.index(f"HEADLINE NUMBER {n}")].rstrip("\x00")
        # A headline starts a line: after a line break or after the bar was erased.
        assert before.endswith(("\n", "\r")) or raw_erased_before(raw, n), repr(before[-80:])


def raw_erased_before(raw: str, n: int) -> bool:
    before = raw[: raw.index(f"HEADLINE NUMBER {n}")]
    before = re.sub(r"\x1b\[[0-9;]*m", "", before)  # styles are not positions
    return before.endswith(("\x1b[2K", "\r", "\n"))
