"""The `brief` command line. Exit codes: 0 success, 1 validation or build failure,
2 usage error."""

import sys
from pathlib import Path

import typer

from . import params as notebook_params
from .errors import BedfellowsError, ParameterError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build and check Bedfellows analytic briefs.")

DataOption = typer.Option(None, "--data", help="data directory (default: the project's data/)",
                          file_okay=False)


@app.command()
def validate(data: Path = DataOption):
    """Check every table and report ALL problems, one per line as file:row:column."""
    from .load import DEFAULT_DATA_DIR
    from .validate import validate as validate_data

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


def _overrides(param: list[str]) -> dict[str, str]:
    pairs = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParameterError(f"--param {item!r}: expected NAME=VALUE")
        pairs[key.strip()] = value
    return pairs


@app.command()
def build(
    name: str = typer.Argument(None, help="configured brief (default: the first in briefs.toml)"),
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD: the brief as known that day"),
    param: list[str] = typer.Option([], "--param", help="NAME=VALUE, a notebook parameter"),
    data: Path = DataOption,
    out: Path = typer.Option(None, "--out", help="output directory (default: reports/)",
                             file_okay=False),
):
    """Run a brief's notebook and publish its HTML and PDF under reports/<name>/<as-of>/."""
    from . import config
    from .build import build as build_brief
    from .build import resolve_parameters

    briefs = config.load()
    if name is not None and config.check_name(name) not in briefs:
        raise ParameterError(f"no brief named {name!r} (configured: {', '.join(briefs)})")
    brief = briefs[name] if name else next(iter(briefs.values()))
    declared = notebook_params.declared(brief.notebook)
    overrides = {}
    for key, text in _overrides(param).items():
        if key not in declared:
            raise ParameterError(f"unknown parameter {key!r} (expected one of: "
                                 f"{', '.join(declared)})")
        overrides[key] = notebook_params.from_text(declared[key]["type"], key, text)
    if as_of is not None:
        overrides["as_of"] = as_of
    values = resolve_parameters(brief, overrides, data)
    outcome = build_brief(brief, values, out_dir=out or config.REPORTS)
    if outcome.status != "built":
        typer.echo(f"{brief.name}: build failed: {outcome.message} "
                   f"(executed notebook kept in {outcome.directory})", err=True)
        raise typer.Exit(1)
    typer.echo(f"{brief.name}: built {outcome.directory} in {outcome.timings['total']:.1f} s")


@app.command("datadict")
def datadict_command(
    check: bool = typer.Option(False, "--check", help="exit 1 if data/README.md is stale"),
):
    """Write the data dictionary, data/README.md, from the schema declarations."""
    from . import datadict
    from .load import DEFAULT_DATA_DIR

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
