"""Problems found in input, and the package's small exception hierarchy: every error the
command line reports as one line, without a traceback."""

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


class ProseError(BedfellowsError):
    """A reference in the analyst's prose that does not resolve."""


class ImportFailed(BedfellowsError):
    """An outside dataset cannot be imported; nothing was written."""


class ExecutionFailed(BedfellowsError):
    """The notebook did not run to the end; `kind` says how."""

    def __init__(self, kind: str, message: str, cell_index=None, ename=None, evalue=None,
                 call: str = ""):
        """`call`: the last line of the cell's code ("brief.judgments()"), what the reader
        knows the section by."""
        self.kind, self.cell_index, self.ename, self.evalue = kind, cell_index, ename, evalue
        where = (f" in {call} (cell {cell_index})" if call and cell_index is not None
                 else f" in cell {cell_index}" if cell_index is not None else "")
        super().__init__(f"{kind}{where}: {message}")


class JudgmentError(BedfellowsError):
    """A key question cannot be answered as declared: an unknown question, or an analyst's
    likelihood term that claims more than its evidence carries."""

    def __init__(self, problems: list):
        """`problems`: what is wrong, each a `Problem` or a line."""
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


class DeliveryFailed(BedfellowsError):
    """An edition was published but not delivered (an e-mail not sent); it stays published,
    and the next build tries again."""
