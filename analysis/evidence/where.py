"""Where the reported figures and events are: the claim rows placed in a province the map
can draw (an estimate of its area, a contact held there, a transfer reported to enter
there; a district's or a city's in its province), and, said rather than drawn, what
cannot be placed: regions and border areas without a boundary, country-wide figures,
counts of provinces that name none, and what happened outside the country."""

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from analysis.core import words
from analysis.evidence.describe import claimed_by, describe
from analysis.tables import places as place
from analysis.tables.load import Tables
from analysis.tables.vocab import PRESENCE, PROVINCE, UNBOUNDED

WHAT = {"fighter_estimates": "estimate", "diplomatic_contacts": "contact",
        "arms_sales": "transfer"}
"""The tables the map places, and what a row of each is called."""
_COLUMN = {"fighter_estimates": "area", "diplomatic_contacts": "place", "arms_sales": "place"}


@dataclass(frozen=True)
class Where:
    placed: pd.DataFrame
    """One row per (claim row, province): `table`, `row` (its label), `boundary_id`,
    `province` (name), `what`, `text` (the claim in a line, with who claims it),
    `source_id`; by province, then table and row."""
    unplaced: list[str]
    """What is not drawn, one phrase each ("2 estimates of regions with no boundary:
    eastern Afghanistan and northern Afghanistan")."""
    country: str | None
    """The name of the country the provinces are part of (None: no province has a
    boundary)."""


def where(t: Tables) -> Where:
    p = t.places
    province = place.provinces(p)
    boundary = dict(zip(p["place_id"], p["boundary_id"], strict=True))
    named = place.names(p)
    kind = place.kinds(p)
    bounded = {q for q in province.values() if isinstance(boundary.get(q), str)}
    parent = dict(zip(p["place_id"], p["part_of"], strict=True))
    countries = Counter(parent[q] for q in bounded if isinstance(parent.get(q), str))
    country = countries.most_common(1)[0][0] if countries else None
    inside = _within(parent, country)
    placed, unplaced = [], []
    for table, what in WHAT.items():
        frame = getattr(t, table)
        cells = frame[_COLUMN[table]].dropna()
        items = cells.str.split(";").explode().str.strip()
        hit = items[items.map(lambda q: province.get(q) in bounded)].map(province)
        hit = hit[~pd.MultiIndex.from_arrays([hit.index, hit]).duplicated()]  # once a province
        if not hit.empty:
            rows = frame.loc[hit.index]
            text = describe(t, table, rows) + " (" + claimed_by(rows) + ")"
            placed.append(pd.DataFrame({
                "table": table, "row": hit.index,
                "boundary_id": hit.map(boundary).to_numpy(),
                "province": hit.map(named).to_numpy(),
                "what": what, "text": text.to_numpy(), "source_id": rows["source_id"].to_numpy()}))
        rest = items[~items.index.isin(hit.index)]
        unplaced += _unplaced(frame, rest, what, named, kind, inside, country, table)
    frame = (pd.concat(placed, ignore_index=True) if placed else pd.DataFrame(
        columns=["table", "row", "boundary_id", "province", "what", "text", "source_id"]))
    return Where(frame.sort_values(["province", "table", "row"], kind="stable"
                                   ).reset_index(drop=True),
                 [u for u in unplaced if u], None if country is None else named.get(country))


def _within(parent: dict, country: str | None) -> set[str]:
    """The places in `country` (the country itself too)."""
    return {q for q in parent if country in place.chain(parent, q)}


def _unplaced(frame, items: pd.Series, what: str, named, kind, inside, country,
              table) -> list[str]:
    """What of `items` (place ids by row label, none in a drawn province) the map cannot
    draw, in phrases: each row counted once."""
    if items.empty:
        return []
    within = items[items.isin(inside) & ~items.index.duplicated()]
    said = []
    if table == "fighter_estimates":
        whole = within[within == country]
        counts = frame.loc[whole.index, "measure"] == PRESENCE
        if counts.any():
            stated = frame.loc[counts[counts].index, "stated"].astype("str")
            said.append(f"{words.plural(int(counts.sum()), 'count')} of provinces naming none ("
                        + words.series(list(dict.fromkeys(stated)), words.NAMED) + ")")
        if (~counts).any():
            said.append(f"{words.plural(int((~counts).sum()), 'country-wide estimate')} of "
                        f"{named[country]} (in the estimates section)")
    # regions and border areas, in the country or across its borders
    vague = items[(items != country) & items.map(
        lambda q: kind[q] in UNBOUNDED or (q in inside and kind[q] != PROVINCE))]
    if not vague.empty:
        said.append(f"{words.plural(vague.index.nunique(), what)} placed no more precisely "
                    "than "
                    + words.series(_counted(vague, named), words.NAMED)
                    + ", which no boundary outlines")
    outside = items[~items.isin(inside) & ~items.index.isin(vague.index)]
    if not outside.empty:
        said.append(f"{words.plural(outside.index.nunique(), what)} "
                    + ("outside " + named[country] if country else "elsewhere") + ": "
                    + words.series(_counted(outside, named), words.NAMED))
    return said


def _counted(items: pd.Series, named) -> list[str]:
    """'Moscow (8)', 'Dushanbe': the places, most named first."""
    return [named[q] + (f" ({n})" if n > 1 else "") for q, n in items.value_counts().items()]
