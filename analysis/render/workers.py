"""The build's helper processes: they draw the charts (vl-convert, as vector PDF) and lay
out the PDF brief (WeasyPrint) beside the builder, its parts side by side.

vl-convert holds the GIL for a whole call, including a ~0.5 s first-call warm-up, and
WeasyPrint's layout is pure Python: in a thread neither would overlap the builder's work,
in a process both do. The processes start with the build and warm up while the notebook
runs.
"""

import gc
import multiprocessing
import os
import signal
import tempfile
from multiprocessing.pool import AsyncResult, Pool, ThreadPool
from pathlib import Path

HELPERS = 2
"""Processes: the PDF's parts (`pdf.parts`) are laid out two at a time."""


def _warm_up(scratch: str | None):
    """WeasyPrint first; vl-convert's own warm-up only matters when a chart is not cached.

    A helper process yields the CPU to the kernel and the builder: until the notebook has
    run, they are what the build waits for. Its temporary files (WeasyPrint's font folders,
    removed only when a document is collected) go to the build's `scratch` folder, which
    the builder removes however the helper ends."""
    if scratch is not None:
        os.nice(10)
        # Ctrl-C reaches the whole process group: the builder stops the helpers itself
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.environ["TMPDIR"] = tempfile.tempdir = scratch
    from analysis.render import pdf

    pdf.warm_up()


def _charts(specs: list[dict]) -> list[tuple[bytes, float, float]]:
    from analysis.charts import static
    from analysis.render import pdf

    return [(chart, *pdf.page_size(chart)) for chart in static.render_pdf(specs)]


def _pictures(specs: list[dict]) -> list[str]:
    from analysis.charts import static

    return static.render_svg(specs)


def _lay_out(part, charts: list[bytes], base: str):
    from analysis.render import pdf

    return pdf.lay_out(part, charts, Path(base))


def _finish(parts: list, html: str, target: str) -> None:
    from analysis.render import pdf

    path = Path(target)
    pages = sum(part.pages for part in parts)
    pdf.finish(parts, pdf.frame(html, pages, path.parent), path)


class Worker:
    """The helper processes, started at once; results are `AsyncResult`s (`.get()`).

    Where this process may not have children (a daemonic worker, as on a Dask cluster by
    default), the helpers are threads: the same work, without the overlap."""

    def __init__(self, scratch: Path):
        """`scratch`: a folder of the build's own for the helpers' temporary files."""
        self.threads = multiprocessing.current_process().daemon
        self._pool: Pool
        if self.threads:
            # one thread: under the GIL two would not lay out the parts any sooner
            self._pool = ThreadPool(1, initializer=_warm_up, initargs=(None,))
        else:
            self._pool = multiprocessing.get_context("spawn").Pool(
                HELPERS, initializer=_warm_up, initargs=(str(scratch),))

    def charts(self, specs: list[dict]) -> AsyncResult:
        return self._pool.apply_async(_charts, (specs,))

    def pictures(self, specs: list[dict]) -> AsyncResult:
        """The charts as SVG (for the executed notebook's static fallback)."""
        return self._pool.apply_async(_pictures, (specs,))

    def lay_out(self, part, charts: list[bytes], base: Path) -> AsyncResult:
        """Start laying out one part of a print page (`pdf.parts`)."""
        return self._pool.apply_async(_lay_out, (part, charts, str(base)))

    def pdf(self, html: str, target: Path, charts: list[bytes],
            ahead: dict[str, AsyncResult] | None = None) -> "PdfJob":
        """Start laying out the PDF brief of the print page `html`; `ahead` holds parts
        already being laid out, by their HTML (`render.ahead`)."""
        from analysis.render import pdf

        ahead = ahead or {}
        wanted = pdf.parts(html)
        parts = [ahead.get(part.html) or self.lay_out(part, charts, target.parent)
                 for part in wanted]
        job = PdfJob(self._pool, parts, html, target)
        job.counts = {"parts": len(wanted), "ahead": sum(p.html in ahead for p in wanted)}
        return job

    def close(self):
        """Stop the processes now: whatever they were doing is no longer wanted. (Helper
        threads' documents are collected, and their font folders with them.)"""
        self._pool.terminate()
        if self.threads:
            gc.collect()


class PdfJob:
    def __init__(self, pool, parts: list[AsyncResult], html: str, target: Path):
        self._pool, self._parts, self._html, self._target = pool, parts, html, target
        self.counts: dict[str, int] = {}
        """The print page's parts, and how many of them were laid out ahead."""

    def get(self) -> None:
        """Wait for the parts, then join them into the PDF brief."""
        parts = [part.get() for part in self._parts]
        self._pool.apply(_finish, (parts, self._html, str(self._target)))
