"""Like with like: a province's figures are the province's. They never join the country's
span, latest figure, key fact, jump or chart panel, however the data moves on (a
province's figure arriving later, smaller, from the same claimant)."""

import pytest
from test_evidence import estimate, exact, make_tables

from analysis.brief import Brief
from analysis.evidence import contested, estimates
from analysis.evidence.key_facts import key_facts

COUNTRY = [estimate("E1", "wire", as_of_date="2019-01", **exact(2000)),
           estimate("E2", "paper", as_of_date="2019-03", **exact(3000))]
# later and far smaller, from the same claimant as E2: a province, not a collapse
PROVINCE = [estimate("E3", "paper", area="nangarhar", as_of_date="2019-06", **exact(150))]


@pytest.fixture
def moved_on(tmp_path):
    return make_tables(tmp_path / "data", fighter_estimates=COUNTRY + PROVINCE)


def test_each_place_is_its_own_series(moved_on):
    points = estimates.estimate_points(moved_on)
    assert dict(zip(points["estimate_id"], points["series"], strict=True)) == {
        "E1": "Islamic State in Afghanistan", "E2": "Islamic State in Afghanistan",
        "E3": "Islamic State in Nangarhar"}


def test_the_summary_says_which_place_it_speaks_of(moved_on):
    html = Brief(data_dir=moved_on.data_dir).estimates().html()
    country = html[html.index("in Afghanistan: latest"):]
    country = country[:country.index("</li>")]
    assert "3,000" in country and "150" not in country
    assert "span 2,000 to 3,000" in country
    province = html[html.index("in Nangarhar: latest"):]
    assert province[:province.index("</li>")].count("150") == 1
    assert "the only dated estimate" in province[:province.index("</li>")]


def test_the_chart_draws_a_panel_per_place(moved_on):
    spec = Brief(data_dir=moved_on.data_dir).estimates().parts[2].chart.to_dict()
    assert spec["facet"]["row"]["field"] == "series"
    drawn = {row["series"] for row in spec["datasets"][spec["data"]["name"]]}
    assert drawn == {"Islamic State in Afghanistan", "Islamic State in Nangarhar"}


def test_a_key_fact_is_of_one_place(moved_on):
    facts = {f.key: f.proposition for f in key_facts(moved_on) if f.key.startswith("fighters_")}
    assert facts == {
        "fighters_isil_afghanistan_2019": "Islamic State fighters in Afghanistan numbered "
                                          "between 2,000 and 3,000 in 2019 (2 estimates dated "
                                          "that year)",
        "fighters_isil_nangarhar_2019": "Islamic State fighters in Nangarhar numbered 150 in "
                                        "2019 (1 estimate dated that year)"}


def test_no_jump_from_a_country_to_a_province(moved_on):
    found, _ = contested.jumps(moved_on, lambda rows: "")
    assert found == []
    # the same drop within one place is a jump
    t = make_tables(moved_on.data_dir.parent / "again",
                    fighter_estimates=[*COUNTRY, {**PROVINCE[0], "area": "afghanistan"}])
    assert len(contested.jumps(t, lambda rows: "")[0]) == 1
