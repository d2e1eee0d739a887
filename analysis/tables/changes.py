"""What changed since the previous edition of a brief.

Each build records in its manifest a digest of every data row, keyed by table and row id
(the first column of each CSV). The next edition compares its own rows with those digests:
a row is new, changed or unchanged, and rows that have gone are counted. Plain `csv`, no
pandas: the builder computes the digests without loading the analysis stack.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import ParameterError

ROWS_VERSION = 2
"""How row digests are made; editions recorded another way are not compared row by row."""
ROW_DIGESTS_MAX_BYTES = 20_000_000
"""Tables larger than this (database-sized) are compared whole, not row by row: their
digests would outweigh the brief."""


def row_digests(data_dir: Path) -> dict[str, dict[str, str] | None]:
    """{table: {row id: digest of the row's cells}} for every table in `data_dir`; None for
    a table too large to track row by row."""
    return digests({p.stem: p.read_bytes() if p.stat().st_size <= ROW_DIGESTS_MAX_BYTES
                    else None for p in sorted(Path(data_dir).glob("*.csv"))})


def digests(tables: dict[str, bytes | None]) -> dict[str, dict[str, str] | None]:
    """`row_digests` of tables given as {name: CSV bytes, or None when too large}."""
    out: dict[str, dict[str, str] | None] = {}
    for name, raw in tables.items():
        if raw is None:
            out[name] = None
            continue
        text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if rows:
            out[name] = {row[0]: _digest(rows[0], row) for row in rows[1:] if row}
    return out


def _digest(header: list[str], row: list[str]) -> str:
    """The row's filled cells by column name: a new empty column, a reordered one or a
    CRLF line break inside a cell ("\r\n" is read as "\n") changes no row."""
    cells = {c: v.replace("\r\n", "\n") for c, v in zip(header, row, strict=False) if v}
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False, sort_keys=True)
                          .encode()).hexdigest()[:16]


@dataclass
class Changes:
    previous: dict | None  # the previous edition's manifest, or None for a first edition
    new: dict[str, list[str]] = field(default_factory=dict)  # table -> row ids
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    untracked: list[str] = field(default_factory=list)  # tables too large to compare


def previous_edition(manifest: str | Path | None) -> dict | None:
    """The manifest of the edition to compare with (the `previous` parameter); None when
    there is none. A file that is not an edition's manifest is a ParameterError."""
    path = Path(manifest) if manifest else None
    if path is None or not path.is_file():
        return None
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ParameterError(f"previous: {path} is not an edition's manifest.json "
                             f"({type(e).__name__}: {e})") from None
    if not isinstance(found, dict):
        raise ParameterError(f"previous: {path} is not an edition's manifest.json "
                             f"(got a JSON {type(found).__name__}, expected an object)")
    return found


def compare(previous_manifest: str | Path | None,
            rows_now: dict[str, dict[str, str] | None]) -> Changes:
    """Rows new, changed or removed (`rows_now`: `row_digests` of the data now) since the
    edition whose manifest is given. A missing manifest, or one without row digests, makes
    this a first edition."""
    previous = previous_edition(previous_manifest)
    if previous is None:
        return Changes(None)
    before = previous.get("rows")
    if not before:
        return Changes(None)
    changes = Changes(previous)
    comparable = previous.get("rows_version") == ROWS_VERSION
    for table, rows in rows_now.items():
        old = before.get(table, {})
        if rows is None or old is None or not comparable:
            changes.untracked.append(table)
            continue
        changes.new[table] = [r for r in rows if r not in old]
        changes.changed[table] = [r for r in rows if r in old and old[r] != rows[r]]
        changes.removed[table] = [r for r in old if r not in rows]
    return changes
