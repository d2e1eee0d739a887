"""`brief validate`: every kind of bad input gets one clear file:row:column line."""

import pandas as pd
import pytest

from analysis.tables.validate import validate
from conftest import ROOT, run_brief


def problems(data_dir) -> list[str]:
    return [str(p) for p in validate(data_dir)[1]]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_data_is_valid(data_dir):
    assert problems(data_dir) == []


def test_shipped_data_is_valid():
    assert problems(ROOT / "data") == []


CASES = [
    # (file, old text, new text, expected problem line)
    ("arms_sales.csv", ",,20,as_many_as,", ",,many,as_many_as,",
     "arms_sales.csv:2:quantity_high: wrong type (got 'many', expected a whole number"),
    ("arms_sales.csv", ",,20,as_many_as,", ",,2.5,as_many_as,",
     "arms_sales.csv:2:quantity_high: wrong type (got '2.5', expected a whole number"),
    ("arms_sales.csv", ",,20,as_many_as,", ",,-20,as_many_as,",
     "arms_sales.csv:2:quantity_high: out of range (got -20, expected a number > 0)"),
    ("arms_sales.csv", ",,20,as_many_as,", ",,0,as_many_as,",
     "arms_sales.csv:2:quantity_high: out of range (got 0, expected a number > 0)"),
    ("arms_sales.csv", "alleged,2015,", "rumoured,2015,",
     "arms_sales.csv:2:status: value not allowed (got 'rumoured', expected one of: alleged, "),
    ("arms_sales.csv", "alleged,2015,", "alleged,2015-13,",
     "arms_sales.csv:2:event_date: not a valid date (got '2015-13', expected a date YYYY, "),
    ("arms_sales.csv", "alleged,2015,", "alleged,Sept 2015,",
     "arms_sales.csv:2:event_date: not a valid date (got 'Sept 2015', expected a date YYYY, "),
    ("diplomatic_contacts.csv", "C001,2015-12-23,", "C001,2016-02-30,",
     "diplomatic_contacts.csv:2:date: not a valid date (got '2016-02-30', expected a date "),
    ("fighter_estimates.csv", "2000,3000,between", "3000,2000,between",
     "fighter_estimates.csv:2:high: low above high (got 'low=3000, high=2000', "
     "expected low <= high)"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,,between",
     "fighter_estimates.csv:2:high: numbers do not fit the qualifier (got 'qualifier=between, "
     "low=2000, high=empty', expected low and high, low below high, as 'between' "
     "requires)"),
    ("fighter_estimates.csv", "E002,", "E001,",
     "fighter_estimates.csv:3:estimate_id: duplicate id (got 'E001', expected an id no other "
     "row uses)"),
    ("arms_sales.csv", "S001,rifles,russia,", "S001,rifles,russland,",
     "arms_sales.csv:2:supplier: unknown actor_id (got 'russland', expected an actor_id "
     "listed in actors.csv)"),
    ("diplomatic_contacts.csv", "russia;taliban", "russia;talibn",
     "diplomatic_contacts.csv:2:actors: unknown actor_id (got 'talibn', expected an actor_id "),
    ("diplomatic_contacts.csv", "russia;taliban", "russia;russia",
     "diplomatic_contacts.csv:2:actors: fewer than two parties (got 'russia;russia', "
     "expected at least two different actor ids)"),
    ("fighter_estimates.csv", "2015-09,,doc-a,", "2015-09,,doc-z,",
     "fighter_estimates.csv:3:source_id: unknown source_id (got 'doc-z', expected a "
     "source_id listed in sources.csv"),
    ("fighter_estimates.csv", "2015-09,,doc-a,", "2015-09,,,",
     "fighter_estimates.csv:3:source_id: empty value (expected a value)"),
    ("fighter_estimates.csv", "25 of 34 provinces", "26 of 34 provinces",
     "fighter_estimates.csv:3:quote: quote not found in the held document (got '26 of 34 "
     "provinces', expected verbatim text of documents/doc-a.txt: "),
    ("actors.csv", "\ntaliban,", "\ntaliban ,",
     "actors.csv:3:actor_id: leading or trailing spaces (got 'taliban ', expected no spaces "),
    ("arms_sales.csv", "S002,", "S002 ,",
     "arms_sales.csv:3:sale_id: leading or trailing spaces (got 'S002 ', expected no spaces "),
    ("actors.csv", "Afghan Taliban", "Afghan Taliban;Daesh",
     "actors.csv:3:aliases: name or alias shared by two actors (got 'Daesh', expected each "),
    ("sources.csv", "doc-a.txt", "doc-x.txt",
     "sources.csv:2:document: document not found (got 'doc-x.txt', expected a file in "),
    ("sources.csv", ",B,", ",G,",
     "sources.csv:2:reliability: value not allowed (got 'G', expected one of: A, B, C, D, E, F)"),
    ("arms_sales.csv", ",3,,\n", ",7,,\n",
     "arms_sales.csv:2:credibility: value not allowed (got 7, expected one of: 1, 2, 3, 4, 5, "),
    ("diplomatic_contacts.csv", "russia;taliban,kabulov,,", "russia;taliban,kabulov,taliban,",
     "diplomatic_contacts.csv:2:excluded: a party both in and left out (got 'actors=russia;"
     "taliban, excluded=taliban', expected excluded parties that are not among the actors)"),
    ("diplomatic_contacts.csv", "C002,2015-12,,,", "C002,,,from the dateline,",
     "diplomatic_contacts.csv:3:date_inferred: an inferred date that is not given"),
    ("arms_sales.csv", ",,several,alleged", ",,nearly_all,alleged",
     "arms_sales.csv:3:quantity_qualifier: value not allowed (got 'nearly_all', expected one "
     "of: exact"),
]


@pytest.mark.parametrize("file, old, new, expected", CASES)
def test_each_bad_value_is_reported_precisely(data_dir, file, old, new, expected):
    edit(data_dir / file, old, new)
    found = problems(data_dir)
    assert any(line.startswith(expected) for line in found), found


def test_a_required_value_that_is_not_a_number_is_reported_once(data_dir):
    edit(data_dir / "arms_sales.csv", ",3,,\n", ",three,,\n")
    assert [p for p in problems(data_dir) if p.startswith("arms_sales.csv:2:credibility")] == [
        "arms_sales.csv:2:credibility: wrong type (got 'three', expected a whole number)"]


def test_missing_file(data_dir):
    (data_dir / "actors.csv").unlink()
    found = problems(data_dir)
    assert found[0].startswith("actors.csv: missing file (expected a CSV file at ")
    assert not any("unknown actor_id" in line for line in found), "no cascade"


def test_empty_file(data_dir):
    (data_dir / "arms_sales.csv").write_text("")
    assert problems(data_dir)[0].startswith(
        "arms_sales.csv: empty file (expected a header row: sale_id,deal_id,")


def test_missing_and_unknown_columns(data_dir):
    edit(data_dir / "actors.csv", "actor_id,name,name_native,", "actor_id,name,nickname,")
    found = problems(data_dir)
    assert "actors.csv:1:nickname: unknown column (expected one of: actor_id, name, " \
        in "\n".join(found)
    assert "actors.csv:1:name_native: missing column (expected a column named 'name_native')" \
        in found


def test_non_utf8_bytes(data_dir):
    path = data_dir / "actors.csv"
    path.write_bytes(path.read_bytes().replace("Замир".encode(), "Zamir".encode("cp1252"))
                     .replace(b"envoy", "envoy caf\u00e9".encode("cp1252")))
    assert problems(data_dir)[0] == (
        "actors.csv:6: not UTF-8 text (got 'byte 0xe9', expected UTF-8 (save as 'CSV UTF-8'))")


def test_ragged_rows(data_dir):
    path = data_dir / "fighter_estimates.csv"
    lines = path.read_text().splitlines()
    lines[1] += ",extra"
    lines[3] = lines[3].rsplit(",", 2)[0]
    path.write_text("\n".join(lines) + "\n")
    found = problems(data_dir)
    assert "fighter_estimates.csv:2: wrong number of fields (got 18, expected 17 fields)" in found
    assert "fighter_estimates.csv:4: wrong number of fields (got 15, expected 17 fields)" in found
    # the good row between them is still checked, under its own row number
    edit(path, "25 of 34 provinces", "26 of 34 provinces")
    assert any(line.startswith("fighter_estimates.csv:3:quote:") for line in problems(data_dir))


def test_what_spreadsheets_write_loads(data_dir):
    """A UTF-8 BOM, CRLF endings and quoted fields with commas and line breaks are fine."""
    for path in data_dir.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert problems(data_dir) == []


def test_all_problems_are_reported_together(data_dir):
    edit(data_dir / "arms_sales.csv", "alleged,2015,", "rumoured,2015,")
    edit(data_dir / "fighter_estimates.csv", "2000,3000,between", "3000,2000,between")
    (data_dir / "diplomatic_contacts.csv").write_text("")
    found = problems(data_dir)
    assert [line.split(":")[0] for line in found] == [
        "arms_sales.csv", "fighter_estimates.csv", "diplomatic_contacts.csv"]


def test_cli_reports_lines_and_exits_1_without_traceback(data_dir):
    edit(data_dir / "arms_sales.csv", "alleged,2015,", "rumoured,2016-02-30,")
    result = run_brief("validate", "--data", data_dir)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("arms_sales.csv:2:event_date: ")
    assert "2 problem(s)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_clean_data_exits_0_with_summary(data_dir):
    result = run_brief("validate", "--data", data_dir)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(
        "ok: 6 tables, 20 rows, 2 sources, 5 quotes checked against held documents")


def test_cli_usage_error_exits_2():
    assert run_brief("validate", "--no-such-option").returncode == 2


@pytest.mark.parametrize("values, numbers", [
    (["12", "1e3", None], [12.0, 1000.0, None]),  # read by Arrow
    (["12", " 3", "x", None], [12.0, 3.0, None, None]),  # Arrow cannot: pandas reads them
])
def test_numbers_are_read_as_pandas_reads_them(values, numbers):
    from analysis.tables.validate import _numbers

    got = _numbers(pd.Series(values, dtype="str", index=range(5, 5 + len(values))))
    assert list(got.index) == list(range(5, 5 + len(values)))
    assert [None if pd.isna(v) else v for v in got] == numbers
