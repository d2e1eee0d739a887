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
`b.<id>(...)` calls the section of that id (`brief.section.SECTIONS`).
"""

import inspect
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, wraps
from importlib import import_module

from analysis import contract
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact, Prose, resolve
from analysis.brief.section import SECTIONS, Section
from analysis.brief.sections import header
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

    def __getattr__(self, key: str) -> Callable[..., Section]:
        """`brief.<id>(...)`: the section of that id (`SECTIONS`), made by its module's
        `section(brief, ...)` and added to the brief's facts."""
        if key not in SECTIONS:
            raise AttributeError(f"{type(self).__name__!r} has no section or attribute "
                                 f"{key!r} (sections: {', '.join(SECTIONS)})")
        make = import_module(f"analysis.brief.sections.{key}").section

        @wraps(make)
        def call(*args, **options) -> Section:
            return self._add(make(self, *args, **options))
        signature = inspect.signature(make)  # as Jupyter shows it: without the brief
        call.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=list(signature.parameters.values())[1:])
        return call

    def __dir__(self):
        return [*super().__dir__(), *SECTIONS]
