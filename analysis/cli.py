"""The `brief` command line. Exit codes: 0 success, 1 validation or build failure,
2 usage error."""

import sys
from pathlib import Path

import typer

from . import datadict
from .errors import BedfellowsError, ParameterError
from .load import DEFAULT_DATA_DIR
from .validate import validate as validate_data

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build and check Bedfellows analytic briefs.")

DataOption = typer.Option(None, "--data", help="data directory (default: the project's data/)",
                          file_okay=False)


@app.command()
def validate(data: Path = DataOption):
    """Check every table and report ALL problems, one per line as file:row:column."""
    data = data or DEFAULT_DATA_DIR
    frames, problems = validate_data(data)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {data}", err=True)
        raise typer.Exit(1)
    rows = sum(len(f) for f in frames.values())
    quotes = sum(int(f["quote"].notna().sum()) for f in frames.values() if "quote" in f)
    typer.echo(f"ok: {len(frames)} tables, {rows} rows, {len(frames['sources'])} sources, "
               f"{quotes} quotes checked in {data}")


@app.command("datadict")
def datadict_command(
    check: bool = typer.Option(False, "--check", help="exit 1 if data/README.md is stale"),
):
    """Write the data dictionary, data/README.md, from the schema declarations."""
    path = DEFAULT_DATA_DIR / "README.md"
    text = datadict.render()
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            typer.echo(f"{path} is stale: run `brief datadict`", err=True)
            raise typer.Exit(1)
        return
    path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {path}")


def main() -> None:
    """Entry point: known errors become one line on stderr, never a traceback."""
    try:
        app()
    except ParameterError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(2)
    except BedfellowsError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)
