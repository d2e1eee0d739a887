"""Confidence in a judgment, computed from the evidence behind it by a published rule
table; and the check that the analyst's likelihood term claims no more than that evidence
carries.

The evidence behind a judgment is the diagnostic evidence the analyst tagged consistent
with the hypothesis it judges best (`ach`); what is tagged inconsistent with it
contradicts it. Origins are counted as `ach` counts them: independent claimants, not
reports; an origin counts as *credible* when one of its rows has credibility 1 to 3 and is
not doubtful.
"""

from dataclasses import dataclass

import pandas as pd

from analysis.core import words
from analysis.evidence.ach import Matrix
from analysis.tables.vocab import GRADES, LIKELIHOOD, STRONG_GRADES

CREDIBLE = (1, 2, 3)
WEAK_GRADES = ("D", "E", "F")
STALE_MONTHS = 24
HORIZON_MONTHS = 12
RULES = [
    "low: fewer than 2 credible independent origins behind the judgment, or every origin "
    "graded D, E or F (F: cannot be judged)",
    "high: at least 3 credible independent origins, 2 of them graded A or B",
    "moderate: otherwise",
    f"then at most moderate when: the newest evidence is more than {STALE_MONTHS} months "
    "old; an origin at least as reliable as the best behind the judgment contradicts it; "
    "every origin behind it is a party with a stake in the answer; or it forecasts more "
    f"than {HORIZON_MONTHS} months ahead",
]
"""The rule table, as the brief prints it."""

TERMS = list(LIKELIHOOD)
OVERCLAIM = [
    "a term above 'roughly even chance' on a hypothesis no evidence supports, or that the "
    "matrix ranks last",
    "'very likely' or 'almost certain' on a hypothesis the matrix does not rank first, or "
    "with low confidence",
    "'almost certain' without high confidence",
]
"""When the analyst's likelihood term claims more than the evidence carries: the build
fails, naming the question (the last good brief stays published)."""


@dataclass(frozen=True)
class Confidence:
    level: str
    basis: str
    rows: dict[str, tuple[int, ...]]  # table -> labels of the evidence behind it
    newest: pd.Timestamp | None


def assess(m: Matrix, judged: str, frames: dict[str, pd.DataFrame], *, day: pd.Timestamp,
           horizon_months: int, interested: set[str]) -> Confidence:
    """The confidence `m`'s evidence gives the judgment that `judged` holds, on `day`;
    `interested`: the origins (names) of the parties with a stake in the answer."""
    behind = [i for i in m.diagnostic if i.ratings[judged] > 0]
    against = [i for i in m.diagnostic if i.ratings[judged] < 0]
    best = _origins(behind, frames)
    credible = {o for o, (grade, cred) in best.items() if cred}
    strong = {o for o in credible if best[o][0] in STRONG_GRADES}
    grades = sorted({g for g, _ in best.values()}, key=GRADES.index)
    newest = max((i.newest for i in behind if i.newest is not None), default=None)
    if len(credible) < 2 or all(g in WEAK_GRADES for g in grades):
        level = "low"
    elif len(credible) >= 3 and len(strong) >= 2:
        level = "high"
    else:
        level = "moderate"
    caps = []
    if newest is not None and newest < day - pd.DateOffset(months=STALE_MONTHS):
        caps.append(f"newest evidence more than {STALE_MONTHS} months old")
    contra = _origins(against, frames)
    top = GRADES.index(grades[0]) if grades else len(GRADES)
    if any(GRADES.index(g) <= top for g, _ in contra.values()):
        caps.append("contradicted by an origin as reliable")
    if best and set(best) <= interested:
        caps.append("every origin behind it has a stake in the answer")
    if horizon_months > HORIZON_MONTHS:
        caps.append(f"a forecast beyond {HORIZON_MONTHS} months")
    if caps and level == "high":
        level = "moderate"
    basis = "; ".join(filter(None, [
        f"{words.plural(len(best), 'independent origin')} behind the judgment "
        f"({words.plural(len(credible), 'credible', 'credible')}"
        + (f", {len(strong)} graded A or B" if strong else "") + ")",
        f"{'grade' if len(grades) == 1 else 'grades'} {words.series(grades)}" if grades
        else "",
        f"contradicted by {words.plural(len(contra), 'origin')}" if contra else
        "not contradicted",
        *caps]))
    rows: dict[str, tuple[int, ...]] = {}
    for i in behind:
        rows[i.table] = tuple(dict.fromkeys([*rows.get(i.table, ()), *i.rows]))
    return Confidence(level, basis[0].upper() + basis[1:], rows, newest)


def _origins(items, frames) -> dict[str, tuple[str, bool]]:
    """Each origin of `items`' rows: its best grade, and whether it is credible."""
    found: dict[str, tuple[str, bool]] = {}
    for item in items:
        rows = frames[item.table].loc[list(item.rows)]
        for origin, grade, cred, doubtful in zip(
                rows["origin"].astype("str"), rows["grade"].astype("str"),
                rows["credibility"], rows["doubtful"], strict=True):
            grade = grade if grade in GRADES else "F"
            credible = pd.notna(cred) and int(cred) in CREDIBLE and not doubtful
            was = found.get(origin)
            found[origin] = (grade if was is None else min(was[0], grade, key=GRADES.index),
                             credible or (was is not None and was[1]))
    return found


def overclaims(term: str, confidence: str, m: Matrix, judged: str) -> list[str]:
    """Why `term` claims more than the evidence carries (empty when it does not)."""
    rank = TERMS.index(term)
    supported = any(i.ratings[judged] > 0 for i in m.diagnostic)
    found = []
    if rank > TERMS.index("roughly even chance") and (not supported or judged in m.last()):
        found.append("no evidence supports the hypothesis it judges" if not supported
                     else "the matrix ranks that hypothesis last")
    if rank >= TERMS.index("very likely"):
        if m.leader != judged:
            found.append("the matrix does not rank that hypothesis first")
        if confidence == "low":
            found.append("confidence is low")
    if term == "almost certain" and confidence != "high":
        found.append(f"almost certain needs high confidence (computed: {confidence})")
    return list(dict.fromkeys(found))
