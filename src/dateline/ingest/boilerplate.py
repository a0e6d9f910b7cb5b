"""Lines that are page furniture, not article: "Follow", "Share", "Advertisement", ...

The patterns are data, in ``resources/boilerplate.txt``: one regular expression per line,
matched case-insensitively against a whole stripped line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Longer lines are prose: no furniture line is this long, and matching stays cheap.
MAX_LINE = 200


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """One pattern matching any boilerplate line of ``resources/boilerplate.txt``."""
    text = resources.files("dateline").joinpath("resources/boilerplate.txt").read_text("utf-8")
    patterns = [
        row.strip() for row in text.splitlines() if row.strip() and not row.lstrip().startswith("#")
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def is_boilerplate(line: str) -> bool:
    """Whether ``line`` (already stripped) is page furniture."""
    return len(line) <= MAX_LINE and boilerplate_pattern().fullmatch(line) is not None


def is_rights_line(line: str) -> bool:
    """Whether ``line`` is a copyright notice (which may still credit an agency)."""
    return bool(re.match(r"(?:©|\(c\)|copyright\b)", line, re.I))
