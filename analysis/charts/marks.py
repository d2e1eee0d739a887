"""What every chart shares: its title, description and sources (`finish`), hollow and
filled marks, lists cut short, and a chart that says there is nothing to draw."""

from collections.abc import Mapping

import altair as alt
import pandas as pd

from analysis.charts import theme  # noqa: F401  (registers and enables the theme)
from analysis.charts.theme import MUTED, WIDTH


def source_ids(frame: pd.DataFrame, column: str = "source_id") -> list[str]:
    ids = frame[column].dropna().astype(str).str.split(",").explode()
    return sorted(set(ids))


def hollow_unless(predicate) -> Mapping[str, object]:
    """Filled marks where `predicate` holds, hollow (outline only) elsewhere. Done with
    fill opacity rather than a conditional fill: Vega-Lite then leaves the legend symbols
    their own colours instead of an invisible stroke."""
    return alt.condition(predicate, alt.value(1), alt.value(0))


def finish(chart, frame, title, subtitle, description, column="source_id"):
    return chart.properties(
        title=alt.TitleParams(title, subtitle=subtitle),
        description=description,
        usermeta={"sources": source_ids(frame, column)},
    )


TIME_PADDING = 14
"""Pixels left at each end of a time axis, so that its first and last marks are whole."""


def time_scale() -> alt.Scale:
    return alt.Scale(type="utc", padding=TIME_PADDING)


def year_axis() -> alt.Axis:
    """A time axis labelled once a year (a tick every half year would print each year
    twice)."""
    return alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1})


def lanes(frame: pd.DataFrame, row: str, width: int, mark: int = 14, gap: int = 8
          ) -> pd.Series:
    """An offset (pixels, across the time axis) per mark of a timeline, so that marks of
    one `row` that would touch (closer than `mark` pixels: consecutive months, say) sit side
    by side in lanes, each cluster of them centred on the row, instead of merging into one.
    `frame` has `start` and `end`; the axis spans them over `width` pixels."""
    near = (frame["end"].max() - frame["start"].min()) / max(width, 1) * mark
    lane = pd.Series(0, index=frame.index)
    cluster = pd.Series(0, index=frame.index)
    for _, marks in frame.sort_values("start", kind="stable").groupby(row, sort=False):
        ends: list = []  # the end of each lane's last mark, in the current cluster
        for label, start, end in zip(marks.index, marks["start"], marks["end"], strict=True):
            if all(start >= last for last in ends):  # nothing near: a new cluster
                ends = []
                cluster[label] = cluster.max() + 1
            else:
                cluster[label] = cluster.max()
            free = next((i for i, last in enumerate(ends) if start >= last), len(ends))
            if free == len(ends):
                ends.append(None)
            ends[free] = max(end, start) + near
            lane[label] = free
    widest = lane.groupby(cluster).transform("max")
    return ((lane - widest / 2) * gap).clip(-2 * gap, 2 * gap)


def few(lists: pd.Series, keep: int = 6, sep: str = ",") -> pd.Series:
    """`sep`-separated lists cut to their first `keep` items, '… (N in all)' after."""
    items = lists.str.split(sep)
    return items.map(lambda xs: sep.join(xs) if len(xs) <= keep
                     else sep.join(xs[:keep]) + f"… ({len(xs)} in all)")


def nothing(title: str, message: str, description: str) -> alt.Chart:
    """A chart with only a line of text, for a frame with nothing to draw."""
    empty = pd.DataFrame({"message": [message]})
    chart = alt.Chart(empty).mark_text(align="left", color=MUTED, fontSize=12).encode(
        text="message:N").properties(width=WIDTH, height=30)
    return finish(chart, empty.assign(source_id=None), title, "", description)
