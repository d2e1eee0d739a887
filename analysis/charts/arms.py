"""Arms transfers: routes by stage, and each deal's dated reports."""

from collections.abc import Mapping

import altair as alt
import pandas as pd

from analysis.charts.marks import few, finish, hollow_unless, lanes, time_scale, year_axis
from analysis.charts.theme import MUTED, OKABE_ITO, WIDTH
from analysis.core.words import cardinal, plural, series
from analysis.tables.vocab import ARMS_STATUSES, CONFIRMED


def _colours() -> alt.Scale:
    """Each stage's colour, in stage order."""
    return alt.Scale(domain=list(ARMS_STATUSES),
                     range=[OKABE_ITO[s.colour] for s in ARMS_STATUSES.values()])


def _confirmed_filled() -> Mapping[str, object]:
    """Confirmed stages drawn filled, the others hollow."""
    return hollow_unless(alt.FieldOneOfPredicate(field="status", oneOf=list(CONFIRMED)))


def arms_status(routes: pd.DataFrame) -> alt.Chart:
    """Who supplies whom, and how far each reported transfer got: one row per route, one
    column per stage, from allegation to delivery."""
    stages, colours = list(ARMS_STATUSES), _colours()
    tooltip = [alt.Tooltip("route:N", title="Route"), alt.Tooltip("status:N", title="Stage"),
               alt.Tooltip("systems:N", title="What"), alt.Tooltip("reports:Q", title="Reports")]
    # what the marks and tooltips use, the systems cut to a few (the data is embedded)
    data = routes[["route", "status", "reports"]].assign(
        systems=few(routes["systems"], sep=", "))
    chart = alt.Chart(data).mark_point(filled=True, strokeWidth=2.5, opacity=1).encode(
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
        fillOpacity=_confirmed_filled(),
        tooltip=tooltip,
    ).properties(width=alt.Step(64), height=alt.Step(34))
    return finish(
        chart, routes, "Arms transfers by route and stage",
        f"Filled: {series(_labels(True), conjunction='or')}. "
        f"Hollow: {series(_labels(False), conjunction='or')}.",
        f"Dot chart of {routes['route'].nunique()} supply routes against "
        f"{cardinal(len(stages))} stages from allegation to delivery; a dot marks each stage "
        "that reports place a route at, sized by the number of reports; contract and "
        "delivery stages are filled, earlier stages hollow.",
        column="sources")


def arms_timeline(events: pd.DataFrame) -> alt.Chart:
    """Each deal's dated reports on a timeline, coloured by stage: a bar spans the month or
    year a date gives; filled marks for contracts and deliveries, hollow for the rest."""
    colours = _colours()
    order = list(dict.fromkeys(events.sort_values("start")["deal"]))
    width = WIDTH - 260
    events = events.assign(offset=lanes(events, "deal", width))
    tooltip = [alt.Tooltip("what:N", title="Report"), alt.Tooltip("when:N", title="When")]
    stages = [s for s in ARMS_STATUSES if s in set(events["status"])]
    base = alt.Chart(events).encode(
        y=alt.Y("deal:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("offset:Q", scale=None),
        color=alt.Color("status:N", scale=colours, title="Stage",
                        legend=alt.Legend(values=stages, symbolOpacity=1)), tooltip=tooltip)
    span = base.mark_bar(height=7, opacity=0.4).encode(
        x=alt.X("start:T", title=None, scale=time_scale(), axis=year_axis()),
        x2="end:T")
    dots = base.mark_point(filled=True, size=90, strokeWidth=2, opacity=1).encode(
        x="start:T", stroke=alt.Stroke("status:N", scale=colours, legend=None),
        fillOpacity=_confirmed_filled())
    chart = alt.layer(span, dots).properties(width=width, height=alt.Step(26))
    return finish(
        chart, events, "Arms deals over time",
        "Each dated report at the stage it describes; bars span a month or year.",
        f"Timeline of {plural(len(events), 'dated report')} on {plural(len(order), 'deal')} from "
        f"{events['start'].min():%Y} to {events['start'].max():%Y}, coloured by stage; "
        "contracts and deliveries filled, earlier stages hollow.")


def _labels(confirmed: bool) -> list[str]:
    return [s.label for s in ARMS_STATUSES.values() if s.confirmed == confirmed]
