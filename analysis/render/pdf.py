"""The print rendering of a brief -> PDF, with WeasyPrint (Pango; no TeX, no browser).

Page size, running header and footer, bookmarks and page breaks come from the print rules
in `templates/brief/brief.css`; fonts are the bundled ones, embedded as subsets. Charts are
vl-convert's vector PDFs, placed into the empty slots WeasyPrint lays out for them (drawing
the same charts from SVG inside WeasyPrint took a quarter of the whole PDF's time).

WeasyPrint lays out on one core, so the brief is laid out in two parts side by side
(`split`), each about half of the body, split before a section heading (on the default data,
the contested figures'). Each part is a whole page of its own, without running header and
footer; `finish` joins them, draws header and footer (with "page X of Y" over the whole)
from one more document of as many blank pages, and rebuilds the destinations and bookmarks
across the parts.
"""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from analysis.contract import SECTION_START, running_masthead
from analysis.core import atomic

PX_TO_PT = 0.75  # CSS pixels (1/96 in) to PDF points (1/72 in)
_MARGINS = ("top-left", "top-right", "bottom-center", "bottom-right")
_NO_MARGINS = "@page {" + " ".join(f"@{m} {{ content: none; }}" for m in _MARGINS) + "}"


@dataclass
class Part:
    """A part of the print page: its HTML, and the ids it holds only as stubs (targets of
    its links that the other part holds), so WeasyPrint keeps those links."""

    html: str
    stubs: frozenset[str]


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


def split(html: str) -> list[Part]:
    """The print page (`page.render`, print mode) as the parts laid out side by side: split
    before a section's heading (that section then starts a page), the one that best halves
    the body's elements (the measure of layout
    time that held best. Max of the parts' times: on the default data, 0.75 s, split at the
    contested figures; at 100,000 rows a table, 2.7 s, split at the contacts, where the
    contested figures left 3.2 s)."""
    head = html.index("<main>") + len("<main>")
    end = html.rindex("</main>")
    starts = [m.start() for m in SECTION_START.finditer(html, head)]
    at = min(starts, key=lambda start: max(html.count("<", head, start),
                                           html.count("<", start, end)), default=None)
    pages = [html] if at is None else [html[:at] + "</main></body></html>",
                                       html[:head] + html[at:]]
    ids = [set(re.findall(r' id="([^"]+)"', page)) for page in pages]
    parts = []
    for page, own in zip(pages, ids, strict=True):
        stubs = frozenset(set(re.findall(r' href="#([^"]+)"', page)) - own)
        extra = "".join(f'<span id="{name}"></span>' for name in sorted(stubs))
        page = page.replace("</head>", f"<style>{_NO_MARGINS}</style></head>", 1)
        parts.append(Part(page.replace("</main>", extra + "</main>", 1), stubs))
    return parts


def lay_out(part: Part, charts: list[bytes], base: Path) -> Laid:
    """One part as PDF, its charts placed."""
    import pikepdf
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    document = HTML(string=part.html, base_url=str(base)).render(
        font_config=FontConfiguration())
    anchors, bookmarks = {}, []
    out = io.BytesIO()
    charts = [pikepdf.open(io.BytesIO(chart)) for chart in charts]  # open until saved
    with pikepdf.open(io.BytesIO(document.write_pdf())) as pdf:
        for number, page in enumerate(document.pages):
            height = page.height * PX_TO_PT
            for name, (x1, y1, x2, y2) in page.anchors.items():
                if name.startswith("chart-slot-"):
                    box = pikepdf.Rectangle(x1 * PX_TO_PT, height - y2 * PX_TO_PT,
                                            x2 * PX_TO_PT, height - y1 * PX_TO_PT)
                    chart = charts[int(name.rsplit("-", 1)[1])]
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
    from analysis.core.cache import cache_dir

    head = html[:html.index("<main>")]  # drawn over the parts' pages: no background
    head = head.replace("</head>", "<style>html { background: none; }</style></head>", 1)
    running = running_masthead(html)  # what sets the running strings (brief.css)
    key = hashlib.sha256("\n".join(
        [version("weasyprint"), fonts_digest(), head, running, str(pages)]).encode())
    path = cache_dir("frames") / f"{key.hexdigest()}.pdf"
    if not path.is_file():
        from weasyprint import HTML

        blank = '<div style="break-before: page"></div>' * (pages - 1)
        page = (f'{head}<div style="visibility: hidden; height: 0; overflow: hidden">'
                f"{running}</div>{blank}</body></html>")
        with atomic.replacing(path) as tmp:
            HTML(string=page, base_url=str(base)).write_pdf(tmp)
    return path.read_bytes()


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
        page.add_overlay(running_page)
    anchors, bookmarks, offset = {}, [], 0
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
