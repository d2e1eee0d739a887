"""Every entry a build reads from the cache is checked as it is read: damaged (cut short,
altered, another entry's bytes) it is drawn again, with a notice, and the published brief is
the one a clean build makes; deleted, it is drawn again quietly."""

import json
import shutil
import subprocess

import pytest

from conftest import DAMAGES, DEFAULT_BRIEF, FIXTURES, damage, require_tool, run_brief

pytestmark = pytest.mark.slow
NAME = DEFAULT_BRIEF
EPOCH = "1796000000"
"""The build time every build here prints (SOURCE_DATE_EPOCH): the same inputs, the same
brief."""

KINDS = {  # what a build keeps between builds, by the notice's name for it
    "chart": "charts/*.pdf",
    "chart picture": "charts/*.svg",
    "page frame": "frames/*.pdf",
    "font subset": "fonts/*.woff2",
    "Vega bundle": "vega-bundle-*.js",
}


def build(cache, out):
    result = run_brief("build", "--data", FIXTURES / "data", "--out", out,
                       env={"XDG_CACHE_HOME": str(cache), "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return out / NAME / "latest", result.stderr


def published(latest):
    """What a reader gets: the HTML, the PDF's pages as drawn, the notebook's pictures."""
    pdftoppm = require_tool("pdftoppm")
    pages = subprocess.run([pdftoppm, "-r", "30", "-png", latest / f"{NAME}.pdf"],
                           capture_output=True, check=True).stdout
    nb = json.loads((latest / f"{NAME}.ipynb").read_text(encoding="utf-8"))
    pictures = [o["data"]["image/svg+xml"] for cell in nb["cells"]
                for o in cell.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    return (latest / f"{NAME}.html").read_bytes(), pages, pictures


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A cache filled by a clean build, and what that build published."""
    root = tmp_path_factory.mktemp("clean")
    latest, stderr = build(root / "cache", root / "reports")
    assert stderr == ""
    entries = {kind: sorted((root / "cache" / "bedfellows").glob(pattern))
               for kind, pattern in KINDS.items()}
    assert all(entries.values()), entries
    return root / "cache", published(latest)


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_cache_never_reaches_the_brief(clean, tmp_path, how):
    kept, expected = clean
    cache = tmp_path / "cache"
    shutil.copytree(kept, cache)
    entries = {kind: sorted((cache / "bedfellows").glob(pattern))
               for kind, pattern in KINDS.items()}
    kept = [p for paths in entries.values() for p in paths]
    others = [p.read_bytes() for p in kept[1:] + kept[:1]]  # each the next entry's bytes
    for path, other in zip(kept, others, strict=True):
        damage(path, how, other)
    latest, stderr = build(cache, tmp_path / "reports")
    assert published(latest) == expected
    if how == "deleted":
        assert stderr == ""
    else:
        assert sorted(stderr.splitlines()) == sorted(
            f"note: the {kind} kept in {path} was damaged; made again"
            for kind, paths in entries.items() for path in paths)
    again, stderr = build(cache, tmp_path / "again")
    assert stderr == "", "healed: the next build reads what it drew"
    assert published(again) == expected
