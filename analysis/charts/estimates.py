"""Fighter and force estimates: ranges over time, and part-of-whole waffles."""

import altair as alt
import pandas as pd

from analysis.charts.marks import finish, lanes, nothing, time_scale, year_axis
from analysis.charts.theme import MUTED, OKABE_ITO, WIDTH, stable_colours
from analysis.core.words import article, listed, plural
from analysis.tables.vocab import UNATTRIBUTED

_BOUND_SHAPES = {"point": "circle", "upper bound": "triangle-down",
                 "lower bound": "triangle-up"}
DOUBTFUL = "doubtful"
"""How a doubtful estimate is drawn (`tables.vocab.DOUBTFUL`): a cross, never past the
highest of the other estimates of its series, so it never sets the scale."""


def estimate_ranges(points: pd.DataFrame, measure_label: str = "fighters") -> alt.Chart:
    """Estimates as ranges over time, one panel per series (a group in a place: a
    province's figures never share the country's panel or scale): a vertical bar spans an
    estimate's low-high range, a horizontal bar the month or year it is dated to (never a
    false 1 January); triangles mark one-sided bounds ("up to", "at least"); crosses mark
    doubtful estimates, held within the others' scale."""
    width = WIDTH - 40
    frame = _placed(points, width)
    shapes = {**_BOUND_SHAPES, **({DOUBTFUL: "cross"} if points["doubtful"].any() else {})}
    tooltip = [alt.Tooltip("series:N", title="Group, place"),
               alt.Tooltip("figure:N", title="Figure"), alt.Tooltip("when:N", title="As of"),
               alt.Tooltip("claimant:N", title="Claimed by")]
    colour = alt.Color("side:N", title="Claim made by",
                       scale=stable_colours(points["side"], {UNATTRIBUTED: OKABE_ITO["grey"]}),
                       legend=alt.Legend(symbolOpacity=1))
    x = alt.X("start:T", title=None, scale=time_scale(), axis=year_axis())
    base = alt.Chart().encode(color=colour, tooltip=tooltip)
    period = base.mark_rule(strokeWidth=2, opacity=0.7, aria=False).encode(
        x=x, x2="end:T", y=alt.Y("middle:Q")
    ).transform_filter(alt.datum.precision != "day")
    spread = base.mark_rule(strokeWidth=6, strokeCap="round", opacity=0.85, aria=False).encode(
        x="mid:T", y=alt.Y("low:Q"), y2="high:Q",
    ).transform_filter(alt.datum.shape == "range")
    marks = base.mark_point(filled=True, size=110, opacity=1, aria=False).encode(
        x="mid:T",
        y=alt.Y("value:Q", title=measure_label.capitalize(), axis=alt.Axis(format=",d"),
                scale=alt.Scale(zero=True)),
        shape=alt.Shape("shape:N", title="Figure stated as",
                        scale=alt.Scale(domain=list(shapes), range=list(shapes.values()))),
    ).transform_filter(alt.datum.shape != "range")
    # Room above each panel's highest mark, so that none sits on the border: an unseen
    # point a tenth higher, which the panel's own scale takes in.
    room = alt.Chart().mark_point(opacity=0, aria=False).encode(
        x="mid:T", y="room:Q").transform_filter(alt.datum.room != None)  # noqa: E711
    # aria=False on the layers: an empty layer in a facet panel would otherwise be an
    # unlabelled graphics-symbol (axe: svg-img-alt); the chart is labelled as a whole.
    layered = alt.layer(marks, spread, period, room).properties(width=width, height=150)
    chart = layered.facet(
        row=alt.Row("series:N", title=None, header=alt.Header(
            labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top")),
        data=frame,
    ).resolve_scale(y="independent")
    return finish(
        chart, points, f"Estimates of {measure_label}, by group and place, over time",
        "Bars span each estimate's range and the period it is dated to; estimates are "
        "shown side by side, never averaged.", _ranges_description(points, measure_label))


def _placed(points: pd.DataFrame, width: int) -> pd.DataFrame:
    """The points as drawn: the middle and the headline value of each range, doubtful ones
    held within the rest (`_held`), estimates dated close together moved apart by a few
    pixels' worth of time (the axis is continuous), and `room` above each panel's top."""
    frame = _held(points.assign(
        middle=(points["low"] + points["high"]) / 2,
        value=points["high"].where(points["shape"] != "lower bound", points["low"])))
    top = frame.groupby("series")["high"].transform("max")
    at = frame.assign(start=frame["mid"], end=frame["mid"])
    per_pixel = (frame["end"].max() - frame["start"].min()) / width
    return frame.assign(room=(top * 1.1).where(frame["high"] == top),
                        mid=frame["mid"] + lanes(at, "series", width, mark=10, gap=9)
                        * per_pixel)


def _ranges_description(points: pd.DataFrame, measure_label: str) -> str:
    claimants = listed(sorted(set(points["side"])))
    doubtful = points["doubtful"].sum()
    held = (f" {plural(doubtful, 'doubtful estimate')} (crosses) "
            f"{'is' if doubtful == 1 else 'are'} drawn no higher than the others, off their "
            "scale where larger." if doubtful else "")
    return (f"Range chart of {plural(len(points), 'dated estimate')} of {measure_label} for "
            f"{plural(points['series'].nunique(), 'group and place', 'groups and places')}, "
            "by who made the claim "
            f"({claimants}); vertical bars show low-to-high ranges, horizontal bars the month "
            f"or year an estimate is dated to, triangles one-sided bounds.{held}")


def _held(frame: pd.DataFrame) -> pd.DataFrame:
    """Doubtful estimates as crosses, no higher than the highest other estimate of their
    series (where it has any), so that one relay error cannot squash the rest."""
    doubtful = frame["doubtful"].to_numpy()
    if not doubtful.any():
        return frame
    top = frame["series"].map(frame[~doubtful].groupby("series")["high"].max())
    held = {c: frame[c].where(~doubtful | top.isna(), frame[c].clip(upper=top))
            for c in ("low", "high", "middle", "value")}
    return frame.assign(**held, shape=frame["shape"].where(~doubtful, DOUBTFUL))


_CELL = 22
"""Pixels per waffle cell (the square plus the gap around it)."""


_LEVEL_LOOK = {"counted": (OKABE_ITO["vermillion"], OKABE_ITO["vermillion"]),
               "uncertain": ("#F2CFB2", OKABE_ITO["vermillion"]),  # vermillion at 30 %
               "not counted": ("white", MUTED)}
"""(fill, stroke) of a waffle square by level: filled, pale, hollow. Fill colours rather
than opacity, so the legend draws each symbol as the squares look."""


def part_of_whole(cells: pd.DataFrame) -> alt.Chart:
    """A waffle per figure ("25 of 34 provinces"): one square per unit of the total, filled
    for those counted, pale for uncertain ones, hollow for the rest. The squares are
    anonymous and in no geographic order: sources give how many, not which.

    An empty frame (no figure with a total) gives a chart that says so."""
    if cells.empty:
        return nothing("Part of a whole", "No figure with a stated total.",
                        "No estimate in the data gives a part of a stated total.")
    # Filled, pale or hollow by level; the legend names each level in the measure's words.
    levels = cells.drop_duplicates("level").set_index("level")["state"]
    levels = levels.reindex([lv for lv in _LEVEL_LOOK if lv in levels.index])
    looks = [_LEVEL_LOOK[lv] for lv in levels.index]
    states = list(levels)
    tooltip = [alt.Tooltip("label:N", title="Figure"), alt.Tooltip("state:N", title="Square"),
               alt.Tooltip("area:N", title="Where"),
               alt.Tooltip("estimate_ids:N", title="Estimates"),
               alt.Tooltip("source_id:N", title="Sources")]
    chart = alt.Chart().mark_square(size=(_CELL - 5) ** 2, strokeWidth=1.5, opacity=1).encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        fill=alt.Fill("state:N", title=None,
                      scale=alt.Scale(domain=states, range=[f for f, _ in looks])),
        stroke=alt.Stroke("state:N", title=None,
                          scale=alt.Scale(domain=states, range=[s for _, s in looks])),
        tooltip=tooltip,
    ).properties(width=alt.Step(_CELL), height=alt.Step(_CELL))
    chart = chart.facet(
        row=alt.Row("label:N", title=None, sort=list(dict.fromkeys(cells["label"])),
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                      labelOrient="top", labelFontWeight=500,
                                      labelFontSize=12, labelPadding=4)),
        data=cells, spacing=14,
    ).resolve_scale(x="independent", y="independent")

    groups, noun = sorted(set(cells["group"])), cells["noun"].iloc[0]
    what = (f"{noun.capitalize()} with {article(groups[0])} {groups[0]} presence"
            if len(groups) == 1 and cells["measure"].iloc[0] == "provinces_with_presence"
            else f"{noun.capitalize()} counted, out of the whole")
    figures = cells.drop_duplicates("label")
    stated = "; ".join(
        f"{f.label.split(' — ')[0]} in {f.area}, according to {f.claimant} ({f.when}"
        f"{', ' + str(f.reports) + ' reports' if f.reports > 1 else ''})"
        for f in figures.itertuples())
    return finish(
        chart, figures, what,
        f"One square per {noun.removesuffix('s')}; sources say how many, not which, so the "
        "squares are in no geographic order.",
        f"Grid of squares, one per {noun.removesuffix('s')}, filled for those counted"
        f"{', pale where a range leaves them uncertain' if 'uncertain' in levels.index else ''}: "
        f"{stated}. The sources do not name the {noun}, so the squares are not placed on a "
        "map.")
