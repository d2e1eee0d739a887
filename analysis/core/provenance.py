"""What a brief was built from: input checksums and package versions (pandas-free: the
builder records them)."""

import hashlib
import os
import subprocess
import time
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from pathlib import Path

from analysis import paths
from analysis.core.cache import cache_dir, kept

PACKAGES = ("bedfellows", "pandas", "pandera", "altair", "vl-convert-python", "papermill",
            "nbconvert", "nbclient", "weasyprint")


REMEMBER_FROM = 1 << 20  # bytes: smaller files hash faster than their checksum is looked up
SETTLED = 2.0  # seconds: a file written more recently may still change within its timestamp


def sha256(path: Path) -> str:
    """The file's SHA-256. A big file's is kept on disk, keyed by what any write changes
    (device, inode, size, modification and change times, to the nanosecond), so a build
    hashes a whole database once, not on every build. As git does, a file changed in the
    last seconds is hashed afresh: a timestamp has a resolution, and a write in the same
    tick would leave it as it was."""
    st = os.stat(path)
    if st.st_size < REMEMBER_FROM or time.time() - max(st.st_mtime, st.st_ctime) < SETTLED:
        return _hash(path)
    key = hashlib.sha256(f"{os.path.abspath(path)}\0{st.st_dev}\0{st.st_ino}\0{st.st_size}\0"
                         f"{st.st_mtime_ns}\0{st.st_ctime_ns}".encode()).hexdigest()
    return kept(cache_dir("sha256") / key, lambda: _hash(path).encode(), "checksum").decode()


def _hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def digest(files: list[Path], root: Path | None = None) -> str:
    """One checksum for a set of files: SHA-256 over their names (their paths under `root`,
    if given) and SHA-256s."""
    return digest_of({p.relative_to(root).as_posix() if root else p.name: sha256(p)
                      for p in files})


def digest_of(sums: dict[str, str]) -> str:
    """One checksum for files given as {name: SHA-256}."""
    h = hashlib.sha256()
    for name in sorted(sums):
        h.update(f"{name}\0{sums[name]}\n".encode())
    return h.hexdigest()


def checksums(files: list[Path], root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256(p) for p in files}


def build_time() -> datetime:
    """When a brief says it was built: now, or the moment `SOURCE_DATE_EPOCH` gives (the
    reproducible-builds convention: the same inputs then make the same files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def versions() -> dict[str, str]:
    """Each package's version; the project's own names the code that ran (`code_version`)."""
    found = {name: metadata.version(name) for name in PACKAGES}
    found[PACKAGES[0]] = code_version(found[PACKAGES[0]])
    return found


@cache
def code_version(release: str, root: Path = paths.ROOT) -> str:
    """`release` with the commit of the checkout the package runs from, as a local version
    label ('0.1.0+g23f12537c0a1', '.dirty' when files differ from it); `release` alone
    where there is no checkout of its own (an installed wheel) or no git."""
    if not (root / ".git").exists():
        return release
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "describe", "--always", "--abbrev=12", "--dirty=.dirty",
             "--exclude=*"], capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return release
    return f"{release}+g{commit.strip()}" if commit.strip() else release
