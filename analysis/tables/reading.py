"""Read a CSV file the way spreadsheets write it, reporting what is wrong with it.

Accepts a UTF-8 BOM, CRLF line endings, and quoted fields with commas and line breaks.
The returned frame has every column as text (empty cells are NA) and is indexed by the
spreadsheet row number: the header is row 1, the first record row 2.
"""

import csv
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from analysis.errors import Problem


def read_csv(path: Path, expected_columns: list[str]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The file's rows as text, or None when the file cannot be read at all."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, message="missing file",
                              expected=f"a CSV file at {path}")]
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    error = _not_utf8(raw)
    if error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, message="not UTF-8 text",
                              got=f"byte 0x{raw[error.start]:02x}",
                              expected="UTF-8 (save as 'CSV UTF-8')")]
    if not raw or raw.isspace():  # stops at the first byte that is not a space
        return None, [Problem(name, message="empty file",
                              expected="a header row: " + ",".join(expected_columns))]
    # the header is the first line (a character cut at the end of the slice is dropped)
    header = next(csv.reader(io.StringIO(raw[:65536].decode("utf-8", errors="ignore"))))
    problems = _header_problems(name, header, expected_columns)
    if len(set(header)) != len(header):
        return None, problems
    frame, ragged = _parse_fast(raw, header)
    if ragged:
        frame, problems_ = _parse_slow(name, raw.decode("utf-8"), header)
        problems += problems_
    return frame, problems


def _not_utf8(raw: bytes) -> UnicodeDecodeError | None:
    """Where `raw` is not UTF-8, if it is not. Arrow checks the whole file in place, as one
    binary value, without copying it or making text of it; Python's decoder, which says
    where, runs only on a file that fails."""
    ends = pa.array([0, len(raw)], pa.int64()).buffers()[1]
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, ends, pa.py_buffer(raw)])
    try:
        whole.cast(pa.large_string())
        return None
    except pa.ArrowInvalid:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return e
        raise


def _header_problems(name: str, header: list[str], expected: list[str]) -> list[Problem]:
    problems = []
    seen = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column, "duplicate column",
                                    expected="each column once"))
        elif column not in expected:
            problems.append(Problem(name, 1, column, "unknown column",
                                    expected="one of: " + ", ".join(expected)))
        seen.add(column)
    for column in expected:
        if column not in seen:
            problems.append(Problem(name, 1, column, "missing column",
                                    expected=f"a column named {column!r}"))
    return problems


def _parse_fast(data: bytes, header: list[str]) -> tuple[pd.DataFrame, bool]:
    """pyarrow's multi-threaded parser on the file's UTF-8 bytes; reports only whether any
    row was ragged."""
    ragged = []
    table = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
        parse_options=pacsv.ParseOptions(
            newlines_in_values=True,
            invalid_row_handler=lambda row: ragged.append(row) or "skip",
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.large_string() for c in header}, null_values=[""],
            strings_can_be_null=True, quoted_strings_can_be_null=True,
        ),
    )
    frame = table.to_pandas()
    frame.index = pd.RangeIndex(2, 2 + len(frame))
    return frame, bool(ragged)


def _parse_slow(name: str, text: str, header: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """The standard library's parser, which knows every record's row number."""
    problems, rows, numbers = [], [], []
    records = (r for r in csv.reader(io.StringIO(text)) if r)  # pyarrow skips blank lines too
    for number, record in enumerate(records, start=1):
        if number == 1:
            continue
        if len(record) != len(header):
            problems.append(Problem(name, number, message="wrong number of fields",
                                    got=len(record), expected=f"{len(header)} fields"))
        else:
            rows.append(record)
            numbers.append(number)
    frame = pd.DataFrame(rows, columns=header, index=numbers, dtype="str")
    return frame.mask(frame == ""), problems
