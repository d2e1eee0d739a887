"""Every chart of every section, on the project's data and on data that moved on, is a valid
Vega-Lite spec (Altair's own check against the schema): builds skip that check."""

import pytest

from analysis import paths
from analysis.brief import Brief
from analysis.brief.section import SECTIONS
from analysis.charts.figure import Figure
from analysis.contract import BUILD_ENV, MIME_TYPE
from conftest import moved_on

OPTIONS = {"hypotheses": {"full": True}, "arms": {"timeline": True}}
"""What a section is called with to draw all it can."""


def figures(brief: Brief) -> list[Figure]:
    found = []
    for name in ["header", *SECTIONS]:
        section = getattr(brief, name)(**OPTIONS.get(name, {}))
        found += [p for p in section.parts if isinstance(p, Figure)]
    return found


@pytest.mark.parametrize("data", ["project", "moved on"])
def test_every_chart_is_a_valid_spec(data, data_dir):
    brief = Brief(data_dir=paths.DATA if data == "project" else moved_on(data_dir))
    charts = figures(brief)
    assert len(charts) >= 6
    for figure in charts:
        figure.chart.to_dict(validate=True)  # raises on a spec the schema refuses


def test_a_build_skips_the_check_and_gets_the_same_spec(data_dir, monkeypatch):
    figure = figures(Brief(data_dir=data_dir))[0]
    checked = figure.chart.to_dict(validate=True)
    monkeypatch.setenv(BUILD_ENV, "1")
    data, _ = figure._repr_mimebundle_()
    assert data[MIME_TYPE] == checked
