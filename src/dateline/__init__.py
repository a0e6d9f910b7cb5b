"""dateline: who did what to whom, where, when, how many were killed, and who says so.

Reads news reports offline on a CPU and writes evidence-backed event records (the output
contract ``dateline/1``). The public surface is small; everything not in ``__all__`` may change.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .api import extract, make_pipeline  # noqa: E402
from .document import SCHEMA_VERSION, Document  # noqa: E402
from .errors import DatelineError, InputError  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_VERSION",
    "DatelineError",
    "Document",
    "InputError",
    "Pipeline",
    "__version__",
    "extract",
    "make_pipeline",
]
