"""Make `provinces.topo.json` (the map's provinces) from geoBoundaries' file: TopoJSON, so
that the borders two provinces share are drawn once; simplified to about 1 km (what a
page-wide map needs); quantized; each province with a point inside it for its label. Kandahar's code is written AF-KAN, as the other 33 are
(the source writes AF_KAN), and Ghazni's name as Ghazni (the source writes Ghanzi).

Run once by hand, outside the project's environment (topojson is not a dependency):

    python -m venv /tmp/geo && /tmp/geo/bin/pip install topojson==2.2 shapely==2.2.0
    /tmp/geo/bin/python data/boundaries/make.py SOURCE.geojson data/boundaries/provinces.topo.json
"""

import json
import sys

import topojson
from shapely.geometry import shape

FIXES = {"shapeISO": {"AF_KAN": "AF-KAN"}, "shapeName": {"Ghanzi": "Ghazni"}}
KEPT = ("shapeName", "shapeISO")


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        geo = json.load(f)
    for feature in geo["features"]:
        p = feature["properties"]
        feature["properties"] = {k: FIXES.get(k, {}).get(p[k], p[k]) for k in KEPT}
        # where a label goes: a point inside the province (not its centroid, which may
        # fall outside a crescent-shaped one)
        at = shape(feature["geometry"]).representative_point()
        feature["properties"]["label"] = [round(at.x, 3), round(at.y, 3)]
    topo = topojson.Topology(geo, object_name="provinces", toposimplify=0.01,
                             prequantize=1e5, presimplify=False)
    with open(target, "w", encoding="utf-8") as f:
        f.write(json.dumps(json.loads(topo.to_json()), separators=(",", ":")))


if __name__ == "__main__":
    main(*sys.argv[1:])
