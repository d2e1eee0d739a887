"""Problems found in input, and the package's small exception hierarchy."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    row: int | None = None
    column: str | None = None
    message: str = ""
    got: object = None
    expected: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.row, self.column) if p is not None)
        detail = []
        if self.got is not None:
            got = str(self.got)
            got = got[:77] + "..." if len(got) > 80 else got
            detail.append(f"got {got!r}" if isinstance(self.got, str) else f"got {got}")
        if self.expected:
            detail.append(f"expected {self.expected}")
        return f"{where}: {self.message}" + (f" ({', '.join(detail)})" if detail else "")


class BedfellowsError(Exception):
    """Base class: an error the command line reports as one line, without a traceback."""


class DataError(BedfellowsError):
    """The curated tables failed validation."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more: run `brief validate`)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


class ParameterError(BedfellowsError, ValueError):
    """A parameter or command-line value is unknown or malformed."""
