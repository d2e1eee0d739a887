"""Bedfellows: curated, sourced tables turned into analytic briefs.

`load_tables` is the one way notebooks read the data. It is imported lazily, so the
command line answers `--help` and rejects bad parameters without loading pandas. The
layers, and what each may import, are in docs/architecture.md.
"""

from analysis.errors import BedfellowsError, DataError, ParameterError, Problem

__all__ = ["BedfellowsError", "DataError", "ParameterError", "Problem", "Tables",
           "load_tables"]


def __getattr__(name):
    if name in ("Tables", "load_tables"):
        from analysis.tables import load

        return getattr(load, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
