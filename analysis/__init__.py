"""Bedfellows: curated, sourced tables turned into analytic briefs."""

from .errors import BedfellowsError, DataError, ParameterError, Problem
from .load import DEFAULT_DATA_DIR, Tables, load_tables

__all__ = [
    "BedfellowsError", "DataError", "ParameterError", "Problem",
    "DEFAULT_DATA_DIR", "Tables", "load_tables",
]
