"""Bedfellows: curated, sourced tables turned into analytic briefs.

`load_tables` is the one way notebooks read the data. It is imported lazily, so the
command line answers `--help` and rejects bad parameters without loading pandas.
"""

from .errors import BedfellowsError, DataError, ParameterError, Problem

__all__ = ["BedfellowsError", "DataError", "ParameterError", "Problem",
           "DEFAULT_DATA_DIR", "Tables", "load_tables"]


def __getattr__(name):
    if name in ("DEFAULT_DATA_DIR", "Tables", "load_tables"):
        from . import load

        return getattr(load, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
