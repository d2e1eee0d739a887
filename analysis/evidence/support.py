"""Corroboration: which rows report the same thing, from how many independent origins.

An *origin* is who a claim comes from: the actor it is attributed to, taken to the top of
its `part_of` chain (a ministry's envoy and the ministry's state are one origin), else the
outlet that published it. Two outlets relaying one claimant are one origin; one outlet
reporting the same thing twice is one origin too.

A *claim* is what several rows can report: the same arms deal (rows sharing a `deal_id`),
or the same estimate (same group, measure and area, dated to the same period). Undated
estimates are never matched by period.

Every loaded claim row carries its `origin`, `grade` and `claim_key`
(`analysis.tables.derived`).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import dates, words
from analysis.tables.schema import TABLES
from analysis.tables.vocab import GRADES, STRONG_GRADES


@dataclass(frozen=True)
class Support:
    """The evidence behind a claim: its rows and what they add up to."""

    table: str
    rows: tuple[int, ...]  # their labels in the table (what citations take)
    reports: int
    origins: tuple[str, ...]
    grades: tuple[str, ...]  # distinct grades, best first
    strong: int  # origins reported at least once by a source graded A or B

    @property
    def best_grade(self) -> str:
        return self.grades[0] if self.grades else "F"

    def describe(self) -> str:
        """'3 reports, 1 origin (United Nations); grades C and F'."""
        grades = words.series(list(self.grades))
        return (f"{words.plural(self.reports, 'report')}, "
                f"{words.plural(len(self.origins), 'independent origin')} "
                f"({words.listed(self.origins)}); "
                f"{'grade' if len(self.grades) == 1 else 'grades'} {grades}")


STRENGTH = ["doubtful", "grade", "attributed_to", "credibility"]
"""The columns `strongest_first` reads."""


def strongest_first(frame: pd.DataFrame) -> pd.Index:
    """`frame`'s labels, the strongest evidence first: not doubtful, then the better
    source grade, then attributed to a named claimant, then the more credible; ties in the
    table's order."""
    key = pd.DataFrame({
        "doubtful": frame["doubtful"].to_numpy(),
        "grade": frame["grade"].astype("str").map({g: i for i, g in enumerate(GRADES)})
        .fillna(len(GRADES)).to_numpy(),
        "unattributed": frame["attributed_to"].isna().to_numpy(),
        "credibility": frame["credibility"].astype("Float64").fillna(9).to_numpy(),
    })
    order = key.sort_values(list(key.columns), kind="stable").index.to_numpy()
    return frame.index[order]


def latest(frame: pd.DataFrame, date: str, rows=None) -> int | None:
    """The label of the latest row by its `date` column (`core.dates`'s rule: of rows whose
    dates are as late as each other, the strongest evidence, `strongest_first`, and of
    those as strong, the later in the table); doubtful rows only when every dated row is.
    None when no row is dated. With `rows` (labels), of those rows only."""
    return _end(frame, date, dates.latest, rows, reverse=True)


def earliest(frame: pd.DataFrame, date: str, rows=None) -> int | None:
    """The label of the earliest row by its `date` column, as `latest` decides (of rows
    as strong, the earlier in the table)."""
    return _end(frame, date, dates.earliest, rows)


def _end(frame: pd.DataFrame, date: str, rule, rows=None, reverse: bool = False
         ) -> int | None:
    if rows is not None:
        frame = frame.loc[rows, [f"{date}_first", f"{date}_last", *STRENGTH]]
    first, last = frame[f"{date}_first"], frame[f"{date}_last"]
    # worked out on the dates and doubt: a table may hold millions of rows, a few are taken
    dated = first.notna().to_numpy()
    firm = dated & ~frame["doubtful"].to_numpy()
    if firm.any():
        dated = firm
    if not dated.any():
        return None
    at = np.flatnonzero(dated)
    running = at[rule(first.iloc[at], last.iloc[at]).to_numpy()]
    return strongest_first(frame.iloc[running[::-1] if reverse else running])[0]


SUPPORT = ["grade", "origin"]
"""The columns `support` reads (besides the rows' labels)."""


def support(table: str, frame: pd.DataFrame) -> Support:
    """The support that `frame`'s rows (all from claim table `table`) give a claim."""
    found = sorted(set(frame["grade"].dropna()), key=GRADES.index)
    strong = frame.loc[frame["grade"].isin(STRONG_GRADES), "origin"].nunique()
    return Support(table, tuple(frame.index), len(frame),
                   tuple(dict.fromkeys(frame["origin"])), tuple(found), strong)


def days(table: str, rows: pd.DataFrame) -> pd.Series:
    """The latest day each claim row of `table` covers: its event date, else its source's
    publication date (NaT when neither is known)."""
    event = TABLES[table].metadata["event_date"]
    return rows[f"{event}_last"].fillna(rows["reported_date_last"])


def newest(table: str, rows: pd.DataFrame) -> pd.Timestamp | None:
    """The latest day claim rows of `table` cover (`days`); None when none is dated."""
    found = days(table, rows).dropna()
    return found.max() if len(found) else None
