"""Chart functions: a tidy frame (from `analysis.prepare`) in, an Altair chart out.

No display, no files. Every chart has a title, a description for screen readers, and
`usermeta.sources` (the source ids behind what it draws), from which the brief prints its
source line.
"""

import altair as alt
import pandas as pd

from . import theme  # noqa: F401  (registers and enables the theme)
from .theme import MUTED, OKABE_ITO, WIDTH
from .vocab import ARMS_STATUSES

STATUS_COLOURS = {
    "alleged": OKABE_ITO["vermillion"], "denied": OKABE_ITO["grey"],
    "intended": OKABE_ITO["yellow"], "offered": OKABE_ITO["sky"],
    "negotiating": OKABE_ITO["orange"], "agreed": OKABE_ITO["purple"],
    "ordered": OKABE_ITO["blue"], "delivered": OKABE_ITO["green"],
}
CONFIRMED = ("ordered", "delivered")
"""Stages backed by a contract or a delivery: drawn filled; every earlier stage is hollow."""


def _sources(frame: pd.DataFrame, column: str = "source_id") -> list[str]:
    ids = frame[column].dropna().astype(str).str.split(",").explode()
    return sorted(set(ids))


def _hollow_unless(predicate) -> dict:
    """Filled marks where `predicate` holds, hollow (outline only) elsewhere. Done with
    fill opacity rather than a conditional fill: Vega-Lite then leaves the legend symbols
    their own colours instead of an invisible stroke."""
    return alt.condition(predicate, alt.value(1), alt.value(0))


def _finish(chart, frame, title, subtitle, description, column="source_id"):
    return chart.properties(
        title=alt.TitleParams(title, subtitle=subtitle),
        description=description,
        usermeta={"sources": _sources(frame, column)},
    )


def arms_status(routes: pd.DataFrame) -> alt.Chart:
    """Who supplies whom, and how far each reported transfer got: one row per route, one
    column per stage, from allegation to delivery."""
    stages = list(ARMS_STATUSES)
    colours = alt.Scale(domain=stages, range=list(STATUS_COLOURS.values()))
    tooltip = [alt.Tooltip("route:N", title="Route"), alt.Tooltip("status:N", title="Stage"),
               alt.Tooltip("systems:N", title="What"), alt.Tooltip("reports:Q", title="Reports")]
    chart = alt.Chart(routes).mark_point(filled=True, strokeWidth=2.5, opacity=1).encode(
        x=alt.X("status:N", sort=stages, scale=alt.Scale(domain=stages),
                title="Stage reported, from allegation to delivery",
                axis=alt.Axis(labelAngle=-30, labelAlign="left", orient="top", grid=True)),
        y=alt.Y("route:N", title=None, sort=list(dict.fromkeys(routes["route"])),
                axis=alt.Axis(labelLimit=240)),
        size=alt.Size("reports:Q", title="Reports", scale=alt.Scale(range=[90, 520]),
                      legend=alt.Legend(values=sorted(set(routes["reports"])),
                                        symbolFillColor=MUTED, symbolStrokeColor=MUTED)),
        color=alt.Color("status:N", scale=colours, legend=None),
        stroke=alt.Stroke("status:N", scale=colours, legend=None),
        fillOpacity=_hollow_unless(alt.FieldOneOfPredicate(field="status",
                                                           oneOf=list(CONFIRMED))),
        tooltip=tooltip,
    ).properties(width=alt.Step(64), height=alt.Step(34))
    return _finish(
        chart, routes, "Arms transfers by route and stage",
        "Filled: contract signed or delivered. Hollow: alleged, denied, intended, offered, "
        "negotiating or agreed.",
        f"Dot chart of {routes['route'].nunique()} supply routes against eight stages from "
        "allegation to delivery; a dot marks each stage that reports place a route at, sized "
        "by the number of reports; contract and delivery stages are filled, earlier stages "
        "hollow.",
        column="sources")


_BOUND_SHAPES = {"point": "circle", "upper bound": "triangle-down",
                 "lower bound": "triangle-up"}


def estimate_ranges(points: pd.DataFrame, measure_label: str = "fighters") -> alt.Chart:
    """Estimates as ranges over time, one panel per group: a vertical bar spans an
    estimate's low-high range, a horizontal bar the month or year it is dated to (never a
    false 1 January); triangles mark one-sided bounds ("up to", "at least")."""
    frame = points.assign(
        middle=(points["low"] + points["high"]) / 2,
        value=points["high"].where(points["shape"] != "lower bound", points["low"]))
    tooltip = [alt.Tooltip("group:N", title="Group"), alt.Tooltip("figure:N", title="Figure"),
               alt.Tooltip("when:N", title="As of"), alt.Tooltip("claimant:N", title="Claimed by")]
    colour = alt.Color("side:N", title="Claim made by")
    x = alt.X("start:T", title=None, scale=alt.Scale(type="utc"),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}))
    base = alt.Chart().encode(color=colour, tooltip=tooltip)
    period = base.mark_rule(strokeWidth=2, opacity=0.7).encode(
        x=x, x2="end:T", y=alt.Y("middle:Q")
    ).transform_filter(alt.datum.precision != "day")
    spread = base.mark_rule(strokeWidth=6, strokeCap="round", opacity=0.85).encode(
        x="mid:T", y=alt.Y("low:Q"), y2="high:Q",
    ).transform_filter(alt.datum.shape == "range")
    marks = base.mark_point(filled=True, size=110, opacity=1).encode(
        x="mid:T",
        y=alt.Y("value:Q", title=measure_label.capitalize(), axis=alt.Axis(format=",d"),
                scale=alt.Scale(zero=True)),
        shape=alt.Shape("shape:N", title="Figure stated as",
                        scale=alt.Scale(domain=list(_BOUND_SHAPES),
                                        range=list(_BOUND_SHAPES.values()))),
    ).transform_filter(alt.datum.shape != "range")
    layered = alt.layer(marks, spread, period).properties(width=WIDTH - 40, height=150)
    chart = layered.facet(
        row=alt.Row("group:N", title=None, header=alt.Header(
            labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top")),
        data=frame,
    ).resolve_scale(y="independent")
    claimants = ", ".join(sorted(set(points["side"])))
    return _finish(
        chart, points, f"Estimates of {measure_label}, by group, over time",
        "Bars span each estimate's range and the period it is dated to; estimates are "
        "shown side by side, never averaged.",
        f"Range chart of {len(points)} dated estimates of {measure_label} for "
        f"{points['group'].nunique()} groups, by who made the claim ({claimants}); vertical "
        "bars show low-to-high ranges, horizontal bars the month or year an estimate is "
        "dated to, triangles one-sided bounds.")


CONTACT_STATUS_SHAPES = {"occurred": "circle", "planned": "diamond", "cancelled": "cross"}


def contacts_timeline(events: pd.DataFrame) -> alt.Chart:
    """Contacts on a timeline: one row per set of parties; a bar where the date is only a
    month or year; filled for contacts that happened, hollow for planned or cancelled."""
    order = list(dict.fromkeys(events.sort_values("start")["label"]))
    tooltip = [alt.Tooltip("when:N", title="When"), alt.Tooltip("parties:N", title="Parties"),
               alt.Tooltip("via:N", title="Via"), alt.Tooltip("kind:N", title="Kind"),
               alt.Tooltip("status:N", title="Status"), alt.Tooltip("place:N", title="Where"),
               alt.Tooltip("topic:N", title="Topic")]
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=230))
    colour = alt.Color("kind:N", title="Kind of contact")
    base = alt.Chart(events).encode(y=y, color=colour, tooltip=tooltip)
    span = base.mark_bar(height=7, opacity=0.45).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(type="utc"),
                axis=alt.Axis(format="%Y")), x2="end:T")
    dots = base.mark_point(filled=True, size=90, strokeWidth=2, opacity=1).encode(
        x="start:T",
        shape=alt.Shape("status:N", title="Status",
                        scale=alt.Scale(domain=list(CONTACT_STATUS_SHAPES),
                                        range=list(CONTACT_STATUS_SHAPES.values())),
                        legend=alt.Legend(symbolFillColor=MUTED, symbolStrokeColor=MUTED)),
        stroke=alt.Stroke("kind:N", legend=None),
        fillOpacity=_hollow_unless(alt.datum.status == "occurred"))
    chart = alt.layer(span, dots).properties(width=WIDTH - 240, height=alt.Step(26))
    return _finish(
        chart, events, "Diplomatic contacts over time",
        "Bars span the month or year when a source gives no exact day; hollow marks are "
        "planned or cancelled.",
        f"Timeline of {len(events)} dated contacts between {len(order)} sets of parties, "
        f"from {events['start'].min():%Y} to {events['start'].max():%Y}, coloured by kind of "
        "contact; hollow marks are planned or cancelled contacts.")
