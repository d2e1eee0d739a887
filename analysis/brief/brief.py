"""The brief, section by section: what a notebook calls, one call per section.

    b = Brief(data_dir=data_dir, as_of=as_of, since=since, focus=focus, title=title,
              marking=marking)
    b.header()
    b.arms()
    ...

Each call returns a `Section`, which Jupyter displays as its parts: HTML (narrative,
tables) and figures (Altair charts with their source line). The sections themselves are
`analysis.brief.sections.<id>`; this front holds what they share: the loaded, narrowed
tables, the citations they number, and the facts the analyst's prose may refer to.
"""

from dataclasses import replace
from functools import cached_property

from analysis import contract
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact, Prose, resolve
from analysis.brief.section import Section
from analysis.brief.sections import (
    arms,
    changes,
    colophon,
    contacts,
    contested,
    estimates,
    evidence,
    header,
    hypotheses,
    indicators,
    judgments,
    quality,
    review,
    sources,
    where,
    wider,
)
from analysis.core import provenance
from analysis.evidence.questions import Question, questions
from analysis.tables import changes as changes_of
from analysis.tables.load import load_tables
from analysis.tables.narrow import narrow
from analysis.tables.schema import CLAIM_TABLES


class Brief:
    """The loaded, narrowed tables of one brief, and the citations it accumulates."""

    def __init__(self, *, data_dir=None, as_of=None, since=None, focus=(), title="Brief",
                 marking="", previous=None, questions=None, tables=CLAIM_TABLES,
                 **parameters):
        """`questions`: the ids of the key questions the brief answers (None: every question
        in the data); `tables`: the claim tables the brief covers (a deep dive
        covers one)."""
        self.parameters = dict(data_dir=data_dir, as_of=as_of, since=since, focus=focus,
                               title=title, marking=marking, previous=previous,
                               questions=questions, **parameters)
        self.title, self.marking, self.since, self.previous = title, marking, since, previous
        self.focus = list(focus or [])
        self.wanted = questions
        self.loaded = load_tables(data_dir, as_of)
        narrowed = narrow(self.loaded, self.focus, since)
        left_out = {name: frame.iloc[0:0] for name, frame in narrowed.claims()
                    if name not in tables}
        # a copy starts its derived values afresh: the whole brief keeps those loaded with it
        self.t = replace(narrowed, **left_out) if left_out else narrowed
        self.cite = Citations(self.loaded)  # cites the questions' evidence too
        self.built = provenance.build_time()
        self.facts: dict[str, Fact] = {}
        """What the analyst's prose may refer to (`prose`); sections add to it."""

    def prose(self, markdown: str) -> Prose:
        """The analyst's Markdown with `{name}` references to the brief's facts resolved."""
        return Prose(resolve(markdown, self.facts))

    def _add(self, section: Section) -> Section:
        self.facts.update(section.facts)
        section.data = self.loaded.inputs.key
        return section

    def header(self) -> Section:
        return self._add(header.section(self.t, title=self.title, marking=self.marking,
                                        focus=self.focus, since=self.since,
                                        built=self.built))

    @cached_property
    def questions(self) -> list[Question]:
        """The key questions the brief answers, over the edition's tables before any focus
        (the analyst declared their evidence)."""
        return questions(self.loaded, self.wanted)

    @cached_property
    def judged_before(self) -> dict | None:
        """The previous edition's judgments record; None when there is none to compare
        with (a first edition, an interactive session)."""
        previous = changes_of.previous_edition(self.previous)
        if previous is None:
            return None
        # an edition from before judgments were recorded: every question is new to it
        return previous.get(contract.JUDGMENTS) or {}

    def judgments(self) -> Section:
        """The bottom line: the key questions, then the key facts."""
        return self._add(judgments.section(self.t, self.loaded, self.cite, self.questions,
                                           self.judged_before, self.facts))

    def hypotheses(self, full: bool = False) -> Section:
        """Competing hypotheses per question; with `full`, the whole matrix."""
        return self._add(hypotheses.section(self.loaded, self.cite, self.questions, full))

    def indicators(self) -> Section:
        return self._add(indicators.section(self.cite, self.questions, self.judged_before))

    def review(self) -> Section:
        """What entered the data since each judgment's review (a question's deep dive)."""
        return self._add(review.section(self.loaded, self.cite, self.questions))

    def arms(self, timeline: bool = False) -> Section:
        """Routes, stages and deals; with `timeline`, each deal's dated reports too."""
        return self._add(arms.section(self.t, self.cite, timeline))

    def estimates(self, measure: str = "fighters") -> Section:
        return self._add(estimates.section(self.t, self.cite, measure))

    def contacts(self) -> Section:
        return self._add(contacts.section(self.t, self.cite))

    def where(self) -> Section:
        """The provinces where reports place something, and what cannot be placed."""
        return self._add(where.section(self.t, self.cite))

    def wider(self) -> Section:
        """The other claims, grouped by what they are about."""
        return self._add(wider.section(self.t, self.cite))

    def quality(self) -> Section:
        """Where the evidence comes from (deep dives)."""
        return self._add(quality.section(self.t, self.cite))

    def evidence(self) -> Section:
        """Every report with its quote (deep dives)."""
        return self._add(evidence.section(self.t, self.cite))

    def contested(self) -> Section:
        return self._add(contested.section(self.t, self.cite))

    def changes(self) -> Section:
        return self._add(changes.section(self.t, self.cite, self.previous))

    def sources(self) -> Section:
        return self._add(sources.section(self.cite))

    def colophon(self) -> Section:
        return self._add(colophon.section(self.t, self.built, self.parameters))
