"""What changed since the previous edition: per table, how many rows are new, changed or
removed; then the rows themselves, what matters first. New events come first, by their
event date, newest first; then changed rows, likewise; then new rows with no event date.
The first rows are shown; the HTML lists the rest (up to a bound) under a fold, the PDF
counts them."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact
from analysis.brief.section import Section, heading, shown
from analysis.core import dates, words
from analysis.core.markup import Markup, table
from analysis.evidence.describe import describe
from analysis.tables import changes, schema
from analysis.tables.load import Tables
from analysis.tables.schema import ADDED, CLAIM_TABLES, TABLES

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief

JUDGMENTS = schema.JUDGMENTS.name
"""The analyst's dated judgments: a revision is listed like any row, on its day."""
NEW_DATED, CHANGED, NEW_UNDATED = 0, 1, 2
"""The order rows are listed in (then newest event first, then table order)."""


def section(b: "Brief") -> Section:
    """What changed since the previous edition (`previous`: its manifest)."""
    t, cite, previous = b.t, b.cite, b.previous
    found = changes.compare(previous, t.inputs.rows)
    if found.previous is None:
        return Section("changes", heading("changes"), Markup(
            "<p>First edition: there is no earlier published edition of this brief to "
            "compare with.</p>"), facts={"changes": Fact("first edition")})
    rows = _ranked(t, found)
    removed = sum(len(ids) for ids in found.removed.values())
    prev = found.previous
    when = dates.display(prev.get("edition")) if prev.get("edition") else "an earlier day"
    kept = f"edition {prev['edition_id']}, " if prev.get("edition_id") else ""
    new, changed = int((rows["kind"] == "new").sum()), int((rows["kind"] == "changed").sum())
    summary = Markup(
        "<p>Since the edition of {when} ({kept}built {built}; it stays published): {new} and "
        "{changed} in this brief's selection; {removed} from the data.</p>").format(
            when=when, kept=kept, built=_moment(prev.get("built_at")),
            new=words.plural(new, "new row"), changed=words.plural(changed, "changed row"),
            removed=words.plural(removed, "row") + " removed")
    parts = [heading("changes"), summary, _counts(rows, found)]
    if found.untracked:
        parts.append(Markup("<p>Not compared row by row (too large, or recorded "
                            "differently by the earlier edition): {}.</p>").format(
            ", ".join(name.replace("_", " ") for name in found.untracked)))
    if len(rows):
        parts += _listed(t, cite, rows)
    return Section("changes", *parts,
                   facts={"changes": Fact(words.plural(new + changed, "row")
                                          + " new or changed")})


def _ranked(t: Tables, found: changes.Changes) -> pd.DataFrame:
    """The rows new or changed in the brief's selection, in the order they are listed:
    table, label, kind, and the span of their event date."""
    ranked = []
    for name, frame in [*t.claims(), (JUDGMENTS, t.judgments)]:  # a revision, on its day
        event = TABLES[name].metadata.get("event_date", ADDED.get(name))
        for kind, by_table in (("new", found.new), ("changed", found.changed)):
            rows = frame.loc[frame.iloc[:, 0].isin(by_table.get(name, [])),
                             [f"{event}_first", f"{event}_last"]]
            ranked.append(pd.DataFrame({
                "table": name, "label": rows.index, "kind": kind,
                "first": rows.iloc[:, 0].to_numpy(), "last": rows.iloc[:, 1].to_numpy()}))
    rows = pd.concat(ranked, ignore_index=True)
    dated = rows["last"].notna()
    rows["group"] = (rows["kind"] == "changed").map({True: CHANGED, False: NEW_DATED})
    rows.loc[~dated & (rows["kind"] == "new"), "group"] = NEW_UNDATED
    order = dates.newest_first(rows["first"], rows["last"])
    return rows.assign(order=order).sort_values(["group", "order"], kind="stable")


def _counts(rows: pd.DataFrame, found: changes.Changes) -> Markup:
    """New, changed and removed rows per table: the claim tables in the brief's selection
    (removed rows in the data), the others in the data."""
    lines = []
    for name in [*CLAIM_TABLES, *(n for n in TABLES if n not in CLAIM_TABLES)]:
        if name in found.untracked or name not in found.new:
            continue
        if name in CLAIM_TABLES:
            here = rows[rows["table"] == name]
            new, changed = int((here["kind"] == "new").sum()), int(
                (here["kind"] == "changed").sum())
        else:
            new, changed = len(found.new[name]), len(found.changed[name])
        lines.append((name.replace("_", " "), f"{new:,}", f"{changed:,}",
                      f"{len(found.removed[name]):,}"))
    return table(["Table", "New", "Changed", "Removed"], lines, classes="compact counts",
                 caption="Rows by table: claims in this brief's selection; sources, actors "
                         "and removed rows in the whole data.")


def _listed(t: Tables, cite: Citations, rows: pd.DataFrame) -> list[Markup]:
    """The first rows in a table; the next ones, up to `limits.CHANGES_LISTED`, under a
    fold in the HTML (print counts them instead)."""
    total = len(rows)
    first = _table(t, cite, rows.head(limits.TABLE_ROWS),
                   "Rows new or changed, new events first, newest first"
                   + shown(min(total, limits.TABLE_ROWS), total, "row", "first") + ".")
    more = rows.iloc[limits.TABLE_ROWS:limits.CHANGES_LISTED]
    if more.empty:
        return [first]
    rest = total - limits.TABLE_ROWS
    listed = (f"the next {len(more):,} of {rest:,}" if len(more) < rest
              else f"all {rest:,}")
    fold = Markup('<details class="more-rows"><summary>The other {}: {}</summary>{}'
                  "</details>").format(words.plural(rest, "row"), listed,
                                       _table(t, cite, more, ""))
    note = Markup('<p class="print-only">And {} new or changed, listed in the HTML '
                  "brief.</p>").format(words.plural(rest, "more row"))
    return [first, fold, note]


def _table(t: Tables, cite: Citations, rows: pd.DataFrame, caption: str) -> Markup:
    worded: dict[tuple[str, str], tuple[str, str]] = {}
    for name, labels in rows.groupby("table", sort=False)["label"]:
        frame = getattr(t, name).loc[labels]
        what = _judged(frame) if name == JUDGMENTS else describe(t, name, frame)
        worded |= {(name, label): (row_id, what) for label, row_id, what in zip(
            frame.index, frame.iloc[:, 0], what, strict=True)}
    lines = [(r.kind, r.table.replace("_", " "), *worded[(r.table, r.label)],
              "the analyst’s" if r.table == JUDGMENTS else cite.claim(r.table, r.label))
             for r in rows.itertuples()]
    return table(["", "Table", "Row", "Report", "Source"], lines, classes="compact",
                 caption=caption)


def _judged(frame: pd.DataFrame) -> list[str]:
    """A judgment record in a line: its question, day, term and words."""
    return [f"{r.question_id}, judged on {dates.display(r.reviewed)} ({r.likelihood}): "
            f"{r.judgment}" for r in frame.itertuples()]


def _moment(iso: str | None) -> str:
    """'28 November 2026, 06:39 UTC' from an ISO timestamp."""
    if not iso:
        return "at an unknown time"
    return f"{datetime.fromisoformat(iso).astimezone(UTC):%d %B %Y, %H:%M} UTC".lstrip("0")
