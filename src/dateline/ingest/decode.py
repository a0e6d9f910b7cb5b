"""Bytes to text, and text to an article: refuse what is too large, empty or binary.

One path for every input. ``decode`` turns a file's bytes into text: size
(``[input] max_bytes``), emptiness, byte-order mark, UTF-16 without one, binary content (too
many control or NUL bytes), strict UTF-8, UTF-8 with a few stray bytes, then
charset-normalizer's best guess. It hands the text to the checks a string given to the
Python API goes through too (``check_text``): size in UTF-8 bytes, control characters, NUL
removal, newlines, emptiness. What was repaired on the way (a stray byte, NUL characters)
comes back as problems to record on the document, so that no change is silent.

Newlines are normalised to ``\\n`` unless the text must stay exactly as given
(``--no-clean``). Offsets index the decoded text, not the file's bytes, and a removed NUL
character is not in that text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..config import Config, default_config
from ..document import Problem
from ..errors import InputError, message

# Binary files show themselves in their first bytes; reading further only costs time.
SAMPLE_BYTES = 8192

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, newline, form feed and carriage return; NUL included.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# UTF-16 without a byte-order mark: in Latin-script text every other byte is NUL. A share
# this high on one side and (almost) none on the other is no damaged or binary file.
_UTF16_NUL_SHARE = 0.3
_UTF16_OTHER_SHARE = 0.02
# Code pages whose reading of a stray byte is the one the repair gives it anyway: when the
# guess is one of these, valid UTF-8 sequences in the data are UTF-8, not two accented
# capitals and a symbol.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
_REPAIR = "dateline-cp1252"
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
# charset-normalizer ranks several code pages as equally plausible on short texts and may
# put a rare one (cp775) first; among guesses this close to the best, the common code
# pages of news sites win, in this order.
_PREFERRED = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp1256",
    "cp1253",
    "cp1254",
    "cp1255",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
)
_CHAOS_MARGIN = 0.05
# A guess with more mess than this is no decoding at all.
_MAX_CHAOS = 0.5


@dataclass(frozen=True)
class Decoded:
    """An input's text and what was repaired to get it (problems for the document)."""

    text: str
    problems: list[Problem] = field(default_factory=list)


def limits(config: Config | None) -> tuple[int, float]:
    """``(max_bytes, max_control_ratio)`` from the ``[input]`` table (the defaults without one)."""
    settings = (config if config is not None else default_config()).input
    return settings.max_bytes, settings.max_control_ratio


def check_size(size: int, source: str, config: Config | None) -> None:
    """Raise ``too_large`` when ``size`` bytes exceed ``[input] max_bytes``."""
    max_bytes, _ = limits(config)
    if size > max_bytes:
        raise InputError(source, "too_large", size=size, limit=max_bytes)


def decode(
    data: bytes, source: str, *, config: Config | None = None, normalise_newlines: bool = True
) -> Decoded:
    """The text of ``data``; raises ``InputError`` when it is not text.

    Newlines become ``\\n`` unless ``normalise_newlines`` is False: with ``--no-clean`` the
    text must stay exactly as given, so that offsets index the input itself.
    """
    _, max_ratio = limits(config)
    check_size(len(data), source, config)
    if not data.strip():
        raise InputError(source, "empty")
    text, problems = _decode(data, source, max_ratio)
    checked = _check(text, source, max_ratio, normalise_newlines)
    return Decoded(checked.text, problems + checked.problems)


def check_text(
    text: str, source: str, *, config: Config | None = None, normalise_newlines: bool = True
) -> Decoded:
    """``text`` given as a string, checked as ``decode`` checks a file's text.

    Its size is counted in UTF-8 bytes, so that a string and the same text in a file meet
    the same ``[input] max_bytes``.
    """
    max_bytes, max_ratio = limits(config)
    # Counting needs no copy while even four bytes a character stay under the limit.
    if len(text) * 4 > max_bytes:
        check_size(len(text.encode("utf-8", "surrogatepass")), source, config)
    return _check(text, source, max_ratio, normalise_newlines)


def _check(text: str, source: str, max_ratio: float, normalise_newlines: bool) -> Decoded:
    sample = text[:SAMPLE_BYTES]
    controls = len(_CONTROL_CHARS.findall(sample))
    if sample and controls / len(sample) > max_ratio:
        raise InputError(source, "binary", detail=_ratio_detail(controls, len(sample)))
    problems = []
    if "\x00" in text:
        # A NUL or two in a damaged file; stores and most tools refuse text holding one.
        count, first = text.count("\x00"), text.index("\x00")
        text = text.replace("\x00", "")
        chars = f"{count} NUL character{'s' if count > 1 else ''}"
        problems.append(_problem("nul_removed", chars=chars, offset=first))
    if normalise_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty")
    return Decoded(text, problems)


def _decode(data: bytes, source: str, max_ratio: float) -> tuple[str, list[Problem]]:
    declared_utf8 = data.startswith(codecs.BOM_UTF8)
    if declared_utf8:
        data = data[len(codecs.BOM_UTF8) :]
        if not data.strip():
            raise InputError(source, "empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom) and not declared_utf8:
            try:
                return data[len(bom) :].decode(encoding), []
            except UnicodeDecodeError as exc:
                detail = f"invalid {encoding}: {exc.reason}"
                raise InputError(source, "encoding", detail=detail) from None
    head = data[:SAMPLE_BYTES]
    wide = None if declared_utf8 else _utf16_without_bom(head)
    if wide is not None:
        try:
            return data.decode(wide), []
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: its NUL bytes make it binary below
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > max_ratio:
        raise InputError(source, "binary", detail=_ratio_detail(controls, len(head)))
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # UTF-8 with stray bytes (a Windows quote pasted into a UTF-8 file), or a legacy code
    # page with valid UTF-8 sequences only by chance? Count both readings' evidence.
    valid, stray, first = _utf8_evidence(data)
    if valid < stray and not declared_utf8:
        if b"\x00" in data:
            raise InputError(source, "binary", detail="it contains NUL bytes and is not UTF-8")
        try:
            text, encoding = _guess(data, source)
        except InputError:
            if not valid:
                raise
        else:
            if not valid or encoding not in _WESTERN:
                return text, []
    many = f"{stray} byte{'s' if stray > 1 else ''}"
    offset = first + (len(codecs.BOM_UTF8) if declared_utf8 else 0)
    problem = _problem("encoding_repaired", bytes=many, offset=offset)
    return data.decode("utf-8", errors=_REPAIR), [problem]


def wide_encoding(head: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` (by byte-order mark), ``utf-16-le``/``-be`` (by NUL bytes)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _utf16_without_bom(head[:SAMPLE_BYTES])


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes of ``head`` say so, else None."""
    pairs = len(head) // 2
    if pairs < 4 or b"\x00" not in head:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= _UTF16_NUL_SHARE * pairs and even <= _UTF16_OTHER_SHARE * pairs:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE * pairs and odd <= _UTF16_OTHER_SHARE * pairs:
        return "utf-16-be"
    return None


def _read_stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each byte UTF-8 cannot decode becomes one Windows-1252 character."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_REPAIR, _read_stray_as_cp1252)


def _utf8_evidence(data: bytes) -> tuple[int, int, int]:
    """Characters in valid UTF-8 multibyte sequences, bytes in none, and the first such byte.

    Every multibyte sequence is made of bytes over 0x7F, so each run of them is decoded
    on its own (runs are words: short, and only they can hold an error).
    """
    valid, stray, first = 0, 0, -1
    for run in _HIGH_RUN.finditer(data):
        chunk, pos = run.group(), 0
        while pos < len(chunk):
            try:
                valid += len(chunk[pos:].decode("utf-8"))
                break
            except UnicodeDecodeError as exc:
                valid += len(chunk[pos : pos + exc.start].decode("utf-8"))
                first = run.start() + pos + exc.start if first < 0 else first
                stray += exc.end - exc.start
                pos += exc.end
    return valid, stray, first


def _problem(code: str, **fields: object) -> Problem:
    return Problem(code=code, message=message(code, **fields))


def _guess(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.chaos <= _MAX_CHAOS]
    if not matches:
        raise InputError(source, "encoding", detail="not UTF-8, and no other encoding fits")
    best = min(m.chaos for m in matches)
    close = {m.encoding: m for m in matches if m.chaos <= best + _CHAOS_MARGIN}
    chosen = next((close[name] for name in _PREFERRED if name in close), matches[0])
    return str(chosen), chosen.encoding


def _ratio_detail(controls: int, total: int) -> str:
    return f"{controls} of its first {total} characters are control characters or NUL"
