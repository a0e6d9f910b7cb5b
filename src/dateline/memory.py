"""Memory figures through psutil: this process's size, and peaks that no counter keeps.

psutil reports the current resident size on every platform but no high-water mark on Linux,
so peaks are sampled: a daemon thread reads the size every few milliseconds. ``MemoryProbe``
measures this process between two marks (the pipeline's per-stage figures); ``TreePeak``
samples a process and all its descendants, each worker on its own and all together
(``dateline bench`` with several workers, ``benchmarks/stress.py``).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from types import TracebackType

import psutil

__all__ = ["MIB", "MemoryProbe", "TreePeak", "tree_size"]

MIB = 1024 * 1024


class MemoryProbe:
    """This process's resident size now, and the highest it reached since the last mark."""

    def __init__(self, interval_s: float = 0.005) -> None:
        self._process = psutil.Process()
        self._interval = interval_s
        self._peak = self.rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="memory-probe", daemon=True)
        self._thread.start()

    def rss(self) -> int:
        """Resident bytes now."""
        return int(self._process.memory_info().rss)

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            self._peak = max(self._peak, self.rss())

    def mark(self) -> int:
        """Start a new measurement; the resident bytes now."""
        now = self.rss()
        self._peak = now
        return now

    def peak_since_mark(self) -> int:
        """The most resident bytes seen since ``mark`` (a sample or now, whichever is higher)."""
        self._peak = max(self._peak, self.rss())
        return self._peak

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _size(process: psutil.Process, proportional: bool) -> int:
    """Proportional size where the platform has it (shared pages counted once overall)."""
    if proportional:
        try:
            return int(process.memory_full_info().pss)
        except (psutil.AccessDenied, AttributeError):
            pass
    return int(process.memory_info().rss)


def tree_size(root: psutil.Process, *, proportional: bool = True) -> dict[int, int]:
    """Bytes of ``root`` and each of its descendants now, by pid (gone ones left out)."""
    sizes: dict[int, int] = {}
    for process in [root, *root.children(recursive=True)]:
        try:
            sizes[process.pid] = _size(process, proportional)
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return sizes


@dataclass
class TreePeak:
    """Sample a process tree: the highest total, and the highest of each single process.

    Use as a context manager, or ``start()``/``stop()``. ``per_process`` maps each pid ever
    seen to the most it held; ``total_mib`` is the most the whole tree held at one time.
    """

    pid: int = field(default_factory=os.getpid)
    interval_s: float = 0.1
    proportional: bool = True
    total: int = 0
    per_process: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._root = psutil.Process(self.pid)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sample(self) -> None:
        """One reading of the tree."""
        try:
            sizes = tree_size(self._root, proportional=self.proportional)
        except psutil.NoSuchProcess:
            return
        self.total = max(self.total, sum(sizes.values()))
        for pid, size in sizes.items():
            if size > self.per_process.get(pid, 0):
                self.per_process[pid] = size
            if pid not in self.names:
                try:
                    self.names[pid] = " ".join(psutil.Process(pid).cmdline()[-2:])
                except psutil.Error:
                    self.names[pid] = "?"

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    def start(self) -> TreePeak:
        self.sample()
        self._thread = threading.Thread(target=self._run, name="tree-peak", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> TreePeak:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
        self.sample()
        return self

    @property
    def total_mib(self) -> float:
        return self.total / MIB

    def max_child_mib(self) -> float:
        """The most any one process other than the root held (a worker's peak)."""
        sizes = [size for pid, size in self.per_process.items() if pid != self.pid]
        return max(sizes, default=0) / MIB

    def __enter__(self) -> TreePeak:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
