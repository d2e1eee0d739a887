"""Time `brief build --workers 2` against `--workers 1` on the same briefs, in one run.

Both build the same N configured briefs (default: all of them) with --force, each into its
own temporary output directory. Runs are paired and alternate which goes first; the ratio
of medians parallel / serial is what counts (1.0: no gain; 1 / workers: perfect scaling).
Usage: python bench/parallel_vs_serial.py [--runs N] [--briefs N] [--workers W] [--data DIR]
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import ratios, timed

from analysis import paths
from analysis.builder import config

ROOT = Path(__file__).resolve().parent.parent
BRIEF = Path(sys.executable).with_name("brief")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--briefs", type=int, default=None,
                        help="the first N configured briefs (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--config", type=Path, default=paths.CONFIG)
    args = parser.parse_args()
    names = list(config.load(args.config))[:args.briefs]
    env = {k: v for k, v in os.environ.items() if k != "BEDFELLOWS_BUILD"}
    with tempfile.TemporaryDirectory() as tmp:
        def command(workers: int) -> list[str]:
            return [str(BRIEF), "build", *names, "--force", "--workers", str(workers),
                    "--data", str(args.data.resolve()), "--config", str(args.config.resolve()),
                    "--out", str(Path(tmp) / f"workers-{workers}")]

        parallel, serial = command(args.workers), command(1)
        timed(parallel, env=env)  # warm-up: caches, the vega bundle, the OS file cache
        timed(serial, env=env)
        pairs = []
        for i in range(args.runs):
            if i % 2:
                b = timed(serial, env=env)
                a = timed(parallel, env=env)
            else:
                a = timed(parallel, env=env)
                b = timed(serial, env=env)
            pairs.append((a, b))
            print(f"run {i + 1}: --workers {args.workers} {a:.2f} s, --workers 1 {b:.2f} s, "
                  f"ratio {a / b:.2f}")
    ratio, paired = ratios(pairs)
    print(f"{len(names)} briefs on {os.cpu_count()} cores: median ratio --workers "
          f"{args.workers} / --workers 1: {ratio:.2f} (median of paired ratios {paired:.2f}; "
          f"ideal {1 / args.workers:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
