"""What changed, as the section shows it when the story moves on: every table counted, new
events first and newest first, the first rows shown and the rest folded (counted in print)."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from analysis.brief import Brief, limits
from analysis.tables.changes import ROWS_VERSION, row_digests
from conftest import moved_on


@pytest.fixture
def brief(data_dir, tmp_path) -> Brief:
    """A brief of the moved-on data, compared with an edition of the fixture data."""
    previous = tmp_path / "manifest.json"
    previous.write_text(json.dumps({"rows": row_digests(data_dir),
                                    "rows_version": ROWS_VERSION, "edition": "2016-01-31",
                                    "edition_id": "2016-01-31.2",
                                    "built_at": "2016-01-31T10:00:00+00:00"}))
    return Brief(data_dir=moved_on(data_dir), previous=str(previous))


def _rows(soup) -> list[tuple[str, str]]:
    return [(tr.find_all("td")[1].get_text(), tr.find_all("td")[2].get_text())
            for tr in soup.select("table:not(.counts) tbody tr")]


def test_every_table_is_counted_and_new_events_come_newest_first(brief):
    section = brief.changes()
    soup = BeautifulSoup(section.html(), "html.parser")
    counts = {tr.td.get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
              for tr in soup.select("table.counts tbody tr")}
    assert counts == {"arms sales": ["2", "0", "0"], "fighter estimates": ["5", "0", "0"],
                      "diplomatic contacts": ["3", "0", "0"], "sources": ["3", "0", "0"],
                      "actors": ["2", "0", "0"], "places": ["0", "0", "0"]}
    rows = [row_id for _, row_id in _rows(soup)]
    # by the end of each event's span: January 2022, December 2021, all 2021, September ...
    assert rows == ["C005", "C004", "E004", "E008", "S004", "S003", "E007", "C003", "E005",
                    "E006"]
    assert "edition 2016-01-31.2" in soup.get_text() and "stays published" in soup.get_text()
    assert brief.facts["changes"].text == "10 rows new or changed"


def test_changed_rows_follow_new_events_and_undated_new_rows_come_last(data_dir, tmp_path):
    previous = tmp_path / "manifest.json"
    before = {"rows": row_digests(data_dir), "rows_version": ROWS_VERSION}
    path = data_dir / "fighter_estimates.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2000,3000,between",
                                                            "2000,3500,between"))
    with path.open("a", encoding="utf-8") as f:
        f.write("E009,isil,afghanistan,operatives,,,several,,,,doc-a,"
                "two to three thousand fighters,,,3,,\n")
    previous.write_text(json.dumps({**before, "edition": "2016-01-31"}))
    soup = BeautifulSoup(Brief(data_dir=moved_on(data_dir), previous=str(previous))
                         .changes().html(), "html.parser")
    kinds = [(tr.find_all("td")[0].get_text(), tr.find_all("td")[2].get_text())
             for tr in soup.select("table:not(.counts) tbody tr")]
    assert kinds[-2:] == [("changed", "E001"), ("new", "E009")]


def test_the_first_rows_are_shown_and_the_rest_folded_or_counted_in_print(brief,
                                                                         monkeypatch):
    monkeypatch.setattr(limits, "TABLE_ROWS", 3)
    monkeypatch.setattr(limits, "CHANGES_LISTED", 6)
    soup = BeautifulSoup(brief.changes().html(), "html.parser")
    shown, folded = soup.select("table:not(.counts)")
    assert len(shown.select("tbody tr")) == 3 and "(the 3 first of 10 rows)" in shown.caption.text
    fold = soup.select_one("details.more-rows")
    assert len(folded.select("tbody tr")) == 3 and folded in fold.find_all("table")
    assert re.sub(r"\s+", " ", fold.summary.get_text()) == "The other 7 rows: the next 3 of 7"
    assert soup.select_one(".print-only").get_text() == (
        "And 7 more rows new or changed, listed in the HTML brief.")
