"""Competing hypotheses, per key question: each hypothesis's weighted inconsistency and
the origins counted against it, least inconsistent first, and which items the ranking is
sensitive to. With `full` (a question's deep dive), the matrix itself: every tagged item
against every hypothesis, the analyst's note for each rating, non-diagnostic items
marked."""

from typing import TYPE_CHECKING

from analysis.brief.citations import Citations
from analysis.brief.section import Section, heading
from analysis.core import dates, words
from analysis.core.markup import Markup, table
from analysis.evidence import ach
from analysis.evidence.describe import describe
from analysis.tables.load import Tables

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief

MARKS = {1: "C", 0: "N", -1: "I"}
"""A rating as the matrix prints it: consistent, neutral, inconsistent."""


def section(b: "Brief", full: bool = False) -> Section:
    """Competing hypotheses per question; with `full`, the whole matrix. Nothing for a
    brief that answers no question."""
    t, cite, questions = b.loaded, b.cite, b.questions
    if not questions:
        return Section("hypotheses")
    parts = [heading("hypotheses")]
    for q in questions:
        m = q.matrix
        parts.append(Markup("<h3>{}</h3>").format(q.text))
        lines = [(m.labels[h] + (" (judged best)" if h == q.judged else ""), m.hypotheses[h],
                  f"{m.scores[h]:.2f}", words.listed(m.against[h]) if m.against[h] else "none")
                 for h in m.ranking]
        parts.append(table(["Hypothesis", "Statement", "Inconsistency", "Origins against"],
                           lines, classes="compact hypotheses",
                           caption="Least inconsistent first: each origin's strongest "
                                   f"row once, weighted ({ach.WEIGHTS})."))
        parts.append(Markup('<p class="basis">{}</p>').format(_sensitivity(m)))
        if q.arrivals:
            parts.append(Markup('<p class="review-due">Entered since the judgment’s review '
                                "on {day}: {rows} bearing on this question, {untagged} not "
                                "yet tagged against its hypotheses.</p>").format(
                day=dates.display(q.reviewed), rows=words.plural(len(q.arrivals), "row"),
                untagged=f"{q.untagged:,}"))
        if full:
            parts += [_matrix(t, cite, m), _words(t, cite, m)]
    return Section("hypotheses", *parts)


def _sensitivity(m: ach.Matrix) -> str:
    off = [i for i in m.items if not i.diagnostic]
    said = [f"{words.plural(len(m.diagnostic), 'diagnostic item')}"
            + (f", {len(off)} non-diagnostic (rated alike against every hypothesis, left "
               "out of the scores)" if off else "")]
    sensitive = m.sensitive()
    said.append("the leading hypothesis changes if " + words.series(
        [i.key for i in sensitive], conjunction="or") + " is removed" if sensitive else
        "no single item's removal changes which hypothesis leads")
    return "; ".join(said) + "."


def _matrix(t: Tables, cite: Citations, m: ach.Matrix) -> Markup:
    rows = []
    for item in m.items:
        frame = getattr(t, item.table).loc[list(item.rows)]
        what = describe(t, item.table, frame)
        line = what.iloc[0] + (f" (and {words.plural(len(what) - 1, 'more row')})"
                               if len(what) > 1 else "")
        marks = Markup("").join(
            Markup('<td class="rating r{v}" title="{note}">{mark}</td>').format(
                v=item.ratings[h] + 1, note=item.notes.get(h, "not tagged: neutral"),
                mark=MARKS[item.ratings[h]]) for h in m.hypotheses)
        rows.append(Markup("<tr><td>{key}{flag}</td><td>{line}{cites}</td><td>{origins}</td>"
                           "{marks}</tr>").format(
            key=item.key, flag=Markup("") if item.diagnostic else Markup(
                ' <span class="non-diagnostic">non-diagnostic</span>'),
            line=line, cites=cite.claims(item.table, item.rows),
            origins=words.listed(item.origins), marks=marks))
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(m.labels[h])
                           for h in m.hypotheses)
    notes = Markup("").join(
        Markup("<li><strong>{key}</strong> against “{h}” ({tag}): {note}</li>").format(
            key=item.key, h=m.labels[h], tag=MARKS[item.ratings[h]], note=note)
        for item in m.items for h, note in item.notes.items())
    return Markup(
        '<table class="compact matrix"><caption>The matrix: C consistent, N neutral, I '
        "inconsistent (the analyst’s ratings; untagged counts neutral).</caption><thead><tr>"
        '<th scope="col">Item</th><th scope="col">Evidence</th><th scope="col">Origins</th>'
        "{head}</tr></thead><tbody>{rows}</tbody></table>"
        '<h4>Why each rating (the analyst’s notes)</h4><ul class="tag-notes">{notes}</ul>'
    ).format(head=head, rows=Markup("").join(rows), notes=notes)


def _words(t: Tables, cite: Citations, m: ach.Matrix) -> Markup:
    """Every tagged row, in its source's words."""
    lines = []
    for item in m.items:
        frame = getattr(t, item.table).loc[list(item.rows)]
        for label, row_id, what, quote, gloss in zip(
                frame.index, frame.iloc[:, 0], describe(t, item.table, frame),
                frame["quote"], frame["quote_gloss"], strict=True):
            words_ = f"“{quote}”" + (f" ({gloss})" if isinstance(gloss, str) else "")
            lines.append((item.key, row_id, what, words_, cite.claim(item.table, label)))
    return table(["Item", "Row", "Report", "In the source's words", "Source"], lines,
                 classes="compact evidence", caption="Every tagged report, in its source's "
                 "words.")
