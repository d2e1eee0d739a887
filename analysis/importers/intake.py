"""`brief intake FILE`: a saved web page, a PDF or a text file becomes a held document (its
text under the provenance header the validator requires) and its row in sources.csv, both
or neither. What the file states of itself fills the row, each with where it was found;
what it does not is left empty and listed, for the analyst to fill."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from analysis.core import words
from analysis.errors import ImportFailed
from analysis.importers import pages, tablefiles
from analysis.tables import documents
from analysis.tables.schema import SLUG_PATTERN
from analysis.tables.vocab import RELIABILITY

TO_FILL = ("title", "publisher", "author", "published", "url", "kind", "level", "language",
           "reliability")
"""The source's columns a file may leave to the analyst, in the order they are listed."""


@dataclass
class Intake:
    source_id: str
    document: str  # its file name in documents/
    row: int  # its row in sources.csv, as a spreadsheet numbers it
    found: dict[str, str]  # column -> where it was found
    missing: list[str]

    def __str__(self) -> str:
        found = ", ".join(f"{c} ({where})" for c, where in self.found.items())
        return "\n".join(filter(None, [
            f"new source {self.source_id}: documents/{self.document}, sources.csv row "
            f"{self.row}",
            f"found: {found}" if found else "found: nothing the file states of itself",
            f"missing (fill them in sources.csv row {self.row}): {', '.join(self.missing)}"
            if self.missing else "",
            f'next: `brief quote {self.source_id} "a few words"` finds each passage a row '
            "quotes; add the rows (with the day they are entered), then `brief validate`"]))


def intake(path: Path, data_dir: Path, *, source_id: str | None = None,
           reliability: str | None = None, note: str | None = None,
           today: date | None = None) -> Intake:
    """Hold `path` as a new source of the dataset in `data_dir` (`note`: where the file
    came from, for the document's header and the source's notes); ImportFailed, and
    nothing written, when it cannot be read, holds no text, is already held (the same
    address or the same text), or `source_id` is taken or malformed."""
    today = today or date.today()
    if reliability is not None and reliability not in RELIABILITY:
        raise ImportFailed(f"--reliability {reliability!r}: expected one of "
                           f"{', '.join(RELIABILITY)}")
    page = pages.read(path)
    columns, rows = tablefiles.read(data_dir / "sources.csv")
    _refuse_held(page, rows, data_dir / "documents")
    found = page.found
    source_id = _source_id(source_id, found, path, rows, data_dir / "documents")
    document = f"{source_id}.txt"
    row = {c: "" for c in columns} | found | {
        "source_id": source_id, "document": document,
        "reliability": reliability or "",
        "published_basis": page.basis.get("published")
        or "not stated in the file (brief intake): fill in if known",
        "notes": f"Taken in by brief intake on {today.isoformat()} from {path.name} ("
                 f"{page.kind})" + "".join(f"; {n}" for n in [*page.notes, *filter(None, [
                     note])]) + "."}
    tablefiles.write(data_dir, {"sources": (columns, [*rows, row])},
                     {document: _held(source_id, row, page, path.name, today, note)})
    basis = dict(page.basis, **({"reliability": "given"} if reliability else {}))
    return Intake(source_id, document, len(rows) + 2, basis,
                  [c for c in TO_FILL if not row[c]])


def _held(source_id: str, row: dict, page: pages.Page, name: str, today: date,
          note: str | None) -> str:
    """The document: its provenance header (what the file states of itself, where it came
    from, what it does not state), a blank line, its text."""
    stated = [f"{c}: {row[c]}" for c in ("title", "publisher", "author", "url") if row[c]]
    if row["published"]:
        stated.append(f"published: {row['published']} ({row['published_basis']})")
    unstated = [c for c in ("title", "publisher", "author", "url", "published") if not row[c]]
    header = [f"source_id: {source_id}", *stated,
              f"from: {name} ({page.kind}), taken in by brief intake on {today.isoformat()}",
              *([f"note: {note}"] if note else []),
              "text: " + ("its main text as trafilatura found it" if page.kind ==
                          "a saved web page" else "its text as pypdf extracted it"
                          if page.kind == "a PDF" else "as written"),
              *([f"not stated in the file: {', '.join(unstated)}"] if unstated else [])]
    return "".join(f"# {line}\n" for line in header) + "\n" + page.text


def _refuse_held(page: pages.Page, rows: list[dict], held: Path) -> None:
    url = _address(page.found.get("url", ""))
    for r in rows:
        if url and _address(r["url"]) == url:
            raise ImportFailed(f"already held: {r['source_id']} has the same address "
                               f"({r['url']})")
    text = documents.normalise(page.text)
    for r in rows:
        path = held / (r["document"] or "-")
        if r["document"] and path.is_file() and documents.normalise(documents.body(
                path.read_text(encoding="utf-8", errors="replace"))) == text:
            raise ImportFailed(f"already held: {r['source_id']} holds the same text "
                               f"(documents/{r['document']})")


def _address(url: str) -> str:
    """A URL as compared: without its scheme, 'www.', a trailing slash or a fragment."""
    url = re.sub(r"^https?://(www\.)?", "", url.strip().casefold()).split("#")[0]
    return url.rstrip("/")


def _source_id(given: str | None, found: dict, path: Path, rows: list[dict],
               held: Path) -> str:
    """The given id, checked; else one made as the curated ids are: the publisher (or
    the file's name) and the day published, or 'nd' (no date), numbered if taken."""
    taken = {r["source_id"] for r in rows} | {p.stem for p in held.glob("*.txt")}
    if given is not None:
        if not re.fullmatch(SLUG_PATTERN, given):
            raise ImportFailed(f"--source-id {given!r}: expected a lowercase slug "
                               "(letters, digits, single hyphens)")
        if given in taken:
            raise ImportFailed(f"--source-id {given!r} is already used in sources.csv")
        return given
    stem = words.slug(found.get("publisher") or path.stem)[:40].strip("-") or "source"
    made = f"{stem}-{found.get('published') or 'nd'}"
    number = 1
    while (candidate := made if number == 1 else f"{made}-{number}") in taken:
        number += 1
    return candidate

