"""Whether a brief needs building: a digest of everything its output depends on.

The notebook, the data files (tables and held documents), the parameter values, the
dependency lock, and the package itself (its code, templates and fonts). A brief whose
digest equals its last good build's is up to date.
"""

import hashlib
import json
from pathlib import Path

from . import provenance
from .config import ROOT, BriefConfig

PACKAGE = Path(__file__).resolve().parent
LOCK = ROOT / "requirements.lock"
IGNORED = {"previous"}  # set by the builder to the last edition: not an input of its own


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(brief: BriefConfig, values: dict) -> str:
    data_dir = Path(values.get("data_dir") or ROOT / "data")
    h = hashlib.sha256()
    h.update(json.dumps({k: v for k, v in values.items() if k not in IGNORED},
                        sort_keys=True, default=str).encode())
    h.update(json.dumps(sorted(brief.formats)).encode())
    files = [brief.notebook, LOCK, *provenance.data_files(data_dir),
             *package_files()]
    for path in files:
        if path.is_file():
            h.update(f"{path.name}\0{provenance.sha256(path)}\n".encode())
    return h.hexdigest()


def read_manifest(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def last_good(brief_dir: Path) -> dict | None:
    """The manifest of the brief's last good edition, if any."""
    return read_manifest(brief_dir / "latest" / "manifest.json")
