"""Custom pandera checks used by the table declarations in `analysis.tables.schema`.

Each check is vectorised (one pass over a column or frame) and carries the text that the
validator prints as "expected ...".
"""

import re

import numpy as np
import pandas as pd
from pandera import extensions

from analysis.core import dates, lists
from analysis.tables.vocab import LIKELIHOOD, LIKELIHOOD_ROW, QUALIFIER_SHAPES

_TERMS = sorted({*LIKELIHOOD, *LIKELIHOOD_ROW.values()} - {"remote"}, key=len, reverse=True)
ESTIMATIVE = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(t) for t in _TERMS) + r"|improbabl[ey]|probably"
    r"|certainly|confiden(?:ce|t)|possibly|perhaps)\b)|\b(?:may|might|could)\b")
"""Words a judgment's text must not carry: likelihood terms of either ICD 203 row (but
"remote", which is also a place's word), confidence, and hedges that are not on the scale
(lower-case "may", so that the month is allowed)."""


@extensions.register_check_method()
def partial_date(series: pd.Series) -> pd.Series:
    """A YYYY, YYYY-MM or YYYY-MM-DD date that exists."""
    return dates.is_valid(series)


@extensions.register_check_method()
def trimmed(series: pd.Series) -> pd.Series:
    """No leading or trailing whitespace."""
    text = series.astype("string")
    return (text == text.str.strip()).fillna(True)


@extensions.register_check_method(statistics=["separator", "minimum"])
def distinct_items(series: pd.Series, *, separator: str, minimum: int) -> pd.Series:
    """A separated list with at least `minimum` distinct, non-empty items."""
    cells = series.reset_index(drop=True)
    items = lists.items(cells, separator)
    items = items[items != ""]
    pairs = pd.DataFrame({"cell": items.index, "item": items.array}).drop_duplicates()
    distinct = np.bincount(pairs["cell"], minlength=len(cells))
    return pd.Series(cells.isna().to_numpy() | (distinct >= minimum), index=series.index)


@extensions.register_check_method(statistics=["first", "second", "separator"],
                                  supported_types=pd.DataFrame)
def disjoint_items(df: pd.DataFrame, *, first: str, second: str, separator: str) -> pd.Series:
    """No item of the list `second` is also an item of the list `first`."""
    a = lists.items(df[first].reset_index(drop=True), separator)
    b = lists.items(df[second].reset_index(drop=True), separator)
    both = pd.DataFrame({"row": a.index, "item": a.array}).merge(
        pd.DataFrame({"row": b.index, "item": b.array}))
    return pd.Series(~np.isin(np.arange(len(df)), both["row"]), index=df.index)


@extensions.register_check_method(statistics=["on", "column"], supported_types=pd.DataFrame)
def needs(df: pd.DataFrame, *, column: str, on: str) -> pd.Series:
    """`column` is filled only where `on` is."""
    return (df[column].isna() | df[on].notna()).astype(bool)


@extensions.register_check_method(statistics=["low", "high"], supported_types=pd.DataFrame)
def low_not_above_high(df: pd.DataFrame, *, low: str, high: str) -> pd.Series:
    """low <= high where both are given."""
    return (df[low].isna() | df[high].isna() | (df[low] <= df[high])).astype(bool)


@extensions.register_check_method(
    statistics=["qualifier", "low", "high"], supported_types=pd.DataFrame
)
def qualifier_shape(df: pd.DataFrame, *, qualifier: str, low: str, high: str) -> pd.Series:
    """low/high filled exactly as the qualifier requires (see vocab.QUALIFIER_SHAPES)."""
    shape = df[qualifier].map(QUALIFIER_SHAPES)
    has_low, has_high = df[low].notna(), df[high].notna()
    equal = has_low & has_high & (df[low] == df[high]).fillna(False)
    ok = (
        ((shape == "equal") & equal)
        | ((shape == "high") & ~has_low & has_high)
        | ((shape == "low") & has_low & ~has_high)
        | ((shape == "range") & has_low & has_high & ~equal)
        | ((shape == "none") & ~has_low & ~has_high)
        | shape.isna()  # an unknown qualifier is reported by its own column check
    )
    return ok.astype(bool)


@extensions.register_check_method(statistics=["start", "end"], supported_types=pd.DataFrame)
def span_in_order(df: pd.DataFrame, *, start: str, end: str) -> pd.Series:
    """An end date that does not fall before its start date."""
    a, b = dates.spans(df[start]), dates.spans(df[end])
    return (a["first"].isna() | b["last"].isna() | (b["last"] >= a["first"])).astype(bool)


@extensions.register_check_method()
def plain_judgment(series: pd.Series) -> pd.Series:
    """No likelihood term, confidence level or hedge in the text (`ESTIMATIVE`)."""
    return ~series.astype("string").str.contains(ESTIMATIVE).fillna(False).astype(bool)


ALLOWED_FORMAT = "\u00ad\u061c\u200c\u200d\u200e\u200f"
"""Invisible characters a text may hold, because scripts need them: the soft hyphen, the
Arabic letter mark, the zero-width non-joiner and joiner (Persian, Pashto, Indic names) and
the left-to-right and right-to-left marks. Every other control or format character (NUL,
the bidirectional overrides, embeddings and isolates, the zero-width space, the byte-order
mark) is refused: it hides or reorders what a reader sees."""
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]")


@extensions.register_check_method()
def visible(series: pd.Series) -> pd.Series:
    """No control or format character but tab, line breaks and `ALLOWED_FORMAT`."""
    return ~series.astype("string").str.contains(_HIDDEN).fillna(False).astype(bool)
