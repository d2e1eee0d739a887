"""Tidy frames for charts and tables, built from the loaded tables.

Chart functions take these frames as they are; all joining and aggregation happens here,
so no raw table reaches a chart.
"""

import numpy as np
import pandas as pd

from . import columns, dates, lists, wording
from .distinct import each_once, mapped
from .load import Tables
from .schema import LIST_SEPARATOR
from .vocab import ARMS_STATUSES, QUALIFIER_SHAPES

STATUS_ORDER = list(ARMS_STATUSES)
STAGES = {status: i for i, status in enumerate(STATUS_ORDER)}
"""Each arms status's place in STATUS_ORDER."""
STAGE_FIGURES = 2
"""Figures a deal's stage lists, then a count (the default data's list at most 2)."""


def actor_names(t: Tables) -> dict[str, str]:
    return dict(zip(t.actors["actor_id"], t.actors["name"], strict=True))


def claimant_side(frame: pd.DataFrame) -> pd.Series:
    """The state or organisation behind each claim (for colouring): its origin when the
    claim is attributed, else "Unattributed"."""
    return frame["origin"].astype("str").where(frame["attributed_to"].notna(), "Unattributed")


def routes(t: Tables, a: pd.DataFrame) -> pd.Series:
    """'Supplier → Recipient (via Transit)' for each arms row."""
    names = actor_names(t)

    def route(supplier: str, recipient: str, via) -> str:
        text = f"{names[supplier]} → {names[recipient]}"
        return text if pd.isna(via) else f"{text} (via {names[via]})"

    return pd.Series(each_once(route, a["supplier"], a["recipient"], a["via"]),
                     index=a.index, dtype="str")


def most_reported_routes(t: Tables, limit: int | None) -> pd.DataFrame:
    """The arms rows of the `limit` routes with most reports (all rows without `limit`)."""
    if not limit:
        return t.arms_sales
    return t.arms_sales[_of_most(t.arms_sales["route_key"], limit)]


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
        a = a[_of_most(a["deal_key"], limit)]
    a = a.assign(route=routes(t, a), deal=columns.deals(a), row=a.index,
                 order=pd.factorize(a["deal_key"])[0],
                 stage=mapped(a["status"], STAGES).astype(int))
    rows = a.sort_values(["order", "stage", "event_date_first"], kind="stable")
    by_stage = ["order", "stage"]
    dated = rows[rows["event_date_first"].notna()]
    when = dated.groupby(by_stage)["event_date"].first().map(dates.display)
    known = rows[rows["quantity_qualifier"] != "unknown"]
    figures = known[by_stage].assign(figure=wording.quantities(
        known["quantity_qualifier"], known["quantity_low"], known["quantity_high"]))
    figures = figures.drop_duplicates()
    counts = figures.groupby(by_stage).size()
    shown = figures[figures.groupby(by_stage).cumcount() < STAGE_FIGURES]
    shown = shown.groupby(by_stage)["figure"].agg(list)
    stages = rows.groupby(by_stage)["status"].first().to_frame()
    stages["when"] = when.reindex(stages.index, fill_value="")
    stages["figures"] = [
        [*shown.get(key, []),
         *([f"and {wording.plural(n - STAGE_FIGURES, 'more figure')}"]
           if n > STAGE_FIGURES else [])]
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


_SHAPES = {"equal": "point", "range": "range", "high": "upper bound", "low": "lower bound",
           "none": "range"}
_DAY = pd.Timedelta(days=1)


def estimate_points(t: Tables, measure: str = "fighters") -> pd.DataFrame:
    """One row per dated estimate of `measure`: its `row` label in the table, when (a span
    at the date's precision), low/high, how the source put it, by whom. `worded` adds the
    figure and its date in words to the points a brief shows."""
    e = t.fighter_estimates
    e = e.loc[(e["measure"] == measure) & e["as_of_date_first"].notna()
              & (e["low"].notna() | e["high"].notna()),
              ["estimate_id", "group", "attributed_to", "claimant", "origin", "source_id",
               "as_of_date", "as_of_date_first", "as_of_date_last", "as_of_date_precision",
               "low", "high", "qualifier"]]
    names = actor_names(t)
    return pd.DataFrame({
        "row": e.index,
        "estimate_id": e["estimate_id"],
        "group": mapped(e["group"], names),
        "claimant": e["claimant"].astype("str"),
        "side": claimant_side(e),
        "start": e["as_of_date_first"],
        "end": e["as_of_date_last"] + _DAY,
        "mid": e["as_of_date_first"] + (e["as_of_date_last"] + _DAY - e["as_of_date_first"]) / 2,
        "low": e["low"].fillna(e["high"]).astype("float"),
        "high": e["high"].fillna(e["low"]).astype("float"),
        "shape": mapped(e["qualifier"], {q: _SHAPES[s] for q, s in QUALIFIER_SHAPES.items()}),
        "precision": e["as_of_date_precision"],
        "source_id": e["source_id"],
    }).reset_index(drop=True)


def most_estimated(points: pd.DataFrame, groups: int) -> pd.DataFrame:
    """The `points` (of `estimate_points`) of the `groups` groups with most of them."""
    return points[_of_most(points["group"], groups)]


def worded(t: Tables, points: pd.DataFrame) -> pd.DataFrame:
    """`points` (rows of `estimate_points`) with the `figure` each states and `when`, in
    words, in place of their `row`: worded for the few shown, not for a whole database."""
    e = t.fighter_estimates.loc[points["row"]]
    return points.drop(columns="row").assign(
        when=each_once(dates.display, e["as_of_date"]),
        figure=wording.quantities(e["qualifier"], e["low"], e["high"]))


def contact_events(t: Tables, limit: int | None = None, sets: int | None = None
                   ) -> pd.DataFrame:
    """One row per dated contact: its span, the parties, kind, status, place, topic.
    With `sets`, only the contacts of the `sets` sets of parties with most dated contacts;
    with `limit`, the `limit` latest."""
    c = t.diplomatic_contacts
    if sets:
        c = c[_of_most(c["party_set"].where(c["date_first"].notna()), sets)]
    return events_of(t, _dated(c, "date_first", limit))


def events_of(t: Tables, c: pd.DataFrame) -> pd.DataFrame:
    """`contact_events` for the contacts `c`, in their order."""
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


def _dated(frame: pd.DataFrame, column: str, limit: int | None) -> pd.DataFrame:
    """The rows with a date in `column`; with `limit`, the `limit` latest."""
    dated = frame[column].dropna()
    return frame.loc[dated.nlargest(limit, keep="first").index if limit else dated.index]


def _of_most(values: pd.Series, limit: int) -> np.ndarray:
    """Whether each row holds one of the `limit` most frequent values (ties in order of
    first appearance; a missing value is none of them)."""
    at, _ = pd.factorize(values)
    most = np.argsort(-np.bincount(at[at >= 0]), kind="stable")[:limit]
    return np.isin(at, most)


def _short_list(items: list[str], keep: int = 3) -> str:
    shown = " – ".join(items[:keep])
    return shown + (f" +{len(items) - keep}" if len(items) > keep else "")


_PART_STATES = {"provinces_with_presence": ("with a presence", "no presence reported")}
"""What a filled and an empty cell stand for, per measure (else "counted", "not counted")."""
UNCERTAIN = "uncertain"
"""Cells between a figure's low and high ("20-25 of 34", "up to 25 of 34"). A cell's `level`
is "counted", "uncertain" or "not counted"; its `state` says the same in the measure's words."""
_FIGURE_KEY = ["group", "area", "qualifier", "low", "high", "out_of", "claimant"]
_WAFFLE_ROW = 20
"""At most this many cells a row: 34 -> 2 rows of 17."""


def part_of_whole(t: Tables, measure: str, limit: int | None = None) -> pd.DataFrame:
    """One row per cell per distinct figure of `measure` that has an `out_of` total ("25 of
    34 provinces"): its position in the grid and its state (counted, not counted, or
    uncertain between low and high). Rows that give the same figure (group, area, number,
    total, claimant) collapse into one figure listing all their estimates and sources.

    Columns: the figure (`label`, the key columns, `when`, `estimate_ids`, `source_id`,
    `reports`) repeated on each of its cells (`cell` 1..out_of, grid `col`/`row`, `level`,
    `state`); `low`/`high` are the range drawn, an open end filled with 0 or the total.

    Cells are anonymous: the data says how many provinces, never which, so nothing here
    names or orders them geographically. With `limit`, the `limit` figures most reported."""
    e = t.fighter_estimates
    e = e[(e["measure"] == measure) & e["out_of"].notna()]
    if limit:
        figure = e.groupby(_FIGURE_KEY, dropna=False, sort=False).ngroup()
        e = e[figure.isin(figure.value_counts().index[:limit])]
    counted, not_counted = _PART_STATES.get(measure, ("counted", "not counted"))
    noun = measure.split("_")[0]
    # A one-sided bound leaves the other end open: "up to 25" is 0-25, "at least 25" 25-34.
    e = e.assign(claimant=e["claimant"].astype("str"), group=e["group"].map(actor_names(t)),
                 figure=wording.quantities(e["qualifier"], e["low"], e["high"]),
                 low=e["low"].fillna(0), high=e["high"].fillna(e["out_of"]))
    rows = []
    for key, same in e.sort_values("as_of_date_first").groupby(_FIGURE_KEY, sort=False):
        fig = dict(zip(_FIGURE_KEY, key, strict=True))
        low, high, total = int(fig["low"]), int(fig["high"]), int(fig["out_of"])
        dated = list(dict.fromkeys(same["as_of_date"].dropna().map(dates.display)))
        when = ", ".join(dated) or "date not stated"
        per_row = -(-total // -(-total // _WAFFLE_ROW))  # even rows: 34 -> 17 + 17
        common = {
            **fig, "measure": measure, "noun": noun, "when": when,
            "label": f"{same['figure'].iloc[0]} of {total} {noun} — {fig['claimant']} ({when})",
            "estimate_ids": ",".join(sorted(same["estimate_id"])),
            "source_id": ",".join(sorted(set(same["source_id"]))), "reports": len(same),
        }
        for cell in range(total):
            level = "counted" if cell < low else UNCERTAIN if cell < high else "not counted"
            state = {"counted": counted, "not counted": not_counted}.get(level, level)
            rows.append({**common, "cell": cell + 1, "col": cell % per_row,
                         "row": cell // per_row, "level": level, "state": state})
    columns = ["label", *_FIGURE_KEY, "measure", "noun", "when", "estimate_ids", "source_id",
               "reports", "cell", "col", "row", "level", "state"]
    return pd.DataFrame(rows, columns=columns)


LAYOUT_SEED = 7
"""Seed of the network layout: the same data always gives the same picture."""
NODE_COLUMNS = ["actor_id", "name", "kind", "role", "contacts", "as_party",
                "as_intermediary", "x", "y"]
EDGE_COLUMNS = ["a", "b", "a_name", "b_name", "pair", "contacts", "via_contacts", "via",
                "contact_ids", "source_id", "x", "y", "x2", "y2"]


def parties(t: Tables) -> pd.DataFrame:
    """`columns.parties` of the contacts, once per tables (loading takes them from the
    validated data)."""
    return t.derived("parties", lambda: columns.parties(t.diplomatic_contacts))


def party_pairs(parties: pd.DataFrame) -> pd.DataFrame:
    """Each pair of parties to the same contact, once: `row`, `a` and `b` (categorical),
    with a < b. `parties` holds each contact's rows together, as `parties` gives them."""
    row = parties["row"].to_numpy()
    actor, actors = parties["actor"].cat.codes.to_numpy(), parties["actor"].cat.categories
    first, second = lists.together(row)
    # the categories are in name order, so are the codes
    a, b = np.minimum(actor[first], actor[second]), np.maximum(actor[first], actor[second])
    distinct = a != b
    return pd.DataFrame({"row": row[first][distinct],
                         "a": pd.Categorical.from_codes(a[distinct], actors),
                         "b": pd.Categorical.from_codes(b[distinct], actors)})


def contact_graph(t: Tables, limit: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges) of who talks to whom, over every contact, dated or not.

    Nodes: each actor named as a party or as an intermediary (`via`), with how many contacts
    it appears in; role "intermediary" if it ever is one. Edges: one row per pair of actors,
    with the contacts between them. A contact through an intermediary links each party to
    the intermediary (party - intermediary - party), never the parties directly; contacts
    with three or more parties link every pair. `via` is true when all of an edge's
    contacts went through an intermediary. x/y come from a seeded spring layout. With
    `limit`, only the `limit` actors in most contacts, and the links among them."""
    c = t.diplomatic_contacts
    if c.empty:
        return pd.DataFrame(columns=NODE_COLUMNS), pd.DataFrame(columns=EDGE_COLUMNS)
    # Actors are codes into `ids` (every party and intermediary, in name order) until the
    # end: one per (contact, party), and one per contact for its intermediary (-1: none).
    long, has_via = parties(t), c["via"].notna().to_numpy()
    named, intermediaries = pd.factorize(c["via"][has_via])
    ids = long["actor"].cat.categories.union(intermediaries)
    party, via = _coded(long["actor"], ids), np.full(len(c), -1)
    via[has_via] = ids.get_indexer(intermediaries)[named]
    as_intermediary = np.bincount(via[has_via], minlength=len(ids))
    via = via[c.index.get_indexer(long["row"])]  # each party's contact's intermediary
    rows = long["row"].to_numpy()
    # contacts per actor: as a party (once per contact), as an intermediary, and as both
    as_party = np.bincount(party, minlength=len(ids))
    contacts = as_party + as_intermediary - np.bincount(party[party == via], minlength=len(ids))
    # links: every pair of parties of a direct contact; party - intermediary otherwise
    pairs = party_pairs(long[via < 0])
    through = (via >= 0) & (party != via)
    links = pd.DataFrame({
        "row": np.r_[pairs["row"].to_numpy(), rows[through]],
        "a": np.r_[_coded(pairs["a"], ids), np.minimum(party, via)[through]],
        "b": np.r_[_coded(pairs["b"], ids), np.maximum(party, via)[through]],
        "via": np.r_[np.zeros(len(pairs), bool), np.ones(through.sum(), bool)]})
    seen = np.arange(len(ids))
    if limit and len(ids) > limit:  # the most connected actors, and links among them
        seen = np.sort(np.argsort(-contacts, kind="stable")[:limit])
        links = links[np.isin(links["a"], seen) & np.isin(links["b"], seen)]
    if links.empty:
        return pd.DataFrame(columns=NODE_COLUMNS), pd.DataFrame(columns=EDGE_COLUMNS)
    links = links.assign(**{k: c[k].reindex(links["row"]).to_numpy()
                            for k in ("contact_id", "source_id")})
    edges = links.groupby(["a", "b"]).agg(  # a contact links two actors once
        contacts=("contact_id", "size"), via_contacts=("via", "sum"),
        contact_ids=("contact_id", lambda s: ",".join(sorted(set(s)))),
        source_id=("source_id", lambda s: ",".join(sorted(set(s)))),
    ).reset_index()
    edges["via"] = edges["via_contacts"] == edges["contacts"]
    edges["a"], edges["b"] = ids[edges["a"]], ids[edges["b"]]

    # Nodes and edges in sorted order, so the layout does not depend on the row order.
    import networkx as nx  # only this layout needs it; keep it off the import path

    graph = nx.Graph()
    graph.add_nodes_from(ids[seen])
    graph.add_weighted_edges_from(edges[["a", "b", "contacts"]].itertuples(index=False))
    position = nx.spring_layout(graph, weight=None, seed=LAYOUT_SEED, iterations=200)

    actors = t.actors.set_index("actor_id")
    nodes = pd.DataFrame({"actor_id": ids[seen], "as_party": as_party[seen],
                          "as_intermediary": as_intermediary[seen],
                          "contacts": contacts[seen]})
    nodes["name"] = nodes["actor_id"].map(actors["name"])
    nodes["kind"] = nodes["actor_id"].map(actors["kind"])
    nodes["role"] = nodes["as_intermediary"].gt(0).map({True: "intermediary", False: "party"})
    nodes["x"] = nodes["actor_id"].map(lambda a: float(position[a][0]))
    nodes["y"] = nodes["actor_id"].map(lambda a: float(position[a][1]))

    xy = nodes.set_index("actor_id")
    edges = edges.assign(
        a_name=edges["a"].map(xy["name"]), b_name=edges["b"].map(xy["name"]),
        x=edges["a"].map(xy["x"]), y=edges["a"].map(xy["y"]),
        x2=edges["b"].map(xy["x"]), y2=edges["b"].map(xy["y"]))
    edges["pair"] = edges["a_name"] + " – " + edges["b_name"]
    return nodes[NODE_COLUMNS], edges[EDGE_COLUMNS]


def _coded(names: pd.Series, ids: pd.Index) -> np.ndarray:
    """Categorical `names` as positions in `ids`."""
    return ids.get_indexer(names.cat.categories)[names.cat.codes.to_numpy()]


def describe(t: Tables, table: str, frame: pd.DataFrame) -> pd.Series:
    """A short line per claim row: what it reports, with its figure and date."""
    names = actor_names(t)
    if table == "arms_sales":
        figure = pd.Series(wording.quantities(
            frame["quantity_qualifier"], frame["quantity_low"], frame["quantity_high"],
            frame["system"]), index=frame.index).str.removesuffix(", number not stated")
        return (routes(t, frame) + ": " + figure + ", " + frame["status"] + " ("
                + frame["event_date"].map(dates.display) + ")")
    if table == "fighter_estimates":
        figure = pd.Series(wording.quantities(frame["qualifier"], frame["low"], frame["high"]),
                           index=frame.index)
        return (frame["group"].map(names) + ", " + frame["measure"].str.replace("_", " ")
                + ": " + figure + " (" + frame["as_of_date"].map(dates.display) + ", "
                + frame["area"] + ")")
    parties = frame["actors"].str.split(LIST_SEPARATOR).map(
        lambda ids: " – ".join(names[i.strip()] for i in ids))
    via = frame["via"].map(names).map(lambda v: f", via {v}", na_action="ignore").fillna("")
    return (frame["date"].map(dates.display) + ": " + parties + via + ", " + frame["kind"]
            + " (" + frame["status"] + "): " + frame["topic"])


def arms_events(t: Tables, limit: int | None = None, deals: int | None = None
                ) -> pd.DataFrame:
    """One row per dated arms report: its deal, the span its date covers, its stage.
    With `deals`, only the reports of the `deals` deals with most dated reports; with
    `limit`, the `limit` latest."""
    a = t.arms_sales
    if deals:
        a = a[_of_most(a["deal_key"].where(a["event_date_first"].notna()), deals)]
    a = _dated(a, "event_date_first", limit)
    return pd.DataFrame({
        "sale_id": a["sale_id"],
        # a deal is named once, by its first row here: its reports may differ on its route
        "deal": (routes(t, a) + ": " + a["system"]).groupby(a["deal_key"]).transform("first"),
        "start": a["event_date_first"],
        "end": a["event_date_last"] + _DAY,
        "when": a["event_date"].map(dates.display),
        "status": a["status"],
        "what": describe(t, "arms_sales", a),
        "source_id": a["source_id"],
    }).reset_index(drop=True)


def evidence_profile(t: Tables) -> pd.DataFrame:
    """Claim rows counted by table, source reliability grade and kind of source."""
    sources = t.sources.set_index("source_id")
    frames = [pd.DataFrame({"table": name.replace("_", " "), "source_id": f["source_id"]})
              for name, f in t.claims() if len(f)]
    if not frames:
        return pd.DataFrame(columns=["table", "grade", "kind", "reports", "source_id"])
    rows = pd.concat(frames, ignore_index=True)
    rows["grade"] = rows["source_id"].map(sources["reliability"])
    rows["kind"] = rows["source_id"].map(sources["kind"]).str.replace("_", " ")
    return rows.groupby(["table", "grade", "kind"], as_index=False).agg(
        reports=("source_id", "size"),
        source_id=("source_id", lambda s: ",".join(sorted(set(s)))))
