"""Fighter and force estimates: per group the latest estimate and the spread, the ranges
over time, part-of-whole figures, and a table of every estimate by who made it."""

from typing import TYPE_CHECKING

import pandas as pd

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.section import Section, drawn, heading, shown
from analysis.charts import estimates as charts
from analysis.charts.figure import Figure
from analysis.core import words
from analysis.core.markup import Markup, escape, table
from analysis.evidence import estimates, support
from analysis.evidence.describe import when
from analysis.tables import actors
from analysis.tables.load import Tables
from analysis.tables.quantities import quantity
from analysis.tables.vocab import PRESENCE, UNATTRIBUTED

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief", measure: str = "fighters") -> Section:
    """Each group's estimates of `measure`, one series per group and place."""
    t, cite = b.t, b.cite
    points = estimates.estimate_points(t, measure)
    parts: list[Markup | Figure] = [heading("estimates"), summary(t, points, cite, measure)]
    if not points.empty:
        # the series (a group in a place) the summary names, one panel each
        chosen = estimates.most_estimated(points, words.NAMED).nlargest(
            limits.CHART_POINTS, "start", keep="first")
        caption = cite.sources(chosen["source_id"]) + drawn(
            points["series"], words.NAMED, "groups and places", len(chosen), "dated estimate")
        undated = _undated(t, measure)
        if undated:
            caption += escape(f" Not drawn: {words.plural(undated, 'estimate')} "
                              "whose date the sources do not give (listed below).")
        parts.append(Figure(charts.estimate_ranges(estimates.worded(t, chosen), measure),
                            caption))
    cells = estimates.part_of_whole(t, PRESENCE, limits.WAFFLES)
    if not cells.empty:
        parts.append(Figure(charts.part_of_whole(cells), cite.sources(
            cells["source_id"].str.split(",").explode()) + _wholeless(t, cite)))
    parts.append(_table(t, cite, measure))
    return Section("estimates", *parts)


def summary(t: Tables, points: pd.DataFrame, cite: Citations, measure: str) -> Markup:
    """Per group in a place (like with like: a province's figures are the province's, never
    the country's): the latest dated estimate, and the spread of all estimates; for the
    `words.NAMED` series with most dated estimates, then a count of the others."""
    if points.empty:
        return Markup(f"<p>No dated estimates of {escape(measure)} in this selection.</p>")
    items = []
    series = points["series"].nunique()
    # the most estimated series, in name order
    for _, rows in estimates.most_estimated(points, words.NAMED).groupby("series", sort=True):
        label = support.latest(t.fighter_estimates, "as_of_date", rows["row"])
        assert label is not None  # the points are dated estimates
        latest = estimates.worded(t, rows[rows["row"] == label]).iloc[0]
        by = (f"according to {escape(latest['claimant'])}" if latest["side"] != UNATTRIBUTED
              else f"unattributed, in {escape(latest['claimant'])}")
        items.append(
            f"<li><strong>{escape(latest['group'])}</strong> in {escape(latest['place'])}: "
            "latest estimate "
            f"{escape(latest['figure'])} {escape(measure)} ({escape(latest['when'])}, {by})"
            f"{cite.claim('fighter_estimates', label)}; {_spread(t, cite, rows)}.</li>")
    if series > words.NAMED:
        others = words.plural(series - words.NAMED, "other group or place",
                              "other groups or places")
        items.append(f"<li>and {others}, none estimated more often than those above.</li>")
    return Markup(f"<ul class=\"findings\">{''.join(items)}</ul>")


def _spread(t: Tables, cite: Citations, rows: pd.DataFrame) -> str:
    """The span of a group's dated estimates; doubtful ones are left out of it, and said."""
    if len(rows) == 1:
        return "the only dated estimate"
    doubtful = rows[rows["doubtful"]]
    counted = rows[~rows["doubtful"]] if len(doubtful) < len(rows) else rows
    low, high = counted["low"].min(), counted["high"].max()
    text = (f"{words.plural(len(rows), 'dated estimate')} from "
            f"{words.plural(rows['claimant'].nunique(), 'claimant')} "
            + (f"all give {words.number(low)}" if low == high else
               f"span {words.number(low)} to {words.number(high)}"))
    if len(doubtful) and counted is not rows:
        left = estimates.worded(t, doubtful.head(words.NAMED))
        text += ("; left out as doubtful: "
                 + words.series([f"{escape(r.figure)} ({escape(r.when)})"
                                 for r in left.itertuples()], words.NAMED)
                 + f"{cite.claims('fighter_estimates', doubtful['row'])}")
    return text


def _wholeless(t: Tables, cite: Citations) -> Markup:
    """A waffle's caption on statements of presence that give no whole ("nearly all
    provinces"): they cannot be drawn, so they are said."""
    e = t.fighter_estimates
    e = e[(e["measure"] == PRESENCE) & e["out_of"].isna() & (e["qualifier"] != "unknown")]
    if e.empty:
        return Markup("")
    said = [f"{quantity(r.qualifier, r.low, r.high)} provinces{_when(r)}, "
            f"{'according to' if isinstance(r.attributed_to, str) else 'in'} {r.claimant}"
            for r in e.head(words.NAMED).itertuples()]
    return escape(f" Not drawn, as no total is given: {words.series(said, words.NAMED)}"
                  ) + cite.claims("fighter_estimates", e.index) + Markup(".")


def _undated(t: Tables, measure: str) -> int:
    e = t.fighter_estimates
    return int((e["measure"].eq(measure) & e["as_of_date_first"].isna()).sum())


def _table(t: Tables, cite: Citations, measure: str) -> Markup:
    e = t.fighter_estimates
    names = actors.names(t.actors)
    areas = e["area_name"].value_counts()  # the place most estimates are of is said once
    common = areas.index[0] if len(areas) and areas.iloc[0] * 2 > len(e) else None
    where = ("" if common is None else f" in {common}" if len(areas) == 1
             else f" (in {common} unless another place is given)")
    rows = []
    this = e.loc[e["measure"] == measure, ["group", "area_name", "qualifier", "low", "high",
                                           "as_of_date", "date_inferred", "as_of_date_first",
                                           "claimant", "doubtful"]]
    pairs = this.groupby(["group", "claimant"]).size()
    top = pairs.nlargest(limits.TABLE_ROWS, keep="first").index
    this = this[pd.MultiIndex.from_frame(this[["group", "claimant"]]).isin(top)]
    for (group, who), at in this.groupby(["group", "claimant"]):
        at = at.sort_values("as_of_date_first", na_position="last")
        more = len(at) - limits.CELL_ITEMS
        at = at.head(limits.CELL_ITEMS)
        stated = "; ".join(
            quantity(r.qualifier, r.low, r.high) + _when(r) + _where(r.area_name, common)
            + _doubt(r.doubtful) for r in at.itertuples())
        stated += f"; and {more:,} more" if more > 0 else ""
        rows.append((names[group], who, stated, cite.claims("fighter_estimates", at.index)))
    other = e.loc[e["measure"] != measure, ["group", "measure"]]  # sorted, then taken
    others, room = len(other), max(limits.TABLE_ROWS - len(rows), 0)
    other = e.loc[other.sort_values(["group", "measure"]).index[:room] if room else []]
    rows += [(names[r.group], r.claimant,
              f"{r.measure.replace('_', ' ').replace(' pct', ' (%)')}: "
              + quantity(r.qualifier, r.low, r.high)
              + (f" of {r.out_of}" if pd.notna(r.out_of) else "")
              + _when(r) + _where(r.area_name, common) + _doubt(r.doubtful),
              cite.claim("fighter_estimates", r.Index))
             for r in other.itertuples()]
    return table(["Group", "Claimed by", "Figures (as of)", "Sources"], rows,
                 caption=f"Estimates of {measure}{where} by who made them"
                 + shown(len(top), len(pairs), "group and claimant", "most estimating")
                 + _others(len(other), others) + ".",
                 classes="compact")


def _when(r) -> str:
    return f" ({when(r.as_of_date, r.date_inferred)})" if isinstance(r.as_of_date, str) else ""


def _doubt(doubtful: bool) -> str:
    return ", doubtful" if doubtful else ""


def _where(area: str, common: str | None) -> str:
    """Where an estimate applies, unless it is the `common` place (the caption says it)."""
    return f", {area}" if area != common else ""


def _others(count: int, total: int) -> str:
    """How the table's rows of other measures are described in its caption."""
    if not total:
        return ""
    if not count:
        return f"; other measures ({words.plural(total, 'estimate')}) not shown"
    return "; then other measures" + shown(count, total, "estimate", "first")
