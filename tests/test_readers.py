"""JSON Lines corpora are read by one reader each, never line by line by hand.

Regression test for issue #6 item 9: after the commit that gave the scorers one reader
(``evaluate.base.read_records``), the geo and TE3 scorers, the oracle and the benchmark still
parsed lines themselves. Gold corpora go through ``read_records``; article corpora (the
benchmark's input) through ``dateline.ingest``, the reader of ``dateline extract``.
"""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "dateline"
READERS = {PACKAGE / "evaluate" / "base.py", PACKAGE / "ingest" / "jsonl.py"}
CHECKED = sorted([*(PACKAGE / "evaluate").glob("*.py"), PACKAGE / "bench.py"])


def _parses_a_line(node: ast.AST) -> bool:
    """``json.loads(line)``: a call on a bare name, as a loop over a file's lines makes."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "loads"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "json"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
    )


@pytest.mark.parametrize("path", [p for p in CHECKED if p not in READERS], ids=lambda p: p.name)
def test_no_module_parses_json_lines_by_hand(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [node.lineno for node in ast.walk(tree) if _parses_a_line(node)]
    assert not found, f"{path.name} lines {found}: read corpora with read_records or ingest"
