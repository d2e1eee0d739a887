"""Accessibility: axe-core (pinned in tests/axe/package-lock.json) run inside headless
Chromium on the built HTML brief. Any "serious" or "critical" violation fails."""

import pytest

from conftest import DEFAULT_BRIEF, require_axe, require_tool

BLOCKING = ("serious", "critical")
SHOWN_TARGETS = 5

# The fields of axe's results the tests need, trimmed inside the page (nodes carry large
# objects that need not cross into Python).
RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ['violations']});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({target: n.target, impact: n.impact, html: n.html,
                                  summary: n.failureSummary})),
    }));
}"""

# A page with known serious/critical problems, under a CSP as strict as the brief's.
BAD_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">
<title>axe self-test</title>
</head>
<body>
<main>
<h1>Self-test</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
<p style="color:#eeeeee;background:#ffffff">barely visible text</p>
</main>
</body>
</html>
"""


def axe_violations(html_path) -> list[dict]:
    """Every axe violation on the page at html_path, once its Vega charts have drawn."""
    chromium = require_tool("chromium")
    axe_js = require_axe().read_text(encoding="utf-8")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            # bypass_csp, for this test only: the brief's Content-Security-Policy meta tag
            # allows only the scripts whose hashes it lists, so it would block the injected
            # axe-core. tests/test_build.py renders the brief with the CSP enforced.
            context = browser.new_context(offline=True, bypass_csp=True)
            page = context.new_page()
            page.goto(html_path.as_uri())
            page.wait_for_function(
                "document.querySelectorAll('.vega-chart svg').length === "
                "document.querySelectorAll('.vega-chart').length", timeout=20000)
            page.evaluate("document.fonts.ready.then(() => true)")
            page.add_script_tag(content=axe_js)
            return page.evaluate(RUN_AXE)
        finally:
            browser.close()


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(n["target"]) for n in v["nodes"]]
        more = f" (+{len(targets) - SHOWN_TARGETS} more)" if len(targets) > SHOWN_TARGETS else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})\n"
                     f"    {len(targets)} node(s): {targets[:SHOWN_TARGETS]}{more}")
    return "\n".join(lines)


@pytest.mark.slow
def test_brief_has_no_serious_accessibility_violations(built):
    violations = axe_violations(built / f"{DEFAULT_BRIEF}.html")
    found = blocking(violations)
    assert not found, "axe-core found serious/critical violations:\n" + describe(found)


def test_checker_catches_known_violations(tmp_path):
    """The checker itself works: axe runs despite a strict CSP and reports what it should."""
    page = tmp_path / "bad.html"
    page.write_text(BAD_PAGE, encoding="utf-8")
    found = blocking(axe_violations(page))
    assert {"image-alt", "color-contrast"} <= {v["id"] for v in found}, describe(found)
