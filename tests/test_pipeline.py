from __future__ import annotations

import pytest

from dateline.config import load_config
from dateline.document import Document
from dateline.errors import InputError, PipelineError
from dateline.pipeline import Pipeline
from dateline.registry import Registry, stages


@pytest.fixture
def test_stages():
    """Register throwaway stages for the duration of one test."""
    added = []

    def add(name, func, **kwargs):
        stages.register(name, **kwargs)(lambda config: func)
        added.append(name)

    yield add
    for name in added:
        stages.items.pop(name, None)


def _doc(text="Some text."):
    doc = Document.from_input(text)
    doc.set_text(text)
    return doc


def test_unknown_stage_lists_the_known_ones():
    with pytest.raises(PipelineError, match="dateline.parse.v1"):
        Pipeline(load_config(), stage_names=["dateline.nope.v1"])


def test_stage_before_what_it_requires_fails_at_build_time():
    with pytest.raises(PipelineError, match="requires sdoc"):
        Pipeline(load_config(), stage_names=["dateline.clean.v1", "dateline.entities.v1"])


def test_a_failing_stage_records_a_problem_and_the_rest_runs(test_stages):
    def boom(doc):
        raise RuntimeError("kaput")

    def mark(doc):
        doc.meta.headline = "ran"
        return doc

    test_stages("test.boom.v1", boom, requires=["raw"])
    test_stages("test.mark.v1", mark, requires=["raw"])
    pipe = Pipeline(load_config(), stage_names=["test.boom.v1", "test.mark.v1"])
    doc = pipe(_doc())
    assert [p.code for p in doc.problems] == ["stage_failed"]
    assert "kaput" in doc.problems[0].message
    assert doc.meta.headline == "ran"


def test_an_input_error_stops_only_its_document(test_stages):
    def picky(doc):
        if "bad" in doc.raw:
            raise InputError(doc.source or "x", "empty")
        doc.meta.headline = "ok"
        return doc

    test_stages("test.picky.v1", picky, requires=["raw"])
    pipe = Pipeline(load_config(), stage_names=["test.picky.v1"])
    docs = list(pipe.pipe([_doc("good one"), _doc("bad one"), _doc("good two")]))
    assert [d.failed for d in docs] == [False, True, False]
    assert docs[1].problems[0].code == "empty"
    assert docs[2].meta.headline == "ok"


def test_english_only_stages_skip_other_languages(test_stages):
    def mark(doc):
        doc.meta.headline = "ran"
        return doc

    test_stages("test.en.v1", mark, requires=["raw"], english_only=True)
    pipe = Pipeline(load_config(), stage_names=["test.en.v1"])
    french = _doc()
    french.meta.language = "fr"
    assert pipe(french).meta.headline is None
    assert pipe(_doc()).meta.headline == "ran"


def test_registry_load_reports_unknown_names():
    registry = Registry("dateline.test-empty-group")
    with pytest.raises(PipelineError, match="unknown stage"):
        registry.get("nothing.v1")


def test_default_stages_are_registered_with_a_description():
    for name in load_config().pipeline.stages:
        assert name in stages
        assert stages.get(name).doc, name


def test_stages_that_need_a_failed_stage_are_skipped_without_more_problems(test_stages):
    def boom(doc):
        raise RuntimeError("kaput")

    def needs(doc):
        doc.meta.headline = "ran"
        return doc

    test_stages("test.make.v1", boom, requires=["raw"], assigns=["thing"])
    test_stages("test.use.v1", needs, requires=["thing"], assigns=["other"])
    test_stages("test.free.v1", lambda doc: doc, requires=["raw"])
    pipe = Pipeline(load_config(), stage_names=["test.make.v1", "test.use.v1", "test.free.v1"])
    doc = pipe(_doc())
    assert [p.code for p in doc.problems] == ["stage_failed"]
    assert doc.meta.headline is None
    assert doc.missing == {"thing", "other"}


def test_plugins_register_stages_through_entry_points(monkeypatch):
    from dateline import registry as registry_module

    registry = Registry("dateline.stages")

    class FakeEntryPoint:
        def load(self):
            registry.register("plugin.shout.v1", requires=["text"])(lambda config: str.upper)

    monkeypatch.setattr(
        registry_module,
        "entry_points",
        lambda group: [FakeEntryPoint()] if group == "dateline.stages" else [],
    )
    assert "plugin.shout.v1" in registry
    assert registry.get("plugin.shout.v1").requires == ("text",)


def test_a_second_factory_under_a_taken_name_is_refused(test_stages):
    # issue #6: the registry silently replaced the first stage of a name
    test_stages("test.twice.v1", lambda doc: doc, requires=["raw"])

    def other(config):
        return lambda doc: doc

    with pytest.raises(PipelineError, match="already registered"):
        stages.register("test.twice.v1")(other)


def test_output_carries_its_provenance(pipeline):
    # issue #6: version, model, each stage's versioned name, the config hash
    from dateline import __version__
    from dateline.config import config_hash

    doc = pipeline(
        Document.from_input("Gunmen attacked a police post in Kano on Monday, police said.")
    )
    prov = doc.to_dict()["provenance"]
    assert prov["dateline"] == __version__
    assert prov["model"]["name"] == pipeline.config.model.name
    assert prov["model"]["version"]
    assert prov["stages"] == pipeline.names
    assert prov["config"] == config_hash(pipeline.config)
    assert (prov["input_format"], prov["clean"]) == ("text", True)


def test_provenance_lists_only_the_stages_that_ran(pipeline):
    text = (
        "Las fuerzas de seguridad detuvieron a tres personas en la capital el lunes, "
        "según informó la policía local en un comunicado."
    )
    doc = pipeline(Document.from_input(text))
    assert doc.provenance is not None
    assert doc.provenance.stages == ["dateline.clean.v1", "dateline.language.v1"]


# -- per-stage accounting (issue #6 item 8) ----------------------------------------------------
def test_pipe_accounts_each_stage_time_and_documents(test_stages):
    import time

    def slow(doc):
        time.sleep(0.01)
        return doc

    test_stages("test.slow.v1", slow, requires=["raw"], assigns=["x"])
    test_stages("test.fast.v1", lambda doc: doc, requires=["x"], assigns=["y"])
    pipeline = Pipeline(load_config(), stage_names=["test.slow.v1", "test.fast.v1"])
    docs = [_doc(f"Text {n}.") for n in range(3)]
    start = time.perf_counter()
    assert len(list(pipeline.pipe(docs))) == 3
    wall = time.perf_counter() - start
    timings = pipeline.timings
    assert list(timings) == ["test.slow.v1", "test.fast.v1"]
    assert [t.docs for t in timings.values()] == [3, 3]
    # Bounds that hold on any machine: the sleeps are in, and the stages' own times are
    # disjoint parts of the wall time (the slow stage upstream is not charged to the next).
    assert timings["test.slow.v1"].seconds >= 0.03
    assert sum(t.seconds for t in timings.values()) <= wall
    assert all(t.build_s >= 0 for t in timings.values())


def test_batch_stages_are_accounted_per_batch(test_stages):
    class Batched:
        def __call__(self, doc):
            return doc

        def pipe(self, docs):
            yield from docs

    stages.register("test.batched.v1", requires=["raw"], assigns=["z"])(lambda config: Batched())
    try:
        pipeline = Pipeline(load_config(), stage_names=["test.batched.v1"])
        assert len(list(pipeline.pipe([_doc(), _doc("Other.")]))) == 2
        assert pipeline.timings["test.batched.v1"].docs == 2
    finally:
        stages.items.pop("test.batched.v1", None)


def test_skipped_documents_are_not_counted(test_stages):
    test_stages("test.count.v1", lambda doc: doc, requires=["raw"], assigns=["w"])
    pipeline = Pipeline(load_config(), stage_names=["test.count.v1"])
    failed = _doc()
    failed.fail(InputError("x.txt", "empty"))
    list(pipeline.pipe([failed, _doc()]))
    assert pipeline.timings["test.count.v1"].docs == 1
