"""The one Altair theme, registered and enabled here.

Fonts, sizes and palettes are named constants. The palette is Okabe-Ito, safe for the
common forms of colour blindness; status is also carried by fill and shape, never by
colour alone.
"""

import hashlib

import altair as alt

from analysis.contract import FONT

INK = "#222222"
MUTED = "#6b6b6b"
GRID = "#e6e6e6"
WIDTH = 620

OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#7f7f7f",
}
CATEGORICAL = [OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "purple",
                                      "sky", "yellow", "grey")]


def stable_colours(names, reserved: dict[str, str] | None = None) -> alt.Scale:
    """A colour scale for `names` (claimants, kinds) that gives each name the same colour in
    every edition, whatever else the chart draws: its colour is chosen by a hash of the
    name, and only when two names of one chart want the same colour does the later (by
    preference, then name) take the next free one. `reserved` names keep fixed colours."""
    reserved = reserved or {}
    palette = [c for c in CATEGORICAL if c not in reserved.values()]
    wanted = sorted((int(hashlib.sha256(n.encode()).hexdigest(), 16) % len(palette), n)
                    for n in set(names) - set(reserved))
    taken, colours = set(), {}
    for start, name in wanted:
        free = [i for i in range(start, start + len(palette)) if i % len(palette) not in taken]
        slot = (free[0] if free else start) % len(palette)
        taken.add(slot)
        colours[name] = palette[slot]
    colours |= {n: c for n, c in reserved.items() if n in set(names)}
    domain = sorted(colours)
    return alt.Scale(domain=domain, range=[colours[n] for n in domain])


@alt.theme.register("bedfellows", enable=True)
def bedfellows() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 260},
            "title": {"font": FONT, "fontSize": 15, "fontWeight": 600, "color": INK,
                      "anchor": "start", "subtitleColor": MUTED, "subtitleFontSize": 12,
                      "offset": 10},
            "axis": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 11,
                     "titleFontSize": 11, "titleFontWeight": 500, "labelColor": INK,
                     "titleColor": MUTED, "gridColor": GRID, "domainColor": MUTED,
                     "tickColor": MUTED, "labelLimit": 260},
            "legend": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 11,
                       "titleFontSize": 11, "titleColor": MUTED, "orient": "bottom",
                       "direction": "horizontal", "columns": 4, "labelLimit": 240},
            "header": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 12,
                       "labelFontWeight": 600, "labelColor": INK},
            "range": {"category": CATEGORICAL},
            "point": {"size": 70, "strokeWidth": 2},
            "text": {"font": FONT, "fontSize": 11, "color": INK},
        }
    }
