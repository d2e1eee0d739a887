"""Publishing builds without ever exposing a half-written brief.

A build is written into a staging directory beside its destination and moved into place
by rename. Replacing an edition swaps the old directory out and the new one in with two
renames; the old one is deleted only afterwards, so a crash leaves a complete brief
(new or old), never a mixed one.
"""

import os
import shutil
import tempfile
from pathlib import Path


def staging(parent: Path, prefix: str) -> Path:
    """A new, empty directory beside where its contents will be published, with the
    permissions the user's umask gives (mkdtemp alone would make it private)."""
    parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f".{prefix}-", dir=parent))
    path.chmod(0o777 & ~umask())
    return path


def umask() -> int:
    """The user's umask, made to forbid writing by others: output is never world-writable.
    (Applied to the process, so every file the build writes gets it.)"""
    current = os.umask(0)
    os.umask(current | 0o002)
    return current | 0o002


def replace_dir(staged: Path, target: Path) -> None:
    """Move `staged` to `target`, replacing what was there."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.rename(target, old)
    os.rename(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def copy_dir(source: Path, target: Path) -> None:
    """Publish a copy of `source` at `target` (hard links where the filesystem allows)."""
    staged = staging(target.parent, target.name)
    for path in source.iterdir():
        try:
            os.link(path, staged / path.name)
        except OSError:
            shutil.copy2(path, staged / path.name)
    replace_dir(staged, target)
