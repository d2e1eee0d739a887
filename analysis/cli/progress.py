"""What a run of builds shows while it works: a live table on a terminal (rich), plain
lines elsewhere (cron, CI logs), and a summary table at the end."""

import sys

from rich.console import Console
from rich.live import Live
from rich.table import Table

from analysis.builder.manifest import Status

STYLES: dict[str, str] = {Status.BUILT: "green", Status.UP_TO_DATE: "cyan",
                          Status.FAILED: "bold red", Status.BUILDING: "yellow"}


class Progress:
    def __init__(self, names: list[str], stream=None):
        self.console = Console(file=stream or sys.stdout)
        self.states: dict[str, str] = dict.fromkeys(names, Status.WAITING)
        self.live = None
        if self.console.is_terminal:
            self.live = Live(self._table(), console=self.console, transient=True)
            self.live.start()

    def __call__(self, name: str, state: str) -> None:
        self.states[name] = state
        if self.live:
            self.live.update(self._table())
        else:
            print(f"{name}: {state}", file=self.console.file, flush=True)

    def _table(self, outcomes=None) -> Table:
        table = Table("Brief", "State", "Edition", "Time", "Detail", box=None)
        by_name = {o.name: o for o in outcomes or []}
        for name, state in self.states.items():
            o = by_name.get(name)
            table.add_row(name, f"[{STYLES.get(state, '')}]{state}[/]",
                          o.edition if o else "", _seconds(o), o.message if o else "")
        return table

    def finish(self, outcomes) -> None:
        if self.live:
            self.live.stop()
        if len(outcomes) > 1:
            self.console.print(self._table(outcomes))


def _seconds(outcome) -> str:
    total = (outcome.timings or {}).get("total") if outcome else None
    return f"{total:.1f} s" if total else ""
