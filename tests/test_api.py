from __future__ import annotations

from pathlib import Path

import pytest

import dateline
from dateline import Document, InputError


def test_public_names():
    assert sorted(dateline.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "DatelineError",
            "Document",
            "InputError",
            "Pipeline",
            "__version__",
            "extract",
            "make_pipeline",
        ]
    )
    for name in dateline.__all__:
        assert hasattr(dateline, name), name


def test_extract_returns_a_valid_document(pipeline, validate):
    doc = dateline.extract(
        "Rebels shelled the airport in Kabul on Monday, the Afghan army said.",
        published="2020-03-02",
        pipeline=pipeline,
    )
    assert isinstance(doc, Document)
    assert doc.meta.published == "2020-03-02"
    assert any(e.name == "Kabul" for e in doc.entities)
    validate(doc.to_dict())


def test_extract_without_cleaning_keeps_offsets_into_the_input(pipeline):
    text = "Follow\nTroops left Kunduz on Friday."
    doc = dateline.extract(text, clean=False, pipeline=pipeline)
    assert doc.text == text
    for entity in doc.entities:
        for span in entity.mentions:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_extract_refuses_empty_input(pipeline, text):
    with pytest.raises(InputError, match="empty"):
        dateline.extract(text, pipeline=pipeline)


# -- issue #6 item 4 and issue #7 item 9: the Python API checks its input like the CLI ------
@pytest.fixture(scope="module")
def small_pipeline():
    return dateline.make_pipeline(Path(__file__).parent / "fixtures" / "small_input.toml")


ARTICLE = "GOMA, Congo (Reuters) - Rebels shelled Goma on Monday, officials said."


def test_extract_refuses_a_string_over_the_size_limit(small_pipeline):
    # Before: a 6 MB string was processed for minutes; the limit is [input] max_bytes.
    with pytest.raises(InputError) as info:
        dateline.extract(ARTICLE * 4, pipeline=small_pipeline)
    assert info.value.code == "too_large"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("\x01\x02\x03\x04\x05 control characters", "binary"),
        (b"  \n", "empty"),
    ],
)
def test_extract_refuses_binary_and_empty_input(pipeline, data, code):
    with pytest.raises(InputError) as info:
        dateline.extract(data, pipeline=pipeline)
    assert info.value.code == code


def test_extract_decodes_bytes_as_a_file_is_decoded(pipeline):
    # Before: a TypeError about regex patterns.
    as_bytes = dateline.extract(ARTICLE.encode("cp1252"), pipeline=pipeline)
    as_text = dateline.extract(ARTICLE, pipeline=pipeline)
    assert as_bytes.to_json() == as_text.to_json()
    utf16 = dateline.extract(ARTICLE.encode("utf-16"), pipeline=pipeline)
    assert utf16.text == as_text.text


def test_extract_records_repairs_as_problems(pipeline):
    doc = dateline.extract("Rebels shelled Goma\x00 on Monday, officials said.", pipeline=pipeline)
    assert doc.text == "Rebels shelled Goma on Monday, officials said."
    assert [p.code for p in doc.problems] == ["nul_removed"]


@pytest.mark.parametrize("day", ["yesterday", "2017-02-30", "9 September 2017", "2017-9-9"])
def test_extract_refuses_a_published_that_is_no_date(pipeline, day):
    with pytest.raises(InputError) as info:
        dateline.extract(ARTICLE, published=day, pipeline=pipeline)
    assert info.value.code == "published"
    assert repr(day) in str(info.value)


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({}, "<string>"),
        ({"url": "https://example.org/a"}, "https://example.org/a"),
        ({"source": "wire-42"}, "wire-42"),
    ],
)
def test_input_errors_name_the_input_not_a_hash(pipeline, options, name):
    with pytest.raises(InputError) as info:
        dateline.extract("Follow\nShare", pipeline=pipeline, **options)
    assert info.value.source == name
    assert str(info.value).startswith(f"{name}: the input is empty")


def test_pipe_accepts_strings_and_bytes(pipeline):
    # Before: "'str' object has no attribute 'failed'".
    docs = list(pipeline.pipe([ARTICLE, ARTICLE.encode("utf-8"), "   ", b"\x00" * 20]))
    assert [d.failed for d in docs] == [False, False, True, True]
    assert (
        docs[0].to_json()
        == docs[1].to_json()
        == dateline.extract(ARTICLE, pipeline=pipeline).to_json()
    )
    assert [d.problems[0].code for d in docs[2:]] == ["empty", "binary"]
    assert docs[2].error.source == "<string>"


def test_pipe_says_what_to_pass(pipeline):
    with pytest.raises(TypeError, match="takes Documents, or articles as str or bytes"):
        list(pipeline.pipe([{"text": ARTICLE}]))
