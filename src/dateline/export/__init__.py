"""Exports of stored events: ACLED-style rows (``acled``) and file writers (``writers``).

Tabular formats (CSV, Parquet, GeoJSON properties, pandas) carry ACLED's column names and
codes, then dateline's own columns; JSON formats carry the whole merged event with every
source.
"""

from __future__ import annotations

from .acled import ACLED_COLUMNS, COLUMNS, acled_row
from .writers import FORMATS, write_events

__all__ = ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "acled_row", "write_events"]
