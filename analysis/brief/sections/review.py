"""Awaiting review (a question's deep dive): the claim rows that entered the data since the
analyst last reviewed the judgment and bear on the question, each with why and whether it
is tagged, newest entry first."""

from typing import TYPE_CHECKING

from analysis.brief import limits
from analysis.brief.section import Section, heading, shown
from analysis.core import dates, words
from analysis.core.markup import Markup, table
from analysis.evidence.questions import awaiting

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """What entered the data since each judgment's review (a question's deep dive).
    Nothing for a brief that answers no question."""
    t, cite, questions = b.loaded, b.cite, b.questions
    if not questions:
        return Section("review")
    parts = [heading("review")]
    for q in questions:
        parts.append(Markup("<h3>{}</h3>").format(q.text))
        if q.current is None:
            parts.append(Markup("<p>No judgment has been made on this question yet: there "
                                "is no review to await.</p>"))
            continue
        rows = awaiting(t, q)
        if rows.empty:
            parts.append(Markup("<p>Nothing bearing on this question has entered the data "
                                "since its review on {}.</p>").format(dates.display(q.reviewed)))
            continue
        shown_rows = rows.head(limits.TABLE_ROWS)
        parts.append(table(
            ["Row", "Entered", "Report", "Bears on it by", "Tagged", "Source"],
            [(r.row, dates.display(r.entered), f"{r.report} ({r.date})", r.matched,
              "yes" if r.tagged else "not yet", cite.claim(r.table, r.label))
             for r in shown_rows.itertuples()],
            caption=f"Entered since the review on {dates.display(q.reviewed)}: "
                    f"{words.plural(len(rows), 'row')}, {q.untagged:,} not yet tagged"
                    + shown(len(shown_rows), len(rows), "row", "newest entered") + ".",
            classes="compact"))
    return Section("review", *parts)
