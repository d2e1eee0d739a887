"""The declared environment is one thing, written down consistently."""

import re
import tomllib

import pandas as pd

from analysis.tables import datadict
from analysis.tables.schema import TABLES
from conftest import ROOT

PIN = re.compile(r"^\s*-?\s*\"?([A-Za-z0-9_.-]+)==([^\s\",]+)", re.M)


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_normal(n): v for n, v in (s.split("==") for s in specs)}


def test_every_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert "==" in spec, spec


def test_environment_yml_has_the_same_pins():
    conda = {_normal(n): v for n, v in PIN.findall((ROOT / "environment.yml").read_text())}
    assert conda == pyproject_pins()


def test_lock_agrees_with_the_pins():
    lock = {_normal(n): v for n, v in PIN.findall((ROOT / "requirements.lock").read_text())}
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, name


def test_data_dictionary_is_current():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert text == datadict.render(), "data/README.md is stale: run `make datadict`"


def test_make_without_target_lists_targets():
    import subprocess
    out = subprocess.run(["make", "-s", "-C", str(ROOT)], capture_output=True, text=True).stdout
    for target in ("setup", "brief", "test", "lab"):
        assert f"make {target}" in out


def test_chart_mime_type_follows_altair():
    import altair as alt

    from analysis.contract import MIME_TYPE

    major = alt.SCHEMA_VERSION.lstrip("v").split(".")[0]
    assert f"application/vnd.vegalite.v{major}+json" == MIME_TYPE


def test_the_curation_guide_counts_every_table_as_it_is():
    """data/CURATION.md's table of files gives each table's rows as they are now."""
    text = (ROOT / "data" / "CURATION.md").read_text(encoding="utf-8")
    counted = {name: int(n) for name, n in re.findall(r"^\| `(\w+)\.csv` \| (\d+)", text, re.M)}
    assert set(counted) == set(TABLES), "every table, once"
    for name, n in counted.items():
        assert len(pd.read_csv(ROOT / "data" / f"{name}.csv")) == n, name
