"""Editions of the real data: as of a past day, and the three deep dives (real builds)."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from analysis import load_tables
from conftest import ROOT, run_brief

pytestmark = pytest.mark.slow
AS_OF = "2015-12-31"
LATER_YEARS = re.compile(r"\b(201[6-9]|202\d)\b")


@pytest.fixture(scope="module")
def as_of_edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = run_brief("build", "--as-of", AS_OF, "--out", out)
    assert result.returncode == 0, result.stderr
    return out / "russia-taliban" / AS_OF


def test_as_of_edition_shows_only_what_was_known(as_of_edition):
    html = (as_of_edition / "russia-taliban.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    known = set(load_tables(ROOT / "data", as_of=AS_OF).sources["source_id"])
    later = set(load_tables(ROOT / "data").sources["source_id"]) - known
    # every chart draws only sources known that day
    for script in soup.select('script[type="application/json"]'):
        spec = json.loads(script.string)
        assert set(spec["usermeta"]["sources"]) <= known
    # every section a reader sees, but the masthead and the colophon (build date, versions)
    for section in ("judgments", "arms", "estimates", "contacts", "contested", "sources"):
        heading = soup.find(id=section)
        text = " ".join(s.get_text(" ") for s in heading.find_all_next()
                        if s.find_previous("h2") is heading)
        assert not LATER_YEARS.search(text), (section, LATER_YEARS.findall(text)[:5])
    listed = soup.select("ol.sources > li")
    assert listed and len(listed) <= len(known)
    for source_id in later:
        assert source_id not in html
    manifest = json.loads((as_of_edition / "manifest.json").read_text())
    assert manifest["edition"] == AS_OF and manifest["parameters"]["as_of"] == AS_OF


@pytest.mark.parametrize("name, heading", [
    ("arms-sales", "Arms transfers"),
    ("fighter-estimates", "Fighter and force estimates"),
    ("diplomatic-contacts", "Diplomatic contacts"),
])
def test_deep_dives_build(tmp_path, name, heading):
    result = run_brief("build", name, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    latest = tmp_path / name / "latest"
    soup = BeautifulSoup((latest / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert heading in headings and "Every report, in its source's words" in headings
    rows = soup.select("table.evidence tbody tr")
    table = name.replace("-", "_")
    assert len(rows) == len(getattr(load_tables(ROOT / "data"), table))
    assert all(r.find_all("td")[2].get_text().startswith("“") for r in rows), "every quote"
    assert (latest / f"{name}.pdf").stat().st_size > 10_000
