"""The files a dataset is read from, and what a check of it read (pandas-free: the builder
checksums them and reads back what a build used)."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.core import provenance
from analysis.core.cache import cache_dir
from analysis.core.sealed import intact
from analysis.paths import BOUNDARIES

USED = "inputs.json"
"""A validated-cache entry's record of the bytes it was made from (`Used`)."""


def data_files(data_dir: Path) -> list[Path]:
    """Every file the tables are read from: the CSVs, the held documents and the map's
    boundaries."""
    data_dir = Path(data_dir)
    return sorted([*data_dir.glob("*.csv"), *(data_dir / "documents").glob("*"),
                   *[p for p in [data_dir / BOUNDARIES] if p.is_file()]])


def checksums(data_dir: Path, read: dict[str, str] | None = None) -> dict[str, str]:
    """{path under `data_dir`: SHA-256} of every data file; those in `read` as read."""
    data_dir, read = Path(data_dir), read or {}
    names = {p.relative_to(data_dir).as_posix(): p for p in data_files(data_dir)}
    return {name: read.get(name) or provenance.sha256(p) for name, p in names.items()}


@dataclass
class Reads:
    """The data files one check of a dataset read, each once, with the SHA-256 of the very
    bytes read: what it made of them is keyed by those, however the files change meanwhile.
    The bytes of tables small enough to compare row by row are kept for that, and those of
    held documents (several sources may quote one)."""

    data_dir: Path
    keep_under: int = 0
    sums: dict[str, str] = field(default_factory=dict)
    kept: dict[str, bytes | None] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)

    def read(self, path: Path) -> bytes:
        name = path.relative_to(self.data_dir).as_posix()
        if name in self.documents:
            return self.documents[name]
        raw = path.read_bytes()
        self.sums[name] = hashlib.sha256(raw).hexdigest()
        if path.suffix == ".csv":
            self.kept[path.stem] = raw if len(raw) <= self.keep_under else None
        else:
            self.documents[name] = raw
        return raw


@dataclass(frozen=True)
class Used:
    """What a load of the data used: the validated-cache entry (`key`) and the checksums of
    the files it was made from, with the digests of their rows (`changes.row_digests`)."""

    key: str
    files: dict[str, str]
    rows: dict[str, dict[str, str] | None]

    def write(self, folder: Path) -> None:
        (folder / USED).write_text(json.dumps({"files": self.files, "rows": self.rows}),
                                   encoding="utf-8")


def read_used(entry: Path) -> Used:
    """What the validated-cache entry in `entry` was made from."""
    found = json.loads((entry / USED).read_text(encoding="utf-8"))
    return Used(entry.name, found["files"], found["rows"])


def used(key: str) -> Used | None:
    """What the validated-cache entry `key` was made from; None where it has gone or is
    not as it was kept."""
    entry = cache_dir("validated") / key
    try:
        return read_used(entry) if intact(entry, USED) else None
    except (OSError, ValueError, KeyError):
        return None
