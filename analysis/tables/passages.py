"""Finding the passage of a held document that a few remembered words come from (`brief
quote`): tolerant of case, curly or straight quotes, dashes, line breaks and small typos,
and given back exactly as held, so that it is found verbatim when validated.

The document's text is cut into sentences; each sentence, and each pair of neighbours (the
words may run across), is scored by how well the words align with some part of it
(RapidFuzz's partial ratio, on text folded for case, quotes and dashes)."""

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import ParameterError
from analysis.tables.documents import Unreadable, body, held_text, normalise

CUTOFF = 75
"""The least score (0-100) of a passage offered."""
OFFERED = 5
"""Passages offered at most, best first."""

_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                       "″": '"', "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-",
                       "−": "-", "\u00a0": " "})
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’')\]]))[ \t]+"
                           r"(?=[\"“‘(\[]?[A-Z0-9À-ÖØ-ÞА-Я])|\n")
"""Where a sentence ends (and a line: the documents hold a paragraph a line)."""


@dataclass(frozen=True)
class Passage:
    text: str  # as held (whitespace runs as one space, as quotes are matched)
    score: float


def fold(text: str) -> str:
    """`text` compared without case, curly quotes or dash kinds, one character for one."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_FOLD))


def sentences(body: str) -> list[str]:
    """The document's text as sentences (and paragraphs' ends), each as held."""
    return [s for s in (normalise(part) for part in _SENTENCE_END.split(body)) if s]


def find(words: str, body: str) -> list[Passage]:
    """The passages of `body` that `words` most likely come from, best first."""
    from rapidfuzz import fuzz

    wanted = fold(normalise(words))
    if not wanted:
        return []
    cut = sentences(body)
    scored = []
    for size in (1, 2):
        for i in range(len(cut) - size + 1):
            text = " ".join(cut[i:i + size])
            score = fuzz.partial_ratio(wanted, fold(text), score_cutoff=CUTOFF)
            if score:
                scored.append((score, size, i, text))
    offered = []
    used: set[int] = set()  # the sentences offered so far
    for score, size, i, text in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if used.isdisjoint(range(i, i + size)):  # a pair only where neither alone did
            used.update(range(i, i + size))
            offered.append(Passage(text, round(score, 1)))
    return offered[:OFFERED]


def held(data_dir: Path, source_id: str) -> tuple[str, str]:
    """(file name, text) of the document held for `source_id`; ParameterError, in one line,
    for a source not in sources.csv or whose text is not held."""
    with (data_dir / "sources.csv").open(encoding="utf-8-sig", newline="") as f:
        documents = {r["source_id"]: r.get("document") for r in csv.DictReader(f)}
    if source_id not in documents:
        near = difflib.get_close_matches(source_id, list(documents), n=1)
        raise ParameterError(f"no source {source_id!r} in sources.csv"
                             + (f" (did you mean {near[0]!r}?)" if near else ""))
    name = documents[source_id]
    if not name:
        raise ParameterError(f"{source_id}: its text is not held (sources.csv names no "
                             "document for it)")
    try:
        held_text(data_dir / "documents" / name)  # a document the validator can use
        return name, body((data_dir / "documents" / name).read_text(encoding="utf-8"))
    except (OSError, Unreadable) as e:
        raise ParameterError(f"documents/{name}: {e}") from None
