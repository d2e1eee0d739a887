"""The columns a loaded claim row carries beyond its file's, computed once when the data is
checked and kept with it (`load`): who the claim comes from, how reliable its source is,
and what it reports.

- `claimant`: the actor the claim is attributed to, else its source's publisher (the
  title when no publisher is printed).
- `origin`: the top of the attributed actor's `part_of` chain (a ministry's envoy and the
  ministry's state are one origin), else the outlet, as for `claimant`. Two outlets
  relaying one claimant are one origin (see `analysis.evidence.support`).
- `grade`: the Admiralty reliability of the row's source.
- `doubtful`: whether the claim is doubtful (`vocab.DOUBTFUL`).
- `claim_key` (arms sales, fighter estimates): a number, the same for the rows that report
  the same thing (the table's `claim` columns in the schema): an arms row's deal_id; an
  estimate's group, measure, area and as_of_date. -1 when the last of those is missing:
  such a row matches none.
- `deal_key` (arms sales): a number, the same for the rows of one deal: its deal_id, else
  the row's own sale_id (a deal reported once).
- `route_key` (arms sales): a number, the same for the rows of one route: supplier,
  recipient and intermediary.
- `series_key` (fighter estimates): a number, the same for one origin's estimates of one
  group, measure and area, whatever their dates (the series `contested.jumps` follows).
- `stated` (claim tables with quantities): the quantity in words, as the source put it
  ('as many as 20'; `quantities.stated`), NA when none is stated: worded once per data
  version rather than on every build, as text (a whole database states hundreds of
  thousands of distinct figures: as categories, every load would check them all).
- `area_name`, `area_kind` (fighter estimates): the name and kind of the place the estimate
  applies to (`places.csv`): what a figure is compared with (like with like).
- `place_name` (tables with a `place` column): the places in words ('Tehran, Mashhad and
  Zahedan'), NA when none is given.
- `party_set` (diplomatic contacts): the parties' ids, sorted ('russia;taliban'), the same
  for every contact between the same parties.

And per contact, its `parties`: a table of its own.

The keys number things in order of first appearance. The names are categoricals, their
categories in sorted order (sorting by one sorts by the text): a whole database repeats a
few thousand names, and grouping by them groups integers.
"""

import numpy as np
import pandas as pd

from analysis.core import lists
from analysis.core.distinct import codes, each_result, mapped
from analysis.tables import actors as actor
from analysis.tables import places as place
from analysis.tables.quantities import stated
from analysis.tables.schema import TABLES, quantity
from analysis.tables.vocab import DOUBTFUL_CREDIBILITY, DOUBTFUL_GRADES


def added(name: str, frame: pd.DataFrame, actors: pd.DataFrame, sources: pd.DataFrame,
          places: pd.DataFrame) -> pd.DataFrame:
    """Claim table `name` with its derived columns."""
    names, top = actor.names(actors), actor.tops(actors)
    by_id = sources.set_index("source_id")
    outlet = mapped(frame["source_id"], by_id["publisher"].fillna(by_id["title"]))
    columns = {
        # (as text even when no row is attributed, so the outlet fills it as text)
        "claimant": mapped(frame["attributed_to"], names).astype("str").fillna(outlet),
        "origin": mapped(frame["attributed_to"], {a: names.get(top[a]) for a in top}
                         ).astype("str").fillna(outlet),
        "grade": mapped(frame["source_id"], by_id["reliability"]),
    }
    frame = frame.assign(**{k: v.astype("category") for k, v in columns.items()})
    frame = frame.assign(doubtful=(frame["credibility"].isin(DOUBTFUL_CREDIBILITY).to_numpy()
                                   | frame["grade"].isin(DOUBTFUL_GRADES).to_numpy()))
    if quantity(name):
        frame = frame.assign(stated=stated(name, frame).astype("str"))
    claim = TABLES[name].metadata.get("claim")
    if claim:
        keys = codes(*(frame[c] for c in claim))
        keys[frame[claim[-1]].isna().to_numpy()] = -1
        frame = frame.assign(claim_key=keys)
    if name == "arms_sales":
        frame = frame.assign(deal_key=codes(deals(frame)),
                             route_key=codes(frame["supplier"], frame["recipient"], frame["via"]))
    if name == "fighter_estimates":
        frame = frame.assign(series_key=codes(frame["group"], frame["measure"], frame["area"],
                                              frame["origin"]),
                             area_name=mapped(frame["area"], place.names(places)).astype("str"),
                             area_kind=mapped(frame["area"], place.kinds(places)).astype("str"))
    if "place" in TABLES[name].columns:
        named = place.names(places)
        frame = frame.assign(place_name=each_result(
            lambda cell: place.worded(cell, named) if isinstance(cell, str) else None,
            frame["place"]))
    if name == "diplomatic_contacts":
        frame = frame.assign(party_set=each_result(_party_set, frame["actors"]))
    return frame


def _party_set(actors: str) -> str:
    separator = lists.LIST_SEPARATOR
    return separator.join(sorted({a.strip() for a in actors.split(separator)}))


def parties(contacts: pd.DataFrame) -> pd.DataFrame:
    """One row per (contact, party named in `actors`): `row`, the contact's index label,
    and `actor` (categorical, as the names above); each contact's rows together, in the
    table's order."""
    found = lists.items(contacts["actors"])
    rows, (actor, actors) = found.index.to_numpy(), pd.factorize(found, sort=True)
    first, second = lists.together(rows)
    once = np.ones(len(rows), dtype=bool)
    once[second[actor[first] == actor[second]]] = False  # an actor listed twice
    return pd.DataFrame({"row": rows[once],
                         "actor": pd.Categorical.from_codes(actor[once], actors)})


def claim(table: str, row: pd.Series) -> str:
    """The claim a row reports, in words ('isil|fighters|afghanistan|2017-03')."""
    return "|".join(row[c] for c in TABLES[table].metadata["claim"])


def deals(a: pd.DataFrame) -> pd.Series:
    """The deal each arms row reports: its deal_id, else its own sale_id."""
    return a["deal_id"].fillna(a["sale_id"])
