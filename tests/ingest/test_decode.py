"""Bytes to text: size, emptiness, binary content, byte-order marks and encodings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.config import Config, load_config
from dateline.errors import InputError
from dateline.ingest.decode import check_text, decode


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
        b"\x00" * 40 + b"a text after a run of NUL bytes",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 2,
        # Not UTF-8 and holding NUL bytes: no legacy code page puts NUL in a text.
        b"%PDF-1.7\n" + b"obj stream with a few binary bytes \x00\x9c\xfe\xff " * 40,
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
    decoded = decode(text.encode(encoding), "in.txt")
    assert (decoded.text, decoded.problems) == (text, [])


def test_newlines_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n", "in.txt").text == "one\ntwo\nthree\n"


def test_latin1_fixture(fixtures: Path) -> None:
    text = decode((fixtures / "clinic_latin1.txt").read_bytes(), "clinic_latin1.txt").text
    assert "BOGOTÁ, Colombia (AP)" in text
    assert "Médecins Sans Frontières" in text


def test_utf16_fixture(fixtures: Path) -> None:
    text = decode((fixtures / "ceasefire_utf16.txt").read_bytes(), "ceasefire_utf16.txt").text
    assert text.startswith("Ceasefire holds for second day in eastern Ukraine\n")


# -- issue #7 item 4: a stray byte in a UTF-8 file no longer re-decodes the whole file --------
STRAY = (
    "GOMA, Congo (Reuters) - Fighting near Gomá and Nyiragongo continued on Monday, "
    "officials said. "
).encode() + b"The army\x92s spokesman said the town was calm.\n"


def test_stray_cp1252_byte_in_utf8_keeps_the_good_characters() -> None:
    decoded = decode(STRAY, "in.txt")
    assert "Gomá and Nyiragongo" in decoded.text
    # The stray byte is read as what Windows-1252 means by it, one character for one byte.
    assert "The army’s spokesman" in decoded.text
    assert [p.code for p in decoded.problems] == ["encoding_repaired"]
    message = decoded.problems[0].message
    where = STRAY.index(b"\x92")
    assert "1 byte " in message and f"byte {where}" in message


def test_stray_byte_after_a_utf8_byte_order_mark_is_repaired_too() -> None:
    decoded = decode(b"\xef\xbb\xbf" + STRAY, "in.txt")
    assert "Gomá and Nyiragongo" in decoded.text and "army’s" in decoded.text
    assert [p.code for p in decoded.problems] == ["encoding_repaired"]
    assert f"byte {3 + STRAY.index(bytes([0x92]))}" in decoded.problems[0].message


def test_stray_bytes_outside_windows_1252_become_replacement_characters() -> None:
    decoded = decode("Gomá, Bunia and Béni: ".encode() + b"\x81\x9d calm.", "in.txt")
    assert decoded.text == "Gomá, Bunia and Béni: \ufffd\ufffd calm."
    assert "2 bytes" in decoded.problems[0].message


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        # No valid UTF-8 multibyte sequence at all: a legacy code page, read whole.
        ("cp1252", "L’armée a déclaré à Bamako que la situation était « très grave »."),
        ("latin-1", "Les forces de sécurité ont évacué l'hôpital de Tombouctou mardi."),
        # Capital Ы then » is by chance a valid UTF-8 pair; the rest is not UTF-8 at all.
        ("cp1251", "«ВЫБОРЫ» в Донецке прошли без происшествий, заявили наблюдатели."),
        ("cp1253", "Η αστυνομία συνέλαβε δύο άνδρες στην Αθήνα τη Δευτέρα."),
    ],
)
def test_legacy_code_pages_still_decode_whole(encoding: str, text: str) -> None:
    decoded = decode(text.encode(encoding), "in.txt")
    assert (decoded.text, decoded.problems) == (text, [])


# -- issue #7 item 13: a few NUL bytes no longer reject an article as binary -----------------
def test_a_few_nul_bytes_are_removed_with_a_problem() -> None:
    data = b"Troops entered the town\x00 on Monday,\x00\x00 officials said.\n" * 3
    decoded = decode(data, "in.txt")
    assert decoded.text == "Troops entered the town on Monday, officials said.\n" * 3
    assert [p.code for p in decoded.problems] == ["nul_removed"]
    assert "9 NUL" in decoded.problems[0].message


def test_nul_bytes_count_towards_the_control_ratio() -> None:
    data = b"Troops entered the town.\x00\x00\x00\x00\x00\x00"
    assert code_of(data, load_config(overrides={"input": {"max_control_ratio": 0.1}})) == "binary"
    lenient = load_config(overrides={"input": {"max_control_ratio": 0.5}})
    assert decode(data, "in.txt", config=lenient).text == "Troops entered the town."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_still_recognised(encoding: str) -> None:
    text = "Troops entered Bogotá on Monday, officials said.\nTwo died."
    decoded = decode(text.encode(encoding), "in.txt")
    assert (decoded.text, decoded.problems) == (text, [])


# -- issue #6 item 4: strings go through the same checks as files ----------------------------
def test_check_text_refuses_a_string_over_the_byte_limit() -> None:
    config = load_config(overrides={"input": {"max_bytes": 20}})
    with pytest.raises(InputError) as info:
        check_text("é" * 11, "<string>", config=config)  # 22 bytes of UTF-8
    assert (info.value.code, info.value.source) == ("too_large", "<string>")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        (" \n\t", "empty"),
        ("\x00\x00", "binary"),
        ("\x01\x02\x03\x04 text", "binary"),
    ],
)
def test_check_text_refuses_what_decode_refuses(text: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        check_text(text, "<string>")
    assert info.value.code == code
    with pytest.raises(InputError) as info:
        decode(text.encode(), "<string>")
    assert info.value.code == code


def test_check_text_removes_nul_like_decode() -> None:
    text = "Shells fell\x00 on the town."
    assert check_text(text, "<string>") == decode(text.encode(), "<string>")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_property_bytes_decode_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "in.bin").text
    except InputError as exc:
        assert exc.code in {"empty", "binary", "encoding"}
    else:
        assert "\r" not in text and "\x00" not in text and text.strip()


_PRINTABLE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), min_size=1
).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(_PRINTABLE)
def test_property_utf8_text_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8"), "in.txt") == check_text(text, "in.txt")
    assert decode(text.encode("utf-8"), "in.txt").text == text


_PRINTABLE_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
_WIDE = st.characters(
    min_codepoint=0x80,
    blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
    blacklist_characters="\ufeff",
)


@st.composite
def _utf8_with_strays(draw: st.DrawFn) -> tuple[list[str], list[bytes]]:
    """Good text in pieces, each with a non-ASCII character, and up to one stray byte a piece."""
    piece = st.tuples(st.text(_PRINTABLE_CHARS, max_size=12), _WIDE).map("".join)
    pieces = draw(st.lists(piece, min_size=1, max_size=8))
    stray = st.sampled_from([bytes([b]) for b in range(0x80, 0x100)])
    strays = draw(st.lists(stray, min_size=1, max_size=len(pieces)))
    return pieces, strays


@settings(max_examples=200, deadline=None)
@given(_utf8_with_strays())
def test_property_stray_bytes_never_change_the_good_characters(
    drawn: tuple[list[str], list[bytes]],
) -> None:
    # issue #7 item 4: each stray byte becomes one character; every good one stays itself.
    pieces, strays = drawn
    data = b"".join(
        piece.encode() + (strays[i] if i < len(strays) else b"") for i, piece in enumerate(pieces)
    )
    decoded = decode(data, "in.txt")
    pos = 0
    for i, piece in enumerate(pieces):
        assert decoded.text[pos : pos + len(piece)] == piece
        pos += len(piece) + (1 if i < len(strays) else 0)
    assert pos == len(decoded.text)
    assert [p.code for p in decoded.problems] == ["encoding_repaired"]
