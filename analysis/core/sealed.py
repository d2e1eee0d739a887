"""Sealed cache entries: the checksum of every file of an entry, recorded when it is made
and checked when it is read, so that a damaged entry is made again, never used. Above
`cache` (where entries live) and `provenance` (how a file's checksum is taken, remembered
for big files in the cache itself): neither imports this."""

import json
from pathlib import Path

from analysis.core import provenance

SEAL = "checksums.json"


def seal(entry: Path) -> None:
    """Records the checksum of every file of a cache entry being made (before `used` marks
    it complete), so that a read can tell it is still as it was written."""
    sums = {p.name: provenance.sha256(p) for p in sorted(entry.iterdir())
            if p.is_file() and p.name not in (SEAL, "done")}
    (entry / SEAL).write_text(json.dumps(sums), encoding="utf-8")


def intact(entry: Path, only: str | None = None) -> bool:
    """Whether a complete entry's files (or its file `only`) are those `seal` recorded:
    none changed, truncated or missing (a big file's checksum is recalled while its size
    and times stay put)."""
    try:
        sums = json.loads((entry / SEAL).read_text(encoding="utf-8"))
        return bool(sums) and only in (None, *sums) and all(
            provenance.sha256(entry / name) == digest
            for name, digest in sums.items() if only in (None, name))
    except (OSError, ValueError):
        return False
