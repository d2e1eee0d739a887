"""A chart as it appears in a brief: the spec in the notebook output, a caption (its
description and source line), and, for interactive sessions, a static picture. Also
Altair's display renderer for a bare chart, registered and enabled here."""

import os

import altair as alt

from analysis.contract import BUILD_ENV, MIME_TYPE, chart_metadata, figure_html


def mimebundle(spec: dict, caption: str = "") -> tuple[dict, dict]:
    """(data, metadata) for a display: the spec under our MIME type, the caption in the
    metadata; outside `brief build` also an HTML figure with an SVG, for Jupyter."""
    data = {MIME_TYPE: spec, "text/plain": spec.get("description", "chart")}
    if not os.environ.get(BUILD_ENV):
        from analysis.charts.static import render

        data["text/html"] = figure_html(spec, render([spec])[0], caption)
    return data, chart_metadata(caption)


class Figure:
    """An Altair chart with its source line, displayed as one output."""

    def __init__(self, chart: alt.TopLevelMixin, caption: str = ""):
        self.chart = chart
        self.caption = caption

    def _repr_mimebundle_(self, include=None, exclude=None):
        return mimebundle(self.chart.to_dict(), self.caption)


def _render(spec: dict, **_) -> tuple[dict, dict]:
    return mimebundle(spec)


alt.renderers.register("bedfellows", _render)
alt.renderers.enable("bedfellows")
