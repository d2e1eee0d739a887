"""A real SMTP server on localhost for the e-mail tests (aiosmtpd), and a port that refuses.

    with smtp_server() as server:
        smtplib.SMTP(server.host, server.port, local_hostname="localhost").send_message(m)
        [(mail_from, rcpt_tos, message)] = server.messages
"""

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


@dataclass
class Server:
    """Where the server listens, and every message it was sent: (MAIL FROM, RCPT TOs, the
    message parsed with `policy.default`). Its `handle_DATA` is aiosmtpd's handler hook."""

    host: str
    port: int
    messages: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        """Every recipient taken but those at `nobody@`, as a server refuses a mailbox."""
        if address.startswith("nobody@"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                              message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


def refused_port() -> int:
    """A localhost port nothing listens on: one the system found free a moment ago."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def smtp_server() -> Iterator[Server]:
    """An SMTP server on localhost for the `with` block, keeping what it is sent. It takes
    a free port (`refused_port`): aiosmtpd's Controller cannot listen on port 0, as it
    connects to its own port to see that it is up."""
    server = Server(HOST, refused_port())
    # a server name given: aiosmtpd would otherwise look up the machine's (socket.getfqdn)
    controller = Controller(server, hostname=HOST, port=server.port,
                            server_hostname="localhost")
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
