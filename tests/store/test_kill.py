"""kill -9 during an ingest, twice, then a rerun: the store equals an uninterrupted one.

The full check (20 runs) is ``benchmarks/kill_ingest.py --runs 20``; this runs it twice on a
small corpus so that ``make test`` catches a regression.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from ..conftest import ROOT


@pytest.mark.slow
def test_a_killed_ingest_resumes_to_the_uninterrupted_store():
    script = ROOT / "benchmarks" / "kill_ingest.py"
    result = subprocess.run(
        [sys.executable, str(script), "--runs", "2", "--articles", "40", "--seed", "3"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 of 2 runs equal to the uninterrupted store" in result.stdout
