"""Diplomatic contacts: a timeline, and who talks to whom."""

import math
from typing import Literal

import altair as alt
import pandas as pd

from analysis.charts.marks import (
    few,
    finish,
    hollow_unless,
    lanes,
    nothing,
    source_ids,
    time_scale,
    year_axis,
)
from analysis.charts.theme import CATEGORICAL, MUTED, WIDTH, stable_colours
from analysis.core.words import listed, plural
from analysis.tables.vocab import ACTOR_KINDS, CONTACT_KINDS

CONTACT_STATUS_SHAPES = {"occurred": "circle", "planned": "diamond", "cancelled": "cross"}


def contacts_timeline(events: pd.DataFrame) -> alt.Chart:
    """Contacts on a timeline: one row per set of parties; a bar where the date is only a
    month or year; filled for contacts that happened, hollow for planned or cancelled."""
    order = list(dict.fromkeys(events.sort_values("start")["label"]))
    width = WIDTH - 240
    events = events.assign(offset=lanes(events, "label", width))
    tooltip = [alt.Tooltip("when:N", title="When"), alt.Tooltip("parties:N", title="Parties"),
               alt.Tooltip("via:N", title="Via"), alt.Tooltip("kind:N", title="Kind"),
               alt.Tooltip("status:N", title="Status"), alt.Tooltip("place:N", title="Where"),
               alt.Tooltip("topic:N", title="Topic")]
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=230))
    kinds = stable_colours(events["kind"])
    colour = alt.Color("kind:N", title="Kind of contact", scale=kinds, legend=alt.Legend(
        values=[k for k in CONTACT_KINDS if k in set(events["kind"])], symbolOpacity=1))
    base = alt.Chart(events).encode(y=y, yOffset=alt.YOffset("offset:Q", scale=None),
                                    color=colour, tooltip=tooltip)
    span = base.mark_bar(height=7, opacity=0.45).encode(
        x=alt.X("start:T", title=None, scale=time_scale(), axis=year_axis()),
        x2="end:T")
    dots = base.mark_point(filled=True, size=90, strokeWidth=2, opacity=1).encode(
        x="start:T",
        shape=alt.Shape("status:N", title="Status",
                        scale=alt.Scale(domain=list(CONTACT_STATUS_SHAPES),
                                        range=list(CONTACT_STATUS_SHAPES.values())),
                        legend=alt.Legend(symbolFillColor=MUTED, symbolStrokeColor=MUTED)),
        stroke=alt.Stroke("kind:N", scale=kinds, legend=None),
        fillOpacity=hollow_unless(alt.datum.status == "occurred"))
    chart = alt.layer(span, dots).properties(width=width, height=alt.Step(26))
    return finish(
        chart, events, "Diplomatic contacts over time",
        "Bars span the month or year when a source gives no exact day; hollow marks are "
        "planned or cancelled.",
        f"Timeline of {plural(len(events), 'dated contact')} between "
        f"{plural(len(order), 'set')} of parties, "
        + (f"from {events['start'].min():%Y} to {events['start'].max():%Y}"
           if events["start"].min().year != events["start"].max().year
           else f"in {events['start'].min():%Y}") + ", coloured by kind of "
        "contact; hollow marks are planned or cancelled contacts.")


_LINKS = {"direct": [1, 0], "through an intermediary": [5, 4]}
"""strokeDash of an edge: solid between the parties, dashed through an intermediary."""


_NET_X, _NET_PAD = (-1.5, 1.5), 0.12
"""x domain of the layout (which spans -1 to 1), with room for labels; room above and below."""
_NODE_AREA = (110, 1000)
"""Circle area in square pixels, from the fewest contacts to the most."""


def contact_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.Chart:
    """Who talks to whom: a circle per actor (sized by its contacts, hollow for
    intermediaries), a line per pair (wider for more contacts, dashed through an
    intermediary). Positions are the x/y of `evidence.contacts.contact_graph`; axes mean
    nothing.

    Empty frames (no contacts) give a chart that says so, so callers need no check."""
    title = "Who talks to whom"
    if nodes.empty:
        return nothing(title, "No diplomatic contacts recorded.",
                        "No diplomatic contacts are recorded, so there is no network.")
    sources = pd.DataFrame({"source_id": source_ids(edges)})
    contacts = edges["contact_ids"].str.split(",").explode().nunique()
    # tooltips list a few ids, not hundreds: the chart's data is embedded in the brief
    edges = edges.assign(link=edges["via"].map({True: "through an intermediary",
                                               False: "direct"}),
                         contact_ids=few(edges["contact_ids"]),
                         source_id=few(edges["source_id"]))
    # Circle areas are computed here, not by a scale, so each label can start just beyond
    # its circle: to the right on the right half of the picture, to the left elsewhere.
    low, high = _NODE_AREA
    area = low + (high - low) * nodes["contacts"] / nodes["contacts"].max()
    per_unit = WIDTH / (_NET_X[1] - _NET_X[0])  # pixels per layout unit, on both axes
    y_domain = [nodes["y"].min() - _NET_PAD, nodes["y"].max() + _NET_PAD]
    side = nodes["x"].ge(0).map({True: 1, False: -1})
    nodes = nodes.assign(area=area, side=side,
                         label_x=nodes["x"] + side * ((area / math.pi) ** 0.5 + 5) / per_unit)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=list(_NET_X), nice=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=y_domain, nice=False))
    height = round((y_domain[1] - y_domain[0]) * per_unit)
    chart = alt.layer(_lines(edges, x, y), *_actors(nodes, x, y)).properties(
        width=WIDTH, height=height)
    return finish(
        chart, sources, title,
        ["Line width: contacts recorded, dated or not, planned ones included (a contact "
         "reported by several sources", "counts once per report). Dashed lines and hollow "
         "circles: contacts through an intermediary."],
        _network_description(nodes, edges, contacts))


def _lines(edges: pd.DataFrame, x: alt.X, y: alt.Y) -> alt.Chart:
    """A line per link: wider for more contacts, dashed through an intermediary."""
    widths = sorted({edges["contacts"].min(), edges["contacts"].max()})
    return alt.Chart(edges).mark_rule(color=MUTED, opacity=0.6).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("contacts:Q", title="Contacts recorded",
                                    scale=alt.Scale(domain=[1, max(widths[-1], 2)],
                                                    range=[1.5, 9]),
                                    legend=alt.Legend(values=widths, symbolType="stroke",
                                                      symbolSize=400, format="d")),
        strokeDash=alt.StrokeDash("link:N", title="Link", scale=alt.Scale(
            domain=list(_LINKS), range=list(_LINKS.values()))),
        tooltip=[alt.Tooltip("pair:N", title="Between"),
                 alt.Tooltip("contacts:Q", title="Contacts"),
                 alt.Tooltip("link:N", title="Link"),
                 alt.Tooltip("contact_ids:N", title="Contact ids"),
                 alt.Tooltip("source_id:N", title="Sources")])


def _actors(nodes: pd.DataFrame, x: alt.X, y: alt.Y) -> list[alt.Chart]:
    """The layers of the actors: white discs, circles by kind (hollow for intermediaries),
    and their names beside them."""
    base = alt.Chart(nodes).encode(x=x, y=y, size=alt.Size("area:Q", scale=None))
    # A white disc under every circle hides the line ends inside hollow ones.
    discs = base.mark_circle(color="white", opacity=1)
    # One colour per kind of actor whatever kinds an edition has; the legend lists those drawn.
    kind = alt.Scale(domain=list(ACTOR_KINDS), range=CATEGORICAL[:len(ACTOR_KINDS)])
    kinds = [k for k in ACTOR_KINDS if k in set(nodes["kind"])]
    circles = base.mark_circle(opacity=1, strokeWidth=2.5).encode(
        fill=alt.Fill("kind:N", title="Actor", scale=kind,
                      legend=alt.Legend(values=kinds,
                                        labelExpr="replace(datum.label, '_', ' ')")),
        stroke=alt.Stroke("kind:N", scale=kind, legend=None),
        fillOpacity=hollow_unless(alt.datum.role != "intermediary"),
        tooltip=[alt.Tooltip("name:N", title="Actor"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("role:N", title="Role"),
                 alt.Tooltip("contacts:Q", title="Contacts"),
                 alt.Tooltip("as_intermediary:Q", title="As intermediary")])
    sides: list[tuple[Literal["left", "right"], int]] = [("left", 1), ("right", -1)]
    labels = [alt.Chart(nodes).mark_text(align=align, baseline="middle").encode(
        x=alt.X("label_x:Q"), y=y, text="name:N").transform_filter(alt.datum.side == sign)
        for align, sign in sides]
    return [discs, circles, *labels]


def _network_description(nodes: pd.DataFrame, edges: pd.DataFrame, contacts: int) -> str:
    parties = nodes[nodes["as_party"] > 0]
    middle = nodes.loc[nodes["role"] == "intermediary", "name"]
    via = (f" {listed(middle)} {'acts' if len(middle) == 1 else 'act'} as intermediary "
           "(hollow circle); the parties linked through it are joined to it by dashed lines."
           if len(middle) else "")
    busiest = edges.sort_values("contacts", ascending=False).iloc[0]
    return (f"Network of {plural(len(nodes), 'actor')} ({len(parties)} of them parties to "
            f"contacts) joined by {plural(len(edges), 'link')}, over "
            f"{plural(contacts, 'recorded contact')}; the most frequent link is "
            f"{busiest['pair']} ({plural(busiest['contacts'], 'contact')}).{via}")
