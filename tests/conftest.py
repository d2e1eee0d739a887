import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The tests (and the `brief` processes they start) keep their own cache: nothing a user has
# cached is read or written.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bedfellows-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = str(Path(sys.executable).with_name("brief"))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A private copy of the small, valid fixture dataset."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", target)
    return target


def run_brief(*args, **kwargs) -> subprocess.CompletedProcess:
    """The real console script, as a user runs it."""
    return subprocess.run([BRIEF, *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, **kwargs)


def require_tool(path_or_name: str) -> str:
    """The tool's path; skip when absent, except in CI where a skip would hide a gap."""
    found = shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} is not installed"
    if os.environ.get("BEDFELLOWS_REQUIRE_TOOLS"):
        pytest.fail(message + " (BEDFELLOWS_REQUIRE_TOOLS is set, as in CI)")
    pytest.skip(message)
