"""Key facts: what the bottom line's computed statements may and may not say."""

import re

import pandas as pd
import pytest
from test_evidence import estimate, exact, make_tables, sale

from analysis.evidence import key_facts as facts
from analysis.evidence.key_facts import key_facts as key_judgments
from analysis.tables.load import load_tables
from analysis.tables.vocab import LIKELIHOOD
from conftest import ROOT


@pytest.fixture
def tables(tmp_path):
    return lambda **rows: make_tables(tmp_path / "data", **rows)


@pytest.fixture(scope="module")
def real():
    return load_tables(ROOT / "data")


ESTIMATIVE = re.compile(r"\b(" + "|".join(map(re.escape, [*LIKELIHOOD, "confidence"])) + r")\b",
                        re.IGNORECASE)


def check_wording(found: list[facts.KeyFact]):
    """A few, each once; no estimative term anywhere (likelihood is the analyst's); newest
    developments first, undated ones last."""
    assert 0 < len(found) <= facts.MAX_FACTS
    assert len({j.key for j in found}) == len(found)
    days = [j.newest for j in found]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert days[:len(dated)] == dated
    for j in found:
        assert not ESTIMATIVE.search(j.proposition), j.proposition
        assert not ESTIMATIVE.search(j.basis()), j.basis()
        assert j.basis().startswith("Basis: ") and j.basis().endswith(".")


def test_real_judgments_are_worded_by_the_rule(real):
    check_wording(key_judgments(real))


def test_fixture_judgments_are_worded_by_the_rule(data_dir):
    check_wording(key_judgments(load_tables(data_dir)))


def test_no_claims_no_judgments(tables):
    assert key_judgments(tables()) == []


def test_an_edition_before_any_source_has_no_judgments(real):
    early = load_tables(ROOT / "data", as_of="2000-01-01")
    assert all(frame.empty for _, frame in early.claims())
    assert key_judgments(early) == []


def alleged(*denials) -> dict:
    rows = [sale("S1", "seed", "as_many_as", high=20, status="alleged", recipient="taliban",
                 system="AK-47", category="small_arms", deal_id="kunduz", via="tajikistan")]
    rows += [sale(f"S{i}", "paper", status="denied", recipient="taliban", system="AK-47",
                  category="small_arms", deal_id="kunduz", attributed_to=who)
             for i, who in enumerate(denials, start=2)]
    return {"arms_sales": rows}


def test_a_transfer_resting_on_one_f_graded_allegation_reads_as_an_allegation(tables):
    [j] = key_judgments(tables(**alleged()))
    assert j.key == "arms_kunduz_alleged"
    assert j.proposition == (
        "Russia is alleged to have supplied as many as 20 AK-47 to Taliban via Tajikistan")
    assert j.against is None
    assert j.basis() == "Basis: 1 report, 1 independent origin (Seed article); grade F."


def test_a_denial_is_printed_with_it(tables):
    t = tables(**alleged("tajikistan"))
    [j] = key_judgments(t)
    assert t.arms_sales.loc[list(j.evidence.rows), "sale_id"].tolist() == ["S1"]
    assert j.basis().endswith("; contradicted by 1 report (Tajikistan).")


def test_a_delivery_also_attests_the_contract(tables):
    t = tables(arms_sales=[sale("S1", "wire", "exact", 4, 4, status="ordered"),
                           sale("S2", "paper", "exact", 4, 4, status="delivered",
                                attributed_to="pakistan")])
    [j] = key_judgments(t)  # the better-supported stage is the one chosen
    assert j.key == "arms_pak_mi35_ordered"
    assert t.arms_sales.loc[list(j.evidence.rows), "sale_id"].tolist() == ["S1", "S2"]


def test_as_of_edition_cites_only_what_was_published_by_then():
    """Nothing in any judgment's evidence (for or against) comes from a later source."""
    day = pd.Timestamp("2015-12-31")
    t = load_tables(ROOT / "data", as_of="2015-12-31")
    found = key_judgments(t)
    check_wording(found)
    for j in found:
        for s in filter(None, [j.evidence, j.against]):
            published = getattr(t, s.table)["reported_date_last"]
            assert (published[list(s.rows)] <= day).all(), (j.key, s.rows)


def test_newest_developments_come_first(real):
    """The 2021 presence and contacts before the contract of 2015 (delivered in 2018)."""
    keys = [f.key for f in key_judgments(real)]
    assert keys.index("presence_isil_k") < keys.index("contacts_russia_taliban") \
        < keys.index("arms_pak_mi35_ordered")


def test_as_of_edition_drops_later_corroboration(real):
    """The Pakistan Mi-35 contract rests on 4 origins in full, on 1 at the end of 2015."""
    full = {j.key: j for j in key_judgments(real)}
    early = {j.key: j for j in key_judgments(load_tables(ROOT / "data", as_of="2015-12-31"))}
    key = "arms_pak_mi35_ordered"
    assert len(early[key].evidence.origins) < len(full[key].evidence.origins)


@pytest.mark.parametrize(("other", "expected"), [
    ({"qualifier": "up_to", "high": 1000}, ["numbered up to 1,000 in 2017"]),  # not NA
    (exact(700), ["numbered 700 in 2017"]),  # not 'numbered at least 700'
    (None, []),  # not 'numbered number not stated in 2017'
], ids=["up-to", "exact", "alone"])
def test_an_estimate_without_a_number_does_not_shape_the_figure(tables, other, expected):
    rows = [estimate("E1", "paper", "unknown", as_of_date="2017")]
    if other:
        rows.append(estimate("E2", "wire", **other, as_of_date="2017"))
    found = [j.proposition for j in key_judgments(tables(fighter_estimates=rows))]
    assert [p for p in found if "numbered" in p] == [
        f"Islamic State fighters in Afghanistan {figure} (1 estimate dated that year)"
        for figure in expected]


def test_of_two_presence_figures_as_late_the_later_in_the_table_is_judged(tables):
    t = tables(fighter_estimates=[
        estimate(f"E{i}", "paper", **exact(n), measure="provinces_with_presence", out_of=34,
                 as_of_date="2017-03") for i, n in enumerate([20, 25])])
    [presence] = [j for j in key_judgments(t) if j.key.startswith("presence")]
    assert "a presence in 25 of 34 provinces" in presence.proposition


def test_only_a_confirmed_stage_reads_as_done():
    """An allegation, an offer, an intention or talks are worded as such, never as a
    transfer that happened."""
    from analysis.tables.vocab import ARMS_STATUSES

    for status, record in ARMS_STATUSES.items():
        if record.proposition and not record.confirmed:
            assert status[:5] in record.proposition, status


def test_a_statement_about_a_party_is_no_contact_with_it(real):
    """Kabulov's statement about the Islamic State does not put Russia in contact with it."""
    from analysis.tables.narrow import narrow

    t = narrow(real, ["Islamic State"])
    assert not [f for f in key_judgments(t) if f.key.startswith("contacts_")]


def test_the_best_supported_pair_is_found_among_hundreds_of_actors(tables):
    """Pairs are scored as numbers (one per pair of actor codes): with 400 actors those pass
    what small integer codes hold, and two pairs must still not be taken for one."""
    ids = [f"a{i:03}" for i in range(400)]
    every = [{"contact_id": f"C{i}", "source_id": "paper", "actors": f"{a};{b}"}
             for i, (a, b) in enumerate(zip(ids[::2], ids[1::2], strict=True))]
    # 3 * 400 + 127 and 330 * 400 + 399 are one number in 16 bits
    every += [{"contact_id": "X1", "source_id": "blog", "actors": "a003;a127"},
              {"contact_id": "X2", "source_id": "wire", "actors": "a330;a399"},
              {"contact_id": "X3", "source_id": "daily", "actors": "a330;a399"}]
    t = tables(actors=[{"actor_id": a, "name": a.upper()} for a in ids],
               diplomatic_contacts=every)
    [pair] = [f for f in key_judgments(t) if f.key.startswith("contacts_")]
    assert pair.proposition.startswith("A330 and A399 have been in contact: 2 reports")
