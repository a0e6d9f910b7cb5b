"""The scorecard: a table for people, JSON for tools, and the most frequent errors per corpus."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from .metrics import Metric, ScoreResult

EXAMPLES_PER_KIND = 3


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.3f}"


def _interval(m: Metric) -> str:
    if m.low is None or m.high is None:
        return "-"
    return f"{_number(m.low)}-{_number(m.high)}"


def scorecard(results: Sequence[ScoreResult]) -> Table:
    """A rich Table: corpus, metric, value, 95% interval, n, reference."""
    table = Table(title="dateline scorecard", show_lines=False)
    for column, justify in (
        ("corpus", "left"),
        ("metric", "left"),
        ("value", "right"),
        ("95% CI", "right"),
        ("n", "right"),
        ("reference", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for result in results:
        for i, m in enumerate(result.metrics):
            corpus = f"{result.corpus} ({result.split}, {result.documents} docs)" if i == 0 else ""
            table.add_row(
                corpus, m.name, _number(m.value), _interval(m), str(m.n), m.reference or ""
            )
        table.add_section()
    return table


def render(
    results: Sequence[ScoreResult],
    console: Console,
    *,
    notes: Sequence[str] = (),
    errors: int = 0,
) -> None:
    """Write the scorecard, each corpus's notes, skip notes and (``errors`` > 0) error analysis."""
    console.print(scorecard(results))
    for result in results:
        for note in result.notes:
            console.print(f"[bold]{result.corpus}[/bold]: {note}", markup=True, highlight=False)
    for note in notes:
        console.print(note, markup=False, highlight=False)
    if errors > 0:
        render_errors(results, console, top=errors)


def error_summary(results: Sequence[ScoreResult], *, top: int) -> list[dict[str, Any]]:
    """Per corpus, the ``top`` most frequent error kinds with counts and a few examples each."""
    summary: list[dict[str, Any]] = []
    for result in results:
        counts = Counter(e.kind for e in result.errors)
        # Most frequent first; equal counts by kind name, so the output is stable.
        kinds = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        summary.append(
            {
                "corpus": result.corpus,
                "split": result.split,
                "errors": len(result.errors),
                "kinds": [
                    {
                        "kind": kind,
                        "count": count,
                        "examples": [e.to_dict() for e in result.errors if e.kind == kind][
                            :EXAMPLES_PER_KIND
                        ],
                    }
                    for kind, count in kinds
                ],
            }
        )
    return summary


def render_errors(results: Sequence[ScoreResult], console: Console, *, top: int) -> None:
    """The ``top`` most frequent error kinds per corpus, as tables."""
    for corpus in error_summary(results, top=top):
        table = Table(title=f"{corpus['corpus']} ({corpus['split']}): {corpus['errors']} errors")
        for column in ("kind", "count", "span", "expected", "got"):
            table.add_column(column)
        for kind in corpus["kinds"]:
            for i, example in enumerate(kind["examples"]):
                table.add_row(
                    kind["kind"] if i == 0 else "",
                    str(kind["count"]) if i == 0 else "",
                    _cell(example["span"]),
                    _cell(example["expected"]),
                    _cell(example["got"]),
                )
        console.print(table)


def _cell(value: object) -> str:
    return "-" if value is None else str(value)[:80]


def to_json(results: Sequence[ScoreResult], *, max_errors: int = 0, indent: int | None = 2) -> str:
    """The results as JSON: one object per corpus, keys in a fixed order."""
    return json.dumps(
        [r.to_dict(max_errors=max_errors) for r in results], ensure_ascii=False, indent=indent
    )
