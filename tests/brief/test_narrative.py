"""Generated prose: figures keep their qualifiers, unknown dates stay unknown, every claim
carries its citation."""

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis import load_tables
from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.sections import arms, contacts, estimates
from analysis.core import words
from analysis.evidence import estimates as estimate_frames
from analysis.tables.quantities import quantity
from conftest import FIXTURES


@pytest.mark.parametrize("qualifier, low, high, text", [
    ("as_many_as", None, 3000, "as many as 3,000 fighters"),
    ("up_to", None, 20, "up to 20 fighters"),
    ("about", 1500, 1500, "about 1,500 fighters"),
    ("at_least", 60000, None, "at least 60,000 fighters"),
    ("less_than", None, 1000, "less than 1,000 fighters"),
    ("between", 2000, 3000, "2,000–3,000 fighters"),
    ("several_hundred", None, None, "several hundred fighters (read as 300–900)"),
    ("unknown", None, None, "fighters, number not stated"),
])
def test_quantities_keep_their_qualifier(qualifier, low, high, text):
    assert quantity(qualifier, pd.NA if low is None else low,
                            pd.NA if high is None else high, "fighters") == text


@pytest.fixture
def t():
    return load_tables(FIXTURES / "data")


def _text(markup) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ")


@pytest.mark.parametrize("items, most, text", [
    (["A"], None, "A"),
    (["A", "B"], None, "A and B"),
    (["A", "B", "C"], 4, "A, B and C"),
    (list("ABCDEF"), 4, "A, B, C, D and 2 others"),
    (list("ABCDE"), 4, "A, B, C, D and 1 other"),
])
def test_series_names_at_most_a_few_then_counts(items, most, text):
    assert words.series(items, most) == text


def test_arms_summary_keeps_qualifier_route_and_unknown_date(t):
    cite = Citations(t)
    html = arms.summary(t, cite)
    text = _text(html)
    assert "Russia → Taliban (via Tajikistan)" in text
    assert "as many as 20 AK-47 (2015)" in text
    assert "several RPGs (read as 3–9) (date not stated)" in text
    assert len(BeautifulSoup(str(html), "html.parser").select(".cite")) >= 2


def test_estimates_summary_names_claimant_and_spread(t):
    cite = Citations(t)
    points = estimate_frames.estimate_points(t, "fighters")
    text = _text(estimates.summary(t, points, cite, "fighters"))
    assert "latest estimate 2,000–3,000 fighters (8 October 2015, according to Zamir Kabulov)" \
        in text
    assert cite.numbers == {"doc-a": 1}


def test_estimates_summary_words_one_estimate_and_one_figure(t):
    points = estimate_frames.estimate_points(t, "fighters")
    one = points.head(1)
    assert "; the only dated estimate." in _text(
        estimates.summary(t, one, Citations(t), "fighters"))
    one = one.assign(low=1000.0, high=1000.0)
    same = pd.concat([one, one.assign(claimant="Someone else")])
    assert "2 dated estimates from 2 claimants all give 1,000." in _text(
        estimates.summary(t, same, Citations(t), "fighters"))


def test_contacts_summary_counts_undated_and_intermediaries(t):
    text = _text(contacts.summary(t, Citations(t)))
    assert text.startswith("2 dated contacts in 2015")
    assert "Intermediaries on record: Zamir Kabulov" in text


def test_empty_selections_say_so(t):
    from dataclasses import replace

    empty = replace(t, arms_sales=t.arms_sales.iloc[0:0])
    assert "No arms transfers" in _text(arms.summary(empty, Citations(empty)))


def test_a_citation_of_many_rows_cites_a_few_and_counts_the_rest(t, monkeypatch):
    monkeypatch.setattr(limits, "ROWS_CITED", 2)
    cite = Citations(t)
    ids = list(t.fighter_estimates.index)
    marked = str(cite.claims("fighter_estimates", ids + ids[:1]))  # a repeat counts once
    quoted = [q for quotes in cite.quoted.values() for q in quotes]
    assert sorted(quoted) == sorted(t.fighter_estimates["quote"].head(2))
    assert f"+{len(ids) - 2:,} more report" in marked
    assert "+1 more report<" in str(cite.claims("fighter_estimates", ids[:3]))  # singular


def test_a_citation_of_many_rows_cites_as_few_sources_as_it_can(t, monkeypatch):
    monkeypatch.setattr(limits, "ROWS_CITED", 1)
    e001, e002, e003 = _labels(t.fighter_estimates, "E001", "E002", "E003")
    [s002] = _labels(t.arms_sales, "S002")
    cite = Citations(t)  # estimates: E001 and E002 from doc-a, E003 from doc-b
    cite.claims("fighter_estimates", [e001, e002, e003])
    assert list(cite.numbers) == ["doc-a"]  # the source most of the rows come from
    cite.claim("arms_sales", s002)  # now doc-b is cited too
    cite.claims("fighter_estimates", [e003, e001])
    assert list(cite.numbers) == ["doc-a", "doc-b"]
    cite = Citations(t)
    cite.claim("arms_sales", s002)
    cite.claims("fighter_estimates", [e001, e002, e003])  # doc-b is already cited
    assert list(cite.numbers) == ["doc-b"]


def _labels(frame, *ids):
    """The labels of the rows with these ids (what citations take)."""
    return [frame.index[frame.iloc[:, 0] == i][0] for i in ids]


def test_estimates_summary_covers_the_most_estimated_groups(t, monkeypatch):
    monkeypatch.setattr(words, "NAMED", 1)
    one = estimate_frames.estimate_points(t, "fighters")
    points = pd.concat([one, one, one.assign(group="Lesser Group",
                                             series="Lesser Group in Afghanistan")])
    text = _text(estimates.summary(t, points, Citations(t), "fighters"))
    assert "Islamic State" in text and "Lesser Group" not in text
    assert text.endswith("and 1 other group or place, none estimated more often than those "
                         "above.")
