"""Static charts with vl-convert, no browser: SVG for interactive sessions, vector PDF for
the PDF brief (drawn in the build's helper processes, `analysis.render.workers`).
Altair-free: the builder draws with it."""

import hashlib
import json
from functools import cache, partial

from analysis.core.cache import cache_dir, kept
from analysis.paths import FONTS


@cache
def _converter():
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def render(specs: list[dict]) -> list[str]:
    """SVG text of each Vega-Lite spec, in this process."""
    vlc = _converter()
    return [vlc.vegalite_to_svg(spec, vl_version=vl_version(spec)) for spec in specs]


def render_svg(specs: list[dict]) -> list[str]:
    """SVG text of each spec, cached on disk as `render_pdf` caches its PDFs: the static
    picture an executed notebook keeps for front ends that cannot run the chart."""
    return [kept(cache_dir("charts") / f"{_chart_key(spec)}.svg", partial(_svg, spec),
                 "chart picture").decode()
            for spec in specs]


def render_pdf(specs: list[dict]) -> list[bytes]:
    """Each Vega-Lite spec as a one-page vector PDF (text kept as text, fonts embedded).

    Drawn charts are cached on disk by the spec, the vl-convert version and the fonts:
    a rebuild whose chart did not change reuses it without starting vl-convert at all."""
    return [kept(cache_dir("charts") / f"{_chart_key(spec)}.pdf", partial(_pdf, spec), "chart")
            for spec in specs]


def _svg(spec: dict) -> bytes:
    return render([spec])[0].encode()


def _pdf(spec: dict) -> bytes:
    return _converter().vegalite_to_pdf(spec, vl_version=vl_version(spec))


def _chart_key(spec: dict) -> str:
    h = hashlib.sha256(json.dumps(spec, sort_keys=True).encode())
    h.update(_renderer_key().encode())
    return h.hexdigest()


@cache
def _renderer_key() -> str:
    """What else a drawn chart depends on: the vl-convert version and the fonts' bytes."""
    from importlib.metadata import version

    return hashlib.sha256((version("vl-convert-python") + fonts_digest()).encode()).hexdigest()


@cache
def fonts_digest() -> str:
    """A digest of the bundled fonts' names and bytes (a key part of what is drawn with them)."""
    h = hashlib.sha256()
    for font in sorted(FONTS.glob("*.ttf")):
        h.update(font.name.encode() + hashlib.sha256(font.read_bytes()).digest())
    return h.hexdigest()


def vl_version(spec: dict) -> str | None:
    """The Vega-Lite version a spec is written for, as vl-convert takes it: its schema
    "https://vega.github.io/schema/vega-lite/v6.4.1.json" gives "6.4"."""
    version = spec.get("$schema", "").rsplit("/v", 1)[-1].removesuffix(".json")
    return ".".join(version.split(".")[:2]) or None
