"""Indicators to watch: per key question, each signpost the analyst declared, the
hypothesis it points to, and where it stands in this edition (not seen; seen, since when,
with its citations; contradicted), and whether that changed since the previous edition."""

from typing import TYPE_CHECKING

from analysis.brief.section import Section, heading
from analysis.core import dates
from analysis.core.markup import Markup
from analysis.evidence.indicators import CONTRADICTED, SEEN

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Each question's indicators, and which moved since the previous edition. Nothing
    for a brief that answers no question."""
    cite, questions, previous = b.cite, b.questions, b.judged_before
    if not questions:
        return Section("indicators")
    rows = []
    for q in questions:
        was = ((previous or {}).get(q.key) or {}).get("indicators", {})
        for i in q.indicators:
            if i.status == SEEN:
                status = Markup("seen, first on {d}{c}").format(
                    d=_day(i.first_seen), c=cite.claims(i.table, i.seen))
            elif i.status == CONTRADICTED:
                status = Markup("contradicted on {d}{c}").format(
                    d=_day(i.latest), c=cite.claims(i.against_table, i.against))
            else:
                status = Markup("not seen")
            if previous is None:
                change = "no earlier edition"
            elif i.key not in was:
                change = "new indicator"
            elif was[i.key] != i.status:
                change = f"was {was[i.key]}"
            else:
                change = "unchanged"
            rows.append(Markup('<tr class="{cls}"><td>{q}</td><td>{key}: {text}</td>'
                               "<td>{h}</td><td>{status}</td><td>{change}</td></tr>").format(
                cls=i.status.replace(" ", "-"), q=q.key, key=i.key, text=i.text,
                h=i.hypothesis, status=status, change=change))
    if not rows:
        return Section("indicators", heading("indicators"),
                       Markup("<p>No indicator is declared for this brief’s questions.</p>"))
    body = Markup(
        '<table class="compact indicators"><caption>What would show a hypothesis gaining '
        "ground, and whether it has been seen (doubtful reports do not count).</caption>"
        '<thead><tr><th scope="col">Question</th><th scope="col">Indicator</th>'
        '<th scope="col">Points to</th><th scope="col">Status</th>'
        '<th scope="col">Since the previous edition</th></tr></thead><tbody>{}</tbody>'
        "</table>").format(Markup("").join(rows))
    return Section("indicators", heading("indicators"), body)


def _day(day: str | None) -> str:
    return dates.display(day) if day is not None else "an undated report"
