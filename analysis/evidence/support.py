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

import pandas as pd

from analysis.core import words
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


def support(table: str, frame: pd.DataFrame) -> Support:
    """The support that `frame`'s rows (all from claim table `table`) give a claim."""
    found = sorted(set(frame["grade"].dropna()), key=GRADES.index)
    strong = frame.loc[frame["grade"].isin(STRONG_GRADES), "origin"].nunique()
    return Support(table, tuple(frame.index), len(frame),
                   tuple(dict.fromkeys(frame["origin"])), tuple(found), strong)
