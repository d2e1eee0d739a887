"""Arms transfers: a line per route at its furthest stage, the routes by stage, each
deal's dated reports (deep dive), and a table of deals with every stage reported."""

from typing import TYPE_CHECKING

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact
from analysis.brief.section import Section, drawn, focused, heading, shown
from analysis.charts import arms as charts
from analysis.charts.figure import Figure
from analysis.core import dates, words
from analysis.core.distinct import mapped
from analysis.core.markup import Markup, table
from analysis.evidence import arms
from analysis.evidence.describe import routes
from analysis.tables.load import Tables
from analysis.tables.quantities import quantity
from analysis.tables.vocab import ARMS_STATUSES, STAGES

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief", timeline: bool = False) -> Section:
    """Routes, stages and deals; with `timeline`, each deal's dated reports too."""
    t, cite = b.t, b.cite
    a = t.arms_sales
    facts = {"arms_reports": Fact(words.plural(len(a), "report")),
             "arms_routes": Fact(words.plural(a["route_key"].nunique(), "route"))}
    parts: list[Markup | Figure] = [heading("arms"), summary(t, cite, limits.SUMMARY_ROUTES)]
    if not a.empty:
        found = arms.arms_routes(t, limits.CHART_ROUTES)
        parts.append(Figure(charts.arms_status(found), cite.sources(
            found["sources"].str.split(",").explode())))
        events = (arms.arms_events(t, limits.CHART_POINTS, limits.CHART_ROWS) if timeline
                  else [])
        if len(events):
            dated = a["deal_key"][a["event_date_first"].notna()]
            shown_events, left_out = focused(events, "dated report")
            parts.append(Figure(charts.arms_timeline(shown_events), cite.sources(
                shown_events["source_id"]) + drawn(dated, limits.CHART_ROWS, "deals",
                                                   len(events), "dated report") + left_out))
        parts.append(_table(t, cite))
    return Section("arms", *parts, facts=facts)


def summary(t: Tables, cite: Citations, limit: int | None = None) -> Markup:
    """One line per route: the furthest stage any report places it at, and what (the
    first `words.NAMED` reports of it). With `limit`, the `limit` routes with most reports,
    and a count of the others."""
    a = t.arms_sales
    if a.empty:
        return Markup("<p>No arms transfers are recorded for this selection.</p>")
    total = a["route_key"].nunique()
    a = arms.most_reported_routes(t, limit)
    a = a.assign(stage=mapped(a["status"], STAGES), route=routes(t, a))
    items = []
    for route, rows in a.groupby("route", sort=False):
        live = rows[rows["status"] != "denied"]
        furthest = (live if len(live) else rows).sort_values("stage")["status"].iloc[-1]
        top = rows[rows["status"] == furthest].sort_values("event_date_first")
        what = "; ".join(
            quantity(r.quantity_qualifier, r.quantity_low, r.quantity_high, r.system)
            + f" ({dates.display(r.event_date)})"
            for r in top.head(words.NAMED).itertuples())
        if len(top) > words.NAMED:
            what += f"; and {len(top) - words.NAMED:,} more"
        line = Markup("<strong>{}</strong>: furthest stage reported <em>{}</em> — {}{}").format(
            route, ARMS_STATUSES[furthest].words, what, cite.claims("arms_sales", top.index))
        denied = rows[rows["status"] == "denied"]
        if len(denied):
            line += Markup("; a denial is also on record{}").format(
                cite.claims("arms_sales", denied.index))
        items.append(Markup("<li>{}.</li>").format(line))
    which = "" if len(items) == total else f" (the {len(items)} with most reports)"
    return Markup("<p>{} on {}{}:</p><ul class=\"findings\">{}</ul>").format(
        words.plural(len(t.arms_sales), "report"), words.plural(total, "route"), which,
        Markup("").join(items))


def _table(t: Tables, cite: Citations) -> Markup:
    rows = []
    deals = arms.arms_deals(t, limits.TABLE_ROWS)
    for deal in deals.itertuples():
        stages = Markup(" → ").join(
            Markup("<span class=\"stage stage-{0}\">{0}</span>{1}").format(
                status, (f" {when}" if when else "")
                + (f" ({'; '.join(stated)})" if stated else ""))
            for status, when, stated in deal.stages)
        rows.append((deal.route, deal.system, stages, cite.claims("arms_sales", deal.rows)))
    total = t.arms_sales["deal_key"].nunique()
    return table(["Route", "What", "Stages reported, in order", "Sources"], rows,
                 caption="Each deal once, with every stage reported for it"
                 + shown(len(deals), total, "deal", "most reported") + ".",
                 classes="compact")
