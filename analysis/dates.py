"""Dates that keep their precision: "2015", "2015-08" and "2015-08-17" are all valid.

A partial date is kept as its text plus a precision and the first and last day it covers,
so a year is a span, never silently 1 January.
"""

import re
from datetime import date

import pandas as pd

from .errors import ParameterError

PATTERN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def precision(text: pd.Series) -> pd.Series:
    """'day', 'month', 'year' or 'unknown' (empty) per value; None where malformed."""
    text = text.astype("string")
    well_formed = text.str.fullmatch(PATTERN).fillna(False).astype(bool)
    lengths = text.str.len()
    out = pd.Series(None, index=text.index, dtype="object")
    for length, name in _PRECISION_BY_LENGTH.items():
        out[well_formed & (lengths == length)] = name
    out[text.isna()] = "unknown"
    return out


def spans(text: pd.Series) -> pd.DataFrame:
    """Columns precision, start, end (datetime64) for a Series of partial dates.

    Malformed or impossible dates (2016-02-30) get precision None and NaT bounds.
    """
    prec = precision(text)
    start = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    end = start.copy()
    for name, fmt in _FORMATS.items():
        mask = prec == name
        if not mask.any():
            continue
        parsed = pd.to_datetime(text[mask], format=fmt, errors="coerce")
        start[mask] = parsed
        offset = {"year": pd.offsets.YearEnd(0), "month": pd.offsets.MonthEnd(0)}.get(name)
        end[mask] = parsed + offset if offset is not None else parsed
        prec[mask & start.isna()] = None
    return pd.DataFrame({"precision": prec, "start": start, "end": end})


def is_valid(text: pd.Series) -> pd.Series:
    """True where the value is empty or a well-formed date that exists."""
    return spans(text)["precision"].notna()


def parse_day(value: str) -> date:
    """A full YYYY-MM-DD date (parameters such as as_of), or a ParameterError saying why."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ParameterError(f"not a date (got {value!r}, expected YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"no such day (got {value!r}, expected a real date)") from None


_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def display(text: str | None) -> str:
    """Human form at the value's own precision: '17 August 2015', 'August 2015', '2015'."""
    if text is None or (not isinstance(text, str) and pd.isna(text)) or text == "":
        return "date not stated"
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"

