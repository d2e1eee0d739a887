"""Editions of the real data: as of a past day, and the three deep dives (real builds)."""

import json
import re
import shutil

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
    for section in ("judgments", "arms", "estimates", "contacts", "where", "wider",
                    "contested", "sources"):
        heading = soup.find(id=section)
        text = " ".join(s.get_text(" ") for s in heading.find_all_next()  # as read: no
                        if s.find_previous("h2") is heading and s.name != "script")  # spec
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


def test_a_same_day_rebuild_is_an_edition_of_its_own_and_compares_with_the_first(data_dir,
                                                                                  tmp_path):
    """Editions never overwrite each other: a second build on the same day publishes a
    second edition, says what changed since the first, and the first stays as it was."""
    from conftest import moved_on

    out = tmp_path / "reports"
    first = run_brief("build", "--data", data_dir, "--out", out)
    assert first.returncode == 0, first.stderr
    brief = out / "russia-taliban"
    [edition] = [p for p in brief.iterdir() if p.is_dir() and p.name not in ("latest",)]
    before = {p.name: p.read_bytes() for p in edition.iterdir()}
    second = run_brief("build", "--data", moved_on(data_dir), "--out", out)
    assert second.returncode == 0, second.stderr
    assert {p.name: p.read_bytes() for p in edition.iterdir()} == before
    again = brief / f"{edition.name}.2"
    manifest = json.loads((again / "manifest.json").read_text())
    assert manifest["edition_id"] == again.name and manifest["edition"] == edition.name
    assert manifest["parameters"]["previous"] == str(edition / "manifest.json")
    soup = BeautifulSoup((brief / "latest" / "russia-taliban.html").read_text(), "html.parser")
    changed = soup.find(id="changes").find_next("p").get_text()
    assert f"(edition {edition.name}, built" in changed and "10 new rows" in changed
    index = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    history = [a["href"] for a in index.select("details a")]
    assert f"russia-taliban/{again.name}/russia-taliban.html" in history
    assert f"russia-taliban/{edition.name}/russia-taliban.html" in history


def test_an_edition_records_its_judgments_and_the_next_compares_with_them(tmp_path):
    out = tmp_path / "reports"
    for _ in range(2):
        result = run_brief("build", "--force", "--out", out)
        assert result.returncode == 0, result.stderr
    brief = out / "russia-taliban"
    manifest = json.loads((brief / "latest" / "manifest.json").read_text())
    recorded = manifest["judgments"]
    assert set(recorded) == {"russia-taliban-alignment", "russia-arming-taliban",
                             "islamic-state-growth", "bedfellows-last"}
    assert recorded["russia-arming-taliban"]["likelihood"] == "roughly even chance"
    soup = BeautifulSoup((brief / "latest" / "russia-taliban.html").read_text(), "html.parser")
    changes = [p.get_text() for p in soup.select("li.question p.change")]
    assert changes == ["Since the previous edition: unchanged."] * 4


def test_a_likelihood_that_claims_more_than_its_evidence_fails_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "judgments.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "to the Taliban is on record.\",roughly even chance",
        "to the Taliban is on record.\",almost certain"),
        encoding="utf-8")
    result = run_brief("build", "--data", data, "--out", tmp_path / "reports")
    assert result.returncode != 0
    assert ("judgments.csv:7:likelihood: russia-arming-taliban: claims more than the "
            "evidence carries: ") in result.stdout + result.stderr
    assert "(got 'almost certain', expected a term the evidence carries" in result.stderr
    assert not (tmp_path / "reports" / "russia-taliban" / "latest").exists()
