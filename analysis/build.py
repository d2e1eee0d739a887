"""`brief build`: run a brief's notebook with papermill and publish its HTML and PDF.

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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from . import changes, freshness, params, provenance, publish
from .config import REPORTS, ROOT, BriefConfig
from .execute import ExecutionFailed, Kernel, run
from .outputs import MIME_TYPE

RUN_TIMEOUT = 600


@dataclass
class Outcome:
    name: str
    status: str  # "built", "failed" or "up to date"
    edition: str
    directory: Path
    message: str = ""
    timings: dict = field(default_factory=dict)


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
    """The brief's parameter values, checked against the notebook's declarations."""
    given = {**brief.parameters, **overrides}
    if data_dir is not None:
        given["data_dir"] = str(Path(data_dir).resolve())
    return params.resolve(params.declared(brief.notebook), given)


def edition_of(values: dict) -> str:
    """The edition a build makes: its as-of day, else today."""
    return values.get("as_of") or date.today().isoformat()


def build(brief: BriefConfig, values: dict, *, out_dir: Path = REPORTS,
          run_timeout: int = RUN_TIMEOUT) -> Outcome:
    """Build one brief with already-resolved parameter values."""
    clock = _Clock()
    edition = edition_of(values)
    brief_dir = Path(out_dir) / brief.name
    digest = freshness.inputs_digest(brief, values)
    previous = brief_dir / "latest" / "manifest.json"
    if "previous" in values and values["previous"] is None and previous.is_file():
        values = {**values, "previous": str(previous)}  # what changed since the last edition
    stage = publish.staging(brief_dir, "build")
    sockets = Path(tempfile.mkdtemp(prefix="bedfellows-kernel-"))
    kernel = worker = stopping = None
    executed = stage / f"{brief.name}.ipynb"
    manifest = _manifest(brief, values, edition, digest)
    charts = []  # futures, one per cell with charts, in document order

    # The builder idles while the kernel works: load the HTML renderer then, not while
    # papermill is still being imported and the kernel is starting.
    warm = threading.Thread(target=_prepare_renderers, daemon=True)

    def draw_charts(cell, **_):
        if warm.ident is None:
            warm.start()
        specs = [o["data"][MIME_TYPE] for o in cell.get("outputs", [])
                 if MIME_TYPE in o.get("data", {})]
        if specs and worker:
            charts.append(worker.charts(specs))

    try:
        kernel = Kernel(sockets, cwd=brief.notebook.parent)
        if "pdf" in brief.formats:
            from .worker import Worker

            worker = Worker()
        clock.lap("start")
        run(brief.notebook, executed, values, kernel, cell_timeout=brief.cell_timeout,
            run_timeout=run_timeout, on_cell_executed=draw_charts)
        clock.lap("execute")
        stopping = threading.Thread(target=kernel.shutdown)  # while the PDF is laid out
        stopping.start()
        if warm.ident is None:
            warm.start()
        warm.join()
        _render(brief, values, executed, stage, worker, charts, clock)
    except ExecutionFailed as failure:
        return _failed(brief, stage, manifest, clock, failure.kind, str(failure),
                       failure.cell_index, failure.ename)
    except Exception as e:  # rendering broke: keep the executed notebook all the same
        first_line = (str(e).strip().splitlines() or [""])[0]
        return _failed(brief, stage, manifest, clock, "render error",
                       f"render error: {type(e).__name__}: {first_line}", None,
                       type(e).__name__)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        if stopping:
            stopping.join()
        elif kernel:
            kernel.shutdown()
        shutil.rmtree(sockets, ignore_errors=True)
        if worker:
            worker.close()
    manifest["outputs"] = {p.name: provenance.sha256(p) for p in sorted(stage.iterdir())}
    manifest.update(status="built", timings=clock.total())
    _write_manifest(stage, manifest)
    target = brief_dir / edition
    publish.replace_dir(stage, target)
    publish.copy_dir(target, brief_dir / "latest")
    shutil.rmtree(brief_dir / "failed", ignore_errors=True)
    return Outcome(brief.name, "built", edition, target, timings=clock.total())


def _prepare_renderers() -> None:
    from . import assets, export_html

    export_html.prepare()
    assets.prepare()


def _render(brief, values, executed: Path, stage: Path, worker, charts: list,
            clock: _Clock) -> None:
    """HTML and PDF from the executed notebook: the PDF is laid out in the worker while
    this process renders the HTML. `charts` are the chart PDFs the worker is drawing."""
    import nbformat

    from . import export_html, export_pdf

    nb = nbformat.read(executed, as_version=4)
    title = values.get("title", brief.name)
    pdf = None
    if "pdf" in brief.formats:
        drawn = [chart for result in charts for chart in result.get()]
        slots = [export_pdf.slot(i, width, height) for i, (_, width, height) in enumerate(drawn)]
        printable = export_html.render(nb, mode="print", title=title, slots=slots,
                                       paper=values.get("paper", "A4"))
        pdf = worker.pdf(printable, stage / f"{brief.name}.pdf", [c for c, _, _ in drawn])
        clock.lap("print_html")
    if "html" in brief.formats:
        html = export_html.render(nb, mode="web", title=title)
        (stage / f"{brief.name}.html").write_text(html, encoding="utf-8")
        clock.lap("html")
    if pdf is not None:
        pdf.get()
        clock.lap("pdf")


def record_failure(brief: BriefConfig, values: dict, out_dir: Path, kind: str,
                   message: str) -> Outcome:
    """A failure found before anything ran (a bad parameter), kept like a failed build."""
    brief_dir = Path(out_dir) / brief.name
    stage = publish.staging(brief_dir, "build")
    manifest = _manifest(brief, values, edition_of(values), None)
    return _failed(brief, stage, manifest, _Clock(), kind, message, None, "ParameterError")


def _failed(brief, stage: Path, manifest: dict, clock: _Clock, kind: str, message: str,
            cell_index, error_name) -> Outcome:
    """Publish the staged failure (executed notebook, manifest) as `<brief>/failed/`."""
    manifest.update(status="failed", timings=clock.total(), failure={
        "class": kind, "cell_index": cell_index, "error_name": error_name,
        "message": message})
    _write_manifest(stage, manifest)
    failed = stage.parent / "failed"
    publish.replace_dir(stage, failed)
    return Outcome(brief.name, "failed", manifest["edition"], failed, message, clock.total())


def _manifest(brief: BriefConfig, values: dict, edition: str, digest: str | None) -> dict:
    data_dir = Path(values.get("data_dir") or ROOT / "data")
    files = [brief.notebook, ROOT / "requirements.lock", *provenance.data_files(data_dir)]
    return {
        "brief": brief.name,
        "edition": edition,
        "digest": digest,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": values,
        "inputs": {str(p): provenance.sha256(p) for p in files if p.is_file()},
        "rows": changes.row_digests(data_dir),
        "rows_version": changes.ROWS_VERSION,
        "versions": provenance.versions(),
    }


def _write_manifest(stage: Path, manifest: dict) -> None:
    (stage / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                                         encoding="utf-8")
