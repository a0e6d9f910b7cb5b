from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.config import load_config
from dateline.document import Document
from dateline.nlp.parse import make_parse, split_text


@given(text=st.text(alphabet="ab .\n", max_size=300), size=st.integers(min_value=4, max_value=50))
def test_pieces_join_back_and_respect_the_limit(text, size):
    pieces = split_text(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)


def test_cuts_prefer_line_breaks():
    assert split_text("aaaa bb\ncc dd", 10) == ["aaaa bb\n", "cc dd"]


@pytest.fixture(scope="module")
def small_chunk_parse():
    return make_parse(load_config(overrides={"parse": {"max_chunk_chars": 60}}))


def test_a_long_text_is_parsed_in_pieces_with_offsets_intact(small_chunk_parse):
    lines = [
        "Troops entered Gao on Monday, the army said.",
        "Rebels withdrew toward Kidal after heavy fighting.",
        "Officials in Bamako said talks would resume.",
    ]
    text = "\n".join(lines * 3)
    doc = Document.from_input(text)
    doc.set_text(text)
    small_chunk_parse(doc)
    assert doc.sdoc.text == text
    names = {ent.text for ent in doc.sdoc.ents}
    assert {"Gao", "Bamako"} <= names
    for ent in doc.sdoc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_pipe_gives_the_same_docs_as_one_by_one(small_chunk_parse):
    texts = ["Troops entered Gao on Monday.\n" * 4, "Police fired tear gas in Lagos."]
    docs = []
    for text in texts:
        doc = Document.from_input(text)
        doc.set_text(text)
        docs.append(doc)
    piped = [d.sdoc.to_json() for d in small_chunk_parse.pipe(docs)]
    single = []
    for text in texts:
        doc = Document.from_input(text)
        doc.set_text(text)
        single.append(small_chunk_parse(doc).sdoc.to_json())
    assert piped == single


def test_captions_are_parsed_apart_from_the_body(pipeline):
    # issue #6: values can point into photo captions; their layers need a parse of them
    from dateline.document import Caption

    doc = Document.from_input("x")
    doc.set_text("Troops entered Gao on Monday.")
    doc.meta.captions = [Caption(text="Residents flee Kidal (AFP / A NAME)"), Caption(text="Gao")]
    parse = next(
        s
        for s, i in zip(pipeline.stages, pipeline.infos, strict=True)
        if i.name == "dateline.parse.v1"
    )
    parse(doc)
    assert [c.text for c in doc.caption_sdocs] == [c.text for c in doc.meta.captions]
    assert doc.sdoc.text == "Troops entered Gao on Monday."


def test_batches_are_bounded_by_characters():
    # issue #7 item 1: all pieces of a long text went to spaCy in one batch
    parse = make_parse(load_config(overrides={"parse": {"max_chunk_chars": 100, "batch_size": 32}}))
    seen = []
    real = parse.nlp.pipe

    def spy(texts, batch_size):
        texts = list(texts)
        seen.append(sum(len(t) for t in texts))
        return real(texts, batch_size=batch_size)

    parse.nlp = type("Spy", (), {"pipe": staticmethod(spy)})()
    doc = Document.from_input("x")
    doc.set_text("\n".join(["Troops entered Gao on Monday after a long night."] * 12))
    list(parse.pipe([doc]))
    assert len(seen) > 1 and max(seen) <= 100


def test_tensors_are_dropped_as_each_batch_is_parsed():
    # issue #7 item 1: every piece of a long text kept its tensor (96 floats a token) until
    # the pieces were joined, and the joined Doc a copy of them all: 9.3 GB for 4.9 MB.
    parse = make_parse(load_config(overrides={"parse": {"max_chunk_chars": 100, "batch_size": 32}}))
    parsed = []
    held_tensors = []
    real = parse.nlp.pipe

    def spy(texts, batch_size):
        held_tensors.append(sum(sdoc.tensor.size for sdoc in parsed))
        for sdoc in real(list(texts), batch_size=batch_size):
            assert sdoc.tensor.size  # spaCy made one: dropping it is dateline's doing
            parsed.append(sdoc)
            yield sdoc

    parse.nlp = type("Spy", (), {"pipe": staticmethod(spy)})()
    doc = Document.from_input("x")
    doc.set_text("\n".join(["Troops entered Gao on Monday after a long night."] * 12))
    list(parse.pipe([doc]))
    assert len(held_tensors) > 2 and set(held_tensors) == {0}
    assert doc.sdoc.tensor.size == 0
    assert [t.text for t in doc.sdoc][:3] == ["Troops", "entered", "Gao"]


def test_keep_tensor_keeps_it():
    parse = make_parse(load_config(overrides={"parse": {"keep_tensor": True}}))
    doc = Document.from_input("x")
    doc.set_text("Troops entered Gao on Monday.")
    parse(doc)
    assert doc.sdoc.tensor.shape == (len(doc.sdoc), 96)


def test_pipeline_batches_of_documents_are_bounded_by_characters(monkeypatch):
    # issue #7 item 1: 32 long articles in one batch of Pipeline.pipe would all be held
    # parsed at once, whatever the spaCy batches
    from dateline.pipeline import Pipeline

    config = load_config(overrides={"parse": {"max_chunk_chars": 120, "batch_size": 32}})
    pipeline = Pipeline(config)
    parse = next(
        s for s, i in zip(pipeline.stages, pipeline.infos, strict=True) if "parse" in i.name
    )
    sizes = []
    real = parse.pipe

    def spy(docs):
        docs = list(docs)
        sizes.append([len(d.text) for d in docs])
        return real(docs)

    monkeypatch.setattr(parse, "pipe", spy)
    texts = ["Troops entered Gao on Monday after a long night, officials said."] * 5
    texts.insert(2, " ".join(texts))  # longer than a batch may be: it goes alone
    docs = list(pipeline.pipe(Document.from_input(text) for text in texts))
    assert not any(d.failed for d in docs)
    assert all(sum(batch) <= 120 or len(batch) == 1 for batch in sizes), sizes
    assert sum(len(batch) for batch in sizes) == 6


def test_joined_pieces_equal_spacys_own_join(pipeline):
    # issue #7 item 1: Doc.from_docs needs every piece and the joined Doc in memory at once;
    # Joined lets each piece go as it is added and must give the very same Doc.
    from spacy.tokens import Doc

    from dateline.nlp.parse import Joined

    parse = next(
        s for s, i in zip(pipeline.stages, pipeline.infos, strict=True) if "parse" in i.name
    )
    text = (
        "KABUL (Reuters) - Taliban fighters attacked a checkpoint in Kunduz on Monday, "
        '"We will not leave," the governor told Reuters on Tuesday.\n'
        "The army said 12 soldiers were killed; the group denied it, officials said.\n"
    ) * 4
    pieces = [s for s in parse.nlp.pipe(split_text(text, 120))]
    assert len(pieces) > 3 and any(len(p.spans[k]) for p in pieces for k in p.spans)
    expected = Doc.from_docs(pieces, ensure_whitespace=False)
    joined = Joined()
    for piece in pieces:
        joined.add(piece)
    got = joined.doc()
    assert got.text == expected.text == text
    assert got.to_json() == {**expected.to_json()}
    assert {
        k: [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in g] for k, g in got.spans.items()
    } == {
        k: [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in g]
        for k, g in expected.spans.items()
    }
    assert got.user_data.keys() == expected.user_data.keys()
    assert [t.head.i for t in got] == [t.head.i for t in expected]
    assert [s.start for s in got.sents] == [s.start for s in expected.sents]
