"""An edition as one e-mail: its news (`news`) as plain text and as e-mail-safe HTML
(inline styles only, nothing fetched from the network), with the edition's files attached;
sent through briefs.toml's SMTP server (`[email]`), the password only from the environment."""

import os
import smtplib
import ssl
from datetime import UTC, datetime
from email import policy, utils
from email.message import EmailMessage
from pathlib import Path

from markupsafe import Markup

from analysis.builder import manifest, news
from analysis.builder.config import PASSWORD_ENV, BriefConfig, MailServer
from analysis.core import words
from analysis.errors import DeliveryFailed
from analysis.render import formats
from analysis.render.formats import Format

BODY = ("margin:0 auto;max-width:680px;padding:16px;font-family:Georgia,serif;"
        "color:#1a1a1a;background:#ffffff")
H1 = "margin:0 0 4px;font-size:22px"
EDITION = "margin:0 0 16px;font-size:14px;color:#555555"
H2 = "margin:20px 0 8px;font-size:17px"
LIST = "margin:0;padding-left:20px"
ITEM = "margin:0 0 6px;line-height:1.4"
PARAGRAPH = "margin:0 0 8px;line-height:1.4"


def compose(record: dict, previous: Path | None, files: list[tuple[Format, Path]], *,
            sender: str, recipients: list[str]) -> EmailMessage:
    """The message announcing the edition whose manifest is `record` (`previous`: the
    manifest of the edition before, None for a first edition), `files` (each with its
    format: `formats.published`) attached."""
    title, edition, subject = news.brief_title(record), manifest.edition_id(record), \
        news.title(record)
    told = news.news(record, previous)
    footer = [line for line in [_attached(files)] if line]
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = utils.format_datetime(datetime.now(UTC))
    message["Message-ID"] = utils.make_msgid(domain="bedfellows")
    message.set_content("\n\n".join([told.text(), *footer]) + "\n")
    message.add_alternative(_html(subject, title, edition, told, footer), subtype="html")
    for fmt, path in files:
        maintype, subtype = fmt.media_type.split("/")
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                               filename=path.name,  # the briefs' text is UTF-8
                               params={"charset": "utf-8"} if maintype == "text" else None)
    return message


def deliver(brief: BriefConfig, folder: Path, previous: Path | None) -> str:
    """Send the edition in `folder` to the brief's recipients; what was done."""
    assert brief.server is not None  # config.load gives a server to every brief with email
    message = compose(manifest.read(folder) or {}, previous,
                      formats.published(folder, brief.name), sender=brief.server.sender,
                      recipients=list(brief.email))
    refused = send(brief.server, message)
    taken = len(brief.email) - len(refused)
    return f"sent to {words.plural(taken, 'recipient')}" + "".join(
        f"; {address} refused by the server ({code} {reason.decode(errors='replace')})"
        for address, (code, reason) in refused.items())


def send(server: MailServer, message: EmailMessage, timeout: float = 30
         ) -> dict[str, tuple[int, bytes]]:
    """Hand `message` to the SMTP server; the recipients it refused while it took the
    others (`smtplib`'s). DeliveryFailed, in one line, when it cannot be (the password,
    from the environment, is never in it)."""
    password = os.environ.get(PASSWORD_ENV)
    try:
        with smtplib.SMTP(server.host, server.port, timeout=timeout) as smtp:
            if server.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if password:
                smtp.login(server.user or server.sender, password)
            return smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as e:
        reason = str(e).replace(password, "…") if password else str(e)
        raise DeliveryFailed(f"the SMTP server {server.host}:{server.port} "
                             f"{_why(e)}: {reason or type(e).__name__}") from None


def _why(e: Exception) -> str:
    if isinstance(e, ConnectionRefusedError):
        return "refused the connection"
    if isinstance(e, smtplib.SMTPAuthenticationError):
        return f"did not accept the login ({PASSWORD_ENV})"
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "refused every recipient"
    if isinstance(e, smtplib.SMTPException):
        return "did not take the message"
    return "could not be reached"


def _attached(files: list[tuple[Format, Path]]) -> str | None:
    """'The brief is attached as HTML (x.html) and PDF (x.pdf).'; None without files."""
    if not files:
        return None
    return ("The brief is attached as "
            + words.series([f"{fmt.label} ({path.name})" for fmt, path in files]) + ".")


def _html(subject: str, title: str, edition: str, told: news.News,
          footer: list[str]) -> str:
    """The news as a whole HTML page for a mail reader: every element styled inline."""
    bottom, changed = told.bottom_line(), told.changes()
    parts = [
        _tag("h1", H1, title),
        _tag("p", EDITION, f"Edition {edition}"),
        _tag("h2", H2, "Bottom line"),
        _list(bottom) if bottom else _tag("p", PARAGRAPH, f"{news.NO_JUDGMENT.capitalize()}."),
    ]
    if told.since is None:
        parts += [_tag("h2", H2, "What changed"),
                  _tag("p", PARAGRAPH, f"{news.FIRST.capitalize()}.")]
    else:
        parts += [_tag("h2", H2, f"What changed since {told.since}"),
                  _list(changed) if changed
                  else _tag("p", PARAGRAPH, f"{news.NOTHING.capitalize()}.")]
    parts += [_tag("p", PARAGRAPH, line) for line in footer]
    page = Markup(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{}</title>'
        '</head>\n<body style="{}">\n{}\n</body></html>\n')
    return page.format(subject, BODY, Markup("\n").join(parts))


def _tag(name: str, style: str, content: str | Markup) -> Markup:
    """`<name style="...">content</name>`, `content` escaped unless it is markup."""
    return Markup('<{0} style="{1}">{2}</{0}>').format(Markup(name), style, content)


def _list(items: list[str]) -> Markup:
    return _tag("ul", LIST, Markup("").join(_tag("li", ITEM, item) for item in items))
