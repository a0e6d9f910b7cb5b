"""Resumable JSON Lines output: a killed batch goes on where it stopped, and only then.

Documents are appended to ``FILE.partial`` as they complete; ``FILE.partial.run`` records
what run writes them (the ``RunKey``: dateline version, model, configuration hash and the
input options that change the output, ``clean`` and ``published``). A rerun resumes only if
it is the same run: a partial file written with another configuration or other options, or
with no record of its run, is discarded (and the caller says so), never merged.

Within a run, a document is done when a line with its **source and id** is in the partial
file. The id alone is not enough: identical inputs from two sources share their id (it is the
hash of the content) and must both be written. When the batch ends, lines that no input of
this run gave (a file changed or removed since the killed run) are dropped, then
``FILE.partial`` replaces ``FILE``. A line torn by the kill is dropped first, so the file
only ever holds whole documents. Until the batch ends, an older ``FILE`` is kept.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO, Any

from .document import Document
from .errors import OutputError

__all__ = ["JsonlCheckpoint", "Resume", "RunKey", "document_key"]

Key = tuple[str, str]


def document_key(doc: Document) -> Key:
    """What identifies one output within a run: its source and its id."""
    return (doc.source or "", doc.id)


def _line_key(data: dict[str, Any]) -> Key:
    return (str(data.get("source") or ""), str(data["id"]))


@dataclass(frozen=True)
class RunKey:
    """What, besides the input itself, decides a document's output bytes."""

    dateline: str
    model: str | None
    config: str  # the configuration hash, as in each document's provenance.config
    clean: bool
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> RunKey | None:
        """The key recorded in a run file, or None if it is not one."""
        names = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or set(data) != names:
            return None
        return cls(**data)

    def differences(self, earlier: RunKey) -> list[str]:
        """How a run with ``earlier`` differs from this one, in the user's words."""
        found = []
        if earlier.config != self.config:
            found.append(
                f"with another configuration (hash {earlier.config}; this run {self.config})"
            )
        if earlier.clean != self.clean:
            found.append(
                "with --no-clean, this run without"
                if not earlier.clean
                else "without --no-clean, this run with it"
            )
        if earlier.published != self.published:
            found.append(f"{_published(earlier.published)}, this run {_published(self.published)}")
        if earlier.dateline != self.dateline:
            found.append(f"by dateline {earlier.dateline}, this is {self.dateline}")
        if earlier.model != self.model:
            found.append(f"with the model {earlier.model}, this run {self.model}")
        return found


def _published(value: str | None) -> str:
    return f"with --published {value}" if value else "without --published"


@dataclass(frozen=True)
class Resume:
    """What a rerun found in the partial file: documents kept, and discarded with why."""

    kept: int = 0
    discarded: int = 0
    reason: str | None = None


class JsonlCheckpoint:
    """The ``.partial`` file behind one JSON Lines output, and the record of its run."""

    def __init__(self, target: str | Path, run: RunKey) -> None:
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".partial")
        self.run_file = self.target.with_name(self.target.name + ".partial.run")
        self.run = run
        self.done: set[Key] = set()
        self.seen: set[Key] = set()
        self._handle: IO[str] | None = None

    # -- before the batch ---------------------------------------------------------------
    def resume(self) -> Resume:
        """Read what an earlier, unfinished run left; keep it only if it is this run's."""
        if not self.partial.exists():
            self.run_file.unlink(missing_ok=True)
            return Resume()
        data = self.partial.read_bytes()
        lines = data[: data.rfind(b"\n") + 1].splitlines(keepends=True)
        if not lines:
            self._discard_all()
            return Resume()
        earlier = self._recorded_run()
        if earlier is None:
            self._discard_all()
            return Resume(
                discarded=len(lines),
                reason="nothing records the run that wrote them (an older dateline?)",
            )
        differences = self.run.differences(earlier)
        if differences:
            self._discard_all()
            return Resume(discarded=len(lines), reason="written " + "; ".join(differences))
        kept: list[bytes] = []
        for line in lines:
            try:
                record = json.loads(line)
                key = _line_key(record)
                config = record["provenance"]["config"]
            except (ValueError, KeyError, TypeError):
                continue
            if config == self.run.config and key not in self.done:
                self.done.add(key)
                kept.append(line)
        if len(kept) != len(data.splitlines()) or not data.endswith(b"\n"):
            _replace_with(self.partial, kept)  # torn, damaged or foreign lines out
        dropped = len(lines) - len(kept)
        reason = "damaged lines, or lines of another configuration" if dropped else None
        return Resume(kept=len(kept), discarded=dropped, reason=reason)

    def _recorded_run(self) -> RunKey | None:
        try:
            return RunKey.from_dict(json.loads(self.run_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def _discard_all(self) -> None:
        self.partial.unlink(missing_ok=True)
        self.run_file.unlink(missing_ok=True)

    def open(self) -> IO[str]:
        """Record this run, then open the partial file for appending whole lines."""
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            if self._recorded_run() != self.run:
                _write_atomically(self.run_file, json.dumps(self.run.to_dict()) + "\n")
            self._handle = self.partial.open("a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise OutputError(
                f"{self.target}: cannot write the partial file {self.partial}: "
                f"{exc.strerror or exc}"
            ) from None
        return self._handle

    # -- during the batch ---------------------------------------------------------------
    def wanted(self, doc: Document) -> bool:
        """Whether ``doc`` still has to be extracted (it is not in the partial file yet)."""
        key = document_key(doc)
        self.seen.add(key)
        return key not in self.done

    # -- after the batch ----------------------------------------------------------------
    def finish(self) -> int:
        """The batch is complete: the partial file becomes the output.

        Returns how many documents of the earlier run were dropped because no input of this
        run gave them.
        """
        self.close()
        stale = self.done - self.seen
        if stale:
            with self.partial.open("rb") as lines:
                _replace_with(self.partial, (ln for ln in lines if _key_of(ln) not in stale))
        os.replace(self.partial, self.target)
        self.run_file.unlink(missing_ok=True)
        return len(stale)

    def close(self) -> None:
        """Stop without finishing (an error, a signal): the files stay for the next run."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _key_of(line: bytes) -> Key | None:
    try:
        return _line_key(json.loads(line))
    except (ValueError, KeyError, TypeError):
        return None


def _replace_with(path: Path, lines: Iterable[bytes]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(lines)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_atomically(path: Path, text: str) -> None:
    _replace_with(path, [text.encode("utf-8")])
