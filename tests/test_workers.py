"""Worker processes die with their parent, and a worker that cannot start says why in one line.

Regression tests for issue #7 item 3 (after kill -9 or SIGTERM of `extract --workers 2` the
workers and the resource tracker stayed alive, re-parented to PID 1) and item 6 (a bad
[model] name with --workers 2 printed 71 lines of worker tracebacks before the message).
Only a generous deadline is waited for; nothing is timed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

DEADLINE_S = 60.0  # generous: a loaded machine may take a while to reap


def _corpus(tmp_path, n=400):
    corpus = tmp_path / "corpus.txt"
    text = "Gunmen attacked a police post near Kandahar on Monday, killing {} officers."
    lines = [json.dumps({"id": f"d{i}", "text": text.format(i)}) for i in range(n)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def _wait_for(predicate, what):
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"not within {DEADLINE_S:.0f} s: {what}")


def _alive(procs):
    alive = []
    for proc in procs:
        try:
            if proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(proc)
        except psutil.NoSuchProcess:
            continue
    return alive


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_parent_is_killed(tmp_path, sig):
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "dateline", "extract", str(_corpus(tmp_path))]
    args += ["--workers", "2", "--format", "jsonl", "--no-progress", "-o", str(out)]
    parent = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    children: list[psutil.Process] = []
    try:
        me = psutil.Process(parent.pid)
        partial = tmp_path / "out.jsonl.partial"
        # Kill it while it works: both workers started and documents coming back.
        _wait_for(
            lambda: partial.exists() and partial.stat().st_size > 0,
            "the first documents to be written",
        )
        children = me.children(recursive=True)
        assert len(children) >= 2, children  # two workers (and the resource tracker)
        os.kill(parent.pid, sig)
        parent.wait(timeout=DEADLINE_S)
        _wait_for(lambda: not _alive(children), f"the children {children} to exit")
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stderr.close()
        for child in _alive(children):  # never leave a failed test's processes behind
            child.kill()
    if sig == signal.SIGTERM:
        # Stopped, not crashed: a rerun resumes from what was written.
        assert parent.returncode == 128 + signal.SIGTERM
        assert partial.stat().st_size > 0 and not out.exists()


@pytest.mark.slow
def test_a_model_that_cannot_load_in_the_workers_is_one_line(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[model]\nname = "no_such_spacy_model_xyz"\n', encoding="utf-8")
    # In a real process: the workers' own stderr is the terminal's, which CliRunner cannot see.
    args = [sys.executable, "-m", "dateline", "extract", str(_corpus(tmp_path, 4))]
    args += ["--workers", "2", "--config", str(config), "--format", "jsonl", "--no-progress"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("dateline: error: ") and "no_such_spacy_model_xyz" in lines[0]
