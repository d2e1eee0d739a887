"""The README against the code: every `analysis/` path it names exists, and every `brief`
command and option it shows is one the command line has (a renamed option or a deleted
module shows here, not in a reader's terminal)."""

import re
import shlex

import pytest

from analysis.cli import reference
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _calls() -> list[list[str]]:
    """The words after `brief` on each command line the README shows (in code blocks and
    in backticks), comments left off."""
    lines = re.findall(r"(?:^|\$ |`)(?:\.venv/bin/)?brief ([^`\n#]*)", README, re.M)
    return [shlex.split(line.replace("...", "")) for line in lines if line.strip()]


def test_every_path_it_names_exists():
    named = set(re.findall(r"\banalysis/[\w/.<>-]*\w/?", README))
    assert named, "the README names the package's modules"
    missing = [p for p in named if "<" not in p and not (ROOT / p).exists()]
    assert missing == []


@pytest.mark.parametrize("words", _calls(), ids=lambda w: " ".join(w)[:40])
def test_every_command_and_option_it_shows_exists(words):
    commands = reference.commands()
    name = next((c for c in sorted(commands, key=len, reverse=True)
                 if words[:len(c.split())] == c.split()), None)
    assert name, f"no command `brief {' '.join(words)}`"
    options = {o for p in commands[name].params for o in p.opts}
    shown = {w.split("=")[0] for w in words if w.startswith("--")}
    assert shown <= options, f"brief {name}: unknown {sorted(shown - options)}"
