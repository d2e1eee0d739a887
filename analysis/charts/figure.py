"""A chart as it appears in a brief: the spec in the notebook output, a caption (its
description and source line), and, for interactive sessions, a static picture. Also
Altair's display renderer for a bare chart, registered and enabled here."""

import os

import altair as alt

from analysis.contract import BUILD_ENV, MIME_TYPE, chart_metadata, figure_html


def mimebundle(spec: dict, caption: str = "") -> tuple[dict, dict]:
    """(data, metadata) for a display: the spec under our MIME type, the caption in the
    metadata; outside `brief build` also the figure for Jupyter (`jupyter_figure`)."""
    data = {MIME_TYPE: spec, "text/plain": spec.get("description", "chart")}
    if not os.environ.get(BUILD_ENV):
        from analysis.charts.static import render

        data["text/html"] = jupyter_figure(spec, render([spec])[0], caption)
    return data, chart_metadata(caption)


DRAW = """(function (id, spec) {
 var tries = 0;
 (function draw() {
  var el = document.getElementById(id);
  if (!el) return;
  if (!window.vegaEmbed) { if (++tries < 600) setTimeout(draw, 50); return; }
  var picture = el.innerHTML;
  vegaEmbed(el, spec, {actions: false, renderer: "svg"}).then(function (r) {
   var svg = r.view.container().querySelector("svg");
   if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", spec.description || "");
   }
   el.dataset.drawn = "interactive";
  }).catch(function () { el.innerHTML = picture; });
 })();
})(%s, %s);"""
"""Draws a chart in Jupyter once the Vega bundle (in the notebook's first output, see
`assets.jupyter_page`) is there; until then, and wherever scripts do not run (an untrusted
notebook, nbviewer, GitHub), its static picture shows."""


def jupyter_figure(spec: dict, svg: str, caption: str = "") -> str:
    """The chart for Jupyter: the static SVG as a picture, replaced by the interactive
    chart (tooltips, the brief's theme) where the front end runs scripts; styled as in the
    brief, the styles scoped to it."""
    import base64
    import html
    import json
    import uuid

    from analysis.charts.assets import inline_script, jupyter_styles

    chart_id = f"bedfellows-chart-{uuid.uuid4().hex[:12]}"
    picture = (f'<img alt="{html.escape(spec.get("description", ""))}" '
               f'src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">')
    body = f'<div class="vega-chart" id="{chart_id}">{picture}</div>'
    script = inline_script(DRAW % (json.dumps(chart_id), json.dumps(spec)))
    return (f'{jupyter_styles()}<div class="bedfellows">{figure_html(spec, body, caption)}'
            f"</div><script>{script}</script>")


class Figure:
    """An Altair chart with its source line, displayed as one output."""

    def __init__(self, chart: alt.TopLevelMixin, caption: str = ""):
        self.chart = chart
        self.caption = caption

    def _repr_mimebundle_(self, include=None, exclude=None):
        # A build skips Altair's check of the spec against the Vega-Lite schema (a third of
        # the sections' time); the tests check every chart of every brief instead.
        valid = not os.environ.get(BUILD_ENV)
        return mimebundle(self.chart.to_dict(validate=valid), self.caption)


def _render(spec: dict, **_) -> tuple[dict, dict]:
    return mimebundle(spec)


alt.renderers.register("bedfellows", _render)
alt.renderers.enable("bedfellows")


def jupyter_page() -> str:
    """What a notebook's first output carries for the rest: the fonts and the Vega bundle
    (one copy for every chart, which waits for it), offline."""
    from analysis.charts.assets import font_faces, inline_script, vega_bundle

    schema = alt.SCHEMA_URL
    return (f"<style>{font_faces(embed=True, text=None)}</style>"
            f"<script>{inline_script(vega_bundle(schema))}</script>")
