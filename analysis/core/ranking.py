"""Picking the few a brief shows from a whole database: the most frequent, the latest."""

import numpy as np
import pandas as pd


def of_most(values: pd.Series, limit: int) -> np.ndarray:
    """Whether each row holds one of the `limit` most frequent values (ties in order of
    first appearance; a missing value is none of them)."""
    at, _ = pd.factorize(values)
    most = np.argsort(-np.bincount(at[at >= 0]), kind="stable")[:limit]
    return np.isin(at, most)


FOCUS_GAP = 0.5
FOCUS_FEW = 0.2
"""A timeline leaves out its earliest events when they are few (at most a fifth of them)
and a gap of more than half the whole span parts them from the rest: one 1995 contact
would otherwise squeeze twenty years of contacts into a third of the width."""


def focus(starts: pd.Series) -> pd.Series:
    """Whether each event is drawn on a timeline focused on where its events are
    (`FOCUS_GAP`, `FOCUS_FEW`); all are, unless a few early ones stand far apart."""
    ordered = starts.sort_values(kind="stable").to_numpy()
    drawn = pd.Series(True, index=starts.index)
    if len(ordered) < 4:
        return drawn
    gaps = ordered[1:] - ordered[:-1]
    widest = int(gaps.argmax())
    early = widest + 1
    if gaps[widest] > FOCUS_GAP * (ordered[-1] - ordered[0]) \
            and early <= FOCUS_FEW * len(ordered):
        drawn = starts >= ordered[widest + 1]
    return drawn


def latest(frame: pd.DataFrame, column: str, limit: int | None) -> pd.DataFrame:
    """The rows with a date in `column`; with `limit`, the `limit` latest."""
    dated = frame[column].dropna()
    return frame.loc[dated.nlargest(limit, keep="first").index if limit else dated.index]
