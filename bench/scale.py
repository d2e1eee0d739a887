"""Time `brief validate` and `brief build` on a big synthetic dataset against the project's
default data, in one run, and check the scale targets.

    python bench/scale.py [--rows N] [--runs R] [--seed S] [--timeout SECONDS] [--keep]

Generates N rows per claim table (bench/generate.py) into a temporary directory, then runs
the real `brief` console script, each time in a fresh child, with a private XDG_CACHE_HOME:

- `brief validate` on the big data and on data/, R paired runs, alternating which goes
  first;
- `brief build` (the default brief, --data DIR --out TMP): the first build of each dataset
  (cold: it validates the data and caches that, keyed by the data, and draws charts not yet
  cached), then R paired warm builds with --force;
- the size of the built HTML and PDF;
- memory: "max RSS" is the largest single process among the command and every descendant it
  waited for (os.wait4's ru_maxrss: for a build, the builder, the Jupyter kernel and the PDF
  helper process); "tree RSS" is the peak of the summed RSS of the command and all its live
  descendants, sampled every 50 ms (shared pages count once per process).

Figures are absolute and as ratios to the default data. Targets: a warm build on the big
data takes at most 2x the warm build on data/; the HTML is at most 2 MB (2,000,000 bytes).
Exits 1 if a target fails or a command fails or times out.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEF = Path(sys.executable).with_name("brief")
GENERATE = Path(__file__).resolve().with_name("generate.py")
DEFAULT_DATA = ROOT / "data"
BUILD_RATIO_TARGET = 2.0
HTML_TARGET = 2_000_000  # bytes
SAMPLE_EVERY = 0.05  # seconds


@dataclass
class Run:
    seconds: float
    max_rss: int  # bytes, largest single process (wait4)
    tree_rss: int  # bytes, peak of the sampled sum over the process tree
    stdout: str
    stderr: str
    failure: str = ""  # why the command failed or was killed; "" when it succeeded


class CommandFailed(Exception):
    pass


def _tree(pid: int) -> dict[int, int]:
    """{pid: RSS in bytes} of `pid` and its live descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()  # after "pid (comm) "
        child = int(entry.name)
        children.setdefault(int(fields[1]), []).append(child)  # ppid
        rss[child] = int(fields[21]) * page  # rss in pages
    tree, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in rss:
            tree[p] = rss[p]
        todo += children.get(p, [])
    return tree


def measure(command: list[str], env: dict, timeout: float) -> Run:
    """Run `command` in a fresh child, killed (with all it started) after `timeout` s:
    its time, memory, output and failure, if any."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   env=env, start_new_session=True)
        peak, done = [0], threading.Event()

        def sample():
            while not done.wait(SAMPLE_EVERY):
                peak[0] = max(peak[0], sum(_tree(process.pid).values()))

        killed = threading.Event()

        def kill():  # the command and every process it started (a kernel has its own group)
            killed.set()
            for pid in _tree(process.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        timer.cancel()
        timed_out = killed.is_set()
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    said = " | ".join(line for line in (stdout + stderr).splitlines()[-6:] if line.strip())
    failure = (f"killed after {timeout:.0f} s" if timed_out else
               f"exit {process.returncode}: {said[-1500:]}" if process.returncode else "")
    return Run(elapsed, usage.ru_maxrss * 1024, peak[0], stdout, stderr, failure)


def must(run: Run, command: list[str]) -> Run:
    if run.failure:
        raise CommandFailed(f"{' '.join(command)}: {run.failure}")
    return run


def paired(label: str, commands: dict[str, list[str]], env: dict, runs: int,
           timeout: float, may_fail=()) -> dict[str, list[Run]]:
    """`runs` rounds of every command, the order alternating between rounds. A command in
    `may_fail` that fails is reported and not run again; any other failure is fatal."""
    results = {key: [] for key in commands}
    keys = list(commands)
    for i in range(runs):
        for key in (keys if i % 2 == 0 else keys[::-1]):
            if results[key] and results[key][-1].failure:
                continue
            run = measure(commands[key], env, timeout)
            results[key].append(run)
            show(f"{label} {key:8} run {i + 1}", run)
            if key not in may_fail:
                must(run, commands[key])
    return results


def show(label: str, run: Run) -> None:
    print(f"  {label}: {run.seconds:7.2f} s, max RSS {mb(run.max_rss):7.1f} MB, tree RSS "
          f"{mb(run.tree_rss):7.1f} MB" + (f"\n    FAILED: {run.failure}" if run.failure
                                           else ""), flush=True)


def mb(n: float) -> float:
    return n / 1e6


def median(runs: list[Run], attribute: str) -> float | None:
    """The median over the runs that succeeded; None if none did."""
    ok = [getattr(r, attribute) for r in runs if not r.failure]
    return statistics.median(ok) if ok else None


def outputs(out: Path) -> dict:
    """Sizes (bytes) of the built HTML, PDF and manifest under an --out directory, and the
    builder's timings from the manifest (a failed build's, when nothing was built)."""
    found = {}
    for kind, pattern in (("html", "*/latest/*.html"), ("pdf", "*/latest/*.pdf"),
                          ("manifest", "*/latest/manifest.json")):
        path = next(out.glob(pattern), None)
        found[kind] = path.stat().st_size if path else None
    manifest = next(out.glob("*/latest/manifest.json"), None) or next(
        out.glob("*/failed/manifest.json"), None)
    found["timings"] = json.loads(manifest.read_text()).get("timings", {}) if manifest else {}
    return found


def row(label: str, default: float | None, big: float | None, unit: str, target: str = "",
        holds: bool | None = None) -> str:
    def cell(value, width):
        return f"{value:{width}.2f} {unit:3}" if value is not None else f"{'failed':>{width + 4}}"

    ratio = (f"{big / default:8.2f}x" if default and big is not None else f"{'-':>9}")
    verdict = "" if holds is None else ("  ok" if holds else "  FAILS")
    return f"  {label:38} {cell(default, 10)} {cell(big, 11)} {ratio}  {target}{verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000,
                        help="rows per claim table in the big data (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="paired runs (default: 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds before a command is killed (default: %(default)s)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary directory (data, outputs, cache)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    tmp = Path(tempfile.mkdtemp(prefix="bedfellows-scale-"))
    try:
        return _bench(args, tmp)
    except CommandFailed as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def _bench(args, tmp: Path) -> int:
    big = tmp / "data"
    env = {k: v for k, v in os.environ.items() if k != "BEDFELLOWS_BUILD"}
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    print(f"generating {args.rows:,} rows per claim table into {big}", flush=True)
    command = [sys.executable, str(GENERATE), str(big), "--rows", str(args.rows),
               "--seed", str(args.seed)]
    print(must(measure(command, env, args.timeout), command).stdout.rstrip())
    datasets = {"default": DEFAULT_DATA, "big": big}

    print(f"\nbrief validate, {args.runs} paired runs", flush=True)
    validate = paired("validate", {key: [str(BRIEF), "validate", "--data", str(data)]
                                   for key, data in datasets.items()},
                      env, args.runs, args.timeout)

    def build(key: str, force: bool) -> list[str]:
        return [str(BRIEF), "build", "--data", str(datasets[key]), "--out",
                str(tmp / f"out-{key}"), *(["--force"] if force else [])]

    print("\nbrief build, first (cold) build of each dataset", flush=True)
    cold = {}
    for key in datasets:
        cold[key] = measure(build(key, False), env, args.timeout)
        show(f"build    {key:8} cold ", cold[key])
        if key == "default":
            must(cold[key], build(key, False))
    cached = list((tmp / "cache" / "bedfellows" / "validated").glob("*"))
    print(f"  validation results cached: {len(cached)} (one per dataset expected)")

    print(f"\nbrief build --force, {args.runs} paired warm runs", flush=True)
    warm_commands = {key: build(key, True) for key in datasets
                     if not cold[key].failure}  # a failed cold build is not repeated
    warm = paired("build", warm_commands, env, args.runs, args.timeout, may_fail={"big"})
    warm.setdefault("big", [])
    found = {key: outputs(tmp / f"out-{key}") for key in datasets}

    def ok(run: Run) -> float | None:
        return None if run.failure else run.seconds

    big_build = median(warm["big"], "seconds")
    build_holds = big_build is not None and (
        big_build / median(warm["default"], "seconds") <= BUILD_RATIO_TARGET)
    html = found["big"]["html"] if not cold["big"].failure else None
    html_holds = html is not None and 0 < html <= HTML_TARGET
    print(f"\nresults: big = {args.rows:,} rows per claim table (seed {args.seed}); "
          f"default = {DEFAULT_DATA}; medians of {args.runs} runs; {os.cpu_count()} CPUs")
    print(f"  {'':38} {'default':>14} {'big':>15} {'ratio':>9}  target")
    print(row("validate (median)", median(validate["default"], "seconds"),
              median(validate["big"], "seconds"), "s"))
    print(row("validate max RSS (median)", mb(median(validate["default"], "max_rss")),
              mb(median(validate["big"], "max_rss")), "MB"))
    print(row("build, cold (1st: validates, draws)", ok(cold["default"]), ok(cold["big"]),
              "s"))
    print(row("build, warm --force (median)", median(warm["default"], "seconds"), big_build,
              "s", f"<= {BUILD_RATIO_TARGET:g}x", build_holds))
    for label, attribute in (("max RSS, one process", "max_rss"),
                             ("tree RSS, all processes", "tree_rss")):
        print(row(f"build {label} (cold)", mb(getattr(cold["default"], attribute)),
                  mb(getattr(cold["big"], attribute)), "MB"))
        warm_big = median(warm["big"], attribute)
        print(row(f"build {label} (warm)", mb(median(warm["default"], attribute)),
                  None if warm_big is None else mb(warm_big), "MB"))
    sized = {key: {kind: (None if cold[key].failure or found[key][kind] is None
                          else mb(found[key][kind])) for kind in ("html", "pdf", "manifest")}
             for key in datasets}
    print(row("HTML size", sized["default"]["html"], sized["big"]["html"], "MB",
              f"<= {mb(HTML_TARGET):g} MB", html_holds))
    print(row("PDF size", sized["default"]["pdf"], sized["big"]["pdf"], "MB"))
    print(row("manifest.json size", sized["default"]["manifest"], sized["big"]["manifest"],
              "MB"))
    print("  the builder's own timings, s (last build of each; a failed one if it failed):")
    for key in datasets:
        print(f"    {key:8} " + ", ".join(f"{k} {v:.2f}"
                                         for k, v in found[key]["timings"].items()))
    for key, run in [("big cold", cold["big"]), *[("big warm", r) for r in warm["big"]]]:
        if run.failure:
            print(f"  {key} build FAILED after {run.seconds:.1f} s: {run.failure}")
    print(f"\nbuild on big data <= {BUILD_RATIO_TARGET:g}x the default build (warm medians): "
          + ("holds" if build_holds else "FAILS")
          + (f" ({big_build / median(warm['default'], 'seconds'):.2f}x)"
             if big_build is not None else " (the big build failed)"))
    print(f"HTML <= {mb(HTML_TARGET):g} MB: {'holds' if html_holds else 'FAILS'}"
          + (f" ({mb(html):.2f} MB)" if html is not None else " (no HTML built)"))
    return 0 if build_holds and html_holds else 1


if __name__ == "__main__":
    sys.exit(main())
