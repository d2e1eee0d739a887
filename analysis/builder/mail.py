"""An edition as one e-mail: its news (`news`) as plain text and as e-mail-safe HTML
(inline styles only, nothing fetched from the network), with the edition's files attached."""

import mimetypes
from datetime import UTC, datetime
from email import policy, utils
from email.message import EmailMessage
from pathlib import Path

from markupsafe import Markup

from analysis.builder import manifest, news
from analysis.core import words

TYPES = mimetypes.MimeTypes()
"""Python's own table of file types, not the machine's: a file's type is the same anywhere."""
KINDS = {"text/html": "HTML", "application/pdf": "PDF"}

BODY = "margin:0;padding:16px;font-family:Georgia,serif;color:#1a1a1a;background:#ffffff"
H1 = "margin:0 0 4px;font-size:22px"
EDITION = "margin:0 0 16px;font-size:14px;color:#555555"
H2 = "margin:20px 0 8px;font-size:17px"
LIST = "margin:0;padding-left:20px"
ITEM = "margin:0 0 6px;line-height:1.4"
PARAGRAPH = "margin:0 0 8px;line-height:1.4"


def compose(record: dict, previous: Path | None, files: list[Path], *, sender: str,
            recipients: list[str], link: str | None = None) -> EmailMessage:
    """The message announcing the edition whose manifest is `record` (`previous`: the
    manifest of the edition before, None for a first edition), `files` attached, `link`
    (where the edition is online) named in the text."""
    title = (record.get("parameters") or {}).get("title") or record["brief"]
    edition = manifest.edition_id(record)
    subject = f"{title}: edition {edition}"
    told = news.news(record, previous)
    typed = [(path, TYPES.guess_type(path.name)[0] or "application/octet-stream")
             for path in files]
    footer = [line for line in (_attached(typed), link and f"Online: {link}") if line]
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = utils.format_datetime(datetime.now(UTC))
    message["Message-ID"] = utils.make_msgid(domain="bedfellows")
    message.set_content("\n\n".join([told.text(), *footer]) + "\n")
    message.add_alternative(_html(subject, title, edition, told, footer), subtype="html")
    for path, kind in typed:
        maintype, subtype = kind.split("/")
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                               filename=path.name)
    return message


def _attached(typed: list[tuple[Path, str]]) -> str | None:
    """'The brief is attached as HTML (x.html) and PDF (x.pdf).'; None without files."""
    if not typed:
        return None
    return ("The brief is attached as "
            + words.series([f"{KINDS.get(kind, kind)} ({path.name})" for path, kind in typed])
            + ".")


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
