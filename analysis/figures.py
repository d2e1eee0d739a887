"""A chart as it appears in a brief: the spec in the notebook output, a caption (its
description and source line), and, for interactive sessions, a static picture."""

import html
import os

import altair as alt

from .outputs import BUILD_ENV, MIME_TYPE


def figure_html(spec: dict, body: str, caption: str = "") -> str:
    """The chart body (trusted: an SVG from vl-convert or an embed placeholder), then its
    escaped description and `caption` (trusted markup from `analysis.citations`)."""
    description = html.escape(spec.get("description", ""))
    return (f'<figure class="chart">{body}<figcaption>'
            f'<span class="description">{description}</span>'
            f'{" " + caption if caption else ""}</figcaption></figure>')


def mimebundle(spec: dict, caption: str = "") -> tuple[dict, dict]:
    """(data, metadata) for a display: the spec under our MIME type, the caption in the
    metadata; outside `brief build` also an HTML figure with an SVG, for Jupyter."""
    data = {MIME_TYPE: spec, "text/plain": spec.get("description", "chart")}
    if not os.environ.get(BUILD_ENV):
        from .svg import render

        data["text/html"] = figure_html(spec, render([spec])[0], caption)
    return data, {MIME_TYPE: {"caption": caption}}


class Figure:
    """An Altair chart with its source line, displayed as one output."""

    def __init__(self, chart: alt.TopLevelMixin, caption: str = ""):
        self.chart = chart
        self.caption = caption

    def _repr_mimebundle_(self, include=None, exclude=None):
        return mimebundle(self.chart.to_dict(), self.caption)
