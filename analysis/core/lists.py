"""List cells ("a; b; c"): their items, split in Arrow, not one Python call per row."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

LIST_SEPARATOR = ";"
"""Between the items of a list cell (the tables' `list` columns)."""


def items(cells: pd.Series, separator: str = LIST_SEPARATOR) -> pd.Series:
    """One value per item of each cell, stripped, indexed by its cell's index label, in
    order; an empty cell gives none. The same as
    `cells.dropna().str.split(separator).explode().str.strip()`."""
    lists = pc.split_pattern(pa.array(cells.astype("str"), from_pandas=True), separator)
    values = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    return pd.Series(values, dtype="str", name=cells.name,
                     index=cells.index[pc.list_parent_indices(lists).to_numpy()])


def together(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, second): the positions of every two items with the same row, first <
    second. Each row's items are together, so these are the items `gap` apart within one
    row, for every gap."""
    first, second = [], []
    for gap in range(1, len(rows)):
        same = np.flatnonzero(rows[:-gap] == rows[gap:])
        if not len(same):  # no row has more items than `gap`
            break
        first.append(same)
        second.append(same + gap)
    none = np.empty(0, int)
    return np.concatenate([none, *first]), np.concatenate([none, *second])
