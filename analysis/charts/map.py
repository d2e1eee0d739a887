"""The map: a country's provinces, those where something is reported filled by what it is
(estimates, contacts, transfers), named, with the reports in the tooltip. The boundaries
travel inside the spec (TopoJSON), so the chart is drawn offline in HTML and as vector
paths in the PDF."""

import altair as alt
import pandas as pd

from analysis.charts.marks import finish
from analysis.charts.theme import GRID, INK, MUTED, OKABE_ITO, WIDTH
from analysis.core.words import plural, series

SEVERAL = "several kinds"
COLOURS = {"estimate": OKABE_ITO["vermillion"], "contact": OKABE_ITO["blue"],
           "transfer": OKABE_ITO["orange"], SEVERAL: OKABE_ITO["purple"]}
"""Fill per what a province's reports are."""
CREDIT = "Boundaries: geoBoundaries (gbOpen, public domain)."


def provinces_map(topo: dict, placed: pd.DataFrame, country: str | None) -> alt.Chart:
    """`topo`: the provinces (TopoJSON, object `provinces`, each with `shapeISO` and a
    `label` point); `placed`: `evidence.where`'s rows (one per claim and province)."""
    per = _per_province(placed)
    shapes = alt.Data(values=topo, format=alt.DataFormat(type="topojson", feature="provinces"))
    size = {"width": WIDTH - 40, "height": 430}
    base = alt.Chart(shapes).mark_geoshape(fill="#f4f4f4", stroke=MUTED, strokeWidth=0.5,
                                           aria=False).project(type="mercator")
    kinds = [k for k in COLOURS if k in set(per["what"])]
    tooltip = [alt.Tooltip("province:N", title="Province"),
               alt.Tooltip("reports:N", title="How many"),
               alt.Tooltip("lines:N", title="Reports")]
    looked_up = alt.LookupData(per, "boundary_id", [c for c in per if c != "boundary_id"])
    reported = alt.Chart(shapes).mark_geoshape(stroke=INK, strokeWidth=0.8,
                                               fillOpacity=0.75).transform_lookup(
        lookup="properties.shapeISO", from_=looked_up,
    ).transform_filter(alt.datum.what != None).encode(  # noqa: E711
        color=alt.Color("what:N", title="Reported there",
                        scale=alt.Scale(domain=kinds, range=[COLOURS[k] for k in kinds])),
        tooltip=tooltip,
    ).project(type="mercator")
    named = alt.Chart(shapes).transform_calculate(
        lon="datum.properties.label[0]", lat="datum.properties.label[1]",
        name="datum.properties.shapeName",
    ).transform_lookup(
        lookup="properties.shapeISO", from_=looked_up,
    ).encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    # the provinces reported on stand out (their names show the same tooltip: they lie
    # over the province); the others are named to find one's way
    on = alt.datum.what != None  # noqa: E711
    labels = [named.mark_text(color=INK, fontSize=11, fontWeight="bold", aria=False)
              .encode(tooltip=tooltip).transform_filter(on).project(type="mercator"),
              named.mark_text(color=MUTED, fontSize=8, opacity=0.8, aria=False)
              .transform_filter(~on).project(type="mercator")]
    chart = alt.layer(base, reported, *labels).properties(**size).configure_view(
        stroke=GRID)
    return finish(
        chart, placed, f"{_provinces(country)}: where reports place something",
        "Filled: provinces where a report places an estimate, a contact or a transfer. "
        + CREDIT, _description(per, country))


def _per_province(placed: pd.DataFrame) -> pd.DataFrame:
    """One row per province: what is reported there (one kind, or several), how many
    reports, and the reports' `lines`."""
    rows = []
    for (boundary, province), at in placed.groupby(["boundary_id", "province"], sort=True):
        kinds = [k for k in COLOURS if k in set(at["what"])]
        rows.append({"boundary_id": boundary, "province": province,
                     "what": kinds[0] if len(kinds) == 1 else SEVERAL,
                     "reports": ", ".join(plural(int((at["what"] == k).sum()), k)
                                          for k in kinds),
                     "lines": " | ".join(at["text"])})
    return pd.DataFrame(rows, columns=["boundary_id", "province", "what", "reports", "lines"])


def _provinces(country: str | None) -> str:
    """'Afghanistan's provinces'; 'Provinces' where none is part of a country on record."""
    return f"{country}'s provinces" if country else "Provinces"


def _description(per: pd.DataFrame, country: str | None) -> str:
    said = [f"{r.province} ({r.reports})" for r in per.itertuples()]
    return (f"Map of {_provinces(country) if country else 'provinces'}; "
            + (f"{plural(len(per), 'province')} filled where reports place something: "
               f"{series(said)}." if said else "no report is placed in a province."))
