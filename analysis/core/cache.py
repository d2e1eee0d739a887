"""The on-disk cache (XDG_CACHE_HOME/bedfellows): what is slow to make and keyed so that it
can never be stale."""

import os
import shutil
import time
from pathlib import Path


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
