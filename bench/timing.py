"""What the benchmarks share: timing real commands, and ratios of paired runs."""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(*commands: list[str], env=None) -> float:
    """Seconds to run `commands` one after the other; stop the benchmark if one fails."""
    start = time.perf_counter()
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            sys.exit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
                     f"{result.stderr}")
    return time.perf_counter() - start


def ratios(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """(median of a / median of b, median of the paired a / b) over (a, b) runs."""
    return (statistics.median(a for a, _ in pairs) / statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def paired_options(doc: str) -> tuple[int, Path, dict]:
    """(--runs, --data resolved, the environment children run in) of a bench comparing
    builds of one dataset: the first line of `doc` is its description."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "BEDFELLOWS_BUILD"}
    return args.runs, args.data.resolve(), env
