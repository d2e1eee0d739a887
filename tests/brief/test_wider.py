"""The wider picture: the other claims grouped by the states and organisations they name, the
biggest group first, each group newest first with undated claims last, each claim one
sentence with its date, its claimant and its citation; as of a day, only what was known."""

import re

import pytest
from bs4 import BeautifulSoup

from analysis.brief import Brief, limits
from analysis.evidence import wider
from analysis.tables.load import load_tables
from conftest import moved_on

HEADER = ("claim_id,date,date_inferred,actors,kind,statement,source_id,quote,quote_gloss,"
          "attributed_to,credibility,notes,entered\n")
BEFORE = [  # test data: fixture claims, quoting the fixture documents
    "K1,2015-11,,russia;taliban,assessment,Russia and the Taliban exchange information.,doc-a,"
    "We have communications channels with the Taliban to exchange information,,kabulov,2,,",
    "K2,,,kabulov;mujahid,event,Kabulov met the Taliban's spokesman.,doc-a,"
    "Замир Кабулов met,,,3,,",
    "K3,2015-12,,isil,assessment,The group has fighters in most provinces.,doc-a,"
    "present in 25 of 34 provinces,,,3,,",
]
LATER = [  # the story moved on: a newer claim, a doubtful one, an undated group of one
    "K4,2022-01-09,the day before publication,russia;taliban,event,"
    "Russia recognised the Taliban government.,doc-e,"
    "Russia said yesterday it had formally recognised the Taliban government,,russia,2,,",
    "K5,2021-09,,taliban;russia,intent,Russia offered the Taliban helicopters.,doc-c,"
    "Russia offered the Taliban helicopters in September,,,5,,",
    "K6,,,taliban;tajikistan,event,Rifles reached the Taliban through Tajikistan.,doc-d,"
    "Rifles again reached the Taliban through Tajikistan,,,3,,",
]


def claims(data_dir, *rows):
    (data_dir / "other_claims.csv").write_text(HEADER + "\n".join(rows) + "\n",
                                               encoding="utf-8")
    return data_dir


@pytest.fixture
def later(data_dir):
    return claims(moved_on(data_dir), *BEFORE, *LATER)


def groups(section) -> list[tuple[str, list[str]]]:
    """(group heading, its sentences without their citations' notes), in order."""
    soup = BeautifulSoup(section.html(), "html.parser")
    for note in soup.select(".note"):
        note.decompose()
    found = []
    for group in soup.select("ul.findings > li"):
        said = group.ul.extract()
        found.append((group.get_text(), [re.sub(r"\s+", " ", li.get_text())
                                         for li in said.find_all("li")]))
    return found


def test_groups_by_the_states_they_name_biggest_first_newest_first(data_dir):
    order = wider.grouped(load_tables(claims(data_dir, *BEFORE)))
    assert list(zip(order["claim_id"], order["about"], strict=True)) == [
        ("K1", "Russia and Taliban"), ("K2", "Russia and Taliban"),  # an envoy counts as his state
        ("K3", "Islamic State")]
    order = wider.grouped(load_tables(claims(moved_on(data_dir), *BEFORE, *LATER)))
    assert list(order["claim_id"]) == ["K4", "K5", "K1", "K2", "K3", "K6"], \
        "newest first, undated last; of groups as big, the one with the newer claim"
    assert list(order["size"]) == [4, 4, 4, 4, 1, 1]


def test_each_claim_is_one_sentence_with_its_date_claimant_and_citation(later):
    section = Brief(data_dir=later).wider()
    [(about, said), *_] = groups(section)
    assert about == "Russia and Taliban"
    assert said == [
        "Russia recognised the Taliban government (9 January 2022 [inferred: the day before "
        "publication], according to Russia)1.",
        "Russia offered the Taliban helicopters (September 2021, unattributed, in Fixture "
        "Wire; doubtful)2.",
        "Russia and the Taliban exchange information (November 2015, according to Zamir "
        "Kabulov)3.",
        "Kabulov met the Taliban's spokesman (date not stated, unattributed, in Fixture "
        "Times)3."]
    soup = BeautifulSoup(section.html(), "html.parser")
    assert len(soup.select("ul.findings ul > li .cite")) == 6
    assert "6 claims that are not arms transfers" in soup.get_text()


def test_a_long_list_says_what_it_leaves_out(later, monkeypatch):
    monkeypatch.setattr(limits, "WIDER_CLAIMS", 3)
    section = Brief(data_dir=later).wider()
    assert [(about, len(said)) for about, said in groups(section)] == [
        ("Russia and Taliban (the 3 newest of 4 claims)", 3)]
    assert "Not listed: 2 more claims in 2 other groups." in section.html()


def test_no_other_claim_says_so(data_dir):
    section = Brief(data_dir=data_dir).wider()
    assert "No other claim is on record in this selection." in section.html()
    assert not groups(section)


def test_the_wider_picture_respects_as_of(later):
    """An edition as of a day shows a claim its source had published by then, and leaves
    out one published after."""
    said = [s for _, group in groups(Brief(data_dir=later, as_of="2022-01-01").wider())
            for s in group]
    assert any(s.startswith("Russia offered the Taliban helicopters") for s in said)
    assert not any("recognised" in s for s in said)
    assert any("recognised" in s for _, group in groups(Brief(data_dir=later).wider())
               for s in group)
