"""Time a no-change `brief build --all` against a full forced one, in one run.

Each run: `brief build --all --force --workers W` (every configured brief built from the
project's briefs.toml and data), then `brief build --all --workers W` with nothing changed,
which must find every brief up to date and publish nothing. The no-change build can only
follow a full one, so the order is fixed; the ratio of medians no-change / full is what
counts. Usage: python bench/rebuild_unchanged.py [--runs N] [--workers W] [--data DIR]
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from timing import timed

ROOT = Path(__file__).resolve().parent.parent
BRIEF = Path(sys.executable).with_name("brief")
CONFIG = ROOT / "briefs.toml"


def manifests(out: Path) -> dict[str, int]:
    """Each brief's latest manifest and when it was written: a no-change build keeps them."""
    return {p.parent.parent.name: p.stat().st_mtime_ns for p in out.glob("*/latest/manifest.json")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--config", type=Path, default=CONFIG)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "BEDFELLOWS_BUILD"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        common = [str(BRIEF), "build", "--all", "--workers", str(args.workers),
                  "--data", str(args.data.resolve()), "--config", str(args.config.resolve()),
                  "--out", str(out)]
        full, unchanged = [*common, "--force"], common
        timed(full, env=env)  # warm-up: caches, the vega bundle, the OS file cache
        pairs = []
        for i in range(args.runs):
            a = timed(full, env=env)
            before = manifests(out)
            b = timed(unchanged, env=env)
            if manifests(out) != before or not before:
                sys.exit("the no-change build rebuilt something: it should find all up to date")
            pairs.append((a, b))
            print(f"run {i + 1}: full {a:.2f} s, no change {b:.2f} s, ratio {b / a:.3f}")
        briefs = len(before)
    full_median = statistics.median(a for a, _ in pairs)
    unchanged_median = statistics.median(b for _, b in pairs)
    paired = statistics.median(b / a for a, b in pairs)
    print(f"{briefs} briefs, --workers {args.workers}: median full build {full_median:.2f} s, "
          f"median no-change build {unchanged_median:.2f} s")
    print(f"median ratio no-change / full: {unchanged_median / full_median:.3f} "
          f"(median of paired ratios {paired:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
