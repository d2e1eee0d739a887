"""Per-row values computed once per distinct row: a whole database repeats a few thousand
combinations of a few columns, and Python per row is what makes it slow."""

import numpy as np
import pandas as pd


def codes(first, *rest) -> np.ndarray:
    """A code per row, the same for rows with the same values (missing ones included):
    0, 1, 2 ... in order of first appearance."""
    combination, _ = pd.factorize(pd.Series(first), use_na_sentinel=False)
    for column in rest:
        found, values = pd.factorize(pd.Series(column), use_na_sentinel=False)
        combination = pd.factorize(combination * (len(values) + 1) + found)[0]
    return combination.astype("int64")


def each_once(function, *columns) -> list:
    """`[function(*row) for row in zip(*columns)]`, calling `function` once per distinct
    row (missing values count as one value)."""
    combination, rows = _distinct_rows(*columns)
    return np.array([function(*row) for row in rows], dtype=object)[combination].tolist()


def each_result(function, *columns) -> pd.Categorical:
    """`each_once` as a categorical, for many rows and few results: no list of a result per
    row, and grouping or counting by the result groups integers."""
    combination, rows = _distinct_rows(*columns)
    result, results = pd.factorize(pd.Series([function(*row) for row in rows], dtype=object))
    return pd.Categorical.from_codes(result[combination], results)


def _distinct_rows(*columns) -> tuple[np.ndarray, zip]:
    """(each row's code, as `codes` gives it; the first row of each code, in code order)."""
    combination = codes(*columns)
    _, first = np.unique(combination, return_index=True)
    return combination, zip(*(pd.Series(column).iloc[first].tolist() for column in columns),
                            strict=True)


def mapped(values: pd.Series, mapping) -> pd.Series:
    """`values.map(mapping)`, looking each distinct value up once."""
    at, uniques = pd.factorize(values, use_na_sentinel=False)
    found = pd.Series(uniques).map(mapping)
    return pd.Series(found.array.take(at), index=values.index, name=values.name)
