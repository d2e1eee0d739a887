"""Check the curated tables against their declarations and each other, reporting ALL
problems at once, each located as file:row:column."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc

from analysis.core import dates, lists, words
from analysis.core.distinct import each_once
from analysis.errors import Problem
from analysis.paths import BOUNDARIES
from analysis.tables import actors, places, selection
from analysis.tables.documents import (
    Unreadable,
    first_difference,
    held_text,
    inside,
    quote_found,
)
from analysis.tables.reading import read_csv
from analysis.tables.schema import ENTERED, TABLES

_ACROSS = {c.title for schema in TABLES.values() for c in schema.checks}
"""What a check across a row's columns reports (those a mistyped cell can set off)."""

SHAPES = {
    "equal": "low and high, the same number",
    "high": "high only (low empty)",
    "low": "low only (high empty)",
    "range": "low and high, low below high",
    "none": "neither low nor high",
}
"""What each qualifier shape (`vocab.Qualifier.shape`) asks of low and high."""

_BUILTIN = {
    "not_nullable": ("empty value", "a value"),
    "field_uniqueness": ("duplicate id", "an id no other row uses"),
}


def validate(data_dir: Path, read=Path.read_bytes
             ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table that could be read (typed, indexed by spreadsheet row) and every problem;
    each file's bytes as `read` gives them (`files.Reads`)."""
    frames, problems = read_tables(data_dir, read)
    for name, frame in frames.items():
        problems += _schema_problems(f"{name}.csv", frame, TABLES[name])
    problems += _reference_problems(frames)
    problems += _alias_problems(frames)
    problems += _time_problems(frames, pd.Timestamp.now().normalize())
    problems += _part_problems(frames)
    problems += _estimate_problems(frames)
    problems += _selection_problems(frames)
    problems += _question_problems(frames)
    problems += _quote_problems(frames, data_dir / "documents", read)
    problems += _boundary_problems(frames, data_dir, read)
    # a value that is not a number is left empty when typed: it is reported as such only
    # and a check across its columns fails as a consequence: only the cause is reported
    mistyped = {(p.file, p.row, p.column) for p in problems if p.message == "wrong type"}
    rows = {cell[:2] for cell in mistyped}
    problems = [p for p in dict.fromkeys(problems)  # once each, in the order found
                if not (p.message == "empty value" and (p.file, p.row, p.column) in mistyped)
                and not (p.message in _ACROSS and (p.file, p.row) in rows)]
    return frames, sorted(problems, key=_order)


def read_tables(data_dir: Path, read=Path.read_bytes
                ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table that could be read, typed; the problems met reading and typing."""
    frames, problems = {}, []
    for name, schema in TABLES.items():
        path = data_dir / f"{name}.csv"
        if schema.metadata.get("optional") and not path.exists():
            frames[name] = _typed(path.name, pd.DataFrame(
                {c: pd.Series([], dtype="string[pyarrow]") for c in schema.columns}), schema)[0]
            continue
        if path.exists() and not inside(path, data_dir):
            problems.append(Problem(path.name, message="a link to a file outside the data "
                                    "folder", got=str(path.resolve()),
                                    expected=f"a file in {data_dir}"))
            continue
        raw, found = read_csv(path, list(schema.columns), read)
        problems += found
        if raw is not None:
            frames[name], found = _typed(f"{name}.csv", raw, schema)
            problems += found
    return frames, problems


def summary(frames: dict[str, pd.DataFrame], data_dir: Path) -> str:
    """What a passing validation checked: tables, rows, sources, quotes."""
    rows = sum(len(f) for f in frames.values())
    frames = {n: f for n, f in frames.items()  # an optional table with no file is not one
              if (data_dir / f"{n}.csv").exists()}
    held = set(frames["sources"].dropna(subset=["document"])["source_id"])
    quotes = sum(int((f["quote"].notna() & f["source_id"].isin(held)).sum())
                 for f in frames.values() if "quote" in f)
    unheld = sum(int((f["quote"].notna() & ~f["source_id"].isin(held)).sum())
                 for f in frames.values() if "quote" in f)
    return (f"{words.plural(len(frames), 'table')}, {words.plural(rows, 'row')}, "
            f"{words.plural(len(frames['sources']), 'source')}, "
            f"{words.plural(quotes, 'quote')} checked against held documents"
            + (f", {unheld:,} not checked (their source's text is not held)" if unheld else ""))


def _order(p: Problem):
    return (list(TABLES).index(p.file.removesuffix(".csv")) if p.file.endswith(".csv")
            and p.file.removesuffix(".csv") in TABLES else 99, p.row or 0, p.column or "")


def _typed(file: str, raw: pd.DataFrame, schema: pa.DataFrameSchema):
    """Convert numeric columns, reporting values that are not numbers."""
    frame, problems = raw.copy(), []
    for name, column in schema.columns.items():
        dtype = str(column.dtype)
        if name not in frame or dtype not in ("Int64", "Float64"):
            continue
        numbers = _numbers(frame[name])
        bad = frame[name].notna() & (numbers.isna() | ~np.isfinite(numbers.fillna(0)))
        why = pd.Series("a finite number" if dtype == "Float64" else "a whole number",
                        index=frame.index)
        if dtype == "Int64":  # written as a whole number, and one a spreadsheet keeps exact
            text = frame[name].astype("string").str.strip()
            written = numbers.notna() & text.str.contains(r"[.eE]", regex=True).fillna(False)
            big = numbers.notna() & (numbers.abs() > MAX_WHOLE)
            why[written] = "a whole number, written without '.' or 'e'"
            why[big] = f"a whole number up to {MAX_WHOLE:,}"
            bad |= numbers.notna() & (numbers % 1 != 0) | written | big
        for row, value in frame.loc[bad, name].items():
            problems.append(Problem(file, row, name, "wrong type", value, why[row]))
        frame[name] = numbers.where(~bad).astype(dtype)
    return frame, problems


MAX_WHOLE = 2**53
"""The largest whole number a table may hold: beyond it, a float (a spreadsheet) loses
units."""


def _numbers(values: pd.Series) -> pd.Series:
    """The values as numbers, NaN where one is not: Arrow's parser, or pandas' (which also
    reads numbers with spaces around) when Arrow meets a value it cannot read."""
    try:
        parsed = pc.cast(pyarrow.array(values, from_pandas=True), pyarrow.float64())
    except pyarrow.ArrowInvalid:
        return pd.to_numeric(values, errors="coerce")
    return pd.Series(parsed, index=values.index, dtype="float64")


def _schema_problems(file: str, frame: pd.DataFrame, schema: pa.DataFrameSchema):
    present = [c for c in schema.columns if c in frame]
    usable = schema.select_columns(present)
    usable.checks = [c for c in schema.checks
                     if all(v in frame for v in c.statistics.values() if isinstance(v, str)
                            and v in schema.columns)]
    usable.strict = False
    try:
        usable.validate(frame[present], lazy=True)
        return []
    except pa.errors.SchemaErrors as e:
        cases = e.failure_cases
    problems = []
    for case in cases.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index)
        if case.schema_context == "DataFrameSchema":
            check = usable.checks[int(case.check_number)]
            columns = [v for v in check.statistics.values() if v in frame]
            got: object = ", ".join(f"{c}={_show(frame.at[row, c])}" for c in columns)
            column, expected = columns[-1], check.error
            if check.name == "qualifier_shape":
                column, expected = _shape(frame, row, **check.statistics)
            problems.append(Problem(file, row, column, check.title, got, expected))
        elif case.check in _BUILTIN:
            message, expected = _BUILTIN[case.check]
            got = None if message == "empty value" else case.failure_case
            problems.append(Problem(file, row, case.column, message, got, expected))
        else:
            check = usable.columns[case.column].checks[int(case.check_number)]
            problems.append(Problem(file, row, case.column, check.title, case.failure_case,
                                    check.error))
    return problems


def _shape(frame, row, *, qualifier, low, high) -> tuple[str, str]:
    """The column a qualifier's shape finds wrong, and what the shape asks for."""
    from analysis.tables.vocab import QUALIFIER_SHAPES

    q = frame.at[row, qualifier]
    shape = QUALIFIER_SHAPES[q]
    filled = {c: pd.notna(frame.at[row, c]) for c in (low, high)}
    wants = {"equal": (True, True), "high": (False, True), "low": (True, False),
             "range": (True, True), "none": (False, False)}[shape]
    wrong = [c for c, want in zip((low, high), wants, strict=True) if filled[c] != want]
    return (wrong[0] if wrong else high), f"{SHAPES[shape]}, as '{q}' requires"


def _show(value) -> str:
    return "empty" if pd.isna(value) else str(value)


def _has(frames, table: str, *columns: str) -> bool:
    """Whether `table` was read with each of `columns`: a check reads only the columns it
    found (a missing one is reported once, as missing)."""
    return table in frames and all(c in frames[table] for c in columns)


NAMED = {name: schema.metadata["id"] for name, schema in TABLES.items()
         if {"name", "aliases", "part_of"} <= set(schema.columns)}
"""The tables whose rows go by names and aliases and lie within one another (actors,
places): a near miss is resolved by name, a name is one row's, no chain loops."""


def _ids(frames, table) -> set | None:
    """The ids of `table`'s rows; None when they cannot be known (no table, no id column)."""
    id_column = TABLES[table].metadata["id"]
    return set(frames[table][id_column].dropna()) if _has(frames, table, id_column) else None


def _reference_problems(frames) -> list[Problem]:
    problems = []
    for name, frame in frames.items():
        for column, spec in TABLES[name].columns.items():
            target = (spec.metadata or {}).get("references")
            known = _ids(frames, target) if target else None
            if not target or known is None or column not in frame:
                continue
            values = frame[column].dropna()
            if (spec.metadata or {}).get("list"):
                values = lists.items(values)
            missing = values[~values.isin(known)]
            id_column = TABLES[target].metadata["id"]
            guess = _guesser(frames, target, known)
            for row, value in missing.items():
                hint = guess(value)
                problems.append(Problem(f"{name}.csv", row, column, f"unknown {id_column}",
                                        value, f"{words.article(id_column)} {id_column} "
                                               f"listed in {target}.csv"
                                        + (f" (did you mean {hint!r}?)" if hint else "")))
    return problems


def _guesser(frames, target: str, known: set):
    """value -> the id it most likely means: the actor or place a name or alias resolves
    to, else the closest id."""
    import difflib

    by_name = {}
    if target in NAMED and _has(frames, target, NAMED[target], "name", "aliases"):
        table = frames[target]
        by_name = actors.lookup(zip(table[NAMED[target]], table["name"], table["aliases"],
                                    strict=True))
    ids = sorted(map(str, known))

    def guess(value: str) -> str | None:
        if actors.key(value) in by_name:
            return by_name[actors.key(value)]
        close = difflib.get_close_matches(value, ids, n=1, cutoff=0.75)
        return close[0] if close else None
    return guess


def _alias_problems(frames) -> list[Problem]:
    problems = []
    for target, id_column in NAMED.items():
        if not _has(frames, target, id_column, "name", "aliases"):
            continue
        table = frames[target]
        names = pd.concat([
            table["name"].rename("alias").to_frame().assign(column="name"),
            lists.items(table["aliases"]).rename("alias").to_frame().assign(column="aliases"),
        ])
        names["key"] = names["alias"].map(actors.key)
        names["id"] = table.loc[names.index, id_column].values
        clashes = names[names.groupby("key")["id"].transform("nunique") > 1]
        one = target.removesuffix("s")
        problems += [
            Problem(f"{target}.csv", row, item.column, f"name or alias shared by two {target}",
                    item.alias, f"each name and alias to resolve to one {one}")
            for row, item in clashes.iterrows() if item.column == "aliases"]
    return problems


def _selection_problems(frames) -> list[Problem]:
    """Every selection column (`selection` metadata) read and checked against the tables."""
    problems = []
    for name, frame in frames.items():
        for column, spec in TABLES[name].columns.items():
            if not (spec.metadata or {}).get("selection") or column not in frame:
                continue
            for row, text in frame[column].dropna().items():
                try:
                    found = selection.problems(selection.parse(text), frames)
                except selection.SelectionError as e:
                    found = [(str(e), e.expected)]
                problems += [Problem(f"{name}.csv", row, column, message, text, expected)
                             for message, expected in found]
    return problems


FUTURE_ALLOWED = {"diplomatic_contacts": ("status", ("planned", "cancelled")),
                  "other_claims": ("kind", ("intent",))}
"""Rows whose date may come after today and after their source: what was planned, or a
stated intention. Every other date records what happened or was published."""


def _time_problems(frames, today: pd.Timestamp) -> list[Problem]:
    """No date still to come where a column records what happened or was published, no
    claim dated after its source was published, and no row entered the data before its
    source was published or after today."""
    from analysis.tables.schema import CLAIM_TABLES

    problems = []

    def future(name, column, frame, ahead):
        for row, value in frame.loc[ahead, column].items():
            problems.append(Problem(f"{name}.csv", row, column, "a date still to come", value,
                                    f"{today:%Y-%m-%d} or earlier"))

    if _has(frames, "sources", "published"):
        s = frames["sources"]
        future("sources", "published", s,
               (dates.spans(s["published"])["first"] > today).to_numpy())
    published = _published(frames)
    for name in CLAIM_TABLES:
        column = TABLES[name].metadata["event_date"]
        by, values = FUTURE_ALLOWED.get(name, (None, ()))
        if not _has(frames, name, column, *filter(None, [by])):
            continue
        frame = frames[name]
        first = dates.spans(frame[column])["first"]
        allowed = frame[by].isin(values) if by else pd.Series(False, index=frame.index)
        future(name, column, frame, ((first > today) & ~allowed).to_numpy())
        if published is None or "source_id" not in frame:
            continue
        source_day = _of_source(published["last"], frame)
        late = (first <= today) & (first > source_day) & ~allowed
        for row in frame.index[late.fillna(False).to_numpy()]:
            problems.append(Problem(
                f"{name}.csv", row, column, "dated after its source was published",
                frame.at[row, column], f"a date by {source_day[row]:%Y-%m-%d}, when "
                f"{frame.at[row, 'source_id']} was published"))
    for name, frame in frames.items():  # the curation's own days: none still to come
        for column, spec in TABLES[name].columns.items():
            if (spec.metadata or {}).get("curation") and column in frame:
                future(name, column, frame,
                       (dates.spans(frame[column])["first"] > today).to_numpy())
    for name in CLAIM_TABLES:
        if published is None or not _has(frames, name, ENTERED, "source_id"):
            continue
        frame = frames[name]
        entered = dates.spans(frame[ENTERED])["first"]
        out = _of_source(published["first"], frame)
        for row in frame.index[(entered < out).fillna(False).to_numpy()]:
            problems.append(Problem(
                f"{name}.csv", row, ENTERED, "entered before its source was published",
                frame.at[row, ENTERED], f"a day from {out[row]:%Y-%m-%d}, when "
                f"{frame.at[row, 'source_id']} was published"))
    return problems


def _published(frames) -> pd.DataFrame | None:
    """Each source's publication span (first, last), by source id; None when unknown."""
    if not _has(frames, "sources", "source_id", "published"):
        return None
    s = frames["sources"]
    spans = dates.spans(s["published"]).set_index(s["source_id"].to_numpy())
    return spans[~spans.index.duplicated()]


def _of_source(days: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """`days` (by source id) for each of `frame`'s rows."""
    return pd.Series(days.reindex(frame["source_id"]).to_numpy(), index=frame.index)


def _part_problems(frames) -> list[Problem]:
    """No actor or place part of itself, however far up its `part_of` chain."""
    problems = []
    for target, id_column in NAMED.items():
        if not _has(frames, target, id_column, "part_of"):
            continue
        a = frames[target]
        parent = dict(zip(a[id_column], a["part_of"], strict=True))
        for row, item in a[id_column].items():
            seen = places.chain(parent, item)
            if parent.get(seen[-1]) == item:
                problems.append(Problem(f"{target}.csv", row, "part_of", "part of itself",
                                        " → ".join([*seen, item]), "a chain that ends"))
    return problems


def _boundary_problems(frames, data_dir: Path, read) -> list[Problem]:
    """A place's boundary is one the map's boundary file holds (where the subject holds
    one), and the file is one the map can read."""
    path = data_dir / BOUNDARIES
    if not path.is_file() or not _has(frames, "places", "boundary_id"):
        return []
    try:
        known = places.boundary_ids(json.loads(read(path)))
    except (ValueError, KeyError, TypeError) as e:
        return [Problem(BOUNDARIES.as_posix(), None, None, "not a TopoJSON file of provinces",
                        type(e).__name__, "an object 'provinces' whose geometries have a "
                        "'shapeISO' property")]
    ids = frames["places"]["boundary_id"].dropna()
    return [Problem("places.csv", row, "boundary_id", "no such boundary", value,
                    f"a shapeISO in {BOUNDARIES.as_posix()}")
            for row, value in ids[~ids.isin(known)].items()]


def _estimate_problems(frames) -> list[Problem]:
    """A part is no larger than its whole, and a percentage no more than 100."""
    problems = []
    e = frames.get("fighter_estimates")
    for column in ("low", "high"):
        if _has(frames, "fighter_estimates", column, "out_of"):
            over = e[column].notna() & e["out_of"].notna() & (e[column] > e["out_of"])
            for row in e.index[over.fillna(False).to_numpy()]:
                problems.append(Problem(
                    "fighter_estimates.csv", row, column, "more than its whole",
                    f"{column}={e.at[row, column]}, out_of={e.at[row, 'out_of']}",
                    f"{column} <= out_of"))
        if _has(frames, "fighter_estimates", column, "measure"):
            pct = e["measure"].astype("string").str.endswith("_pct").fillna(False)
            over = pct & (e[column] > 100).fillna(False)
            for row in e.index[over.to_numpy()]:
                problems.append(Problem("fighter_estimates.csv", row, column,
                                        "a percentage over 100", e.at[row, column],
                                        "0 to 100 (the measure is a percentage)"))
    return problems


HYPOTHESES_PER_QUESTION = (2, 4)


def _question_problems(frames) -> list[Problem]:
    """Each question has 2 to 4 hypotheses; each judgment of it judges one of them best,
    once a day at most, after the question and that hypothesis were added, and a revision
    says what changed."""
    problems = []
    if _has(frames, "questions", "question_id") and _has(frames, "hypotheses", "question_id"):
        counts = frames["hypotheses"]["question_id"].value_counts()
        low, high = HYPOTHESES_PER_QUESTION
        for row, question in frames["questions"]["question_id"].items():
            n = int(counts.get(question, 0))
            if not low <= n <= high:
                problems.append(Problem("questions.csv", row, "question_id",
                                        "wrong number of hypotheses", f"{n} in hypotheses.csv",
                                        f"{low} to {high} competing hypotheses"))
    if _has(frames, "judgments", "question_id", "hypothesis_id", "reviewed"):
        problems += _judgment_problems(frames)
    return problems


def _judgment_problems(frames) -> list[Problem]:
    j = frames["judgments"]
    h = frames.get("hypotheses")
    of = (h.drop_duplicates("hypothesis_id").set_index("hypothesis_id")
          if _has(frames, "hypotheses", "hypothesis_id", "question_id", "added") else None)
    added = (frames["questions"].drop_duplicates("question_id").set_index("question_id")["added"]
             if _has(frames, "questions", "question_id", "added") else pd.Series(dtype=object))
    problems = []
    seen: dict[tuple, int] = {}
    for row, r in j.sort_values("reviewed", kind="stable").iterrows():
        question, judged, day = r["question_id"], r["hypothesis_id"], r["reviewed"]
        if of is not None and judged in of.index:
            if of.at[judged, "question_id"] != question:
                problems.append(Problem("judgments.csv", row, "hypothesis_id",
                                        "a hypothesis of another question",
                                        f"{judged} (of {of.at[judged, 'question_id']})",
                                        f"a hypothesis of {question}"))
            elif isinstance(day, str) and day < str(of.at[judged, "added"]):
                problems.append(Problem("judgments.csv", row, "reviewed",
                                        "judged before the hypothesis was added", day,
                                        f"{of.at[judged, 'added']} or later"))
        if isinstance(day, str) and day < str(added.get(question, "")):
            problems.append(Problem("judgments.csv", row, "reviewed",
                                    "judged before the question was added", day,
                                    f"{added[question]} or later"))
        if (question, day) in seen:
            problems.append(Problem("judgments.csv", row, "reviewed",
                                    "a second judgment of the question that day", day,
                                    f"one a day (row {seen[question, day]} is of {day})"))
        elif any(q == question for q, _ in seen) and not _filled(r.get("note")):
            problems.append(Problem("judgments.csv", row, "note", "a revision without a note",
                                    expected="what changed the analyst's mind, or that the "
                                             "review changed nothing"))
        seen.setdefault((question, day), row)
    return problems


def _filled(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _quote_problems(frames, documents: Path, read) -> list[Problem]:
    if not _has(frames, "sources", "source_id", "document"):
        return []
    sources = frames["sources"].dropna(subset=["document"])
    problems, held, texts = [], {}, {}
    for row, source in sources.iterrows():
        path = documents / source["document"]
        if not path.is_file():
            problems.append(Problem("sources.csv", row, "document", "document not found",
                                    source["document"], f"a file in {documents}"))
            continue
        if not inside(path, documents):
            problems.append(Problem("sources.csv", row, "document",
                                    "a link to a file outside the documents folder",
                                    f"{source['document']} → {path.resolve()}",
                                    f"a file in {documents}"))
            continue
        try:
            texts[source["source_id"]] = held_text(path, read)
        except Unreadable as e:
            problems.append(Problem(f"documents/{source['document']}", e.line, None, str(e),
                                    e.got, e.expected))
            continue
        held[source["source_id"]] = source["document"]
    for name, frame in frames.items():
        if not _has(frames, name, "quote", "source_id"):
            continue
        rows = frame.loc[frame["source_id"].isin(held) & frame["quote"].notna(),
                         ["source_id", "quote"]]
        # each passage once, however many rows quote it
        found = each_once(lambda source_id, quote: quote_found(quote, texts[source_id]),
                          rows["source_id"], rows["quote"])
        for row, source_id, quote in rows[~np.array(found, dtype=bool)].itertuples():
            problems.append(Problem(f"{name}.csv", row, "quote",
                                    "quote not found in the held document", quote,
                                    f"verbatim text of documents/{held[source_id]}: "
                                    + first_difference(quote, texts[source_id])))
    return problems
