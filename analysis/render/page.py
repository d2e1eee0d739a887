"""An executed brief notebook -> one self-contained HTML page (nbconvert, our template).

Two modes from the same notebook: "web" (interactive Vega charts; the Vega bundle inlined
once; fonts as data URIs; a Content-Security-Policy that forbids every network load) and
"print" (static SVG charts; the input to WeasyPrint).
"""

import base64
import copy
import hashlib
import html
import json
from collections.abc import Sequence
from functools import cache

import nbformat

from analysis import contract
from analysis.charts import assets
from analysis.contract import MIME_TYPE, figure_html
from analysis.paths import TEMPLATES

CSS = (TEMPLATES / "brief" / "brief.css").read_text(encoding="utf-8")

EMBED_SCRIPT = """document.fonts.ready.then(function () {
 document.querySelectorAll(".vega-chart").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  vegaEmbed(el, spec, {actions: false, renderer: "svg"}).then(function (r) {
    var svg = r.view.container().querySelector("svg");
    if (svg) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", spec.description || "");
    }
  }).catch(function (e) { el.textContent = "Chart could not be drawn: " + e; });
 });
});"""


_FONTS_SLOT = "/* the font faces go here */"


def figure_outputs(nb: nbformat.NotebookNode) -> list:
    """Every chart output, in document order."""
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
            if MIME_TYPE in o.get("data", {})]


def specs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o["data"][MIME_TYPE] for o in figure_outputs(nb)]


def add_pictures(nb: nbformat.NotebookNode, svgs: list[str]) -> None:
    """Each chart output of `nb` with its static picture beside its spec, as an SVG and as
    HTML showing it as an image (what JupyterLab shows in a notebook it did not run, where
    an SVG output counts as unsafe; nbviewer and GitHub show either). No front end renders
    our Vega-Lite version's spec."""
    for output, svg in zip(figure_outputs(nb), svgs, strict=True):
        spec = output["data"][MIME_TYPE]
        meta = output.get("metadata", {}).get(MIME_TYPE, {})
        picture = (f'<img alt="{html.escape(spec.get("description", ""))}" src="data:image/'
                   f'svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">')
        output["data"]["image/svg+xml"] = svg
        output["data"]["text/html"] = figure_html(spec, picture, meta.get("caption", ""))


def _figure(output, mode: str) -> str:
    spec = output["data"][MIME_TYPE]
    meta = output.get("metadata", {}).get(MIME_TYPE, {})
    if mode == "print":
        body = meta["slot"]
    else:
        key = f"spec-{meta['index']}"
        data = json.dumps(spec, separators=(",", ":")).replace("<", "\\u003c")
        body = (f'<div class="vega-chart" data-spec="{key}"></div>'
                f'<script type="application/json" id="{key}">{data}</script>')
    return figure_html(spec, body, contract.chart_caption(output))


@cache
def _exporter():
    # nbconvert's TemplateExporter, not its HTMLExporter: the latter re-parses the whole page
    # with BeautifulSoup after rendering (0.2-0.4 s here) to patch markup we do not emit.
    from nbconvert.exporters import TemplateExporter
    from nbconvert.filters import markdown2html_mistune
    from traitlets.config import Config

    priority = [MIME_TYPE, "text/html", "text/markdown", "image/svg+xml", "image/png",
                "text/plain"]
    exporter = TemplateExporter(
        config=Config({"NbConvertBase": {"display_data_priority": priority}}),
        template_name="brief", template_file="index.html.j2",
        extra_template_basedirs=[str(TEMPLATES)], exclude_input=True,
        exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_filter("markdown2html", markdown2html_mistune)
    exporter.register_filter("figure", _figure)
    exporter.register_filter("masthead", contract.is_masthead)
    return exporter


def warm_up() -> None:
    """Import nbconvert and load the template ahead of the first render."""
    _exporter()


def _csp(scripts: list[str]) -> str:
    digests = (base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts)
    hashes = " ".join(f"'sha256-{d}'" for d in digests)
    return ("default-src 'none'; " f"script-src {hashes} 'unsafe-eval'; "
            "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
            "frame-src 'none'; form-action 'none'; base-uri 'none'")


def toc(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return contract.toc(o for cell in nb.cells for o in cell.get("outputs", []))


def render(nb: nbformat.NotebookNode, *, mode: str, title: str, slots: Sequence[str] = (),
           paper: str = "A4", lang: str = "en", contents: list | None = None) -> str:
    """The brief as HTML. In print mode, `slots` are the charts' placeholders, in document
    order (see `pdf.slot`). `contents`: the table of contents, if not `nb`'s own (a
    notebook still running shows the one it is expected to have)."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells
                if not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    for i, output in enumerate(figure_outputs(nb)):
        meta = output.setdefault("metadata", {}).setdefault(MIME_TYPE, {})
        meta["index"] = i
        if mode == "print":
            meta["slot"] = slots[i]
    web = mode == "web"
    brief = {"mode": mode, "title": title, "lang": lang, "mime": MIME_TYPE,
             "toc": toc(nb) if contents is None else contents,
             "font_faces": _FONTS_SLOT if web else assets.font_faces(embed=False),
             "css": CSS + f"\n@page {{ size: {paper}; }}"}
    if web:
        specs = [o["data"][MIME_TYPE] for o in figure_outputs(nb)]
        schema = specs[0]["$schema"] if specs else "v6.4"
        bundle = assets.inline_script(assets.vega_bundle(schema)) if specs else ""
        embed_script = EMBED_SCRIPT if specs else ""
        brief["bundle"], brief["embed_script"] = bundle, embed_script
        brief["csp"] = _csp([bundle, embed_script])
    body, _ = _exporter().from_notebook_node(nb, resources={"brief": brief})
    if not web:
        body = contract.for_print(body)
    if web:  # the fonts, cut down to the characters of the page and of its charts' data
        text = html.unescape(body) + "".join(json.dumps(s, ensure_ascii=False) for s in specs)
        body = body.replace(_FONTS_SLOT, assets.font_faces(embed=True, text=text), 1)
    return body
