"""The print rendering of a brief -> PDF, with WeasyPrint (Pango; no TeX, no browser).

Page size, running header and footer, bookmarks and page breaks come from the print rules
in `templates/brief/brief.css`; fonts are the bundled ones, embedded as subsets. Charts are
vl-convert's vector PDFs, placed into the empty slots WeasyPrint lays out for them (drawing
the same charts from SVG inside WeasyPrint took a quarter of the whole PDF's time).

WeasyPrint lays out on one core, so the brief is laid out in parts side by side (`parts`),
cut before section headings; those finished while the notebook still runs are laid out then
(`ahead`). Each part is a whole page of its own, without running header and footer; `finish`
joins them, draws header and footer (with "page X of Y" over the whole) from one more
document of as many blank pages, and rebuilds the destinations and bookmarks across them.
"""

import hashlib
import io
import itertools
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from analysis.contract import SECTION_START, running_masthead

PX_TO_PT = 0.75  # CSS pixels (1/96 in) to PDF points (1/72 in)
_MARGINS = ("top-left", "top-right", "bottom-center", "bottom-right")
_NO_MARGINS = "@page {" + " ".join(f"@{m} {{ content: none; }}" for m in _MARGINS) + "}"


@dataclass
class Part:
    """A part of the print page: its HTML, and the ids it holds only as stubs (targets of
    its links that the other part holds), so WeasyPrint keeps those links."""

    html: str
    stubs: frozenset[str]
    elements: int  # in its share of the body


@dataclass
class Laid:
    """A part laid out: its PDF, and where its anchors and bookmarks are (page, x, y in
    PDF points from the page's bottom left)."""

    pdf: bytes
    pages: int
    anchors: dict[str, tuple[int, float, float]]
    bookmarks: list[tuple[int, str, int, float, float]]  # (level, label, page, x, y)


def warm_up() -> None:
    """Import WeasyPrint ahead of the first PDF."""
    import pikepdf  # noqa: F401
    import weasyprint  # noqa: F401


def page_size(pdf: bytes) -> tuple[float, float]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        _, _, width, height = (float(v) for v in document.pages[0].mediabox)
    return width, height


def slot(index: int, width: float, height: float) -> str:
    """The placeholder for chart `index`: an empty SVG of the chart's size, which the page
    scales like any image; its id is the anchor the chart is placed at."""
    return (f'<svg class="chart-slot" id="chart-slot-{index}" viewBox="0 0 {width:g} '
            f'{height:g}" width="{width:g}" height="{height:g}"></svg>')


def placed(results) -> tuple[list[bytes], list[str]]:
    """The charts the helpers drew (`results`: one per cell with charts, each a list of
    (PDF, width, height), in document order): their PDFs and their slots."""
    drawn = [chart for result in results for chart in result.get()]
    return ([chart for chart, _, _ in drawn],
            [slot(i, width, height) for i, (_, width, height) in enumerate(drawn)])


PART_ELEMENTS = 500
"""About how much one part of the print page holds, in elements (tags): the page is cut
before a section's heading once the part before it holds this many and what follows at
least half as many. On the default data, four parts of about 600-800 elements; small
enough that those finished early are laid out while the notebook runs, and that the
last two are laid out side by side."""


def elements(html: str, start: int, end: int) -> int:
    return html.count("<", start, end)


def parts(html: str) -> list[Part]:
    """The print page (`page.render`, print mode) as the parts laid out side by side, each
    section that starts one starting a page. A cut depends on what comes before it and
    on there being enough after it, so the parts of a page still being written, all but the
    last, are those of the finished page (`ahead` lays them out while the notebook runs)."""
    head = html.index("<main>") + len("<main>")
    end = html.rindex("</main>")
    bounds = [head]
    for heading in SECTION_START.finditer(html, head, end):
        at = heading.start()
        if elements(html, bounds[-1], at) >= PART_ELEMENTS \
                and elements(html, at, end) >= PART_ELEMENTS // 2:
            bounds.append(at)
    bounds.append(end)
    spans = list(itertools.pairwise(bounds))
    pages = [html[:head] + html[a:b] + html[end:] for a, b in spans]
    ids = [set(re.findall(r' id="([^"]+)"', page)) for page in pages]
    found = []
    sizes = [elements(html, a, b) for a, b in spans]
    for page, own, size in zip(pages, ids, sizes, strict=True):
        stubs = frozenset(set(re.findall(r' href="#([^"]+)"', page)) - own)
        extra = "".join(f'<span id="{name}"></span>' for name in sorted(stubs))
        page = page.replace("</head>", f"<style>{_NO_MARGINS}</style></head>", 1)
        found.append(Part(page.replace("</main>", extra + "</main>", 1), stubs, size))
    return found


def lay_out(part: Part, charts: list[bytes], base: Path) -> Laid:
    """One part as PDF, its charts placed."""
    import pikepdf
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    document = HTML(string=part.html, base_url=str(base)).render(
        font_config=FontConfiguration())
    anchors: dict[str, tuple[int, float, float]] = {}
    bookmarks: list[tuple[int, str, int, float, float]] = []
    out = io.BytesIO()
    chart_pdfs = [pikepdf.open(io.BytesIO(chart)) for chart in charts]  # open until saved
    with pikepdf.open(io.BytesIO(document.write_pdf())) as pdf:
        for number, page in enumerate(document.pages):
            height = page.height * PX_TO_PT
            for name, (x1, y1, x2, y2) in page.anchors.items():
                if name.startswith("chart-slot-"):
                    box = pikepdf.Rectangle(x1 * PX_TO_PT, height - y2 * PX_TO_PT,
                                            x2 * PX_TO_PT, height - y1 * PX_TO_PT)
                    chart = chart_pdfs[int(name.rsplit("-", 1)[1])]
                    pdf.pages[number].add_overlay(chart.pages[0], box)
                elif name not in part.stubs:
                    anchors.setdefault(name, (number, x1 * PX_TO_PT, height - y1 * PX_TO_PT))
            bookmarks += [(level, label, number, x * PX_TO_PT, height - y * PX_TO_PT)
                          for level, label, (x, y), _ in page.bookmarks]
        pdf.save(out)
    return Laid(out.getvalue(), len(document.pages), anchors, bookmarks)


def frame(html: str, pages: int, base: Path) -> bytes:
    """`pages` blank pages with the running header and footer of the print page `html`.
    Cached on disk by what they show: a rebuild with as many pages reuses them."""
    from importlib.metadata import version

    from analysis.charts.static import fonts_digest
    from analysis.core.cache import cache_dir, kept

    head = html[:html.index("<main>")]  # drawn over the parts' pages: no background
    head = head.replace("</head>", "<style>html { background: none; }</style></head>", 1)
    running = running_masthead(html)  # what sets the running strings (brief.css)
    key = hashlib.sha256("\n".join(
        [version("weasyprint"), fonts_digest(), head, running, str(pages)]).encode())

    def draw() -> bytes:
        from weasyprint import HTML

        blank = '<div style="break-before: page"></div>' * (pages - 1)
        page = (f'{head}<div style="visibility: hidden; height: 0; overflow: hidden">'
                f"{running}</div>{blank}</body></html>")
        return HTML(string=page, base_url=str(base)).write_pdf()

    return kept(cache_dir("frames") / f"{key.hexdigest()}.pdf", draw, "page frame")


def finish(parts: list[Laid], running: bytes, target: Path) -> None:
    """The parts as one PDF with header and footer drawn on, links to any part's anchors,
    and bookmarks over the whole."""
    import pikepdf

    opened = [pikepdf.open(io.BytesIO(data)) for data in [p.pdf for p in parts] + [running]]
    pdf, others, drawn = opened[0], opened[1:-1], opened[-1]
    with warnings.catch_warnings():  # that named destinations are not carried over:
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)  # they are rebuilt below
        for other in others:
            pdf.pages.extend(other.pages)
    for page, running_page in zip(pdf.pages, drawn.pages, strict=True):
        page.add_overlay(running_page, None)  # None: over the whole page
    anchors: dict[str, tuple[int, float, float]] = {}
    bookmarks: list[tuple[int, str, int, float, float]] = []
    offset = 0
    for part in parts:
        for name, (number, x, y) in part.anchors.items():
            anchors.setdefault(name, (number + offset, x, y))
        bookmarks += [(level, label, number + offset, x, y)
                      for level, label, number, x, y in part.bookmarks]
        offset += part.pages
    names = pikepdf.Array()
    for name in sorted(anchors):
        number, x, y = anchors[name]
        names.extend([pikepdf.String(name), pikepdf.Array([
            pdf.pages[number].obj, pikepdf.Name.XYZ, x, y, 0])])
    if "/Names" not in pdf.Root:
        pdf.Root.Names = pikepdf.Dictionary()
    pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=names))
    with pdf.open_outline() as outline:
        outline.root.clear()
        open_items = [(0, outline.root)]  # (level, where its children go)
        for level, label, number, x, y in bookmarks:
            item = pikepdf.OutlineItem(label, number, "XYZ", left=x, top=y)
            while open_items[-1][0] >= level:
                open_items.pop()
            open_items[-1][1].append(item)
            open_items.append((level, item.children))
    pdf.save(target)
