"""What the benchmarks share: timing real commands, and ratios of paired runs."""

import statistics
import subprocess
import sys
import time


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
