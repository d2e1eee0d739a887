"""Notebooks are thin, committed clean, and their parameters cell is a typed contract."""

import ast
import json

import papermill
import pytest

from analysis.builder import config, params
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def cells(path, kind):
    return [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in cells(path, "code"):
        assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_logic_in_notebooks(path):
    for cell in cells(path, "code"):
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
                                  | ast.Lambda), f"{path.name}: logic belongs in analysis/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_is_read_the_same_by_papermill(path):
    ours = params.declared(path)
    theirs = papermill.inspect_notebook(str(path))
    assert list(ours) == list(theirs)
    for name, spec in ours.items():
        assert theirs[name]["inferred_type_name"] == spec["type"]
        assert ast.literal_eval(theirs[name]["default"]) == spec["default"]
        assert spec["help"], f"{name} needs a comment saying what it does"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_assignment_in_the_parameters_cell_is_declared(path):
    cell = next(c for c in cells(path, "code") if "parameters" in c["metadata"].get("tags", []))
    assigned = [n.target.id if isinstance(n, ast.AnnAssign) else n.targets[0].id
                for n in ast.parse("".join(cell["source"])).body
                if isinstance(n, ast.Assign | ast.AnnAssign)]
    assert assigned == list(params.declared(path)), "annotate every parameter"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_defaults_run_as_is(path):
    assert params.resolve(params.declared(path), {})


def test_configured_briefs_pass_only_declared_parameters():
    for brief in config.load().values():
        declared = papermill.inspect_notebook(str(brief.notebook))
        assert set(brief.parameters) <= set(declared), brief.name
        params.resolve(params.declared(brief.notebook), brief.parameters)


def test_every_notebook_is_used_by_a_configured_brief():
    used = {b.notebook for b in config.load().values()}
    assert set(NOTEBOOKS) <= used


def _prose(path) -> list[str]:
    """The notebook's own words: Markdown cells and the text of `brief.prose(...)` calls."""
    texts = ["".join(c["source"]) for c in cells(path, "markdown")]
    for cell in cells(path, "code"):
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "prose"):
                texts += [a.value for a in node.args if isinstance(a, ast.Constant)]
    return texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_has_no_typed_numbers(path):
    """Numbers reach prose through `{name}` references to the data, never typed by hand."""
    for text in _prose(path):
        assert not any(ch.isdigit() for ch in text), text
