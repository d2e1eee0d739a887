"""Arms transfers: routes, deals and their stages, dated reports, as tidy frames for the
brief's charts and tables."""

import pandas as pd

from analysis.core import words
from analysis.core.dates import DAY
from analysis.core.distinct import mapped
from analysis.core.ranking import latest, of_most
from analysis.evidence.describe import dated, describe, routes
from analysis.tables import derived
from analysis.tables.load import Tables
from analysis.tables.quantities import quantities
from analysis.tables.vocab import STAGES

STAGE_QUANTITIES = 2
"""Quantities a deal's stage lists, then a count (the default data's list at most 2)."""


def most_reported_routes(t: Tables, limit: int | None) -> pd.DataFrame:
    """The arms rows of the `limit` routes with most reports (all rows without `limit`)."""
    if not limit:
        return t.arms_sales
    return t.arms_sales[of_most(t.arms_sales["route_key"], limit)]


def arms_routes(t: Tables, limit: int | None = None) -> pd.DataFrame:
    """One row per route (supplier -> recipient, via) and status: report count, systems.
    With `limit`, only the `limit` routes with most reports."""
    a = most_reported_routes(t, limit)
    frame = pd.DataFrame({
        "route": routes(t, a), "status": a["status"], "system": a["system"],
        "source_id": a["source_id"],
    })
    grouped = frame.groupby(["route", "status"], sort=False, observed=True)
    out = grouped.agg(
        reports=("system", "size"),
        systems=("system", lambda s: ", ".join(dict.fromkeys(s))),
        sources=("source_id", lambda s: ",".join(sorted(set(s)))),
    ).reset_index()
    out["stage"] = out["status"].map(STAGES)
    return out.sort_values(["route", "stage"]).reset_index(drop=True)


def arms_deals(t: Tables, limit: int | None = None) -> pd.DataFrame:
    """One row per deal (rows sharing a deal_id; otherwise a row is its own deal), with
    the stages reports place it at, in order: each stage's earliest date and the figures
    reported for it, and its reports' `rows` (labels). With `limit`, the `limit` deals with
    most reports."""
    a = t.arms_sales
    if limit:
        a = a[of_most(a["deal_key"], limit)]
    a = a.assign(route=routes(t, a), deal=derived.deals(a), row=a.index,
                 order=pd.factorize(a["deal_key"])[0],
                 stage=mapped(a["status"], STAGES).astype(int))
    rows = a.sort_values(["order", "stage", "event_date_first"], kind="stable")
    by_stage = ["order", "stage"]
    first = rows[rows["event_date_first"].notna()].groupby(by_stage).head(1)
    when = pd.Series(dated(first, "event_date").to_numpy(),
                     index=pd.MultiIndex.from_frame(first[by_stage]))
    known = rows[rows["quantity_qualifier"] != "unknown"]
    figures = known[by_stage].assign(figure=quantities(
        known["quantity_qualifier"], known["quantity_low"], known["quantity_high"]))
    figures = figures.drop_duplicates()
    counts = figures.groupby(by_stage).size()
    shown = figures[figures.groupby(by_stage).cumcount() < STAGE_QUANTITIES]
    shown = shown.groupby(by_stage)["figure"].agg(list)
    stages = rows.groupby(by_stage)["status"].first().to_frame()
    stages["when"] = when.reindex(stages.index, fill_value="")
    stages["figures"] = [
        [*shown.get(key, []),
         *([f"and {words.plural(n - STAGE_QUANTITIES, 'more figure')}"]
           if n > STAGE_QUANTITIES else [])]
        for key, n in zip(stages.index, counts.reindex(stages.index, fill_value=0),
                          strict=True)]
    stages["stage"] = list(zip(stages["status"], stages["when"], stages["figures"],
                               strict=True))
    top = rows[rows["status"] != "denied"].groupby("order").tail(1).set_index("order")
    top = top.combine_first(rows.groupby("order").tail(1).set_index("order"))
    grouped = rows.groupby("order")
    out = pd.DataFrame({
        "deal": grouped["deal"].first(), "route": grouped["route"].first(),
        "system": top["system"], "stages": stages["stage"].groupby(level="order").agg(list),
        "furthest": top["status"], "first": grouped["event_date_first"].min(),
        "rows": grouped["row"].agg(list),
    })
    return out.sort_values(["route", "first"], na_position="last").reset_index(drop=True)


def arms_events(t: Tables, limit: int | None = None, deals: int | None = None
                ) -> pd.DataFrame:
    """One row per dated arms report: its deal, the span its date covers, its stage.
    With `deals`, only the reports of the `deals` deals with most dated reports; with
    `limit`, the `limit` latest."""
    a = t.arms_sales
    if deals:
        a = a[of_most(a["deal_key"].where(a["event_date_first"].notna()), deals)]
    a = latest(a, "event_date_first", limit)
    return pd.DataFrame({
        "sale_id": a["sale_id"],
        # a deal is named once, by its first row here: its reports may differ on its route
        "deal": (routes(t, a) + ": " + a["system"]).groupby(a["deal_key"]).transform("first"),
        "start": a["event_date_first"],
        "end": a["event_date_last"] + DAY,
        "when": dated(a, "event_date"),
        "status": a["status"],
        "what": describe(t, "arms_sales", a),
        "source_id": a["source_id"],
    }).reset_index(drop=True)
