"""Files written so that a reader never sees half of one: into a temporary file beside the
target, then moved over it by rename (atomic on one file system)."""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; moved onto `path` when the block ends,
    removed if it raises. The name is the process's and thread's own, so parallel writers
    never share one."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        yield tmp
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write(path: Path, data: bytes | str) -> None:
    """`data` (text as UTF-8) written to `path` atomically."""
    with replacing(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
