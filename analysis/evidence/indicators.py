"""Indicators (signposts): what the analyst would expect to see if a hypothesis gained
ground, declared as selections over the claim tables (`tables.selection`), and where each
stands in this edition.

- *seen*: rows the indicator watches are on record (doubtful ones do not count): it was
  first seen on the earliest day they cover, and is cited by them;
- *contradicted*: rows of its `against` selection are on record, as late as or later than
  any row that shows it;
- *not seen*: neither.

Each row's day is its event date, else its source's publication date.
"""

from dataclasses import dataclass

import pandas as pd

from analysis.tables import selection
from analysis.tables.load import Tables
from analysis.tables.schema import TABLES

SEEN, CONTRADICTED, NOT_SEEN = "seen", "contradicted", "not seen"
STATUSES = (NOT_SEEN, SEEN, CONTRADICTED)


@dataclass(frozen=True)
class Indicator:
    key: str
    hypothesis: str
    text: str
    status: str
    table: str | None
    seen: tuple[int, ...]  # labels of the rows that show it
    against: tuple[int, ...]  # labels of the rows that contradict it (in `against_table`)
    against_table: str | None
    first_seen: str | None  # the earliest date of the rows that show it, as printed
    latest: str | None  # the latest date of the rows behind its status, as printed


def indicators(t: Tables, hypotheses) -> list[Indicator]:
    """The indicators pointing to any of `hypotheses` (ids), in the table's order."""
    frames = dict(t.claims())
    rows = t.indicators[t.indicators["hypothesis_id"].isin(list(hypotheses))]
    return [_status(frames, t, r) for r in rows.itertuples()]


def _status(frames, t: Tables, r) -> Indicator:
    table, seen = _rows(frames, t, r.watch)
    if table is not None:
        seen = seen[~frames[table].loc[seen, "doubtful"].to_numpy()]
    against_table, against = (_rows(frames, t, r.against) if isinstance(r.against, str)
                              else (None, pd.Index([])))
    seen_days = _days(frames, table, seen)
    against_days = _days(frames, against_table, against)
    if len(against) and (not len(seen) or against_days["first"].max()
                         >= seen_days["first"].max()):
        status, latest = CONTRADICTED, _text(against_days, "idxmax")
    elif len(seen):
        status, latest = SEEN, _text(seen_days, "idxmax")
    else:
        status, latest = NOT_SEEN, None
    return Indicator(r.indicator_id, r.hypothesis_id, r.indicator, status, table,
                     tuple(seen), tuple(against), against_table,
                     _text(seen_days, "idxmin") if len(seen) else None, latest)


def _rows(frames, t: Tables, text: str) -> tuple[str | None, pd.Index]:
    found = selection.rows(selection.parse(text), frames, t.actors)
    return found if found is not None else (None, pd.Index([]))


def _days(frames, table: str | None, labels: pd.Index) -> pd.DataFrame:
    """Each dated row's day (`first`) and its date as printed (`text`): its event date,
    else its source's publication date."""
    if table is None or not len(labels):
        return pd.DataFrame({"first": pd.Series([], dtype="datetime64[ns]"), "text": []})
    rows = frames[table].loc[labels]
    event = TABLES[table].metadata["event_date"]
    has = rows[f"{event}_first"].notna()
    days = pd.DataFrame({
        "first": rows[f"{event}_first"].where(has, rows["reported_date_first"]),
        "text": rows[event].where(has, rows["reported_date"])})
    return days[days["first"].notna()]


def _text(days: pd.DataFrame, end: str) -> str | None:
    """The printed date of the earliest (`idxmin`) or latest (`idxmax`) row."""
    if days.empty:
        return None
    return days.at[getattr(days["first"], end)(), "text"]
