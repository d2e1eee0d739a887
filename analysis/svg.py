"""Static SVG charts with vl-convert, no browser.

vl-convert holds the GIL for a whole call, including a ~0.5 s first-call warm-up, so a
build renders in a helper process (`SvgWorker`) that warms up while the notebook runs.
"""

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
_WARM_UP = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}


@cache
def _converter():
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def render(specs: list[dict]) -> list[str]:
    """SVG text of each Vega-Lite spec, in this process."""
    vlc = _converter()
    return [vlc.vegalite_to_svg(spec, vl_version=_vl_version(spec)) for spec in specs]


def _vl_version(spec: dict) -> str:
    # "https://vega.github.io/schema/vega-lite/v6.4.1.json" -> "6.4"
    version = spec.get("$schema", "").rsplit("/v", 1)[-1].removesuffix(".json")
    return ".".join(version.split(".")[:2]) or None


def _warm_up():
    render([_WARM_UP])


class SvgWorker:
    """A helper process that renders SVGs; started (and warmed up) ahead of need."""

    def __init__(self):
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm_up)
        self._pool.submit(int)  # start the process now

    def submit(self, specs: list[dict]) -> Future:
        return self._pool.submit(render, specs)

    def close(self):
        self._pool.shutdown(wait=False, cancel_futures=True)
