"""Bottom line up front: one entry per key question the brief answers, then the key facts.

Each entry gives the analyst's judgment, then in sentences of their own its likelihood
(the analyst's ICD 203 term), its confidence (computed, with its basis), where the competing
hypotheses stand, the newest evidence bearing on it, and what changed since the previous
edition. Likelihood and confidence never share a sentence; a box explains both scales.
The key facts are computed statements, newest developments first, with no likelihood.
"""

from typing import TYPE_CHECKING

from analysis.brief.citations import Citations
from analysis.brief.prose import Fact, resolve
from analysis.brief.section import Section, heading
from analysis.core import dates, words
from analysis.core.markup import Markup
from analysis.evidence import ach, confidence, key_facts, support
from analysis.evidence.describe import describe
from analysis.evidence.questions import Question
from analysis.tables.load import Tables
from analysis.tables.schema import TABLES
from analysis.tables.vocab import CONFIDENCE, GRADE_SCALE, LIKELIHOOD

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """The bottom line: the key questions (their evidence is in the edition's tables before
    any focus), compared with the previous edition's judgments, then the key facts."""
    t, loaded, cite, questions, previous, facts = (b.t, b.loaded, b.cite, b.questions,
                                                   b.judged_before, b.facts)
    found = {}
    facts_list = []
    for f in key_facts.key_facts(t):
        cites = cite.claims(f.evidence.table, f.evidence.rows)
        found[f.key] = Fact(f.proposition, cites)
        facts_list.append(Markup('<li><p>{text}{cites}.</p><p class="basis">{basis}'
                                 "</p></li>").format(text=f.proposition, cites=cites,
                                                     basis=f.basis()))
    known = {**facts, **found}
    entries = [_entry(loaded, cite, q, previous, known, found) for q in questions]
    parts = [heading("judgments")]
    if entries:
        parts.append(Markup('<ol class="questions">{}</ol>').format(Markup("").join(entries)))
    elif not loaded.questions.empty:
        parts.append(Markup("<p>This brief answers none of the key questions on record.</p>"))
    elif loaded.as_of is not None:
        parts.append(Markup("<p>The analyst had posed no key question by this edition’s "
                            "day.</p>"))
    else:
        parts.append(Markup("<p>No key question is on record yet: the analyst's questions, "
                            "each with its competing hypotheses, go in questions.csv and "
                            "hypotheses.csv.</p>"))
    parts.append(Markup('<h3 class="key-facts">Key facts, newest first</h3>'))
    parts.append(Markup('<ul class="judgments">{}</ul>').format(Markup("").join(facts_list))
                 if facts_list else
                 Markup("<p>The data in this selection supports no key fact.</p>"))
    if entries:  # the scales of the judgments above
        parts.append(_scales())
    record = {q.key: q.record() for q in questions}
    return Section("judgments", *parts, facts=found, record=record)


def _entry(t: Tables, cite: Citations, q: Question, previous: dict | None,
           known: dict[str, Fact], found: dict[str, Fact]) -> Markup:
    name = q.key.replace("-", "_")
    lines = [Markup("<h3>{}</h3>").format(q.text)]
    current, c = q.current, q.confidence
    if current is None or c is None:
        lines.append(Markup('<p class="judgment">The analyst had made no judgment on this '
                            "question by this edition’s day: the question and its evidence "
                            "are shown as known then.</p>"))
    else:
        text = Markup(resolve(current.text, known, html_text=True))
        found[f"{name}_judgment"] = Fact(current.text)
        found[f"{name}_likelihood"] = Fact(current.likelihood)
        lines.append(Markup('<p class="judgment"><span class="label">Analyst’s judgment'
                            "</span> {text}</p>").format(text=text))
        lines.append(Markup('<p class="likelihood"><strong class="term">{term}</strong>: '
                            "the analyst’s likelihood for this judgment (ICD 203; time "
                            "frame: {frame}; reviewed {reviewed}).</p>").format(
            term=current.likelihood.capitalize(), frame=q.time_frame,
            reviewed=dates.display(q.reviewed)))
        if q.history:
            lines.append(_history(q))
        if q.review_due or q.changed:
            lines.append(_awaiting(q))
        found[f"{name}_confidence"] = Fact(c.level)
        lines.append(Markup('<p class="confidence">Confidence (computed): <strong>{level}'
                            "</strong>. {basis}.</p>").format(level=c.level, basis=c.basis))
    lines.append(Markup('<p class="ach">{}</p>').format(_standing(q.matrix)))
    newest = q.newest
    if newest is not None:
        frame = getattr(t, newest.table).loc[list(newest.rows)]
        event = frame[f"{TABLES[newest.table].metadata['event_date']}_last"]
        # the row with the latest event, else the latest published: not the last listed
        day = event if event.notna().any() else support.days(newest.table, frame)
        line = describe(t, newest.table, frame.loc[[day.idxmax()]]).iloc[0]
        lines.append(Markup('<p class="newest">Newest evidence: {line}{cites}.</p>').format(
            line=line, cites=cite.claims(newest.table, newest.rows)))
    else:
        lines.append(Markup('<p class="newest">No evidence is tagged against this '
                            "question’s hypotheses yet.</p>"))
    change, shift = _change(q, previous)
    lines.append(Markup('<p class="change{s}">{c}</p>').format(
        s=" shift" if shift else "", c=change))
    return Markup('<li class="question" id="question-{id}">{body}</li>').format(
        id=q.key, body=Markup("").join(lines))


def _history(q: Question) -> Markup:
    """The judgment before this one: when it was revised, and what it said."""
    before = q.history[0]
    return Markup('<p class="history">Revised on {day}; before: “{text}” ({term}, '
                  "reviewed {then}).{more}{why}</p>").format(
        day=dates.display(q.reviewed), text=before.text, term=before.likelihood,
        then=dates.display(before.reviewed),
        more=(f" {words.plural(len(q.history) - 1, 'earlier judgment')} before that."
              if len(q.history) > 1 else ""),
        why=Markup(" <span class=\"label\">Why</span> {}").format(q.current.note)
        if q.current and q.current.note else "")


def _awaiting(q: Question) -> Markup:
    """What entered the data, and which indicators moved, since the judgment's review."""
    said = []
    if q.arrivals:
        said.append(f"{words.plural(len(q.arrivals), 'row')} bearing on this question "
                    f"entered the data since its review on {dates.display(q.reviewed)}"
                    + (f", {q.untagged:,} not yet tagged" if q.untagged else ", all tagged"))
    if q.changed:
        said.append("indicators changed since: " + words.series(
            [f"{key} now {now} (was {was})" for key, was, now in q.changed]))
    return Markup('<p class="review-due"><strong>Awaiting review</strong>: {}.</p>').format(
        "; ".join(said))


def _standing(m: ach.Matrix) -> str:
    """Where the competing hypotheses stand, in a sentence."""
    if not m.diagnostic:
        return (f"Competing hypotheses: {words.plural(len(m.hypotheses), 'hypothesis')}; "
                "no diagnostic evidence yet.")
    ranked, name = m.ranking, (lambda h: f"“{m.labels[h]}”")
    if m.leader is None:
        tied = [name(h) for h in ranked if m.scores[h] == m.scores[ranked[0]]]
        return (f"Competing hypotheses: {words.series(tied)} are level, with the least "
                f"inconsistent evidence ({m.scores[ranked[0]]:.2f}).")
    nxt = ranked[1]
    return (f"Competing hypotheses: {name(ranked[0])} has the least inconsistent evidence "
            f"({m.scores[ranked[0]]:.2f}), leading {name(nxt)} ({m.scores[nxt]:.2f}) by "
            f"{m.lead:.2f}.")


def _change(q: Question, previous: dict | None) -> tuple[str, bool]:
    """What changed since the previous edition, and whether it is a major shift (a
    likelihood moved two bands or more, or the leading hypothesis overtaken)."""
    if previous is None:
        return "Since the previous edition: no earlier edition to compare with.", False
    before = previous.get(q.key)
    if before is None:
        return "Since the previous edition: a new question.", False
    now, said, shift = q.record(), [], False
    terms = list(LIKELIHOOD)
    if before.get("judgment") != now["judgment"]:
        said.append("the judgment’s words changed")
    if before.get("reviewed") and before.get("reviewed") != now["reviewed"]:
        said.append(f"reviewed on {dates.display(now['reviewed'])}" if now["reviewed"]
                    else "no judgment on this edition’s day")
    if before.get("likelihood") != now["likelihood"]:
        said.append(f"likelihood {before.get('likelihood') or 'none'} → "
                    f"{now['likelihood'] or 'none'}")
        if before.get("likelihood") in terms and now["likelihood"] in terms:
            shift |= abs(terms.index(before["likelihood"])
                         - terms.index(now["likelihood"])) >= 2
    if before.get("confidence") != now["confidence"]:
        said.append(f"confidence {before.get('confidence')} → {now['confidence']}")
    if before.get("leader") != now["leader"]:
        shift |= before.get("leader") is not None
        label = q.matrix.labels.get
        said.append(f"“{label(now['leader'])}” now leads, overtaking "
                    f"“{label(before['leader'], before['leader'])}”"
                    if now["leader"] and before.get("leader")
                    else f"“{label(now['leader'])}” now leads" if now["leader"]
                    else "no hypothesis leads now")
    was = before.get("indicators", {})
    for i in q.indicators:
        if was.get(i.key) != i.status:
            said.append(f"indicator {i.key} {'newly ' if i.status != 'not seen' else 'now '}"
                        f"{i.status}" + (f" ({dates.display(i.latest)})"
                                         if i.latest is not None else ""))
    if not said:
        return "Since the previous edition: unchanged.", False
    text = "; ".join(said)
    return f"Since the previous edition: {text[0].upper() + text[1:]}.", shift


def _scales() -> Markup:
    rules = Markup("").join(Markup("<li>{}</li>").format(r) for r in confidence.RULES)
    levels = Markup("").join(Markup("<li><strong>{}</strong>: {}</li>").format(k, v)
                             for k, v in CONFIDENCE.items())
    bands = ", ".join(f"{t} ({lo}–{hi} %)" for t, (lo, hi) in LIKELIHOOD.items())
    return Markup(
        '<details class="method"><summary>Likelihood and confidence: two scales</summary>'
        "<p><strong>Likelihood</strong> is how probable the analyst judges the judgment "
        "to be, in one of ICD 203’s seven terms: {bands}. It is the analyst’s, set in the "
        "data with the judgment.</p><p><strong>Confidence</strong> is how well the "
        "judgment is founded, not how probable it is: {levels_intro}</p><ul>{levels}</ul>"
        "<p>It is computed from the evidence the analyst tagged as consistent with the "
        "hypothesis judged best, counting independent origins, not reports (two outlets "
        "relaying one claimant are one origin), by this rule:</p><ol>{rules}</ol>"
        "<p>Grades are the sources’ Admiralty reliability, {scale}; credibility is each "
        "claim’s own, 1 (confirmed) to 6 (cannot be judged): the two are never averaged. "
        "A build fails when a likelihood term claims more than its evidence carries: "
        "{over}.</p><p>The competing hypotheses are scored by their inconsistent "
        "evidence, each origin once, weighted by {weights}.</p></details>").format(
            bands=bands, levels_intro="high, moderate or low.", levels=levels, rules=rules,
            scale=GRADE_SCALE, over="; ".join(confidence.OVERCLAIM), weights=ach.WEIGHTS)

