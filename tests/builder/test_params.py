"""Parameters are checked before any kernel starts, with one-line errors (exit 2)."""

import json
import re

import pytest

from analysis import ParameterError
from analysis.builder import params
from conftest import ROOT, run_brief

BRIEF = ROOT / "notebooks" / "brief.ipynb"


def resolve(**given):
    return params.resolve(params.declared(BRIEF), given)


def test_defaults():
    values = resolve()
    assert values["as_of"] is None and values["paper"] == "A4" and values["focus"] == []


@pytest.mark.parametrize("given, message", [
    ({"nope": 1}, "unknown parameter nope"),
    ({"as_of": "2016-02-30"}, "as_of: no such day"),
    ({"as_of": "yesterday"}, "as_of: not a date"),
    ({"paper": "A3"}, "paper: expected one of A4, Letter"),
    ({"focus": "taliban"}, "focus: expected a list of text"),
    ({"title": 3}, "title: expected text"),
])
def test_bad_values(given, message):
    with pytest.raises(ParameterError, match=message):
        resolve(**given)


@pytest.mark.parametrize("line", ["as_of: Day", "self.as_of: Day = None"])
def test_a_declaration_without_name_or_default_is_refused(tmp_path, line):
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps({"cells": [{
        "cell_type": "code", "metadata": {"tags": ["parameters"]},
        "source": f"from analysis.contract import Day\n{line}  # the day\n"}]}))
    with pytest.raises(ParameterError, match=f"'{re.escape(line)}' declares no parameter"):
        params.declared(notebook)


@pytest.mark.parametrize("text, kind, value", [
    ("taliban,isil", "list[str]", ["taliban", "isil"]),
    ("None", "Day", None),
    ("7", "int", 7),
    ("true", "bool", True),
])
def test_command_line_forms(text, kind, value):
    assert params.from_text(kind, "x", text) == value


@pytest.mark.parametrize("args, message", [
    (["--param", "nope=1"], "unknown parameter 'nope'"),
    (["--as-of", "2016-02-30"], "as_of: no such day"),
    (["--param", "paper=A3"], "paper: expected one of A4, Letter"),
    (["--param", "title"], "expected NAME=VALUE"),
    (["../etc"], "bad brief name '../etc'"),
    (["no-such-brief"], "no brief named 'no-such-brief'"),
])
def test_build_rejects_bad_parameters_before_starting(tmp_path, args, message):
    result = run_brief("build", *args, "--out", tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir()), "nothing is written"
