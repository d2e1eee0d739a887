"""The brief in a real JupyterLab and Notebook 7 (one Jupyter server serves both), driven by
Playwright on Debian's chromium: open the brief notebook, Run All, and see what a person
sees: every chart drawn (interactive marks in the page), no citation passage showing
before hover, the brief's styles inside the outputs only, no console errors, and a changed
parameter changing the output."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, require_tool

pytestmark = pytest.mark.slow
CHARTS = 6  # the default brief's charts (the map among them)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, root: Path):
    """`jupyter <app>` (lab or notebook) from the project's venv on a free local port, its
    token this test's own, serving a copy of the notebooks in `root`; stopped afterwards.
    Notebook 7 gets its own server, as `jupyter notebook` starts it: a Lab server serves
    its pages too, but without their settings (Notebook's own script then fails)."""
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(notebook, root / notebook.name)
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    server = subprocess.Popen(
        [str(jupyter), app, "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class="
         "jupyterlab.NeverCheckForUpdate", "--ServerApp.open_browser=False",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.terminate()
        pytest.fail(f"jupyter {app} did not start")
    yield url, token, root
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    yield from serve("lab", tmp_path_factory.mktemp("lab"))


@pytest.fixture(scope="module")
def notebook7(tmp_path_factory):
    yield from serve("notebook", tmp_path_factory.mktemp("notebook"))


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield b
        b.close()


def kernel_idle(lab, name: str, timeout=60):
    """Until the kernel of the notebook `name` is started and idle (the server's word)."""
    url, token, _ = lab
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with urllib.request.urlopen(f"{url}/api/sessions?token={token}", timeout=5) as r:
            sessions = json.load(r)
        if any(s["path"] == name and s["kernel"]["execution_state"] == "idle"
               for s in sessions):
            return
        time.sleep(0.2)
    pytest.fail(f"the kernel of {name} never became idle")


def run_all(page, lab, name="brief.ipynb"):
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=60_000)
    kernel_idle(lab, name)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def open_notebook(browser, lab, name, ui="lab"):
    """A page showing the notebook `name` in JupyterLab (`ui` "lab", in a workspace of
    its own: no tab left open by an earlier test) or Notebook 7 ("notebook")."""
    url, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    where = (f"lab/workspaces/{secrets.token_hex(4)}/tree/{name}?token={token}&reset"
             if ui == "lab" else f"notebooks/{name}?token={token}")
    page.goto(f"{url}/{where}", wait_until="domcontentloaded")
    return page, errors


def drawn(page) -> int:
    return page.locator(".bedfellows .vega-chart[data-drawn='interactive'] svg "
                        "g.mark-symbol, .bedfellows .vega-chart[data-drawn='interactive'] svg "
                        "g.mark-rect, .bedfellows .vega-chart[data-drawn='interactive'] svg "
                        "g.mark-arc, .bedfellows .vega-chart[data-drawn='interactive'] svg "
                        "g.mark-rule").count()


@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_the_brief_reads_like_the_brief(browser, request, ui):
    lab = request.getfixturevalue("lab" if ui == "lab" else "notebook7")
    page, errors = open_notebook(browser, lab, "brief.ipynb", ui)
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=60_000)
    kernel_idle(lab, "brief.ipynb")
    page.wait_for_timeout(1000)
    # what the front end logs of its own start is not the brief's (Notebook 7.6 fails to
    # read a settings schema of its own as it loads); from Run All on, nothing may fail
    errors.clear()
    run_all(page, lab)
    page.wait_for_function(
        f"document.querySelectorAll(\".vega-chart[data-drawn='interactive']\").length >= "
        f"{CHARTS}", timeout=240_000)
    charts = page.locator(".vega-chart[data-drawn='interactive']")
    assert charts.count() == CHARTS and drawn(page) >= CHARTS
    # a mark's tooltip, as in the HTML brief
    mark = charts.first.locator("g.mark-symbol.role-mark path").first  # not a legend's
    mark.evaluate("e => e.scrollIntoView({block: 'center'})")  # not under the toolbar
    mark.hover(force=True)
    page.locator("#vg-tooltip-element.visible").wait_for(timeout=10_000)
    page.mouse.move(0, 0)
    # citations are numbers, their passages hidden until hover
    notes = page.locator(".bedfellows .cite .note")
    assert notes.count() > 20
    assert not any(notes.nth(i).is_visible() for i in range(min(notes.count(), 40)))
    first = page.locator(".bedfellows .cite a").first
    first.scroll_into_view_if_needed()
    first.hover()
    assert page.locator(".bedfellows .cite .note").first.is_visible()
    # the brief's look inside its outputs, and nowhere else on the page
    h2 = page.locator(".bedfellows h2").first
    assert "Bedfellows Sans" in h2.evaluate("e => getComputedStyle(e).fontFamily")
    toolbar = page.locator(".jp-Toolbar").first
    assert "Bedfellows" not in toolbar.evaluate("e => getComputedStyle(e).fontFamily")
    page.screenshot(path=str(Path(lab[2]) / f"brief-{ui}.png"), full_page=False)
    assert errors == [], errors
    page.close()


def with_parameters(browser, lab, lines: str):
    """The brief notebook with `lines` typed at the end of its parameters cell, as a user
    edits it, then Run All."""
    page, _ = open_notebook(browser, lab, "brief.ipynb")
    kernel_idle(lab, "brief.ipynb")
    page.locator(".jp-Cell .cm-content").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n" + lines)
    run_all(page, lab)
    return page


def test_a_changed_parameter_changes_the_brief(browser, lab):
    page = with_parameters(browser, lab, 'focus = ["Islamic State"]\n'
                                         'questions = ["islamic-state-growth"]')
    page.wait_for_function(
        "document.querySelectorAll(\".vega-chart[data-drawn='interactive']\").length >= 1",
        timeout=240_000)
    page.wait_for_selector(".bedfellows li.question", timeout=120_000)
    questions = page.locator(".bedfellows li.question h3").all_text_contents()
    assert questions == ["Is the Islamic State in Afghanistan growing?"]
    page.close()


def test_a_bad_parameter_is_one_line_not_a_traceback(browser, lab):
    page = with_parameters(browser, lab, 'as_of = "2999-01-01"')
    out = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    out.first.wait_for(timeout=120_000)
    text = out.first.text_content()
    assert text.startswith("error: as_of") or "a day still to come" in text, text
    assert "Traceback" not in text
    page.close()


def test_an_executed_notebook_from_reports_shows_its_charts(browser, lab, tmp_path):
    """Built notebooks keep each chart's picture beside its spec: JupyterLab ships no
    renderer for the spec's Vega-Lite version, and a notebook not run here is untrusted."""
    from conftest import run_brief

    out = tmp_path / "reports"
    result = run_brief("build", "--out", out)
    assert result.returncode == 0, result.stderr
    shutil.copy(out / "russia-taliban" / "latest" / "russia-taliban.ipynb",
                Path(lab[2]) / "executed.ipynb")
    page, errors = open_notebook(browser, lab, "executed.ipynb")
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=60_000)
    pictures = page.locator(".jp-OutputArea-output figure.chart img[src^='data:image/svg']")
    pictures.first.wait_for(state="attached", timeout=60_000)
    assert pictures.first.evaluate("e => e.naturalWidth") > 100, "the picture loads"
    seen = set()  # Lab draws the cells near the view only: scroll through them all
    scroller = page.locator(".jp-WindowedPanel-outer").first
    for _ in range(200):
        seen |= set(pictures.evaluate_all("els => els.map(e => e.alt)"))
        if scroller.evaluate("e => e.scrollTop + e.clientHeight >= e.scrollHeight - 2"):
            break
        scroller.evaluate("e => e.scrollBy(0, e.clientHeight * 0.8)")
        page.wait_for_timeout(150)
    assert len(seen) == CHARTS, seen
    page.close()
