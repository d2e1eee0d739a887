"""The `brief` command line. Exit codes: 0 success, 1 validation or build failure,
2 usage error."""

import gc
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
    held = set(frames["sources"].dropna(subset=["document"])["source_id"])
    quotes = sum(int((f["quote"].notna() & f["source_id"].isin(held)).sum())
                 for f in frames.values() if "quote" in f)
    typer.echo(f"ok: {len(frames)} tables, {rows} rows, {len(frames['sources'])} sources, "
               f"{quotes} quotes checked against held documents in {data}")


def _overrides(param: list[str]) -> dict[str, str]:
    pairs = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParameterError(f"--param {item!r}: expected NAME=VALUE")
        pairs[key.strip()] = value
    return pairs


ConfigOption = typer.Option(None, "--config", help="briefs file (default: the project's "
                            "briefs.toml)", dir_okay=False)
OutOption = typer.Option(None, "--out", help="output directory (default: reports/)",
                         file_okay=False)


@app.command()
def build(
    names: list[str] = typer.Argument(None, help="configured briefs (default: the first in "
                                                 "briefs.toml)", show_default=False),
    all_briefs: bool = typer.Option(False, "--all", help="build every configured brief"),
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD: the brief as known that day"),
    param: list[str] = typer.Option([], "--param", help="NAME=VALUE, a notebook parameter"),
    data: Path = DataOption,
    out: Path = OutOption,
    workers: int = typer.Option(1, "--workers", min=1, help="briefs built in parallel"),
    force: bool = typer.Option(False, "--force", help="rebuild briefs that are up to date"),
    config_file: Path = ConfigOption,
):
    """Build briefs and publish each under reports/<name>/<as-of>/ and latest/.

    A brief whose inputs are unchanged since its last good build is skipped ("up to
    date"). One brief failing does not stop the others; the exit code is 1 if any failed.
    """
    from . import config
    from .progress import Progress
    from .runner import build_many

    briefs = config.load(config_file or config.CONFIG)
    if all_briefs and names:
        raise ParameterError("give brief names or --all, not both")
    for name in names or []:
        if config.check_name(name) not in briefs:
            raise ParameterError(f"no brief named {name!r} (configured: {', '.join(briefs)})")
    chosen = (list(briefs.values()) if all_briefs else [briefs[n] for n in names] if names
              else [next(iter(briefs.values()))])
    texts = _overrides(param)
    if as_of is not None:
        texts["as_of"] = as_of
    for brief in chosen:  # the command line checked before anything starts: exit 2
        declared = notebook_params.declared(brief.notebook)
        try:
            notebook_params.resolve(declared, notebook_params.from_command_line(declared, texts))
        except ParameterError as e:
            raise ParameterError(f"{brief.name}: {e}" if len(chosen) > 1 else str(e)) from None
    progress = Progress([b.name for b in chosen])
    outcomes = build_many(
        chosen, texts, out_dir=out or config.REPORTS, data_dir=data, force=force, workers=workers,
        report=progress,
        on_wait=lambda pid: typer.echo(f"another brief build (pid {pid}) is using "
                                       f"{out or config.REPORTS}; waiting for it", err=True))
    progress.finish(outcomes)
    for o in outcomes:
        if o.status == "failed":
            typer.echo(f"{o.name}: build failed: {o.message} (kept in {o.directory})",
                       err=True)
        elif len(outcomes) > 1:
            continue  # the summary table said it
        elif o.status == "built":
            typer.echo(f"{o.name}: built {o.directory} in {o.timings['total']:.1f} s")
        else:
            typer.echo(f"{o.name}: up to date ({o.edition}, {o.directory})")
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


@app.command("list")
def list_briefs(out: Path = OutOption, config_file: Path = ConfigOption):
    """Show the configured briefs with their last build's status and date."""
    from . import config, freshness

    root = out or config.REPORTS
    for name, brief in config.load(config_file or config.CONFIG).items():
        latest = freshness.last_good(root / name)
        failed = freshness.read_manifest(root / name / "failed" / "manifest.json")
        state = f"built {latest['edition']} ({latest['built_at']})" if latest else "never built"
        if failed and (not latest or failed["built_at"] >= latest["built_at"]):
            state += f"; last build FAILED {failed['built_at']}: {failed['failure']['message']}"
        typer.echo(f"{name:22} {brief.notebook.name:28} {state}")


imports = typer.Typer(no_args_is_help=True, help="Bring external datasets into the tables.")
app.add_typer(imports, name="import")


@imports.command("sipri")
def import_sipri(
    file: Path = typer.Argument(..., help="a SIPRI trade-register export (CSV)",
                                exists=True, dir_okay=False),
    data: Path = DataOption,
    add_actors: bool = typer.Option(False, "--add-actors",
                                    help="create actors the export names but actors.csv "
                                         "lacks, instead of stopping"),
):
    """Merge a SIPRI Arms Transfers Database trade-register export into arms_sales.

    Re-importing the same file changes nothing; a newer export updates the rows it covers.
    On any problem nothing is written.
    """
    from . import sipri
    from .load import DEFAULT_DATA_DIR

    summary = sipri.import_export(file, data or DEFAULT_DATA_DIR, add_actors=add_actors)
    typer.echo(str(summary))


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
    finally:
        # The process ends here: spare the interpreter's last collection of everything a
        # build imported (a quarter of a second), the memory goes back to the system anyway.
        gc.freeze()
