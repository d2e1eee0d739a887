"""Every report with its quote (deep dives): each claim row in its source's words."""

from typing import TYPE_CHECKING

from analysis.brief import limits
from analysis.brief.section import Section, heading, shown
from analysis.core.markup import Markup, table
from analysis.evidence.describe import describe

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Every report with its quote (deep dives)."""
    t, cite = b.t, b.cite
    parts = [heading("evidence")]
    for name, frame in t.claims():
        if frame.empty:
            continue
        total = len(frame)
        frame = frame.head(limits.EVIDENCE_ROWS)
        what = describe(t, name, frame)
        who, grade = frame["claimant"], frame["grade"]
        rows = [(row_id, text, Markup("“{}”{}").format(quote, f" ({gloss})"
                                                       if isinstance(gloss, str) else ""),
                 f"{by}; grade {g}, credibility {cred}", cite.claim(name, label))
                for label, row_id, text, quote, gloss, by, g, cred in zip(
                    frame.index, frame.iloc[:, 0], what, frame["quote"],
                    frame["quote_gloss"], who, grade, frame["credibility"], strict=True)]
        parts.append(table(["Row", "Report", "In the source's words", "Claimed by",
                            "Source"], rows,
                           caption=f"{name.replace('_', ' ').capitalize()}: every row"
                           + shown(len(frame), total, "row", "first") + ".",
                           classes="compact evidence"))
    if len(parts) == 1:
        parts.append(Markup("<p>No report is on record in this selection.</p>"))
    return Section("evidence", *parts)
