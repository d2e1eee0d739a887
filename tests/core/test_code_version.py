"""The project's version names the code that ran: the release, the checkout's commit, and
whether files differ from it; the release alone where there is no checkout."""

import os
import subprocess

from analysis.core.provenance import code_version

GIT = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
       "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(root, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT}).stdout.strip()


def test_the_release_with_the_commit_and_whether_it_was_changed(tmp_path):
    assert code_version.__wrapped__("1.2.0", tmp_path) == "1.2.0"  # no checkout
    (tmp_path / "a.py").write_text("x = 1\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "a.py")
    git(tmp_path, "commit", "-q", "-m", "one")
    git(tmp_path, "tag", "v9")  # a tag does not replace the commit
    commit = git(tmp_path, "rev-parse", "--short=12", "HEAD")
    assert code_version.__wrapped__("1.2.0", tmp_path) == f"1.2.0+g{commit}"
    (tmp_path / "a.py").write_text("x = 2\n")
    assert code_version.__wrapped__("1.2.0", tmp_path) == f"1.2.0+g{commit}.dirty"
