"""A build's `manifest.json`: what it was built from (parameters, input checksums, row
digests, versions), how it went (status, timings, failure), and where a brief's builds
are kept: `<brief>/<edition id>/` (every edition, never overwritten), `<brief>/latest/`
(a copy of the last good edition) and `<brief>/failed/` (the last failed build).

An edition's id is its day (the as-of day, else the day it was built), and from the
second edition of that day on, its number that day: `2026-12-02`, `2026-12-02.2`, ...
"""

import json
import re
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from analysis import paths
from analysis.builder.config import BriefConfig
from analysis.core import provenance
from analysis.tables import changes

NAME = "manifest.json"
LATEST, FAILED = "latest", "failed"
CONTENTS = "contents"
"""The key of an edition's table of contents: the next build lays out its print page's
first part ahead with it (`render.ahead`)."""
EDITION_ID = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\.(\d+))?")


class Status(StrEnum):
    """Where a brief's build stands: as a run reports it, and as a manifest records it."""

    WAITING = "waiting"
    BUILDING = "building"
    BUILT = "built"
    UP_TO_DATE = "up to date"
    FAILED = "failed"


def editions(brief_dir: Path) -> list[Path]:
    """The brief's edition folders, oldest first (by day, then number that day)."""
    found = [(m, p) for p in (brief_dir.iterdir() if brief_dir.is_dir() else [])
             if p.is_dir() and (m := EDITION_ID.fullmatch(p.name))]
    return [p for m, p in sorted(found, key=lambda mp: (mp[0][1], int(mp[0][2] or 1)))]


def good(brief_dir: Path) -> list[tuple[Path, dict, Path | None]]:
    """The brief's good editions, oldest first: each folder with its manifest, and the
    manifest of the good edition before it (None for the first), for its news."""
    found = [(p, r) for p in editions(brief_dir)
             if (r := read(p)) and r.get("status") == Status.BUILT]
    return [(p, r, found[i - 1][0] / NAME if i else None) for i, (p, r) in enumerate(found)]


def next_edition_id(brief_dir: Path, day: str) -> str:
    """The id of a new edition of `day`: the day itself, or its next number that day."""
    numbers = [int(m[2] or 1) for p in editions(brief_dir)
               if (m := EDITION_ID.fullmatch(p.name)) and m[1] == day]
    return f"{day}.{max(numbers) + 1}" if numbers else day


def record(brief: BriefConfig, values: dict, edition: str) -> dict:
    """The manifest of a build about to start: what it is built from (its data: `data`)."""
    return {
        "brief": brief.name,
        "edition": edition,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": values,
        "inputs": {str(p): provenance.sha256(p) for p in [brief.notebook, paths.LOCK]
                   if p.is_file()},
        "versions": provenance.versions(),
    }


def data(record: dict, data_dir: Path, sums: dict[str, str], rows: dict | None) -> dict:
    """`record` with its data: each file's checksum (`sums`, by path under `data_dir`),
    and its rows' digests for the next edition to compare with (`changes.compare`)."""
    inputs = {**record["inputs"], **{str(data_dir / name): s for name, s in sums.items()}}
    found = {**record, "inputs": inputs}
    if rows is not None:
        found.update(rows=rows, rows_version=changes.ROWS_VERSION)
    return found


def write(folder: Path, manifest: dict) -> None:
    (folder / NAME).write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                               encoding="utf-8")


def read(folder: Path) -> dict | None:
    """The manifest in `folder`, or None where there is none (or none that can be read)."""
    try:
        return json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def previous(brief_dir: Path) -> Path | None:
    """The manifest of the last good edition, in that edition's own folder (which a later
    build never replaces), for "what changed" to compare with; None before the first."""
    latest = last_good(brief_dir)
    if latest is None:
        return None
    own = brief_dir / edition_id(latest) / NAME
    return own if own.is_file() else brief_dir / LATEST / NAME


def edition_id(record: dict) -> str:
    """A manifest's edition id (manifests before ids were kept name only the day)."""
    return record.get("edition_id") or record["edition"]


def last_good(brief_dir: Path) -> dict | None:
    """The manifest of the brief's last good edition, if any."""
    return read(brief_dir / LATEST)


def last_failure(brief_dir: Path) -> dict | None:
    """The manifest of the brief's failed build when that is its last build (a later good
    edition leaves an earlier failure behind)."""
    latest, failed = last_good(brief_dir), read(brief_dir / FAILED)
    if failed and (not latest or failed.get("built_at", "") >= latest.get("built_at", "")):
        return failed
    return None
