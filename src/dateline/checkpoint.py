"""Resumable JSON Lines output: a killed batch goes on where it stopped.

Documents are appended to ``FILE.partial`` as they complete. A rerun with the same output
finds the ids already written there, skips those inputs, and appends the rest; when the
batch ends, ``FILE.partial`` replaces ``FILE``. A line torn by the kill is dropped first, so
the file only ever holds whole documents. Until the batch ends, an older ``FILE`` is kept.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO


class JsonlCheckpoint:
    """The ``.partial`` file behind one JSON Lines output."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".partial")
        self._handle: IO[str] | None = None

    def done_ids(self) -> set[str]:
        """Ids of the documents already written by an earlier, unfinished run."""
        if not self.partial.exists():
            return set()
        data = self.partial.read_bytes()
        whole = data[: data.rfind(b"\n") + 1]
        if len(whole) != len(data):  # the kill tore the last line: drop it
            with self.partial.open("r+b") as handle:
                handle.truncate(len(whole))
        ids = set()
        for line in whole.splitlines():
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
        return ids

    def open(self) -> IO[str]:
        """The partial file, for appending whole lines."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.partial.open("a", encoding="utf-8", newline="\n")
        return self._handle

    def finish(self) -> None:
        """The batch is complete: the partial file becomes the output."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        os.replace(self.partial, self.target)

    def close(self) -> None:
        """Stop without finishing (an error): the partial file stays for the next run."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
