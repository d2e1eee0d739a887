"""What an unexpected error leaves behind: its traceback in a log file, so that the
command line can say what went wrong in one line and where the rest is."""

import os
import time
import traceback
from pathlib import Path

from analysis.core.cache import cache_dir


def save(error: BaseException, doing: str) -> Path:
    """The log file now holding `error`'s traceback and what was being done."""
    path = cache_dir("logs") / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    path.write_text(f"while {doing}:\n" + "".join(traceback.format_exception(error)),
                    encoding="utf-8")
    return path


def line(error: BaseException, doing: str) -> str:
    """One line for an unexpected error, its traceback saved (`save`)."""
    first = (str(error).strip().splitlines() or [""])[0]
    try:
        where = f" (traceback in {save(error, doing)})"
    except OSError:  # the disk is full, say: the line is all there is
        where = ""
    return f"internal error while {doing}: {type(error).__name__}: {first}{where}"


def disk(error: OSError, folder) -> str:
    """One line for a file system error: the folder (or file) and the system's reason."""
    return f"cannot write to {error.filename or folder}: {error.strerror or error}"
