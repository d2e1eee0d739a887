"""The analyst's tables (questions, hypotheses, evidence tags, indicators) and the other
claims: validated like every table, each problem with its file, row and column."""

import csv
import shutil

import pytest

from analysis.tables.schema import TABLES
from analysis.tables.validate import validate
from conftest import ROOT, run_brief


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(path, row_id, **cells):
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row[next(iter(row))] == row_id:
            row.update(cells)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(TABLES[path.stem].columns))
        writer.writeheader()
        writer.writerows(rows)


def problems(data) -> list[str]:
    return [str(p) for p in validate(data)[1]]


def test_the_default_data_declares_the_seed_articles_questions(data):
    assert problems(data) == []


@pytest.mark.parametrize(("file", "row_id", "cells", "expected"), [
    ("judgments", "J02", {"likelihood": "probably"},
     "judgments.csv:3:likelihood: value not allowed (got 'probably', expected one of: "
     "almost no chance"),
    ("judgments", "J02", {"judgment": "Russia is likely arming them."},
     "judgments.csv:3:judgment: estimative words in the judgment's text"),
    ("judgments", "J02", {"judgment": "Russia may arm them."},
     "judgments.csv:3:judgment: estimative words"),
    ("judgments", "J02", {"hypothesis_id": "align-hedge"},
     "judgments.csv:3:hypothesis_id: a hypothesis of another question (got 'align-hedge "
     "(of russia-taliban-alignment)', expected a hypothesis of russia-arming-taliban)"),
    ("judgments", "J02", {"hypothesis_id": "nope"},
     "judgments.csv:3:hypothesis_id: unknown hypothesis_id (got 'nope'"),
    ("hypotheses", "last-fade", {"question_id": "islamic-state-growth"},
     "questions.csv:5:question_id: wrong number of hypotheses (got '1 in hypotheses.csv', "
     "expected 2 to 4 competing hypotheses)"),
    ("evidence_tags", "T001", {"tag": "supports"},
     "evidence_tags.csv:2:tag: value not allowed (got 'supports', expected one of: "
     "consistent, neutral, inconsistent)"),
    ("evidence_tags", "T001", {"evidence": "C999"},
     "evidence_tags.csv:2:evidence: unknown row id 'C999' (got 'C999', expected the id of "
     "a row in a claim table)"),
    ("evidence_tags", "T001", {"evidence": "C007|E014"},
     "evidence_tags.csv:2:evidence: ids of 2 tables (C007 in diplomatic_contacts, E014 in "
     "fighter_estimates) (got 'C007|E014', expected ids of one claim table (a tag or "
     "indicator for each table))"),
    ("evidence_tags", "T001", {"evidence": "contacts: kind=talks"},
     "evidence_tags.csv:2:evidence: unknown table 'contacts'"),
    ("evidence_tags", "T001", {"evidence": "diplomatic_contacts: sort=talks"},
     "evidence_tags.csv:2:evidence: unknown column 'sort' of diplomatic_contacts"),
    ("evidence_tags", "T001", {"evidence": "diplomatic_contacts: kind=chat"},
     "evidence_tags.csv:2:evidence: kind=chat: no such value"),
    ("evidence_tags", "T001", {"evidence": "diplomatic_contacts: actors=russia+isis"},
     "evidence_tags.csv:2:evidence: actors=isis: no such value"),
    ("evidence_tags", "T001", {"note": ""}, "evidence_tags.csv:2:note: empty value"),
    ("indicators", "I01", {"watch": "fighter_estimates: high>=lots"},
     "indicators.csv:2:watch: high>=lots (got 'fighter_estimates: high>=lots', expected a "
     "number)"),
    ("indicators", "I01", {"watch": "fighter_estimates: kind>=3"},
     "indicators.csv:2:watch: unknown column 'kind' of fighter_estimates"),
    ("indicators", "I01", {"against": "diplomatic_contacts: date>=soon"},
     "indicators.csv:2:against: date>=soon (got 'diplomatic_contacts: date>=soon', "
     "expected a date"),
    ("indicators", "I01", {"hypothesis_id": "h9"},
     "indicators.csv:2:hypothesis_id: unknown hypothesis_id (got 'h9'"),
])
def test_bad_analyst_rows_get_a_clear_error(data, file, row_id, cells, expected):
    edit(data / f"{file}.csv", row_id, **cells)
    found = problems(data)
    assert any(p.startswith(expected) for p in found), found


def test_the_analyst_tables_are_optional(data):
    for name in ("questions", "hypotheses", "judgments", "evidence_tags", "indicators",
                 "other_claims"):
        (data / f"{name}.csv").unlink()
    assert problems(data) == []


def test_other_claims_quotes_are_checked(data):
    edit(data / "other_claims.csv", "K006", quote="words the article never printed")
    assert any(p.startswith("other_claims.csv:7:quote: quote not found in the held document")
               for p in problems(data))


def test_validate_refuses_a_likelihood_the_evidence_does_not_carry(data):
    """What a build would refuse, `brief validate` reports first: one line naming the file,
    the question, the term and the computed basis."""
    edit(data / "judgments.csv", "J06", likelihood="almost certain")  # the current one
    result = run_brief("validate", "--data", data)
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("judgments.csv:7:likelihood: russia-arming-taliban: claims more "
                           "than the evidence carries: ")
    assert "almost certain needs high confidence (computed: " in line
    assert "(got 'almost certain', expected a term the evidence carries (confidence " in line
    build = run_brief("build", "--data", data, "--out", data.parent / "reports")
    assert build.returncode == 1 and line.removeprefix("judgments.csv:7:") in build.stderr
