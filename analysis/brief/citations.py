"""Citations: every claim a brief shows links to its source, with its verbatim quote.

Sources are numbered in the order the brief first cites them. A marker shows the source's
number; hovering or focusing it shows the quotes behind the claim and who made them, and it
links to the source's entry in the Sources section, which lists every quote the brief used
from that source (the endnotes, in HTML and PDF alike).
"""

import functools

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis import contract
from analysis.brief import limits
from analysis.core import dates, words
from analysis.core.markup import Markup
from analysis.tables import actors
from analysis.tables.load import Tables

PROVENANCE = ["source_id", "quote", "quote_gloss", "attributed_to"]
"""What a citation shows of a claim row."""


class Citations:
    def __init__(self, t: Tables):
        self._sources = t.sources.set_index("source_id")
        self._described = self._sources[["publisher", "published", "reliability"]].to_dict(
            "index")  # looked up for every marker: one frame row costs a Series
        self._names = actors.names(t.actors)
        self._frames = dict(t.claims())
        self._rows: dict[str, dict] = {}  # table -> {row label: provenance}, filled as cited
        self._source_codes: dict[str, tuple[np.ndarray, pd.Index]] = {}
        self._arrow: dict[str, list[pa.Array]] = {}
        self.numbers: dict[str, int] = {}
        self.quoted: dict[str, dict[str, str]] = {}  # source id -> {quote: attribution}
        self._markers = 0

    def number(self, source_id: str) -> int:
        if source_id not in self.numbers:
            self.numbers[source_id] = len(self.numbers) + 1
            self.quoted[source_id] = {}
        return self.numbers[source_id]

    def claims(self, table: str, rows) -> Markup:
        """Markers for claim rows of `table`, given by their labels in the brief's table
        (not their ids: a table of a whole database has a million of those to look up): one
        marker per source, its quotes on hover/focus. Beyond `limits.ROWS_CITED` rows, those of
        the fewest sources (`_sparing`) and a count of the others."""
        rows = pd.unique(np.asarray(rows, dtype="int64"))  # each once, in order
        by_source: dict[str, list[dict]] = {}
        cited = rows if len(rows) <= limits.ROWS_CITED else self._sparing(table, rows)
        for row in self._provenance(table, cited):
            by_source.setdefault(row["source_id"], []).append(row)
        markers = []
        for source_id, group in by_source.items():
            n = self.number(source_id)
            notes = []
            for row in group:
                quote = f"“{row['quote']}”" + (f" ({row['quote_gloss']})"
                                              if row["quote_gloss"] else "")
                by = self._names.get(row["attributed_to"], "")
                self.quoted[source_id].setdefault(row["quote"], by)
                notes.append(quote + (f" — {by}" if by else ""))
            self._markers += 1
            text = f"[{n}] {' '.join(notes)} {self.describe(source_id)}."
            markers.append(contract.marker(n, f"note-{self._markers}", text))
        more = len(rows) - limits.ROWS_CITED
        if more > 0:
            markers.append(contract.more_marker(words.plural(more, "more report")))
        return Markup(contract.MARKER_GAP.join(markers))

    def _sparing(self, table: str, rows: np.ndarray) -> np.ndarray:
        """`limits.ROWS_CITED` of the rows, in their order, from as few sources as may be: rows of
        sources the brief already cites first, then those of the sources most of the rows
        come from. A table of a whole database then cites tens of sources, not hundreds."""
        code, ids = self._sources_of(table)
        at = code[self._frames[table].index.get_indexer(rows)]
        uses = np.bincount(at, minlength=len(ids))[at]
        new = ~ids.isin(list(self.numbers))[at]
        chosen = np.lexsort((-uses, new))[:limits.ROWS_CITED]  # stable
        return rows[np.sort(chosen)]

    def _sources_of(self, table: str) -> tuple[np.ndarray, pd.Index]:
        """Each row's source as a code into the table's source ids, made once per table."""
        if table not in self._source_codes:
            self._source_codes[table] = pd.factorize(self._frames[table]["source_id"],
                                                     use_na_sentinel=False)
        return self._source_codes[table]

    def _provenance(self, table: str, labels) -> list[dict]:
        """Claim rows' provenance (missing values as None), looked up when first cited, all
        of a marker's rows at once: a brief cites a few hundred rows of tables that may hold
        millions."""
        known = self._rows.setdefault(table, {})
        new = [label for label in labels if label not in known]
        if new:
            columns = self._arrow_of(table)
            at = pa.array(self._frames[table].index.get_indexer(new))
            values = zip(*(column.take(at).to_pylist() for column in columns), strict=True)
            for label, row in zip(new, values, strict=True):
                known[label] = dict(zip(PROVENANCE, row, strict=True))
        return [known[label] for label in labels]

    def _arrow_of(self, table: str) -> list[pa.Array]:
        """The table's `PROVENANCE` columns as Arrow arrays (a loaded table's text already
        is: taking a few rows from them costs a fraction of pandas' take)."""
        if table not in self._arrow:
            frame = self._frames[table]
            self._arrow[table] = [pa.array(frame[k].array, from_pandas=True)
                                  for k in PROVENANCE]
        return self._arrow[table]

    def claim(self, table: str, label: int) -> Markup:
        return self.claims(table, [label])

    def sources(self, source_ids) -> Markup:
        """A chart's source line: 'Sources: 1, 4, 7.' linked to the entries; beyond
        `limits.SOURCES_LISTED` sources, the most used and a count of the others."""
        counts = pd.Series(list(source_ids), dtype="object").value_counts()
        if counts.empty:
            return Markup("")
        limit = limits.SOURCES_LISTED
        numbers = sorted(self.number(s) for s in counts.index[:limit])
        links = ", ".join(contract.source_link(n) for n in numbers)
        plural = "s" if len(counts) > 1 else ""
        more = (f" and {words.plural(len(counts) - limit, 'other source')}, each used less"
                if len(counts) > limit else "")
        return Markup(f'<span class="source-line">Source{plural}: {links}{more}.</span>')

    @functools.cache  # noqa: B019 - one Citations per brief
    def describe(self, source_id: str) -> str:
        """Plain text: publisher, date (at its precision, or 'date not printed'), grade."""
        s = self._described[source_id]
        publisher = s["publisher"] if isinstance(s["publisher"], str) else "publisher unknown"
        when = dates.display(s["published"]) if isinstance(s["published"], str) \
            else "date not printed"
        return f"— {publisher}, {when}, reliability {s['reliability']}"

    def entries(self) -> pd.DataFrame:
        """The cited sources in number order, with the quotes used from each."""
        order = sorted(self.numbers, key=self.numbers.__getitem__)
        out = self._sources.loc[order].reset_index()
        out.insert(0, "number", [self.numbers[s] for s in order])
        out["quotes"] = [list(self.quoted[s].items()) for s in order]
        return out

