"""The contract between a brief's kernel and its builder: what the notebook writes into its
outputs and the builder reads back. Both sides take it from here, so a change to the markup
is made once (and `tests/test_contract.py` fails if a writer and its reader part ways).

- the notebook's parameter types, checked by the builder before any kernel starts;
- chart outputs: the Vega-Lite spec's MIME type, its caption, the figure around it;
- output metadata: a section's table-of-contents entry, the masthead, the bottom line's
  judgments (kept in the manifest for the next edition), the data it was made from;
- markup the renderer rewrites or reads: section headings (where the print page may be
  split), citation markers (web: a number with its note on hover; print: "[n]"), the
  masthead (the PDF's running header).

Pandas-free and Altair-free: the builder imports it.
"""

import html
import re
from datetime import date
from typing import Literal, NewType, Optional

from markupsafe import Markup, escape

from analysis.errors import ParameterError

# --- Parameters (annotations in the notebooks' parameters cells) ---

IsoDay = NewType("IsoDay", str)
"""An ISO date, YYYY-MM-DD."""

Day = Optional[IsoDay]  # noqa: UP045  (papermill reads "Day", not a union)
"""An ISO date, YYYY-MM-DD, or None."""

Paper = Literal["A4", "Letter"]
"""PDF page size."""

PAPER_SIZES = ("A4", "Letter")


def parse_day(value: str) -> date:
    """A full YYYY-MM-DD date that has come (parameters such as as_of: a brief as it would
    read on a later day cannot be known), or a ParameterError saying why."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ParameterError(f"not a date (got {value!r}, expected YYYY-MM-DD)")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"no such day (got {value!r}, expected a real date)") from None
    if day > date.today():
        raise ParameterError(f"a day still to come (got {value!r}, expected today, "
                             f"{date.today().isoformat()}, or earlier)")
    return day


BUILD_ENV = "BEDFELLOWS_BUILD"
"""Set by `brief build` in the kernel's environment: the builder draws the static charts
itself (vector PDFs for the PDF brief), so the kernel only emits the spec. Interactive
sessions also get an SVG."""

# --- Charts ---

MIME_TYPE = "application/vnd.vegalite.v6+json"
"""Key of a chart's Vega-Lite spec in notebook outputs; it must end in "+json" for nbformat
to accept it (Altair's own mimetype renderer omits the "+"). The major version follows the
pinned Altair's Vega-Lite (tests check it)."""

FONT = "Bedfellows Sans"
"""The family of the bundled fonts (see render/fonts/README.md), named by charts and pages."""


def chart_metadata(caption: str) -> dict:
    """A chart output's metadata: its caption (trusted markup: description and sources)."""
    return {MIME_TYPE: {"caption": caption}}


def chart_caption(output: dict) -> str:
    return output.get("metadata", {}).get(MIME_TYPE, {}).get("caption", "")


def figure_html(spec: dict, body: str, caption: str = "") -> str:
    """The chart body (trusted: an SVG from vl-convert or an embed placeholder), then its
    escaped description and `caption` (trusted markup from `analysis.brief.citations`)."""
    description = html.escape(spec.get("description", ""))
    return (f'<figure class="chart">{body}<figcaption>'
            f'<span class="description">{description}</span>'
            f'{" " + caption if caption else ""}</figcaption></figure>')


# --- Sections: output metadata and headings ---

_KEY = "bedfellows"
JUDGMENTS, DATA = "judgments", "data"


def section_metadata(key: str | None, heading: str | None = None, *,
                     judgments: dict | None = None, data: str | None = None) -> dict:
    """The metadata of a section's first output: its table-of-contents entry (`key` None:
    the masthead, after which the contents go); the bottom line's record of its judgments
    (per question: judgment, likelihood, confidence, leading hypothesis, indicator
    statuses), kept by the builder in the manifest under `JUDGMENTS` for the next edition
    to compare with; and `data`, the validated-cache entry of the tables it was made from,
    whose record of the bytes read (`tables.files.Used`) the builder puts in the manifest."""
    own: dict[str, object] = {"toc": [key, heading]} if key else {"masthead": True}
    if judgments is not None:
        own[JUDGMENTS] = judgments
    if data:
        own[DATA] = data
    return {_KEY: own}


MASTHEAD_METADATA = section_metadata(None)


def toc(outputs) -> list[tuple[str, str]]:
    """(section id, heading) of each section, from the outputs in document order."""
    return [tuple(o["metadata"][_KEY]["toc"]) for o in outputs
            if o.get("metadata", {}).get(_KEY, {}).get("toc")]


def is_masthead(output: dict) -> bool:
    return bool(output.get("metadata", {}).get(_KEY, {}).get("masthead"))


def judgments(outputs) -> dict | None:
    """The judgments record of an executed notebook's outputs, if it has one."""
    for o in outputs:
        found = o.get("metadata", {}).get(_KEY, {}).get(JUDGMENTS)
        if found is not None:
            return found
    return None


def data_used(outputs) -> set[str]:
    """The validated-cache entries an executed notebook's sections were made from."""
    return {found for o in outputs
            if (found := o.get("metadata", {}).get(_KEY, {}).get(DATA)) is not None}


def heading(key: str, text: str) -> Markup:
    """A section's heading; its id is the section's anchor."""
    return Markup(f'<h2 id="{key}">{escape(text)}</h2>')


SECTION_START = re.compile(r'<h2 id="|<h3 class="sources-block"')
"""Where the print page may be split: where a section begins, or a block of an abridged
Sources list (`for_print`)."""

# --- Citations ---


def source_anchor(number: int) -> str:
    """The id of source `number`'s entry in the Sources section."""
    return f"source-{number}"


def source_link(number: int) -> str:
    return f'<a href="#{source_anchor(number)}">{number}</a>'


def marker(number: int, note_id: str, note: str) -> str:
    """A citation marker: the source's number, linked to its entry; `note` (plain text:
    the quotes and who made them) shows on hover or focus."""
    return (f'<span class="cite"><a href="#{source_anchor(number)}" '
            f'aria-describedby="{note_id}">{number}</a>'
            f'<span class="note" role="tooltip" id="{note_id}">{html.escape(note)}</span></span>')


def more_marker(text: str) -> str:
    """After the markers of a citation cut short: '+3 more reports'."""
    return f'<span class="cite-more">+{text}</span>'


MARKER_GAP = "<wbr>"
"""Between markers: a long run of them may wrap."""

_MARKER = re.compile(r'<span class="cite"><a href="(#source-\d+)" aria-describedby="[^"]*">'
                     r'(\d+)</a><span class="note" role="tooltip" id="[^"]*">[^<]*</span></span>')


ABRIDGED_SOURCES = "sources abridged"
"""The class of a Sources list that print gives without its passages (`for_print`)."""

_ABRIDGED = re.compile(f'<ol class="{ABRIDGED_SOURCES}">.*?</ol>', re.S)
_QUOTES = re.compile(r'<ul class="quotes">.*?</ul>', re.S)


SOURCES_BLOCK = 250
"""Most sources in one block of an abridged print Sources list. A longer list is printed in
blocks of equal size, each under its heading ("Sources 251–500") and starting a page: the
print page may be split there, and its parts are laid out side by side."""

_ENTRY = re.compile(r'<li id="source-\d+" value="(\d+)">.*?</li>', re.S)


def for_print(page: str) -> str:
    """The page as print shows it: citation markers as the linked number, "[n]" (a hover
    note has no use on paper, and one element a marker, with no <wbr> between, is laid out
    in half the time); an abridged Sources list without its passages (left out, not hidden:
    hidden, they still cost layout time), in blocks (`SOURCES_BLOCK`)."""
    page = _ABRIDGED.sub(lambda m: _blocks(_QUOTES.sub("", m.group())), page)
    return _MARKER.sub(r'<a class="cite" href="\1">[\2]</a>', page).replace(MARKER_GAP, "\u200b")


def _blocks(listing: str) -> str:
    """An abridged Sources list (passages left out) in blocks of `SOURCES_BLOCK` at most."""
    entries = list(_ENTRY.finditer(listing))
    count = -(-len(entries) // SOURCES_BLOCK)
    if count < 2:
        return listing
    size = -(-len(entries) // count)
    blocks = [entries[i:i + size] for i in range(0, len(entries), size)]
    return "".join(
        f'<h3 class="sources-block">Sources {block[0][1]}–{block[-1][1]}</h3>'
        # WeasyPrint reads neither `start` nor `value`: the counter is set by hand
        f'<ol class="{ABRIDGED_SOURCES}" start="{block[0][1]}" '
        f'style="counter-reset: list-item {int(block[0][1]) - 1}">'
        f'{"".join(e.group() for e in block)}</ol>'
        for block in blocks)


# --- Masthead ---


def masthead(marking: str, title: str, facts: list[tuple[str, str]]) -> Markup:
    """The brief's masthead: handling line, title, and facts (the first is the edition)."""
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    return Markup(_masthead(escape(marking), escape(title), dl))


def _masthead(marking: str, title: str, dl: str) -> str:
    return (f'<header class="masthead"><p class="marking">{marking}</p>'
            f'<h1>{title}</h1><dl class="facts">{dl}</dl></header>')


_RUNNING = {"marking": r'<p class="marking">(.*?)</p>', "title": r"<h1>(.*?)</h1>",
            "edition": r'<dl class="facts">.*?<dd>(.*?)</dd>'}


def running_masthead(page: str) -> str:
    """The masthead of `page` cut to what sets the print page's running header and footer
    (marking, title, edition), as markup: escaped as in the page."""
    found = {name: re.search(pattern, page, re.S) for name, pattern in _RUNNING.items()}
    marking, title, edition = (m.group(1) if m else "" for m in found.values())
    return _masthead(marking, title, f"<dd>{edition}</dd>")
