"""Where the evidence comes from: reports by source reliability and kind of source."""

import altair as alt
import pandas as pd

from analysis.charts.marks import finish
from analysis.charts.theme import WIDTH
from analysis.core.words import plural
from analysis.tables.vocab import GRADES


def evidence_profile(profile: pd.DataFrame) -> alt.Chart:
    """How many reports rest on sources of each reliability grade, by kind of source."""
    grades = list(GRADES)
    chart = alt.Chart(profile).mark_bar().encode(
        y=alt.Y("grade:N", title="Source reliability", sort=grades,
                scale=alt.Scale(domain=grades)),
        x=alt.X("sum(reports):Q", title="Reports", axis=alt.Axis(format="d")),
        color=alt.Color("kind:N", title="Kind of source"),
        tooltip=[alt.Tooltip("table:N", title="Table"), alt.Tooltip("grade:N", title="Grade"),
                 alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("sum(reports):Q", title="Reports")],
    ).properties(width=WIDTH - 120, height=alt.Step(22))
    total = int(profile["reports"].sum())
    by_grade = profile.groupby("grade")["reports"].sum()
    words = ", ".join(f"{n} graded {g}" for g, n in by_grade.items())
    return finish(
        chart, profile, "Reports by source reliability",
        "Reports by their source's Admiralty grade: A completely reliable to F cannot be "
        "judged.",
        f"Bar chart of {plural(total, 'report')} by source reliability grade ({words}), split "
        "by kind of source.", column="source_id")
