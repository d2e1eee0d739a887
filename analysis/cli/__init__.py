"""The `brief` command line. Exit codes: 0 success, 1 validation or build failure,
2 usage error, 3 an edition published but not delivered (an e-mail not sent: the next
build retries it)."""

import gc
import inspect
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from analysis import paths
from analysis.builder import params as notebook_params
from analysis.builder.manifest import Status
from analysis.core import crash
from analysis.errors import BedfellowsError, ParameterError
from analysis.importers import IMPORTERS, Importer

UNDELIVERED = 3
"""The exit code of a run whose editions were all published but not all delivered."""

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build and check Bedfellows analytic briefs.")

DataOption = typer.Option(None, "--data", help="data directory (default: the project's data/)",
                          file_okay=False)


@app.command()
def validate(data: Path = DataOption):
    """Check every table and report ALL problems.

    One per line as file:row:column: every check a build makes of the data, the analyst's
    likelihood terms included.
    """
    from analysis.errors import DataError
    from analysis.evidence.questions import overclaims
    from analysis.tables import validate as checks
    from analysis.tables.load import load_tables

    data = data or paths.DATA
    try:
        t = load_tables(data)  # kept validated, as a build would, for the next build
    except DataError as e:
        problems = e.problems
    else:
        problems = overclaims(t)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {data}", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {checks.summary(dict(t.frames()), data)} in {data}")


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
    Each new edition goes to the brief's readers (its email in briefs.toml), and what
    waits from before; the exit code is 3 if one could not be sent.
    """
    from analysis.builder import config
    from analysis.builder.runner import build_many
    from analysis.cli.progress import Progress

    briefs = config.load(config_file or paths.CONFIG)
    if all_briefs and names:
        raise ParameterError("give brief names or --all, not both")
    chosen = (list(briefs.values()) if all_briefs
              else [config.named(briefs, n) for n in names] if names
              else [next(iter(briefs.values()))])
    texts = _overrides(param)
    if data is not None and "data_dir" in texts:
        raise ParameterError("give --data or --param data_dir=..., not both")
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
        chosen, texts, out_dir=out or paths.REPORTS, data_dir=data, force=force, workers=workers,
        report=progress,
        on_wait=lambda pid: typer.echo(f"another brief build (pid {pid}) is using "
                                       f"{out or paths.REPORTS}; waiting for it", err=True))
    progress.finish(outcomes)
    _say(outcomes)
    if any(o.status == Status.FAILED for o in outcomes):
        raise typer.Exit(1)
    if any(o.unsent for o in outcomes):
        raise typer.Exit(UNDELIVERED)


def _say(outcomes) -> None:
    """Failures and notes, one line each; for one brief, what came of it (for several,
    the summary table said it)."""
    for o in outcomes:
        if o.status == Status.FAILED:
            kept = f" (kept in {o.directory})" if o.directory else ""
            typer.echo(f"{o.name}: build failed: {o.message}{kept}", err=True)
            continue
        if o.status == Status.BUILT and o.message:
            typer.echo(f"{o.name}: note: {o.message}", err=True)
        for line in o.sent:
            typer.echo(line)
        for line in o.unsent:
            typer.echo(line, err=True)
        if len(outcomes) > 1:
            continue
        if o.status == Status.BUILT:
            typer.echo(f"{o.name}: built {o.directory} in {o.timings['total']:.1f} s")
        else:
            typer.echo(f"{o.name}: up to date ({o.edition}, {o.directory})")


@app.command()
def send(
    name: str = typer.Argument(..., help="a configured brief with recipients (its email)"),
    edition: str = typer.Option(None, "--edition", help="the edition's id, e.g. "
                                "2026-12-07 (default: the latest good edition)"),
    out: Path = OutOption,
    config_file: Path = ConfigOption,
):
    """Send an edition of a brief to its recipients again, by hand.

    One e-mail, the brief's HTML and PDF attached, as a build sends each new edition. Exit
    3 when it cannot be sent.
    """
    from analysis.builder import config, deliver, manifest

    brief = config.named(config.load(config_file or paths.CONFIG), name)
    brief_dir = (out or paths.REPORTS) / name
    if not brief.email:
        raise ParameterError(f"{name} has no recipients: give it email = [...] in "
                             f"{(config_file or paths.CONFIG).name}")
    if edition is None:
        latest = manifest.last_good(brief_dir)
        if latest is None:
            raise ParameterError(f"{name} has no good edition to send: build it first")
        edition = manifest.edition_id(latest)
    done, failed = deliver.send(brief, brief_dir, [edition])
    for line in done:
        typer.echo(line)
    for line in failed:
        typer.echo(line, err=True)
    if failed:
        raise typer.Exit(UNDELIVERED)


@app.command("list")
def list_briefs(out: Path = OutOption, config_file: Path = ConfigOption):
    """Show the configured briefs with their last build's status and date.

    And the editions waiting to be sent (an e-mail that failed: the next build retries).
    """
    from analysis.builder import config, deliver, manifest
    from analysis.core import words

    root = out or paths.REPORTS
    for name, brief in config.load(config_file or paths.CONFIG).items():
        latest, failed = manifest.last_good(root / name), manifest.last_failure(root / name)
        state = (f"built {manifest.edition_id(latest)} ({latest['built_at']})" if latest
                 else "never built")
        if failed:
            state += f"; last build FAILED {failed['built_at']}: {failed['failure']['message']}"
        for destination, editions in deliver.waiting(brief, root / name).items():
            state += (f"; {words.plural(len(editions), 'edition')} not yet sent by "
                      f"{destination} ({', '.join(editions)})")
        typer.echo(f"{name:22} {brief.notebook.name:28} {state}")


@app.command()
def new(
    name: str = typer.Argument(..., help="the subject's brief name: a lowercase slug"),
    title: str = typer.Option(None, "--title", help="the brief's title (default: the name)"),
    config_file: Path = ConfigOption,
):
    """Start a new subject: its data, notebook and briefs.toml entry.

    data/NAME/ with every table's header (no rows yet), notebooks/NAME.ipynb with the
    brief's sections and placeholders for your prose, and its entry in briefs.toml. `brief
    build NAME` then builds it.
    """
    from analysis.builder import config, subject
    from analysis.tables import empty

    config_file = config_file or paths.CONFIG
    root = config_file.parent
    config.check_name(name)
    title = title or name.replace("-", " ").capitalize()
    data, notebook = root / "data" / name, root / "notebooks" / f"{name}.ipynb"
    if name in config.load(config_file):
        raise ParameterError(f"a brief named {name!r} is already configured in "
                             f"{config_file.name}")
    for taken in (data, notebook):
        if taken.exists():
            raise ParameterError(f"{taken.relative_to(root)} already exists: choose "
                                 "another name")
    subject.notebook(root / "notebooks" / "brief.ipynb", notebook, title=title,
                     data_dir=f"../data/{name}")
    empty.write(data)
    subject.add(config_file, name=name, notebook_name=notebook.name, title=title)
    typer.echo(f"new brief {name!r}: {data.relative_to(root)}/ (every table, no rows yet), "
               f"{notebook.relative_to(root)} (your prose: its placeholders), an entry in "
               f"{config_file.name}\nnext: `brief intake FILE --data "
               f"{data.relative_to(root)}` for each source, then `brief build {name}`")


@app.command()
def intake(
    file: Path = typer.Argument(..., help="a saved web page (HTML), a PDF or a text file",
                                dir_okay=False),
    source_id: str = typer.Option(None, "--source-id", help="the new source's id (default: "
                                  "made from its publisher and date)"),
    reliability: str = typer.Option(None, "--reliability", help="its Admiralty grade, A-F"),
    note: str = typer.Option(None, "--note", help="where the file came from (for the "
                             "document's header and the source's notes)"),
    data: Path = DataOption,
):
    """Hold a document (a saved page, a PDF, a text file) as a new source.

    Its text in data/documents/ under a provenance header, and its row in sources.csv,
    filled from what the file states of itself (each with where it was found); what it does
    not state is listed, to fill in. On any problem nothing is written.
    """
    from analysis.importers.intake import intake as hold

    typer.echo(str(hold(file, data or paths.DATA, source_id=source_id,
                        reliability=reliability, note=note)))


@app.command()
def quote(
    source_id: str = typer.Argument(..., help="the source whose held document to search"),
    words: str = typer.Argument(..., help="a few words of the passage, as remembered"),
    data: Path = DataOption,
):
    """Find the passage of a held document that a few words come from.

    Whatever their case, quotes, dashes, line breaks or small typos, the passage is printed
    exactly as held, ready for a row's quote cell; several are ranked, best first. Exit 1
    when none is.
    """
    from analysis.tables import passages

    name, text = passages.held(data or paths.DATA, source_id)
    found = passages.find(words, text)
    if not found:
        typer.echo(f"no passage of documents/{name} reads like {words!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"documents/{name}, best first:")
    for i, passage in enumerate(found, start=1):
        typer.echo(f"{i}. ({passage.score:.0f}% alike) {passage.text}")


@app.command()
def triage(
    questions: list[str] = typer.Argument(None, help="key questions (default: every one)",
                                          show_default=False),
    data: Path = DataOption,
):
    """List the new rows that bear on each key question's judgment.

    Per key question, the claim rows that entered the data since its judgment was last
    reviewed and bear on it (by its indicators, its evidence tags or its parties): newest
    entry first, each with why and whether it is tagged.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from analysis.core import words
    from analysis.evidence.questions import awaiting
    from analysis.evidence.questions import triage as awaiting_review
    from analysis.tables.load import load_tables

    t = load_tables(data or paths.DATA)
    found = awaiting_review(t, questions or None)
    console = Console(highlight=False, soft_wrap=False)
    if not found:
        typer.echo("no key question is on record: nothing to triage")
    for q in found:
        if q.current is None:
            typer.echo(f"{q.key}: no judgment yet: nothing to triage")
            continue
        rows = awaiting(t, q)
        if rows.empty:
            typer.echo(f"{q.key}: nothing entered since the review on {q.reviewed}")
            continue
        typer.echo(f"{q.key}: {words.plural(len(rows), 'row')} entered since the review on "
                   f"{q.reviewed}, {q.untagged:,} untagged")
        table = Table("row", "date", "entered", "summary", "matched", "tagged",
                      show_lines=False, expand=False)
        for r in rows.itertuples():  # as text: "[inferred: ...]" is no markup
            table.add_row(*map(Text, (r.row, r.date, r.entered, r.report, r.matched,
                                      "yes" if r.tagged else "no")))
        console.print(table)


imports = typer.Typer(no_args_is_help=True, help="Bring external datasets into the tables.")
app.add_typer(imports, name="import")


def _importer_command(importer: Importer) -> Callable[..., None]:
    """`brief import <name>`'s command: FILE, --data, and the importer's switches."""
    def command(file: Path, data: Path | None, **switches: bool) -> None:
        typer.echo(str(importer(file, data or paths.DATA, **switches)))

    Keyword = inspect.Parameter.KEYWORD_ONLY
    command.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("file", Keyword, annotation=Path, default=typer.Argument(
            ..., help=importer.file, exists=True, dir_okay=False)),
        inspect.Parameter("data", Keyword, annotation=Path, default=DataOption),
        *(inspect.Parameter(switch.replace("-", "_"), Keyword, annotation=bool,
                            default=typer.Option(False, f"--{switch}", help=help_))
          for switch, help_ in importer.switches.items())])
    return command


for _name, _importer in IMPORTERS.items():
    imports.command(_name, help=_importer.help)(_importer_command(_importer))


@app.command("datadict")
def datadict_command(
    check: bool = typer.Option(False, "--check", help="exit 1 if data/README.md is stale"),
):
    """Write the data dictionary, data/README.md, from the schema declarations."""
    from analysis.tables import datadict

    path = paths.DATA / "README.md"
    text = datadict.render()
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            typer.echo(f"{path} is stale: run `brief datadict`", err=True)
            raise typer.Exit(1)
        return
    path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {path}")


class Interrupted(BaseException):
    """SIGINT or SIGTERM, raised where the process is so that every cleanup on the way out
    runs (not KeyboardInterrupt, which the command-line library would swallow)."""

    def __init__(self, signum: int):
        self.code = 128 + signum


def _interrupt(signum, frame):
    raise Interrupted(signum)


def main() -> None:
    """Entry point: every error becomes one line on stderr, never a traceback (an
    unexpected one keeps its traceback in a log file the line names). SIGINT and SIGTERM
    stop the build, clean up, say "interrupted" and exit 130 or 143."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        app()
    except ParameterError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(2)
    except BedfellowsError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)
    except Interrupted as e:
        typer.echo("interrupted", err=True)
        sys.exit(e.code)
    except OSError as e:
        typer.echo(f"error: {crash.disk(e, Path.cwd())}", err=True)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the last guard
        typer.echo(f"error: {crash.line(e, ' '.join(['brief', *sys.argv[1:2]]))}", err=True)
        sys.exit(1)
    finally:
        # The process ends here: spare the interpreter's last collection of everything a
        # build imported (a quarter of a second), the memory goes back to the system anyway.
        gc.freeze()
