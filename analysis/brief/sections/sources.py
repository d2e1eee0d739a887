"""Sources: every source the brief cites, numbered as cited, with its grade and the
passages it relies on (the endnotes of HTML and PDF alike; in print, above
`limits.SOURCES_PRINTED_IN_FULL` sources, without the passages)."""

from typing import TYPE_CHECKING

import pandas as pd

from analysis import contract
from analysis.brief import limits
from analysis.brief.section import Section, heading
from analysis.core import dates, words
from analysis.core.markup import Markup
from analysis.tables.vocab import DOUBTFUL, GRADE_SCALE

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Every source the brief cites, numbered as cited."""
    cite = b.cite
    items = []
    entries = cite.entries()
    each = _fair_share(entries["quotes"].map(len), limits.QUOTES_IN_ALL,
                       limits.QUOTES_PER_SOURCE)
    for s in entries.itertuples():
        who = ", ".join(x for x in (s.author, s.publisher) if isinstance(x, str))
        when = (dates.display(s.published) if isinstance(s.published, str)
                else "date not printed")
        # The address is shown, not linked: a brief makes no network request, even on a
        # click, and a reader can still trace the source.
        url = (Markup(' <span class="url">{}</span>').format(s.url)
               if isinstance(s.url, str) else "")
        quotes = Markup("").join(
            Markup("<li>“{}”{}</li>").format(q, f" — {by}" if by else "")
            for q, by in s.quotes[:each])
        if len(s.quotes) > each:
            quotes += Markup("<li>and {}</li>").format(
                words.plural(len(s.quotes) - each, "more passage"))
        items.append(Markup(
            '<li id="{anchor}" value="{n}">{title}. {who}; {when}. Reliability '
            '<span class="grade">{grade}</span>.{url}<ul class="quotes">{quotes}</ul></li>'
        ).format(anchor=contract.source_anchor(s.number), n=s.number, title=s.title,
                 who=who or "Publisher not printed", when=when, grade=s.reliability,
                 url=url, quotes=quotes))
    if not items:
        return Section("sources", heading("sources"),
                       Markup("<p>No source is cited in this brief.</p>"))
    abridged = len(entries) > limits.SOURCES_PRINTED_IN_FULL
    note = Markup(
        '<p class="print-only">Printed here: each of the {n} sources once, without the '
        "passages it relies on; the HTML brief and the deep dives carry them.</p>"
    ).format(n=f"{len(entries):,}") if abridged else ""
    return Section("sources", heading("sources"), Markup(
        "<p>Every source the brief cites, numbered as cited, with the passages it "
        "relies on. Reliability is the Admiralty grade, from {scale}. {doubtful}</p>{note}"
        '<ol class="{kind}">{items}</ol>').format(
            scale=GRADE_SCALE, doubtful=DOUBTFUL, note=note,
            kind=contract.ABRIDGED_SOURCES if abridged else "sources",
            items=Markup("").join(items)))


def _fair_share(counts: pd.Series, total: int, most: int) -> int:
    """The largest number of items each may list, at most `most`, so that all together
    list at most `total` (a source with fewer lists all of its own)."""
    share = most
    while share > 1 and counts.clip(upper=share).sum() > total:
        share -= 1
    return share
