"""Outputs of a :class:`~routes.model.Report`: the JSON contract, pandas frames, CSV,
GeoJSON and KML.

Every function here is a pure view of the report: the same report gives byte-identical
output, features and rows in flight order, then leg order, then places in order of first
appearance.  Coordinates leave the library here, so this is where (lat, lon) becomes
(lon, lat) for GeoJSON and KML, and where unwrapped leg geometry is cut at +-180.

Legs exist once :func:`routes.geodesy.compute` has run; without them the JSON still lists
each flight's route (its stops' mentions and roles) and the frames have no rows.

Examples
--------
>>> from routes.model import Place, PlaceRef, Report, Stop, Flight
>>> from routes.geodesy import compute
>>> # coordinates from airportsdata (UUEE, MUHA)
>>> svo = Place("Sheremetyevo", 55.9726, 37.4146, "airport", "RU", "UUEE", "SVO", "UUEE")
>>> hav = Place("Jose Marti", 22.9892, -82.4091, "airport", "CU", "MUHA", "HAV", "MUHA")
>>> stops = (Stop(PlaceRef("SVO"), svo, role="origin"), Stop(PlaceRef("HAV"), hav, role="destination"))
>>> report = compute(Report(flights=(Flight("f1", stops),)))
>>> leg = to_json(report)["flights"][0]["legs"][0]
>>> leg["from"]["code"], leg["to"]["code"], leg["distance_km"], leg["initial_bearing_deg"]
('UUEE', 'MUHA', 9594.2, 306.9)
>>> print(to_csv(report).splitlines()[1][:49])
f1,1,Sheremetyevo,UUEE,55.9726,37.4146,airport,RU
"""

from __future__ import annotations

import os
import re
from xml.sax.saxutils import escape as _xml_escape

import pandas as pd
from shapely.geometry import LineString

from ._io import write_text_atomic
from .errors import RoutesError
from .geodesy import split_antimeridian
from .model import Flight, Leg, Place, Report, Stop
from .range_check import range_columns

__all__ = [
    "LEG_COLUMNS",
    "PLACE_COLUMNS",
    "MissingDependency",
    "to_json",
    "legs_frame",
    "places_frame",
    "to_csv",
    "to_geojson",
    "to_kml",
    "to_geodataframe",
    "write_text_atomic",
]

#: Columns of :func:`legs_frame` (and of :func:`to_csv`), in order.
LEG_COLUMNS = (
    "flight", "leg",
    "from", "from_code", "from_lat", "from_lon", "from_kind", "from_country", "from_mention",
    "to", "to_code", "to_lat", "to_lon", "to_kind", "to_country", "to_mention",
    "distance_km", "distance_nm", "initial_bearing_deg", "final_bearing_deg", "duration_h",
    "aircraft", "date", "personnel", "cargo_tonnes", "commander",
    "range_ok", "range_km", "range_aircraft",
)
#: Columns of :func:`places_frame`, in order.
PLACE_COLUMNS = (
    "name", "code", "iata", "icao", "kind", "country", "lat", "lon",
    "roles", "flights", "mentions", "source",
)
#: Decimals kept in CSV and GeoJSON properties, per column.
_DECIMALS = {
    "from_lat": 6, "from_lon": 6, "to_lat": 6, "to_lon": 6, "lat": 6, "lon": 6,
    "distance_km": 1, "distance_nm": 1, "initial_bearing_deg": 1, "final_bearing_deg": 1,
    "duration_h": 2, "cargo_tonnes": 3,
}
_ROLE_ORDER = ("origin", "stopover", "destination")
#: Decimals of GeoJSON coordinates (5 decimals of a degree is about a metre).
COORD_DECIMALS = 5


class MissingDependency(RoutesError, ImportError):
    """An optional package that a function needs is not installed."""


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def _joined(items) -> str | None:
    return "; ".join(items) or None


def _leg_stops(flight: Flight, leg: Leg) -> tuple[Stop | None, Stop | None]:
    """The stops a leg joins, when the flight's stops and legs line up."""
    if len(flight.stops) == len(flight.legs) + 1 and 1 <= leg.index <= len(flight.legs):
        return flight.stops[leg.index - 1], flight.stops[leg.index]
    return None, None


def _mention(place: Place, stop: Stop | None) -> str | None:
    return place.mention or (stop.ref.text if stop is not None else None)


# ---------------------------------------------------------------------------- JSON

def to_json(report: Report) -> dict:
    """The JSON of ``routes extract --json`` and ``routes legs --json`` (see DESIGN.md).

    Each flight has ``id``, ``aircraft``, ``personnel``, ``cargo_tonnes``, ``date``,
    ``commander``, ``route`` (the places as the input names them), ``stops`` (mention, role,
    where, and the geocoded place or null), ``legs`` (empty until the legs are computed)
    and ``evidence``.  Each leg has ``from`` and ``to`` (:meth:`Place.as_dict`, with the
    mention filled from the stop when the place lacks it), ``distance_km``, ``distance_nm``,
    ``initial_bearing_deg``, ``final_bearing_deg`` (1 decimal) and ``duration_h``
    (2 decimals).  The result is plain data ready for :func:`json.dumps`.
    """
    return {
        "flights": [_flight_json(f) for f in report.flights],
        "warnings": list(report.warnings),
    }


def _flight_json(flight: Flight) -> dict:
    return {
        "id": flight.id,
        "aircraft": list(flight.aircraft),
        "personnel": flight.personnel,
        "cargo_tonnes": flight.cargo_tonnes,
        "date": flight.date,
        "commander": flight.commander,
        "route": [s.ref.text for s in flight.stops],
        "stops": [
            {
                "mention": s.ref.text,
                "role": s.role,
                "where": s.ref.where,
                "place": _place_json(s.place, s) if s.place is not None else None,
            }
            for s in flight.stops
        ],
        "legs": [_leg_json(flight, leg) for leg in flight.legs],
        "evidence": [e.as_dict() for e in flight.evidence],
    }


def _place_json(place: Place, stop: Stop | None) -> dict:
    d = place.as_dict()
    d["mention"] = _mention(place, stop)
    return d


def _leg_json(flight: Flight, leg: Leg) -> dict:
    a, b = _leg_stops(flight, leg)
    return {
        "from": _place_json(leg.origin, a),
        "to": _place_json(leg.destination, b),
        "distance_km": _r(leg.distance_km, 1),
        "distance_nm": _r(leg.distance_nm, 1),
        "initial_bearing_deg": _r(leg.initial_bearing_deg, 1),
        "final_bearing_deg": _r(leg.final_bearing_deg, 1),
        "duration_h": _r(leg.duration_h, 2),
        **range_columns(leg, flight),
    }


# ---------------------------------------------------------------------------- frames

def _leg_row(flight: Flight, leg: Leg) -> dict:
    a, b = _leg_stops(flight, leg)
    row: dict = {"flight": flight.id, "leg": leg.index}
    for side, place, stop in (("from", leg.origin, a), ("to", leg.destination, b)):
        row[side] = place.name
        row[f"{side}_code"] = place.code
        row[f"{side}_lat"] = place.lat
        row[f"{side}_lon"] = place.lon
        row[f"{side}_kind"] = place.kind
        row[f"{side}_country"] = place.country
        row[f"{side}_mention"] = _mention(place, stop)
    row.update(
        distance_km=leg.distance_km,
        distance_nm=leg.distance_nm,
        initial_bearing_deg=leg.initial_bearing_deg,
        final_bearing_deg=leg.final_bearing_deg,
        duration_h=leg.duration_h,
        aircraft=_joined(flight.aircraft),
        date=flight.date,
        personnel=flight.personnel,
        cargo_tonnes=flight.cargo_tonnes,
        commander=flight.commander,
        **range_columns(leg, flight),
    )
    return row


def legs_frame(report: Report) -> pd.DataFrame:
    """One row per leg, columns :data:`LEG_COLUMNS`, values at full precision.

    ``aircraft`` is the flight's types joined by ``"; "``; ``personnel`` is a nullable
    integer column.  A report without computed legs gives an empty frame with the columns.
    """
    rows = [_leg_row(f, leg) for f in report.flights for leg in f.legs]
    df = pd.DataFrame(rows, columns=list(LEG_COLUMNS))
    df["leg"] = df["leg"].astype("int64")
    df["personnel"] = df["personnel"].astype("Int64")
    for col in ("from_lat", "from_lon", "to_lat", "to_lon", "distance_km", "distance_nm",
                "initial_bearing_deg", "final_bearing_deg", "duration_h", "cargo_tonnes"):
        df[col] = df[col].astype("float64")
    return df


def _distinct_places(report: Report) -> list[dict]:
    """Places in order of first appearance, with their roles, flights and mentions."""
    found: dict[tuple, dict] = {}

    def add(place: Place, role: str | None, flight: str, mention: str | None) -> None:
        key = (place.code or place.name, round(place.lat, 5), round(place.lon, 5), place.kind)
        entry = found.setdefault(key, {"place": place, "roles": [], "flights": [], "mentions": []})
        for field, value in (("roles", role), ("flights", flight), ("mentions", mention)):
            if value and value not in entry[field]:
                entry[field].append(value)

    for f in report.flights:
        for s in f.stops:
            if s.place is not None:
                add(s.place, s.role, f.id, _mention(s.place, s))
        for leg in f.legs:
            a, b = _leg_stops(f, leg)
            add(leg.origin, None, f.id, _mention(leg.origin, a))
            add(leg.destination, None, f.id, _mention(leg.destination, b))
    for entry in found.values():
        entry["roles"].sort(key=lambda r: _ROLE_ORDER.index(r) if r in _ROLE_ORDER else 9)
    return list(found.values())


def _place_row(entry: dict) -> dict:
    p: Place = entry["place"]
    return {
        "name": p.name, "code": p.code, "iata": p.iata, "icao": p.icao, "kind": p.kind,
        "country": p.country, "lat": p.lat, "lon": _wrap(p.lon),
        "roles": _joined(entry["roles"]), "flights": _joined(entry["flights"]),
        "mentions": _joined(entry["mentions"]), "source": p.source,
    }


def places_frame(report: Report) -> pd.DataFrame:
    """One row per distinct geocoded place, columns :data:`PLACE_COLUMNS`.

    ``roles``, ``flights`` and ``mentions`` join their values with ``"; "`` (roles in the
    order origin, stopover, destination).
    """
    rows = [_place_row(e) for e in _distinct_places(report)]
    df = pd.DataFrame(rows, columns=list(PLACE_COLUMNS))
    df["lat"] = df["lat"].astype("float64")
    df["lon"] = df["lon"].astype("float64")
    return df


def _wrap(lon: float) -> float:
    """A longitude in [-180, 180]."""
    return lon if -180.0 <= lon <= 180.0 else (lon + 180.0) % 360.0 - 180.0


# ---------------------------------------------------------------------------- CSV

def to_csv(report: Report) -> str:
    """:func:`legs_frame` as CSV text: coordinates to 6 decimals, distances and bearings to 1,
    hours to 2; empty cells for unknown values; ``\\n`` line endings."""
    df = legs_frame(report)
    for col, digits in _DECIMALS.items():
        if col in df:
            df[col] = df[col].round(digits)
    return df.to_csv(index=False, lineterminator="\n")


# ---------------------------------------------------------------------------- GeoJSON

def _parts(leg: Leg) -> list[list[list[float]]]:
    """The leg's geodesic cut at +-180, as rounded (lon, lat) lists without repeats."""
    geom = split_antimeridian(LineString(leg.geometry.coords))
    lines = [geom] if geom.geom_type == "LineString" else list(geom.geoms)
    parts = []
    for line in lines:
        pts: list[list[float]] = []
        for x, y in line.coords:
            pt = [round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)]
            if not pts or pt != pts[-1]:
                pts.append(pt)
        if len(pts) >= 2:
            parts.append(pts)
    return parts


def _leg_properties(flight: Flight, leg: Leg) -> dict:
    row = _leg_row(flight, leg)
    keep = [c for c in LEG_COLUMNS if not c.endswith(("_lat", "_lon"))]
    return {c: _r(row[c], _DECIMALS[c]) if c in _DECIMALS else row[c] for c in keep}


def to_geojson(report: Report) -> dict:
    """A FeatureCollection: a (Multi)LineString per leg, then a Point per distinct place.

    Leg geometry is the densified geodesic (:attr:`Leg.geometry`) cut at +-180, in
    (lon, lat) rounded to 5 decimals; its properties are the :func:`legs_frame` fields except
    coordinates.  Points carry the :func:`places_frame` fields.  Feature ids are ``f1.1``
    (flight and leg) and ``p1``, ``p2`` ... (places).  :func:`routes.routefile.read_geojson_text`
    reads the result back.
    """
    features = []
    for flight in report.flights:
        for leg in flight.legs:
            parts = _parts(leg)
            geometry = (
                {"type": "LineString", "coordinates": parts[0]}
                if len(parts) == 1
                else {"type": "MultiLineString", "coordinates": parts}
            )
            features.append({
                "type": "Feature",
                "id": f"{flight.id}.{leg.index}",
                "geometry": geometry,
                "properties": _leg_properties(flight, leg),
            })
    for n, entry in enumerate(_distinct_places(report), start=1):
        props = _place_row(entry)
        props["lat"], props["lon"] = _r(props["lat"], 6), _r(props["lon"], 6)
        features.append({
            "type": "Feature",
            "id": f"p{n}",
            "geometry": {
                "type": "Point",
                "coordinates": [round(props["lon"], COORD_DECIMALS), round(props["lat"], COORD_DECIMALS)],
            },
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features}


# ---------------------------------------------------------------------------- KML

#: Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """``text`` as XML character data: markup escaped, characters XML cannot hold (a form
    feed in a CSV cell) replaced by U+FFFD, so the document always parses.

    >>> escape("a <b> & \x0c")
    'a &lt;b&gt; &amp; \ufffd'
    """
    return _xml_escape(_NOT_XML.sub("\ufffd", text))


def _kml_coords(points) -> str:
    return " ".join(f"{x:.{COORD_DECIMALS}f},{y:.{COORD_DECIMALS}f},0" for x, y in points)


def to_kml(report: Report) -> str:
    """A KML 2.2 document: a folder per flight with a placemark per leg (the geodesic, cut at
    +-180), and a folder of places.  Names and descriptions are XML-escaped."""
    title = os.path.basename(report.source) if report.source else "routes"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        "<Document>",
        f"<name>{escape(title)}</name>",
    ]
    for flight in report.flights:
        if not flight.legs:
            continue
        out.append(f"<Folder><name>{escape(flight.label or flight.id)}</name>")
        for leg in flight.legs:
            name = f"{flight.id} leg {leg.index}: {leg.origin.name} - {leg.destination.name}"
            desc = (
                f"{leg.distance_km:.1f} km ({leg.distance_nm:.1f} nmi), initial bearing "
                f"{leg.initial_bearing_deg:.1f} deg"
            )
            if leg.duration_h is not None:
                desc += f", about {leg.duration_h:.1f} h"
            if flight.aircraft:
                desc += f"; {', '.join(flight.aircraft)}"
            parts = _parts(leg)
            lines = "".join(
                f"<LineString><tessellate>1</tessellate><coordinates>{_kml_coords(p)}</coordinates></LineString>"
                for p in parts
            )
            if len(parts) > 1:
                lines = f"<MultiGeometry>{lines}</MultiGeometry>"
            out.append(
                f"<Placemark><name>{escape(name)}</name><description>{escape(desc)}</description>"
                f"{lines}</Placemark>"
            )
        out.append("</Folder>")
    entries = _distinct_places(report)
    if entries:
        out.append("<Folder><name>Places</name>")
        for entry in entries:
            p: Place = entry["place"]
            label = f"{p.name} ({p.code})" if p.code else p.name
            desc = f"{p.kind}; {_joined(entry['roles']) or 'place'} of {_joined(entry['flights'])}"
            out.append(
                f"<Placemark><name>{escape(label)}</name><description>{escape(desc)}</description>"
                f"<Point><coordinates>{_kml_coords([(_wrap(p.lon), p.lat)])}</coordinates></Point>"
                "</Placemark>"
            )
        out.append("</Folder>")
    out += ["</Document>", "</kml>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------- GeoPandas

def to_geodataframe(report: Report):
    """:func:`legs_frame` as a GeoDataFrame (EPSG:4326) of the legs cut at +-180.

    Raises
    ------
    MissingDependency
        geopandas is not installed.
    """
    try:
        import geopandas
    except ImportError:
        raise MissingDependency(
            "to_geodataframe needs geopandas, which is not installed; install it with "
            "'pip install geopandas', or use legs_frame() or to_geojson() instead"
        ) from None
    geometry = [
        split_antimeridian(LineString(leg.geometry.coords)) for f in report.flights for leg in f.legs
    ]
    return geopandas.GeoDataFrame(legs_frame(report), geometry=geometry, crs="EPSG:4326")
