"""Picking the few a brief shows from a whole database: the most frequent, the latest."""

import numpy as np
import pandas as pd


def of_most(values: pd.Series, limit: int) -> np.ndarray:
    """Whether each row holds one of the `limit` most frequent values (ties in order of
    first appearance; a missing value is none of them)."""
    at, _ = pd.factorize(values)
    most = np.argsort(-np.bincount(at[at >= 0]), kind="stable")[:limit]
    return np.isin(at, most)


def latest(frame: pd.DataFrame, column: str, limit: int | None) -> pd.DataFrame:
    """The rows with a date in `column`; with `limit`, the `limit` latest."""
    dated = frame[column].dropna()
    return frame.loc[dated.nlargest(limit, keep="first").index if limit else dated.index]
