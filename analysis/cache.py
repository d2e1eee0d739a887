"""The on-disk cache (XDG_CACHE_HOME/bedfellows): what is slow to make and keyed so that it
can never be stale."""

import os
from pathlib import Path


def cache_dir(*parts: str) -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bedfellows"
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path
