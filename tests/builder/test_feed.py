"""The Atom feeds: every good edition an entry, newest first, with the bottom line and what
changed as its summary; valid as a feed reader parses them (feedparser); linked from the
index; an up-to-date build adds nothing."""

import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from analysis.builder import feed
from conftest import run_brief

NAME = "russia-taliban"


def _manifest(folder, edition, built_at, rows, judgments, status="built"):
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({
        "brief": NAME, "edition": edition, "edition_id": edition, "built_at": built_at,
        "status": status, "parameters": {"title": "A brief"}, "rows_version": 2,
        "rows": rows, "judgments": judgments}), encoding="utf-8")
    (folder / f"{NAME}.html").write_text("<p>brief</p>", encoding="utf-8")


def _judgment(text, likelihood, indicators):
    return {"judgment": text, "likelihood": likelihood, "confidence": "low",
            "indicators": indicators}


def test_a_summary_says_the_bottom_line_and_what_moved(tmp_path):
    brief = tmp_path / NAME
    _manifest(brief / "2021-01-01", "2021-01-01", "2021-01-01T05:00:00+00:00",
              {"fighter_estimates": {"E1": "a", "E2": "b"}},
              {"q1": _judgment("Contained.", "likely", {"I1": "not seen"})})
    _manifest(brief / "2021-02-01", "2021-02-01", "2021-02-01T05:00:00+00:00", {},
              {}, status="failed")  # a failed build is no edition
    _manifest(brief / "2021-03-01", "2021-03-01", "2021-03-01T05:00:00+00:00",
              {"fighter_estimates": {"E1": "a", "E2": "c", "E3": "d"}},
              {"q1": _judgment("Growing.", "roughly even chance",
                               {"I1": "seen", "I2": "not seen"})})
    feed.write(tmp_path)
    parsed = feedparser.parse(str(brief / "feed.xml"))
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["A brief: edition 2021-03-01",
                                                 "A brief: edition 2021-01-01"]
    newest, first = parsed.entries
    assert newest.summary == (
        "Bottom line:\n- Growing. (roughly even chance; confidence low)\n"
        "What changed since 2021-01-01: 1 new row in fighter estimates; 1 changed row in "
        "fighter estimates; judgment on q1 revised; indicator I1 not seen → seen; "
        "indicator I2 not yet posed → not seen.")
    assert first.summary.endswith("What changed: first edition.")
    assert newest.link == "2021-03-01/russia-taliban.html"
    everything = feedparser.parse(str(tmp_path / "feed.xml"))
    assert not everything.bozo and len(everything.entries) == 2
    assert everything.entries[0].link == f"{NAME}/2021-03-01/{NAME}.html"


@pytest.mark.slow
def test_real_editions_are_fed_and_linked_from_the_index(tmp_path):
    out = tmp_path / "reports"
    for args in (["--as-of", "2015-12-31"], []):
        result = run_brief("build", *args, "--out", out)
        assert result.returncode == 0, result.stderr
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert not parsed.bozo, parsed.bozo_exception
    assert [e.id.rsplit(":", 1)[1] for e in parsed.entries][1] == "2015-12-31"
    newest = parsed.entries[0]
    assert (out / newest.link).is_file()
    [pdf] = [link for link in newest.links if link.rel == "enclosure"]
    assert int(pdf.length) == (out / pdf.href).stat().st_size > 0
    assert newest.summary.startswith("Bottom line:\n- ")
    assert "What changed since 2015-12-31: " in newest.summary
    assert "indicator I04 not yet posed → seen" in newest.summary
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.find("link", rel="alternate", type="application/atom+xml")["href"] == \
        "feed.xml"
    assert index.find("a", href=f"{NAME}/feed.xml")
    # nothing new to say: an up-to-date build adds no entry
    assert run_brief("build", "--out", out).returncode == 0
    assert len(feedparser.parse(str(out / "feed.xml")).entries) == 2
