"""Dates that keep their precision: "2015", "2015-08" and "2015-08-17" are all valid.

A partial date is kept as its text plus its precision and the first and last day it covers,
so a year is a span, never silently 1 January.
"""

import pandas as pd

PATTERN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
DAY = pd.Timedelta(days=1)
"""A span's end as drawn: its last day's end (the last day plus one)."""


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
    """Columns precision, first, last (datetime64: the first and last day covered) for a
    Series of partial dates. Malformed or impossible dates (2016-02-30) get precision None
    and NaT bounds. Each distinct value is parsed once: a table of millions of rows holds
    a few thousand dates.
    """
    at, values = pd.factorize(text, use_na_sentinel=False)
    each = _spans(pd.Series(values, dtype=text.dtype))
    return pd.DataFrame({column: each[column].array.take(at) for column in each},
                        index=text.index)


def _spans(text: pd.Series) -> pd.DataFrame:
    prec = precision(text)
    first = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    last = first.copy()
    for name, fmt in _FORMATS.items():
        mask = prec == name
        if not mask.any():
            continue
        parsed = pd.to_datetime(text[mask], format=fmt, errors="coerce")
        first[mask] = parsed
        offset = {"year": pd.offsets.YearEnd(0), "month": pd.offsets.MonthEnd(0)}.get(name)
        last[mask] = parsed + offset if offset is not None else parsed
        prec[mask & first.isna()] = None
    return pd.DataFrame({"precision": prec, "first": first, "last": last})


def is_valid(text: pd.Series) -> pd.Series:
    """True where the value is empty or a well-formed date that exists."""
    return spans(text)["precision"].notna()


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

