"""`brief build`: run a brief's notebook with papermill and publish its HTML and PDF as one
edition.

Order matters for speed: parameters are checked first (no kernel yet), then the kernel and
the helper processes start; the builder imports papermill while the kernel boots, loads its
HTML renderer once the kernel is at work, and stops the kernel while the PDF is laid out.
Outputs are staged and published by rename; a failed build publishes nothing and keeps its
executed notebook and a manifest under `<brief>/failed/`.
"""

import json
import shutil
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from analysis import contract
from analysis.builder import freshness, manifest, params, publish
from analysis.builder.config import BriefConfig
from analysis.builder.execute import Kernel, run
from analysis.builder.manifest import Status
from analysis.contract import MIME_TYPE
from analysis.core import provenance
from analysis.errors import ExecutionFailed
from analysis.paths import REPORTS
from analysis.render import formats
from analysis.tables import changes, files

RUN_TIMEOUT = 600


@dataclass
class Outcome:
    name: str
    status: Status  # built, failed or up to date
    edition: str  # its id: the day, then its number that day (`manifest.next_edition_id`)
    directory: Path | None  # None: nothing was kept
    message: str = ""
    timings: dict = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)  # editions delivered (`deliver`), a line each
    unsent: list[str] = field(default_factory=list)  # and those that could not be


class _Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str):
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now

    def total(self) -> dict:
        return {**self.laps, "total": round(time.perf_counter() - self.start, 3)}


def resolve_parameters(brief: BriefConfig, overrides: dict, data_dir: Path | None) -> dict:
    """The brief's parameter values, checked against the notebook's declarations. A data
    folder given on the command line is relative to where the command runs; one in the
    notebook or briefs.toml, to the notebook's folder, as Jupyter runs it."""
    if overrides.get("data_dir"):
        data_dir = overrides["data_dir"]
    given = {**brief.parameters, **overrides}
    if data_dir is not None:
        given["data_dir"] = str(Path(data_dir).resolve())
    values = params.resolve(params.declared(brief.notebook), given)
    if values.get("data_dir"):
        values["data_dir"] = str((brief.notebook.parent / str(values["data_dir"])).resolve())
    return values


def edition_of(values: dict) -> str:
    """The edition a build makes: its as-of day, else today."""
    return values.get("as_of") or date.today().isoformat()


def build(brief: BriefConfig, values: dict, *, out_dir: Path = REPORTS,
          run_timeout: int = RUN_TIMEOUT) -> Outcome:
    """Build one brief with already-resolved parameter values."""
    clock = _Clock()
    brief_dir = Path(out_dir) / brief.name
    edition = manifest.next_edition_id(brief_dir, edition_of(values))
    previous = manifest.previous(brief_dir)
    if "previous" in values and values["previous"] is None and previous is not None:
        values = {**values, "previous": str(previous)}  # what changed since the last edition
    last = manifest.last_good(brief_dir)
    contents = last.get(manifest.CONTENTS) if last else None  # for `render.ahead`
    stage = publish.staging(brief_dir, "build")
    try:  # whatever happens, no staging folder is left behind
        return _build(brief, values, stage, brief_dir, edition, clock, run_timeout, contents)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _build(brief, values, stage: Path, brief_dir: Path, edition: str, clock: _Clock,
           run_timeout: int, contents: list | None) -> Outcome:
    record = {**manifest.record(brief, values, edition_of(values)), "edition_id": edition}
    data_dir = freshness.data_dir(values)
    try:
        record.update(_make(brief, values, stage, clock, run_timeout, contents))
    except ExecutionFailed as failure:
        return _failed(brief, stage, record, clock, failure.kind, str(failure),
                       failure.cell_index, failure.ename, data_dir)
    except OSError:
        raise  # the disk, not the brief: reported by the command line, nothing kept
    except Exception as e:  # rendering broke: keep the executed notebook all the same
        first_line = (str(e).strip().splitlines() or [""])[0]
        return _failed(brief, stage, record, clock, "render error",
                       f"render error: {type(e).__name__}: {first_line}", None,
                       type(e).__name__, data_dir)
    outputs = _outputs(stage / f"{brief.name}.ipynb")
    used = [files.used(key) for key in contract.data_used(outputs)]
    if len(used) > 1 or None in used:  # sections made from different bytes
        return _failed(brief, stage, record, clock, "data changed",
                       "the data changed during the build (the sections were made from "
                       "different versions of it): nothing was published; build again",
                       None, "DataChanged", data_dir)
    record, note = _with_data(brief, values, record, data_dir, used[0] if used else None)
    record[manifest.CONTENTS] = contract.toc(outputs)
    judged = contract.judgments(outputs)
    if judged is not None:  # for the next edition's bottom line to compare with
        record[contract.JUDGMENTS] = judged
    record["outputs"] = {p.name: provenance.sha256(p) for p in sorted(stage.iterdir())}
    record.update(status=Status.BUILT, timings=clock.total())
    manifest.write(stage, record)
    target = brief_dir / edition
    publish.replace_dir(stage, target)
    publish.copy_dir(target, brief_dir / manifest.LATEST)
    shutil.rmtree(brief_dir / manifest.FAILED, ignore_errors=True)
    return Outcome(brief.name, Status.BUILT, edition, target, note, clock.total())


def _with_data(brief, values, record: dict, data_dir: Path, used: files.Used | None
               ) -> tuple[dict, str]:
    """The manifest with the data the brief was made from, and its digest (up to date
    while those bytes stay): the bytes the kernel read, however the files changed since
    (then a note says so); for a notebook that loads no tables, the files as they are."""
    now = files.checksums(data_dir)
    sums = used.files if used else now
    rows = used.rows if used else changes.row_digests(data_dir)
    found = manifest.data(record, data_dir, sums, rows)
    found["digest"] = freshness.inputs_digest(brief, values, sums)
    note = "" if sums == now else (
        "the data changed during the build; this edition is of the data as it was first "
        "read (its manifest says so): build again for the changes")
    return found, note


def _make(brief: BriefConfig, values: dict, stage: Path, clock: _Clock,
          run_timeout: int, contents: list | None) -> dict:
    """The executed notebook and the brief's formats, into `stage`: the kernel and the
    helper processes start at once; charts are drawn, and the print page laid out, as
    their cells finish (`contents`: the last edition's table of contents). Returns what
    the manifest keeps of how the formats were made (`formats.write`)."""
    from analysis.render.ahead import Ahead

    scratch = Path(tempfile.mkdtemp(prefix="bedfellows-build-"))  # the kernel's sockets and
    kernel = workers = stopping = ahead = None  # every process's temporary files
    executed = stage / f"{brief.name}.ipynb"
    charts: list = []  # futures, one per cell with charts, in document order
    # The builder idles while the kernel works: load the HTML renderer then, not while
    # papermill is still being imported and the kernel is starting.
    loaded = threading.Event()

    def warm_up():
        formats.warm_up()
        loaded.set()
    warm = threading.Thread(target=warm_up, daemon=True)

    def cell_done(notebook, cell, cell_index, **_):
        if warm.ident is None:
            warm.start()
        specs = [o["data"][MIME_TYPE] for o in cell.get("outputs", [])
                 if MIME_TYPE in o.get("data", {})]
        if specs and workers:
            charts.append(workers.charts(specs))
        if ahead:
            ahead.ran(notebook, cell_index, charts)

    title, paper = values.get("title", brief.name), values.get("paper", "A4")
    with ExitStack() as cleanup:  # each step runs whatever the one before it did, last first
        cleanup.callback(shutil.rmtree, scratch, ignore_errors=True)
        cleanup.callback(lambda: workers and workers.close())
        cleanup.callback(lambda: stopping.join() if stopping else kernel and kernel.shutdown())
        cleanup.callback(lambda: ahead and ahead.stop())
        kernel = Kernel(scratch, cwd=brief.notebook.parent)
        if formats.prints(brief.formats):
            from analysis.render.workers import Worker

            workers = Worker(scratch)
            ahead = Ahead(workers, contents=contents, title=title, paper=paper, base=stage,
                          ready=loaded)
        clock.lap("start")
        run(brief.notebook, executed, values, kernel, cell_timeout=brief.cell_timeout,
            run_timeout=run_timeout, on_cell_executed=cell_done)
        clock.lap("execute")
        stopping = threading.Thread(target=kernel.shutdown)  # while the PDF is laid out
        stopping.start()
        if warm.ident is None:
            warm.start()
        warm.join()
        if ahead:
            ahead.stop()
        return formats.write(executed, stage, name=brief.name, formats=brief.formats,
                             title=title, paper=paper, workers=workers, charts=charts,
                             lap=clock.lap, ahead=ahead.jobs if ahead else None)


def _outputs(executed: Path) -> list[dict]:
    nb = json.loads(executed.read_text(encoding="utf-8"))
    return [o for cell in nb["cells"] for o in cell.get("outputs", [])]


def record_failure(brief: BriefConfig, values: dict, out_dir: Path, kind: str,
                   message: str) -> Outcome:
    """A failure found before anything ran (a bad parameter), kept like a failed build."""
    brief_dir = Path(out_dir) / brief.name
    stage = publish.staging(brief_dir, "build")
    record = manifest.record(brief, values, edition_of(values))
    return _failed(brief, stage, record, _Clock(), kind, message, None, "ParameterError")


def _failed(brief, stage: Path, record: dict, clock: _Clock, kind: str, message: str,
            cell_index, error_name, data_dir: Path | None = None) -> Outcome:
    """Publish the staged failure (executed notebook, manifest, with the checksums of the
    files in `data_dir`) as `<brief>/failed/`."""
    if data_dir is not None:
        record = manifest.data(record, data_dir, files.checksums(data_dir), None)
    record.update(status=Status.FAILED, timings=clock.total(), failure={
        "class": kind, "cell_index": cell_index, "error_name": error_name,
        "message": message})
    manifest.write(stage, record)
    failed = stage.parent / manifest.FAILED
    publish.replace_dir(stage, failed)
    return Outcome(brief.name, Status.FAILED, record["edition"], failed, message,
                   clock.total())
