"""An edition as an e-mail: its headers, the news as text and as e-mail-safe HTML (inline
styles, nothing fetched, analyst text escaped), the brief's files attached as they are,
and the message delivered by a real SMTP server on localhost."""

import email
import json
import re
import smtplib
from email import policy

import pytest
from bs4 import BeautifulSoup
from smtp import HOST, refused_port, smtp_server

from analysis.builder import config, mail
from analysis.render import formats

NAME = "russia-taliban"
SENDER = "briefs@example.org"
RECIPIENTS = ["ana@example.org", "ben@example.org"]
NEWS = ("Bottom line:\n- Growing. (roughly even chance; confidence low)\n"
        "What changed since 2021-01-01: 1 new row in fighter estimates; 1 changed row in "
        "fighter estimates; judgment on q1 revised; indicator I1 not seen → seen; "
        "indicator I2 not yet posed → not seen.")


def _edition(folder, edition, rows, judgment, likelihood, indicators) -> dict:
    folder.mkdir(parents=True)
    record = {"brief": NAME, "edition": edition, "edition_id": edition,
              "built_at": f"{edition}T05:00:00+00:00", "status": "built",
              "parameters": {"title": "A brief"}, "rows_version": 2, "rows": rows,
              "judgments": {"q1": {"judgment": judgment, "likelihood": likelihood,
                                   "confidence": "low", "indicators": indicators}}}
    (folder / "manifest.json").write_text(json.dumps(record), encoding="utf-8")
    (folder / f"{NAME}.html").write_text("<p>brief</p>", encoding="utf-8")
    (folder / f"{NAME}.pdf").write_bytes(b"%PDF-1.7\n\x00\xff binary\n%%EOF\n")
    return record


@pytest.fixture
def second(tmp_path):
    """A second edition's manifest, folder and the first edition's manifest."""
    first = tmp_path / NAME / "2021-01-01"
    _edition(first, "2021-01-01", {"fighter_estimates": {"E1": "a", "E2": "b"}},
             "Contained.", "likely", {"I1": "not seen"})
    folder = tmp_path / NAME / "2021-03-01"
    record = _edition(folder, "2021-03-01",
                      {"fighter_estimates": {"E1": "a", "E2": "c", "E3": "d"}},
                      "Growing.", "roughly even chance", {"I1": "seen", "I2": "not seen"})
    return record, folder, first / "manifest.json"


def _compose(record, previous, folder, **kwargs):
    return mail.compose(record, previous, formats.published(folder, NAME),
                        sender=SENDER, recipients=RECIPIENTS, **kwargs)


def _parsed(message) -> email.message.EmailMessage:
    return email.message_from_bytes(message.as_bytes(), policy=policy.default)


def _text(parsed, kind: str) -> str:
    """The message's plain or html body, its lines ended in "\n" (CRLF on the wire)."""
    return parsed.get_body((kind,)).get_content().replace("\r\n", "\n")


def _soup(parsed) -> BeautifulSoup:
    return BeautifulSoup(_text(parsed, "html"), "html.parser")


def test_a_message_says_the_news_and_carries_the_brief(second):
    record, folder, previous = second
    parsed = _parsed(_compose(record, previous, folder))
    assert parsed["Subject"] == "A brief: edition 2021-03-01"
    assert parsed["From"] == SENDER
    assert [a.addr_spec for a in parsed["To"].addresses] == RECIPIENTS
    assert parsed["Date"].datetime is not None
    assert re.fullmatch(r"<[^@\s]+@bedfellows>", parsed["Message-ID"])
    assert parsed.get_content_type() == "multipart/mixed"
    body, *attached = parsed.iter_parts()
    assert [p.get_content_type() for p in body.iter_parts()] == ["text/plain", "text/html"]
    assert _text(parsed, "plain") == (
        f"{NEWS}\n\nThe brief is attached as HTML ({NAME}.html) and PDF ({NAME}.pdf).\n")

    html = _text(parsed, "html")
    assert not re.search(r"<\s*(script|style|link|img)\b", html, re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*https?:""", html, re.I)
    soup = _soup(parsed)
    assert all(e.get("style") and not e.get("class")
               for e in [soup.body, *soup.body.find_all(True)])
    assert [li.get_text() for li in soup.find("h2", string="Bottom line")
            .find_next_sibling("ul")("li")] == ["Growing. (roughly even chance; confidence low)"]
    moves = soup.find("h2", string="What changed since 2021-01-01").find_next_sibling("ul")
    assert "indicator I1 not seen → seen" in [li.get_text() for li in moves("li")]

    assert [(p.get_filename(), p.get_content_type(), p.get_payload(decode=True))
            for p in attached] == [
        (f"{NAME}.html", "text/html", (folder / f"{NAME}.html").read_bytes()),
        (f"{NAME}.pdf", "application/pdf", (folder / f"{NAME}.pdf").read_bytes())]
    assert all(p.get_content_disposition() == "attachment" for p in attached)


def test_a_first_edition_says_so(second):
    record, folder, _ = second
    parsed = _parsed(_compose(record, None, folder))
    assert "What changed: first edition.\n" in _text(parsed, "plain")
    soup = _soup(parsed)
    assert soup.find("h2", string="What changed").find_next_sibling("p").get_text() == \
        "First edition."
    assert not soup.find("a")


def test_the_html_parses_and_escapes_analyst_text(second):
    record, folder, previous = second
    record["judgments"]["q1"]["judgment"] = "<b>Growing</b> & <script>x()</script>"
    html = _text(_parsed(_compose(record, previous, folder)), "html")
    assert "&lt;b&gt;Growing&lt;/b&gt; &amp; &lt;script&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html and soup.head.title.string == "A brief: edition 2021-03-01"
    assert not soup.find("b") and not soup.find("script")
    assert soup.find("li").get_text().startswith("<b>Growing</b> & <script>x()</script> (")


def test_a_message_goes_through_a_real_smtp_server(second):
    record, folder, previous = second
    message = _compose(record, previous, folder)
    with smtp_server() as server, smtplib.SMTP(server.host, server.port,
                                               local_hostname="localhost", timeout=10) as smtp:
        smtp.send_message(message)
    [(mail_from, rcpt_tos, got)] = server.messages
    assert (mail_from, rcpt_tos) == (SENDER, RECIPIENTS)
    assert got["Message-ID"] == message["Message-ID"]
    assert _text(got, "plain").startswith(NEWS)
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP(HOST, refused_port(), local_hostname="localhost", timeout=10)


def test_a_refused_recipient_is_said_and_the_others_receive_it(second, tmp_path):
    record, folder, previous = second
    with smtp_server() as server:
        brief = config.BriefConfig(
            NAME, tmp_path / "n.ipynb", email=("ana@example.org", "nobody@example.org"),
            server=config.MailServer(HOST, server.port, False, SENDER))
        said = mail.deliver(brief, folder, previous)
        assert said == ("sent to 1 recipient; nobody@example.org refused by the server "
                        "(550 5.1.1 no such mailbox)")
        [(_, to, message)] = server.messages
        assert to == ["ana@example.org"] and message["Subject"] == "A brief: edition 2021-03-01"
