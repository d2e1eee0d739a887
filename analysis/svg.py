"""Static charts with vl-convert, no browser: SVG for interactive sessions, vector PDF for
the PDF brief (drawn in the build's helper process, `analysis.worker`)."""

from functools import cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
FONT = "Bedfellows Sans"
"""The family of the bundled fonts (see assets/fonts/README.md)."""


@cache
def _converter():
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def render(specs: list[dict]) -> list[str]:
    """SVG text of each Vega-Lite spec, in this process."""
    vlc = _converter()
    return [vlc.vegalite_to_svg(spec, vl_version=_vl_version(spec)) for spec in specs]


def render_pdf(specs: list[dict]) -> list[bytes]:
    """Each Vega-Lite spec as a one-page vector PDF (text kept as text, fonts embedded)."""
    vlc = _converter()
    return [vlc.vegalite_to_pdf(spec, vl_version=_vl_version(spec)) for spec in specs]


def _vl_version(spec: dict) -> str:
    # "https://vega.github.io/schema/vega-lite/v6.4.1.json" -> "6.4"
    version = spec.get("$schema", "").rsplit("/v", 1)[-1].removesuffix(".json")
    return ".".join(version.split(".")[:2]) or None
