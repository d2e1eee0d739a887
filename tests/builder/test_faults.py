"""Faults during a build: an interrupt, a full disk, a read-only output folder, data edited
mid-build, the kernel killed. Each failure leaves the last good brief byte for byte as it was,
nothing in the output folder but editions (and the kept failure), prints one clear line
and exits with the right code."""

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BRIEF, _missing, private_temp, run_brief

pytestmark = pytest.mark.slow
NAME = "russia-taliban"


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(data_dir, tmp_path):
    """An output folder holding one good edition of the default brief on fixture data."""
    out = tmp_path / "reports"
    result = run_brief("build", "--data", data_dir, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def temp():
    """The build's own temporary folder, which it must leave empty."""
    with private_temp() as tmp:
        yield tmp


def check_left(out: Path, before: dict[str, bytes]):
    """The last good brief as it was, and nothing hidden left behind (nor in the temp
    folder: `temp`, `run_brief`)."""
    assert tree(out / NAME / "latest") == before
    hidden = [p.name for p in (out / NAME).iterdir() if p.name.startswith(".")]
    assert hidden == [], hidden
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] in ([], [".lock"])


def start(data_dir, out, temp: Path) -> subprocess.Popen:
    return subprocess.Popen([BRIEF, "build", "--force", "--data", str(data_dir), "--out",
                             str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True,
                            env={**os.environ, "TMPDIR": str(temp)})


def wait_until_building(out: Path, timeout=60):
    """Until the build has staged its folder (its kernel is starting or running)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if any(p.name.startswith(".build-") for p in (out / NAME).iterdir()):
            time.sleep(2)
            return
        time.sleep(0.05)
    pytest.fail("the build never started")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupt_cleans_up_and_says_so(published, data_dir, temp, signum, code):
    before = tree(published / NAME / "latest")
    build = start(data_dir, published, temp)
    wait_until_building(published)
    build.send_signal(signum)
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == code
    assert stderr.strip().splitlines()[-1] == "interrupted"
    assert "Traceback" not in stderr + stdout
    check_left(published, before)


def test_data_edited_during_a_build_publishes_what_it_was_made_from(published, data_dir,
                                                                   temp):
    """Whether the edit lands before or after the kernel reads the data, the edition's
    manifest and colophon give the checksum of the bytes its sections show, and the next
    build is up to date only if those were the new ones."""
    build = start(data_dir, published, temp)
    wait_until_building(published)
    path = data_dir / "actors.csv"
    old = path.read_bytes()
    path.write_bytes(old.replace(b"russia,Russia,", b"russia,Russian Federation,"))
    stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 0, stderr
    latest = published / NAME / "latest"
    html = (latest / f"{NAME}.html").read_text(encoding="utf-8")
    made_from_new = "Russian Federation" in html
    used = hashlib.sha256(path.read_bytes() if made_from_new else old).hexdigest()
    record = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert record["inputs"][str(path)] == used
    assert f"<td>actors.csv</td><td>{used}</td>" in html  # the colophon
    assert ("the data changed during the build" in stderr) is not made_from_new
    again = run_brief("build", "--data", data_dir, "--out", published)
    assert again.returncode == 0, again.stderr
    assert ("up to date" in again.stdout) is made_from_new


def test_the_kernel_killed_fails_the_build_cleanly(published, data_dir, temp):
    before = tree(published / NAME / "latest")
    build = start(data_dir, published, temp)
    wait_until_building(published)
    kernels = subprocess.run(["pgrep", "-f", "ipykernel_launcher", "-P", str(build.pid)],
                             capture_output=True, text=True).stdout.split()
    if not kernels:
        pytest.skip("the kernel had finished before it could be killed")
    for pid in kernels:
        os.kill(int(pid), signal.SIGKILL)
    stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 1
    assert f"{NAME}: build failed: " in stderr and "Traceback" not in stderr
    check_left(published, before)


def mount(folder: Path, options: str):
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode:
        reason = f"cannot mount a tmpfs here ({done.stderr.strip()})"
        if os.geteuid() == 0 and "permission denied" in done.stderr.lower():
            pytest.skip(reason + ": this machine denies mounts even to root")
        _missing(reason + ": needs root")


@pytest.fixture
def small_disk(tmp_path, published):
    """The published output folder, moved onto a tmpfs with little room to spare."""
    size = sum(len(b) for b in tree(published).values())
    disk = tmp_path / "disk"
    mount(disk, f"size={size + 600_000}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_fails_with_one_line_and_cleans_up(published, data_dir, small_disk):
    out = small_disk / "reports"
    shutil.copytree(published, out, symlinks=True)
    before = tree(out / NAME / "latest")
    result = run_brief("build", "--force", "--data", data_dir, "--out", out)
    assert result.returncode == 1, result.stderr
    [line] = [x for x in result.stderr.splitlines() if "No space left on device" in x]
    assert line.startswith(f"{NAME}: build failed: cannot write to ")
    assert "Traceback" not in result.stderr
    check_left(out, before)
    again = run_brief("build", "--force", "--data", data_dir, "--out", out)
    assert "No space left on device" in again.stderr, "the same, not a disk left full"


def test_a_write_refused_mid_build_fails_with_one_line_and_cleans_up(published, data_dir):
    """The same fault where no tmpfs can be mounted: the system refuses a write half-way
    (a file size limit smaller than the HTML brief), and nothing is left but editions."""
    before = tree(published / NAME / "latest")
    limit = (published / NAME / "latest" / f"{NAME}.html").stat().st_size // 2

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run_brief("build", "--force", "--data", data_dir, "--out", published,
                       preexec_fn=small_files)
    assert result.returncode == 1, result.stderr
    [line] = [x for x in result.stderr.splitlines() if "File too large" in x]
    assert line.startswith(f"{NAME}: build failed: cannot write to ")
    assert "Traceback" not in result.stderr
    check_left(published, before)


def test_a_read_only_output_folder_fails_with_one_line(published, data_dir, tmp_path):
    disk = tmp_path / "ro"
    mount(disk, "size=50m")
    try:
        out = disk / "reports"
        shutil.copytree(published, out, symlinks=True)
        before = tree(out / NAME / "latest")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = run_brief("build", "--force", "--data", data_dir, "--out", out)
        assert result.returncode == 1, result.stderr
        assert "Read-only file system" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
        assert tree(out / NAME / "latest") == before
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
