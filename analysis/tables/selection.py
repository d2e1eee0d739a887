"""Selections: which claim rows an evidence tag or an indicator means, declared as text in
the analyst's tables, checked when the data is validated and matched when a brief is built.

    C012                                         one row, by its id
    C012|C013                                    these rows
    diplomatic_contacts: actors=russia+taliban; kind=recognition
    arms_sales: supplier=russia; recipient=taliban; status=contracted|delivered
    fighter_estimates: group=isil-k; measure=fighters; high>=4000; claimant_kind=state

After a table's name, conditions separated by ";", all of which a row meets:
- `column=a|b`: one of these values; for a list column (`actors`), one of them is listed;
- `column=a+b` (list columns): all of them are listed;
- `column!=a|b`: none of them;
- `column>=n`, `>`, `<=`, `<`: a number; or a date (YYYY, YYYY-MM, YYYY-MM-DD), which a
  row's date meets by its whole span (`date>=2021` on or after 1 January 2021);
- `claimant_kind=...`: the kind of actor the claim is attributed to (`actors.kind`).
"""

import operator
import re
from dataclasses import dataclass

import pandas as pd

from analysis.core import dates, lists
from analysis.tables.schema import CLAIM_TABLES, TABLES
from analysis.tables.vocab import ACTOR_KINDS

CLAIMANT_KIND = "claimant_kind"
_CONDITION = re.compile(r"\s*([a-z_]+)\s*(!=|>=|<=|=|>|<)\s*(.*?)\s*")
LIST_COLUMNS = frozenset(column for name in CLAIM_TABLES
                         for column, spec in TABLES[name].columns.items()
                         if (spec.metadata or {}).get("list"))
_ORDER = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


@dataclass(frozen=True)
class Condition:
    column: str
    op: str
    values: tuple[str, ...]
    every: bool = False  # a+b: all listed


@dataclass(frozen=True)
class Selection:
    text: str
    table: str | None  # None: rows by id, in whichever claim table holds them
    ids: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()


class SelectionError(ValueError):
    """Why a selection cannot be read: (what is wrong, what was expected)."""

    def __init__(self, message: str, expected: str):
        super().__init__(message)
        self.expected = expected


def parse(text: str) -> Selection:
    table, colon, rest = text.partition(":")
    if not colon:
        ids = tuple(i.strip() for i in text.split("|"))
        if not all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", i) for i in ids):
            raise SelectionError("not a row id or a selection",
                                 "a row id (C012), ids joined by | or 'table: column=value'")
        return Selection(text, None, ids)
    table = table.strip()
    if table not in CLAIM_TABLES:
        raise SelectionError(f"unknown table {table!r}", "one of " + ", ".join(CLAIM_TABLES))
    conditions = []
    for part in filter(str.strip, rest.split(";")):
        m = _CONDITION.fullmatch(part)
        if not m or not m[3]:
            raise SelectionError(f"cannot read condition {part.strip()!r}",
                                 "column=value, column!=value or column>=number")
        column, op, value = m.groups()
        every = op == "=" and "+" in value
        values = tuple(v.strip() for v in re.split(r"[+|]", value))
        conditions.append(Condition(column, op, values, every))
    if not conditions:
        raise SelectionError("no condition after the table", "at least one column=value")
    return Selection(text, table, (), tuple(conditions))


def problems(selection: Selection, frames: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """What is wrong with `selection` against the validated tables: (message, expected)."""
    ids = {t: frames[t][TABLES[t].metadata["id"]] for t in CLAIM_TABLES
           if t in frames and TABLES[t].metadata["id"] in frames[t]}
    if selection.table is None:
        if len(ids) < sum(t in frames for t in CLAIM_TABLES):
            return []  # a claim table without its id column (reported as missing)
        found = []
        tables: dict[str, str] = {}  # table -> its first id
        for i in selection.ids:
            holders = [t for t, column in ids.items() if (column == i).any()]
            if not holders:
                found.append((f"unknown row id {i!r}", "the id of a row in a claim table"))
            elif len(holders) > 1:
                found.append((f"row id {i!r} is in {' and '.join(holders)}",
                              "a selection naming its table: 'table: id_column=...'"))
            else:
                tables.setdefault(holders[0], i)
        if len(tables) > 1:  # rows are matched in one table: the others' would be lost
            found.append((f"ids of {len(tables)} tables ("
                          + ", ".join(f"{i} in {t}" for t, i in tables.items()) + ")",
                          "ids of one claim table (a tag or indicator for each table)"))
        return found
    schema = TABLES[selection.table]
    known = ({"actors": set(frames["actors"]["actor_id"].dropna())}
             if "actors" in frames and "actor_id" in frames["actors"] else {})
    found = []
    for c in selection.conditions:
        vocabulary: set[str] | None
        if c.column == CLAIMANT_KIND:
            vocabulary, kind = set(ACTOR_KINDS), None
        elif c.column not in schema.columns:
            found.append((f"unknown column {c.column!r} of {selection.table}",
                          "one of " + ", ".join([*schema.columns, CLAIMANT_KIND])))
            continue
        else:
            spec = schema.columns[c.column]
            vocabulary = _vocabulary(spec)
            meta = spec.metadata or {}
            if meta.get("references") == "actors":
                vocabulary = known.get("actors")
            kind = meta.get("kind") or ("number" if str(spec.dtype) in ("Int64", "Float64")
                                        else None)
        if c.every and c.column not in LIST_COLUMNS:
            found.append((f"'+' on {c.column}, which is not a list", "values joined by |"))
        if c.op in _ORDER:
            if kind not in ("number", "partial date") or len(c.values) != 1:
                found.append((f"{c.op} on {c.column}", "a number or date column and one "
                              "value"))
            elif kind == "number" and not _is_number(c.values[0]):
                found.append((f"{c.column}{c.op}{c.values[0]}", "a number"))
            elif kind == "partial date" and not dates.is_valid(pd.Series(c.values)).all():
                found.append((f"{c.column}{c.op}{c.values[0]}", "a date YYYY, YYYY-MM or "
                              "YYYY-MM-DD"))
        elif vocabulary is not None:
            for v in c.values:
                if v not in vocabulary:
                    found.append((f"{c.column}={v}: no such value",
                                  "one of " + ", ".join(sorted(map(str, vocabulary)))[:300]))
    return found


def _vocabulary(spec) -> set[str] | None:
    for check in spec.checks:
        allowed = check.statistics.get("allowed_values")
        if allowed is not None:
            return {str(v) for v in allowed}
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def rows(selection: Selection, frames: dict[str, pd.DataFrame], actors: pd.DataFrame
         ) -> tuple[str, pd.Index] | None:
    """(table, labels) of the rows `selection` means in these claim tables (name -> frame);
    None when it means rows by id and none is in them (not yet reported, say)."""
    if selection.table is None:
        for name, frame in frames.items():
            id_column = TABLES[name].metadata["id"]
            hit = frame.index[frame[id_column].isin(selection.ids).to_numpy()]
            if len(hit):
                return name, hit
        return None
    frame = frames[selection.table]
    keep = pd.Series(True, index=frame.index)
    for c in selection.conditions:
        keep &= _meets(frame, c, actors)
    return selection.table, frame.index[keep.to_numpy()]


def _meets(frame: pd.DataFrame, c: Condition, actors: pd.DataFrame) -> pd.Series:
    if c.op in _ORDER:
        value = c.values[0]
        if f"{c.column}_first" in frame:  # a date: its span against the value's span
            span = dates.spans(pd.Series([value])).iloc[0]
            if c.op.startswith(">"):
                side, bound = frame[f"{c.column}_first"], span["first" if c.op == ">=" else
                                                              "last"]
            else:
                side, bound = frame[f"{c.column}_last"], span["last" if c.op == "<=" else
                                                             "first"]
            return _ORDER[c.op](side, bound).fillna(False).astype(bool)
        return _ORDER[c.op](frame[c.column].astype("Float64"), float(value)
                            ).fillna(False).astype(bool)
    if c.column == CLAIMANT_KIND:
        column = frame["attributed_to"].map(actors.set_index("actor_id")["kind"])
    else:
        column = frame[c.column]
    wanted = set(c.values)
    if c.column in LIST_COLUMNS:
        items = lists.items(column)
        hits = items[items.isin(wanted)]
        if c.every:
            counts = hits.groupby(level=0).nunique()
            matched = counts.index[counts == len(wanted)]
        else:
            matched = hits.index.unique()
        found = pd.Series(frame.index.isin(matched), index=frame.index)
    else:
        found = column.astype("string").isin(wanted).fillna(False).astype(bool)
    return ~found if c.op == "!=" else found

