"""Bytes to text: size, emptiness, binary content, byte-order marks and encodings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.config import Config, load_config
from dateline.errors import InputError
from dateline.ingest.decode import decode


def code_of(data: bytes, config: Config | None = None) -> str:
    with pytest.raises(InputError) as info:
        decode(data, "in.txt", config=config)
    assert info.value.source == "in.txt"
    return info.value.code


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff".encode()])
def test_empty(data: bytes) -> None:
    assert code_of(data) == "empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"%PDF-1.4\n" + bytes(range(32)) * 4,
        b"text with a NUL\x00 byte in it",
    ],
)
def test_binary(data: bytes) -> None:
    assert code_of(data) == "binary"


def test_too_large() -> None:
    config = load_config(overrides={"input": {"max_bytes": 10}})
    assert code_of(b"more than ten bytes of text", config) == "too_large"


def test_too_large_names_size_and_limit() -> None:
    config = load_config(overrides={"input": {"max_bytes": 10}})
    with pytest.raises(InputError, match="27 bytes, over the limit of 10"):
        decode(b"more than ten bytes of text", "in.txt", config=config)


def test_undetectable_encoding() -> None:
    assert code_of(bytes(range(0x80, 0x100)) * 4) == "encoding"


def test_truncated_utf16() -> None:
    assert code_of(b"\xff\xfe\x41") == "encoding"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", "Troops entered Bogotá on Monday."),
        ("utf-8-sig", "Troops entered Bogotá on Monday."),
        ("utf-16", "Troops entered Bogotá on Monday."),
        ("utf-32", "Troops entered Bogotá on Monday."),
        ("latin-1", "Le président a déclaré à Paris que la crise était grave."),
        ("cp1252", "The army said the café was hit – badly – on Monday."),
        ("cp1251", "Москва заявила о новых ударах по городу"),
    ],
)
def test_encodings(encoding: str, text: str) -> None:
    assert decode(text.encode(encoding), "in.txt") == text


def test_newlines_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n", "in.txt") == "one\ntwo\nthree\n"


def test_latin1_fixture(fixtures: Path) -> None:
    text = decode((fixtures / "clinic_latin1.txt").read_bytes(), "clinic_latin1.txt")
    assert "BOGOTÁ, Colombia (AP)" in text
    assert "Médecins Sans Frontières" in text


def test_utf16_fixture(fixtures: Path) -> None:
    text = decode((fixtures / "ceasefire_utf16.txt").read_bytes(), "ceasefire_utf16.txt")
    assert text.startswith("Ceasefire holds for second day in eastern Ukraine\n")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_property_bytes_decode_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "in.bin")
    except InputError as exc:
        assert exc.code in {"empty", "binary", "encoding"}
    else:
        assert "\r" not in text and text.strip()


_PRINTABLE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), min_size=1
).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(_PRINTABLE)
def test_property_utf8_text_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8"), "in.txt") == text
