"""Principle 5: the same input and version give the same output, byte for byte, in separate
processes with different hash seeds (set and dict order must never leak into the output)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import FIXTURES, SAMPLE


def _extract(seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [
        sys.executable,
        "-m",
        "dateline",
        "extract",
        str(SAMPLE),
        str(FIXTURES / "ingest"),
        "--format",
        "jsonl",
        "--no-progress",
    ]
    return subprocess.run(args, env=env, capture_output=True, check=False, timeout=300).stdout


def test_two_processes_write_the_same_bytes():
    first, second = _extract("1"), _extract("4242")
    assert first.count(b"\n") >= 5
    assert first == second
