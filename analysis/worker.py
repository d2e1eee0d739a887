"""The build's helper process: draws the charts (vl-convert, as vector PDF) and lays out
the PDF brief (WeasyPrint) beside the builder.

vl-convert holds the GIL for a whole call, including a ~0.5 s first-call warm-up, and
WeasyPrint's layout is pure Python: in a thread neither would overlap the builder's work,
in a process both do. The process starts with the build and warms up while the notebook
runs.
"""

import multiprocessing
import os
from multiprocessing.pool import AsyncResult, ThreadPool
from pathlib import Path


def _warm_up(own_process: bool):
    """WeasyPrint first; vl-convert's own warm-up only matters when a chart is not cached.

    A helper process yields the CPU to the kernel and the builder: until the notebook has
    run, they are what the build waits for."""
    if own_process:
        os.nice(10)
    from . import export_pdf

    export_pdf.prepare()


def _charts(specs: list[dict]) -> list[tuple[bytes, float, float]]:
    from . import export_pdf, svg

    return [(pdf, *export_pdf.page_size(pdf)) for pdf in svg.render_pdf(specs)]


def _pdf(html: str, target: str, charts: list[bytes]) -> None:
    from . import export_pdf

    export_pdf.write(html, Path(target), charts)


class Worker:
    """One helper process, started at once; results are `AsyncResult`s (`.get()`).

    Where this process may not have children (a daemonic worker, as on a Dask cluster by
    default), the helper is a thread: the same work, without the overlap."""

    def __init__(self):
        if multiprocessing.current_process().daemon:
            self._pool = ThreadPool(1, initializer=_warm_up, initargs=(False,))
        else:
            self._pool = multiprocessing.get_context("spawn").Pool(1, initializer=_warm_up,
                                                                initargs=(True,))

    def charts(self, specs: list[dict]) -> AsyncResult:
        return self._pool.apply_async(_charts, (specs,))

    def pdf(self, html: str, target: Path, charts: list[bytes]) -> AsyncResult:
        return self._pool.apply_async(_pdf, (html, str(target), charts))

    def close(self):
        """Stop the process now: whatever it was doing is no longer wanted."""
        self._pool.terminate()
