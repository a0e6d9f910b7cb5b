"""Bytes to text: refuse what is too large, empty or binary, then find the encoding.

Order of checks: size (``[input] max_bytes``), emptiness, byte-order mark, binary content
(NUL bytes without a UTF-16/32 mark, or too many control characters), strict UTF-8, then
charset-normalizer's best guess. Newlines are normalised to ``\\n``, so offsets (also with
``--no-clean``) index the decoded, newline-normalised text rather than the file's bytes.
"""

from __future__ import annotations

import codecs
import re

from ..config import Config, default_config
from ..errors import InputError

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
# Control characters other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
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
) -> str:
    """The text of ``data``; raises ``InputError`` when it is not text.

    Newlines become ``\\n`` unless ``normalise_newlines`` is False: with ``--no-clean`` the
    text must stay exactly as given, so that offsets index the input itself.
    """
    max_bytes, max_ratio = limits(config)
    check_size(len(data), source, config)
    if not data.strip():
        raise InputError(source, "empty")
    text = _decode(data, source, max_ratio)
    if normalise_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty")
    return text


def _decode(data: bytes, source: str, max_ratio: float) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                detail = f"invalid {encoding}: {exc.reason}"
                raise InputError(source, "encoding", detail=detail) from None
            sample = text[:SAMPLE_BYTES]
            controls = len(_CONTROL_CHARS.findall(sample))
            if sample and controls / len(sample) > max_ratio:
                raise InputError(source, "binary", detail=_ratio_detail(controls, len(sample)))
            return text
    head = data[:SAMPLE_BYTES]
    if b"\x00" in head:
        raise InputError(source, "binary", detail="it contains NUL bytes and no UTF-16/32 mark")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > max_ratio:
        raise InputError(source, "binary", detail=_ratio_detail(controls, len(head)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, source)


def _guess(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.chaos <= _MAX_CHAOS]
    if not matches:
        raise InputError(source, "encoding", detail="not UTF-8, and no other encoding fits")
    best = min(m.chaos for m in matches)
    close = {m.encoding: m for m in matches if m.chaos <= best + _CHAOS_MARGIN}
    chosen = next((close[name] for name in _PREFERRED if name in close), matches[0])
    return str(chosen)


def _ratio_detail(controls: int, total: int) -> str:
    return f"{controls} of its first {total} characters are control characters"
