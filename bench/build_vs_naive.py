"""Time `brief build` against the naive chain on the same notebook and data, in one run.

Naive chain: papermill CLI -> `jupyter nbconvert --to html --no-input` -> `weasyprint`.
Ours: `brief build --force` (papermill on a pre-started kernel, our nbconvert template,
both HTML and PDF; --force, or the unchanged brief would be skipped as up to date). Runs
are paired and alternate which goes first; the ratio of medians is what
counts (target <= 0.33). Usage: python bench/build_vs_naive.py [--runs N] [--data DIR]
"""

import sys
import tempfile
from pathlib import Path

from timing import ROOT, paired_options, ratios, timed

BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "brief.ipynb"
TARGET = 0.33


def ours(data: Path, out: Path) -> list[list[str]]:
    return [[str(BIN / "brief"), "build", "--force", "--data", str(data), "--out", str(out)]]


def naive(data: Path, out: Path) -> list[list[str]]:
    executed, html = out / "naive.ipynb", out / "naive.html"
    return [
        [str(BIN / "papermill"), str(NOTEBOOK), str(executed), "-k", "python3",
         "-p", "data_dir", str(data), "--cwd", str(NOTEBOOK.parent)],
        [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed),
         "--output", str(html)],
        [str(BIN / "weasyprint"), str(html), str(out / "naive.pdf")],
    ]


def main() -> int:
    runs, data, env = paired_options(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timed(*ours(data, out), env=env)  # warm-up: caches, the vega bundle, the OS file cache
        timed(*naive(data, out), env=env)
        pairs = []
        for i in range(runs):
            if i % 2:
                b = timed(*naive(data, out), env=env)
                a = timed(*ours(data, out), env=env)
            else:
                a = timed(*ours(data, out), env=env)
                b = timed(*naive(data, out), env=env)
            pairs.append((a, b))
            print(f"run {i + 1}: brief build {a:.2f} s, naive chain {b:.2f} s, "
                  f"ratio {a / b:.2f}")
    ratio, paired = ratios(pairs)
    print(f"median ratio brief build / naive chain: {ratio:.2f} "
          f"(median of paired ratios {paired:.2f}; target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
