"""A new subject's brief (`brief new`): its notebook, made from the default brief's (the same
parameters and sections; the analyst's prose replaced by placeholders that say what to
write), and its entry in briefs.toml. Nothing here names a subject: a subject's words come
from its data and its notebook."""

import json
import re
from pathlib import Path

import nbformat

from analysis.render.formats import FORMATS

PLACEHOLDER = "*[To write, in your own words: {}]*"
"""How a placeholder reads in the notebook and, until it is replaced, in the brief."""

PROMPTS = {  # by the section the prose follows
    "header": "what this brief follows, for whom, and why it matters now. Every figure "
              "comes from the data: to give one in prose, refer to it by name with "
              "`brief.prose(\"... {name} ...\")`, never type it.",
    "arms": "what the reader should take from the transfers above: which stages matter "
            "(offered, contracted, delivered, merely alleged) and why.",
    "estimates": "what the estimates above say together, and why they differ (who makes "
                 "them, what they count, where).",
    "contacts": "who talks to whom, through whom, and what the pattern suggests.",
    "contested": "where the sources disagree, and what the reader should make of it.",
}
OTHERWISE = "what the reader should take from the section above."

_SECTION_CALL = re.compile(r"brief\.(\w+)\(")


def notebook(template: Path, target: Path, *, title: str, data_dir: str) -> None:
    """Write `target`: the notebook `template` with its title and data folder set (a path
    relative to the notebook's folder) and each of its prose cells (Markdown, or a
    `brief.prose` call) a placeholder prompting for the prose after that section."""
    nb = nbformat.read(template, as_version=4)
    cells, after = [], ""
    for cell in nb.cells:
        source = cell.source.strip()
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = _defaults(cell.source, title=title, data_dir=data_dir)
        elif cell.cell_type == "markdown" or source.startswith("brief.prose("):
            cells.append(nbformat.v4.new_markdown_cell(
                PLACEHOLDER.format(PROMPTS.get(after, OTHERWISE))))
            continue
        elif call := _SECTION_CALL.search(source.splitlines()[-1] if source else ""):
            after = call[1]
        cells.append(cell)
    nb.cells = cells
    with target.open("x", encoding="utf-8") as f:
        nbformat.write(nb, f)


def _defaults(source: str, **values: str) -> str:
    """The parameters cell with the defaults of `values` replaced, comments kept."""
    for name, value in values.items():
        literal = json.dumps(value, ensure_ascii=False)

        def put(m: re.Match[str], literal: str = literal) -> str:
            return m[1] + literal + m[2]
        source, found = re.subn(rf"^({name}: [^=]+= )[^#\n]*?(\s*#|$)", put, source, count=1,
                                flags=re.M)
        if not found:
            raise ValueError(f"the template's parameters cell declares no {name}")
    return source


def add(config: Path, *, name: str, notebook_name: str, title: str) -> None:
    """Append the brief's entry to the briefs file `config` (its comments and entries kept
    as they are)."""
    text = config.read_text(encoding="utf-8")
    entry = (f"\n# A new subject (`brief new`): its data in data/{name}/.\n[[brief]]\n"
             f"name = {json.dumps(name)}\n"
             f"notebook = {json.dumps(notebook_name)}\n"
             f"title = {json.dumps(title, ensure_ascii=False)}\n"
             f"formats = {json.dumps(list(FORMATS))}\n")
    config.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
