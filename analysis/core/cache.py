"""The on-disk cache (XDG_CACHE_HOME/bedfellows): what is slow to make and keyed so that it
can never be stale."""

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from analysis.core import atomic

SEAL = "checksums.json"


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
    for stale in sorted(last_use, key=last_use.get, reverse=True)[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


def seal(entry: Path) -> None:
    """Records the checksum of every file of a cache entry being made (before `used` marks
    it complete), so that a read can tell it is still as it was written."""
    from analysis.core import provenance

    sums = {p.name: provenance.sha256(p) for p in sorted(entry.iterdir())
            if p.is_file() and p.name not in (SEAL, "done")}
    (entry / SEAL).write_text(json.dumps(sums), encoding="utf-8")


def intact(entry: Path, only: str | None = None) -> bool:
    """Whether a complete entry's files (or its file `only`) are those `seal` recorded:
    none changed, truncated or missing (a big file's checksum is recalled while its size
    and times stay put)."""
    from analysis.core import provenance

    try:
        sums = json.loads((entry / SEAL).read_text(encoding="utf-8"))
        return bool(sums) and only in (None, *sums) and all(
            provenance.sha256(entry / name) == digest
            for name, digest in sums.items() if only in (None, name))
    except (OSError, ValueError):
        return False


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
