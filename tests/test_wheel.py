"""A built wheel is the whole package: a non-editable install (as every Dask worker needs)
carries the templates and fonts and builds a brief."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from analysis import paths
from conftest import DEFAULT_BRIEF, FIXTURES, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of a clean copy of the source (what a build of a fresh clone sees: no
    SOURCES.txt left by an earlier build lists files for it), built in an isolated build
    environment, as pyproject.toml's build-system asks."""
    out = tmp_path_factory.mktemp("wheel")
    source = out / "source"
    shutil.copytree(paths.PACKAGE, source / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--wheel-dir", str(out), str(source)], check=True, capture_output=True)
    [built] = out.glob("bedfellows-*.whl")
    return built


def test_the_wheel_carries_every_module_template_and_font(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {p.relative_to(ROOT).as_posix() for p in paths.PACKAGE.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert source <= names, sorted(source - names)
    assert {"analysis/render/templates/brief/index.html.j2",
            "analysis/render/fonts/BedfellowsSans-Regular.ttf"} <= names


def test_a_venv_installed_from_the_wheel_builds_a_brief(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys._base_executable, "-m", "venv", "--without-pip", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"], check=True,
                             capture_output=True, text=True).stdout.strip()
    # the dependencies come from this environment (no download); the package from the wheel
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True)
    where = subprocess.run([str(python), "-c", "import analysis; print(analysis.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert Path(where).is_relative_to(venv), where
    project = tmp_path / "project"  # the configuration and notebooks, not the checkout
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    shutil.copy(ROOT / "briefs.toml", project)
    # ... and so do their data files (nbconvert's base templates)
    env = {**os.environ, "JUPYTER_PATH": str(Path(sys.prefix, "share", "jupyter"))}
    result = subprocess.run(
        [str(venv / "bin" / "brief"), "build", "--config", str(project / "briefs.toml"),
         "--data", str(FIXTURES / "data"), "--out", str(tmp_path / "reports")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    latest = tmp_path / "reports" / DEFAULT_BRIEF / "latest"
    assert "Bedfellows Sans" in (latest / f"{DEFAULT_BRIEF}.html").read_text(encoding="utf-8")
    assert (latest / f"{DEFAULT_BRIEF}.pdf").stat().st_size > 10_000
