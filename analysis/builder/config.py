"""The configured briefs (briefs.toml): validated on load, with clear errors.

Each `[[brief]]` entry: `name` (a lowercase slug: it names the output folder), `notebook`
(a file in the `notebooks/` folder beside the config), optional `title`, `parameters`,
`formats`, `cell_timeout` (seconds) and `email` (recipients of each new edition). `title`
is passed to the notebook as its `title` parameter.

A top-level `[email]` table says how editions are sent: `host`, `port`, `starttls` and
`sender` (and `user`, when the login is not the sender's address); the password only ever
comes from the environment (`PASSWORD_ENV`), never from a file.
"""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import ParameterError
from analysis.paths import CONFIG
from analysis.render.formats import FORMATS

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NOTEBOOK = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*\.ipynb")
KEYS = {"name", "notebook", "title", "parameters", "formats", "cell_timeout", "email"}
CELL_TIMEOUT = 120
SERVER_KEYS = {"host", "port", "starttls", "sender", "user"}
PASSWORD_ENV = "BEDFELLOWS_SMTP_PASSWORD"
ADDRESS = re.compile(r"[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+")


@dataclass(frozen=True)
class MailServer:
    """briefs.toml's `[email]`: the SMTP server editions are sent through."""

    host: str
    port: int
    starttls: bool
    sender: str
    user: str | None = None  # the login, when it is not the sender's address


@dataclass(frozen=True)
class BriefConfig:
    name: str
    notebook: Path
    parameters: dict = field(default_factory=dict)
    formats: tuple[str, ...] = field(default_factory=lambda: tuple(FORMATS))
    cell_timeout: int = CELL_TIMEOUT
    email: tuple[str, ...] = ()  # who receives each new edition
    server: MailServer | None = None  # through which (briefs.toml's `[email]`)


def check_name(name: str) -> str:
    """A brief name is a lowercase slug: it can never leave the output directory."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ParameterError(f"bad brief name {name!r} (expected lowercase letters, digits "
                             "and single hyphens, e.g. russia-taliban)")
    return name


def named(briefs: dict[str, BriefConfig], name: str) -> BriefConfig:
    """The configured brief called `name`; a clear error naming the others when none is."""
    if check_name(name) not in briefs:
        raise ParameterError(f"no brief named {name!r} (configured: {', '.join(briefs)})")
    return briefs[name]


def load(path: Path = CONFIG) -> dict[str, BriefConfig]:
    """Every configured brief by name, in file order."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ParameterError(f"{path.name}: {e}") from None
    server = _server(data.get("email"), path.name)
    briefs = {}
    for i, entry in enumerate(data.get("brief", []), start=1):
        where = f"{path.name}: brief {i}"
        unknown = set(entry) - KEYS
        if unknown:
            raise ParameterError(f"{where}: unknown key {', '.join(sorted(unknown))} "
                                 f"(expected: {', '.join(sorted(KEYS))})")
        name = check_name(entry.get("name"))
        where = f"{where} ({name})"
        notebook = entry.get("notebook")
        if not isinstance(notebook, str) or not NOTEBOOK.fullmatch(notebook) \
                or not (path.parent / "notebooks" / notebook).is_file():
            raise ParameterError(f"{where}: no notebook {notebook!r} in notebooks/")
        formats = entry.get("formats", list(FORMATS))
        if not isinstance(formats, list) or not formats or set(formats) - set(FORMATS):
            raise ParameterError(f"{where}: formats must be a list of {', '.join(FORMATS)} "
                                 f"(got {formats!r})")
        parameters = entry.get("parameters", {})
        if not isinstance(parameters, dict):
            raise ParameterError(f"{where}: parameters must be a table")
        if "title" in entry:
            parameters = {**parameters, "title": entry["title"]}
        timeout = entry.get("cell_timeout", CELL_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout <= 0:
            raise ParameterError(f"{where}: cell_timeout must be a whole number of seconds")
        if name in briefs:
            raise ParameterError(f"{where}: brief {name!r} is configured twice")
        email = entry.get("email", [])
        if not isinstance(email, list) or not all(
                isinstance(a, str) and ADDRESS.fullmatch(a) for a in email):
            raise ParameterError(f"{where}: email must be a list of addresses, e.g. "
                                 f'["reader@example.org"] (got {email!r})')
        if email and server is None:
            raise ParameterError(f"{where}: email needs an [email] table saying how to send "
                                 "(host, port, starttls, sender)")
        briefs[name] = BriefConfig(name, path.parent / "notebooks" / notebook, parameters,
                                   tuple(formats), timeout, tuple(email),
                                   server if email else None)
    if not briefs:
        raise ParameterError(f"{path.name}: no [[brief]] configured")
    return briefs


def _server(table, file: str) -> MailServer | None:
    """briefs.toml's `[email]` table, checked; None when there is none."""
    if table is None:
        return None
    where = f"{file}: [email]"
    if not isinstance(table, dict):
        raise ParameterError(f"{where} must be a table")
    unknown, missing = set(table) - SERVER_KEYS, {"host", "port", "sender"} - set(table)
    if unknown:
        raise ParameterError(f"{where}: unknown key {', '.join(sorted(unknown))} "
                             f"(expected: {', '.join(sorted(SERVER_KEYS))})")
    if missing:
        raise ParameterError(f"{where}: missing {', '.join(sorted(missing))}")
    host, port, starttls = table["host"], table["port"], table.get("starttls", False)
    sender, user = table["sender"], table.get("user")
    if not isinstance(host, str) or not host:
        raise ParameterError(f"{where}: host must be a server's name (got {host!r})")
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ParameterError(f"{where}: port must be a number from 1 to 65535 (got {port!r})")
    if not isinstance(starttls, bool):
        raise ParameterError(f"{where}: starttls must be true or false (got {starttls!r})")
    if not isinstance(sender, str) or not ADDRESS.fullmatch(sender):
        raise ParameterError(f"{where}: sender must be an address (got {sender!r})")
    if user is not None and (not isinstance(user, str) or not user):
        raise ParameterError(f"{where}: user must be a login name (got {user!r})")
    return MailServer(host, port, starttls, sender, user)
