"""A section of the brief: its parts (HTML and charts) and the facts it computed, and the
phrases its captions share ("the 35 most reported of 1,234 deals")."""

import os

import pandas as pd

from analysis import contract
from analysis.brief.prose import Fact
from analysis.charts.figure import Figure
from analysis.core import ranking, words
from analysis.core.markup import Markup, escape
from analysis.core.registry import Registry

SECTIONS: Registry[str] = Registry("brief section")
"""Section id -> heading, in brief order. The ids are the HTML anchors; each section is the
module of that name in `analysis.brief.sections`, whose `section(brief, ...)` makes it, and
`Brief.<id>(...)` calls it. A new section: its module, and one line here."""
SECTIONS.register("judgments", "Bottom line up front")
SECTIONS.register("hypotheses", "Competing hypotheses")
SECTIONS.register("indicators", "Indicators to watch")
SECTIONS.register("review", "Awaiting review")
SECTIONS.register("arms", "Arms transfers")
SECTIONS.register("estimates", "Fighter and force estimates")
SECTIONS.register("contacts", "Diplomatic contacts")
SECTIONS.register("where", "Where it happens")
SECTIONS.register("wider", "The wider picture")
SECTIONS.register("quality", "Where the evidence comes from")
SECTIONS.register("contested", "Contested figures")
SECTIONS.register("evidence", "Every report, in its source's words")
SECTIONS.register("changes", "What changed")
SECTIONS.register("sources", "Sources")
SECTIONS.register("colophon", "Colophon")


class Section:
    """Displayable parts of one section (`key`: its id; None for the masthead), and the
    facts it adds to what the analyst's prose may refer to. The first part's output
    metadata carries the section's table-of-contents entry, or marks the masthead (after
    which the contents go)."""

    def __init__(self, key: str | None, *parts, facts: dict[str, Fact] | None = None,
                 record: dict | None = None):
        """`record`: what the builder keeps of the section for the next edition."""
        self.key = key
        self.parts = [p for p in parts if p]
        self.facts = facts or {}
        self.record = record
        self.data: str | None = None
        """The validated-cache entry of the tables it was made from (`Brief` sets it)."""

    def html(self) -> str:
        return "".join(str(p) for p in self.parts if not isinstance(p, Figure))

    def _ipython_display_(self):
        from IPython.display import display

        for i, part in enumerate(self.parts):
            if isinstance(part, Figure):
                display(part)
                continue
            html = str(part)
            if not os.environ.get(contract.BUILD_ENV):  # in Jupyter: styled as the brief
                html = jupyter_html(html, masthead=self.key is None)
            meta = {}
            if i == 0:
                meta = contract.section_metadata(
                    self.key, SECTIONS.get(self.key), judgments=self.record, data=self.data)
            display({"text/html": html}, raw=True, metadata=meta)


def jupyter_html(html: str, masthead: bool = False) -> str:
    """A section's part as Jupyter shows it: inside an element the brief's styles are
    scoped to (nothing leaks into the page around it); the masthead also carries the fonts
    and the charts' script (`charts.assets.jupyter_page`)."""
    from analysis.charts.assets import jupyter_styles
    from analysis.charts.figure import jupyter_page

    page = jupyter_page() if masthead else ""
    return f'{page}{jupyter_styles()}<div class="bedfellows">{html}</div>'


def heading(key: str) -> Markup:
    return contract.heading(key, SECTIONS[key])


def shown(count: int, total: int, noun: str, which: str) -> str:
    """' (the 60 most reported of 1,234 deals)' when a table shows only part."""
    if count >= total:
        return ""
    return f" (the {count:,} {which} of {words.plural(total, noun)})"


def focused(events: pd.DataFrame, noun: str) -> tuple[pd.DataFrame, Markup]:
    """A timeline's events without the few early ones that stand far from the rest
    (`core.ranking.focus`), and a caption that says which were left out."""
    keep = ranking.focus(events["start"])
    left = events[~keep]
    if left.empty:
        return events, Markup("")
    years = words.series(sorted({f"{d:%Y}" for d in left["start"]}))
    return events[keep], escape(f" Not drawn, so that the rest can be read: "
                                f"{words.plural(len(left), noun)} of {years}, long before "
                                "the others.")


def drawn(rows: pd.Series, most: int, noun: str, count: int, item: str) -> Markup:
    """A chart caption's ' Drawn: ...' when a chart of one row (or panel) per value of
    `rows` (one per dated `item`) draws the `most` values with most items, and of their
    items the `count` latest: a whole database would draw thousands of rows."""
    counts = rows.value_counts()
    counts = counts[counts > 0]  # a categorical counts its unused values too
    many, of = len(counts) > most, int(counts.head(most).sum())
    said = "; ".join(filter(None, [
        f"the {most} {noun} with most {item}s, of {len(counts):,}" if many else "",
        f"the {count:,} latest of {'their ' if many else ''}{words.plural(of, item)}"
        if count < of else ""]))
    return escape(f" Drawn: {said}.") if said else Markup("")

