"""The validated-tables cache is verified when read: a damaged entry is discarded and the
data checked again, with a one-line notice; never used."""

import gc

import pyarrow as pa
import pytest

from analysis.core.cache import cache_dir
from analysis.tables import validate
from analysis.tables.load import load_tables


def entry(data_dir):
    return cache_dir("validated", validate.fingerprint(data_dir))


def rewrite_estimates(path):
    """A still valid Arrow file whose figures are not the data's."""
    with pa.OSFile(str(path)) as source:  # read, not mapped: the file is rewritten next
        table = pa.ipc.open_file(source).read_all()
    frame = table.to_pandas()
    frame["high"] = frame["high"] * 10
    out = pa.Table.from_pandas(frame, schema=table.schema)
    tmp = path.with_suffix(".tmp")
    with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, out.schema) as writer:
        writer.write_table(out)
    tmp.replace(path)


@pytest.mark.parametrize("damage", ["rewritten", "truncated", "removed"])
def test_a_damaged_cache_entry_is_never_used(data_dir, capsys, damage):
    expected = load_tables(data_dir).fighter_estimates["high"].tolist()
    gc.collect()  # (the first load's frames map the files damaged next)
    kept = entry(data_dir) / "fighter_estimates.arrow"
    if damage == "rewritten":
        rewrite_estimates(kept)
    elif damage == "truncated":
        cut = kept.read_bytes()[:100]
        kept.unlink()  # a new file: the old one may still be mapped
        kept.write_bytes(cut)
    else:
        kept.unlink()
    capsys.readouterr()
    again = load_tables(data_dir)
    assert again.fighter_estimates["high"].tolist() == expected
    notice = capsys.readouterr().err
    assert notice.startswith("note: the validated tables kept in ") and notice.count("\n") == 1
    capsys.readouterr()
    load_tables(data_dir)  # healed: the next load uses the entry it rebuilt, quietly
    assert capsys.readouterr().err == ""
