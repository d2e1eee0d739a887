"""Fighter and force estimates: dated ranges, and part-of-whole figures ("25 of 34
provinces"), as tidy frames for the brief's charts and tables."""

import pandas as pd

from analysis.core import dates
from analysis.core.dates import DAY
from analysis.core.distinct import mapped
from analysis.core.ranking import of_most
from analysis.evidence.describe import claimant_side, dated
from analysis.tables import actors
from analysis.tables.load import Tables
from analysis.tables.quantities import quantities
from analysis.tables.vocab import QUALIFIER_SHAPES

_SHAPES = {"equal": "point", "range": "range", "high": "upper bound", "low": "lower bound",
           "none": "range"}


def estimate_points(t: Tables, measure: str = "fighters") -> pd.DataFrame:
    """One row per dated estimate of `measure`: its `row` label in the table, the group and
    the `place` it counts, their `series` ("Islamic State in Nangarhar": only figures of
    one series are compared, like with like: a province's are never the country's), when
    (a span at the date's precision), low/high, how the source put it, by whom, and whether
    it is `doubtful`. `worded` adds the figure and its date in words to the points a brief
    shows."""
    e = t.fighter_estimates
    e = e.loc[(e["measure"] == measure) & e["as_of_date_first"].notna()
              & (e["low"].notna() | e["high"].notna()),
              ["estimate_id", "group", "attributed_to", "claimant", "origin", "source_id",
               "as_of_date", "as_of_date_first", "as_of_date_last", "as_of_date_precision",
               "low", "high", "qualifier", "doubtful", "area_name"]]
    group = mapped(e["group"], actors.names(t.actors)).astype("str")
    return pd.DataFrame({
        "row": e.index,
        "estimate_id": e["estimate_id"],
        "group": group,
        "place": e["area_name"],
        "series": group + " in " + e["area_name"],
        "claimant": e["claimant"].astype("str"),
        "side": claimant_side(e),
        "start": e["as_of_date_first"],
        "end": e["as_of_date_last"] + DAY,
        "mid": e["as_of_date_first"] + (e["as_of_date_last"] + DAY - e["as_of_date_first"]) / 2,
        "low": e["low"].fillna(e["high"]).astype("float"),
        "high": e["high"].fillna(e["low"]).astype("float"),
        "shape": mapped(e["qualifier"], {q: _SHAPES[s] for q, s in QUALIFIER_SHAPES.items()}),
        "precision": e["as_of_date_precision"],
        "doubtful": e["doubtful"],
        "source_id": e["source_id"],
    }).reset_index(drop=True)


def most_estimated(points: pd.DataFrame, series: int) -> pd.DataFrame:
    """The `points` (of `estimate_points`) of the `series` series with most of them."""
    return points[of_most(points["series"], series)]


def worded(t: Tables, points: pd.DataFrame) -> pd.DataFrame:
    """`points` (rows of `estimate_points`) with the `figure` each states and `when`, in
    words, in place of their `row`: worded for the few shown, not for a whole database."""
    e = t.fighter_estimates.loc[points["row"], ["qualifier", "low", "high", "as_of_date",
                                                "date_inferred"]]
    return points.drop(columns="row").assign(
        when=dated(e, "as_of_date").to_numpy(),
        figure=quantities(e["qualifier"], e["low"], e["high"]))


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
    e = e.assign(claimant=e["claimant"].astype("str"), group=e["group"].map(actors.names(t.actors)),
                 area=e["area_name"],
                 figure=quantities(e["qualifier"], e["low"], e["high"]),
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
