"""Held source documents and the check that quotes appear in them verbatim.

A document is a text file: a provenance header of lines starting with "# ", one blank line,
then the source's own text (the body). Quotes are matched against the body with runs of
whitespace collapsed; a quote may mark omissions with "…", each part must then appear, in
order.
"""

import re
import unicodedata
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


class Unreadable(ValueError):
    """Why a held document cannot be used: (message, got, expected, line)."""

    def __init__(self, message: str, got=None, expected: str | None = None, line=None):
        super().__init__(message)
        self.got, self.expected, self.line = got, expected, line


def held_text(path: Path, read=Path.read_bytes) -> str:
    """The normalised body of a document (its bytes as `read` gives them); `Unreadable`
    when it is not UTF-8 or lacks its header and the blank line after it."""
    raw = read(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Unreadable("not UTF-8 text", f"byte 0x{raw[e.start]:02x}",
                         "UTF-8 (save the document as UTF-8)",
                         raw[:e.start].count(b"\n") + 1) from None
    lines = text.splitlines()
    header = 0
    while header < len(lines) and lines[header].startswith("# "):
        header += 1
    if not header or header >= len(lines) or lines[header].strip():
        raise Unreadable("no provenance header", (lines[header] if header < len(lines)
                                                  else "")[:40] or None,
                         "lines starting with '# ' (source_id, title, ...), then a blank "
                         "line, then the text", header + 1)
    return normalise(body(text))


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symlinks followed, stays inside `folder`."""
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


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


_LOOKALIKES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                             "\u00a0": " "})


def first_difference(quote: str, text: str) -> str:
    """Where `quote` parts from the document: the longest start of it the document holds,
    then what the quote has and the document has next; with a hint when curly and straight
    quotes or dashes are the cause."""
    q = normalise(_OMISSION.split(quote)[0]) if quote else ""
    lo, hi = 0, len(q)
    while lo < hi:  # the longest prefix of q found in text
        mid = (lo + hi + 1) // 2
        if text.find(q[:mid]) >= 0:
            lo = mid
        else:
            hi = mid - 1
    if lo < 4:  # a letter or two found anywhere says nothing
        said = f"no part of it found (it starts {q[:30]!r})"
    else:
        at = text.find(q[:lo])
        said = (f"matches up to {q[max(0, lo - 30):lo]!r}, then the quote has "
                f"{q[lo:lo + 20]!r} where the document has {text[at + lo:at + lo + 20]!r}")
    if quote_found(quote.translate(_LOOKALIKES), text.translate(_LOOKALIKES)):
        said += "; hint: curly and straight quotes, or dashes, differ"
    return said
