"""What changed since the previous edition: rows new or changed in this brief's
selection, rows removed from the data."""

from datetime import UTC, datetime

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact
from analysis.brief.section import Section, heading, shown
from analysis.core import dates, words
from analysis.core.markup import Markup, table
from analysis.evidence.describe import describe
from analysis.tables import changes
from analysis.tables.load import Tables


def section(t: Tables, cite: Citations, previous: str | None) -> Section:
    found = changes.compare(previous, t.data_dir)
    if found.previous is None:
        return Section("changes", heading("changes"), Markup(
            "<p>First edition: there is no earlier published edition of this brief to "
            "compare with.</p>"), facts={"changes": Fact("first edition")})
    rows, count = [], {"new": 0, "changed": 0}
    for name, frame in t.claims():
        for kind, by_table in (("new", found.new), ("changed", found.changed)):
            listed = frame[frame.iloc[:, 0].isin(by_table.get(name, []))]
            count[kind] += len(listed)
            listed = listed.head(limits.TABLE_ROWS - len(rows))  # only the rows shown are worded
            rows += [(kind, row_id, what, cite.claim(name, label))
                     for label, row_id, what in zip(
                         listed.index, listed.iloc[:, 0], describe(t, name, listed),
                         strict=True)]
    removed = sum(len(ids) for ids in found.removed.values())
    prev = found.previous
    when = dates.display(prev.get("edition")) if prev.get("edition") else "an earlier day"
    summary = Markup(
        "<p>Since the edition of {when} (built {built}): {new} and {changed} in this "
        "brief's selection; {removed} from the data.</p>").format(
            when=when, built=_moment(prev.get("built_at")),
            new=words.plural(count["new"], "new row"),
            changed=words.plural(count["changed"], "changed row"),
            removed=words.plural(removed, "row") + " removed")
    total = count["new"] + count["changed"]
    parts = [heading("changes"), summary]
    if found.untracked:
        parts.append(Markup("<p>Not compared row by row (too large, or recorded "
                            "differently by the earlier edition): {}.</p>").format(
            ", ".join(name.replace("_", " ") for name in found.untracked)))
    if rows:
        parts.append(table(["", "Row", "Report", "Source"], rows, classes="compact",
                           caption="Rows new or changed"
                           + shown(len(rows), total, "row", "first") + "."))
    return Section("changes", *parts,
                   facts={"changes": Fact(words.plural(total, "row") + " new or changed")})


def _moment(iso: str | None) -> str:
    """'28 November 2026, 06:39 UTC' from an ISO timestamp."""
    if not iso:
        return "at an unknown time"
    return f"{datetime.fromisoformat(iso).astimezone(UTC):%d %B %Y, %H:%M} UTC".lstrip("0")
