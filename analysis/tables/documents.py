"""Held source documents and the check that quotes appear in them verbatim.

A document is a text file: a provenance header of lines starting with "# ", one blank line,
then the source's own text (the body). Quotes are matched against the body with runs of
whitespace collapsed; a quote may mark omissions with "…", each part must then appear, in
order.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_SPACE = re.compile(r"\s+")
_OMISSION = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def body(text: str) -> str:
    """The document's own text, without the provenance header."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return "\n".join(lines[i:])


@lru_cache(maxsize=256)
def _held(path: Path, mtime: float) -> str:
    return normalise(body(path.read_text(encoding="utf-8")))


def held_text(path: Path) -> str:
    """The normalised body of a document (cached until the file changes)."""
    return _held(path, path.stat().st_mtime)


def quote_found(quote: str, text: str) -> bool:
    """True when every part of the quote appears in `text`, in order."""
    position = 0
    for part in _OMISSION.split(normalise(quote)):
        if not part:
            continue
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
