"""`focus` and `since`: narrowing every table to the actors and period of interest."""

import pytest

from analysis import ParameterError, load_tables
from analysis.brief import Brief
from analysis.tables.actors import resolve
from analysis.tables.narrow import narrow
from conftest import ROOT


@pytest.fixture(scope="module")
def tables():
    return load_tables(ROOT / "data")


@pytest.mark.parametrize("name", ["Daesh", "ISIS", "isil", "Islamic State", "islamic state"])
def test_aliases_resolve_to_one_actor_and_its_branches(tables, name):
    assert resolve(tables.actors, [name]) == {"isil", "isil-k"}


def test_focus_narrows_every_table(tables):
    t = narrow(tables, ["Daesh"])
    assert set(t.fighter_estimates["group"]) == {"isil", "isil-k"}
    assert t.arms_sales.empty
    assert all("isil" in actors for actors in t.diplomatic_contacts["actors"])


def test_focus_on_a_state_includes_its_people(tables):
    t = narrow(tables, ["Tajikistan"])
    assert set(t.arms_sales["sale_id"]) == {"S001", "S002", "S003", "S027", "S028", "S029"}


def test_unknown_focus_is_a_parameter_error(tables):
    with pytest.raises(ParameterError, match="focus: unknown actor Atlantis"):
        narrow(tables, ["Atlantis"])


def test_since_drops_events_wholly_before(tables):
    t = narrow(tables, since="2016-01-01")
    dated = t.diplomatic_contacts["date_last"].dropna()
    assert len(dated) and (dated >= "2016-01-01").all()
    assert t.diplomatic_contacts["date"].isna().any(), "undated rows are kept"


def test_focused_brief_cites_only_what_it_shows():
    brief = Brief(focus=["ISIS"], title="t", marking="m", questions=[])  # (a question's
    # evidence is what the analyst tagged, focus or not)
    brief.judgments()
    brief.estimates()
    cited = set(brief.cite.numbers)
    assert cited <= set(brief.t.fighter_estimates["source_id"]) | set(
        brief.t.diplomatic_contacts["source_id"])


def test_a_whole_brief_keeps_the_contacts_parties_loaded_with_the_data():
    whole = Brief(title="t", marking="m")
    assert whole.t.derived("parties", lambda: None) is not None
    narrowed = Brief(focus=["ISIS"], title="t", marking="m")
    assert narrowed.t.derived("parties", lambda: None) is None, "narrowed: worked out afresh"
