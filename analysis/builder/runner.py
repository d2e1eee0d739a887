"""Building many briefs: in parallel, skipping those already up to date, containing
failures, one run at a time per output directory; then the new editions to their readers
(`deliver`), and the feeds and the index page refreshed.

Builds go to any `concurrent.futures.Executor`: a process pool here, or a Dask cluster's
`distributed.Client().get_executor()`. Each build runs in its own process with its own
kernel on IPC sockets, so parallel builds never race for TCP ports (papermill #511).
"""

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from pathlib import Path

from analysis.builder import deliver, feed, freshness, index, lock, manifest, params
from analysis.builder.config import BriefConfig
from analysis.builder.edition import Outcome, build, edition_of, record_failure, resolve_parameters
from analysis.builder.manifest import Status
from analysis.core import crash
from analysis.errors import DeliveryFailed, ParameterError


def build_one(brief: BriefConfig, values: dict, out_dir: Path) -> Outcome:
    """One build, never raising: what a worker process runs."""
    try:
        return build(brief, values, out_dir=out_dir)
    except OSError as e:  # a full disk, a read-only folder: nothing was kept
        return Outcome(brief.name, Status.FAILED, edition_of(values), None,
                       crash.disk(e, out_dir))
    except Exception as e:  # noqa: BLE001 - reported as this brief's failure, others go on
        return Outcome(brief.name, Status.FAILED, edition_of(values), None,
                       crash.line(e, f"building {brief.name}"))


def build_many(briefs: list[BriefConfig], overrides: dict[str, str], *, out_dir: Path,
               data_dir: Path | None = None, force: bool = False, workers: int = 1,
               executor: Executor | None = None,
               report: Callable[[str, str], None] = lambda name, state: None,
               on_wait: Callable[[str], None] | None = None) -> list[Outcome]:
    """Build `briefs`, with `overrides` (command-line texts) to their parameters;
    `report(name, state)` hears of each brief's progress. Returns one outcome per brief,
    in the order given. A brief whose parameters are bad fails alone."""
    out_dir = Path(out_dir)
    with lock.exclusive(out_dir, on_wait):
        outcomes, jobs = {}, []
        for brief in briefs:
            try:
                values = resolve_parameters(brief, params.from_command_line(
                    params.declared(brief.notebook), overrides), data_dir)
            except ParameterError as e:
                outcomes[brief.name] = record_failure(
                    brief, {**brief.parameters, **overrides}, out_dir, "bad parameter",
                    f"bad parameter: {e}")
                report(brief.name, Status.FAILED)
                continue
            last = manifest.last_good(out_dir / brief.name)
            if not force and last and last.get("digest") == freshness.inputs_digest(
                    brief, values):
                outcomes[brief.name] = Outcome(brief.name, Status.UP_TO_DATE,
                                               manifest.edition_id(last),
                                               out_dir / brief.name / manifest.LATEST)
                report(brief.name, Status.UP_TO_DATE)
                continue
            jobs.append((brief, values))
        if len(jobs) == 1 and executor is None:
            brief, values = jobs[0]
            report(brief.name, Status.BUILDING)
            outcomes[brief.name] = build_one(brief, values, out_dir)
            report(brief.name, outcomes[brief.name].status)
        elif jobs:
            own = executor is None
            pool = executor or ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
            try:
                futures = {pool.submit(build_one, b, v, out_dir): (b, v) for b, v in jobs}
                for brief, _ in futures.values():
                    report(brief.name, Status.BUILDING)
                for future in as_completed(futures):
                    brief, values = futures[future]
                    try:
                        outcome = future.result()
                    except Exception as e:  # noqa: BLE001 - the worker itself died
                        outcome = Outcome(brief.name, Status.FAILED, edition_of(values),
                                          None, f"worker died: {e!r}")
                    outcomes[brief.name] = outcome
                    report(brief.name, outcome.status)
            finally:
                if own:
                    pool.shutdown()
        for brief in briefs:
            _deliver(brief, outcomes[brief.name], out_dir)
        feed.write(out_dir)  # before the index, which links the feeds
        index.write(out_dir)
    return [outcomes[b.name] for b in briefs]


def _deliver(brief: BriefConfig, outcome: Outcome, out_dir: Path) -> None:
    """A new edition to the brief's readers, with those still waiting from before; what
    was sent and what could not be, on its outcome."""
    if outcome.status == Status.BUILT:
        deliver.queue(brief, out_dir / brief.name, outcome.edition)
    try:
        outcome.sent, outcome.unsent = deliver.send(brief, out_dir / brief.name)
    except DeliveryFailed as e:
        outcome.unsent = [f"{brief.name}: {e}"]
