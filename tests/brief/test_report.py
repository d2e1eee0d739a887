"""How a brief's sections bound what they list when tables hold whole databases."""

import pandas as pd
import pytest

from analysis.brief import Brief, limits
from analysis.brief.section import drawn
from analysis.brief.sections.estimates import _others
from analysis.brief.sections.sources import _fair_share
from analysis.charts.figure import Figure
from analysis.core import words
from analysis.evidence import arms
from analysis.tables.load import load_tables
from conftest import ROOT


@pytest.mark.parametrize("counts, total, most, share", [
    ([17, 3, 2, 1], 250, 30, 30),  # everything fits: nothing is cut
    ([40, 3], 250, 30, 30),  # one long source: at most 30 of its own
    ([10] * 100, 250, 30, 2),  # many sources: two each (200 in all)
    ([1] * 500, 250, 30, 1),  # never fewer than one each
])
def test_sources_share_out_the_passages(counts, total, most, share):
    assert _fair_share(pd.Series(counts), total, most) == share


@pytest.mark.parametrize("shown, total, caption", [
    (3, 3, "; then other measures"),
    (2, 9, "; then other measures (the 2 first of 9 estimates)"),
    (0, 69_681, "; other measures (69,681 estimates) not shown"),  # the table is full
    (0, 0, ""),
])
def test_the_estimates_caption_says_what_became_of_other_measures(shown, total, caption):
    assert _others(shown, total) == caption


def test_a_contest_table_shows_the_most_reported_figures(monkeypatch):
    import re

    monkeypatch.setattr(limits, "TABLE_ROWS", 1)
    html = Brief(data_dir=ROOT / "data").contested().html()
    captions = re.findall(r"<caption>(.*?)</caption>", html)
    assert "Russia → Pakistan: Mi-35 helicopters: the figures differ (between origins) " \
           "(the 1 most reported of 3 figures)." in captions


@pytest.mark.parametrize("rows, most, count, caption", [
    (["a", "a", "b"], 2, 3, ""),  # everything drawn
    (["a", "a", "b"], 2, 2, " Drawn: the 2 latest of 3 dated contacts."),
    (["a", "a", "b", "c"], 2, 3, " Drawn: the 2 sets with most dated contacts, of 3."),
    (["a", "a", "b", "c"], 2, 2,
     " Drawn: the 2 sets with most dated contacts, of 3; the 2 latest of their 3 dated "
     "contacts."),
])
def test_a_chart_caption_says_what_it_draws(rows, most, count, caption):
    assert str(drawn(pd.Series(rows), most, "sets", count, "dated contact")) == caption


def test_charts_of_a_row_per_group_draw_the_groups_with_most_reports(monkeypatch):
    """A whole database would draw a row for each of thousands of sets of parties, or a
    panel for each of hundreds of groups, on a chart taller than any page."""
    monkeypatch.setattr(limits, "CHART_ROWS", 2)
    monkeypatch.setattr(words, "NAMED", 2)
    brief = Brief(data_dir=ROOT / "data")

    def chart(section, title):
        [figure] = [p for p in section.parts if isinstance(p, Figure)
                    and p.chart.to_dict()["title"]["text"].startswith(title)]
        return figure.chart.to_dict()["description"], str(figure.caption)

    description, caption = chart(brief.contacts(), "Diplomatic contacts over time")
    assert " between 2 sets of parties" in description
    assert "Drawn: the 2 sets of parties with most dated contacts, of 7." in caption
    description, caption = chart(brief.arms(timeline=True), "Arms deals over time")
    # a deal is one row, however its reports name it; the 2010 reports stand far apart
    assert " on 1 deal " in description and "Not drawn, so that the rest can be read: 2 " \
        "dated reports of 2010" in caption
    assert "Drawn: the 2 deals with most dated reports, of 8" in caption
    description, caption = chart(brief.estimates(), "Estimates of fighters")
    assert " for 2 groups and places" in description
    assert "Drawn: the 2 groups and places with most dated estimates, of 6." in caption


def test_an_arms_timeline_names_a_deal_once_whatever_its_reports_say_of_its_route(data_dir):
    path = data_dir / "arms_sales.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(  # S002 joins deal "rifles"
        "S002,,russia,taliban,,,RPGs,light_weapons,,,several,alleged,,",
        "S002,rifles,russia,taliban,,,RPGs,light_weapons,,,several,alleged,2016,"),
        encoding="utf-8")
    events = arms.arms_events(load_tables(data_dir))
    assert len(events) == 2 and events["deal"].nunique() == 1
