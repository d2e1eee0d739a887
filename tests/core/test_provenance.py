"""provenance.sha256: a big file's checksum is kept, and never outlives a change."""

import hashlib
import time

from analysis.core import provenance


def test_a_big_files_checksum_is_kept_and_follows_every_change(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * provenance.REMEMBER_FROM)
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    later = time.time() + 2 * provenance.SETTLED  # as if the file had been written long ago
    monkeypatch.setattr(provenance.time, "time", lambda: later)
    assert provenance.sha256(path) == expected
    hashed = []
    monkeypatch.setattr(provenance, "_hash", lambda p: hashed.append(p) or "rehashed")
    assert provenance.sha256(path) == expected and not hashed  # read back, not hashed

    time.sleep(0.05)  # past the file system's timestamp tick
    path.write_bytes(b"b" * provenance.REMEMBER_FROM)  # same size
    assert provenance.sha256(path) == "rehashed" and hashed == [path]


def test_a_file_written_just_now_is_always_hashed(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * provenance.REMEMBER_FROM)
    hashed = []
    monkeypatch.setattr(provenance, "_hash", lambda p: hashed.append(p) or "x")
    provenance.sha256(path), provenance.sha256(path)
    assert hashed == [path, path]
