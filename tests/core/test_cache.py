"""Every entry kept between builds is checked when read (`cache.kept`): one damaged since it
was kept is made again, with a one-line notice; never used."""

import hashlib
import time

import pytest

from analysis.core import cache, provenance
from conftest import DAMAGES, damage


def another(path) -> bytes:
    """A whole, sealed entry's bytes, but not those of the entry at `path`."""
    other = path.with_name("other")
    cache.kept(other, lambda: b"something else", "test entry")
    return other.read_bytes()


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_entry_is_made_again_with_a_notice(tmp_path, capsys, how):
    path = tmp_path / "entry.pdf"
    made = []

    def make():
        made.append(1)
        return b"%PDF-1.7 the chart" * 100

    assert cache.kept(path, make, "chart") == make() and len(made) == 2
    assert cache.kept(path, make, "chart") == make() and len(made) == 3  # read back
    damage(path, how, another(path))
    capsys.readouterr()
    assert cache.kept(path, make, "chart") == make() and len(made) == 5
    notice = capsys.readouterr().err
    if how == "deleted":
        assert notice == ""
    else:
        assert notice == f"note: the chart kept in {path} was damaged; made again\n"
    assert cache.kept(path, make, "chart") == make() and len(made) == 6  # healed
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_kept_checksum_is_never_used(tmp_path, monkeypatch, capsys, how):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * provenance.REMEMBER_FROM)
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    later = time.time() + 2 * provenance.SETTLED  # as if written long ago: its sum is kept
    monkeypatch.setattr(provenance.time, "time", lambda: later)
    assert provenance.sha256(path) == expected
    [kept] = cache.cache_dir("sha256").iterdir()
    damage(kept, how, another(kept))
    assert provenance.sha256(path) == expected
    assert ("note: the checksum kept in" in capsys.readouterr().err) is (how != "deleted")
