"""The analyst's key questions, each with what the evidence says of it in this edition:
its competing hypotheses scored (`ach`), its indicators (`indicators`), the confidence its
judgment can carry (`confidence`), and whether the analyst's likelihood term claims more.

A question's judgment, likelihood and review day are the analyst's. An edition as of a day
before the judgment was reviewed shows the question and its evidence, not the judgment:
it was not made then.
"""

from dataclasses import dataclass

import pandas as pd

from analysis.core import dates
from analysis.errors import JudgmentError, Problem
from analysis.evidence import ach, confidence, indicators
from analysis.evidence.support import newest
from analysis.tables import actors
from analysis.tables.load import Tables


@dataclass(frozen=True)
class Newest:
    table: str
    rows: tuple[int, ...]
    day: pd.Timestamp


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    time_frame: str
    judged: str  # the hypothesis the analyst judges best
    judgment: str | None  # None: not yet made on this edition's day
    likelihood: str | None
    reviewed: str
    matrix: ach.Matrix
    indicators: list[indicators.Indicator]
    confidence: confidence.Confidence
    overclaims: list[str]

    newest: Newest | None  # the newest evidence bearing on the question

    @property
    def review_due(self) -> bool:
        """Evidence newer than the analyst's last review of the judgment."""
        newest = self.newest
        return (self.judgment is not None and newest is not None
                and newest.day > dates.spans(pd.Series([self.reviewed]))["last"].iloc[0])

    def record(self) -> dict:
        """What the next edition compares with (kept in the manifest)."""
        return {"judgment": self.judgment, "likelihood": self.likelihood,
                "confidence": self.confidence.level, "leader": self.matrix.leader,
                "indicators": {i.key: i.status for i in self.indicators}}


def questions(t: Tables, wanted=None, *, day: pd.Timestamp | None = None) -> list[Question]:
    """The questions `wanted` (ids, in that order; None: every question), as
    of `day` (the edition's day: its as-of day, else today); none for data that declares no
    questions at all. Raises `JudgmentError` for
    each judgment whose likelihood claims more than its evidence carries."""
    found = _answered(t, wanted, day)
    wrong = [_overclaim(x, row) for x, row in found if x.overclaims]
    if wrong:
        raise JudgmentError(wrong)
    return [x for x, _ in found]


def overclaims(t: Tables) -> list[Problem]:
    """Each judgment whose likelihood term claims more than its evidence carries today:
    what a build refuses, for `brief validate` to report first."""
    return [_overclaim(x, row) for x, row in _answered(t, None, None) if x.overclaims]


def _answered(t: Tables, wanted, day) -> list[tuple[Question, int]]:
    """Each question with its row in questions.csv."""
    q = t.questions
    if q.empty:  # a dataset without the analyst's tables (a brief configured for another)
        return []
    unknown = [w for w in wanted or [] if w not in set(q["question_id"])]
    if unknown:
        raise JudgmentError([f"unknown question {u!r} (expected one of "
                             f"{', '.join(q['question_id'])})" for u in unknown])
    if wanted is not None:
        q = q.iloc[pd.Index(q["question_id"]).get_indexer(list(wanted))]
    day = day if day is not None else pd.Timestamp(t.as_of or pd.Timestamp.now().date())
    return [(_question(t, r, day), r.Index) for r in q.itertuples()]


def _overclaim(x: Question, row: int) -> Problem:
    return Problem("questions.csv", row, "likelihood",
                   f"{x.key}: claims more than the evidence carries: "
                   + "; ".join(x.overclaims), x.likelihood,
                   f"a term the evidence carries (confidence {x.confidence.level}: "
                   f"{x.confidence.basis})")


def _question(t: Tables, r, day: pd.Timestamp) -> Question:
    m = ach.matrix(t, r.question_id)
    names, tops = actors.names(t.actors), actors.tops(t.actors)
    parties = r.parties.split(";") if isinstance(r.parties, str) else []
    interested = {names[tops.get(p.strip(), p.strip())] for p in parties}
    c = confidence.assess(m, r.hypothesis_id, dict(t.claims()), day=day,
                          horizon_months=int(r.horizon_months or 0)
                          if pd.notna(r.horizon_months) else 0, interested=interested)
    made = r.reviewed_first <= day
    signs = indicators.indicators(t, m.hypotheses)
    return Question(
        r.question_id, r.question, r.time_frame, r.hypothesis_id,
        r.judgment if made else None, r.likelihood if made else None, r.reviewed, m,
        signs, c,
        confidence.overclaims(r.likelihood, c.level, m, r.hypothesis_id) if made else [],
        _newest(t, m, signs))


def _newest(t: Tables, m: ach.Matrix, signs) -> Newest | None:
    """The newest evidence bearing on the question: a tagged item, or the rows an
    indicator has seen (the analyst may not have tagged them yet)."""
    found = [Newest(i.table, i.rows, i.newest) for i in m.items if i.newest is not None]
    for s in signs:
        if s.seen:
            day = newest(s.table, getattr(t, s.table).loc[list(s.seen)])
            if day is not None:
                found.append(Newest(s.table, s.seen, day))
    return max(found, key=lambda n: n.day) if found else None
