"""Coded errors: what went wrong, with which input, and what to do next.

Exception tree::

    DatelineError                 any error raised by dateline
    ├── ConfigError               a bad configuration file or value
    ├── ModelError                the spaCy model cannot be loaded
    ├── PipelineError             stages in an impossible order, unknown stage names
    ├── InputError                one input cannot be read (empty, binary, too large, ...)
    ├── OutputError               the output cannot be written where the user asked
    ├── StoreError                a store cannot be opened, written or queried
    ├── GazetteerError            the gazetteer index is missing or unreadable
    └── MissingExtraError         an optional extra is needed but not installed

An ``InputError`` stops only its own document: batch runners catch it, report one line and
go on. The messages live here, in one catalogue, so that they stay consistent and tested.
"""

from __future__ import annotations

# code -> message template. Each says what is wrong and what the user can do.
MESSAGES: dict[str, str] = {
    "empty": "the input is empty (no text after decoding); give a file with article text",
    "binary": "the input looks binary ({detail}), not text or HTML; give a text, HTML or JSONL file",
    "too_large": (
        "the input is {size:,} bytes, over the limit of {limit:,}; split it, or raise "
        "[input] max_bytes in a config file (--config)"
    ),
    "encoding": (
        "the input's encoding could not be detected ({detail}); convert it to UTF-8 "
        "(for example with iconv)"
    ),
    "jsonl": "line {line} is not a valid article record: {detail}",
    "duplicate_id": (
        "line {line} repeats the id {id!r} of line {first}, so it was left out; "
        "give each record its own id"
    ),
    "unreadable": "cannot read the input: {detail}",
    "not_found": "no such file or directory; check the path",
    "unexpected_language": (
        "the text looks {language}, not {expected}; the language-specific stages were skipped"
    ),
    "stage_failed": "stage {stage} failed: {detail}; please report this with the input",
}


def message(code: str, **fields: object) -> str:
    """The catalogue message for ``code`` with its fields filled in."""
    return MESSAGES[code].format(**fields)


class DatelineError(Exception):
    """Base of every error dateline raises."""


class ConfigError(DatelineError):
    """A configuration file or value is wrong."""


class ModelError(DatelineError):
    """The spaCy model cannot be loaded."""


class PipelineError(DatelineError):
    """The pipeline cannot be built: unknown stage, or a stage before what it requires."""


class OutputError(DatelineError):
    """The output file cannot be written (a folder, a missing or read-only place)."""


class StoreError(DatelineError):
    """A store cannot be opened, written or queried; the message names it and what to do."""


class GazetteerError(DatelineError):
    """The gazetteer index is missing, unreadable or of another format: rebuild it."""


class MissingExtraError(DatelineError):
    """An optional feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'dateline[{extra}]'")


class InputError(DatelineError):
    """One input cannot be read; carries the input's name and a catalogue code."""

    def __init__(self, source: str, code: str, **fields: object) -> None:
        self.source = source
        self.code = code
        self.detail = message(code, **fields)
        super().__init__(f"{source}: {self.detail}")

    def __reduce__(self) -> tuple[object, tuple[str, str, str]]:
        # Failed documents travel between worker processes: rebuild from what the error holds.
        return _rebuild_input_error, (self.source, self.code, self.detail)


def _rebuild_input_error(source: str, code: str, detail: str) -> InputError:
    error = InputError.__new__(InputError)
    DatelineError.__init__(error, f"{source}: {detail}")
    error.source, error.code, error.detail = source, code, detail
    return error
