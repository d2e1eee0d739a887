"""The map: a valid Vega-Lite spec carrying its boundaries (nothing fetched), drawn offline
with all 34 provinces, as vector paths in the PDF; with its text alternative and what it
could not place said under it; and no map, said, for a subject without boundaries."""

import io
import json
import re
import shutil

import pytest
from test_evidence import estimate, exact, make_tables
from test_where import CONTACTS, ESTIMATES, PLACES, SALES

from analysis.brief import Brief
from analysis.charts import static
from analysis.charts.figure import Figure
from analysis.paths import BOUNDARIES
from conftest import ROOT


@pytest.fixture
def data(tmp_path):
    t = make_tables(tmp_path / "data", places=PLACES, fighter_estimates=ESTIMATES,
                    diplomatic_contacts=CONTACTS, arms_sales=SALES)
    shutil.copytree(ROOT / "data" / BOUNDARIES.parent, t.data_dir / BOUNDARIES.parent)
    return t.data_dir


def the_map(data_dir) -> tuple[dict, str]:
    section = Brief(data_dir=data_dir).where()
    [figure] = [p for p in section.parts if isinstance(p, Figure)]
    return figure.chart.to_dict(validate=True), section.html()


def test_the_spec_is_valid_and_carries_its_boundaries(data):
    spec, _ = the_map(data)
    assert '"url"' not in json.dumps(spec)  # nothing to fetch
    # the boundaries once, for every layer
    assert spec["data"]["format"] == {"type": "topojson", "feature": "provinces"}
    assert all("data" not in layer for layer in spec["layer"])
    assert len(spec["data"]["values"]["objects"]["provinces"]["geometries"]) == 34


def test_drawn_offline_with_every_province(data):
    spec, _ = the_map(data)
    svg = static.render([spec])[0]  # vl-convert: no browser, no network
    provinces = re.search(r'layer_0_marks"[^>]*>(.*?)</g>', svg, re.S).group(1)
    assert provinces.count("<path") == 34
    filled = re.search(r'layer_1_marks"[^>]*>(.*?)</g>', svg, re.S).group(1)
    assert filled.count("<path") == 2  # Nangarhar and Kunar
    assert svg.count('aria-roledescription="geoshape"') == 2  # the filled ones, described


def test_its_pdf_page_is_vector(data):
    from pypdf import PdfReader

    spec, _ = the_map(data)
    [page] = PdfReader(io.BytesIO(static.render_pdf([spec])[0])).pages
    content = page.get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"(?m) m$", content)) >= 34  # a path begun per province at least
    xobjects = page["/Resources"].get("/XObject", {})
    assert all(x.get_object()["/Subtype"] != "/Image" for x in xobjects.values())
    assert "Nangarhar" in page.extract_text()  # text kept as text


def test_the_text_alternative_lists_what_the_map_shows_and_not(data):
    spec, html = the_map(data)
    assert "Nangarhar (2 estimates, 1 transfer)" in spec["description"]
    assert "Kunar (1 contact, 1 transfer)" in spec["description"]
    listed = re.findall(r"<li><strong>(\w+)</strong>", html)
    assert listed == ["Kunar", "Nangarhar"]
    assert html.count('class="cite"') >= 5  # every placed row cited
    assert "Not drawn: 1 count of provinces naming none (25); " in html
    assert "1 contact outside Afghanistan: Moscow" in html


def test_a_subject_without_boundaries_says_it_has_no_map(tmp_path):
    t = make_tables(tmp_path / "data", fighter_estimates=[estimate("E1", "wire", **exact(9))])
    html = Brief(data_dir=t.data_dir).where().html()
    assert "No map: this subject holds no boundaries" in html


def test_provinces_of_no_country_on_record_are_not_named_none(data):
    from analysis.charts.map import provinces_map
    from analysis.evidence.where import where
    from analysis.tables.places import boundaries

    t = Brief(data_dir=data).t
    spec = provinces_map(boundaries(data), where(t).placed, None).to_dict()
    assert spec["title"]["text"] == "Provinces: where reports place something"
    assert spec["description"].startswith("Map of provinces; ")
    assert "None" not in spec["title"]["text"] + spec["description"]
