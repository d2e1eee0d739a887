"""Citations: every claim a brief shows links to its source, with its verbatim quote.

Sources are numbered in the order the brief first cites them. A citation marker shows the
source's number; hovering or focusing it shows the claim's quote and who made it, and it
links to the source's entry in the Sources section. In the PDF the same markup becomes a
page footnote (CSS `float: footnote`).
"""

import html

import pandas as pd

from . import dates
from .load import Tables
from .prepare import actor_names


class Citations:
    def __init__(self, t: Tables):
        self._t = t
        self._sources = t.sources.set_index("source_id")
        self._names = actor_names(t)
        self._rows = {name: frame.set_index(frame.columns[0]) for name, frame in t.claims()}
        self.numbers: dict[str, int] = {}
        self._markers = 0

    def number(self, source_id: str) -> int:
        if source_id not in self.numbers:
            self.numbers[source_id] = len(self.numbers) + 1
        return self.numbers[source_id]

    def claim(self, table: str, row_id: str) -> str:
        """A marker for one claim row: its source number, its quote on hover/focus."""
        row = self._rows[table].loc[row_id]
        n = self.number(row["source_id"])
        by = self._names.get(row["attributed_to"]) if isinstance(row["attributed_to"], str) \
            else None
        quote = f"“{row['quote']}”"
        if isinstance(row["quote_gloss"], str):
            quote += f" ({row['quote_gloss']})"
        note = (f"{quote} {'— ' + by + ', as reported by ' if by else '— '}"
                f"{self.describe(row['source_id'])}.")
        self._markers += 1
        key = f"note-{self._markers}"
        return (f'<span class="cite"><a href="#source-{n}" aria-describedby="{key}">{n}</a>'
                f'<span class="note" role="tooltip" id="{key}">[{n}] {html.escape(note)}'
                f'</span></span>')

    def claims(self, table: str, row_ids) -> str:
        return "".join(self.claim(table, r) for r in row_ids)

    def sources(self, source_ids) -> str:
        """A chart's or table's source line: 'Sources: 1, 4, 7.' linked to the entries."""
        numbers = sorted(self.number(s) for s in set(source_ids))
        if not numbers:
            return ""
        links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        return f'<span class="source-line">Source{"s" if len(numbers) > 1 else ""}: {links}.</span>'

    def describe(self, source_id: str) -> str:
        """Plain text: publisher, date (at its precision, or 'date not printed'), grade."""
        s = self._sources.loc[source_id]
        publisher = s["publisher"] if isinstance(s["publisher"], str) else "publisher unknown"
        when = dates.display(s["published"]) if isinstance(s["published"], str) \
            else "date not printed"
        return f"{publisher}, {when} (reliability {s['reliability']})"

    def entries(self) -> pd.DataFrame:
        """The cited sources in number order, for the Sources section."""
        order = sorted(self.numbers, key=self.numbers.get)
        out = self._sources.loc[order].reset_index()
        out.insert(0, "number", [self.numbers[s] for s in order])
        return out
