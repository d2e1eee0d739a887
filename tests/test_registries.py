"""One registry per extension point: a new output format, section or importer is one module
and one registration, and everything else (briefs.toml's checks, the builder, the index,
the feeds, the command line, the brief) follows from the registry."""

import json
import shutil
import sys
import types

import pytest
from bs4 import BeautifulSoup

from analysis import ParameterError
from analysis.brief.brief import Brief
from analysis.brief.section import SECTIONS, Section, heading
from analysis.builder import config
from analysis.builder.runner import build_many
from analysis.cli import reference
from analysis.importers import IMPORTERS
from analysis.render import formats
from conftest import FIXTURES

TINY = FIXTURES / "briefs" / "notebooks" / "tiny.ipynb"


def _text(job: formats.Job) -> None:
    """A dummy format: the executed notebook's displayed text."""
    shown = [o["data"]["text/html"] for c in job.nb.cells for o in c.get("outputs", [])
             if "text/html" in o.get("data", {})]
    job.path("txt").write_text(f"{job.title}\n{''.join(shown)}\n", encoding="utf-8")


@pytest.fixture
def text_format(monkeypatch):
    monkeypatch.setitem(formats.FORMATS, "txt", formats.Format("txt", "Text", "text/plain",
                                                               _text))


@pytest.mark.slow
def test_a_registered_format_is_built_indexed_and_listed(tmp_path, text_format):
    (tmp_path / "notebooks").mkdir()
    shutil.copy(TINY, tmp_path / "notebooks" / "tiny.ipynb")
    cfg = tmp_path / "briefs.toml"
    cfg.write_text('[[brief]]\nname = "tiny"\nnotebook = "tiny.ipynb"\n'
                   'formats = ["html", "txt"]\n', encoding="utf-8")
    brief = config.load(cfg)["tiny"]
    assert brief.formats == ("html", "txt")
    out = tmp_path / "reports"
    [outcome] = build_many([brief], {}, out_dir=out)
    assert outcome.status == "built", outcome.message
    edition = outcome.directory
    assert (edition / "tiny.txt").read_text(encoding="utf-8").startswith("Tiny\n<h1>Tiny")
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["outputs"]) == {"tiny.html", "tiny.txt", "tiny.ipynb"}
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in index.select("td a")}
    assert links == {"HTML": "tiny/latest/tiny.html", "Text": "tiny/latest/tiny.txt"}
    feed = (out / "tiny" / "feed.xml").read_text(encoding="utf-8")
    assert 'type="text/plain"' in feed and "tiny.txt" in feed


def test_briefs_toml_names_the_registered_formats(tmp_path, text_format):
    (tmp_path / "notebooks").mkdir()
    shutil.copy(TINY, tmp_path / "notebooks" / "tiny.ipynb")
    cfg = tmp_path / "briefs.toml"
    cfg.write_text('[[brief]]\nname = "tiny"\nnotebook = "tiny.ipynb"\n', encoding="utf-8")
    assert config.load(cfg)["tiny"].formats == ("html", "pdf", "txt")  # all, by default
    cfg.write_text('[[brief]]\nname = "tiny"\nnotebook = "tiny.ipynb"\nformats = ["docx"]\n',
                   encoding="utf-8")
    with pytest.raises(ParameterError, match=r"formats must be a list of html, pdf, txt"):
        config.load(cfg)


def test_a_registration_is_made_once():
    with pytest.raises(ValueError, match="output format 'html' is registered twice"):
        formats.FORMATS.register("html", formats.FORMATS["html"])
    with pytest.raises(ParameterError, match="no output format 'docx'"):
        formats.FORMATS["docx"]


def test_a_registered_section_is_a_call_on_the_brief(monkeypatch, data_dir):
    def section(b: Brief, shout: bool = False) -> Section:
        """A dummy section."""
        text = f"{len(b.t.sources)} sources"
        return Section("dummy", heading("dummy"), text.upper() if shout else text)

    module = types.ModuleType("analysis.brief.sections.dummy")
    module.section = section
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(SECTIONS, "dummy", "A dummy section")
    b = Brief(data_dir=data_dir)
    assert "dummy" in dir(b)
    made = b.dummy(shout=True)
    assert made.html().startswith('<h2 id="dummy"') and "SOURCES" in made.html()
    assert made.data == b.loaded.inputs.key  # added to the brief as every section is
    with pytest.raises(AttributeError, match="no section or attribute 'dumy'"):
        b.dumy()


def test_every_registered_section_has_its_module_taking_the_brief(data_dir):
    b = Brief(data_dir=data_dir)
    for key in SECTIONS:
        made = getattr(b, key)()
        assert isinstance(made, Section) and made.key == key
        assert next(iter(__import__("inspect").signature(getattr(b, key)).parameters),
                    None) != "b", key  # Jupyter shows its options, not the brief


def test_every_registered_importer_is_a_command():
    commands = reference.commands()
    assert [w.removeprefix("import ") for w in commands if w.startswith("import ")] == list(
        IMPORTERS)
    for name, importer in IMPORTERS.items():
        options = {o for p in commands[f"import {name}"].params for o in p.opts}
        assert options == {"file", "--data"} | {f"--{s}" for s in importer.switches}, name
