"""docs/cli.md is what `brief --help` says, command by command (as datasette tests its
CLI reference): a new command, option or help text shows here until the page is rewritten
with `python -m analysis.cli.reference`."""

from analysis.cli import reference
from conftest import ROOT


def test_the_reference_is_what_the_command_line_says():
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == reference.render(), "run: python -m analysis.cli.reference"


def test_it_covers_every_command():
    words = reference.commands()
    assert {"build", "send", "list", "validate", "import", "import sipri"} <= set(words)
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert all(f"## `brief {w}`" in page for w in words)
    assert "Usage: brief send [OPTIONS] {name}" in page
    assert "[docs/cli.md](docs/cli.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
