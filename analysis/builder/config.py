"""The configured briefs (briefs.toml): validated on load, with clear errors.

Each `[[brief]]` entry: `name` (a lowercase slug: it names the output folder), `notebook`
(a file in the `notebooks/` folder beside the config), optional `title`, `parameters`,
`formats` and `cell_timeout` (seconds). `title` is passed to the notebook as its `title`
parameter.
"""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import ParameterError
from analysis.paths import CONFIG

FORMATS = ("html", "pdf")
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NOTEBOOK = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*\.ipynb")
KEYS = {"name", "notebook", "title", "parameters", "formats", "cell_timeout"}
CELL_TIMEOUT = 120


@dataclass(frozen=True)
class BriefConfig:
    name: str
    notebook: Path
    parameters: dict = field(default_factory=dict)
    formats: tuple[str, ...] = FORMATS
    cell_timeout: int = CELL_TIMEOUT


def check_name(name: str) -> str:
    """A brief name is a lowercase slug: it can never leave the output directory."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ParameterError(f"bad brief name {name!r} (expected lowercase letters, digits "
                             "and single hyphens, e.g. russia-taliban)")
    return name


def load(path: Path = CONFIG) -> dict[str, BriefConfig]:
    """Every configured brief by name, in file order."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ParameterError(f"{path.name}: {e}") from None
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
        formats = tuple(entry.get("formats", FORMATS))
        if not formats or set(formats) - set(FORMATS):
            raise ParameterError(f"{where}: formats must be among {FORMATS}")
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
        briefs[name] = BriefConfig(name, path.parent / "notebooks" / notebook, parameters,
                                   formats, timeout)
    if not briefs:
        raise ParameterError(f"{path.name}: no [[brief]] configured")
    return briefs
