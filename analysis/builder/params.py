"""Notebook parameters: declared once, typed, in each notebook's `parameters` cell, read
back with papermill's `inspect_notebook`, and validated here before any kernel starts.

Annotations the parameters cell may use (papermill's parser accepts no `|`):
`str`, `int`, `bool`, `list[str]`, `Optional[str]`, and the aliases `Day` and `Paper` of
`analysis.contract`.
"""

import ast
import json
import re
from pathlib import Path

from analysis.contract import PAPER_SIZES, parse_day
from analysis.errors import ParameterError

SECRET = re.compile(r"(^|_)(token|password|passwd|secret|key|apikey|credentials?)s?($|_)",
                    re.IGNORECASE)
"""Names of parameters that would carry a secret: refused. Secrets come from the
environment; a parameter would copy them into the notebook, its manifest and the brief."""


def _refuse_secret(name: str) -> None:
    if SECRET.search(name):
        raise ParameterError(f"parameter {name!r} looks like a secret: secrets come from the "
                             "environment, never from parameters (they would be printed in "
                             "the notebook, its manifest and the brief)")


def _text(name, value):
    if not isinstance(value, str):
        raise ParameterError(f"{name}: expected text (got {value!r})")
    if "\0" in value:
        raise ParameterError(f"{name}: a NUL byte is not allowed in text")
    return value


def _optional_text(name, value):
    return None if value is None else _text(name, value)


def _day(name, value):
    if value is None:
        return None
    try:
        return parse_day(_text(name, value)).isoformat()
    except ParameterError as e:
        raise ParameterError(f"{name}: {e}") from None


def _paper(name, value):
    if value not in PAPER_SIZES:
        raise ParameterError(f"{name}: expected one of {', '.join(PAPER_SIZES)} (got {value!r})")
    return value


def _int(name, value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(f"{name}: expected a whole number (got {value!r})")
    return value


def _bool(name, value):
    if not isinstance(value, bool):
        raise ParameterError(f"{name}: expected True or False (got {value!r})")
    return value


def _text_list(name, value):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ParameterError(f"{name}: expected a list of text (got {value!r})")
    return [_text(name, v) for v in value]


CHECKS = {
    "str": _text,
    "Optional[str]": _optional_text,
    "Day": _day,
    "Paper": _paper,
    "int": _int,
    "bool": _bool,
    "list[str]": _text_list,
}


def declared(notebook: Path | str) -> dict[str, dict]:
    """The notebook's parameters: name -> {type, default, help}, in declaration order.

    Read from the cell tagged `parameters` with Python's own parser (no kernel, no
    papermill import); tests check that papermill's `inspect_notebook` reads the same.
    """
    path = Path(notebook)
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
             if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"{path.name}: expected one cell tagged 'parameters', "
                             f"found {len(cells)}")
    source = "".join(cells[0]["source"])
    lines = source.splitlines()
    params = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.AnnAssign):
            continue
        if not isinstance(node.target, ast.Name) or node.value is None:
            raise ParameterError(f"{path.name}: {ast.unparse(node)!r} declares no parameter "
                                 "(expected NAME: TYPE = DEFAULT)")
        name, kind = node.target.id, ast.unparse(node.annotation)
        _refuse_secret(name)
        if kind not in CHECKS:
            raise ParameterError(f"{path.name}: parameter {name} has type {kind}; "
                                 f"use one of {', '.join(CHECKS)}")
        last = lines[(node.end_lineno or node.lineno) - 1]  # parsed nodes have an end
        comment = last[node.end_col_offset:].strip()
        params[name] = {"type": kind, "default": ast.literal_eval(node.value),
                        "help": comment.removeprefix("#").strip()}
    return params


def from_text(kind: str, name: str, text: str):
    """A value as typed on the command line (`--param name=text`), converted to its type."""
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise ParameterError(f"{name}: expected a whole number (got {text!r})") from None
    if kind == "bool":
        if text.lower() not in ("true", "false"):
            raise ParameterError(f"{name}: expected true or false (got {text!r})")
        return text.lower() == "true"
    if kind in ("Optional[str]", "Day") and text in ("", "None"):
        return None
    if kind == "list[str]":
        return [v.strip() for v in text.split(",") if v.strip()]
    return text


def from_command_line(declarations: dict[str, dict], texts: dict[str, str]) -> dict:
    """`--param NAME=TEXT` values converted to their declared types; unknown names refused."""
    values = {}
    for name, text in texts.items():
        _refuse_secret(name)
        if name not in declarations:
            raise ParameterError(f"unknown parameter {name!r} (expected one of: "
                                 f"{', '.join(declarations)})")
        values[name] = from_text(declarations[name]["type"], name, text)
    return values


def resolve(declarations: dict[str, dict], given: dict[str, object]) -> dict[str, object]:
    """Defaults overridden by `given`, every value checked against its declared type."""
    for name in given:
        _refuse_secret(name)
    unknown = sorted(set(given) - set(declarations))
    if unknown:
        raise ParameterError(f"unknown parameter {', '.join(unknown)} "
                             f"(expected one of: {', '.join(declarations)})")
    return {name: CHECKS[spec["type"]](name, given.get(name, spec["default"]))
            for name, spec in declarations.items()}
