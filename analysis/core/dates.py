"""Dates that keep their precision: "2015", "2015-08" and "2015-08-17" are all valid.

A partial date is kept as its text plus its precision and the first and last day it covers,
so a year is a span, never silently 1 January.

How dated rows compare, wherever a brief decides what is latest or earliest (the one rule):
a date is the span of days it covers, and one date is later than another only when it
begins after the other ends. Spans that overlap (2021, and June 2021) are as late as each
other: what decides between them is the evidence (the better-graded, the attributed
source), never the finer date. `latest` and `earliest` give the rows in the running;
`newest_first` orders rows for a list (by the end of their span, then its start).
"""

import numpy as np
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


def latest(first: pd.Series, last: pd.Series) -> pd.Series:
    """Whether each dated row is among the latest: no other row's span begins after its
    own ends. Undated rows are not."""
    return last.notna() & (last >= first.max())


def earliest(first: pd.Series, last: pd.Series) -> pd.Series:
    """Whether each dated row is among the earliest: no other row's span ends before its
    own begins. Undated rows are not."""
    return first.notna() & (first <= last.min())


def newest_first(first: pd.Series, last: pd.Series) -> np.ndarray:
    """Each row's place in a list newest first: by the end of its span, then its start,
    latest first; undated rows last; ties in the rows' order."""
    order = pd.DataFrame({"last": last.to_numpy(), "first": first.to_numpy()}).sort_values(
        ["last", "first"], ascending=False, na_position="last", kind="stable").index
    place = np.empty(len(order), dtype="int64")
    place[order.to_numpy()] = np.arange(len(order))
    return place


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

