"""The print rendering of a brief -> PDF, with WeasyPrint (Pango; no TeX, no browser).

Page size, running header and footer, bookmarks and footnotes come from the print rules in
`templates/brief/brief.css`; fonts are the bundled Noto subsets, embedded by WeasyPrint.
"""

from pathlib import Path


def write(html: str, target: Path) -> None:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    HTML(string=html, base_url=str(target.parent)).write_pdf(
        target, font_config=fonts, pdf_variant=None, uncompressed_pdf=False)
