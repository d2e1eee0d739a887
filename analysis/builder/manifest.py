"""A build's `manifest.json`: what it was built from (parameters, input checksums, row
digests, versions), how it went (status, timings, failure), and where a brief's builds
are kept: `<brief>/<edition>/`, `<brief>/latest/` (the last good edition) and
`<brief>/failed/` (the last failed build)."""

import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from analysis import paths
from analysis.builder.config import BriefConfig
from analysis.core import provenance
from analysis.tables import changes
from analysis.tables.files import data_files

NAME = "manifest.json"
LATEST, FAILED = "latest", "failed"


class Status(StrEnum):
    """Where a brief's build stands: as a run reports it, and as a manifest records it."""

    WAITING = "waiting"
    BUILDING = "building"
    BUILT = "built"
    UP_TO_DATE = "up to date"
    FAILED = "failed"


def record(brief: BriefConfig, values: dict, edition: str, digest: str | None) -> dict:
    """The manifest of a build about to start: what it is built from."""
    data_dir = Path(values.get("data_dir") or paths.DATA)
    files = [brief.notebook, paths.LOCK, *data_files(data_dir)]
    return {
        "brief": brief.name,
        "edition": edition,
        "digest": digest,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": values,
        "inputs": {str(p): provenance.sha256(p) for p in files if p.is_file()},
        **changes.recorded(data_dir),
        "versions": provenance.versions(),
    }


def write(folder: Path, manifest: dict) -> None:
    (folder / NAME).write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                               encoding="utf-8")


def read(folder: Path) -> dict | None:
    """The manifest in `folder`, or None where there is none (or none that can be read)."""
    try:
        return json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


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
