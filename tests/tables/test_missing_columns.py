"""A table that lacks a column, or has no rows, is refused (or taken) with clear lines:
validation never reads a column it has not found. Every column of every table is dropped in
turn, and every table emptied to its header, on the project's data (all ten tables)."""

import csv
import io
import re
import shutil

import pytest
from typer.testing import CliRunner

from analysis.cli import app
from analysis.tables.schema import TABLES
from conftest import ROOT

LINE = re.compile(r"^(?:documents/)?[\w.-]+\.(?:csv|txt)(?::\d+)?(?::\w+)?: \S")
"""A problem line: file[:row][:column]: what is wrong."""


def rewrite(path, change):
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(change(rows))
    path.write_text(out.getvalue(), encoding="utf-8")


def without(column):
    def drop(rows):
        i = rows[0].index(column)
        return [row[:i] + row[i + 1:] for row in rows]
    return drop


def validate(data):
    """`brief validate --data DATA` in this process: (exit code, output lines)."""
    result = CliRunner().invoke(app, ["validate", "--data", str(data)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result.exit_code, result.output.strip().splitlines()


def copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.mark.parametrize(("table", "column"), [(t, c) for t, s in TABLES.items()
                                                for c in s.columns])
def test_a_missing_column_is_one_clear_line(tmp_path, table, column):
    data = copy(tmp_path)
    rewrite(data / f"{table}.csv", without(column))
    code, lines = validate(data)
    assert code == 1
    *problems, count = lines
    assert f"{table}.csv:1:{column}: missing column (expected a column named '{column}')" \
        in problems
    assert all(LINE.match(line) for line in problems), problems
    assert count.endswith(f"problem(s) in {data}")


@pytest.mark.parametrize("table", list(TABLES))
def test_a_table_emptied_to_its_header(tmp_path, table):
    """Refused with clear lines where other tables' rows refer to its rows; else taken."""
    data = copy(tmp_path)
    rewrite(data / f"{table}.csv", lambda rows: rows[:1])
    code, lines = validate(data)
    if code == 0:
        [ok] = lines
        assert ok.startswith("ok: ")
    else:
        assert code == 1
        assert all(LINE.match(line) for line in lines[:-1]), lines
        assert not any(line.startswith(f"{table}.csv") for line in lines), lines


def test_every_table_empty_is_valid(tmp_path):
    """A new subject: every table a header and nothing else."""
    data = copy(tmp_path)
    for table in TABLES:
        rewrite(data / f"{table}.csv", lambda rows: rows[:1])
    assert validate(data) == (0, [f"ok: {len(TABLES)} tables, 0 rows, 0 sources, 0 quotes checked "
                                  f"against held documents in {data}"])


@pytest.mark.parametrize(("written", "meant"), [
    ("Date", "date"), ("source id", "source_id"), ("soruce_id", "source_id"),
    ("As-Of-Date", "as_of_date")])
def test_a_misnamed_column_is_reported_once_by_its_near_name(tmp_path, written, meant):
    data = copy(tmp_path)
    table = "fighter_estimates" if meant == "as_of_date" else "diplomatic_contacts"
    rewrite(data / f"{table}.csv",
            lambda rows: [[written if c == meant else c for c in rows[0]], *rows[1:]])
    code, lines = validate(data)
    assert (code, lines[:-1]) == (1, [f"{table}.csv:1:{meant}: misnamed column (got "
                                      f"'{written}', expected a column named '{meant}')"])


def test_a_duplicated_column_is_one_line(tmp_path):
    data = copy(tmp_path)
    rewrite(data / "actors.csv",
            lambda rows: [[c if c != "role" else "name" for c in rows[0]], *rows[1:]])
    code, lines = validate(data)
    assert code == 1
    assert lines[:-1] == ["actors.csv:1:name: duplicate column (expected each column once)",
                          "actors.csv:1:role: missing column (expected a column named "
                          "'role')"]
