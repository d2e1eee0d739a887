"""Chart functions: a tidy frame (from `analysis.prepare`) in, an Altair chart out.

No display, no files. Every chart has a title, a description for screen readers, and
`usermeta.sources` (the source ids behind what it draws), from which the brief prints its
source line.
"""

import altair as alt
import pandas as pd

from . import theme  # noqa: F401  (registers and enables the theme)
from .theme import OKABE_ITO, WIDTH
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
    frame = routes.assign(confirmed=routes["status"].isin(CONFIRMED).map(
        {True: "contract or delivery", False: "claim, offer or talks"}))
    chart = alt.Chart(frame).mark_point(strokeWidth=2.5, opacity=1).encode(
        x=alt.X("status:N", sort=stages, scale=alt.Scale(domain=stages),
                title="Stage reported, from allegation to delivery",
                axis=alt.Axis(labelAngle=0, orient="top", grid=True)),
        y=alt.Y("route:N", title=None, sort=list(dict.fromkeys(frame["route"]))),
        size=alt.Size("reports:Q", title="Reports", scale=alt.Scale(range=[90, 520]),
                      legend=alt.Legend(values=sorted(set(frame["reports"])))),
        color=alt.Color("status:N", scale=alt.Scale(domain=stages,
                                                    range=list(STATUS_COLOURS.values())),
                        legend=None),
        fill=alt.condition(alt.FieldOneOfPredicate(field="status", oneOf=list(CONFIRMED)),
                           alt.Color("status:N"), alt.value("white")),
        shape=alt.Shape("confirmed:N", title=None,
                        scale=alt.Scale(domain=["contract or delivery",
                                                "claim, offer or talks"],
                                        range=["circle", "circle"])),
        tooltip=[alt.Tooltip("route:N", title="Route"), alt.Tooltip("status:N", title="Stage"),
                 alt.Tooltip("systems:N", title="What"),
                 alt.Tooltip("reports:Q", title="Reports")],
    ).properties(width=WIDTH - 230, height=alt.Step(34))
    routes_n = frame["route"].nunique()
    return _finish(
        chart, frame, "Arms transfers by route and stage",
        "Filled: contract signed or delivered. Hollow: alleged, offered or in talks.",
        f"Dot chart of {len(frame)} route-and-stage combinations across {routes_n} supply "
        "routes; each dot is a stage (alleged, denied, intended, offered, negotiating, "
        "agreed, ordered, delivered) that reports place a route at, sized by the number "
        "of reports; contract and delivery stages are filled, earlier stages hollow.",
        column="sources")


_BOUND_SHAPES = {"point": "circle", "upper bound": "triangle-down",
                 "lower bound": "triangle-up", "range": "stroke"}


def estimate_ranges(points: pd.DataFrame, measure_label: str = "fighters") -> alt.Chart:
    """Estimates as ranges over time, one panel per group: a box spans the period the
    estimate covers and its low-high range; triangles mark one-sided bounds."""
    base = alt.Chart().encode(color=alt.Color("side:N", title="Claim made by"))
    tooltip = [alt.Tooltip("group:N", title="Group"), alt.Tooltip("figure:N", title="Figure"),
               alt.Tooltip("when:N", title="As of"), alt.Tooltip("claimant:N", title="Claimed by")]
    span = base.mark_rect(opacity=0.22, strokeWidth=1, strokeOpacity=0.9).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(type="utc")), x2="end:T",
        y=alt.Y("low:Q", title=measure_label.capitalize(), axis=alt.Axis(format=",d"),
                scale=alt.Scale(zero=True)),
        y2="high:Q", stroke=alt.Color("side:N"), tooltip=tooltip)
    ranges = base.mark_rule(strokeWidth=2.5).encode(
        x="mid:T", y="low:Q", y2="high:Q", tooltip=tooltip,
    ).transform_filter(alt.datum.shape == "range")
    marks = base.mark_point(filled=True, size=70, opacity=1).encode(
        x="mid:T", y="high:Q",
        shape=alt.Shape("shape:N", title="Figure stated as",
                        scale=alt.Scale(domain=list(_BOUND_SHAPES),
                                        range=list(_BOUND_SHAPES.values()))),
        tooltip=tooltip)
    layered = alt.layer(span, ranges, marks).properties(width=WIDTH - 60, height=170)
    chart = layered.facet(
        row=alt.Row("group:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left",
                                                             labelAnchor="start",
                                                             labelOrient="top")),
        data=points,
    ).resolve_scale(y="independent")
    claimants = ", ".join(sorted(set(points["side"])))
    return _finish(
        chart, points, f"Estimates of {measure_label}, by group, over time",
        "Each estimate drawn as its range over the period it covers; sources are not "
        "averaged.",
        f"Range chart of {len(points)} dated estimates of {measure_label} for "
        f"{points['group'].nunique()} groups, claims made by {claimants}; boxes show each "
        "estimate's low-to-high range over the period it covers, triangles mark upper or "
        "lower bounds.")


CONTACT_STATUS_SHAPES = {"occurred": "circle", "planned": "diamond", "cancelled": "cross"}


def contacts_timeline(events: pd.DataFrame) -> alt.Chart:
    """Contacts on a timeline: one row per set of parties; a span where the date is only a
    month or year; filled for contacts that happened, hollow for planned or cancelled."""
    order = list(dict.fromkeys(events.sort_values("start")["label"]))
    tooltip = [alt.Tooltip("when:N", title="When"), alt.Tooltip("parties:N", title="Parties"),
               alt.Tooltip("via:N", title="Via"), alt.Tooltip("kind:N", title="Kind"),
               alt.Tooltip("status:N", title="Status"), alt.Tooltip("place:N", title="Where"),
               alt.Tooltip("topic:N", title="Topic")]
    y = alt.Y("label:N", title=None, sort=order)
    base = alt.Chart(events).encode(y=y, color=alt.Color("kind:N", title="Kind of contact"))
    span = base.mark_bar(height=6, opacity=0.45).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(type="utc")), x2="end:T",
        tooltip=tooltip)
    dots = base.mark_point(size=80, strokeWidth=2, opacity=1).encode(
        x="start:T",
        shape=alt.Shape("status:N", title="Status",
                        scale=alt.Scale(domain=list(CONTACT_STATUS_SHAPES),
                                        range=list(CONTACT_STATUS_SHAPES.values()))),
        fill=alt.condition(alt.datum.status == "occurred", alt.Color("kind:N"),
                           alt.value("white")),
        tooltip=tooltip)
    chart = alt.layer(span, dots).properties(width=WIDTH - 200, height=alt.Step(24))
    return _finish(
        chart, events, "Diplomatic contacts over time",
        "Bars span the month or year when a source gives no exact day.",
        f"Timeline of {len(events)} dated contacts between {len(order)} sets of parties, "
        f"from {events['start'].min():%Y} to {events['start'].max():%Y}, coloured by kind of "
        "contact; hollow marks are planned or cancelled contacts.")



