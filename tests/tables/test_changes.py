"""What changed since the previous edition: row digests, and comparing against a manifest."""

import json
import shutil

import pytest

from analysis.tables.changes import ROWS_VERSION, compare, row_digests
from conftest import FIXTURES

CSV = "id,name,count\nR1,alpha,1\nR2,beta,2\n"


@pytest.fixture
def table(tmp_path):
    """Write `text` as things.csv in a fresh directory; return the digests of that table."""
    def digests(text, encoding="utf-8"):
        (tmp_path / "things.csv").write_bytes(text.encode(encoding))
        return row_digests(tmp_path)["things"]
    return digests


# --- row digests -----------------------------------------------------------------------------

def test_digests_are_keyed_by_the_first_column(table):
    assert list(table(CSV)) == ["R1", "R2"]


def test_digests_are_stable_and_distinct(table):
    first = table(CSV)
    assert table(CSV) == first
    assert first["R1"] != first["R2"]


def test_a_changed_cell_changes_only_its_row(table):
    before, after = table(CSV), table(CSV.replace("beta,2", "beta,3"))
    assert (after["R1"], after["R2"] != before["R2"]) == (before["R1"], True)


def test_bom_crlf_and_blank_lines_do_not_change_digests(table):
    plain = table(CSV)
    assert table("\ufeff" + CSV.replace("\n", "\r\n") + "\r\n") == plain
    assert table(CSV, encoding="utf-8-sig") == plain


def test_crlf_checkout_keeps_digests_of_multi_line_cells(data_dir):
    before = row_digests(data_dir)["diplomatic_contacts"]
    contacts = data_dir / "diplomatic_contacts.csv"
    contacts.write_bytes(contacts.read_bytes().replace(b"\n", b"\r\n"))
    assert row_digests(data_dir)["diplomatic_contacts"] == before


def test_every_table_of_a_data_dir_is_digested(data_dir):
    digests = row_digests(data_dir)
    assert set(digests) == {"sources", "actors", "places", "arms_sales", "fighter_estimates",
                            "diplomatic_contacts"}
    assert list(digests["arms_sales"]) == ["S001", "S002"]
    assert list(digests["diplomatic_contacts"]) == ["C001", "C002"]  # C001's quote spans 2 lines


# --- compare ---------------------------------------------------------------------------------

def manifest(path, **content):
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize("previous", [None, "", "missing.json"])
def test_no_previous_manifest_is_a_first_edition(data_dir, tmp_path, previous):
    previous = tmp_path / previous if previous else previous
    changes = compare(previous, row_digests(data_dir))
    assert changes.previous is None
    assert (changes.new, changes.changed, changes.removed) == ({}, {}, {})


@pytest.mark.parametrize("content", [{"edition": "2016-01"}, {"rows": {}}])
def test_a_manifest_without_row_digests_is_a_first_edition(data_dir, tmp_path, content):
    previous = manifest(tmp_path / "manifest.json", **content)
    assert compare(previous, row_digests(data_dir)).previous is None


def test_the_same_data_has_nothing_new(data_dir, tmp_path):
    previous = manifest(tmp_path / "manifest.json", rows=row_digests(data_dir),
                        rows_version=ROWS_VERSION)
    changes = compare(previous, row_digests(data_dir))
    assert changes.previous["rows"] == row_digests(data_dir)
    for found in (changes.new, changes.changed, changes.removed):
        assert all(ids == [] for ids in found.values())


def test_new_changed_and_removed_rows_between_two_data_dirs(data_dir, tmp_path):
    before = tmp_path / "before"
    shutil.copytree(FIXTURES / "data", before)
    previous = manifest(tmp_path / "manifest.json", rows=row_digests(before),
                        rows_version=ROWS_VERSION)

    estimates = data_dir / "fighter_estimates.csv"
    text = estimates.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    e003 = next(line for line in lines if line.startswith("E003,"))
    text = text.replace(e003, "").replace("2000,3000,between", "2000,3500,between")
    estimates.write_text(text + e003.replace("E003", "E004"), encoding="utf-8")

    changes = compare(previous, row_digests(data_dir))
    assert changes.new["fighter_estimates"] == ["E004"]
    assert changes.changed["fighter_estimates"] == ["E001"]
    assert changes.removed["fighter_estimates"] == ["E003"]
    assert (changes.new["arms_sales"], changes.changed["arms_sales"],
            changes.removed["arms_sales"]) == ([], [], [])


def test_an_edition_recorded_another_way_is_not_compared_row_by_row(data_dir, tmp_path):
    previous = manifest(tmp_path / "manifest.json", rows=row_digests(data_dir))
    changes = compare(previous, row_digests(data_dir))
    assert changes.previous is not None and changes.new == {} and changes.changed == {}
    assert "arms_sales" in changes.untracked


def test_a_new_empty_column_changes_no_row(data_dir):
    before = row_digests(data_dir)
    path = data_dir / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",nickname"] + [line + "," for line in lines[1:]])
                    + "\n", encoding="utf-8")
    assert row_digests(data_dir) == before

