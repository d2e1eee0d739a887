"""Places: their names, their kinds and what each lies within. The one place that says how
a place id is worded and which province a place is in, for the loader, the sections and
the map."""

import json
from pathlib import Path

import pandas as pd

from analysis.core import words
from analysis.core.lists import LIST_SEPARATOR
from analysis.paths import BOUNDARIES
from analysis.tables.vocab import PROVINCE


def names(places: pd.DataFrame) -> dict[str, str]:
    """Each place id -> its name."""
    return dict(zip(places["place_id"], places["name"], strict=True))


def kinds(places: pd.DataFrame) -> dict[str, str]:
    """Each place id -> its kind (`vocab.PLACE_KINDS`)."""
    return dict(zip(places["place_id"], places["kind"], strict=True))


def worded(cell: str, named: dict[str, str]) -> str:
    """A list cell of place ids in words: 'Tehran, Mashhad and Zahedan'."""
    return words.series([named[p.strip()] for p in cell.split(LIST_SEPARATOR)])


def chain(parent: dict, place: str) -> list[str]:
    """`place`, then each place it lies in, up its `part_of` chain (`parent`: id -> part
    of), stopping before a loop; actors' chains are walked the same way (validation)."""
    found: list[str] = []
    step: object = place  # until a place with no (or a blank) part_of
    while isinstance(step, str) and step not in found:
        found.append(step)
        step = parent.get(step)
    return found


def provinces(places: pd.DataFrame) -> dict[str, str]:
    """Each place id that lies in a province (or is one) -> that province's id."""
    parent = dict(zip(places["place_id"], places["part_of"], strict=True))
    kind = kinds(places)
    found = {}
    for place in parent:
        province = next((q for q in chain(parent, place) if kind.get(q) == PROVINCE), None)
        if province:
            found[place] = province
    return found


def boundaries(data_dir: Path) -> dict | None:
    """The map's provinces held in `data_dir` (`paths.BOUNDARIES`: TopoJSON), or None when
    the subject holds none."""
    path = Path(data_dir) / BOUNDARIES
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def boundary_ids(topo: dict) -> set[str]:
    """The `shapeISO` of each province in `topo`."""
    return {g["properties"]["shapeISO"] for g in topo["objects"]["provinces"]["geometries"]}
