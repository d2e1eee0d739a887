"""Key questions: the matrix of competing hypotheses, indicators, computed confidence, the
overclaim check, and the bottom line that follows them from edition to edition."""

import json
import re

import pytest
from test_evidence import estimate, exact, make_tables

from analysis.brief import Brief
from analysis.errors import JudgmentError
from analysis.evidence import ach
from analysis.evidence.questions import questions
from analysis.tables import selection

QUESTION = {"question_id": "q1", "question": "Is it growing?", "time_frame": "now",
            "horizon_months": "0"}
JUDGMENT = {"judgment_id": "J1", "question_id": "q1", "hypothesis_id": "h1",
            "judgment": "It is contained.", "likelihood": "roughly even chance",
            "reviewed": "2016-01-01"}
HYPOTHESES = [{"hypothesis_id": "h1", "question_id": "q1", "label": "Contained",
               "hypothesis": "It is contained."},
              {"hypothesis_id": "h2", "question_id": "q1", "label": "Growing",
               "hypothesis": "It is growing."}]


def tag(n, hypothesis, evidence, how) -> dict:
    return {"tag_id": f"T{n}", "hypothesis_id": hypothesis, "evidence": evidence,
            "tag": how, "note": "why"}


def estimates() -> list[dict]:
    return [  # E1 and E2: one claimant (Kabulov, so Russia) through two outlets
        estimate("E1", "wire", **exact(9000), attributed_to="kabulov", as_of_date="2015-05"),
        estimate("E2", "paper", **exact(9000), attributed_to="kabulov", as_of_date="2015-06"),
        estimate("E3", "daily", **exact(700), attributed_to="united-nations",
                 as_of_date="2016"),
        estimate("E4", "wire", **exact(800), attributed_to="us-military", as_of_date="2015-05"),
    ]


TAGS = [tag(1, "h1", "E1", "inconsistent"), tag(2, "h1", "E2", "inconsistent"),
        tag(3, "h2", "E1", "consistent"), tag(4, "h2", "E2", "consistent"),
        tag(5, "h1", "E3|E4", "consistent"), tag(6, "h2", "E3|E4", "inconsistent"),
        tag(7, "h1", "fighter_estimates: group=isil; measure=fighters", "consistent"),
        tag(8, "h2", "fighter_estimates: group=isil; measure=fighters", "consistent")]


@pytest.fixture
def tables(tmp_path):
    def make(judgment=None, tags=TAGS, rows=None, **more):
        """The tables, with question q1 judged as JUDGMENT (and `judgment`'s changes)."""
        return make_tables(tmp_path / "data", fighter_estimates=rows or estimates(),
                           questions=[QUESTION], judgments=[{**JUDGMENT, **(judgment or {})}],
                           hypotheses=HYPOTHESES, evidence_tags=tags, **more)
    return make


def test_a_shared_origin_counts_once_and_a_non_diagnostic_item_is_marked(tables):
    m = ach.matrix(tables(), "q1")
    by_key = {i.key: i for i in m.items}
    assert not by_key["fighter_estimates: group=isil; measure=fighters"].diagnostic
    assert by_key["E1"].diagnostic
    # against h1: Russia once, at its strongest row (wire, B: 0.8 x credibility 2: 0.8)
    assert m.against["h1"] == ("Russia",)
    assert m.scores["h1"] == pytest.approx(0.64)
    # against h2: two origins, UN (daily, C) and the US (wire, B)
    assert set(m.against["h2"]) == {"United Nations", "United States"}
    assert m.scores["h2"] == pytest.approx(0.48 + 0.64)
    assert m.ranking == ["h1", "h2"] and m.leader == "h1"
    assert m.lead == pytest.approx(0.48)


def test_a_second_carrier_of_one_origin_leaves_every_score_unchanged(tables):
    before = ach.matrix(tables(), "q1")
    rows = [*estimates(), estimate("E5", "blog", **exact(9000), attributed_to="kabulov",
                                   as_of_date="2015-07")]
    after = ach.matrix(tables(rows=rows, tags=[*TAGS, tag(9, "h1", "E5", "inconsistent")]),
                       "q1")
    assert after.scores == before.scores


def test_removing_a_critical_item_is_named(tables):
    m = ach.matrix(tables(tags=TAGS[:6]), "q1")
    assert [i.key for i in m.sensitive()] == ["E3|E4"]


def test_confidence_counts_credible_independent_origins(tables):
    [q] = questions(tables())
    assert q.confidence.level == "moderate"  # UN and the US behind it: two origins
    assert "2 independent origins behind the judgment" in q.confidence.basis
    assert "contradicted by 1 origin" in q.confidence.basis


@pytest.mark.parametrize(("term", "why"), [
    ("almost certain", "almost certain needs high confidence"),
    ("very likely", "the matrix does not rank that hypothesis first"),
    ("likely", "the matrix ranks that hypothesis last"),
])
def test_a_judgment_that_overclaims_is_caught(tables, term, why):
    judgment = {"likelihood": term}
    if why != "almost certain needs high confidence":
        judgment["hypothesis_id"] = "h2"
    with pytest.raises(JudgmentError) as error:
        questions(tables(judgment))
    assert str(error.value).startswith("judgments.csv:2:likelihood: q1: claims more than the "
                                       "evidence carries: ")
    assert f"(got {term!r}, expected a term the evidence carries (confidence " in str(error.value)
    assert why in str(error.value)


def test_almost_certain_on_one_origin_graded_d_is_caught(tables):
    rows = [estimate("E1", "blog", **exact(700), attributed_to="kabulov", as_of_date="2016")]
    with pytest.raises(JudgmentError, match="confidence low"):
        questions(tables({"likelihood": "almost certain"}, rows=rows,
                         tags=[tag(1, "h1", "E1", "consistent"),
                               tag(2, "h2", "E1", "inconsistent")]))


def test_a_question_with_no_evidence_yet(tables):
    [q] = questions(tables(tags=[]))
    assert q.matrix.items == [] and q.matrix.leader is None
    assert q.confidence.level == "low" and q.newest is None
    with pytest.raises(JudgmentError, match="no evidence supports"):
        questions(tables({"likelihood": "likely"}, tags=[]))


def test_an_edition_before_the_review_shows_no_judgment(tables, tmp_path):
    t = tables({"likelihood": "almost certain"}, as_of="2015-12-31")
    [q] = questions(t)  # the judgment was not made then, so it cannot overclaim
    assert q.judgment is None and q.likelihood is None


RECOGNITION = {"contact_id": "C9", "date": "2016-03", "actors": "russia;taliban",
               "kind": "recognition", "status": "occurred", "topic": "recognition",
               "source_id": "daily"}
INDICATOR = {"indicator_id": "I1", "hypothesis_id": "h2", "indicator": "Recognition",
             "watch": "diplomatic_contacts: actors=russia+taliban; kind=recognition"}


def bottom_line(data_dir, previous=None) -> tuple[Brief, str]:
    b = Brief(data_dir=data_dir, previous=previous)
    section = b.judgments()
    text = re.sub(r'<span class="note".*?</span></span>', "", section.html())
    return b, section, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def test_an_indicator_seen_in_a_later_edition_changes_the_bottom_line(tables, tmp_path):
    t = tables(indicators=[INDICATOR])
    _, first, text = bottom_line(t.data_dir)
    assert first.record["q1"]["indicators"] == {"I1": "not seen"}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"judgments": first.record}), encoding="utf-8")
    _, same, text = bottom_line(t.data_dir, manifest)
    assert "Since the previous edition: unchanged." in text
    t = tables(indicators=[INDICATOR], diplomatic_contacts=[RECOGNITION])
    b, later, text = bottom_line(t.data_dir, manifest)
    assert later.record["q1"]["indicators"] == {"I1": "seen"}
    assert "Since the previous edition: Indicator I1 newly seen (March 2016)." in text
    board = b.indicators().html()
    assert "seen, first on March 2016" in board and "was not seen" in board


def test_likelihood_and_confidence_never_share_a_sentence(tables):
    _, _, text = bottom_line(tables().data_dir)
    from analysis.tables.vocab import CONFIDENCE, LIKELIHOOD

    entries = text.split("Key facts")[0]  # (the box explaining the scales names both)
    assert "Confidence (computed): moderate" in entries
    for sentence in re.split(r"(?<=[.!?])\s+", entries):
        if "confidence" in sentence.lower() and any(c in sentence for c in CONFIDENCE):
            assert not any(re.search(rf"\b{t}\b", sentence, re.I) for t in LIKELIHOOD), \
                sentence


@pytest.mark.parametrize(("text", "table", "count"), [
    ("E1|E2", "fighter_estimates", 2),
    ("fighter_estimates: high>=800", "fighter_estimates", 3),
    ("fighter_estimates: as_of_date>=2016", "fighter_estimates", 1),
    ("fighter_estimates: as_of_date<=2015-05", "fighter_estimates", 2),
    ("fighter_estimates: claimant_kind=organisation", "fighter_estimates", 2),
    ("fighter_estimates: attributed_to!=kabulov", "fighter_estimates", 2),
])
def test_selections_match_rows(tables, text, table, count):
    t = tables()
    found = selection.rows(selection.parse(text), dict(t.claims()), t.actors)
    assert found[0] == table and len(found[1]) == count
