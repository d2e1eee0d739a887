"""Corroboration: origins (not reports) count, and where reports disagree."""

import csv
from pathlib import Path

import pytest

from analysis.evidence import contested
from analysis.evidence.support import Support, support
from analysis.tables.load import Tables, load_tables
from analysis.tables.schema import TABLES
from conftest import ROOT

# --- small hand-made tables ------------------------------------------------------------------

ACTORS = [
    {"actor_id": "russia", "name": "Russia"},
    {"actor_id": "russian-foreign-ministry", "name": "Russian Foreign Ministry",
     "kind": "organisation", "part_of": "russia"},
    {"actor_id": "kabulov", "name": "Zamir Kabulov", "kind": "person",
     "part_of": "russian-foreign-ministry"},
    {"actor_id": "pakistan", "name": "Pakistan"},
    {"actor_id": "tajikistan", "name": "Tajikistan"},
    {"actor_id": "taliban", "name": "Taliban", "kind": "armed_group"},
    {"actor_id": "isil", "name": "Islamic State", "kind": "armed_group"},
    {"actor_id": "united-nations", "name": "United Nations", "kind": "organisation"},
    {"actor_id": "united-states", "name": "United States"},
    {"actor_id": "us-military", "name": "US military", "kind": "organisation",
     "part_of": "united-states"},
]

PLACES = [
    {"place_id": "afghanistan", "name": "Afghanistan", "kind": "country"},
    {"place_id": "nangarhar", "name": "Nangarhar", "kind": "province",
     "part_of": "afghanistan", "boundary_id": "AF-NAN"},
]

SOURCES = [  # no `document`: quotes are not checked against held texts
    {"source_id": "wire", "publisher": "Wire", "reliability": "B", "published": "2019-06-01"},
    {"source_id": "paper", "publisher": "Paper", "reliability": "C", "published": "2019-07"},
    {"source_id": "daily", "publisher": "Daily", "reliability": "C", "published": "2019"},
    {"source_id": "blog", "publisher": "Blog", "reliability": "D"},
    {"source_id": "seed", "title": "Seed article", "reliability": "F"},
]

DEFAULTS = {
    "sources": {"title": "A title", "published_basis": "test", "kind": "news",
                "level": "secondary", "language": "en"},
    "actors": {"kind": "state"},
    "arms_sales": {"supplier": "russia", "recipient": "pakistan", "system": "Mi-35",
                   "category": "helicopter", "quantity_qualifier": "unknown",
                   "status": "ordered", "quote": "a quote", "credibility": "2"},
    "fighter_estimates": {"group": "isil", "area": "afghanistan", "measure": "fighters",
                          "qualifier": "unknown", "quote": "a quote", "credibility": "2"},
    "diplomatic_contacts": {"actors": "russia;taliban", "kind": "meeting",
                            "status": "occurred", "topic": "talks", "quote": "a quote",
                            "credibility": "2"},
    **{name: {"added": "2015-01-01"} for name in ("questions", "hypotheses",
                                                  "evidence_tags", "indicators")},
}


def make_tables(directory: Path, *, sources=(), actors=(), places=(), as_of=None,
                **claims) -> Tables:
    """Load tables written as tiny CSVs: the default actors and sources plus the given rows
    (dicts, missing cells filled from DEFAULTS or left empty)."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = {"sources": [*SOURCES, *sources], "actors": [*ACTORS, *actors],
            "places": [*PLACES, *places], **claims}
    for name, schema in TABLES.items():
        with (directory / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(schema.columns), restval="")
            writer.writeheader()
            for row in rows.get(name, ()):
                writer.writerow({**DEFAULTS.get(name, {}), **row})
    return load_tables(directory, as_of=as_of)


def sale(sale_id, source_id, qualifier="unknown", low="", high="", **cells) -> dict:
    return {"sale_id": sale_id, "source_id": source_id, "quantity_qualifier": qualifier,
            "quantity_low": low, "quantity_high": high, "deal_id": "pak-mi35", **cells}


def estimate(estimate_id, source_id, qualifier="unknown", low="", high="", **cells) -> dict:
    return {"estimate_id": estimate_id, "source_id": source_id, "qualifier": qualifier,
            "low": low, "high": high, **cells}


def exact(n) -> dict:
    return {"qualifier": "exact", "low": n, "high": n}


def support_of(t: Tables, table: str = "fighter_estimates") -> Support:
    return support(table, getattr(t, table))


def named(rows) -> str:
    return "the claim"


@pytest.fixture
def tables(tmp_path):
    return lambda **rows: make_tables(tmp_path / "data", **rows)


@pytest.fixture(scope="module")
def real() -> Tables:
    return load_tables(ROOT / "data")


# --- origins ---------------------------------------------------------------------------------

def test_a_basis_names_a_few_origins_and_counts_the_others():
    from analysis.core.words import LISTED

    origins = tuple(f"Outlet {i}" for i in range(LISTED + 3))
    text = Support("arms_sales", (), 20, origins, ("B",), 0).describe()
    assert text.startswith(f"20 reports, {LISTED + 3} independent origins (Outlet 0, ")
    assert f"Outlet {LISTED - 1} and 3 others); grade B" in text


def test_outlets_relaying_one_claimant_are_one_origin(tables):
    t = tables(fighter_estimates=[
        estimate(f"E{i}", source, **exact(3000), attributed_to="united-nations")
        for i, source in enumerate(["wire", "paper", "blog"])])
    s = support_of(t)
    assert (s.reports, s.origins) == (3, ("United Nations",))
    assert s.describe() == "3 reports, 1 independent origin (United Nations); grades B, C and D"


def test_an_envoy_and_his_state_are_one_origin(tables):
    """kabulov -> russian-foreign-ministry -> russia: the top of the part_of chain."""
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3000), attributed_to="kabulov"),
        estimate("E2", "daily", **exact(3000), attributed_to="russia"),
        estimate("E3", "blog", **exact(3000), attributed_to="russian-foreign-ministry")])
    assert t.fighter_estimates["origin"].tolist() == ["Russia"] * 3
    assert support_of(t).origins == ("Russia",)


def test_unattributed_rows_take_the_outlet_as_origin(tables):
    """The publisher, or the title when no publisher is printed; one outlet twice is one."""
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3000)),
        estimate("E2", "paper", **exact(2000)),
        estimate("E3", "seed", **exact(3000)),
        estimate("E4", "wire", **exact(3000), attributed_to="united-nations")])
    assert t.fighter_estimates["origin"].tolist() == [
        "Paper", "Paper", "Seed article", "United Nations"]
    assert support_of(t).origins == ("Paper", "Seed article", "United Nations")


# --- support ---------------------------------------------------------------------------------

def test_describe_a_single_report(tables):
    t = tables(fighter_estimates=[estimate("E1", "paper", **exact(3000))])
    assert support_of(t).describe() == "1 report, 1 independent origin (Paper); grade C"


def test_grades_are_distinct_best_first(tables):
    t = tables(fighter_estimates=[estimate(f"E{i}", s, **exact(3000)) for i, s in
                                  enumerate(["seed", "paper", "wire", "daily"])])
    s = support_of(t)
    assert (s.grades, s.best_grade) == (("B", "C", "F"), "B")


def test_strong_counts_origins_with_an_a_or_b_source(tables):
    """UN twice through the B-graded wire counts once; Russia only through C does not."""
    t = tables(fighter_estimates=[
        estimate("E1", "wire", **exact(3000), attributed_to="united-nations"),
        estimate("E2", "wire", **exact(3000), attributed_to="united-nations"),
        estimate("E3", "paper", **exact(3000), attributed_to="united-nations"),
        estimate("E4", "paper", **exact(3000), attributed_to="russia")])
    s = support_of(t)
    assert (len(s.origins), s.strong) == (2, 1)
    t = tables(fighter_estimates=[estimate("E1", "paper", **exact(3000)),
                                  estimate("E2", "blog", **exact(3000))])
    assert support_of(t).strong == 0


# --- contested figures -----------------------------------------------------------------------

def arms_contests(t):
    return contested.contests(t, "arms_sales", named)[0]


def test_same_deal_with_different_quantities_is_contested(tables):
    t = tables(arms_sales=[sale("S1", "paper", "as_many_as", high=20),
                           sale("S2", "wire", "exact", 4, 4),
                           sale("S3", "daily", "exact", 4, 4)])
    [c] = arms_contests(t)
    assert (c.key, c.what, c.between_origins) == ("pak-mi35", "the claim", True)
    sale_ids = t.arms_sales["sale_id"]
    assert {figure: tuple(sale_ids[list(rows)]) for figure, rows in zip(
        c.versions["figure"], c.versions["rows"], strict=True)} == {
        "as many as 20": ("S1",), "4": ("S2", "S3")}
    assert c.versions.set_index("figure").loc["4", "origins"] == ("Wire", "Daily")


def test_rows_without_a_quantity_are_not_a_version(tables):
    t = tables(arms_sales=[sale("S1", "paper"), sale("S2", "wire", "exact", 4, 4)])
    assert arms_contests(t) == []


def test_same_figure_everywhere_is_not_contested(tables):
    t = tables(arms_sales=[sale("S1", "paper", "exact", 4, 4),
                           sale("S2", "wire", "exact", 4, 4)])
    assert arms_contests(t) == []


def test_rows_of_different_deals_are_not_compared(tables):
    t = tables(arms_sales=[sale("S1", "paper", "exact", 4, 4),
                           sale("S2", "wire", "exact", 20, 20, deal_id="afg-mi35")])
    assert arms_contests(t) == []


def test_one_source_giving_one_origins_two_figures_is_a_change_not_a_contest(tables):
    """'3,500 fell to 1,600' in one article, from one origin."""
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3500), as_of_date="2017"),
        estimate("E2", "paper", **exact(1600), as_of_date="2017")])
    assert contested.contests(t, "fighter_estimates", named)[0] == []


def test_two_origins_in_one_source_are_contested(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(700), as_of_date="2017-03",
                 attributed_to="united-states"),
        estimate("E2", "paper", "about", 1500, 1500, as_of_date="2017-03",
                 attributed_to="kabulov")])
    [c] = contested.contests(t, "fighter_estimates", named)[0]
    assert c.key == "isil|fighters|afghanistan|2017-03"
    assert c.between_origins
    assert c.versions["origins"].tolist() == [("United States",), ("Russia",)]


def test_one_origin_relayed_differently_by_two_sources_is_not_between_origins(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", "about", 20000, 20000, as_of_date="2014",
                 attributed_to="us-military"),
        estimate("E2", "wire", "between", 20000, 30000, as_of_date="2014",
                 attributed_to="united-states")])
    [c] = contested.contests(t, "fighter_estimates", named)[0]
    assert not c.between_origins


def test_undated_estimates_are_never_matched(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(700), attributed_to="united-states"),
        estimate("E2", "wire", **exact(1500), attributed_to="russia")])
    assert contested.contests(t, "fighter_estimates", named)[0] == []


@pytest.mark.parametrize(("first", "second", "conflict"), [
    (("exact", 4, 4), ("exact", 20, 20), True),
    (("as_many_as", "", 20), ("exact", 4, 4), False),  # as many as 20 admits 4
    (("between", 2000, 3000), ("about", 2500, 2500), False),
    (("at_least", 60000, ""), ("between", 40000, 50000), True),
    (("at_least", 60000, ""), ("exact", 60000, 60000), False),
    (("up_to", "", 1000), ("exact", 1500, 1500), True),
])
def test_conflict_is_ranges_that_cannot_both_be_right(tables, first, second, conflict):
    t = tables(arms_sales=[sale("S1", "paper", *first), sale("S2", "wire", *second)])
    [c] = arms_contests(t)
    assert c.conflict is conflict


# --- disputed attributions -------------------------------------------------------------------

def test_the_same_stated_figure_credited_to_different_origins_is_disputed(tables):
    """The same figure is the same qualifier, low and high: "as many as 3,000" twice, not
    2,000-3,000 beside it."""
    t = tables(fighter_estimates=[
        estimate("E1", "seed", "as_many_as", high=3000, attributed_to="united-nations"),
        estimate("E2", "blog", "between", 2000, 3000, attributed_to="united-states"),
        estimate("E3", "blog", "as_many_as", high=3000, as_of_date="2015-10-08",
                 attributed_to="kabulov"),
        estimate("E4", "paper", **exact(1500), attributed_to="united-states")])
    [a] = contested.disputed_attributions(t)[0]
    assert a.what == "as many as 3,000 Islamic State fighters"
    assert a.rows["estimate_id"].tolist() == ["E3", "E1"]  # dated first
    assert a.rows["origin"].tolist() == ["Russia", "United Nations"]
    assert a.rows["claimant"].tolist() == ["Zamir Kabulov", "United Nations"]


def test_ranges_that_share_a_bound_are_not_one_figure(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "seed", "between", 4000, 5000, attributed_to="united-nations"),
        estimate("E2", "blog", "between", 2000, 5000, attributed_to="kabulov")])
    assert contested.disputed_attributions(t) == ([], 0)


def test_same_figure_from_one_origin_is_not_disputed(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", "about", 3000, 3000, attributed_to="us-military"),
        estimate("E2", "blog", **exact(3000), attributed_to="united-states")])
    assert contested.disputed_attributions(t)[0] == []


def test_estimates_of_different_periods_are_different_figures(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3000), as_of_date="2015", attributed_to="russia"),
        estimate("E2", "wire", **exact(3000), as_of_date="2017",
                 attributed_to="united-states")])
    assert contested.disputed_attributions(t)[0] == []


def test_other_measures_are_not_compared(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3000), attributed_to="russia"),
        estimate("E2", "wire", **exact(3000), measure="supporters",
                 attributed_to="united-states")])
    assert contested.disputed_attributions(t)[0] == []


def test_an_estimate_from_another_period_does_not_hide_a_dispute(tables):
    t = tables(fighter_estimates=[
        estimate("E1", "paper", **exact(3000), as_of_date="2015", attributed_to="russia"),
        estimate("E2", "wire", **exact(3000), as_of_date="2015",
                 attributed_to="united-states"),
        estimate("E3", "daily", **exact(3000), as_of_date="2017",
                 attributed_to="united-nations")])
    [a] = contested.disputed_attributions(t)[0]
    assert set(a.rows["estimate_id"]) == {"E1", "E2"}


# --- the real data (data/CURATION.md) --------------------------------------------------------

def test_pakistan_mi35_quantity_is_contested(real):
    """'As many as 20' (seed) and 'up to 20' (ARM04) against a signed contract for 4."""
    [c] = [c for c in contested.contests(real, "arms_sales", named)[0] if c.key == "pak-mi35"]
    assert set(c.versions["figure"]) == {"as many as 20", "up to 20", "4"}
    assert c.between_origins
    assert c.versions.set_index("figure").loc["4", "sources"] >= 4


def test_the_3000_fighters_figure_is_credited_to_several_origins(real):
    """Exactly 3,000, from the United States and from an Afghan governor; the UN's "as many
    as 3,000" and Gerasimov's 2,000-3,000 are other figures."""
    [a] = [a for a in contested.disputed_attributions(real)[0]
           if a.what == "3,000 Islamic State fighters"]
    assert set(a.rows["origin"]) == {"United States", "Afghanistan"}
    assert set(a.rows["estimate_id"]) == {"E027", "E031"}


def test_isil_fighters_march_2017_is_a_conflict_between_origins(real):
    """US 700 (E018) against Afghan about 1,500 (E019)."""
    [c] = [c for c in contested.contests(real, "fighter_estimates", named)[0]
           if c.key == "isil|fighters|afghanistan|2017-03"]
    assert c.conflict and c.between_origins
    versions = c.versions.set_index("figure")
    assert versions.loc["700", "origins"] == ("United States",)
    assert versions.loc["about 1,500", "origins"] == ("Afghanistan",)
