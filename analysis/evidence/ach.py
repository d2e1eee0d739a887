"""Competing hypotheses (Heuer's analysis of competing hypotheses, ACH) for one key
question: a matrix of the evidence the analyst tagged against each hypothesis, scored the
way Open Synthesis scores it, with the fixes ANALYTIC-METHODS asks for.

- An *item* is one tag's evidence (a row id or a selection of rows, `tables.selection`),
  rated against each hypothesis: consistent +1, neutral 0, inconsistent -1
  (`vocab.EVIDENCE_TAGS`); a hypothesis it was not tagged against rates it neutral. Items
  whose rows are not in this edition (reported later) are left out.
- An item rated alike against every hypothesis is *non-diagnostic* (its ratings' standard
  deviation is 0): shown, marked, and left out of the scores (Heuer's step 4).
- A hypothesis's *inconsistency* is the weighted count of the independent origins of the
  diagnostic evidence against it: each origin once, however many outlets relay it or rows
  it has against the hypothesis, with the weight of its strongest row. Consistent
  evidence adds nothing: evidence can refute, not prove (step 5).
- A row's *weight* is its source's reliability weight times its claim's credibility
  weight (`WEIGHTS`): two factors, never an average of grades.
- Hypotheses rank by inconsistency, least first (ties in the analyst's order); the lead is
  the gap to the next one. *Sensitivity* (step 6): the items whose removal alone would
  change which hypothesis leads.
"""

from dataclasses import dataclass

import pandas as pd

from analysis.evidence.support import newest
from analysis.tables import selection
from analysis.tables.load import Tables
from analysis.tables.vocab import EVIDENCE_TAGS

RELIABILITY_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3}
"""The published weights. "Cannot be judged" (F, 6) weighs between "not usually reliable"
(D, 4) and "unreliable" (E, 5): unknown quality is not fair quality."""
WEIGHTS = ("reliability A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.3; times credibility 1 "
           "1.0, 2 0.8, 3 0.6, 4 0.4, 5 0.2, 6 0.3")
"""The weights in words, as a brief prints them."""
RATING = {tag: value for tag, (value, _) in EVIDENCE_TAGS.items()}


@dataclass(frozen=True)
class Item:
    """One piece of tagged evidence."""

    key: str  # the tag's evidence text: a row id, ids, or a selection
    table: str
    rows: tuple[int, ...]  # labels in the loaded table
    ratings: dict[str, int]  # hypothesis id -> +1, 0, -1
    notes: dict[str, str]  # hypothesis id -> the analyst's why
    row_origins: tuple[str, ...]  # each row's origin
    row_weights: tuple[float, ...]  # each row's weight
    newest: pd.Timestamp | None  # the latest day its rows cover (event, else report)

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.row_origins))

    @property
    def diagnostic(self) -> bool:
        return len(set(self.ratings.values())) > 1


@dataclass(frozen=True)
class Matrix:
    question: str
    hypotheses: dict[str, str]  # id -> statement, in the analyst's order
    items: list[Item]
    scores: dict[str, float]  # weighted inconsistency per hypothesis
    against: dict[str, tuple[str, ...]]  # the origins counted against each
    labels: dict[str, str]  # id -> the short name the brief calls it by

    @property
    def ranking(self) -> list[str]:
        order = list(self.hypotheses)
        return sorted(order, key=lambda h: (self.scores[h], order.index(h)))

    @property
    def leader(self) -> str | None:
        """The hypothesis with the least inconsistent evidence; None on a tie or with no
        diagnostic evidence."""
        ranked = self.ranking
        if not self.diagnostic or self.lead == 0:
            return None
        return ranked[0]

    @property
    def lead(self) -> float:
        ranked = self.ranking
        return round(self.scores[ranked[1]] - self.scores[ranked[0]], 6) if len(ranked) > 1 \
            else 0.0

    @property
    def diagnostic(self) -> list[Item]:
        return [i for i in self.items if i.diagnostic]

    def last(self) -> list[str]:
        """The hypotheses ranked last (all of them on a tie)."""
        worst = max(self.scores.values(), default=0)
        return [h for h in self.hypotheses if self.scores[h] == worst] \
            if self.diagnostic and len(set(self.scores.values())) > 1 else []

    def sensitive(self) -> list[Item]:
        """The items whose removal alone changes the leader."""
        return [i for i in self.diagnostic
                if scored(self.question, self.hypotheses,
                          [j for j in self.items if j is not i], self.labels).leader
                != self.leader]


def matrix(t: Tables, question: str) -> Matrix:
    """The matrix of `question` over the loaded tables (`t`: as of the edition's day)."""
    hypotheses = t.hypotheses[t.hypotheses["question_id"] == question]
    order = dict(zip(hypotheses["hypothesis_id"], hypotheses["hypothesis"], strict=True))
    names = dict(zip(hypotheses["hypothesis_id"], hypotheses["label"], strict=True))
    tags = t.evidence_tags[t.evidence_tags["hypothesis_id"].isin(order)]
    frames = dict(t.claims())
    items = []
    for key, group in tags.groupby("evidence", sort=False):
        found = selection.rows(selection.parse(key), frames, t.actors)
        if found is None or not len(found[1]):
            continue
        table, labels = found
        rows = frames[table].loc[labels]
        ratings = {h: 0 for h in order}
        ratings |= {h: RATING[tag] for h, tag in zip(group["hypothesis_id"], group["tag"],
                                                     strict=True)}
        notes = dict(zip(group["hypothesis_id"], group["note"], strict=True))
        items.append(Item(key, table, tuple(labels), ratings, notes,
                          tuple(rows["origin"].astype("str")), tuple(_weights(rows)),
                          newest(table, rows)))
    return scored(question, order, items, names)


def scored(question: str, hypotheses: dict[str, str], items: list[Item],
           labels: dict[str, str]) -> Matrix:
    """The matrix of these items: each hypothesis's inconsistency, origins counted once."""
    scores, against = {}, {}
    for h in hypotheses:
        best: dict[str, float] = {}
        for item in items:
            if not item.diagnostic or item.ratings[h] >= 0:
                continue
            for origin, w in zip(item.row_origins, item.row_weights, strict=True):
                best[origin] = max(best.get(origin, 0.0), w)
        scores[h] = round(sum(best.values()), 6)
        against[h] = tuple(best)
    return Matrix(question, hypotheses, items, scores, against, labels)


def _weights(rows: pd.DataFrame) -> pd.Series:
    reliability = rows["grade"].astype("str").map(RELIABILITY_WEIGHT).fillna(
        RELIABILITY_WEIGHT["F"])
    credibility = rows["credibility"].astype("Float64").map(
        lambda c: CREDIBILITY_WEIGHT.get(int(c), 0.3) if pd.notna(c) else 0.3)
    return (reliability.astype("float64") * credibility.astype("float64")).round(6)

