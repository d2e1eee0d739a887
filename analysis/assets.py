"""What a brief embeds: the Vega JavaScript bundle (cached on disk) and the fonts."""

import base64
import os
import re
from functools import cache

from .cache import cache_dir
from .svg import FONT, FONTS, _vl_version

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

    vl = _vl_version({"$schema": spec_schema})
    path = cache_dir() / f"vega-bundle-{vl_convert.__version__}-vl{vl}.js"
    if not path.is_file():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(vl_convert.javascript_bundle(vl_version=vl), encoding="utf-8")
        tmp.replace(path)
    return path.read_text(encoding="utf-8")


def inline_script(js: str) -> str:
    """JavaScript made safe to place inside <script>: nothing that could end the element
    or open an HTML comment (escaped inside JS strings, where they can only occur)."""
    return re.sub(r"<(/script|!--)", r"<\\\1", js, flags=re.IGNORECASE)


@cache
def font_faces(embed: bool) -> str:
    """@font-face rules: WOFF2 data URIs for the self-contained HTML, TTF file URLs for
    WeasyPrint (which embeds subsets in the PDF)."""
    rules = []
    for stem, weight, style, in_html in FONT_FACES:
        if embed and not in_html:
            continue
        if embed:
            data = base64.b64encode((FONTS / f"{stem}.woff2").read_bytes()).decode()
            src = f'url("data:font/woff2;base64,{data}") format("woff2")'
        else:
            src = f'url("{(FONTS / f"{stem}.ttf").as_uri()}") format("truetype")'
        rules.append(f'@font-face{{font-family:"{FONT}";src:{src};font-weight:{weight};'
                     f"font-style:{style};font-display:block}}")
    return "\n".join(rules)
