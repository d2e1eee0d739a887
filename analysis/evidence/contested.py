"""Where the data disagrees: the same claim reported with different figures (the same
deal, the same estimate period), and one figure credited to different claimants (the
"3,000 fighters" case). Every version is kept; nothing is averaged or resolved."""

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import dates
from analysis.core.distinct import codes
from analysis.tables import actors, derived
from analysis.tables.load import Tables
from analysis.tables.quantities import bounds
from analysis.tables.schema import quantity_columns
from analysis.tables.vocab import GRADES


@dataclass(frozen=True)
class Contest:
    """Rows that report the same thing with different figures, grouped by figure."""

    table: str
    key: str
    what: str  # the claim in words ('Russia → Pakistan: Mi-35 helicopters')
    versions: pd.DataFrame  # one row per distinct figure: figure, rows, origins, grades
    conflict: bool  # True when some versions cannot both be right (ranges do not overlap)
    between_origins: bool  # False when one origin's figure is relayed differently
    jump: bool = False  # one origin's figures, ten times apart within months (`jumps`)


def contests(t: Tables, table: str, describe, limit: int | None = None
             ) -> tuple[list[Contest], int]:
    """Every claim of `table` reported with different figures. `describe(rows)` names the
    claim. One source giving one origin's two figures reports a change, not a
    disagreement, and is left out. With `limit`, the `limit` most reported claims; the
    count of all contested claims comes second."""
    full = getattr(t, table)
    keys = full["claim_key"]  # -1: matched with none
    # only claims reported at least twice can be contested: the rest need no figures
    reported = (keys >= 0) & keys.duplicated(keep=False)
    frame = full.loc[reported, ["source_id", "origin", "grade", *quantity_columns(table), "stated"]]
    frame = frame.rename(columns={"stated": "figure"}).assign(key=keys[reported])
    frame = frame.dropna(subset=["figure"])
    spread = frame.groupby("key", sort=False).agg(figures=("figure", "nunique"),
                                                  sources=("source_id", "nunique"),
                                                  origins=("origin", "nunique"))
    wanted = spread[(spread["figures"] > 1)
                    & ((spread["sources"] > 1) | (spread["origins"] > 1))]
    total = len(wanted)
    if limit:
        wanted = wanted.assign(reports=frame["key"].value_counts()).sort_values(
            "reports", ascending=False, kind="stable").head(limit)
    frame = frame[frame["key"].isin(wanted.index)]
    out = []
    for _, rows in frame.groupby("key", sort=False):
        if rows["figure"].nunique() < 2 or (rows["source_id"].nunique() < 2
                                            and rows["origin"].nunique() < 2):
            continue
        b = bounds(table, rows)
        conflict = bool(b["low"].max() > b["high"].min())
        out.append(Contest(table, derived.claim(table, full.loc[rows.index[0]]),
                           describe(full.loc[rows.index]), _versions(rows), conflict,
                           rows["origin"].nunique() > 1))
    return out, total


JUMP = 10
"""How many times larger one origin's figure must be than its figure of a few months before
(or after) to be contested: a change that size from one claimant is likelier a slip (a
relay's extra zero) than news."""
WITHIN = pd.Timedelta(days=183)
"""How close the two figures' dates must be (the gap between their spans): six months."""


def jumps(t: Tables, describe, limit: int | None = None) -> tuple[list[Contest], int]:
    """Estimates of one group, measure and area by one origin whose headline figures (the
    stated number, or its upper end) differ `JUMP` times or more within `WITHIN` of each
    other: each such set of figures is contested. `describe(rows)` names it; with
    `limit`, the `limit` with most reports; the count of all comes second."""
    full = t.fighter_estimates
    # each estimate against the one before it of the same series, in date order: worked out
    # on the few columns compared (a whole table's rows are taken only for the jumps found)
    e = full.loc[full["as_of_date_first"].notna() & (full["low"].notna() | full["high"].notna()),
                 ["series_key", "as_of_date_first", "as_of_date_last", "low", "high"]]
    key = pd.factorize(e["series_key"])[0]  # numbered as first seen among these
    order = np.lexsort((e["as_of_date_first"].to_numpy(), key))  # stable
    key = key[order]
    number = e["high"].fillna(e["low"]).astype("float").to_numpy()[order]
    first = e["as_of_date_first"].to_numpy()[order]
    last = e["as_of_date_last"].to_numpy()[order]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.maximum(number[1:], number[:-1]) / np.minimum(number[1:], number[:-1])
    jumped = np.flatnonzero((key[1:] == key[:-1]) & (first[1:] - last[:-1] <= WITHIN)
                            & (ratio >= JUMP)) + 1
    at = np.union1d(jumped - 1, jumped)  # in series order, then date order
    _, starts, sizes = np.unique(key[at], return_index=True, return_counts=True)
    total = len(sizes)
    shown = np.argsort(-sizes, kind="stable")[:limit] if limit else np.arange(total)
    out = []
    for g in shown:  # the most reported first, then in series order
        labels = e.index[order[at[starts[g]:starts[g] + sizes[g]]]]
        rows = full.loc[labels]
        out.append(Contest("fighter_estimates", derived.claim("fighter_estimates", rows.iloc[0]),
                           describe(rows), _versions(rows.assign(figure=rows["stated"])),
                           True, False, jump=True))
    return out, total


def _versions(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct `figure` of `rows`, in order of first appearance: the rows
    giving it, their origins, grades and how many sources. Gathered in Python over sorted
    runs: a contest has a few versions, but may have thousands of rows."""
    code, figures = pd.factorize(rows["figure"])
    order = np.argsort(code, kind="stable")
    ends = np.searchsorted(code[order], np.arange(len(figures) + 1))
    label, origin, grade, source = ([*column[order]] for column in (
        rows.index.to_numpy(), rows["origin"].to_numpy(), rows["grade"].to_numpy(),
        rows["source_id"].to_numpy()))
    runs = [slice(a, b) for a, b in itertools.pairwise(ends)]
    return pd.DataFrame({
        "figure": list(figures),
        "rows": [tuple(int(x) for x in label[run]) for run in runs],
        "origins": [tuple(dict.fromkeys(origin[run])) for run in runs],
        "grades": [tuple(sorted(set(grade[run]), key=GRADES.index)) for run in runs],
        "sources": [len(set(source[run])) for run in runs],
    })


@dataclass(frozen=True)
class Attribution:
    """One figure credited to different claimants."""

    what: str  # '3,000 Islamic State fighters'
    rows: pd.DataFrame  # row (its label), estimate_id, claimant, figure, when, source_id, grade


def disputed_attributions(t: Tables, measure: str = "fighters", limit: int | None = None
                          ) -> tuple[list[Attribution], int]:
    """Estimates of the same group and area that state the same figure (the same
    qualifier, low and high: "about 3,000", not merely the same upper end) credited to
    different origins. When the figure is dated to several periods, each period is judged
    on its own (undated rows then match none): estimates of different moments are
    different estimates, not one figure."""
    e = t.fighter_estimates
    e = e[(e["measure"] == measure) & (e["high"].notna() | e["low"].notna())]
    e = e.assign(number=codes(*(e[c] for c in quantity_columns("fighter_estimates"))))
    keys = ["group", "area", "number"]
    e = e[e.groupby(keys)["origin"].transform("nunique") > 1]  # only figures in dispute
    e = e.assign(number=e["stated"].astype("str"))  # worded for those
    # one cluster per period where the figure is dated to several ("" where it is not)
    dated = e.groupby(keys)["as_of_date"].transform("nunique") > 1
    e = e.assign(period=e["as_of_date"].where(dated, ""))
    e = e[e["period"].notna()]  # undated rows fit none of several periods
    clusters = keys + ["period"]
    e = e[e.groupby(clusters)["origin"].transform("nunique") > 1]
    origins = e.groupby(clusters, sort=True)["origin"].nunique()
    total = len(origins)
    if limit:  # the figures credited to most claimants
        origins = origins.sort_values(ascending=False, kind="stable").head(limit)
    rows_of = e.groupby(clusters, sort=True).indices
    names = actors.names(t.actors)
    out = []
    for group, area, number, period in origins.index:
        rows = e.iloc[rows_of[(group, area, number, period)]]
        rows = rows.assign(figure=rows["stated"])
        out.append(_attribution(rows, f"{number} {names[group]} {measure}"))
    return out, total


def _attribution(rows: pd.DataFrame, what: str) -> Attribution:
    rows = rows.sort_values(["as_of_date_first", "reported_date_first"], na_position="last")
    shown = pd.DataFrame({
        "row": rows.index, "estimate_id": rows["estimate_id"], "origin": rows["origin"],
        "claimant": rows["claimant"], "figure": rows["figure"],
        "when": rows["as_of_date"].map(dates.display), "source_id": rows["source_id"],
        "grade": rows["grade"]})
    return Attribution(what, shown.reset_index(drop=True))
