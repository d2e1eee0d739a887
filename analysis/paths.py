"""Every default path, in one place. There must be no other `analysis` import here: every
layer reads its paths from this leaf (as OWID's `etl/paths.py`)."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed package: its code, templates and fonts."""
ROOT = PACKAGE.parent
"""The project checkout the package runs from (editable install)."""
DATA = ROOT / "data"
"""The curated tables and held documents, unless a brief is given another `data_dir`."""
CONFIG = ROOT / "briefs.toml"
REPORTS = ROOT / "reports"
LOCK = ROOT / "requirements.lock"
"""The dependency pins: an input of every build (a change rebuilds every brief)."""
TEMPLATES = PACKAGE / "render" / "templates"
FONTS = PACKAGE / "render" / "fonts"
"""The bundled fonts (see render/fonts/README.md): charts, HTML and PDF use only these."""
BOUNDARIES = Path("boundaries") / "provinces.topo.json"
"""Within a data directory: the map's provinces (TopoJSON, object `provinces`, each with
its `shapeISO`: a place's `boundary_id`); a subject without it has no map."""
