"""Words for numbers, with their qualifiers kept: "as many as 3,000", "several hundred"."""

import pandas as pd

from .distinct import each_once
from .vocab import VAGUE_RANGES

_PREFIX = {
    "about": "about ", "nearly": "nearly ", "as_many_as": "as many as ", "up_to": "up to ",
    "at_least": "at least ", "less_than": "less than ",
}
_VAGUE = {"several": "several", "several_hundred": "several hundred"}


def number(value) -> str:
    return f"{int(value):,}"


def quantity(qualifier: str, low, high, unit: str = "") -> str:
    """The figure as the source put it; a range keeps both ends."""
    unit = f" {unit}" if unit else ""
    if qualifier in _VAGUE:
        lo, hi = VAGUE_RANGES[qualifier]
        return f"{_VAGUE[qualifier]}{unit} (read as {number(lo)}–{number(hi)})"
    if qualifier == "unknown" or (pd.isna(low) and pd.isna(high)):
        return f"{unit.strip()}, number not stated" if unit else "number not stated"
    if qualifier == "between":
        return f"{number(low)}–{number(high)}{unit}"
    value = high if pd.isna(low) else low
    return f"{_PREFIX.get(qualifier, '')}{number(value)}{unit}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


NAMED = 4
"""Items a list in the prose names before counting the rest ("A, B, C, D and 12 others"):
a whole database's list would run for pages (the default data's longest has 3)."""


LISTED = 8
"""Names a list in parentheses gives (a basis's origins, a chart's claimants) before counting
the rest (the default data's longest has 6)."""


def listed(items: list[str], most: int = LISTED) -> str:
    """'A, B, C'; beyond `most` items, the first ones and 'and 3 others'."""
    items = [str(i) for i in items]
    more = f" and {plural(len(items) - most, 'other')}" if len(items) > most else ""
    return ", ".join(items[:most]) + more


def series(items: list[str], most: int | None = None) -> str:
    """'A', 'A and B', 'A, B and C'; with `most`, at most that many, then 'and 3 others'."""
    items = [str(i) for i in items]
    if most is not None and len(items) > most:
        return listed(items, most)
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def quantities(qualifiers, lows, highs, units=None) -> list[str]:
    """`quantity` for each row of a table's qualifier, low and high columns."""
    return each_once(quantity, qualifiers, lows, highs, *([] if units is None else [units]))
