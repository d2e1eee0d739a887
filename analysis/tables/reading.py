"""Read a CSV file the way spreadsheets write it, reporting what is wrong with it.

Accepts a UTF-8 BOM, CRLF line endings, and quoted fields with commas and line breaks.
The returned frame has every column as text (empty cells are NA) and is indexed by the
spreadsheet row number: the header is row 1, the first record row 2.
"""

import csv
import difflib
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from analysis.errors import Problem


def read_csv(path: Path, expected_columns: list[str], read=Path.read_bytes
             ) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The file's rows as text (its bytes as `read` gives them), or None when the file
    cannot be read at all."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, message="missing file",
                              expected=f"a CSV file at {path}")]
    raw = read(path).removeprefix(b"\xef\xbb\xbf")
    error = _not_utf8(raw)
    if error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, message="not UTF-8 text",
                              got=f"byte 0x{raw[error.start]:02x}",
                              expected="UTF-8 (save as 'CSV UTF-8')")]
    if not raw or raw.isspace():  # stops at the first byte that is not a space
        return None, [Problem(name, message="empty file",
                              expected="a header row: " + ",".join(expected_columns))]
    if b"\r" in raw and b"\n" not in raw:
        return None, [Problem(name, message="old Mac line endings (CR only)",
                              expected="lines ending in LF or CRLF (save as 'CSV UTF-8')")]
    first = raw.split(b"\n", 1)[0]
    if len(first) > HEADER_LIMIT:
        return None, [Problem(name, 1, message="header line too long",
                              got=f"{len(first):,} bytes",
                              expected=f"a header of the {len(expected_columns)} columns")]
    header = next(csv.reader(io.StringIO(first.decode("utf-8"))), [])
    problems = _header_problems(name, header, expected_columns)
    if len(set(header)) != len(header) or len(header) > 2 * len(expected_columns) + 10:
        return None, problems
    try:
        frame, ragged = _parse_fast(raw, header)
    except pa.ArrowInvalid:  # a field larger than the parser's block, say
        ragged = True
    if ragged:
        frame, problems_ = _parse_slow(name, raw.decode("utf-8"), header)
        problems += problems_
    return _cut(name, frame, problems)


def _cut(name: str, frame: pd.DataFrame, problems: list[Problem]):
    """Cells over `FIELD_LIMIT` characters reported and left empty (no table means one)."""
    for column in frame.columns:
        lengths = frame[column].str.len()
        over = (lengths > FIELD_LIMIT).fillna(False).to_numpy()
        if over.any():
            for row, n in lengths[over].items():
                problems.append(Problem(name, row, column, "a cell too large",
                                        f"{int(n):,} characters",
                                        f"at most {FIELD_LIMIT:,} characters"))
            frame[column] = frame[column].mask(over)
    return frame, problems


HEADER_LIMIT = 65_536
"""Bytes a header line may take (the tables' headers take a few hundred)."""
FIELD_LIMIT = 1_000_000
"""Characters one cell may hold (the longest quote in the data holds a few hundred)."""


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
    """Each column duplicated, unknown or missing; a missing column with a near name in
    the header (`Date`, `source id`, `soruce_id`) is reported once, as misnamed."""
    unknown = [c for c in header if c not in expected]
    if len(unknown) > 10:  # a mangled header: say so once, not a line per cell
        return [Problem(name, 1, message=f"{len(unknown):,} unknown columns",
                        got=", ".join(unknown[:5]) + ", ...",
                        expected="the header: " + ",".join(expected))]
    problems, renamed = [], {}
    for column in expected:
        if column not in header:
            near = _near(column, [c for c in unknown if c not in renamed])
            if near is not None:
                renamed[near] = column
            problems.append(Problem(name, 1, column, "misnamed column" if near else
                                    "missing column", near, f"a column named {column!r}"))
    seen = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column, "duplicate column",
                                    expected="each column once"))
        elif column not in expected and column not in renamed:
            problems.append(Problem(name, 1, column, "unknown column",
                                    expected="one of: " + ", ".join(expected)))
        seen.add(column)
    return problems


def _near(column: str, names: list[str]) -> str | None:
    """The name in `names` that most likely means `column`: the same but for case, spaces
    and hyphens, else one spelled nearly alike."""
    def plain(text: str) -> str:
        return "".join(c for c in text.casefold() if c.isalnum())
    same = [n for n in names if plain(n) == plain(column)]
    close = difflib.get_close_matches(column, names, n=1, cutoff=0.75)
    matches = same or close
    return matches[0] if matches else None


def _parse_fast(data: bytes, header: list[str]) -> tuple[pd.DataFrame, bool]:
    """pyarrow's multi-threaded parser on the file's UTF-8 bytes; reports only whether any
    row was ragged."""
    ragged: list[object] = []

    def skip(row: object) -> str:  # notes the ragged row and leaves it out
        ragged.append(row)
        return "skip"

    table = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
        parse_options=pacsv.ParseOptions(
            newlines_in_values=True,
            invalid_row_handler=skip,
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
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text))
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problems.append(Problem(name, reader.line_num, message="cannot read the row",
                                    got=str(e), expected=f"cells under {FIELD_LIMIT:,} "
                                    "characters, quotes closed"))
            break
        if not record:  # pyarrow skips blank lines too
            continue
        number += 1
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
