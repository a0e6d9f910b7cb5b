"""Stored events as a pandas DataFrame with ACLED's columns (the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import MissingExtraError
from .acled import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, acled_row


def to_frame(records: Iterable[Mapping[str, Any]]) -> Any:
    """A DataFrame of ACLED-style rows: nullable integers, floats, strings, dates as dates."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("a DataFrame of events", "pandas") from None
    frame = pd.DataFrame([acled_row(r) for r in records], columns=list(COLUMNS))
    dtypes: dict[str, str] = {}
    for name in COLUMNS:
        if name in INT_COLUMNS:
            dtypes[name] = "Int64"
        elif name in FLOAT_COLUMNS:
            dtypes[name] = "float64"
        else:
            dtypes[name] = "string"
    frame = frame.astype(dtypes)
    for name in ("event_date", "date_latest"):
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
    return frame
