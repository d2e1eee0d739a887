"""Generated prose: every number, date and name comes from the data, with its citation.

Functions take tidy frames and a `Citations`, and return safe HTML (`Markup`).
"""

import pandas as pd

from . import dates, wording
from .citations import Citations
from .distinct import mapped
from .html import Markup, escape
from .load import Tables
from .prepare import (
    STAGES,
    actor_names,
    events_of,
    most_estimated,
    most_reported_routes,
    routes,
    worded,
)

STAGE_WORDS = {
    "alleged": "alleged", "denied": "denied", "intended": "intended by the buyer",
    "offered": "offered by the supplier", "negotiating": "under negotiation",
    "agreed": "agreed in principle", "ordered": "contracted", "delivered": "delivered",
}


def arms_summary(t: Tables, cite: Citations, limit: int | None = None) -> Markup:
    """One line per route: the furthest stage any report places it at, and what (the
    first `wording.NAMED` reports of it). With `limit`, the `limit` routes with most reports,
    and a count of the others."""
    a = t.arms_sales
    if a.empty:
        return Markup("<p>No arms transfers are recorded for this selection.</p>")
    total = a["route_key"].nunique()
    a = most_reported_routes(t, limit)
    a = a.assign(stage=mapped(a["status"], STAGES), route=routes(t, a))
    items = []
    for route, rows in a.groupby("route", sort=False):
        live = rows[rows["status"] != "denied"]
        furthest = (live if len(live) else rows).sort_values("stage")["status"].iloc[-1]
        top = rows[rows["status"] == furthest].sort_values("event_date_first")
        what = "; ".join(
            wording.quantity(r.quantity_qualifier, r.quantity_low, r.quantity_high,
                             r.system)
            + f" ({dates.display(r.event_date)})"
            for r in top.head(wording.NAMED).itertuples())
        if len(top) > wording.NAMED:
            what += f"; and {len(top) - wording.NAMED:,} more"
        line = Markup("<strong>{}</strong>: furthest stage reported <em>{}</em> — {}{}").format(
            route, STAGE_WORDS[furthest], what, cite.claims("arms_sales", top.index))
        denied = rows[rows["status"] == "denied"]
        if len(denied):
            line += Markup("; a denial is also on record{}").format(
                cite.claims("arms_sales", denied.index))
        items.append(Markup("<li>{}.</li>").format(line))
    shown = "" if len(items) == total else f" (the {len(items)} with most reports)"
    return Markup("<p>{} on {}{}:</p><ul class=\"findings\">{}</ul>").format(
        wording.plural(len(t.arms_sales), "report"), wording.plural(total, "route"), shown,
        Markup("").join(items))


def estimates_summary(t: Tables, points: pd.DataFrame, cite: Citations,
                      measure: str) -> Markup:
    """Per group: the latest dated estimate, and the spread of all estimates; for the
    `wording.NAMED` groups with most dated estimates, then a count of the others."""
    if points.empty:
        return Markup(f"<p>No dated estimates of {escape(measure)} in this selection.</p>")
    items = []
    groups = points["group"].nunique()
    # the most estimated groups, in name order
    for group, rows in most_estimated(points, wording.NAMED).groupby("group", sort=True):
        rows = rows.sort_values("start")
        latest, label = worded(t, rows.tail(1)).iloc[0], rows["row"].iloc[-1]
        low, high = rows["low"].min(), rows["high"].max()
        claimants = rows["claimant"].nunique()
        spread = (f"{wording.plural(len(rows), 'dated estimate')} from "
                  f"{wording.plural(claimants, 'claimant')} "
                  + (f"all give {wording.number(low)}" if low == high else
                     f"span {wording.number(low)} to {wording.number(high)}"))
        items.append(
            f"<li><strong>{escape(group)}</strong>: latest estimate "
            f"{escape(latest['figure'])} {escape(measure)} ({escape(latest['when'])}, "
            f"according to {escape(latest['claimant'])})"
            f"{cite.claim('fighter_estimates', label)}; "
            f"{'the only dated estimate' if len(rows) == 1 else spread}.</li>")
    if groups > wording.NAMED:
        others = wording.plural(groups - wording.NAMED, "other group")
        items.append(f"<li>and {others}, none estimated more often than those above.</li>")
    return Markup(f"<ul class=\"findings\">{''.join(items)}</ul>")


def contacts_summary(t: Tables, cite: Citations) -> Markup:
    """How many contacts, over what period, the first and the latest, intermediaries
    (the first `wording.NAMED` of them, by date, and a count of the others)."""
    c = t.diplomatic_contacts
    start = c["date_first"].dropna()
    if start.empty:
        return Markup("<p>No dated diplomatic contacts in this selection.</p>")
    undated = len(c) - len(start)
    # the first of the earliest, the last of the latest, in table order
    ends = [start.idxmin(), start[::-1].idxmax()]
    first, last = events_of(t, c.loc[ends]).iloc
    parts = [
        f"<p>{wording.plural(len(start), 'dated contact')} between "
        f"{escape(dates.display(str(first['start'].year)))} and "
        f"{escape(str(last['start'].year))}"
        + (f" (and {wording.plural(undated, 'undated one')})" if undated else "") + ". "
        f"The earliest: {escape(first['topic'])} ({escape(first['when'])}, "
        f"{escape(first['place'])}){cite.claim('diplomatic_contacts', ends[0])}. "
        f"The latest: {escape(last['topic'])} ({escape(last['when'])}, "
        f"{escape(last['place'])}){cite.claim('diplomatic_contacts', ends[1])}.</p>"
    ]
    by_date = start[c["via"].reindex(start.index).notna()].sort_values(kind="stable")
    via = c["via"].reindex(by_date.index)
    if not via.empty:
        names = pd.unique(mapped(via, actor_names(t)))
        parts.append(f"<p>Intermediaries on record: "
                     f"{escape(wording.series(list(names), wording.NAMED))}"
                     f"{cite.claims('diplomatic_contacts', via.index)}"
                     ".</p>")
    return Markup("".join(parts))
