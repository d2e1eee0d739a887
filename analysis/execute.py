"""Run a notebook with papermill in a fresh kernel that was started before it was needed.

The kernel talks over IPC sockets in a private directory, so parallel builds never race
for TCP ports (papermill issue #511). Each cell has a timeout, and so has the whole run.
"""

import os
import signal
import threading
from pathlib import Path

from .errors import BedfellowsError
from .outputs import BUILD_ENV


class ExecutionFailed(BedfellowsError):
    """The notebook did not run to the end; `kind` says how."""

    def __init__(self, kind: str, message: str, cell_index=None, ename=None, evalue=None):
        self.kind, self.cell_index, self.ename, self.evalue = kind, cell_index, ename, evalue
        where = f" in cell {cell_index}" if cell_index is not None else ""
        super().__init__(f"{kind}{where}: {message}")


class Kernel:
    """A Python kernel for one notebook run, launched at construction."""

    def __init__(self, workdir: Path, cwd: Path):
        from jupyter_client import KernelManager

        workdir.mkdir(parents=True, exist_ok=True)
        self.km = KernelManager(kernel_name="python3", transport="ipc",
                                ip=str(workdir / "kernel"),
                                connection_file=str(workdir / "kernel.json"))
        env = {**os.environ, BUILD_ENV: "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        self.km.start_kernel(cwd=str(cwd), env=env)
        self.killed = False

    def kill(self):
        """Stop the kernel at once (the run timeout)."""
        self.killed = True
        process = getattr(self.km.provisioner, "process", None)
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)

    def shutdown(self):
        if self.km.has_kernel:
            self.km.shutdown_kernel(now=True)


def run(notebook: Path, output: Path, parameters: dict, kernel: Kernel, *, cell_timeout: int,
        run_timeout: int, on_cell_executed=None) -> None:
    """Execute `notebook` into `output` (written whether or not the run succeeds);
    `on_cell_executed(cell=, cell_index=, execute_reply=)` sees each cell as it finishes."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    timer = threading.Timer(run_timeout, kernel.kill)
    timer.daemon = True
    timer.start()
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            km=kernel.km, progress_bar=False, request_save_on_cell_execute=False,
            execution_timeout=cell_timeout, start_timeout=60, cwd=str(notebook.parent),
            on_cell_executed=on_cell_executed)
    except PapermillExecutionError as e:
        first_line = (e.evalue or "").strip().splitlines()[:1]
        raise ExecutionFailed("cell error", ": ".join([e.ename, *first_line]), e.cell_index,
                              e.ename, e.evalue) from None
    except CellTimeoutError:
        raise ExecutionFailed("cell timeout", f"a cell ran longer than {cell_timeout} s",
                              _running_cell(output), "CellTimeoutError") from None
    except DeadKernelError:
        if kernel.killed:
            raise ExecutionFailed("run timeout", f"the notebook ran longer than {run_timeout} s",
                                  _running_cell(output), "RunTimeout") from None
        raise ExecutionFailed("kernel died", "the kernel stopped while running",
                              _running_cell(output), "DeadKernelError") from None
    finally:
        timer.cancel()


def _running_cell(output: Path) -> int | None:
    """Index of the cell papermill marked as running when the run stopped."""
    import nbformat

    try:
        nb = nbformat.read(output, as_version=4)
    except (OSError, ValueError):
        return None
    for i, cell in enumerate(nb.cells):
        if cell.metadata.get("papermill", {}).get("status") == "running":
            return i
    return None
