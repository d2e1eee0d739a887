"""Run a notebook with papermill in a fresh kernel that was started before it was needed.

The kernel talks over IPC sockets in a private directory, so parallel builds never race
for TCP ports (papermill issue #511). Each cell has a timeout, and so has the whole run.
"""

import logging
import os
import signal
import threading
from pathlib import Path

from analysis.contract import BUILD_ENV
from analysis.errors import ExecutionFailed

PRELOAD = ["try:\n    import analysis.brief\nexcept Exception:\n    pass"]
"""What every brief's notebook imports first (pandas, Altair, the package), imported as
the kernel starts; should it fail, the notebook's own import says why, as a cell error."""


class Kernel:
    """A Python kernel for one notebook run, launched at construction.

    An asynchronous manager, as nbclient expects: with a blocking one, nbclient's waiting
    for output blocks its own check that the kernel is alive, and a kernel that dies in a
    cell hangs the run."""

    def __init__(self, workdir: Path, cwd: Path):
        """`workdir`: the build's own folder, for the kernel's sockets and temporary files."""
        from jupyter_client import AsyncKernelClient, AsyncKernelManager
        from jupyter_core.utils import run_sync

        workdir.mkdir(parents=True, exist_ok=True)
        self.km = AsyncKernelManager(kernel_name="python3", transport="ipc",
                                     ip=str(workdir / "kernel"),
                                     connection_file=str(workdir / "kernel.json"))
        env = {**os.environ, BUILD_ENV: "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
               "TMPDIR": str(workdir)}
        # The kernel imports the analysis stack as it starts, while the builder is still
        # importing papermill and reading the notebook; it keeps no command history (a
        # build's cells are in its notebook, and parallel builds would share one file).
        run_sync(self.km.start_kernel)(cwd=str(cwd), env=env, extra_arguments=[
            f"--IPKernelApp.exec_lines={PRELOAD!r}", "--HistoryManager.enabled=False"])
        self.killed = False
        # nbclient leaves open the channels of a client whose kernel it did not start:
        # the clients made are kept, and closed after the run.
        self.clients: list[AsyncKernelClient] = []
        make_client = self.km.client

        def client(**kwargs) -> AsyncKernelClient:
            self.clients.append(make_client(**kwargs))
            return self.clients[-1]

        # this one manager's method, wrapped (mypy refuses any assignment to a method)
        self.km.client = client  # type: ignore[method-assign]

    def kill(self):
        """Stop the kernel at once (the run timeout)."""
        self.killed = True
        process = getattr(self.km.provisioner, "process", None)
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)

    def shutdown(self):
        from jupyter_core.utils import run_sync

        if self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)


def run(notebook: Path, output: Path, parameters: dict, kernel: Kernel, *, cell_timeout: int,
        run_timeout: int, on_cell_executed=None) -> None:
    """Execute `notebook` into `output` (written whether or not the run succeeds);
    `on_cell_executed(notebook=, cell=, cell_index=, execute_reply=)` sees each cell as it
    finishes, in the notebook being run."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    for name in ("papermill", "traitlets"):  # their error logs repeat what we report
        logging.getLogger(name).setLevel(logging.CRITICAL)
    timer = threading.Timer(run_timeout, kernel.kill)
    timer.daemon = True
    timer.start()
    running = {}  # the notebook and cell being executed, kept if the run is cut short

    def keep(notebook, **_):
        running["nb"] = notebook

    def started(cell_index, **_):
        running["cell"] = cell_index

    def executed(**kwargs):
        if on_cell_executed:
            on_cell_executed(notebook=running["nb"], **kwargs)

    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            km=kernel.km, progress_bar=False, request_save_on_cell_execute=False,
            execution_timeout=cell_timeout, start_timeout=60, cwd=str(notebook.parent),
            on_notebook_start=keep, on_cell_start=started, on_cell_executed=executed)
    except PapermillExecutionError as e:
        first_line = (e.evalue or "").strip().splitlines()[:1]
        # the cell's last line is the section it shows: "brief.judgments()"
        call = next((line.strip() for line in reversed((e.source or "").splitlines())
                     if line.strip() and not line.lstrip().startswith("#")), "")
        raise ExecutionFailed("cell error", ": ".join([e.ename, *first_line]), e.cell_index,
                              e.ename, e.evalue, call[:60]) from None
    except CellTimeoutError:
        raise ExecutionFailed("cell timeout", f"a cell ran longer than {cell_timeout} s",
                              _save_cut_short(running, output), "CellTimeoutError") from None
    except DeadKernelError:
        cell = _save_cut_short(running, output)
        if kernel.killed:
            raise ExecutionFailed("run timeout", f"the notebook ran longer than {run_timeout} s",
                                  cell, "RunTimeout") from None
        raise ExecutionFailed("kernel died", "the kernel stopped while running", cell,
                              "DeadKernelError") from None
    finally:
        timer.cancel()
        for kc in kernel.clients:
            kc.stop_channels()


def _save_cut_short(running: dict, output: Path) -> int | None:
    """Write the notebook as far as it ran (papermill saves only a finished or erroring
    run when not saving after every cell); the index of the cell that was running."""
    import nbformat

    if "nb" in running:
        nbformat.write(running["nb"], output)
    return running.get("cell")
