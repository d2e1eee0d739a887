"""Quantities in words, with their qualifiers kept: "as many as 3,000", "several hundred",
and a claim table's quantities as intervals."""

import pandas as pd

from analysis.core.distinct import each_once, each_result
from analysis.core.words import number
from analysis.tables.schema import quantity_columns as columns
from analysis.tables.vocab import QUALIFIERS


def quantity(qualifier: str, low, high, unit: str = "") -> str:
    """The figure as the source put it; a range keeps both ends."""
    unit = f" {unit}" if unit else ""
    record = QUALIFIERS.get(qualifier)
    if record is not None and (record.reading or record.share):
        lo, hi = record.reading or (low, high)  # a share: of the row's whole, if it gives one
        if pd.isna(lo) or pd.isna(hi):
            return f"{record.words}{unit}"
        return f"{record.words}{unit} (read as {number(lo)}–{number(hi)})"
    if qualifier == "unknown" or (pd.isna(low) and pd.isna(high)):
        return f"{unit.strip()}, number not stated" if unit else "number not stated"
    if qualifier == "between":
        return f"{number(low)}–{number(high)}{unit}"
    value = high if pd.isna(low) else low
    words = f"{record.words} " if record is not None and record.words else ""
    return f"{words}{number(value)}{unit}"


def quantities(qualifiers, lows, highs, units=None) -> list[str]:
    """`quantity` for each row of a table's qualifier, low and high columns."""
    return each_once(quantity, qualifiers, lows, highs, *([] if units is None else [units]))


def stated(table: str, frame: pd.DataFrame) -> pd.Series:
    """Each row's quantity as the source put it ('as many as 20'), NA when none is stated:
    loaded tables carry it as their `stated` column (`derived`)."""
    q, lo, hi = (frame[c] for c in columns(table))
    text = pd.Series(each_result(quantity, q, lo, hi), index=frame.index)
    return text.where(q != "unknown")


def bounds(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """low/high as a closed interval, a missing side open (at least 60,000: 60,000 to ∞)."""
    _, lo, hi = (frame[c] for c in columns(table))
    return pd.DataFrame({"low": lo.astype("Float64").fillna(0),
                         "high": hi.astype("Float64").fillna(float("inf"))})
