"""Regenerate ``routes/data/countries-110m.geojson`` from the npm package world-atlas.

world-atlas (ISC licence, Mike Bostock) ships Natural Earth's 1:110m country outlines
(public domain) as quantized TopoJSON.  This script decodes the TopoJSON into GeoJSON,
keeps only each country's name, rounds coordinates, cuts rings that cross the
antimeridian and writes one compact GeoJSON file with its source in ``_source``.

Usage::

    python tools/build_basemap.py                    # runs `npm pack world-atlas` itself
    python tools/build_basemap.py countries-110m.json
    python tools/build_basemap.py world-atlas-2.0.2.tgz
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "routes" / "data" / "countries-110m.geojson"
MEMBER = "package/countries-110m.json"
DECIMALS = 2


def read_topology(source: str | None) -> tuple[dict, str]:
    """The TopoJSON document and the world-atlas version it came from.

    ``source`` is the TopoJSON file, the package tarball, or None to fetch the tarball
    with ``npm pack`` into a temporary folder.
    """
    if source and source.endswith(".json"):
        return json.loads(Path(source).read_text(encoding="utf-8")), "unknown"
    if source is not None:
        return _read_tarball(Path(source))
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", "world-atlas", "--silent"], cwd=tmp, check=True,
            capture_output=True, text=True,
        )
        return _read_tarball(Path(tmp) / out.stdout.strip().splitlines()[-1])


def _read_tarball(path: Path) -> tuple[dict, str]:
    with tarfile.open(path) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        topo = json.load(tar.extractfile(MEMBER))
    return topo, meta["version"]


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc: undo the delta encoding and quantization."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from arc indices; ``~i`` (negative) means arc ``i`` reversed."""
    ring: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)  # arcs share their end points
    return ring


def on_one_side(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Give points lying exactly on +-180 the sign of the last point off the meridian.

    Quantization writes 180 as -180 in places, which would make a ring that only touches
    the antimeridian look as if it crossed it.
    """
    off = [lon for lon, _ in ring if abs(lon) < 180]
    if not off:
        return ring
    last = off[-1]  # the ring is closed: the point before the first is the last one
    out = []
    for lon, lat in ring:
        if abs(lon) >= 180:
            lon = 180.0 if last > 0 else -180.0
        else:
            last = lon
        out.append((lon, lat))
    return out


def crossing_lat(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Latitude where segment a-b, taken the short way round, meets +-180."""
    span = 360.0 - abs(b[0] - a[0])
    t = (180.0 - abs(a[0])) / span if span else 0.0
    return a[1] + t * (b[1] - a[1])


def cut_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Rings that do not jump across +-180, drawn the same way on a flat map.

    Each segment whose ends are more than 180 degrees of longitude apart crosses the
    antimeridian.  With an even number of crossings the ring is cut into pieces on each
    side, closed along the meridian.  With an odd number it encloses a pole (Antarctica):
    the ring is led along the meridian to the pole and back at its crossing instead.
    """
    ring = on_one_side(ring)
    jumps = {i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180}
    if not jumps:
        return [ring]
    if len(jumps) % 2:
        (i,) = sorted(jumps)[:1]
        a, b = ring[i - 1], ring[i]
        blat = crossing_lat(a, b)
        pole = 90.0 if blat > 0 else -90.0
        edge_a = 180.0 if a[0] > 0 else -180.0
        detour = [(edge_a, blat), (edge_a, pole), (-edge_a, pole), (-edge_a, blat)]
        return [close([*ring[:i], *detour, *ring[i:]])]
    east: list[tuple[float, float]] = []
    west: list[tuple[float, float]] = []
    side = east if ring[0][0] > 0 else west
    for i, point in enumerate(ring):
        if i in jumps:
            blat = crossing_lat(ring[i - 1], point)
            side.append((180.0 if side is east else -180.0, blat))
            side = west if side is east else east
            side.append((180.0 if side is east else -180.0, blat))
        side.append(point)
    return [close(r) for r in (east, west) if len(r) >= 3]


def close(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return ring if ring[0] == ring[-1] else [*ring, ring[0]]


def tidy(ring: list[tuple[float, float]]) -> list[list[float]] | None:
    """Round, drop repeated points; None for rings that collapse."""
    out: list[list[float]] = []
    for lon, lat in ring:
        p = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or p != out[-1]:
            out.append(p)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def polygons(geometry: dict, arcs) -> list[list[list[list[float]]]]:
    """The geometry as a list of polygons (each a list of rings), cut and tidied."""
    kind = geometry.get("type")
    arcs_of = geometry.get("arcs", [])
    raw = {"Polygon": [arcs_of], "MultiPolygon": arcs_of}.get(kind, [])
    out = []
    for polygon in raw:
        shell, *holes = [stitch(r, arcs) for r in polygon]
        for piece in cut_antimeridian(shell):
            rings = [tidy(piece)] + [tidy(h) for h in holes if len(cut_antimeridian(h)) == 1]
            holes = []  # holes go with the first piece; 110m countries have none across 180
            if rings[0] is not None:
                out.append([r for r in rings if r is not None])
    return out


def build(topo: dict, version: str) -> dict:
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polys = polygons(geometry, arcs)
        if not polys:
            continue
        geom = (
            {"type": "Polygon", "coordinates": polys[0]}
            if len(polys) == 1
            else {"type": "MultiPolygon", "coordinates": polys}
        )
        name = (geometry.get("properties") or {}).get("name")
        features.append({"type": "Feature", "properties": {"name": name}, "geometry": geom})
    features.sort(key=lambda f: f["properties"]["name"] or "")
    return {
        "type": "FeatureCollection",
        "_source": (
            f"Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), "
            f"via the npm package world-atlas {version} (ISC licence, Mike Bostock); "
            f"converted by tools/build_basemap.py, coordinates rounded to {DECIMALS} decimals"
        ),
        "_licence": "public domain (Natural Earth); world-atlas packaging ISC",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", help="countries-110m.json or world-atlas-*.tgz")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    topo, version = read_topology(args.source)
    doc = build(topo, version)
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    count = len(doc["features"])
    print(f"{args.output.name}: {count} countries, {len(text)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
