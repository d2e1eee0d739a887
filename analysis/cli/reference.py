"""The command-line reference, docs/cli.md: every `brief` command's `--help`, as a terminal
80 columns wide shows it. `python -m analysis.cli.reference` writes it;
tests/test_cli_reference.py checks that it is what the command line says."""

from typing import Any

import typer
from typer.testing import CliRunner

from analysis import paths
from analysis.cli import app

WIDTH = 80
HEADER = """# `brief`: the command-line reference

Every command's `--help`, as `brief` prints it. Written by `python -m analysis.cli.reference`
from the command line itself (`tests/test_cli_reference.py` fails when they differ).
"""


def commands() -> dict[str, Any]:
    """Every command and group (typer's click objects) by its words after `brief`, in the
    order `--help` lists them."""
    found: dict[str, Any] = {}
    todo: list[tuple[str, Any]] = [("", typer.main.get_command(app))]
    while todo:
        prefix, group = todo.pop(0)
        for name, command in getattr(group, "commands", {}).items():
            found[f"{prefix}{name}"] = command
            todo.append((f"{prefix}{name} ", command))  # a group: `brief import ...`
    return found


def help_text(words: str) -> str:
    """What `brief <words> --help` prints, trailing spaces left off."""
    result = CliRunner().invoke(app, [*words.split(), "--help"], prog_name="brief",
                                env={"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb"})
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    parts = [HEADER, f"```text\n{help_text('')}\n```\n"]
    parts += [f"## `brief {words}`\n\n```text\n{help_text(words)}\n```\n"
              for words in commands()]
    return "\n".join(parts)


if __name__ == "__main__":
    path = paths.ROOT / "docs" / "cli.md"
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")
