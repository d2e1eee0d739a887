"""Many briefs at once, as cron runs them: real builds of a tiny fixture notebook.

Failures of every class stay contained, the last good edition stays published byte for
byte, parallel builds never collide, unchanged briefs are skipped, runs on one folder wait
for each other, and the index page lists everything."""

import json
import os
import shutil
import subprocess
import time

import pytest
from bs4 import BeautifulSoup

from analysis import paths
from analysis.builder import config, freshness, lock
from analysis.builder.runner import build_many
from conftest import BRIEF, FIXTURES, require_tool, run_brief

pytestmark = pytest.mark.slow
TINY = FIXTURES / "briefs" / "notebooks" / "tiny.ipynb"


def tree(root, briefs: dict[str, dict], formats='["html"]') -> object:
    """A briefs.toml with the tiny notebook under `root`; briefs: name -> extra TOML lines."""
    (root / "notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy(TINY, root / "notebooks" / "tiny.ipynb")
    text = ""
    for name, extra in briefs.items():
        text += (f'[[brief]]\nname = "{name}"\nnotebook = "tiny.ipynb"\n'
                 f"formats = {formats}\n{extra.get('top', '')}\n[brief.parameters]\n"
                 f"{extra.get('parameters', '')}\n")
    path = root / "briefs.toml"
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_each_failure_is_contained_and_the_last_good_edition_stays(tmp_path):
    out = tmp_path / "reports"
    names = ["good", "error", "timeout", "dies", "bad-param"]
    cfg = tree(tmp_path, {n: {"top": "cell_timeout = 3", "parameters": 'as_of = "2015-12-31"'}
                          for n in names})
    first = run_brief("build", "--all", "--workers", "2", "--config", cfg, "--out", out)
    assert first.returncode == 0, first.stdout + first.stderr
    before = {n: snapshot(out / n / "latest") for n in names}

    cfg = tree(tmp_path, {
        "good": {"top": "cell_timeout = 3", "parameters": 'as_of = "2015-12-31"'},
        "error": {"parameters": 'as_of = "2015-12-31"\nmode = "error"'},
        "timeout": {"top": "cell_timeout = 3",
                    "parameters": 'as_of = "2015-12-31"\nmode = "sleep"'},
        "dies": {"parameters": 'as_of = "2015-12-31"\nmode = "die"'},
        "bad-param": {"parameters": 'as_of = "2016-02-30"'},
    })
    run = run_brief("build", "--all", "--workers", "2", "--config", cfg, "--out", out)
    assert run.returncode == 1
    assert "good" in run.stdout and run.stdout.count("failed") >= 4, run.stdout
    failed_lines = run.stderr.strip().splitlines()
    assert len(failed_lines) == 4 and all(": build failed: " in line for line in failed_lines)

    expected = {"error": ("cell error", "ValueError", True),
                "timeout": ("cell timeout", "CellTimeoutError", True),
                "dies": ("kernel died", "DeadKernelError", True),
                "bad-param": ("bad parameter", "ParameterError", False)}
    for name, (kind, error_name, has_notebook) in expected.items():
        assert snapshot(out / name / "latest") == before[name], f"{name}: last good edition"
        manifest = json.loads((out / name / "failed" / "manifest.json").read_text())
        assert manifest["status"] == "failed"
        failure = manifest["failure"]
        assert (failure["class"], failure["error_name"]) == (kind, error_name), failure
        assert failure["message"]
        assert (out / name / "failed" / f"{name}.ipynb").is_file() == has_notebook
        if has_notebook:
            assert failure["cell_index"] is not None
    assert "no such day" in json.loads(
        (out / "bad-param" / "failed" / "manifest.json").read_text())["failure"]["message"]
    assert not [p for n in names for p in (out / n).iterdir() if p.name.startswith(".")]


def test_twelve_builds_on_four_workers_never_collide(tmp_path):
    cfg = tree(tmp_path, {f"b{i:02d}": {"parameters": f'title = "Brief {i}"'}
                          for i in range(12)})
    out = tmp_path / "reports"
    for _ in range(2):
        result = run_brief("build", "--all", "--force", "--workers", "4", "--config", cfg,
                           "--out", out)
        assert result.returncode == 0, result.stdout + result.stderr
        for i in range(12):
            html = (out / f"b{i:02d}" / "latest" / f"b{i:02d}.html").read_text()
            assert f"Brief {i}</h1>" in html


def test_unchanged_briefs_are_up_to_date_and_each_input_counts(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", data)
    cfg = tree(tmp_path, {"tiny": {}})
    out = tmp_path / "reports"

    def status(**kwargs):
        brief = config.load(cfg)["tiny"]
        return build_many([brief], {}, out_dir=out, data_dir=data, **kwargs)[0].status

    assert status() == "built"
    assert status() == "up to date"
    assert status(force=True) == "built"
    (data / "actors.csv").write_text((data / "actors.csv").read_text() + "x,X,,state,,,,\n")
    assert status() == "built", "a data file changed"
    assert status() == "up to date"
    notebook = tmp_path / "notebooks" / "tiny.ipynb"
    notebook.write_text(notebook.read_text().replace("the edition's day", "the edition day"))
    assert status() == "built", "the notebook changed"
    tree(tmp_path, {"tiny": {"parameters": 'title = "Other"'}})
    assert status() == "built", "a parameter changed"
    extra = tmp_path / "package-file.py"
    extra.write_text("x = 1\n")
    files = freshness.package_files()
    monkeypatch.setattr(freshness, "package_files", lambda: [*files, extra])
    assert status() == "built", "the package changed"
    extra.write_text("x = 2\n")
    assert status() == "built", "the package changed again"
    lock_file = tmp_path / "requirements.lock"
    lock_file.write_text("a==1\n")
    monkeypatch.setattr(paths, "LOCK", lock_file)
    assert status() == "built", "the dependency lock changed"
    lock_file.write_text("a==2\n")
    assert status() == "built", "the dependency lock changed again"
    assert status() == "up to date"


def test_a_second_run_on_the_same_folder_waits(tmp_path):
    cfg = tree(tmp_path, {"tiny": {}})
    out = tmp_path / "reports"
    with lock.exclusive(out):
        second = subprocess.Popen([BRIEF, "build", "--config", str(cfg), "--out", str(out)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  stdin=subprocess.DEVNULL)
        time.sleep(3)
        assert second.poll() is None, "it waits while the lock is held"
        assert not (out / "tiny").exists(), "and writes nothing meanwhile"
    stdout, stderr = second.communicate(timeout=60)
    assert second.returncode == 0, stderr
    assert f"pid {os.getpid()}" in stderr and "waiting" in stderr
    assert (out / "tiny" / "latest" / "tiny.html").is_file()  # brief "tiny"


def test_index_lists_every_brief_and_works_offline(tmp_path):
    cfg = tree(tmp_path, {"one": {"parameters": 'title = "First <brief>"'},
                          "two": {"parameters": 'as_of = "2015-12-31"'},
                          "broken": {"parameters": 'mode = "error"'}}, formats='["html", "pdf"]')
    out = tmp_path / "reports"
    result = run_brief("build", "--all", "--workers", "2", "--config", cfg, "--out", out)
    assert result.returncode == 1
    page = out / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    text = soup.get_text(" ")
    assert "First <brief>" in text and "two" in text and "last build failed" in text
    links = [a["href"] for a in soup.find_all("a")]
    assert "one/latest/one.html" in links and "two/latest/two.pdf" in links
    assert any(link.startswith("two/2015-12-31/") for link in links), "the history"
    assert all((out / link).is_file() for link in links)
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp
    listing = run_brief("list", "--config", cfg, "--out", out)
    assert listing.returncode == 0
    assert "broken" in listing.stdout and "never built" in listing.stdout
    assert "two" in listing.stdout and "built 2015-12-31" in listing.stdout

    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page_ = browser.new_context(offline=True).new_page()
        requests, errors = [], []
        page_.on("request", lambda r: requests.append(r.url))
        page_.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page_.goto(page.as_uri())
        assert page_.locator("tbody tr").count() == 3
        browser.close()
    assert requests == [page.as_uri()] and errors == []


def test_output_is_never_world_writable(tmp_path):
    cfg = tree(tmp_path, {"tiny": {}})
    out = tmp_path / "reports"
    result = run_brief("build", "--config", cfg, "--out", out,
                       preexec_fn=lambda: os.umask(0))
    assert result.returncode == 0, result.stderr
    for path in (out / "tiny").rglob("*"):
        assert not path.stat().st_mode & 0o002, path
