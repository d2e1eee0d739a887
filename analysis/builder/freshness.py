"""Whether a brief needs building: a digest of everything its output depends on.

The notebook, the data files (tables and held documents), the parameter values, the
dependency lock, and the package itself (its code, templates and fonts). A brief whose
digest equals its last good build's is up to date.
"""

import hashlib
import json
from pathlib import Path

from analysis import paths
from analysis.builder.config import BriefConfig
from analysis.core import provenance
from analysis.tables.files import checksums

IGNORED = {"previous"}  # set by the builder to the last edition: not an input of its own


def package_files() -> list[Path]:
    return sorted(p for p in paths.PACKAGE.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def data_dir(values: dict) -> Path:
    return Path(values.get("data_dir") or paths.DATA)


def inputs_digest(brief: BriefConfig, values: dict, data: dict[str, str] | None = None
                  ) -> str:
    """`data`: the data files' checksums as a build read them (`files.Used.files`); by
    default, as they are now."""
    h = hashlib.sha256()
    h.update(json.dumps({k: v for k, v in values.items() if k not in IGNORED},
                        sort_keys=True, default=str).encode())
    h.update(json.dumps(sorted(brief.formats)).encode())
    h.update(provenance.digest_of(data or checksums(data_dir(values))).encode())
    for path in [brief.notebook, paths.LOCK, *package_files()]:
        if path.is_file():
            h.update(f"{path.name}\0{provenance.sha256(path)}\n".encode())
    return h.hexdigest()

