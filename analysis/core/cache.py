"""The on-disk cache (XDG_CACHE_HOME/bedfellows): what is slow to make and keyed so that it
can never be stale."""

import json
import os
import shutil
import time
from pathlib import Path

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


def intact(entry: Path) -> bool:
    """Whether a complete entry's files are those `seal` recorded: none changed, truncated
    or missing (a big file's checksum is recalled while its size and times stay put)."""
    from analysis.core import provenance

    try:
        sums = json.loads((entry / SEAL).read_text(encoding="utf-8"))
        return bool(sums) and all(provenance.sha256(entry / name) == digest
                                  for name, digest in sums.items())
    except (OSError, ValueError):
        return False
