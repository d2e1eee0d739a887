"""Every entry a build reads from the cache is checked as it is read: damaged (cut short,
altered, another entry's bytes) it is drawn again, with a notice, and the published brief is
the one a clean build makes; deleted, it is drawn again quietly."""

import json
import shutil
import subprocess

import pytest

from conftest import DEFAULT_BRIEF, FIXTURES, require_tool, run_brief

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


def damage(entries: list, how: str):
    for i, path in enumerate(entries):
        raw = path.read_bytes()
        if how == "cut short":
            path.write_bytes(raw[: len(raw) // 2])
        elif how == "altered":  # the same length, one byte changed
            middle = len(raw) * 3 // 4
            path.write_bytes(raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1:])
        elif how == "another entry's":  # whole and sealed, but the next entry's
            path.write_bytes(entries[(i + 1) % len(entries)].read_bytes())
        else:
            path.unlink()


@pytest.mark.parametrize("how", ["cut short", "altered", "another entry's", "deleted"])
def test_a_damaged_cache_never_reaches_the_brief(clean, tmp_path, how):
    kept, expected = clean
    cache = tmp_path / "cache"
    shutil.copytree(kept, cache)
    entries = {kind: sorted((cache / "bedfellows").glob(pattern))
               for kind, pattern in KINDS.items()}
    damage([p for paths in entries.values() for p in paths], how)
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
