"""An empty dataset: every table's header and nothing else, with a folder for the held
documents. What a new subject starts from (`brief new`); it validates as it is."""

import csv
from pathlib import Path

from analysis.tables.schema import TABLES


def write(folder: Path) -> list[Path]:
    """Every table of `folder` as its header alone (the folder must not hold tables yet);
    the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "documents").mkdir(exist_ok=True)
    written = []
    for name, schema in TABLES.items():
        path = folder / f"{name}.csv"
        with path.open("x", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerow(schema.columns)
        written.append(path)
    return written
