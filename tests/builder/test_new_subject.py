"""`brief new NAME`: a new subject's data (every table, no rows), its notebook (the brief's
sections, placeholders for the prose) and its entry in briefs.toml; `brief build NAME` then
builds it at once, HTML and PDF, every section saying what is not on record yet."""

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis.builder import config, params
from analysis.builder.subject import PLACEHOLDER, PROMPTS
from analysis.tables.schema import TABLES
from conftest import ROOT, run_brief

NAME = "river-talks"
TITLE = "Norland and Sudmark: the river talks"


@pytest.fixture
def project(tmp_path):
    """A copy of the project's briefs file and notebooks, for `brief new` to add to."""
    shutil.copy(ROOT / "briefs.toml", tmp_path / "briefs.toml")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    return tmp_path


def new(project, *args):
    return run_brief("new", *args, "--config", project / "briefs.toml")


def test_new_makes_the_data_the_notebook_and_the_entry(project):
    result = new(project, NAME, "--title", TITLE)
    assert result.returncode == 0, result.stderr
    assert f"brief build {NAME}" in result.stdout and "brief intake" in result.stdout
    data = project / "data" / NAME
    for name, schema in TABLES.items():
        assert (data / f"{name}.csv").read_text(encoding="utf-8") == \
            ",".join(schema.columns) + "\n"
    assert (data / "documents").is_dir()
    brief = config.load(project / "briefs.toml")[NAME]
    assert brief.notebook == project / "notebooks" / f"{NAME}.ipynb"
    assert brief.parameters == {"title": TITLE}
    declared = params.declared(brief.notebook)
    assert declared["title"]["default"] == TITLE
    assert declared["data_dir"]["default"] == f"../data/{NAME}"
    nb = json.loads(brief.notebook.read_text(encoding="utf-8"))
    prose = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert prose[0] == PLACEHOLDER.format(PROMPTS["header"])
    assert all(p.startswith("*[To write, in your own words: ") for p in prose)
    code = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "brief.prose(" not in code and not any(c.get("outputs") for c in nb["cells"])
    words = " ".join(prose) + code.split("brief = Brief(")[1]
    assert not re.search(r"Russia|Taliban|Islamic State|Afghan", words), "no subject's words"


@pytest.mark.parametrize(("args", "message"), [
    (["russia-taliban"], "a brief named 'russia-taliban' is already configured"),
    (["River Talks"], "bad brief name 'River Talks'"),
])
def test_new_refuses_a_taken_or_bad_name(project, args, message):
    before = (project / "briefs.toml").read_text(encoding="utf-8")
    result = new(project, *args)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (project / "briefs.toml").read_text(encoding="utf-8") == before
    assert not (project / "data").exists()


def test_new_refuses_to_overwrite_a_data_folder(project):
    (project / "data" / NAME).mkdir(parents=True)
    result = new(project, NAME)
    assert result.returncode == 2 and f"data/{NAME} already exists" in result.stderr
    assert not (project / "notebooks" / f"{NAME}.ipynb").exists()


@pytest.mark.slow
def test_a_new_subject_builds_at_once_and_reads_honestly(project):
    assert new(project, NAME, "--title", TITLE).returncode == 0
    out = project / "reports"
    result = run_brief("build", NAME, "--config", project / "briefs.toml", "--out", out)
    assert result.returncode == 0, result.stderr
    latest = out / NAME / "latest"
    soup = BeautifulSoup((latest / f"{NAME}.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True) == TITLE
    headings = [h.get_text(strip=True) for h in soup.select("h2")]
    assert headings == ["Contents", "Bottom line up front", "Arms transfers",
                        "Fighter and force estimates", "Diplomatic contacts",
                        "Where it happens", "The wider picture", "Contested figures",
                        "What changed", "Sources", "Colophon"]
    text = re.sub(r"\s+", " ", soup.get_text(" "))
    for said in ["no claim on record yet", "No key question is on record yet",
                 "No arms transfers are recorded", "No other claim is on record",
                 "No map: this subject holds no boundaries",
                 "No source is cited in this brief", "First edition"]:
        assert said in text, said
    assert not re.search(r"\b0 of 0\b|\b0 (?:sources|claims)\b", text)
    assert not soup.select("figure")
    assert all(t.select("tbody tr") for t in soup.select("table"))
    assert text.count("[To write, in your own words:") == 4
    pdf = PdfReader(latest / f"{NAME}.pdf")
    printed = " ".join(page.extract_text() for page in pdf.pages)
    assert "No key question is on record yet" in printed and TITLE in printed
