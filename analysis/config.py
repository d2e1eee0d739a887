"""The configured briefs (briefs.toml): validated on load, with clear errors."""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ParameterError

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "briefs.toml"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
FORMATS = ("html", "pdf")
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class BriefConfig:
    name: str
    notebook: Path
    parameters: dict = field(default_factory=dict)
    formats: tuple[str, ...] = FORMATS


def check_name(name: str) -> str:
    """A brief name is a lowercase slug: it can never leave the output directory."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ParameterError(f"bad brief name {name!r} (expected lowercase letters, digits "
                             "and single hyphens, e.g. russia-taliban)")
    return name


def load(path: Path = CONFIG) -> dict[str, BriefConfig]:
    """Every configured brief by name, in file order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ParameterError(f"{path.name}: {e}") from None
    briefs = {}
    for i, entry in enumerate(data.get("brief", []), start=1):
        where = f"{path.name}: brief {i}"
        unknown = set(entry) - {"name", "notebook", "parameters", "formats"}
        if unknown:
            raise ParameterError(f"{where}: unknown key {', '.join(sorted(unknown))}")
        name = check_name(entry.get("name"))
        notebook = entry.get("notebook", "")
        if not NAME.fullmatch(notebook.removesuffix(".ipynb").replace("_", "-")) \
                or not (NOTEBOOKS / notebook).is_file():
            raise ParameterError(f"{where} ({name}): no notebook {notebook!r} in notebooks/")
        formats = tuple(entry.get("formats", FORMATS))
        if not formats or set(formats) - set(FORMATS):
            raise ParameterError(f"{where} ({name}): formats must be among {FORMATS}")
        if name in briefs:
            raise ParameterError(f"{where}: brief {name!r} is configured twice")
        briefs[name] = BriefConfig(name, NOTEBOOKS / notebook, dict(entry.get("parameters", {})),
                                   formats)
    if not briefs:
        raise ParameterError(f"{path.name}: no [[brief]] configured")
    return briefs
