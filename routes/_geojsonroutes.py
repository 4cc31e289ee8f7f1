"""The GeoJSON route reader (see :func:`routes.routefile.read_geojson_text`).

* A LineString (or MultiLineString) feature is a flight through its vertices.  Names come
  from ``properties.stops`` (one per vertex), else from a named Point feature at the same
  position, else ``"lat,lon"``.  ``properties`` may give ``id``, ``name`` (the label),
  ``aircraft``, ``date``, ``personnel``, ``cargo_tonnes`` and ``commander``.
* A line feature whose properties have ``from`` and ``to`` (as :func:`routes.export.to_geojson`
  writes) is one leg; consecutive legs with the same ``flight`` property form a flight.
* Point features alone are one flight through the points in feature order, with a warning.
"""

from __future__ import annotations

from .errors import InputError
from .model import Flight, PlaceRef, Report
from ._values import (
    CONVERTERS, Locator, at, coord_name, kind_of, make_flight, norm_name, shown, to_coord, to_text,
)

__all__ = ["from_geojson"]

_Vertex = tuple[float, float, str]  # lat, lon, where


def from_geojson(data: object, source: str, loc: Locator) -> Report:
    """Flights from parsed GeoJSON; ``loc`` gives line numbers for messages."""
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        found = data.get("type") if isinstance(data, dict) else kind_of(data)
        raise InputError(
            f"{at(source, loc, ())}: expected a GeoJSON FeatureCollection of LineString (flights) "
            f"and Point (places) features, found {found!r}"
        )
    if data["type"] == "Feature":
        features, prefixes = [data], [()]
    else:
        features = data.get("features")
        if not isinstance(features, list):
            raise InputError(f"{at(source, loc, ('features',))}: 'features' must be a list of Feature objects")
        prefixes = [("features", i) for i in range(len(features))]
    warnings: list[str] = []
    lines: list[tuple[list[_Vertex], dict, str, object]] = []
    points: list[tuple[str | None, _Vertex]] = []
    for feature, prefix in zip(features, prefixes):
        where = at(source, loc, prefix)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(f"{where}: expected a Feature object, found {kind_of(feature)}")
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise InputError(f"{where}: 'properties' must be a mapping, not a {kind_of(props)}")
        geom = feature.get("geometry")
        if geom is None:
            warnings.append(f"{where}: ignoring a feature without geometry")
            continue
        gtype = geom.get("type") if isinstance(geom, dict) else None
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        cpath = prefix + ("geometry", "coordinates")
        if gtype == "Point":
            name = to_text(props.get("name") or props.get("code"), where, "name")
            points.append((name, _vertex(coords, source, loc, cpath)))
        elif gtype == "LineString":
            verts = [_vertex(c, source, loc, cpath + (j,)) for j, c in enumerate(_list(coords, where))]
            lines.append((verts, props, where, feature.get("id")))
        elif gtype == "MultiLineString":
            parts = [
                [_vertex(c, source, loc, cpath + (k, j)) for j, c in enumerate(_list(part, where))]
                for k, part in enumerate(_list(coords, where))
            ]
            lines.append((_join_parts(parts), props, where, feature.get("id")))
        else:
            warnings.append(f"{where}: ignoring a {gtype or 'malformed'} geometry; flights are LineStrings")
    names = {(round(p[1][0], 5), round(p[1][1], 5)): p[0] for p in points if p[0]}
    if lines:
        flights = _line_flights(lines, names, source)
    elif len(points) >= 2:
        warnings.append(f"{source}: only Point features: read as one flight through them in feature order")
        refs = [PlaceRef(text=n or coord_name(la, lo), lat=la, lon=lo, where=w) for n, (la, lo, w) in points]
        flights = [make_flight("f1", refs)]
    elif points:
        raise InputError(f"{source}: one Point and no LineString; a route needs two or more places")
    else:
        flights = []
        warnings.append(f"{source}: no LineString or Point features; the file describes no flight")
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source,
                  meta={"format": "geojson"})


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise InputError(f"{where}: coordinates must be a list of [lon, lat] positions")
    return value


def _vertex(pos: object, source: str, loc: Locator, path: tuple) -> _Vertex:
    where = at(source, loc, path)
    if not isinstance(pos, list) or len(pos) < 2:
        raise InputError(f"{where}: position {shown(pos)} is not [lon, lat]")
    lon = to_coord(pos[0], where, "longitude")
    lat = to_coord(pos[1], where, "latitude")
    if lat is None or lon is None:
        raise InputError(f"{where}: position {shown(pos)} is not [lon, lat]")
    return lat, lon, where


def _join_parts(parts: list[list[_Vertex]]) -> list[_Vertex]:
    """Vertices of a MultiLineString, without the cut points of an antimeridian split."""
    out: list[_Vertex] = []
    for part in parts:
        if out and part:
            a, b = out[-1], part[0]
            if abs(abs(a[1]) - 180) < 1e-9 and abs(abs(b[1]) - 180) < 1e-9 and abs(a[0] - b[0]) < 1e-6:
                out.pop()
                part = part[1:]
        out.extend(part)
    return out


def _fields(props: dict, where: str) -> dict:
    return {name: convert(props.get(name), where, name) for name, convert in CONVERTERS}


def _line_flights(lines, names: dict, source: str) -> list[Flight]:
    flights: list[Flight] = []
    seen: dict[str, str] = {}

    def add(fid: str, refs: list[PlaceRef], where: str, **fields) -> None:
        if fid in seen:
            raise InputError(f"{where}: flight id {fid!r} is used twice (first at {seen[fid]}); give each flight its own id")
        seen[fid] = where
        flights.append(make_flight(fid, refs, **fields))

    chain: tuple[str, list[PlaceRef], str, dict] | None = None  # a flight built from legs
    for verts, props, where, feature_id in lines:
        is_leg = isinstance(props.get("from"), str) and isinstance(props.get("to"), str)
        if len(verts) < 2:
            raise InputError(f"{where}: a LineString needs two or more positions")
        if is_leg:
            fid = to_text(props.get("flight"), where, "flight") or f"f{len(flights) + 1}"
            (la, lo, _), (lb, lob, _) = verts[0], verts[-1]
            start = PlaceRef(text=props["from"], lat=la, lon=lo, where=where)
            end = PlaceRef(text=props["to"], lat=lb, lon=lob, where=where)
            if chain is not None and chain[0] == fid:
                last = chain[1][-1]
                if norm_name(last.text) != norm_name(start.text):
                    raise InputError(
                        f"{where}: flight {fid} continues from {start.text!r} but its previous leg "
                        f"ended at {last.text!r}; legs of a flight must join end to start"
                    )
                chain[1].append(end)
                continue
            if chain is not None:
                add(chain[0], chain[1], chain[2], **chain[3])
            chain = (fid, [start, end], where, _fields(props, where))
            continue
        if chain is not None:
            add(chain[0], chain[1], chain[2], **chain[3])
            chain = None
        stops = props.get("stops")
        if stops is not None and (not isinstance(stops, list) or len(stops) != len(verts)):
            count = len(stops) if isinstance(stops, list) else kind_of(stops)
            raise InputError(
                f"{where}: properties.stops has {count} names but the line has {len(verts)} "
                f"positions; give one name per position"
            )
        refs = []
        for j, (la, lo, w) in enumerate(verts):
            name = to_text(stops[j], w, "stops") if stops else None
            name = name or names.get((round(la, 5), round(lo, 5))) or coord_name(la, lo)
            refs.append(PlaceRef(text=name, lat=la, lon=lo, where=w))
        fid = to_text(props.get("id", feature_id), where, "id") or f"f{len(flights) + 1}"
        add(fid, refs, where, label=to_text(props.get("name"), where, "name"), **_fields(props, where))
    if chain is not None:
        add(chain[0], chain[1], chain[2], **chain[3])
    return flights
