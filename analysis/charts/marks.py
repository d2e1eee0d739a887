"""What every chart shares: its title, description and sources (`finish`), hollow and
filled marks, lists cut short, and a chart that says there is nothing to draw."""

import altair as alt
import pandas as pd

from analysis.charts import theme  # noqa: F401  (registers and enables the theme)
from analysis.charts.theme import MUTED, WIDTH


def source_ids(frame: pd.DataFrame, column: str = "source_id") -> list[str]:
    ids = frame[column].dropna().astype(str).str.split(",").explode()
    return sorted(set(ids))


def hollow_unless(predicate) -> dict:
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
