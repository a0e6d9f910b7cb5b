"""Tell HTML from plain text."""

from __future__ import annotations

import re

from ..document import InputFormat

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_TAG = re.compile(r"</?(p|div|span|a|br|article|section|h[1-6]|meta|title|script)\b[^>]*>", re.I)


def sniff_format(text: str) -> InputFormat:
    """``"html"`` if the text is an HTML page or fragment, else ``"text"``."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    return "html" if len(_TAG.findall(head)) >= 3 else "text"
