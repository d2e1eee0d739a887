"""Every section reads honestly when there is nothing, or next to nothing, on record: a new
subject's empty tables (`brief new`), and `fixtures/sparse/` (one row in each table). A line
says what is not on record; no empty chart, no table without rows, no "0 of 0"."""

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from analysis.brief import Brief
from analysis.brief.section import SECTIONS
from analysis.charts.figure import Figure
from analysis.tables import empty
from conftest import FIXTURES

SPARSE = FIXTURES / "sparse"
NOTHING = re.compile(r"\b0 of 0\b|\bof 0\b|\b0 (?:sources|claims|reports|rows)\b|\bnan\b"
                     r"|\bNone\b(?! *</td>)")
"""What a section must not say ("None" is the colophon's word for a parameter not given)."""


@pytest.fixture(params=["empty", "sparse"])
def data(request, tmp_path):
    target = tmp_path / "data"
    if request.param == "empty":
        empty.write(target)
    else:
        shutil.copytree(SPARSE, target)
    return target


def sections(brief: Brief):
    """Every section, as a deep dive and the brief call them."""
    yield brief.header()
    for key in SECTIONS:
        method = getattr(brief, key)
        yield method(full=True) if key == "hypotheses" else method()
    yield brief.arms(timeline=True)


def test_every_section_reads_honestly(data):
    brief = Brief(data_dir=data)
    for section in sections(brief):
        html = section.html()
        soup = BeautifulSoup(html, "html.parser")
        assert not NOTHING.search(html), (section.key, NOTHING.search(html)[0], html)
        for table in soup.find_all("table"):
            assert table.select("tbody tr"), (section.key, "a table without rows",
                                              table.get_text(" ")[:200])
        for figure in (p for p in section.parts if isinstance(p, Figure)):
            spec = figure.chart.to_dict()
            values = [v for d in spec.get("datasets", {}).values() for v in d]
            assert values or spec.get("data", {}).get("values"), (section.key, "empty chart")


@pytest.mark.parametrize("key", ["arms", "estimates", "contacts", "wider", "contested",
                                 "sources", "quality", "evidence"])
def test_an_empty_section_says_nothing_is_on_record(tmp_path, key):
    empty.write(tmp_path / "data")
    section = getattr(Brief(data_dir=tmp_path / "data"), key)()
    text = BeautifulSoup(section.html(), "html.parser").get_text(" ")
    assert re.search(r"\b(?:No|no|none|Nothing)\b", text), (key, text)
    assert not [p for p in section.parts if isinstance(p, Figure)]


def test_no_questions_yet_says_how_to_add_them(tmp_path):
    empty.write(tmp_path / "data")
    brief = Brief(data_dir=tmp_path / "data")
    text = BeautifulSoup(brief.judgments().html(), "html.parser").get_text(" ")
    assert "No key question is on record yet" in text
    assert "Likelihood" not in text, "no scales explained for judgments that are not there"
