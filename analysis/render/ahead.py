"""Laying out the print page while the notebook still runs: the helper processes idle while
the kernel computes the later sections, so the parts of the page already written go to them.

When the notebook pauses after a cell (`QUIET`), the page so far is rendered and cut into
parts (`pdf.parts`); every part finished by then, and the last one once it is big enough to
be cut after, is laid out. The first part holds the table of contents, which lists sections
not yet run: it is laid out ahead only with the contents the last edition had. Nothing laid
out ahead is trusted: the finished page is cut again, and a part is taken from here only if
its HTML is exactly that of the part laid out (`workers.Worker.pdf`); any other is laid out
then. The PDF is therefore the same, laid out ahead or not; only its time differs.
"""

import copy
import threading
from multiprocessing.pool import AsyncResult
from pathlib import Path

from analysis.render import page, pdf

QUIET = 0.2
"""Seconds without a cell finishing before the page so far is laid out: a run of quick
cells (the analyst's prose after a section) is taken whole."""


class Ahead:
    """The parts laid out ahead (`jobs`: by their HTML) of one build's print page."""

    def __init__(self, workers, *, contents: list | None, title: str, paper: str, base: Path,
                 ready: threading.Event):
        """`contents`: the table of contents expected (the last edition's), None if not
        known; `ready`: set once the page renderer is loaded."""
        self.workers, self.base, self.ready = workers, base, ready
        self.contents = None if contents is None else [tuple(entry) for entry in contents]
        self.render = dict(mode="print", title=title, paper=paper)
        self.jobs: dict[str, AsyncResult] = {}
        self._timer: threading.Timer | None = None
        self._rendering = threading.Lock()  # one page rendered at a time
        self._lock = threading.Lock()  # over `jobs` and `_stopped`
        self._stopped = False

    def ran(self, nb, index: int, charts: list[AsyncResult]) -> None:
        """Cell `index` of `nb` has run; `charts`: the charts being drawn, one result per
        cell with charts so far."""
        cells = copy.deepcopy(nb.cells[:index + 1])
        for cell in nb.cells[index + 1:]:  # the prose before the next code cell is known
            if cell.cell_type == "code":
                break
            cells.append(copy.deepcopy(cell))
        written = copy.copy(nb)
        written.cells = cells
        if self._timer:
            self._timer.cancel()
        self._timer = threading.Timer(QUIET, self._lay_out, (written, list(charts)))
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        """No more laying out ahead (the notebook has run); a page being cut is dropped."""
        if self._timer:
            self._timer.cancel()
        with self._lock:
            self._stopped = True

    def _lay_out(self, written, charts: list[AsyncResult]) -> None:
        with self._rendering:
            self.ready.wait()
            if self._stopped:
                return
            drawn, slots = pdf.placed(charts)
            seen = page.toc(written)
            known = self.contents is not None and self.contents[:len(seen)] == seen
            html = page.render(written, slots=slots, contents=self.contents if known else seen,
                               **self.render)
            parts = pdf.parts(html)
            wanted = parts[:-1]
            if parts[-1].elements >= pdf.PART_ELEMENTS:
                wanted.append(parts[-1])  # cut after it, unless too little follows
            for i, part in enumerate(wanted):
                if not (i or known) or part.html in self.jobs:
                    continue
                with self._lock:
                    if self._stopped:
                        return
                    job = self.jobs[part.html] = self.workers.lay_out(part, drawn, self.base)
                while not (job.ready() or self._stopped):  # one at a time: the other
                    job.wait(0.1)  # helper stays free to draw charts
