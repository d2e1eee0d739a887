"""Chart functions: a tidy frame (from `analysis.prepare`) in, an Altair chart out.

No display, no files. Every chart has a title, a description for screen readers, and
`usermeta.sources` (the source ids behind what it draws), from which the brief prints its
source line.
"""

import math

import altair as alt
import pandas as pd

from . import theme  # noqa: F401  (registers and enables the theme)
from .theme import CATEGORICAL, MUTED, OKABE_ITO, WIDTH
from .vocab import ACTOR_KINDS, ARMS_STATUSES
from .wording import listed, plural

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
    # what the marks and tooltips use, the systems cut to a few (the data is embedded)
    data = routes[["route", "status", "reports"]].assign(
        systems=_few(routes["systems"], sep=", "))
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
                        scale=alt.Scale(domain=list(_BOUND_SHAPES),
                                        range=list(_BOUND_SHAPES.values()))),
    ).transform_filter(alt.datum.shape != "range")
    # aria=False on the layers: an empty layer in a facet panel would otherwise be an
    # unlabelled graphics-symbol (axe: svg-img-alt); the chart is labelled as a whole.
    layered = alt.layer(marks, spread, period).properties(width=WIDTH - 40, height=150)
    chart = layered.facet(
        row=alt.Row("group:N", title=None, header=alt.Header(
            labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top")),
        data=frame,
    ).resolve_scale(y="independent")
    claimants = listed(sorted(set(points["side"])))
    return _finish(
        chart, points, f"Estimates of {measure_label}, by group, over time",
        "Bars span each estimate's range and the period it is dated to; estimates are "
        "shown side by side, never averaged.",
        f"Range chart of {plural(len(points), 'dated estimate')} of {measure_label} for "
        f"{plural(points['group'].nunique(), 'group')}, by who made the claim ({claimants}); "
        "vertical bars show low-to-high ranges, horizontal bars the month or year an estimate is "
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
        f"Timeline of {plural(len(events), 'dated contact')} between "
        f"{plural(len(order), 'set')} of parties, "
        f"from {events['start'].min():%Y} to {events['start'].max():%Y}, coloured by kind of "
        "contact; hollow marks are planned or cancelled contacts.")


def arms_timeline(events: pd.DataFrame) -> alt.Chart:
    """Each deal's dated reports on a timeline, coloured by stage: a bar spans the month or
    year a date gives; filled marks for contracts and deliveries, hollow for the rest."""
    stages = list(ARMS_STATUSES)
    colours = alt.Scale(domain=stages, range=list(STATUS_COLOURS.values()))
    order = list(dict.fromkeys(events.sort_values("start")["deal"]))
    tooltip = [alt.Tooltip("what:N", title="Report"), alt.Tooltip("when:N", title="When")]
    base = alt.Chart(events).encode(
        y=alt.Y("deal:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("status:N", scale=colours, title="Stage"), tooltip=tooltip)
    span = base.mark_bar(height=7, opacity=0.4).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(type="utc"),
                axis=alt.Axis(format="%Y")), x2="end:T")
    dots = base.mark_point(filled=True, size=90, strokeWidth=2, opacity=1).encode(
        x="start:T", stroke=alt.Stroke("status:N", scale=colours, legend=None),
        fillOpacity=_hollow_unless(alt.FieldOneOfPredicate(field="status",
                                                           oneOf=list(CONFIRMED))))
    chart = alt.layer(span, dots).properties(width=WIDTH - 260, height=alt.Step(26))
    return _finish(
        chart, events, "Arms deals over time",
        "Each dated report at the stage it describes; bars span a month or year.",
        f"Timeline of {plural(len(events), 'dated report')} on {plural(len(order), 'deal')} from "
        f"{events['start'].min():%Y} to {events['start'].max():%Y}, coloured by stage; "
        "contracts and deliveries filled, earlier stages hollow.")


def evidence_profile(profile: pd.DataFrame) -> alt.Chart:
    """How many reports rest on sources of each reliability grade, by kind of source."""
    grades = list("ABCDEF")
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
    return _finish(
        chart, profile, "Reports by source reliability",
        "Reports by their source's Admiralty grade: A completely reliable to F cannot be "
        "judged.",
        f"Bar chart of {plural(total, 'report')} by source reliability grade ({words}), split "
        "by kind of source.", column="source_id")


def _few(lists: pd.Series, keep: int = 6, sep: str = ",") -> pd.Series:
    """`sep`-separated lists cut to their first `keep` items, '… (N in all)' after."""
    items = lists.str.split(sep)
    return items.map(lambda xs: sep.join(xs) if len(xs) <= keep
                     else sep.join(xs[:keep]) + f"… ({len(xs)} in all)")


def _nothing(title: str, message: str, description: str) -> alt.Chart:
    """A chart with only a line of text, for a frame with nothing to draw."""
    empty = pd.DataFrame({"message": [message]})
    chart = alt.Chart(empty).mark_text(align="left", color=MUTED, fontSize=12).encode(
        text="message:N").properties(width=WIDTH, height=30)
    return _finish(chart, empty.assign(source_id=None), title, "", description)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


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
        return _nothing("Part of a whole", "No figure with a stated total.",
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
    what = (f"{noun.capitalize()} with {_article(groups[0])} {groups[0]} presence"
            if len(groups) == 1 and cells["measure"].iloc[0] == "provinces_with_presence"
            else f"{noun.capitalize()} counted, out of the whole")
    figures = cells.drop_duplicates("label")
    stated = "; ".join(
        f"{f.label.split(' — ')[0]} in {f.area}, according to {f.claimant} ({f.when}"
        f"{', ' + str(f.reports) + ' reports' if f.reports > 1 else ''})"
        for f in figures.itertuples())
    return _finish(
        chart, figures, what,
        f"One square per {noun.removesuffix('s')}; sources say how many, not which, so the "
        "squares are in no geographic order.",
        f"Grid of squares, one per {noun.removesuffix('s')}, filled for those counted"
        f"{', pale where a range leaves them uncertain' if 'uncertain' in levels.index else ''}: "
        f"{stated}. The sources do not name the {noun}, so the squares are not placed on a "
        "map.")


_LINKS = {"direct": [1, 0], "through an intermediary": [5, 4]}
"""strokeDash of an edge: solid between the parties, dashed through an intermediary."""
_NET_X, _NET_PAD = (-1.5, 1.5), 0.12
"""x domain of the layout (which spans -1 to 1), with room for labels; room above and below."""
_NODE_AREA = (110, 1000)
"""Circle area in square pixels, from the fewest contacts to the most."""


def contact_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.Chart:
    """Who talks to whom: a circle per actor (sized by its contacts, hollow for
    intermediaries), a line per pair (wider for more contacts, dashed through an
    intermediary). Positions are the x/y of `prepare.contact_graph`; axes mean nothing.

    Empty frames (no contacts) give a chart that says so, so callers need no check."""
    title = "Who talks to whom"
    if nodes.empty:
        return _nothing(title, "No diplomatic contacts recorded.",
                        "No diplomatic contacts are recorded, so there is no network.")
    sources = pd.DataFrame({"source_id": _sources(edges)})
    contacts = edges["contact_ids"].str.split(",").explode().nunique()
    # tooltips list a few ids, not hundreds: the chart's data is embedded in the brief
    edges = edges.assign(link=edges["via"].map({True: "through an intermediary",
                                               False: "direct"}),
                         contact_ids=_few(edges["contact_ids"]),
                         source_id=_few(edges["source_id"]))
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
    widths = sorted({edges["contacts"].min(), edges["contacts"].max()})
    rules = alt.Chart(edges).mark_rule(color=MUTED, opacity=0.6).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("contacts:Q", title="Contacts recorded",
                                    scale=alt.Scale(domain=[1, max(widths[-1], 2)],
                                                    range=[1.5, 9]),
                                    legend=alt.Legend(values=widths, symbolType="stroke",
                                                      symbolSize=400)),
        strokeDash=alt.StrokeDash("link:N", title="Link", scale=alt.Scale(
            domain=list(_LINKS), range=list(_LINKS.values()))),
        tooltip=[alt.Tooltip("pair:N", title="Between"),
                 alt.Tooltip("contacts:Q", title="Contacts"),
                 alt.Tooltip("link:N", title="Link"),
                 alt.Tooltip("contact_ids:N", title="Contact ids"),
                 alt.Tooltip("source_id:N", title="Sources")])
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
        fillOpacity=_hollow_unless(alt.datum.role != "intermediary"),
        tooltip=[alt.Tooltip("name:N", title="Actor"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("role:N", title="Role"),
                 alt.Tooltip("contacts:Q", title="Contacts"),
                 alt.Tooltip("as_intermediary:Q", title="As intermediary")])
    labels = [alt.Chart(nodes).mark_text(align=align, baseline="middle").encode(
        x=alt.X("label_x:Q"), y=y, text="name:N").transform_filter(alt.datum.side == sign)
        for align, sign in [("left", 1), ("right", -1)]]
    height = round((y_domain[1] - y_domain[0]) * per_unit)
    chart = alt.layer(rules, discs, circles, *labels).properties(width=WIDTH, height=height)

    parties = nodes[nodes["as_party"] > 0]
    middle = nodes.loc[nodes["role"] == "intermediary", "name"]
    via = (f" {listed(middle)} {'acts' if len(middle) == 1 else 'act'} as intermediary "
           "(hollow circle); the parties linked through it are joined to it by dashed lines."
           if len(middle) else "")
    busiest = edges.sort_values("contacts", ascending=False).iloc[0]
    return _finish(
        chart, sources, title,
        ["Line width: contacts recorded, dated or not, planned ones included (a contact "
         "reported by several sources", "counts once per report). Dashed lines and hollow "
         "circles: contacts through an intermediary."],
        f"Network of {plural(len(nodes), 'actor')} ({len(parties)} of them parties to "
        f"contacts) joined by {plural(len(edges), 'link')}, over "
        f"{plural(contacts, 'recorded contact')}; the most frequent link is "
        f"{busiest['pair']} ({plural(busiest['contacts'], 'contact')}).{via}")
