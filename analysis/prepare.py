"""Tidy frames for charts and tables, built from the loaded tables.

Chart functions take these frames as they are; all joining and aggregation happens here,
so no raw table reaches a chart.
"""

import pandas as pd

from . import dates, wording
from .load import Tables
from .schema import LIST_SEPARATOR
from .vocab import ARMS_STATUSES, QUALIFIER_SHAPES

STATUS_ORDER = list(ARMS_STATUSES)


def actor_names(t: Tables) -> dict[str, str]:
    return dict(zip(t.actors["actor_id"], t.actors["name"], strict=True))


def top_actor(t: Tables) -> dict[str, str]:
    """Each actor id -> the id at the top of its part_of chain (a state or organisation)."""
    parent = dict(zip(t.actors["actor_id"], t.actors["part_of"], strict=True))
    top = {}
    for actor in parent:
        seen, current = {actor}, actor
        while isinstance(parent.get(current), str) and parent[current] not in seen:
            current = parent[current]
            seen.add(current)
        top[actor] = current
    return top


def claimant(t: Tables, frame: pd.DataFrame) -> pd.Series:
    """Who made each claim: the attributed actor, else the source's publisher (or, when
    that is not printed, the source's title)."""
    names = actor_names(t)
    sources = t.sources.set_index("source_id")
    by_source = frame["source_id"].map(sources["publisher"].fillna(sources["title"]))
    return frame["attributed_to"].map(names).fillna(by_source)


def claimant_side(t: Tables, frame: pd.DataFrame) -> pd.Series:
    """The state or organisation behind each claim (for colouring): the top of the
    attributed actor's chain, else "Unattributed"."""
    names, top = actor_names(t), top_actor(t)
    return frame["attributed_to"].map(top).map(names).fillna("Unattributed")


def routes(t: Tables, a: pd.DataFrame) -> pd.Series:
    """'Supplier → Recipient (via Transit)' for each arms row."""
    names = actor_names(t)
    route = a["supplier"].map(names) + " → " + a["recipient"].map(names)
    return route.where(a["via"].isna(), route + " (via " + a["via"].map(names) + ")")


def arms_routes(t: Tables) -> pd.DataFrame:
    """One row per route (supplier -> recipient, via) and status: report count, systems."""
    a = t.arms_sales
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
    out["stage"] = out["status"].map(STATUS_ORDER.index)
    return out.sort_values(["route", "stage"]).reset_index(drop=True)


def arms_deals(t: Tables) -> pd.DataFrame:
    """One row per deal (rows sharing a deal_id; otherwise a row is its own deal), with
    the stages reports place it at, in order: each stage's earliest date and the figures
    reported for it."""
    a = t.arms_sales.assign(route=routes(t, t.arms_sales),
                            deal=t.arms_sales["deal_id"].fillna(t.arms_sales["sale_id"]),
                            stage=t.arms_sales["status"].map(STATUS_ORDER.index))
    deals = []
    for deal, rows in a.groupby("deal", sort=False):
        rows = rows.sort_values(["stage", "event_date_first"])
        stages = []
        for status, at in rows.groupby("status", sort=False):
            dated = at.dropna(subset=["event_date_first"]).sort_values("event_date_first")
            when = dates.display(dated["event_date"].iloc[0]) if len(dated) else ""
            figures = list(dict.fromkeys(
                wording.quantity(q, lo, hi) for q, lo, hi in
                zip(at["quantity_qualifier"], at["quantity_low"], at["quantity_high"],
                    strict=True) if q != "unknown"))
            stages.append((status, when, figures))
        top = rows[rows["status"] != "denied"].tail(1)
        top = top if len(top) else rows.tail(1)
        deals.append({
            "deal": deal, "route": rows["route"].iloc[0], "system": top["system"].iloc[0],
            "stages": stages, "furthest": top["status"].iloc[0],
            "first": rows["event_date_first"].min(), "sale_ids": list(rows["sale_id"]),
        })
    out = pd.DataFrame(deals)
    return out.sort_values(["route", "first"], na_position="last").reset_index(drop=True)


_SHAPES = {"equal": "point", "range": "range", "high": "upper bound", "low": "lower bound",
           "none": "range"}
_DAY = pd.Timedelta(days=1)


def estimate_points(t: Tables, measure: str = "fighters") -> pd.DataFrame:
    """One row per dated estimate of `measure`: when (a span at the date's precision),
    low/high, how the source put it, by whom."""
    e = t.fighter_estimates
    e = e[(e["measure"] == measure) & e["as_of_date_first"].notna()
          & (e["low"].notna() | e["high"].notna())]
    names = actor_names(t)
    return pd.DataFrame({
        "estimate_id": e["estimate_id"],
        "group": e["group"].map(names),
        "claimant": claimant(t, e),
        "side": claimant_side(t, e),
        "start": e["as_of_date_first"],
        "end": e["as_of_date_last"] + _DAY,
        "mid": e["as_of_date_first"] + (e["as_of_date_last"] + _DAY - e["as_of_date_first"]) / 2,
        "when": e["as_of_date"].map(dates.display),
        "low": e["low"].fillna(e["high"]).astype("float"),
        "high": e["high"].fillna(e["low"]).astype("float"),
        "shape": e["qualifier"].map(QUALIFIER_SHAPES).map(_SHAPES),
        "precision": e["as_of_date_precision"],
        "figure": [wording.quantity(q, lo, hi) for q, lo, hi in
                   zip(e["qualifier"], e["low"], e["high"], strict=True)],
        "source_id": e["source_id"],
    }).reset_index(drop=True)


def contact_events(t: Tables) -> pd.DataFrame:
    """One row per dated contact: its span, the parties, kind, status, place, topic."""
    c = t.diplomatic_contacts
    c = c[c["date_first"].notna()]
    names = actor_names(t)
    parties = c["actors"].str.split(LIST_SEPARATOR).map(
        lambda ids: [names[i.strip()] for i in ids])
    return pd.DataFrame({
        "contact_id": c["contact_id"],
        "start": c["date_first"],
        "end": c["date_end_last"].fillna(c["date_last"]) + _DAY,
        "when": [dates.display(d) + ("" if pd.isna(e) else f" to {dates.display(e)}")
                 for d, e in zip(c["date"], c["date_end"], strict=True)],
        "parties": parties.map(", ".join),
        "label": parties.map(sorted).map(_short_list),  # one row per set of parties
        "via": c["via"].map(names).fillna(""),
        "kind": c["kind"],
        "status": c["status"],
        "place": c["place"].fillna("place not stated"),
        "topic": c["topic"],
        "source_id": c["source_id"],
    }).reset_index(drop=True)


def undated(frame: pd.DataFrame, column: str) -> int:
    """How many rows have no date in `column` (they cannot be placed on a time axis)."""
    return int(frame[f"{column}_first"].isna().sum())


def _short_list(items: list[str], keep: int = 3) -> str:
    shown = " – ".join(items[:keep])
    return shown + (f" +{len(items) - keep}" if len(items) > keep else "")
