"""What an edition has to tell, read from its manifest and the previous edition's: the
bottom line (each judgment, its likelihood and computed confidence), then what changed
(rows per table, judgments revised, indicators that moved). The feed's summary and the
e-mail both say it; this module owns its wording."""

from dataclasses import dataclass
from pathlib import Path

from analysis.builder import manifest
from analysis.core import words
from analysis.tables import changes

NO_JUDGMENT = "no judgment on record in this edition"
FIRST = "first edition"
NOTHING = "nothing"
NOT_POSED = "not yet posed"
"""An indicator's status before its question first posed it."""


@dataclass(frozen=True)
class Question:
    """What moved on one key question since the previous edition."""

    key: str
    revised: bool  # its judgment or likelihood
    indicators: tuple[tuple[str, str, str], ...]  # (indicator, before, after)


@dataclass(frozen=True)
class News:
    """An edition's bottom line, and what changed since the edition before."""

    judgments: tuple[tuple[str, str, str], ...]  # (judgment, likelihood, confidence)
    since: str | None  # the previous edition's id; None for a first edition
    rows: tuple[str, ...]  # "1 new row in fighter estimates"
    questions: tuple[Question, ...]  # those revised, or with an indicator that moved

    def bottom_line(self) -> list[str]:
        return [f"{judgment} ({likelihood}; confidence {confidence})"
                for judgment, likelihood, confidence in self.judgments]

    def changes(self) -> list[str]:
        """Rows per table, then each question's revision and indicator moves."""
        said = list(self.rows)
        for q in self.questions:
            said += [f"judgment on {q.key} revised"] if q.revised else []
            said += [f"indicator {i} {before} → {after}" for i, before, after in q.indicators]
        return said

    def text(self) -> str:
        bottom = [f"- {line}" for line in self.bottom_line()]
        lines = ["Bottom line:", *bottom] if bottom else [f"Bottom line: {NO_JUDGMENT}."]
        if self.since is None:
            return "\n".join([*lines, f"What changed: {FIRST}."])
        said = "; ".join(self.changes()) or NOTHING
        return "\n".join([*lines, f"What changed since {self.since}: {said}."])


def brief_title(record: dict) -> str:
    """The title of the brief an edition's manifest is of."""
    return (record.get("parameters") or {}).get("title") or record["brief"]


def title(record: dict) -> str:
    """An edition's title, as its feed entry and its e-mail's subject say it."""
    return f"{brief_title(record)}: edition {manifest.edition_id(record)}"


def news(record: dict, previous: Path | None) -> News:
    """The news of the edition whose manifest is `record`, since the edition whose
    manifest is at `previous` (None: a first edition)."""
    judgments = record.get("judgments") or {}
    bottom = tuple((j["judgment"], j["likelihood"], j["confidence"])
                   for j in judgments.values() if j.get("judgment"))
    if previous is None:
        return News(bottom, None, (), ())
    found = changes.compare(previous, record.get("rows") or {})
    rows = tuple(f"{words.plural(len(ids), f'{kind} row')} in {table.replace('_', ' ')}"
                 for kind, by in (("new", found.new), ("changed", found.changed),
                                  ("removed", found.removed))
                 for table, ids in by.items() if ids)
    before = changes.previous_edition(previous)
    was = (before or {}).get("judgments") or {}
    questions = []
    for key, j in judgments.items():
        old = was.get(key) or {}
        revised = bool(old) and ((old.get("judgment"), old.get("likelihood"))
                                 != (j.get("judgment"), j.get("likelihood")))
        moved = tuple((i, status_then, status)
                      for i, status in (j.get("indicators") or {}).items()
                      if (status_then := (old.get("indicators") or {}).get(i, NOT_POSED))
                      != status)
        if revised or moved:
            questions.append(Question(key, revised, moved))
    return News(bottom, manifest.edition_id(before or record), rows, tuple(questions))
