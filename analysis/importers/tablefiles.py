"""What an importer does to the data directory: read a table's CSV as records, merge rows
by id, and write the changed tables and documents only once the whole dataset, with the
changes, validates (on a staged copy: on any problem nothing is written)."""

import csv
import shutil
import tempfile
from datetime import date
from pathlib import Path

from analysis.core import atomic
from analysis.errors import DataError
from analysis.tables.schema import ENTERED

Table = tuple[list[str], list[dict]]
"""A table as (columns, records): the CSV's header and its rows as dicts of text."""


def read(path: Path) -> Table:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, table: Table) -> None:
    columns, records = table
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c) or "" for c in columns} for r in records)


def upsert(table: Table, key: str, rows: list[dict]):
    """Replace rows with the same key, append new ones; (added, changed, unchanged) ids.
    A row that only moves to a newer export (its source) is unchanged, yet updated. Where
    the table records when a row `entered` the data, a row added or changed enters today;
    an unchanged one keeps its day."""
    columns, records = table
    position = {r[key]: i for i, r in enumerate(records)}
    added: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    ignored = {"source_id": "", ENTERED: ""}
    for row in rows:
        row = {c: row.get(c) or "" for c in columns}
        old = records[position[row[key]]] if row[key] in position else None
        same = old is not None and {**old, **ignored} == {**row, **ignored}
        if ENTERED in columns:
            row[ENTERED] = old[ENTERED] if old is not None and same else date.today().isoformat()
        if old is None:
            records.append(row)
            added.append(row[key])
        else:
            (unchanged if same else changed).append(row[key])
            records[position[row[key]]] = row
    return added, changed, unchanged


def commit(data_dir: Path, tables: dict[str, Table], documents: dict[str, str]) -> None:
    """Write `tables` (by name) and held `documents` (file name -> text) into `data_dir`,
    once a copy of the dataset with them validates; DataError, and nothing written, if it
    does not."""
    from analysis.tables import validate

    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "data"
        shutil.copytree(data_dir, staged)
        for name, table in tables.items():
            _write(staged / f"{name}.csv", table)
        (staged / "documents").mkdir(exist_ok=True)
        for name, text in documents.items():
            (staged / "documents" / name).write_text(text, encoding="utf-8")
        _, problems = validate.validate(staged)
        if problems:
            raise DataError(problems)
    write(data_dir, tables, documents)


def write(data_dir: Path, tables: dict[str, Table], documents: dict[str, str]) -> None:
    """Write held `documents`, then `tables`, each file whole (`atomic`); if any cannot be
    written, the new documents written are removed: both or neither."""
    written = []
    try:
        for name, text in documents.items():
            path = data_dir / "documents" / name
            path.parent.mkdir(exist_ok=True)
            if not path.exists():
                written.append(path)
            atomic.write(path, text)
        for name, table in tables.items():
            with atomic.replacing(data_dir / f"{name}.csv") as tmp:
                _write(tmp, table)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
