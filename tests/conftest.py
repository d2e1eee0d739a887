import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest

# The tests (and the `brief`, Jupyter and kernel processes they start) keep their own cache,
# Jupyter and IPython settings: nothing of the user's is read or written.
_OWN = Path(tempfile.mkdtemp(prefix="brief-tests-"))
atexit.register(shutil.rmtree, _OWN, ignore_errors=True)
for _variable, _folder in [("XDG_CACHE_HOME", "cache"), ("IPYTHONDIR", "ipython"),
                           ("JUPYTER_CONFIG_DIR", "jupyter"),
                           ("JUPYTER_RUNTIME_DIR", "jupyter-runtime")]:
    os.environ[_variable] = str(_OWN / _folder)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = str(Path(sys.executable).with_name("brief"))
DEFAULT_BRIEF = "russia-taliban"
AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A private copy of the small, valid fixture dataset."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", target)
    return target


LATER = FIXTURES / "later"


def moved_on(data_dir: Path) -> Path:
    """`data_dir` (a copy of the fixture data) with the rows of `fixtures/later/` appended
    to each table and their held documents added: the story moved on."""
    for addition in sorted(LATER.glob("*.csv")):
        target = data_dir / addition.name
        header, *rows = addition.read_text(encoding="utf-8").splitlines(keepends=True)
        assert target.read_text(encoding="utf-8").splitlines(keepends=True)[0] == header
        with target.open("a", encoding="utf-8") as f:
            f.writelines(rows)
    for document in (LATER / "documents").iterdir():
        shutil.copy(document, data_dir / "documents" / document.name)
    return data_dir


@pytest.fixture
def later_dir(data_dir) -> Path:
    """The fixture data after the story moved on (`moved_on`)."""
    return moved_on(data_dir)


def run_brief(*args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The real console script, as a user runs it (with `env` added to the environment),
    in a temporary folder of its own that it must leave empty, whether it succeeds or
    fails."""
    with private_temp() as tmp:
        return subprocess.run([BRIEF, *map(str, args)], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL,
                              env={**os.environ, **(env or {}), "TMPDIR": str(tmp)}, **kwargs)


@contextmanager
def private_temp():
    """A new temporary folder for a `brief` process: asserted empty when the block ends
    (what a build leaves in the temp folder a daily job would pile up), then removed."""
    tmp = Path(tempfile.mkdtemp(prefix="brief-test-tmp-"))
    try:
        yield tmp
        left = sorted(p.name for p in tmp.iterdir())
        assert left == [], f"left in the temp folder: {left}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _missing(message: str) -> NoReturn:
    """Skip, except in CI where a skip would hide a gap."""
    if os.environ.get("BEDFELLOWS_REQUIRE_TOOLS"):
        pytest.fail(message + " (BEDFELLOWS_REQUIRE_TOOLS is set, as in CI)")
    pytest.skip(message)


def require_tool(path_or_name: str) -> str:
    """The tool's path; skip when absent, except in CI where a skip would hide a gap."""
    found = shutil.which(path_or_name)
    if found:
        return found
    _missing(f"{path_or_name} is not installed")


def require_axe() -> Path:
    """axe-core's browser bundle, as pinned in tests/axe/package-lock.json; skip when it is
    not installed, except in CI (.ci/run installs it)."""
    if AXE_JS.is_file():
        return AXE_JS
    _missing("axe-core is not installed: npm ci --prefix tests/axe")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The default brief built from the fixture data (Cyrillic, Arabic, a <script> in a
    text field), once per session for every test that reads it."""
    out = tmp_path_factory.mktemp("reports")
    result = run_brief("build", "--data", FIXTURES / "data", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "a good build warns of nothing"
    return out / DEFAULT_BRIEF / "latest"


DAMAGES = ["cut short", "altered", "another entry's", "deleted"]
"""How a kept file can be damaged (a full disk, a crash, a hand): see `damage`."""


def damage(path: Path, how: str, other: bytes) -> None:
    """`path` cut short, one byte of it altered (the same length), replaced by `other` (the
    whole bytes of another entry), or deleted."""
    raw = path.read_bytes()
    if how == "cut short":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "altered":
        middle = len(raw) * 3 // 4
        path.write_bytes(raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1:])
    elif how == "another entry's":
        path.write_bytes(other)
    else:
        path.unlink()
