"""The package's structure, as docs/architecture.md draws it: import rules in force, the
page and the contracts in step, the validated-data cache keyed by all the code it depends
on, and no function long without saying why."""

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from analysis import paths
from analysis.tables import load
from conftest import FIXTURES, ROOT


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"]


def test_the_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(_contracts())} kept, 0 broken" in result.stdout


def test_the_architecture_page_lists_the_layers_of_the_contract():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = re.search(r"## Layers\n.*?```text\n(.*?)```", page, re.S).group(1)
    [layers] = [c["layers"] for c in _contracts() if c["type"] == "layers"]
    assert block.strip().splitlines() == layers
    packages = {p.name for p in paths.PACKAGE.iterdir()
                if p.is_dir() and (p / "__init__.py").is_file()}
    modules = {p.stem for p in paths.PACKAGE.glob("*.py") if p.stem != "__init__"}
    named = {name.removeprefix("analysis.") for line in layers for name in line.split(" | ")}
    assert named == packages | modules, "every package and leaf module has its layer"


def test_the_architecture_page_names_every_module_and_only_modules():
    """Each package's row names every module and subpackage it holds, and every lowercase
    name it gives in backticks is one of them (or a folder of it, written `name/`): the
    page cannot drift from the code."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| (.*?) \|", page, re.M))
    packages = [p for p in paths.PACKAGE.iterdir() if (p / "__init__.py").is_file()]
    assert {p.name for p in packages} <= set(rows), "every package has its row"
    for package in packages:
        held = {p.stem for p in package.glob("*.py") if p.stem != "__init__"} | {
            p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
        named = set(re.findall(r"`([^`]+)`", rows[package.name]))
        assert held - named == set(), f"{package.name}: not on the page"
        folders = {n for n in named if n.endswith("/")}
        assert all((package / f).is_dir() for f in folders), package.name
        listed = {n for n in named if re.fullmatch(r"[a-z_]+", n)}
        assert listed - held == set(), f"{package.name}: on the page, not in the code"


def test_the_readme_links_the_architecture_page():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_validating_and_loading_import_only_what_the_cache_key_covers():
    code = ("import json, sys; import analysis.tables.load, analysis.tables.validate; "
            "print(json.dumps({m: getattr(sys.modules[m], '__file__', None) "
            "for m in sys.modules if m.split('.')[0] == 'analysis'}))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout)
    covered = [Path(p).resolve() for p in load.CODE]
    for module, file in loaded.items():
        path = Path(file).resolve()
        assert any(path == c or c in path.parents for c in covered), module


def test_editing_any_module_of_the_cache_key_invalidates_it(tmp_path):
    """The validated tables are kept under a key of the data and the code: a fix to any
    module that checks or derives them is never served stale."""
    package = tmp_path / "analysis"
    shutil.copytree(paths.PACKAGE, package,
                    ignore=shutil.ignore_patterns("__pycache__", "fonts", "templates"))
    code = [package / Path(p).relative_to(paths.PACKAGE) for p in load.CODE]
    files = [f for place in code for f in (place.rglob("*.py") if place.is_dir() else [place])]
    assert len(files) > 20
    before = load.fingerprint(FIXTURES / "data", code)
    seen = {before}
    for file in files:
        file.write_text(file.read_text() + "\n# edited\n")
        key = load.fingerprint(FIXTURES / "data", code)
        assert key not in seen, file.relative_to(tmp_path)
        seen.add(key)


LONG = 60
"""Lines past which a function says in its docstring why it is that long."""


def long_without_why(source: str) -> list[str]:
    """Each function of `source` longer than `LONG` lines whose docstring does not say why."""
    return [f"{node.name} has {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > LONG
            and "long" not in (ast.get_docstring(node) or "").lower()]


def test_a_long_function_must_say_why():
    lines = [f"    x{i} = {i}\n" for i in range(LONG)]
    assert long_without_why("def f():\n" + "".join(lines)) == [f"f has {LONG + 1} lines"]
    assert long_without_why('async def f():\n    """Long: one step per line."""\n'
                            + "".join(lines)) == []
    assert long_without_why("def f():\n" + "".join(lines[1:])) == []


def test_no_function_is_long_without_saying_why():
    found = {str(path.relative_to(paths.PACKAGE)): long_without_why(path.read_text("utf-8"))
             for path in sorted(paths.PACKAGE.rglob("*.py"))}
    assert {path: why for path, why in found.items() if why} == {}
