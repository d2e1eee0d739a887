"""The print rendering of a brief -> PDF, with WeasyPrint (Pango; no TeX, no browser).

Page size, running header and footer, bookmarks and page breaks come from the print rules
in `templates/brief/brief.css`; fonts are the bundled ones, embedded as subsets. Charts are
vl-convert's vector PDFs, placed into the empty slots WeasyPrint lays out for them (drawing
the same charts from SVG inside WeasyPrint took a quarter of the whole PDF's time).
"""

import io
from pathlib import Path

PX_TO_PT = 0.75  # CSS pixels (1/96 in) to PDF points (1/72 in)


def prepare() -> None:
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


def write(html: str, target: Path, charts: list[bytes] = ()) -> None:
    import pikepdf
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    document = HTML(string=html, base_url=str(target.parent)).render(
        font_config=FontConfiguration())
    with pikepdf.open(io.BytesIO(document.write_pdf())) as pdf:
        for number, page in enumerate(document.pages):
            height = float(pdf.pages[number].mediabox[3])
            for name, (x1, y1, x2, y2) in page.anchors.items():
                if name.startswith("chart-slot-"):
                    chart = pikepdf.open(io.BytesIO(charts[int(name.rsplit("-", 1)[1])]))
                    box = pikepdf.Rectangle(x1 * PX_TO_PT, height - y2 * PX_TO_PT,
                                            x2 * PX_TO_PT, height - y1 * PX_TO_PT)
                    pdf.pages[number].add_overlay(chart.pages[0], box)
        pdf.save(target)
