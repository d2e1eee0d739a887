"""Time `brief build` against the sum of its unavoidable parts, on the same brief, in one run.

    python bench/floor.py [--runs N] [--data DIR]

Each part is timed in a fresh child process, done the plain way, one after another:

- kernel start: the project's Jupyter kernel started until it answers (kernel_info);
- imports: pandas, Altair and the package, as the notebook's first cell imports them;
- sections: the notebook's cells run in an IPython shell, each section computed and
  formatted for display as in a build (the data from the validated cache, as in any build
  of unchanged data);
- SVG: the brief's charts drawn by vl-convert, its warm-up included, nothing cached;
- PDF: the print page laid out by WeasyPrint as one document (no parts side by side).

The floor is the sum of their medians. `brief build --force` (warm caches, as every run
of unchanged data) runs paired with them, alternating which goes first. Target: build /
floor <= 1.3 (ratio of medians). Exits 1 if the target fails or a command fails.
"""

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import ROOT, paired_options, timed

BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "brief.ipynb"
TARGET = 1.3
NAME = "russia-taliban"

KERNEL = """
import time
from jupyter_client.manager import start_new_kernel
start = time.perf_counter()
manager, client = start_new_kernel(kernel_name="bedfellows")
print("seconds", time.perf_counter() - start)
client.stop_channels()
manager.shutdown_kernel(now=True)
"""

IMPORTS = """
import time
start = time.perf_counter()
import pandas, altair, analysis.brief
print("seconds", time.perf_counter() - start)
"""

SECTIONS = """
import json, os, sys, time
os.environ["BEDFELLOWS_BUILD"] = "1"
from IPython.core.interactiveshell import InteractiveShell
import analysis.brief  # timed as imports
shell = InteractiveShell.instance()
shell.display_pub.publish = lambda data, metadata=None, **kw: None  # formatted, not printed
cells = [c for c in json.load(open(sys.argv[1]))["cells"] if c["cell_type"] == "code"]
parameters = "".join(cells[0]["source"]) + f"\\ndata_dir = {sys.argv[2]!r}\\n"
shell.run_cell(parameters, silent=True)
start = time.perf_counter()
for cell in cells[1:]:
    result = shell.run_cell("".join(cell["source"]))
    result.raise_error()
print("seconds", time.perf_counter() - start)
"""

SVG = """
import json, sys, time
import nbformat
from analysis.charts import static
from analysis.render import page
specs = page.specs(nbformat.read(sys.argv[1], as_version=4))
start = time.perf_counter()
static.render(specs)
print("seconds", time.perf_counter() - start)
"""

PDF = """
import sys, time
import nbformat
from weasyprint import HTML
from analysis.charts import static
from analysis.render import page, pdf
nb = nbformat.read(sys.argv[1], as_version=4)
slots = [pdf.slot(i, *pdf.page_size(chart))
         for i, chart in enumerate(static.render_pdf(page.specs(nb)))]
printable = page.render(nb, mode="print", title="floor", slots=slots)
start = time.perf_counter()
HTML(string=printable, base_url=sys.argv[2]).write_pdf()
print("seconds", time.perf_counter() - start)
"""

PARTS = {"kernel start": KERNEL, "imports": IMPORTS, "sections": SECTIONS, "SVG": SVG,
         "PDF": PDF}


def part(code: str, *args, env) -> float:
    """The seconds a part takes, as the child process times itself."""
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                            text=True, env=env, stdin=subprocess.DEVNULL, cwd=NOTEBOOK.parent)
    if result.returncode != 0:
        sys.exit(f"a part failed ({result.returncode}):\n{result.stderr}")
    return float(result.stdout.rsplit("seconds ", 1)[-1].split()[0])


def floor(data: Path, executed: Path, env: dict, fresh_cache: str) -> dict[str, float]:
    args = {"kernel start": (), "imports": (), "sections": (NOTEBOOK, data),
            "SVG": (executed,), "PDF": (executed, executed.parent)}
    uncached = {**env, "XDG_CACHE_HOME": fresh_cache}  # nothing drawn before
    return {name: part(code, *args[name], env=uncached if name == "SVG" else env)
            for name, code in PARTS.items()}


def main() -> int:
    runs, data, env = paired_options(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        build = [str(BIN / "brief"), "build", "--force", "--data", str(data), "--out", str(out)]
        timed(build, env=env)  # warm-up: caches, the OS file cache
        executed = out / NAME / "latest" / f"{NAME}.ipynb"
        builds, parts = [], []
        for i in range(runs):
            fresh = tempfile.mkdtemp(dir=tmp)
            if i % 2:
                parts.append(floor(data, executed, env, fresh))
                builds.append(timed(build, env=env))
            else:
                builds.append(timed(build, env=env))
                parts.append(floor(data, executed, env, fresh))
            print(f"run {i + 1}: brief build {builds[-1]:.2f} s, parts "
                  + json.dumps({k: round(v, 2) for k, v in parts[-1].items()}))
    medians = {name: statistics.median(p[name] for p in parts) for name in PARTS}
    total = sum(medians.values())
    ratio = statistics.median(builds) / total
    print("floor: " + ", ".join(f"{k} {v:.2f} s" for k, v in medians.items())
          + f"; sum {total:.2f} s")
    print(f"median brief build {statistics.median(builds):.2f} s; build / floor: {ratio:.2f} "
          f"(target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
