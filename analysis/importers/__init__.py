"""Outside datasets brought into the curated tables: one module per source (`sipri`), what
every importer shares (`tablefiles`: reading and writing the CSVs, merging rows by id, and a
staged write that validates the whole dataset before it touches the data), and the
registry of importers (`IMPORTERS`), from which the command line makes one
`brief import <name>` command each. A new importer: its module, and one line here."""

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from analysis.core.registry import Registry


@dataclass(frozen=True)
class Importer:
    """What `brief import <name> FILE` says of itself and runs."""

    help: str  # its help text: the first line, then more
    file: str  # what FILE is
    run: str  # "module:function", called as function(FILE, data_dir, **switches) and
    # returning what to print; loaded only when it runs (`brief --help` stays light)
    switches: dict[str, str] = field(default_factory=dict)  # --name: help (each off unless given)

    def __call__(self, file: Path, data_dir: Path, **switches: bool) -> object:
        module, _, function = self.run.partition(":")
        return getattr(import_module(module), function)(file, data_dir, **switches)


IMPORTERS: Registry[Importer] = Registry("importer")
IMPORTERS.register("sipri", Importer(
    help="Merge a SIPRI Arms Transfers Database trade-register export into arms_sales.\n\n"
         "Re-importing the same file changes nothing; a newer export updates the rows it "
         "covers. On any problem nothing is written.",
    file="a SIPRI trade-register export (CSV)",
    run="analysis.importers.sipri:import_export",
    switches={"add-actors": "create actors the export names but actors.csv lacks, instead "
                            "of stopping"}))
