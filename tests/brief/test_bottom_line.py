"""The default brief's bottom line: it opens with the analyst's questions, and it follows
the story when rows are added, with no change to the code."""

import csv
import json
import re
import shutil
from html import unescape

import pytest

from analysis.brief import Brief
from analysis.tables.schema import TABLES
from conftest import ROOT

QUOTE = "Russia formally recognised the Taliban government in Kabul on Thursday."


def text_of(section) -> str:
    html = re.sub(r'<span class="note".*?</span></span>', "", section.html())
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def append(path, **cells):
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=list(TABLES[path.stem].columns)).writerow(cells)


@pytest.fixture
def moved_on(tmp_path):
    """The project's data with one later report: Russia recognises the Taliban."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "documents" / "wire-2025-07-04.txt").write_text(
        f"# source_id: wire-2025-07-04\n# title: Russia recognises the Taliban\n\n{QUOTE}\n",
        encoding="utf-8")
    append(data / "sources.csv", source_id="wire-2025-07-04", title="Russia recognises the "
           "Taliban", publisher="A Wire", published="2025-07-04", published_basis="test",
           kind="news", level="secondary", language="en", reliability="B",
           document="wire-2025-07-04.txt")
    append(data / "diplomatic_contacts.csv", contact_id="C900", date="2025-07-03",
           actors="russia;taliban", kind="recognition", status="occurred",
           topic="recognition of the Taliban government", source_id="wire-2025-07-04",
           quote=QUOTE, credibility="2")
    return data


def test_the_default_brief_opens_with_its_questions():
    b = Brief()
    text = text_of(b.judgments())
    first = text.index("Is Russia pursuing an alignment with the Taliban")
    assert first < text.index("Key facts")
    for q in ("Is Russia arming the Taliban?", "Is the Islamic State in Afghanistan growing?",
              "Can these \"strange bedfellow\" dealings last?"):
        assert first < text.index(q) < text.index("Key facts")
    assert "Analyst’s judgment" in text and "Confidence (computed):" in text


def test_a_later_report_an_indicator_watches_changes_the_bottom_line(moved_on, tmp_path):
    before = Brief().judgments()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"judgments": before.record}), encoding="utf-8")
    b = Brief(data_dir=moved_on, previous=manifest)
    after = b.judgments()
    text = text_of(after)
    alignment = text[text.index("Is Russia pursuing"):text.index("Is Russia arming")]
    assert "Newest evidence: 3 July 2025: Russia – Taliban, recognition (occurred)" in alignment
    assert "Indicator I02 newly seen (3 July 2025)" in alignment
    assert before.record["russia-taliban-alignment"]["indicators"]["I02"] == "not seen"
    assert after.record["russia-taliban-alignment"]["indicators"]["I02"] == "seen"
    board = text_of(b.indicators())
    assert "seen, first on 3 July 2025" in board and "was not seen" in board
    # and the key facts lead with it: the newest development first
    facts = text[text.index("Key facts"):]
    assert facts.index("Russia and Taliban") < facts.index("Pakistan")
