"""Where the reported figures and events are: rows placed in a province are drawn there (a
district's in its province, a row naming two provinces in both, once each); regions,
border areas, country-wide figures, counts naming no province and what happened abroad are
said, never drawn; an edition as of a day places only what was known then."""

import pytest
from test_evidence import estimate, exact, make_tables, sale

from analysis.evidence.where import where

PLACES = [
    {"place_id": "kunar", "name": "Kunar", "kind": "province", "part_of": "afghanistan",
     "boundary_id": "AF-KNR"},
    {"place_id": "achin", "name": "Achin District", "kind": "district",
     "part_of": "nangarhar"},
    {"place_id": "eastern-afghanistan", "name": "eastern Afghanistan", "kind": "region",
     "part_of": "afghanistan"},
    {"place_id": "tajik-border", "name": "the Tajik border", "kind": "border_area"},
    {"place_id": "russia", "name": "Russia", "kind": "country"},
    {"place_id": "moscow", "name": "Moscow", "kind": "city", "part_of": "russia"},
]
ESTIMATES = [
    estimate("E1", "wire", as_of_date="2019-05", **exact(3000)),
    estimate("E2", "paper", area="nangarhar", as_of_date="2019-06", **exact(1750)),
    estimate("E3", "daily", area="achin", as_of_date="2019-11", qualifier="less_than",
             high=200),
    estimate("E4", "wire", area="eastern-afghanistan", as_of_date="2019-04", **exact(1600)),
    estimate("E5", "wire", measure="provinces_with_presence", out_of=34, **exact(25)),
]
CONTACTS = [{"contact_id": "C1", "source_id": "wire", "date": "2019-02", "place": "moscow"},
            {"contact_id": "C2", "source_id": "wire", "date": "2019-03", "place": "kunar"},
            {"contact_id": "C3", "source_id": "wire", "date": "2019-04"}]
SALES = [sale("S1", "wire", place="tajik-border"),
         sale("S2", "paper", place="nangarhar;kunar")]


@pytest.fixture
def tables(tmp_path):
    def make(as_of=None):
        return make_tables(tmp_path / "data", places=PLACES, fighter_estimates=ESTIMATES,
                           diplomatic_contacts=CONTACTS, arms_sales=SALES, as_of=as_of)
    return make


def test_provinces_hold_what_is_placed_in_them_once_each(tables):
    w = where(tables())
    assert w.country == "Afghanistan"
    assert sorted(zip(w.placed["province"], w.placed["what"], strict=True)) == [
        ("Kunar", "contact"), ("Kunar", "transfer"), ("Nangarhar", "estimate"),
        ("Nangarhar", "estimate"), ("Nangarhar", "transfer")]
    texts = " ".join(w.placed["text"])
    assert "1,750" in texts and "less than 200" in texts and "3,000" not in texts


def test_what_cannot_be_placed_is_said(tables):
    said = where(tables()).unplaced
    assert said == [
        "1 count of provinces naming none (25)",
        "1 country-wide estimate of Afghanistan (in the estimates section)",
        "1 estimate placed no more precisely than eastern Afghanistan, which no boundary "
        "outlines",
        "1 contact outside Afghanistan: Moscow",
        "1 transfer placed no more precisely than the Tajik border, which no boundary "
        "outlines"]


def test_an_edition_places_only_what_was_known_that_day(tables):
    # the paper (July 2019) and the daily (2019) were not yet out on 2019-06-15
    early = where(tables(as_of="2019-06-15"))
    assert sorted(zip(early.placed["province"], early.placed["what"], strict=True)) == [
        ("Kunar", "contact")]
    assert "1 transfer placed no more precisely than the Tajik border, which no boundary " \
           "outlines" in early.unplaced


def test_nothing_placed_in_a_province_draws_nothing(tmp_path):
    w = where(make_tables(tmp_path / "data", fighter_estimates=ESTIMATES[:1]))
    assert w.placed.empty
    assert w.unplaced == ["1 country-wide estimate of Afghanistan (in the estimates section)"]
