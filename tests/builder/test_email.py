"""Every new edition reaches its recipients by e-mail, through a real SMTP server on
localhost (aiosmtpd): one message per new edition, with its parts and attachments; nothing
for an up-to-date build; a refused connection leaves the edition published, says so in one
line with its own exit code, and the next build sends it; `brief send` resends by hand; the
password never shows."""

import json
import shutil

import pytest
from smtp import HOST, refused_port, smtp_server

from analysis.builder import deliver
from conftest import FIXTURES, run_brief

pytestmark = pytest.mark.slow
TINY = FIXTURES / "briefs" / "notebooks" / "tiny.ipynb"
READERS = ["ana@example.org", "ben@example.org"]
PASSWORD = "pw-that-must-never-show-1234"


def _config(root, port, starttls="false", readers=READERS):
    (root / "notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy(TINY, root / "notebooks" / "tiny.ipynb")
    path = root / "briefs.toml"
    path.write_text(
        f'[email]\nhost = "{HOST}"\nport = {port}\nstarttls = {starttls}\n'
        f'sender = "briefs@example.org"\n\n'
        f'[[brief]]\nname = "tiny"\nnotebook = "tiny.ipynb"\ntitle = "Tiny brief"\n'
        f"email = {json.dumps(readers)}\n", encoding="utf-8")
    return path


def _state(out) -> dict:
    return json.loads((out / "tiny" / deliver.STATE).read_text(encoding="utf-8"))


def test_a_new_edition_is_mailed_once_with_its_brief_attached(tmp_path):
    out = tmp_path / "reports"
    with smtp_server() as server:
        cfg = _config(tmp_path, server.port)
        first = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-01-01")
        assert first.returncode == 0, first.stderr
        assert "tiny: edition 2021-01-01 sent to 2 recipients (email)" in first.stdout
        [(sender, to, message)] = server.messages
        assert sender == "briefs@example.org" and to == READERS
        assert message["Subject"] == "Tiny brief: edition 2021-01-01"
        assert message["To"] == ", ".join(READERS)
        text = message.get_body(("plain",)).get_content()
        assert "What changed: first edition." in text
        html = message.get_body(("html",)).get_content()
        assert "<script" not in html and "First edition." in html
        attached = {p.get_filename(): p for p in message.iter_attachments()}
        assert set(attached) == {"tiny.html", "tiny.pdf"}
        edition = out / "tiny" / "2021-01-01"
        for name, part in attached.items():
            assert part.get_content() == ((edition / name).read_text(encoding="utf-8")
                                          if name.endswith(".html")
                                          else (edition / name).read_bytes())
        assert attached["tiny.pdf"].get_content_type() == "application/pdf"
        assert attached["tiny.html"].get_content_charset() == "utf-8"

        again = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-01-01")
        assert again.returncode == 0 and "up to date" in again.stdout
        assert len(server.messages) == 1, "nothing is sent for an up-to-date build"
        assert _state(out)["email"]["unsent"] == []
        assert list(_state(out)["email"]["sent"]) == ["2021-01-01"]

        failed = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-01-15",
                           "--param", "mode=error")
        assert failed.returncode == 1 and len(server.messages) == 1, "nothing for a failure"

        later = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-02-01")
        assert later.returncode == 0, later.stderr
        assert [m["Subject"] for _, _, m in server.messages][1:] == [
            "Tiny brief: edition 2021-02-01"]
        assert "What changed since 2021-01-01" in server.messages[1][2].get_body(
            ("plain",)).get_content()


def test_a_refused_send_keeps_the_edition_and_the_next_build_sends_it(tmp_path):
    out = tmp_path / "reports"
    cfg = _config(tmp_path, refused_port())
    run = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-01-01",
                    env={"BEDFELLOWS_SMTP_PASSWORD": PASSWORD})
    assert run.returncode == 3, run.stdout + run.stderr
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("tiny: edition 2021-01-01 not sent by email: the SMTP server "
                           f"{HOST}:") and "refused the connection" in line
    assert line.endswith("(1 waiting; the next build retries)")
    assert (out / "tiny" / "latest" / "tiny.html").is_file(), "the edition stays published"
    assert _state(out)["email"]["unsent"] == ["2021-01-01"]
    listed = run_brief("list", "--config", cfg, "--out", out)
    assert "1 edition not yet sent by email (2021-01-01)" in listed.stdout, listed.stdout
    with smtp_server() as server:
        cfg = _config(tmp_path, server.port)
        retry = run_brief("build", "--config", cfg, "--out", out, "--as-of", "2021-01-01")
        assert retry.returncode == 0, retry.stderr
        assert "up to date" in retry.stdout and "sent to 2 recipients" in retry.stdout
        assert [m["Subject"] for _, _, m in server.messages] == [
            "Tiny brief: edition 2021-01-01"]
        assert _state(out)["email"]["unsent"] == []

        by_hand = run_brief("send", "tiny", "--config", cfg, "--out", out)
        assert by_hand.returncode == 0, by_hand.stderr
        assert len(server.messages) == 2
        missing = run_brief("send", "tiny", "--edition", "2020-01-01", "--config", cfg,
                            "--out", out)
        assert missing.returncode == 3
        assert "no good edition '2020-01-01' to send (editions: 2021-01-01)" in missing.stderr
    everything = run.stdout + run.stderr + (out / "tiny" / deliver.STATE).read_text()
    assert PASSWORD not in everything + retry.stdout + retry.stderr


def test_a_server_that_cannot_log_in_or_start_tls_is_one_line(tmp_path):
    out = tmp_path / "reports"
    with smtp_server() as server:
        cfg = _config(tmp_path, server.port)
        run = run_brief("build", "--config", cfg, "--out", out,
                        env={"BEDFELLOWS_SMTP_PASSWORD": PASSWORD})
        assert run.returncode == 3
        [line] = run.stderr.strip().splitlines()
        assert "did not take the message" in line and "AUTH" in line, line
        assert PASSWORD not in run.stdout + run.stderr
        cfg = _config(tmp_path, server.port, starttls="true")
        resend = run_brief("send", "tiny", "--config", cfg, "--out", out)
        assert resend.returncode == 3 and "STARTTLS" in resend.stderr, resend.stderr
        assert len(resend.stderr.strip().splitlines()) == 1
        assert server.messages == []
