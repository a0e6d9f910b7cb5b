"""The progress bar of the commands that work through many documents, on stderr.

One reporter for ``dateline extract``, ``eval`` and ``ingest``, so that a batch shows and
behaves the same in each: the bar appears only once a second document comes (one document
needs none); when the number of documents is known, it gives the rate and the time left.
Messages go through ``echo`` so that they print above a running bar, not through it; output
written to the same terminal goes through ``paused`` so that it starts on a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from .options import show_progress

__all__ = ["Progress", "progress"]


class Progress:
    """``advance(n)`` per document (or per batch of them); ``total(n)`` once it is known."""

    def __init__(self, enabled: bool, label: str) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.seen = 0
        self.label = label
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                ProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task: Any) -> Text:
                    speed = task.finished_speed or task.speed
                    return Text("-- docs/s" if speed is None else f"{speed:.1f} docs/s")

            class Remaining(TimeRemainingColumn):
                """The time left, where the number of documents is known."""

                def render(self, task: Any) -> Text:
                    if task.total is None:
                        return Text("")
                    return Text.assemble("ETA ", super().render(task))

            self.bar = Bar(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                Rate(),
                TimeElapsedColumn(),
                Remaining(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task(label, total=None)

    @property
    def running(self) -> bool:
        return self.bar is not None and self.seen >= 2

    def total(self, n: int | None) -> None:
        """The number of documents to come (None: not known, no time left is shown)."""
        if self.bar is not None:
            self.bar.update(self.task, total=n)

    def advance(self, n: int = 1) -> None:
        if n <= 0:
            return
        before = self.seen
        self.seen += n
        if self.bar is None:
            return
        if before < 2 <= self.seen:  # one document needs no bar
            self.bar.start()
        self.bar.advance(self.task, n)

    def echo(self, message: str) -> None:
        if self.running:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Take the bar off the screen while something else writes to the terminal."""
        if not self.running:
            yield
            return
        self.bar.stop()
        try:
            yield
        finally:
            self.bar.start()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress(enabled: bool | None, label: str = "extracting") -> Iterator[Progress]:
    """A progress reporter; ``enabled`` None means only when stderr is a terminal (and no -v)."""
    reporter = Progress(show_progress(enabled), label)
    try:
        yield reporter
    finally:
        reporter.stop()
