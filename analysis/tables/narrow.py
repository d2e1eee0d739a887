"""Narrowing the tables: to actors of interest (`focus`) and to events since a day."""

from dataclasses import replace

import pandas as pd

from analysis.contract import parse_day
from analysis.core import lists
from analysis.tables import actors
from analysis.tables.load import Tables
from analysis.tables.schema import ENTERED, TABLES


def narrow(t: Tables, focus: list[str] | None = None, since: str | None = None) -> Tables:
    """Claim rows involving the focus actors, and not wholly before `since`."""
    if not focus and not since:
        return t
    frames = {}
    wanted = actors.resolve(t.actors, focus) if focus else None
    cutoff = pd.Timestamp(parse_day(since)) if since else None
    for name, frame in t.claims():
        keep = pd.Series(True, index=frame.index)
        if wanted is not None:
            keep &= involving(name, frame, wanted)
        if cutoff is not None:
            last = frame[f"{TABLES[name].metadata['event_date']}_last"]
            keep &= last.isna() | (last >= cutoff)
        frames[name] = frame[keep]
    return replace(t, **frames)


def involving(name: str, frame: pd.DataFrame, wanted: set[str], *,
              claimant: bool = False) -> pd.Series:
    """Whether each claim row of table `name` names one of the actors `wanted` (ids) as
    one it is about (or, with `claimant`, as who made the claim)."""
    involved = pd.Series(False, index=frame.index)
    for column in [*TABLES[name].metadata["actors"], *(["attributed_to"] if claimant else [])]:
        ids = lists.items(frame[column])
        involved |= frame.index.isin(ids.index[ids.isin(wanted)])
    return involved


def entered_by(t: Tables, day: pd.Timestamp) -> Tables:
    """The tables as the analyst had them on `day`: claim rows entered by then (a row with
    no day entered before any review)."""
    return replace(t, **{name: frame[~(frame[f"{ENTERED}_first"] > day).to_numpy()]
                         for name, frame in t.claims()})
