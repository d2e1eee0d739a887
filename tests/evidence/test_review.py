"""Judgments over time, on tables that move on: evidence entered after a judgment's review
(whatever the day of the events it reports) awaits review, says why it bears on the
question and whether it is tagged; tagging it and revising the judgment clears that; the
history is kept, and an edition as of a day shows the judgment, hypotheses, tags and
indicators as they stood then."""

import re

import pytest
from test_evidence import estimate, exact, make_tables
from test_questions import HYPOTHESES, JUDGMENT, QUESTION, estimates, tag

from analysis.brief import Brief
from analysis.evidence.questions import awaiting, questions
from conftest import run_brief

TAGS = [tag(1, "h1", "E3|E4", "consistent"), tag(2, "h2", "E3|E4", "inconsistent")]
LATE = [  # reported on events of 2015 and 2016, but entered long after the review
    estimate("E5", "wire", **exact(4000), attributed_to="united-nations", as_of_date="2015-09",
             entered="2020-02-10"),
    estimate("E6", "daily", **exact(3500), attributed_to="us-military", as_of_date="2016",
             entered="2020-02-12"),
]
INDICATOR = {"indicator_id": "I1", "hypothesis_id": "h2", "indicator": "Thousands reported",
             "watch": "fighter_estimates: high>=3000; as_of_date>=2015-09"}
REVIEW = {**JUDGMENT, "reviewed": "2020-01-01", "question_id": "q1"}
REVISED = {"judgment_id": "J2", "question_id": "q1", "reviewed": "2020-03-01",
           "hypothesis_id": "h2", "judgment": "It grew again in 2015 and 2016.",
           "likelihood": "roughly even chance",
           "note": "The UN and US figures entered in February put it in the thousands."}


@pytest.fixture
def tables(tmp_path):
    def make(*, rows=(), tags=TAGS, judgments=(REVIEW,), indicators=(INDICATOR,), **more):
        return make_tables(tmp_path / "data", fighter_estimates=[*estimates(), *rows],
                           questions=[{**QUESTION, "parties": "russia"}],
                           judgments=list(judgments), hypotheses=HYPOTHESES,
                           evidence_tags=list(tags), indicators=list(indicators), **more)
    return make


def text(html: str) -> str:
    html = re.sub(r'<span class="note".*?</span></span>', "", html)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([:.,;])", r"\1", words)


def test_nothing_entered_since_the_review_awaits_nothing(tables):
    [q] = questions(tables())
    assert not q.review_due and q.arrivals == () and q.changed == ()
    assert "Awaiting review" not in text(Brief(data_dir=tables().data_dir).judgments().html())


def test_rows_entered_after_the_review_about_older_events_await_review(tables):
    t = tables(rows=LATE)
    [q] = questions(t)
    assert q.review_due and q.untagged == 2
    rows = awaiting(t, q)
    assert rows["row"].tolist() == ["E6", "E5"], "newest entry first"
    assert rows["entered"].tolist() == ["2020-02-12", "2020-02-10"]
    assert rows["matched"].tolist() == ["indicator I1", "indicator I1"]
    assert not rows["tagged"].any()
    assert q.changed == (("I1", "not seen", "seen"),)
    line = text(Brief(data_dir=t.data_dir).judgments().html())
    assert ("Awaiting review: 2 rows bearing on this question entered the data since its "
            "review on 1 January 2020, 2 not yet tagged; indicators changed since: I1 now "
            "seen (was not seen).") in line
    hypotheses = text(Brief(data_dir=t.data_dir).hypotheses().html())
    assert ("Entered since the judgment’s review on 1 January 2020: 2 rows bearing on this "
            "question, 2 not yet tagged") in hypotheses


def test_a_party_named_in_a_late_row_brings_it_to_triage(tables):
    late = [estimate("E7", "wire", **exact(600), attributed_to="kabulov", group="taliban",
                     as_of_date="2019-05", entered="2020-02-20")]
    t = tables(rows=late, indicators=())
    [q] = questions(t)
    assert [(a.label, a.matched, a.tagged) for a in q.arrivals] == [
        (t.fighter_estimates.index[-1], ("naming Russia",), False)], "its claimant's state"


def test_tagging_and_revising_clears_it_and_keeps_the_history(tables):
    tags = [*TAGS, tag(3, "h1", "E5|E6", "inconsistent"), tag(4, "h2", "E5|E6", "consistent")]
    t = tables(rows=LATE, tags=tags)
    [q] = questions(t)
    assert q.review_due and q.untagged == 0, "tagged, but the judgment is not reviewed yet"
    assert set(awaiting(t, q)["matched"]) == {"indicator I1; tag E5|E6"}
    t = tables(rows=LATE, tags=tags, judgments=(REVIEW, REVISED))
    [q] = questions(t)
    assert not q.review_due and q.judged == "h2" and q.reviewed == "2020-03-01"
    assert [j.key for j in q.history] == ["J1"]
    entry = text(Brief(data_dir=t.data_dir).judgments().html())
    assert "Awaiting review" not in entry
    assert ("Revised on 1 March 2020; before: “It is contained.” (roughly even chance, "
            "reviewed 1 January 2020). Why The UN and US figures entered in February put it "
            "in the thousands.") in entry


def test_an_edition_shows_the_judgment_as_it_stood_that_day(tables):
    t = tables(rows=LATE, judgments=(REVIEW, REVISED))
    before = Brief(data_dir=t.data_dir, as_of="2020-02-01")
    [q] = before.questions
    assert q.judgment == "It is contained." and q.history == ()
    earliest = Brief(data_dir=t.data_dir, as_of="2019-12-31")
    [q] = earliest.questions
    assert q.current is None and q.confidence is None
    assert "had made no judgment on this question by this edition’s day" in text(
        earliest.judgments().html())


def test_an_edition_before_an_indicator_or_tag_was_added_leaves_it_out(tables):
    late = {**INDICATOR, "indicator_id": "I2", "added": "2020-02-15"}
    t = tables(rows=LATE, indicators=(INDICATOR, late),
               tags=[*TAGS, {**tag(3, "h1", "E5|E6", "inconsistent"), "added": "2020-02-15"}])
    [q] = Brief(data_dir=t.data_dir, as_of="2020-02-14").questions
    assert [i.key for i in q.indicators] == ["I1"]
    assert [i.key for i in q.matrix.items] == ["E3|E4"]
    [q] = Brief(data_dir=t.data_dir).questions
    assert [i.key for i in q.indicators] == ["I1", "I2"]


def test_new_evidence_never_fails_the_build_it_awaits_review(tables):
    """The term is held to the evidence the analyst had when reviewing: rows entered since
    that would not carry it flag the judgment, they do not break the brief."""
    tags = [*TAGS, tag(3, "h1", "E5|E6", "inconsistent"), tag(4, "h2", "E5|E6", "consistent")]
    t = tables(rows=LATE, tags=tags,
               judgments=({**REVIEW, "likelihood": "likely"},))
    [q] = questions(t)
    assert q.overclaims == [] and q.review_due


def test_triage_lists_per_question_newest_first(tables):
    t = tables(rows=LATE)
    result = run_brief("triage", "--data", t.data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "q1: 2 rows entered since the review on 2020-01-01, 2 untagged"
    body = "\n".join(lines[1:])
    assert body.index("E6") < body.index("E5")
    assert "2020-02-12" in body and "indicator I1" in body and "no" in body
    revised = tables(rows=LATE, judgments=(REVIEW, REVISED))
    again = run_brief("triage", "q1", "--data", revised.data_dir)
    assert (again.returncode, again.stdout) == (
        0, "q1: nothing entered since the review on 2020-03-01\n")
    unknown = run_brief("triage", "q9", "--data", revised.data_dir)
    assert unknown.returncode == 1 and "unknown question 'q9'" in unknown.stderr


def test_the_newest_evidence_is_evidence_that_tells_the_hypotheses_apart(tables):
    """A later item rated alike against every hypothesis (tagged only so that it is no
    longer untagged) bears on none: it is not the question's newest evidence."""
    late = [estimate("E7", "wire", **exact(5000), attributed_to="kabulov", group="taliban",
                     as_of_date="2019-05", entered="2020-02-20")]
    t = tables(rows=late, indicators=(),
               tags=[*TAGS, tag(3, "h1", "E7", "neutral")])
    [q] = questions(t)
    assert q.untagged == 0
    assert [t.fighter_estimates.at[i, "estimate_id"] for i in q.newest.rows] == ["E3", "E4"]


def test_an_edition_before_any_question_says_none_was_posed_then(tables):
    t = tables(rows=LATE)
    text_ = text(Brief(data_dir=t.data_dir, as_of="2014-12-31").judgments().html())
    assert "The analyst had posed no key question by this edition’s day." in text_


def test_what_changed_lists_a_revision_like_any_row(tables, tmp_path):
    import json

    from analysis.tables.changes import ROWS_VERSION, row_digests

    before = tables(rows=LATE)
    previous = tmp_path / "manifest.json"
    previous.write_text(json.dumps({"rows": row_digests(before.data_dir),
                                    "rows_version": ROWS_VERSION, "edition": "2020-02-15"}),
                        encoding="utf-8")
    after = tables(rows=LATE, judgments=(REVIEW, REVISED))
    section = text(Brief(data_dir=after.data_dir, previous=str(previous)).changes().html())
    assert ("new judgments J2 q1, judged on 1 March 2020 (roughly even chance): It grew again "
            "in 2015 and 2016. the analyst’s") in section
