"""The validated-tables cache is verified when read: a damaged entry is discarded and the
data checked again, with a one-line notice; never used."""

import gc
import hashlib
import uuid

import pyarrow as pa
import pytest

from analysis.core.cache import cache_dir
from analysis.tables import files, load
from analysis.tables.load import load_tables


def entry(data_dir):
    return cache_dir("validated", load.fingerprint(data_dir))


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


def test_a_file_edited_while_it_is_read_cannot_mix_in(data_dir, monkeypatch):
    """The tables are kept under the checksums of the very bytes they were made from, and
    say so: an edit made while a load reads the data shows in the next load, not this one."""
    actors = data_dir / "actors.csv"  # data no other test has loaded: not cached yet
    before = actors.read_bytes().replace(b"russia,Russia,,", f"russia,Russia,{uuid.uuid4()},"
                                         .encode())
    actors.write_bytes(before)
    after = before.replace(b"russia,Russia,", b"russia,Russian Federation,")
    read = files.Reads.read

    def read_then_edit(self, path):
        raw = read(self, path)
        if path == actors:
            actors.write_bytes(after)
        return raw

    monkeypatch.setattr(files.Reads, "read", read_then_edit)
    first = load_tables(data_dir)
    monkeypatch.undo()
    assert "Russian Federation" not in first.actors["name"].tolist()
    assert first.inputs.files["actors.csv"] == hashlib.sha256(before).hexdigest()
    assert files.used(first.inputs.key) == first.inputs
    second = load_tables(data_dir)
    assert "Russian Federation" in second.actors["name"].tolist()
    assert second.inputs.files["actors.csv"] == hashlib.sha256(after).hexdigest()
    assert second.inputs.key != first.inputs.key
