"""Diplomatic contacts: dated events, each contact's parties and their pairs, and the
who-talks-to-whom network, as tidy frames for the brief's charts and tables."""

import numpy as np
import pandas as pd

from analysis.core import lists
from analysis.core.dates import DAY
from analysis.core.lists import LIST_SEPARATOR
from analysis.core.ranking import latest, of_most
from analysis.evidence.describe import dated, named_parties
from analysis.tables import actors, derived
from analysis.tables.load import Tables


def contact_events(t: Tables, limit: int | None = None, sets: int | None = None
                   ) -> pd.DataFrame:
    """One row per dated contact: its span, the parties, kind, status, place, topic.
    With `sets`, only the contacts of the `sets` sets of parties with most dated contacts;
    with `limit`, the `limit` latest."""
    c = t.diplomatic_contacts
    if sets:
        c = c[of_most(c["party_set"].where(c["date_first"].notna()), sets)]
    return events_of(t, latest(c, "date_first", limit))


def events_of(t: Tables, c: pd.DataFrame) -> pd.DataFrame:
    """`contact_events` for the contacts `c`, in their order."""
    names = actors.names(t.actors)
    named = c["actors"].str.split(LIST_SEPARATOR).map(
        lambda ids: [names[i.strip()] for i in ids])
    return pd.DataFrame({
        "contact_id": c["contact_id"],
        "start": c["date_first"],
        "end": c["date_end_last"].fillna(c["date_last"]) + DAY,
        "when": dated(c, "date", "date_end"),
        "parties": named_parties(t, c, ", "),
        "label": named.map(sorted).map(_short_list),  # one row per set of parties
        "via": c["via"].map(names).fillna(""),
        "kind": c["kind"],
        "status": c["status"],
        "place": c["place_name"].astype("str").fillna("place not stated"),
        "topic": c["topic"],
        "source_id": c["source_id"],
    }).reset_index(drop=True)


def _short_list(items: list[str], keep: int = 3) -> str:
    shown = " – ".join(items[:keep])
    return shown + (f" +{len(items) - keep}" if len(items) > keep else "")


LAYOUT_SEED = 7
"""Seed of the network layout: the same data always gives the same picture."""


NODE_COLUMNS = ["actor_id", "name", "kind", "role", "contacts", "as_party",
                "as_intermediary", "x", "y"]


EDGE_COLUMNS = ["a", "b", "a_name", "b_name", "pair", "contacts", "via_contacts", "via",
                "contact_ids", "source_id", "x", "y", "x2", "y2"]


def parties(t: Tables) -> pd.DataFrame:
    """`derived.parties` of the contacts, once per tables (loading takes them from the
    validated data)."""
    return t.derived("parties", lambda: derived.parties(t.diplomatic_contacts))


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
    empty = pd.DataFrame(columns=NODE_COLUMNS), pd.DataFrame(columns=EDGE_COLUMNS)
    if c.empty:
        return empty
    ids, counts, links = _links(t)
    seen = np.arange(len(ids))
    if limit and len(ids) > limit:  # the most connected actors, and links among them
        seen = np.sort(np.argsort(-counts["contacts"], kind="stable")[:limit])
        links = links[np.isin(links["a"], seen) & np.isin(links["b"], seen)]
    if links.empty:
        return empty
    links = links.assign(**{k: c[k].reindex(links["row"]).to_numpy()
                            for k in ("contact_id", "source_id")})
    edges = links.groupby(["a", "b"]).agg(  # a contact links two actors once
        contacts=("contact_id", "size"), via_contacts=("via", "sum"))
    edges["contact_ids"], edges["source_id"] = _joined(links, "contact_id"), _joined(
        links, "source_id")
    edges = edges.reset_index()
    edges["via"] = edges["via_contacts"] == edges["contacts"]
    edges["a"], edges["b"] = ids[edges["a"]], ids[edges["b"]]
    nodes = pd.DataFrame({"actor_id": ids[seen], **{k: v[seen] for k, v in counts.items()}})
    return _placed(t.actors, nodes, edges)


def _joined(links: pd.DataFrame, column: str) -> pd.Series:
    """Per link (`a`, `b`): its `column` values, once each, sorted, joined by commas. Worked
    out in sorted runs: a whole database's links are millions, a Python call per link's
    group costs seconds."""
    found = links[["a", "b", column]].drop_duplicates().sort_values(["a", "b", column])
    a, b = found["a"].to_numpy(), found["b"].to_numpy()
    starts = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])])
    values = found[column].tolist()
    return pd.Series([",".join(values[i:j]) for i, j in zip(starts, [*starts[1:], len(values)],
                                                               strict=True)],
                     index=pd.MultiIndex.from_arrays([a[starts], b[starts]], names=["a", "b"]))


def _links(t: Tables) -> tuple[pd.Index, dict[str, np.ndarray], pd.DataFrame]:
    """(ids, counts, links): every party and intermediary, in name order; per actor, its
    contacts `as_party`, `as_intermediary` and in all (`contacts`: once where it is both);
    and one row per link a contact makes (`row`, the contact's label; `a` < `b`, positions
    in `ids`; `via`, through an intermediary). Actors stay codes into `ids` until the end."""
    c = t.diplomatic_contacts
    # one code per (contact, party), and one per contact for its intermediary (-1: none)
    long, has_via = parties(t), c["via"].notna().to_numpy()
    named, intermediaries = pd.factorize(c["via"][has_via])
    ids = long["actor"].cat.categories.union(intermediaries)
    party, via = _coded(long["actor"], ids), np.full(len(c), -1)
    via[has_via] = ids.get_indexer(intermediaries)[named]
    as_intermediary = np.bincount(via[has_via], minlength=len(ids))
    via = via[c.index.get_indexer(long["row"])]  # each party's contact's intermediary
    rows = long["row"].to_numpy()
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
    counts = {"as_party": as_party, "as_intermediary": as_intermediary, "contacts": contacts}
    return ids, counts, links


def _placed(actors: pd.DataFrame, nodes: pd.DataFrame, edges: pd.DataFrame
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`nodes` and `edges` named, and placed by a seeded spring layout. Nodes and edges
    come in sorted order, so the layout does not depend on the row order."""
    import networkx as nx  # only this layout needs it; keep it off the import path

    graph = nx.Graph()
    graph.add_nodes_from(nodes["actor_id"])
    graph.add_weighted_edges_from(edges[["a", "b", "contacts"]].itertuples(index=False))
    position = nx.spring_layout(graph, weight=None, seed=LAYOUT_SEED, iterations=200)

    by_id = actors.set_index("actor_id")
    nodes["name"] = nodes["actor_id"].map(by_id["name"])
    nodes["kind"] = nodes["actor_id"].map(by_id["kind"])
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
