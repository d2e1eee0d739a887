"""One build run at a time per output directory: an advisory lock on `<out>/.lock`."""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(directory: Path, on_wait=None):
    """Hold the directory's lock; if another run holds it, call `on_wait(pid)` and wait."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "a+", encoding="utf-8") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                f.seek(0)
                on_wait(f.read().strip() or "unknown")
            fcntl.flock(f, fcntl.LOCK_EX)
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
