"""What a brief embeds: the Vega JavaScript bundle (cached on disk), the fonts and the
stylesheet, for the HTML brief and for the same brief in Jupyter (`jupyter_page`)."""

import base64
import functools
import hashlib
import io
import re

from analysis.charts.static import vl_version
from analysis.contract import FONT
from analysis.core.cache import cache_dir, kept
from analysis.paths import FONTS

FONT_FACES = [  # (file stem, weight, style, embedded in the HTML)
    ("BedfellowsSans-Regular", 400, "normal", True),
    ("BedfellowsSans-Bold", 700, "normal", True),
    ("BedfellowsSans-Italic", 400, "italic", False),  # browsers slant the regular face
]


def vega_bundle(spec_schema: str) -> str:
    """Vega, Vega-Lite and Vega-Embed as one script for the spec's Vega-Lite version.

    Generating it takes vl-convert ~1.7 s, so it is cached on disk, keyed by the
    vl-convert and Vega-Lite versions.
    """
    import vl_convert

    vl = vl_version({"$schema": spec_schema})
    # vl-convert's stubs omit __version__ and give `snippet` no default (it has one)
    release = vl_convert.__version__  # type: ignore[attr-defined]
    path = cache_dir() / f"vega-bundle-{release}-vl{vl}.js"
    return kept(path, lambda: vl_convert.javascript_bundle(  # type: ignore[call-arg]
        vl_version=vl).encode(), "Vega bundle").decode()


def inline_script(js: str) -> str:
    """JavaScript made safe to place inside <script>: nothing that could end the element
    or open an HTML comment (escaped inside JS strings, where they can only occur)."""
    return re.sub(r"<(/script|!--)", r"<\\\1", js, flags=re.IGNORECASE)


ALWAYS = frozenset(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2060),
                             0x2212]))
"""Characters the page's fonts keep whatever its text: what a browser or Vega may write
that the text does not hold (formatted numbers and dates, the minus sign)."""


def font_faces(embed: bool, text: str | None = "") -> str:
    """@font-face rules: for the self-contained HTML, WOFF2 data URIs of the fonts cut down
    to the characters of `text` (and `ALWAYS`; None: the whole fonts, for a notebook whose
    text is not known yet); for WeasyPrint, TTF file URLs (it embeds subsets in the PDF
    itself)."""
    rules = []
    for stem, weight, style, in_html in FONT_FACES:
        if embed and not in_html:
            continue
        if embed:
            font = ((FONTS / f"{stem}.woff2").read_bytes() if text is None
                    else _subset(stem, frozenset(text) | ALWAYS))
            data = base64.b64encode(font).decode()
            src = f'url("data:font/woff2;base64,{data}") format("woff2")'
        else:
            src = f'url("{(FONTS / f"{stem}.ttf").as_uri()}") format("truetype")'
        rules.append(f'@font-face{{font-family:"{FONT}";src:{src};font-weight:{weight};'
                     f"font-style:{style};font-display:block}}")
    return "\n".join(rules)


def warm_up() -> None:
    """Import the font subsetter ahead of the first page."""
    from fontTools import subset  # noqa: F401


def _subset(stem: str, chars: frozenset[str]) -> bytes:
    """The font as WOFF2 with only the glyphs `chars` need (fontTools keeps the shaping
    rules, so joined Arabic forms stay); cached on disk by font and characters."""
    source = FONTS / f"{stem}.woff2"
    key = hashlib.sha256(source.read_bytes() + "".join(sorted(chars)).encode()).hexdigest()

    def cut() -> bytes:
        from fontTools import subset

        options = subset.Options(flavor="woff2", layout_features=["*"], name_IDs=["*"],
                                 notdef_outline=True)
        font = subset.load_font(str(source), options)
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=[ord(c) for c in chars])
        cutter.subset(font)
        out = io.BytesIO()
        subset.save_font(font, out, options)
        return out.getvalue()

    return kept(cache_dir("fonts") / f"{stem}-{key[:40]}.woff2", cut, "font subset")


SCOPE = ".bedfellows.bedfellows.bedfellows"
"""The brief's styles in Jupyter apply inside elements of class "bedfellows" only (the
class thrice: to outweigh JupyterLab's own rules for rendered HTML, such as its striped
table rows, in every theme)."""

RESET = (f"{SCOPE} :where(*) {{ color: inherit; background: transparent; "
         "font-family: inherit; border-color: var(--rule); }")
"""Before the brief's rules: what JupyterLab's theme sets on rendered HTML (dark rows,
light text) gives way, so the brief reads as on paper in light and dark themes alike."""


@functools.cache
def jupyter_styles() -> str:
    """The brief's stylesheet scoped to `SCOPE`, as a <style> element."""
    from analysis.core.css import scoped
    from analysis.paths import TEMPLATES

    css = (TEMPLATES / "brief" / "brief.css").read_text(encoding="utf-8")
    return f"<style>{RESET}\n{scoped(css, SCOPE)}</style>"

