"""The analyst's key questions, each with what the evidence says of it in this edition:
its competing hypotheses scored (`ach`), its indicators (`indicators`), the confidence its
judgment can carry (`confidence`), whether the analyst's likelihood term claims more, and
what has entered the data since the judgment was last reviewed.

A question's judgments are the analyst's, dated (`judgments.csv`): an edition shows the
latest made by its day (none before the first) and the ones before it as its history.
Evidence *entered* after that review (the claim tables' `entered` day, whatever the day of
the events it reports) awaits review: it is listed, with why it bears on the question and
whether the analyst has tagged it. The likelihood term is held to the evidence the analyst
had when reviewing; what came after is flagged, never a reason for a build to fail.
"""

from dataclasses import dataclass

import pandas as pd

from analysis.errors import JudgmentError, Problem
from analysis.evidence import ach, confidence, indicators
from analysis.evidence.support import newest
from analysis.tables import actors, selection
from analysis.tables.load import Tables
from analysis.tables.narrow import entered_by, involving
from analysis.tables.schema import ENTERED, TABLES


@dataclass(frozen=True)
class Newest:
    table: str
    rows: tuple[int, ...]
    day: pd.Timestamp


@dataclass(frozen=True)
class Judgment:
    """One of the analyst's judgments of a question, as made on its day."""

    key: str
    reviewed: str  # YYYY-MM-DD
    judged: str  # the hypothesis judged best
    text: str
    likelihood: str
    note: str | None


@dataclass(frozen=True)
class Arrival:
    """A claim row entered since the judgment was reviewed that bears on the question."""

    table: str
    label: int
    entered: pd.Timestamp
    matched: tuple[str, ...]  # why it bears on the question: "indicator I06", "tag T012",
    tagged: bool  # ... "party Taliban"; whether an evidence tag of the question holds it


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    time_frame: str
    current: Judgment | None  # None: no judgment made by this edition's day
    history: tuple[Judgment, ...]  # the earlier ones, newest first
    matrix: ach.Matrix
    indicators: list[indicators.Indicator]
    confidence: confidence.Confidence | None  # of the current judgment
    overclaims: list[str]  # why its term claims more than the evidence it was made on
    newest: Newest | None  # the newest evidence bearing on the question
    arrivals: tuple[Arrival, ...]  # entered since the review, newest entry first
    changed: tuple[tuple[str, str, str], ...]  # indicators (id, at the review, now)

    @property
    def judged(self) -> str | None:
        return self.current.judged if self.current else None

    @property
    def judgment(self) -> str | None:
        return self.current.text if self.current else None

    @property
    def likelihood(self) -> str | None:
        return self.current.likelihood if self.current else None

    @property
    def reviewed(self) -> str | None:
        return self.current.reviewed if self.current else None

    @property
    def review_due(self) -> bool:
        """Evidence entered since the analyst's last review of the judgment."""
        return bool(self.arrivals)

    @property
    def untagged(self) -> int:
        return sum(not a.tagged for a in self.arrivals)

    def record(self) -> dict:
        """What the next edition compares with (kept in the manifest)."""
        return {"judgment": self.judgment, "likelihood": self.likelihood,
                "reviewed": self.reviewed,
                "confidence": self.confidence.level if self.confidence else None,
                "leader": self.matrix.leader,
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
    """Each question with the row of its current judgment in judgments.csv (else its own)."""
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
    found = []
    for r in q.itertuples():
        made = t.judgments[(t.judgments["question_id"] == r.question_id)
                           & (t.judgments["reviewed_first"] <= day)]
        made = made.sort_values("reviewed", ascending=False, kind="stable")
        found.append((_question(t, r, [_judgment(j) for j in made.itertuples()], day),
                      made.index[0] if len(made) else r.Index))
    return found


def _judgment(j) -> Judgment:
    return Judgment(j.judgment_id, j.reviewed, j.hypothesis_id, j.judgment, j.likelihood,
                    j.note if isinstance(j.note, str) else None)


def _overclaim(x: Question, row: int) -> Problem:
    c = x.confidence
    if c is None:
        raise ValueError(f"{x.key}: no judgment, so no overclaim")
    return Problem("judgments.csv", row, "likelihood",
                   f"{x.key}: claims more than the evidence carries: "
                   + "; ".join(x.overclaims), x.likelihood,
                   f"a term the evidence carries (confidence {c.level}: {c.basis})")


def _question(t: Tables, r, made: list[Judgment], day: pd.Timestamp) -> Question:
    m = ach.matrix(t, r.question_id)
    signs = indicators.indicators(t, m.hypotheses)
    current = made[0] if made else None
    c: confidence.Confidence | None = None
    wrong: list[str] = []
    arrivals: tuple[Arrival, ...] = ()
    changed: tuple[tuple[str, str, str], ...] = ()
    if current is not None:
        stake = _names(t, r.parties)
        horizon = int(r.horizon_months) if pd.notna(r.horizon_months) else 0
        c = _confidence(t, m, current.judged, day, horizon, stake)
        reviewed = pd.Timestamp(current.reviewed)
        then = entered_by(t, reviewed)  # the evidence the analyst had when reviewing
        m_then = ach.matrix(then, r.question_id)
        c_then = _confidence(then, m_then, current.judged, reviewed, horizon, stake)
        wrong = confidence.overclaims(current.likelihood, c_then.level, m_then,
                                      current.judged)
        c = c if not wrong else c_then  # the confidence the term is held to
        arrivals = _arrivals(t, r, m, reviewed)
        before = {i.key: i.status for i in indicators.indicators(then, m.hypotheses)}
        changed = tuple((i.key, before.get(i.key, indicators.NOT_SEEN), i.status)
                        for i in signs if before.get(i.key) != i.status)
    return Question(r.question_id, r.question, r.time_frame, current, tuple(made[1:]), m,
                    signs, c, wrong, _newest(t, m, signs), arrivals, changed)


def _confidence(t: Tables, m: ach.Matrix, judged: str, day: pd.Timestamp, horizon: int,
                stake: set[str]) -> confidence.Confidence:
    return confidence.assess(m, judged, dict(t.claims()), day=day, horizon_months=horizon,
                             interested=stake)


def _names(t: Tables, parties) -> set[str]:
    """The origins (names) of a question's parties: their claims count as interested."""
    names, tops = actors.names(t.actors), actors.tops(t.actors)
    return {names[tops.get(p, p)] for p in _parties(parties)}


def _parties(parties) -> list[str]:
    return [p.strip() for p in parties.split(";")] if isinstance(parties, str) else []


def _arrivals(t: Tables, r, m: ach.Matrix, reviewed: pd.Timestamp) -> tuple[Arrival, ...]:
    """The claim rows entered after `reviewed` that bear on the question: matched by its
    indicators' selections, by its evidence tags, or naming one of its parties (as what
    the row is about, or as who made the claim)."""
    frames = dict(t.claims())
    why: dict[tuple[str, int], list[str]] = {}
    tagged = {(i.table, label) for i in m.items for label in i.rows}

    def add(table: str, labels, reason: str):
        late = frames[table].loc[labels, f"{ENTERED}_first"] > reviewed
        for label in late.index[late.to_numpy()]:
            why.setdefault((table, label), []).append(reason)

    for i in t.indicators[t.indicators["hypothesis_id"].isin(list(m.hypotheses))].itertuples():
        for text in filter(lambda x: isinstance(x, str), (i.watch, i.against)):
            rows = selection.rows(selection.parse(text), frames, t.actors)
            if rows is not None:
                add(*rows, f"indicator {i.indicator_id}")
    for item in m.items:
        add(item.table, list(item.rows), f"tag {item.key}")
    parties = _parties(r.parties)
    if parties:
        wanted = actors.resolve(t.actors, parties)
        names = actors.names(t.actors)
        for name, frame in frames.items():
            late = frame[(frame[f"{ENTERED}_first"] > reviewed).to_numpy()]
            hit = involving(name, late, wanted, claimant=True)
            add(name, late.index[hit.to_numpy()],
                "naming " + " or ".join(names[p] for p in parties))
    found = [Arrival(table, label, frames[table].at[label, f"{ENTERED}_first"],
                     tuple(dict.fromkeys(reasons)), (table, label) in tagged)
             for (table, label), reasons in why.items()]
    return tuple(sorted(found, key=lambda a: (-a.entered.value, _event(frames, a))))


def _event(frames, a: Arrival) -> int:
    """Newer events first, among rows entered the same day."""
    day = frames[a.table].at[a.label, f"{TABLES[a.table].metadata['event_date']}_last"]
    return -day.value if pd.notna(day) else 0


def awaiting(t: Tables, q: Question) -> pd.DataFrame:
    """`q`'s evidence awaiting review, a row each, newest entry first: the claim table and
    label, the row's id, its date, the day it entered, what it reports, why it bears on
    the question, whether it is tagged."""
    from analysis.core import dates
    from analysis.evidence.describe import describe

    found = []
    for a in q.arrivals:
        frame = getattr(t, a.table).loc[[a.label]]
        day = frame[TABLES[a.table].metadata["event_date"]].iat[0]
        inferred = isinstance(frame["date_inferred"].iat[0], str)
        found.append({"table": a.table, "label": a.label, "row": frame.iat[0, 0],
                      "date": dates.display(day) + (" (inferred)" if inferred else ""),
                      "entered": a.entered.date().isoformat(),
                      "report": describe(t, a.table, frame).iat[0],
                      "matched": "; ".join(a.matched), "tagged": a.tagged})
    return pd.DataFrame(found, columns=["table", "label", "row", "date", "entered",
                                        "report", "matched", "tagged"])


def triage(t: Tables, wanted=None) -> list[Question]:
    """The questions `wanted` (None: all) as of today, whatever their likelihood claims:
    what `brief triage` lists (`brief validate` reports any overclaim)."""
    return [x for x, _ in _answered(t, wanted, None)]


def _newest(t: Tables, m: ach.Matrix, signs) -> Newest | None:
    """The newest evidence bearing on the question: a diagnostic item (one rated alike
    against every hypothesis bears on none), or the rows an indicator has seen (the analyst
    may not have tagged them yet)."""
    found = [Newest(i.table, i.rows, i.newest) for i in m.diagnostic if i.newest is not None]
    for s in signs:
        if s.seen:
            day = newest(s.table, getattr(t, s.table).loc[list(s.seen)])
            if day is not None:
                found.append(Newest(s.table, s.seen, day))
    return max(found, key=lambda n: n.day) if found else None
