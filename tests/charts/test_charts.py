"""Chart specs: encodings, title, description and sources of every chart, on the fixture data;
the waffle's cells, the contact network's intermediaries and its fixed layout."""

import json
import re
from dataclasses import replace

import pandas as pd
import pytest

from analysis import load_tables
from analysis.charts import arms as arms_charts
from analysis.charts import contacts as contact_charts
from analysis.charts import estimates as estimate_charts
from analysis.charts import quality as quality_charts
from analysis.charts.static import render
from analysis.charts.theme import OKABE_ITO
from analysis.evidence import arms, contacts, estimates, profile
from analysis.tables import derived
from analysis.tables.vocab import ARMS_STATUSES, CONFIRMED
from conftest import FIXTURES

PROVINCES = [
    "Badakhshan", "Badghis", "Baghlan", "Balkh", "Bamyan", "Daykundi", "Farah", "Faryab",
    "Ghazni", "Ghor", "Helmand", "Herat", "Jowzjan", "Kabul", "Kandahar", "Kapisa", "Khost",
    "Kunar", "Kunduz", "Laghman", "Logar", "Nangarhar", "Nimruz", "Nuristan", "Paktia",
    "Paktika", "Panjshir", "Parwan", "Samangan", "Sar-e Pol", "Takhar", "Uruzgan", "Wardak",
    "Zabul",
]
"""Afghanistan's 34 provinces: none may appear in a waffle, whose cells are anonymous."""
MEASURE = "provinces_with_presence"


@pytest.fixture(scope="module")
def t():
    return load_tables(FIXTURES / "data")


def _common(spec: dict, title: str, sources: list[str]) -> None:
    """What every chart carries: its title, a description, the sources behind it."""
    assert spec["title"]["text"] == title
    assert spec["title"]["subtitle"]
    assert len(spec["description"]) > 40
    assert spec["usermeta"]["sources"] == sources


def _data(spec: dict, name: str | None = None) -> list[dict]:
    """The rows of a spec's (or one layer's) inline dataset."""
    return spec["datasets"][name or spec["data"]["name"]]


def _with_estimates(t, *rows: dict):
    """The fixture tables plus estimate rows copied from E002 with `rows`' changes (and
    the columns derived from them, as loading derives them)."""
    e = t.fighter_estimates
    base = e[e["estimate_id"] == "E002"]
    extra = [base.assign(**{k: pd.array([v], dtype=e[k].dtype) for k, v in row.items()})
             for row in rows]
    e = pd.concat([e, *extra], ignore_index=True)
    return replace(t, fighter_estimates=derived.added("fighter_estimates", e, t.actors,
                                                      t.sources, t.places))


def _with_contacts(t, *rows: dict):
    """The fixture tables with only the contacts `rows` (copied from C002 with changes)."""
    c = t.diplomatic_contacts
    base = c[c["contact_id"] == "C002"]
    return replace(t, diplomatic_contacts=pd.concat(
        [base.assign(**row) for row in rows], ignore_index=True))


# The three existing charts


def test_arms_status_spec(t):
    spec = arms_charts.arms_status(arms.arms_routes(t)).to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "point"
    assert (enc["x"]["field"], enc["y"]["field"], enc["size"]["field"]) == (
        "status", "route", "reports")
    assert enc["color"]["field"] == enc["stroke"]["field"] == "status"
    assert "Tajikistan" in {row["route"].split("via ")[-1].rstrip(")") for row in _data(spec)}
    _common(spec, "Arms transfers by route and stage", ["doc-a", "doc-b"])


def test_each_arms_status_is_drawn_as_its_record_says(t):
    """A status is one record in the vocabulary: its colour, and whether it is drawn filled,
    come from there, and the chart's key names it."""
    colours = [s.colour for s in ARMS_STATUSES.values()]
    assert set(colours) <= set(OKABE_ITO) and len(set(colours)) == len(colours)
    spec = arms_charts.arms_status(arms.arms_routes(t)).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == list(ARMS_STATUSES)
    assert scale["range"] == [OKABE_ITO[c] for c in colours]
    filled, hollow = (re.split(r", | or ", part.rstrip(".")) for part in
                      spec["title"]["subtitle"].removeprefix("Filled: ").split(" Hollow: "))
    assert filled == [r.label for r in ARMS_STATUSES.values() if r.confirmed]
    assert hollow == [r.label for r in ARMS_STATUSES.values() if not r.confirmed]
    assert "against eight stages" in spec["description"]
    # the charts' descriptions say "contract and delivery stages are filled" in words
    assert CONFIRMED == ("ordered", "delivered"), "reword the arms charts' descriptions"


def test_estimate_ranges_spec(t):
    points = estimates.worded(t, estimates.estimate_points(t))
    spec = estimate_charts.estimate_ranges(points).to_dict()
    assert spec["facet"]["row"]["field"] == "series"
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks == ["point", "rule", "rule", "point"]  # the last, unseen: room above the top
    spread = spec["spec"]["layer"][1]["encoding"]
    assert (spread["y"]["field"], spread["y2"]["field"]) == ("low", "high")
    assert spec["description"].startswith(
        "Range chart of 1 dated estimate of fighters for 1 group and place, by who made the "
        "claim")
    _common(spec, "Estimates of fighters, by group and place, over time", ["doc-a"])


def test_contacts_timeline_spec(t):
    spec = contact_charts.contacts_timeline(contacts.contact_events(t)).to_dict()
    bar, dots = spec["layer"]
    assert (bar["mark"]["type"], dots["mark"]["type"]) == ("bar", "point")
    assert (bar["encoding"]["x"]["field"], bar["encoding"]["x2"]["field"]) == ("start", "end")
    assert bar["encoding"]["y"]["field"] == dots["encoding"]["y"]["field"] == "label"
    assert dots["encoding"]["shape"]["field"] == "status"
    _common(spec, "Diplomatic contacts over time", ["doc-a"])


# Part of a whole (waffle)


def test_waffle_frame_has_one_anonymous_cell_per_unit(t):
    cells = estimates.part_of_whole(t, MEASURE)
    assert len(cells) == 34 and cells["cell"].tolist() == list(range(1, 35))
    assert cells["level"].value_counts().to_dict() == {"counted": 25, "not counted": 9}
    assert (cells["col"].max(), cells["row"].max()) == (16, 1)  # 17 columns, 2 rows
    first = cells.iloc[0]
    assert first["label"] == "25 of 34 provinces — Fixture Times (September 2015)"
    assert (first["estimate_ids"], first["source_id"]) == ("E002", "doc-a")


def test_waffle_spec(t):
    spec = estimate_charts.part_of_whole(estimates.part_of_whole(t, MEASURE)).to_dict()
    inner = spec["spec"]
    assert spec["facet"]["row"]["field"] == "label"
    assert inner["mark"]["type"] == "square"
    assert (inner["encoding"]["x"]["field"], inner["encoding"]["y"]["field"]) == ("col", "row")
    assert inner["encoding"]["fill"]["field"] == inner["encoding"]["stroke"]["field"] == "state"
    assert {tip["field"] for tip in inner["encoding"]["tooltip"]} >= {"label", "state",
                                                                     "source_id"}
    rows = _data(spec)
    assert len(rows) == 34
    assert sum(row["level"] == "counted" for row in rows) == 25
    _common(spec, "Provinces with an Islamic State presence", ["doc-a"])
    assert "25 of 34 provinces" in spec["description"]


def test_waffle_names_no_province(t):
    """The data says how many provinces, never which: no name may reach the chart."""
    cells = estimates.part_of_whole(t, MEASURE)
    text = json.dumps(estimate_charts.part_of_whole(cells).to_dict(), ensure_ascii=False)
    found = [p for p in PROVINCES if re.search(rf"\b{re.escape(p)}\b", text, re.IGNORECASE)]
    assert found == []


def test_waffle_collapses_one_figure_from_several_sources(t):
    """Kabulov's 25 of 34, in two sources: one waffle listing both; the fixture's own
    E002 (claimed by no one, so by its publisher) stays a waffle of its own."""
    same = _with_estimates(t, {"estimate_id": "E098", "attributed_to": "kabulov"},
                           {"estimate_id": "E099", "attributed_to": "kabulov",
                            "source_id": "doc-b", "as_of_date": None})
    cells = estimates.part_of_whole(same, MEASURE)
    assert len(cells) == 2 * 34
    figure = cells[cells["claimant"] == "Zamir Kabulov"]
    assert len(figure) == 34 and figure["label"].nunique() == 1
    assert figure["label"].iloc[0] == "25 of 34 provinces — Zamir Kabulov (September 2015)"
    assert (figure["estimate_ids"].iloc[0], figure["source_id"].iloc[0]) == ("E098,E099",
                                                                            "doc-a,doc-b")
    spec = estimate_charts.part_of_whole(cells).to_dict()
    assert spec["usermeta"]["sources"] == ["doc-a", "doc-b"]
    assert "Zamir Kabulov (September 2015, 2 reports)" in spec["description"]


def test_waffle_ranges_and_bounds_leave_cells_uncertain(t):
    tables = _with_estimates(
        t, {"estimate_id": "E098", "low": 20, "high": 28, "qualifier": "between"},
        {"estimate_id": "E099", "low": None, "high": 12, "qualifier": "up_to", "out_of": 15})
    cells = estimates.part_of_whole(tables, MEASURE)
    counts = cells.groupby(["label", "level"]).size().to_dict()
    assert counts == {
        ("25 of 34 provinces — Fixture Times (September 2015)", "counted"): 25,
        ("25 of 34 provinces — Fixture Times (September 2015)", "not counted"): 9,
        ("20–28 of 34 provinces — Fixture Times (September 2015)", "counted"): 20,
        ("20–28 of 34 provinces — Fixture Times (September 2015)", "uncertain"): 8,
        ("20–28 of 34 provinces — Fixture Times (September 2015)", "not counted"): 6,
        ("up to 12 of 15 provinces — Fixture Times (September 2015)", "uncertain"): 12,
        ("up to 12 of 15 provinces — Fixture Times (September 2015)", "not counted"): 3,
    }
    spec = estimate_charts.part_of_whole(cells).to_dict()
    assert spec["spec"]["encoding"]["fill"]["scale"]["domain"] == [
        "with a presence", "uncertain", "no presence reported"]
    assert "uncertain" in spec["description"]


def test_waffle_without_totals_says_so(t):
    cells = estimates.part_of_whole(t, "fighters")  # no fighter estimate has a total
    assert cells.empty and "state" in cells.columns
    spec = estimate_charts.part_of_whole(cells).to_dict()
    assert spec["mark"]["type"] == "text" and spec["description"]
    assert spec["usermeta"]["sources"] == []


# Who talks to whom (network)


def test_intermediary_is_its_own_node_with_via_edges(t):
    nodes, edges = contacts.contact_graph(t)
    node = nodes.set_index("actor_id")
    assert set(node.index) == {"russia", "taliban", "kabulov", "mujahid"}
    assert node.loc["kabulov", "role"] == "intermediary"
    assert (node.loc["kabulov", "as_intermediary"], node.loc["kabulov", "contacts"]) == (1, 2)
    assert node.loc["russia", "role"] == "party"
    pairs = {(e.a, e.b): e for e in edges.itertuples()}
    assert set(pairs) == {("kabulov", "russia"), ("kabulov", "taliban"), ("kabulov", "mujahid")}
    assert pairs["kabulov", "russia"].via and pairs["kabulov", "taliban"].via
    assert not pairs["kabulov", "mujahid"].via  # Kabulov as a party, C002
    assert pairs["kabulov", "russia"].contact_ids == "C001"
    # Edge ends are the nodes' positions.
    assert (pairs["kabulov", "russia"].x2, pairs["kabulov", "russia"].y2) == (
        node.loc["russia", "x"], node.loc["russia", "y"])


def test_layout_is_deterministic(t):
    first, _ = contacts.contact_graph(t)
    again, _ = contacts.contact_graph(t)
    pd.testing.assert_frame_equal(first, again)
    reordered = replace(t, diplomatic_contacts=t.diplomatic_contacts.iloc[::-1])
    pd.testing.assert_frame_equal(first, contacts.contact_graph(reordered)[0])


def test_every_pair_of_three_parties_is_linked(t):
    three = _with_contacts(
        t, {"contact_id": "C1", "actors": "russia;taliban;tajikistan", "via": None},
        {"contact_id": "C2", "actors": "russia;taliban", "via": None},
        {"contact_id": "C3", "actors": "russia;taliban;isil", "via": "kabulov"})
    _, edges = contacts.contact_graph(three)
    counts = {(e.a, e.b): (e.contacts, e.via) for e in edges.itertuples()}
    assert counts == {
        ("russia", "taliban"): (2, False), ("russia", "tajikistan"): (1, False),
        ("tajikistan", "taliban"): (1, False), ("isil", "kabulov"): (1, True),
        ("kabulov", "russia"): (1, True), ("kabulov", "taliban"): (1, True),
    }


def test_a_stage_counts_the_figures_it_does_not_show(t, monkeypatch):
    monkeypatch.setattr(arms, "STAGE_QUANTITIES", 0)
    counted = [f for deal in arms.arms_deals(t).itertuples()
               for _, _, figures in deal.stages for f in figures]
    assert "and 1 more figure" in counted
    assert all(re.fullmatch(r"and (1 more figure|\d+ more figures)", f) for f in counted)


def test_a_party_listed_twice_counts_once(t):
    twice = _with_contacts(
        t, {"contact_id": "C1", "actors": "russia;taliban;russia", "via": None},
        {"contact_id": "C2", "actors": "taliban;taliban;russia", "via": "kabulov"})
    nodes, edges = contacts.contact_graph(twice)
    counts = {(e.a, e.b): (e.contacts, e.via_contacts) for e in edges.itertuples()}
    assert counts == {("russia", "taliban"): (1, 0), ("kabulov", "russia"): (1, 1),
                      ("kabulov", "taliban"): (1, 1)}
    assert dict(zip(nodes["actor_id"], nodes["as_party"], strict=True)) == {
        "kabulov": 0, "russia": 2, "taliban": 2}
    assert len(contacts.party_pairs(contacts.parties(twice))) == 2  # one pair a contact


def test_network_spec(t):
    spec = contact_charts.contact_network(*contacts.contact_graph(t)).to_dict()
    rules, discs, circles, *labels = spec["layer"]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == [
        "rule", "circle", "circle", "text", "text"]
    enc = rules["encoding"]
    assert [enc[c]["field"] for c in ("x", "y", "x2", "y2")] == ["x", "y", "x2", "y2"]
    assert (enc["strokeWidth"]["field"], enc["strokeDash"]["field"]) == ("contacts", "link")
    assert enc["x"]["axis"] is None and enc["y"]["axis"] is None
    assert {tip["field"] for tip in enc["tooltip"]} >= {"pair", "contacts", "source_id"}
    assert circles["encoding"]["fill"]["field"] == "kind"
    assert {tip["field"] for tip in circles["encoding"]["tooltip"]} >= {"name", "role"}
    assert all(label["encoding"]["text"]["field"] == "name" for label in labels)
    links = {row["pair"]: row["link"] for row in _data(spec, rules["data"]["name"])}
    assert links["Zamir Kabulov – Russia"] == "through an intermediary"
    _common(spec, "Who talks to whom", ["doc-a"])
    assert "4 actors" in spec["description"] and "3 links" in spec["description"]
    assert "Zamir Kabulov acts as intermediary" in spec["description"]


def test_network_without_contacts_says_so(t):
    nobody = replace(t, diplomatic_contacts=t.diplomatic_contacts.iloc[:0])
    nodes, edges = contacts.contact_graph(nobody)
    assert nodes.empty and edges.empty
    assert {"x", "y", "role"} <= set(nodes.columns) and {"x2", "via"} <= set(edges.columns)
    spec = contact_charts.contact_network(nodes, edges).to_dict()
    assert spec["mark"]["type"] == "text" and "No diplomatic contacts" in spec["description"]


def test_new_charts_render(t):
    specs = [estimate_charts.part_of_whole(estimates.part_of_whole(t, MEASURE)).to_dict(),
             contact_charts.contact_network(*contacts.contact_graph(t)).to_dict()]
    assert all(svg.lstrip().startswith("<svg") for svg in render(specs))


# The deep dives' charts

def test_arms_timeline_spec(t):
    events = arms.arms_events(t)
    spec = arms_charts.arms_timeline(events).to_dict()
    _common(spec, "Arms deals over time", ["doc-a"])
    bar, dots = spec["layer"]
    assert (bar["encoding"]["x"]["field"], bar["encoding"]["x2"]["field"]) == ("start", "end")
    assert dots["encoding"]["color"]["field"] == "status"
    # S001 is dated to a year: its bar spans the whole year, not 1 January
    row = events.set_index("sale_id").loc["S001"]
    assert (row["start"], row["end"]) == (pd.Timestamp("2015-01-01"), pd.Timestamp("2016-01-01"))
    assert "S002" not in set(events["sale_id"]), "undated reports are not placed on a timeline"


def test_evidence_profile_spec(t):
    found = profile.evidence_profile(t)
    assert found["reports"].sum() == sum(len(f) for _, f in t.claims())
    spec = quality_charts.evidence_profile(found).to_dict()
    _common(spec, "Reports by source reliability", ["doc-a", "doc-b"])
    assert spec["encoding"]["y"]["field"] == "grade"
    assert spec["encoding"]["y"]["scale"]["domain"] == list("ABCDEF")
    assert "graded B" in spec["description"] and "graded F" in spec["description"]


def test_marks_of_one_row_that_would_touch_stand_side_by_side():
    """Contacts in consecutive months used to merge into one mark."""
    from analysis.charts.marks import lanes

    frame = pd.DataFrame({
        "label": ["a", "a", "a", "b"],
        "start": pd.to_datetime(["2021-06-01", "2021-07-01", "2024-01-01", "2021-06-01"]),
        "end": pd.to_datetime(["2021-07-01", "2021-08-01", "2024-01-02", "2021-07-01"])})
    offsets = lanes(frame, "label", width=400).tolist()
    assert offsets[0] != offsets[1], "consecutive months apart"
    assert offsets[2] == 0 and offsets[3] == 0, "a mark alone stays on its row"


def test_a_claimants_colour_does_not_depend_on_who_else_is_drawn():
    from analysis.charts.theme import OKABE_ITO, stable_colours

    def colours(names):
        scale = stable_colours(names, {"Unattributed": OKABE_ITO["grey"]}).to_dict()
        return dict(zip(scale["domain"], scale["range"], strict=True))

    one = colours(["United Nations", "Russia", "Unattributed"])
    other = colours(["Unattributed", "Russia", "United Nations"])
    assert one == other and one["Unattributed"] == OKABE_ITO["grey"]
    assert len(set(one.values())) == 3


def test_a_few_events_long_before_the_rest_are_left_off_the_timeline_and_said():
    from analysis.brief.section import focused

    starts = pd.to_datetime(["1995-06-01"] * 2 + [f"20{y}-01-01" for y in range(15, 25)])
    events = pd.DataFrame({"start": starts})
    shown, caption = focused(events, "contact")
    assert len(shown) == 10 and shown["start"].min().year == 2015
    assert str(caption) == (" Not drawn, so that the rest can be read: 2 contacts of 1995, "
                            "long before the others.")
    assert len(focused(events.iloc[:4], "contact")[0]) == 4, "half of the events are not few"


def test_time_axes_leave_room_for_their_first_and_last_marks(t):
    spec = contact_charts.contacts_timeline(contacts.contact_events(t)).to_dict()
    [span, _] = spec["layer"]
    assert span["encoding"]["x"]["scale"]["padding"] > 0
    assert span["encoding"]["color"]["legend"]["symbolOpacity"] == 1, "legends as strong"
