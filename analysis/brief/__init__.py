"""What a notebook calls: the `Brief` front and its sections, the citations they number,
and the analyst's prose with its references resolved.

In Jupyter, a bad parameter or bad data is reported as on the command line, in one line,
not as a traceback (a build still sees the error and fails)."""

import os
import sys

from analysis.brief.brief import Brief
from analysis.contract import BUILD_ENV
from analysis.errors import BedfellowsError


def _one_line(shell, etype, value, tb, tb_offset=None):
    print(f"error: {value}", file=sys.stderr)


def _in_jupyter() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and not os.environ.get(BUILD_ENV):
        shell.set_custom_exc((BedfellowsError,), _one_line)


_in_jupyter()

__all__ = ["Brief"]
