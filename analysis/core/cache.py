"""The on-disk cache (XDG_CACHE_HOME/bedfellows): what is slow to make and keyed so that it
can never be stale."""

import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from analysis.core import atomic


def cache_dir(*parts: str) -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bedfellows"
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def used(entry: Path) -> None:
    """Marks a cache entry complete and used now: its "done" file's time, to the
    nanosecond (a file system's own clock may tick every few milliseconds)."""
    done, now = entry / "done", time.time_ns()
    done.touch()
    os.utime(done, ns=(now, now))


def prune(root: Path, keep: int) -> None:
    """Removes all but the `keep` most recently used complete entries of `root`. An
    entry's last use is the time of its "done" file, which each use sets first: an entry
    in use is among the newest, and one still being made has no "done" yet."""
    last_use = {}
    for entry in root.iterdir():
        try:
            last_use[entry] = (entry / "done").stat().st_mtime_ns
        except OSError:  # not complete, or removed meanwhile by another build
            continue
    for stale in sorted(last_use, key=last_use.__getitem__, reverse=True)[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


_SEALED = b"bedfellows-sha256:"


def kept(path: Path, make: Callable[[], bytes], what: str) -> bytes:
    """What `make()` makes, kept at `path` with a checksum of its name and bytes: read
    back only while it matches. An entry damaged since it was kept (changed, cut short,
    another entry's bytes) is made again and kept anew, with a one-line notice naming
    `what` it holds."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raw = None
    if raw is not None:
        head, _, data = raw.partition(b"\n")
        if head == _SEALED + _checksum(path, data):
            return data
        # one write: the build's processes share the terminal, lines must not interleave
        sys.stderr.write(f"note: the {what} kept in {path} was damaged; made again\n")
        sys.stderr.flush()
    data = make()
    atomic.write(path, _SEALED + _checksum(path, data) + b"\n" + data)
    return data


def _checksum(path: Path, data: bytes) -> bytes:
    return hashlib.sha256(path.name.encode() + b"\0" + data).hexdigest().encode()
