"""Every section still tells the truth when the story moves on (`fixtures/later/`): the
latest estimate by the interval rule and the evidence, a doubtful outlier shown but never
setting a span or a scale, one origin's tenfold jump contested, an allegation worded as
one."""

import re

import pytest
from bs4 import BeautifulSoup

from analysis.brief import Brief
from analysis.charts.figure import Figure


@pytest.fixture
def brief(later_dir) -> Brief:
    return Brief(data_dir=later_dir)


def text(section) -> str:
    soup = BeautifulSoup(section.html(), "html.parser")
    for note in soup.select(".note"):
        note.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" "))


def test_a_year_dated_estimate_is_not_earlier_than_a_month_in_that_year(brief):
    """The UN's 2021 figure and an unattributed June 2021 one are as late as each other;
    the better evidence, not the finer date, decides which is named latest."""
    summary = text(brief.estimates())
    assert "latest estimate 4,000–5,000 fighters (2021, according to United Nations)" in summary


def test_an_unattributed_latest_estimate_says_so(data_dir):
    from conftest import moved_on

    moved_on(data_dir)
    path = data_dir / "fighter_estimates.csv"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith(("E004", "E006", "E007"))) + "\n")
    summary = text(Brief(data_dir=data_dir).estimates())
    assert "(June 2021, unattributed, in Fixture Wire)" in summary


def test_a_doubtful_outlier_is_shown_marked_but_sets_no_span(brief):
    section = brief.estimates()
    words = text(section)
    assert "span 2,000 to 5,000; left out as doubtful: 40,000 (July 2021)" in words
    assert "40,000 (July 2021), doubtful" in words  # the table shows it, marked
    [chart] = [p.chart.to_dict() for p in section.parts if isinstance(p, Figure)
               and p.chart.to_dict()["title"]["text"].startswith("Estimates")]
    drawn = chart["data"]["values"] if "values" in chart["data"] else chart["datasets"][
        chart["data"]["name"]]
    outlier = [d for d in drawn if d["figure"] == "40,000"]
    assert [(d["shape"], d["value"]) for d in outlier] == [("doubtful", 5000)]
    assert max(d["value"] for d in drawn) == 5000, "the outlier does not set the scale"
    assert "1 doubtful estimate (crosses) is drawn no higher than the others" in \
        chart["description"]


def test_one_origins_tenfold_jump_within_months_is_contested(brief):
    contested = text(brief.contested())
    assert "Figures of one origin ten times apart within months: 1." in contested
    assert ("Islamic State fighters in Afghanistan, June 2021 to July 2021, by Russia: one "
            "origin's figures ten times apart within months") in contested


def test_an_allegation_is_worded_as_an_allegation(brief):
    judgments = text(brief.judgments())
    assert "Russia is alleged to have supplied as many as 20 AK-47 to Taliban" in judgments
    assert "has supplied" not in judgments


def test_the_latest_contact_is_the_latest_by_the_interval_rule(brief):
    summary = text(brief.contacts())
    assert "between 2015 and 2022" in summary
    assert ("The latest: recognition of the Taliban government (9 January 2022 [inferred: the "
            "day before publication ('yesterday')]") in summary


def test_a_later_statement_without_a_number_updates_presence(brief):
    """The 2021 "nearly all provinces" counts: presence no longer rests on 2015's figure."""
    assert "Islamic State had a presence in nearly all provinces (2021)" in text(
        brief.judgments())


def test_a_party_left_out_of_talks_is_named_as_such(brief):
    assert "Russia – Pakistan – Tajikistan (without Taliban)" in text(brief.contacts())
