"""One registry per extension point (output formats, brief sections, importers), as
papermill keeps its engines and I/O handlers and Altair its renderers: each entry is
declared once, by name, and everything that needs the list (builder, index, config checks,
command line, tests) iterates the registry instead of repeating it."""

from typing import TypeVar

from analysis.errors import ParameterError

T = TypeVar("T")


class Registry(dict[str, T]):
    """Entries by name, in the order they were registered (the order they are shown)."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind  # what an entry is, for messages: "output format"

    def register(self, name: str, entry: T) -> T:
        if name in self:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self[name] = entry
        return entry

    def __missing__(self, name: str) -> T:
        raise ParameterError(f"no {self.kind} {name!r} (expected one of: "
                             f"{', '.join(self) or 'none registered'})")
