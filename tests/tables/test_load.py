"""load_tables: typed frames, dates with their precision, vague ranges, as-of editions."""

import shutil

import pandas as pd
import pytest

from analysis import DataError, ParameterError, load_tables


def test_types_and_date_precision(data_dir):
    t = load_tables(data_dir)
    assert str(t.arms_sales["quantity_high"].dtype) == "Int64"
    row = t.fighter_estimates.set_index("estimate_id").loc["E002"]
    assert row["as_of_date"] == "2015-09"
    assert row["as_of_date_precision"] == "month"
    assert row["as_of_date_first"] == pd.Timestamp("2015-09-01")
    assert row["as_of_date_last"] == pd.Timestamp("2015-09-30")
    year = t.arms_sales.set_index("sale_id").loc["S001"]
    assert (year["event_date_precision"], year["event_date_last"]) == ("year", pd.Timestamp(
        "2015-12-31"))
    assert t.diplomatic_contacts["date_precision"].tolist() == ["day", "month"]


def test_unknown_dates_stay_unknown(data_dir):
    t = load_tables(data_dir)
    row = t.arms_sales.set_index("sale_id").loc["S002"]
    assert row["event_date_precision"] == "unknown"
    assert pd.isna(row["event_date_first"]) and pd.isna(row["reported_date"])


def test_vague_quantities_get_their_documented_range(data_dir):
    t = load_tables(data_dir)
    e = t.fighter_estimates.set_index("estimate_id").loc["E003"]
    assert (e["low"], e["high"], e["qualifier"]) == (300, 900, "several_hundred")
    s = t.arms_sales.set_index("sale_id").loc["S002"]
    assert (s["quantity_low"], s["quantity_high"]) == (3, 9)


def test_reported_date_comes_from_the_source(data_dir):
    t = load_tables(data_dir)
    assert set(t.fighter_estimates.loc[t.fighter_estimates["source_id"] == "doc-a",
                                       "reported_date"]) == {"2015-12"}


def test_claim_rows_carry_who_claims_them_and_what_they_report(data_dir):
    e = load_tables(data_dir).fighter_estimates.set_index("estimate_id")
    # the attributed actor, else the publisher, else (none printed) the source's title
    assert e["claimant"].tolist() == ["Zamir Kabulov", "Fixture Times", "Undated fixture"]
    assert e["origin"].tolist() == ["Russia", "Fixture Times", "Undated fixture"]  # his state
    assert e["grade"].tolist() == ["B", "B", "F"]
    assert e["claim_key"].tolist() == [0, 1, -1]  # E003 is undated: it matches no other row
    # one origin's estimates of one group, measure and area: a series, whatever the dates
    series = e[["group", "measure", "area", "origin"]].astype("str").agg("|".join, axis=1)
    assert (e["series_key"].factorize()[0] == series.factorize()[0]).all()
    assert str(e["origin"].dtype) == "category"
    # the figure as the source put it, worded when the data was checked
    assert e["stated"].tolist() == ["2,000–3,000", "25", "several hundred (read as 300–900)"]
    a = load_tables(data_dir).arms_sales.set_index("sale_id")
    assert a["claim_key"].tolist() == [0, -1]  # S002 has no deal_id
    assert a["deal_key"].tolist() == [0, 1]  # S002 is a deal of its own
    assert a["route_key"].tolist() == [0, 1]  # the same parties, one through Tajikistan
    assert a["stated"].tolist() == ["as many as 20", "several (read as 3–9)"]


def test_the_contacts_parties_are_kept_with_the_data(data_dir):
    from analysis.tables import derived

    t = load_tables(data_dir)
    kept = t.derived("parties", lambda: None)
    pd.testing.assert_frame_equal(kept, derived.parties(t.diplomatic_contacts))
    names = kept["actor"].cat.categories
    assert list(names) == sorted(names), "codes in name order"
    assert load_tables(data_dir, as_of="2015-10-01").derived("parties", lambda: None) is None


def test_as_of_keeps_only_what_was_known(data_dir):
    t = load_tables(data_dir, as_of="2015-12-31")
    assert t.as_of.isoformat() == "2015-12-31"
    assert set(t.sources["source_id"]) == {"doc-a"}
    for _, frame in t.claims():
        assert set(frame["source_id"]) <= {"doc-a"}
    assert t.excluded_undated == 2  # S002 and E003 cite the undated doc-b


def test_as_of_counts_a_month_from_its_last_day(data_dir):
    t = load_tables(data_dir, as_of="2015-12-30")
    assert t.sources.empty and all(frame.empty for _, frame in t.claims())


def test_bad_as_of_is_a_parameter_error(data_dir):
    with pytest.raises(ParameterError, match="no such day .*2016-02-30"):
        load_tables(data_dir, as_of="2016-02-30")


def test_bad_data_raises_with_every_problem(data_dir):
    (data_dir / "actors.csv").unlink()
    with pytest.raises(DataError) as error:
        load_tables(data_dir)
    assert str(error.value.problems[0]).startswith("actors.csv: missing file")


def test_data_that_passed_loads_from_what_was_kept_as_it_was(data_dir, monkeypatch):
    """The second load maps what the first one checked and kept (same frames, same
    types), without checking again; an edited file is checked afresh. Each text column
    is one Arrow array, not chunks."""
    from analysis.tables import validate

    first = load_tables(data_dir)
    monkeypatch.setattr(validate, "validate", lambda _: pytest.fail("checked again"))
    again = load_tables(data_dir)
    for name, frame in first.claims() + [("sources", first.sources), ("actors", first.actors)]:
        pd.testing.assert_frame_equal(getattr(again, name), frame)
        assert all(frame[c].array._pa_array.num_chunks <= 1  # 0: an empty table
                   for c in frame.columns if frame[c].dtype == "str"), name
    monkeypatch.undo()
    path = data_dir / "actors.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ",,", 1), encoding="utf-8")
    with pytest.raises(DataError):
        load_tables(data_dir)


def test_the_cache_keeps_the_datasets_used_last(data_dir, tmp_path, monkeypatch):
    from analysis.tables import load

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(load, "VALIDATED_KEPT", 2)
    copies = []
    for i in range(4):  # four datasets, each with its own native name for Russia
        copy = shutil.copytree(data_dir, tmp_path / f"data{i}")
        actors = copy / "actors.csv"
        actors.write_text(actors.read_text(encoding="utf-8").replace(
            "russia,Russia,,", f"russia,Russia,Rossiya {i},", 1), encoding="utf-8")
        copies.append(copy)
    for i in (0, 1, 0, 2):  # the second use of 0 makes 1 the least recently used
        load_tables(copies[i])
    kept = tmp_path / "cache" / "bedfellows" / "validated"
    assert len(list(kept.iterdir())) == 2
    monkeypatch.setattr(load.validate, "validate", lambda _: pytest.fail("checked again"))
    for i in (0, 2):
        assert load_tables(copies[i]).actors.set_index("actor_id").loc[
            "russia", "name_native"] == f"Rossiya {i}"


def test_contacts_between_the_same_parties_share_a_party_set():
    from conftest import ROOT

    c = load_tables(ROOT / "data").diplomatic_contacts
    assert set(c.loc[c["actors"].isin(["russia;taliban", "taliban;russia"]), "party_set"]) \
        == {"russia;taliban"}


def test_a_vague_share_is_read_from_the_whole_where_the_row_gives_one(later_dir):
    path = later_dir / "fighter_estimates.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.splitlines()[-1].replace("E008", "E009")
                    .replace("nearly_all,,", "nearly_all,34,") + "\n", encoding="utf-8")
    e = load_tables(later_dir).fighter_estimates.set_index("estimate_id")
    assert e.loc["E009", ["low", "high"]].tolist() == [31, 34]  # 90 % of 34, rounded up
    assert e.loc["E008", ["low", "high"]].isna().all()  # no whole: a figure in words only
