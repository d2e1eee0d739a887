"""The contract between a brief's kernel and its renderers, importable without altair."""

MIME_TYPE = "application/vnd.vegalite.v6+json"
"""Key of a chart's Vega-Lite spec in notebook outputs; it must end in "+json" for nbformat
to accept it (Altair's own mimetype renderer omits the "+"). The major version follows the
pinned Altair's Vega-Lite (tests check it)."""

BUILD_ENV = "BEDFELLOWS_BUILD"
"""Set by `brief build` in the kernel's environment: the builder draws the static charts
itself (vector PDFs for the PDF brief), so the kernel only emits the spec. Interactive
sessions also get an SVG."""
