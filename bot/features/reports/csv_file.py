"""The report's numbers as one tidy CSV file (see bot.features.reports.tidy for the columns)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.features.reports.tidy import Row

HEADER = ("section", "metric", "period", "group", "value")
# A cell starting like a formula would run as one in a spreadsheet: a group's name could.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_bytes(rows: Sequence[Row]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents right."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(
            [row.section, row.metric, row.period, safe_cell(row.group), safe_cell(row.value)]
        )
    return out.getvalue().encode("utf-8-sig")
