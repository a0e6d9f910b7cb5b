"""``ingest``: idempotent, resumable, every bad input reported and no good document lost."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.config import load_config
from dateline.store import Store
from dateline.store.ingest import count_inputs, ingest

from .helpers import STAGE, synthetic_pipeline

ARTICLE = (
    "KIRKUK, May 2 (Wire) - A car bomb exploded at a busy market in Kirkuk on Thursday, "
    "killing at least {n} people, police said.\n"
    "[[event Explosions/Remote violence; Remote explosive/landmine/IED; IQ; Kirkuk; 35.47; "
    "44.39; 2024-05-02; {n}; -; -; market]]\n"
)
GERMAN = (
    "BERLIN (Agentur) - Die Polizei hat am Donnerstag in der Innenstadt eine Demonstration "
    "aufgelöst, nachdem es zu Ausschreitungen gekommen war, teilte ein Sprecher mit.\n"
)


class Recorder:
    def __init__(self):
        self.totals, self.done, self.problems, self.failures = [], 0, [], []

    def total(self, n):
        self.totals.append(n)

    def advance(self, n):
        self.done += n

    def problem(self, source, code, message):
        self.problems.append((source, code))

    def failure(self, source, message):
        self.failures.append(message)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, n in enumerate((12, 14, 13)):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return folder


@pytest.fixture
def events_config():
    return load_config(
        overrides={"pipeline": {"stages": ["dateline.clean.v1", "dateline.language.v1", STAGE]}}
    )


def run(paths, store, config, **kwargs):
    recorder = Recorder()
    report = ingest(
        [str(p) for p in paths], store=store, config=config, listener=recorder, **kwargs
    )
    return report, recorder


def test_a_batch_is_stored_and_merged(corpus, store, events_config, synthetic):
    report, recorder = run([corpus], store, events_config, factory=synthetic_pipeline)
    assert report.counts["documents_added"] == 3 and report.counts["events_added"] == 3
    assert recorder.totals == [3] and recorder.done == 3
    (merged,) = store.events()
    assert (merged["fatalities_low"], merged["fatalities_high"], merged["n_documents"]) == (
        12,
        14,
        3,
    )


def test_a_rerun_adds_nothing(corpus, store, events_config, synthetic):
    run([corpus], store, events_config, factory=synthetic_pipeline)
    before = store.fingerprint()
    report, recorder = run([corpus], store, events_config, factory=synthetic_pipeline)
    assert report.counts["documents_skipped"] == 3 and report.counts["documents_added"] == 0
    assert recorder.done == 3
    assert store.fingerprint() == before
    assert [r["status"] for r in store.runs()] == ["finished", "finished"]


def test_a_new_configuration_extracts_again(corpus, store, light_config, events_config, synthetic):
    run([corpus], store, light_config)
    assert store.counts()["events"] == 0
    report, _ = run([corpus], store, events_config, factory=synthetic_pipeline)
    assert report.counts["documents_replaced"] == 3
    assert store.counts()["events"] == 3 and store.counts()["documents"] == 3


def test_changing_only_the_store_settings_extracts_nothing_again(corpus, store, light_config):
    run([corpus], store, light_config)
    other = load_config(
        overrides={
            "pipeline": {"stages": ["dateline.clean.v1", "dateline.language.v1"]},
            "store": {"commit_every": 1},
        }
    )
    report, _ = run([corpus], store, other)
    assert report.counts["documents_skipped"] == 3


def test_bad_inputs_are_all_reported_and_no_good_document_is_lost(tmp_path, store, light_config):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good1.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "good2.txt").write_text(ARTICLE.format(n=2), encoding="utf-8")
    good = json.dumps({"id": "j1", "text": ARTICLE.format(n=3)})
    (folder / "corpus.jsonl").write_text(f"{good}\n{{not json\n", encoding="utf-8")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    report, recorder = run([folder, tmp_path / "missing.txt"], store, light_config)
    assert report.counts["documents_added"] == 4  # good1, good2, j1, german
    assert sorted(code for _, code, _ in report.failures) == [
        "binary",
        "empty",
        "jsonl",
        "not_found",
    ]
    assert len(recorder.failures) == 4
    assert recorder.problems == [(str(folder / "german.txt"), "unexpected_language")]
    stored = store.document(next(h for h in _hashes(store)))
    assert stored is not None
    (last,) = store.runs()
    assert (last["documents_failed"], len(last["failures"]), last["problems"]) == (4, 4, 1)


def _hashes(store):
    import sqlalchemy as sa

    from dateline.store.schema import documents

    with store.engine.connect() as conn:
        return conn.execute(sa.select(documents.c.content_hash)).scalars().all()


def test_an_interrupted_run_resumes_to_the_same_store(corpus, tmp_path, events_config, synthetic):
    with Store(tmp_path / "whole.db", config=events_config) as whole:
        run([corpus], whole, events_config, factory=synthetic_pipeline)
        expected = whole.fingerprint()

    class Interrupt(Recorder):
        def advance(self, n):
            raise KeyboardInterrupt

    config = load_config(
        overrides={
            "pipeline": {"stages": ["dateline.clean.v1", "dateline.language.v1", STAGE]},
            "store": {"commit_every": 1},
        }
    )
    with Store(tmp_path / "killed.db", config=config) as killed:
        with pytest.raises(KeyboardInterrupt):
            ingest(
                [str(corpus)],
                store=killed,
                config=config,
                listener=Interrupt(),
                factory=synthetic_pipeline,
            )
        assert killed.counts()["documents"] == 1
        assert killed.runs()[0]["status"] == "interrupted"
        report, _ = run([corpus], killed, config, factory=synthetic_pipeline)
        assert report.counts["documents_skipped"] == 1
        assert killed.fingerprint() == expected


def test_workers_give_the_same_store(corpus, tmp_path, light_config):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        run([corpus], one, light_config)
        run([corpus], two, light_config, workers=2)
        assert one.fingerprint() == two.fingerprint()


def test_inputs_are_counted_for_the_progress_bar(corpus, tmp_path):
    lines = tmp_path / "c.jsonl"
    lines.write_text('{"id": "1", "text": "a"}\n\n{"id": "2", "text": "b"}\n', encoding="utf-8")
    assert count_inputs([str(corpus), str(lines)]) == 5
    assert count_inputs(["-"]) is None


# -- the commands ---------------------------------------------------------------------------
def test_ingest_then_events_on_the_command_line(corpus, tmp_path):
    db = str(tmp_path / "cli.db")
    config = tmp_path / "light.toml"
    config.write_text(
        '[pipeline]\nstages = ["dateline.clean.v1", "dateline.language.v1"]\n', encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "3 read, 3 added" in result.stderr
    again = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--config", str(config)])
    assert "3 already stored" in again.stderr
    listed = runner.invoke(cli, ["events", "--db", db, "--format", "csv"])
    assert listed.exit_code == 0 and listed.stdout.startswith("event_id_cnty,event_date,")
    runs = runner.invoke(cli, ["runs", "--db", db, "--format", "json"])
    assert [r["documents_added"] for r in json.loads(runs.stdout)] == [0, 3]


def test_ingest_exits_1_when_an_input_could_not_be_read(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


def test_events_from_a_store_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "dateline ingest" in result.stderr


def test_events_writes_a_file(tmp_path, corpus):
    db = str(tmp_path / "s.db")
    with Store(db):
        pass
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "geojson", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_a_document_the_database_refuses_is_reported_and_the_others_stored(
    corpus, store, light_config, monkeypatch
):
    import sqlalchemy as sa

    from dateline.store import base

    real = base.document_row

    def refuse_one(data, *, content_hash):
        if data["text"].startswith("KIRKUK") and "at least 14" in data["text"]:
            raise sa.exc.DataError("INSERT", {}, ValueError("value too long"))
        return real(data, content_hash=content_hash)

    monkeypatch.setattr(base, "document_row", refuse_one)
    report, recorder = run([corpus], store, light_config)
    assert report.counts["documents_added"] == 2
    assert [code for _, code, _ in report.failures] == ["store_failed"]
    assert "the store refused the document" in recorder.failures[0]
    assert store.counts()["documents"] == 2


def test_the_events_table_marks_a_side_nobody_named(tmp_path):
    article = tmp_path / "blast.txt"
    article.write_text(
        "TALLINGTON, Ruritania (Northbound Wire) - A car bomb exploded at a bus station in "
        "Tallington on Monday, killing nine people, police said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(article), "--db", db]).exit_code == 0
    table = runner.invoke(cli, ["events", "--db", db, "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "? / nine people" in table.stdout
