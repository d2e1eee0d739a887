"""`load_tables`: the one way notebooks get the curated data — validated, typed, as of a day."""

import os
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.contract import parse_day
from analysis.core import atomic, dates, provenance
from analysis.core.cache import cache_dir, prune, used
from analysis.core.sealed import intact, seal
from analysis.errors import DataError
from analysis.tables import changes, derived, files, validate
from analysis.tables.files import Used, checksums
from analysis.tables.schema import ADDED, CLAIM_TABLES, TABLES, quantity
from analysis.tables.vocab import SHARES, VAGUE_RANGES

PARTIES = "contact_parties"
VALIDATED_KEPT = 4
"""Datasets whose validated tables stay cached: the most recently used."""

CODE = (paths.PACKAGE / "tables", paths.PACKAGE / "core", *paths.PACKAGE.glob("*.py"))
"""The code that checks and loads the data, by package: the data layer, the shared base
and the package's leaf modules (a test checks that validating and loading import nothing
else of `analysis`)."""


def fingerprint(data_dir: Path, code=CODE, sums: dict[str, str] | None = None) -> str:
    """Changes whenever the data (its files' `sums`, by default their checksums now), or
    any code that checks or loads it, changes."""
    places = [Path(place) for place in code]
    files = [f for place in places
             for f in (sorted(place.rglob("*.py")) if place.is_dir() else [place])]
    root = Path(os.path.commonpath(places))
    return (provenance.digest_of(sums or checksums(data_dir))[:32]
            + provenance.digest(files, root=root)[:32])


@dataclass(frozen=True)
class Tables:
    """The curated tables. Every partial-date column `x` comes with `x_precision`,
    `x_first` and `x_last` (the first and last day it covers); claim tables carry
    `reported_date` (their source's publication date, with the same companions) and the
    columns `derived` from each row: claimant, origin, grade, claim_key, deal_key,
    route_key, series_key, stated, party_set."""

    sources: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    arms_sales: pd.DataFrame
    fighter_estimates: pd.DataFrame
    diplomatic_contacts: pd.DataFrame
    other_claims: pd.DataFrame
    questions: pd.DataFrame
    hypotheses: pd.DataFrame
    judgments: pd.DataFrame
    evidence_tags: pd.DataFrame
    indicators: pd.DataFrame
    """The analyst's tables (`schema.ANALYST_TABLES`): judgments, not source facts; as
    of a day, what the analyst had written by then."""
    data_dir: Path
    inputs: Used
    """What the tables were made from: the checksums of the files as read, and their rows'
    digests (what changed since an edition is found from those, not from a second read)."""
    as_of: date | None = None
    excluded_undated: int = 0
    """Rows left out of an as-of edition because their source's date is not known."""
    _derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: str, compute):
        """`compute()`, computed once for these tables (a narrowed copy starts afresh):
        what several sections derive from a whole table."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def claims(self):
        """(name, frame) for the claim tables."""
        return [(name, getattr(self, name)) for name in CLAIM_TABLES]

    def frames(self):
        """(name, frame) for every table."""
        return [(name, getattr(self, name)) for name in TABLES]


def load_tables(data_dir: str | Path | None = None, as_of: str | date | None = None) -> Tables:
    """Validated, typed tables. With `as_of`, only what was known that day: rows whose
    source was certainly published by then (a month-precision date counts from its last
    day; an unknown date is left out, and counted in `excluded_undated`), and the
    analyst's rows added (judgments made) by then."""
    data_dir = Path(data_dir) if data_dir else paths.DATA
    frames, inputs = _valid_frames(data_dir)
    parties = frames.pop(PARTIES)
    excluded = 0
    known_on: date | None = None  # the day `as_of` names
    if as_of is not None:
        day = pd.Timestamp(parse_day(str(as_of)) if isinstance(as_of, str) else as_of)
        known = frames["sources"]["published_last"] <= day
        ids = set(frames["sources"].loc[known, "source_id"])
        for name in CLAIM_TABLES:
            undated = frames[name]["reported_date"].isna()
            excluded += int(undated.sum())
            frames[name] = frames[name][frames[name]["source_id"].isin(ids)]
        frames["sources"] = frames["sources"][known]
        for name, column in ADDED.items():  # what the analyst had not yet written
            frames[name] = frames[name][frames[name][f"{column}_first"] <= day]
        known_on = day.date()
    tables = Tables(**frames, data_dir=data_dir, inputs=inputs, as_of=known_on,
                    excluded_undated=excluded)
    if known_on is None:  # the contacts' parties, as kept (an edition finds its own)
        tables.derived("parties", lambda: parties)
    return tables


def _valid_frames(data_dir: Path) -> tuple[dict[str, pd.DataFrame], Used]:
    """The tables and the contacts' parties, validated and `_completed`, and what they were
    made from. Data that passed before (same files, same rules, same code) is mapped from
    the Arrow files kept then, not read and checked again: a whole database loads in a
    fraction of a second. A first load reads each file once, keeps what it made under the
    checksums of the bytes it read (a file edited meanwhile cannot mix in), and maps that."""
    root = cache_dir("validated")
    passed = root / fingerprint(data_dir)
    if (passed / "done").is_file():
        if intact(passed):
            return _use(passed)
        print(f"note: the validated tables kept in {passed} were damaged; checking the "
              "data again", file=sys.stderr)
        shutil.rmtree(passed, ignore_errors=True)
    reads = files.Reads(data_dir, keep_under=changes.ROW_DIGESTS_MAX_BYTES)
    frames, problems = validate.validate(data_dir, reads.read)
    if problems:
        raise DataError(problems)
    sums = files.checksums(data_dir, reads.sums)
    passed = root / fingerprint(data_dir, sums=sums)
    passed.mkdir(exist_ok=True)
    for name, frame in _completed(frames).items():
        _keep(frame, passed / f"{name}.arrow")
    files.Used(passed.name, sums, changes.digests(reads.kept)).write(passed)
    seal(passed)
    found = _use(passed)
    prune(root, VALIDATED_KEPT)
    return found


def _use(entry: Path) -> tuple[dict[str, pd.DataFrame], Used]:
    used(entry)
    return ({name: _mapped(entry / f"{name}.arrow") for name in [*TABLES, PARTIES]},
            files.read_used(entry))


def _keep(frame: pd.DataFrame, path: Path) -> None:
    """`frame` as an uncompressed Arrow file, one record batch: mapped back, each column
    is one Arrow array (in chunks, every filter and take on it costs several times more)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame).combine_chunks()
    with atomic.replacing(path) as tmp, pa.OSFile(str(tmp), "wb") as sink, \
            pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def _mapped(path: Path) -> pd.DataFrame:
    """The frame kept at `path`, its text columns memory-mapped, not copied: pages are read
    as they are used, and processes that load the same data share them."""
    import pyarrow as pa

    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all().to_pandas()


def _completed(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The validated frames with what every load needs, computed once and kept with them:
    date spans, the documented ranges of vague quantities, each claim's reported date and
    the columns `derived` from it, the contacts' parties."""
    frames = {name: _with_spans(name, frame) for name, frame in frames.items()}
    frames[PARTIES] = derived.parties(frames["diplomatic_contacts"])
    for name in CLAIM_TABLES:
        columns = quantity(name)
        if columns:
            frames[name] = _fill_vague(frames[name], *columns)
    # a claim's reported date is its source's publication date, spans and all
    published = frames["sources"].set_index("source_id")[
        ["published", "published_precision", "published_first", "published_last"]]
    for name in CLAIM_TABLES:
        at = published.index.get_indexer(frames[name]["source_id"])
        frames[name] = frames[name].assign(**{
            column.replace("published", "reported_date"):
                published[column].array.take(at, allow_fill=True) for column in published})
        frames[name] = derived.added(name, frames[name], frames["actors"], frames["sources"],
                                     frames["places"])
    return frames


def _with_spans(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    for column, spec in TABLES[name].columns.items():
        if (spec.metadata or {}).get("kind") == "partial date":
            frame = _add_span(frame, column)
    return frame


def _add_span(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    spans = dates.spans(frame[column]).astype({"precision": "str"})  # as Arrow keeps it
    return frame.assign(**{f"{column}_{part}": spans[part] for part in spans})


def _fill_vague(frame: pd.DataFrame, qualifier: str, low: str, high: str) -> pd.DataFrame:
    """low/high of vague quantities from their documented readings: a number range, or a
    share of the row's whole (`out_of`, rounded up) where the row gives one."""
    lows, highs = frame[low].copy(), frame[high].copy()  # the rest of the table is not copied
    for vague, (lo, hi) in VAGUE_RANGES.items():
        mask = frame[qualifier] == vague
        lows[mask], highs[mask] = lo, hi
    if "out_of" in frame:
        whole = frame["out_of"].astype("Float64")
        for vague, (low_share, high_share) in SHARES.items():
            mask = (frame[qualifier] == vague) & whole.notna()
            lows[mask] = np.ceil(whole[mask] * low_share).astype("Int64")
            highs[mask] = np.ceil(whole[mask] * high_share).astype("Int64")
    return frame.assign(**{low: lows, high: highs})
