"""Can the aircraft fly this leg non-stop?  Range against payload, and range rings.

A leg is checked against the range of each aircraft type of its flight at the reported
payload (:func:`routes.aircraft.range_km_at`); with several types the most limiting one
(the shortest range) decides.  The reported cargo is assumed to be on board *each* type,
since reports rarely say how a load was shared: that makes the check conservative, and
the payload is capped at each type's maximum by ``range_km_at``.  Personnel are not
counted as payload.  Range figures are rough (see ``routes/data/aircraft.csv``), so a
flagged leg means "implausible without refuelling", not "impossible".

A range ring is the geodesic circle of a type's range around a place
(:func:`routes.geodesy.geodesic_circle`), cut at the antimeridian and, when it encloses
a pole, closed along the pole, so that it can be drawn on a world map or written as
GeoJSON.

Examples
--------
>>> from routes.model import Flight, Place
>>> from routes.geodesy import make_leg
>>> syria = Place("Syria", 33.51, 36.29, "country")
>>> caracas = Place("Caracas", 10.60, -66.99, "airport")
>>> direct = make_leg(syria, caracas)
>>> check = check_leg(direct, Flight("f1", (), aircraft=("Il-62",), cargo_tonnes=35.0))
>>> check.ok, check.aircraft, round(check.range_km)
(False, 'Il-62', 7000)
>>> check_leg(direct, Flight("f1", (), aircraft=("Cessna 172",))).ok is None
True
>>> range_ring(60.0, 0.0, 4000.0).geom_type  # encloses the North Pole
'Polygon'
>>> len(range_ring(-15.0, 178.0, 1000.0).geoms)  # across the antimeridian
2
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.ops import linemerge, unary_union
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box

from . import aircraft as aircraft_table
from .errors import InputError, PlaceNotFound
from .geodesy import geodesic_circle, inverse
from .model import Flight, Leg, Place, Report

__all__ = [
    "RangeCheck",
    "RangeRing",
    "check_leg",
    "check_flight",
    "range_columns",
    "range_ring",
    "ring_outline",
    "parse_ring_spec",
    "make_ring",
]

Kilometres = float


@dataclass(frozen=True)
class RangeCheck:
    """The outcome of checking one leg.

    ``ok`` is True when the leg is within the range of every known type of the flight,
    False when it is beyond the range of at least one, and None when no type of the
    flight is known to the aircraft table.  ``range_km`` and ``aircraft`` name the most
    limiting type; ``payload_t`` is the payload the range was taken at (None: unknown,
    counted as no payload).
    """

    ok: bool | None
    range_km: Kilometres | None
    aircraft: str | None
    payload_t: float | None
    distance_km: Kilometres

    @property
    def excess_km(self) -> Kilometres | None:
        """How far the leg goes beyond the range (negative: the margin left)."""
        return None if self.range_km is None else self.distance_km - self.range_km


def check_leg(leg: Leg, flight: Flight) -> RangeCheck:
    """Check ``leg`` of ``flight`` against its aircraft's range at the reported payload.

    Parameters
    ----------
    leg : Leg
        The leg (its ``distance_km`` is used).
    flight : Flight
        Gives the aircraft types and ``cargo_tonnes``.

    Returns
    -------
    RangeCheck
        ``ok`` is None when none of the flight's types is known.
    """
    payload = flight.cargo_tonnes
    best: tuple[float, str] | None = None
    for name in flight.aircraft:
        kind = aircraft_table.lookup(name)
        if kind is None:
            continue
        km = float(aircraft_table.range_km_at(kind, payload))
        if best is None or km < best[0]:
            best = (km, kind.designation)
    if best is None:
        return RangeCheck(None, None, None, payload, leg.distance_km)
    km, designation = best
    return RangeCheck(leg.distance_km <= km, km, designation, payload, leg.distance_km)


def check_flight(flight: Flight) -> tuple[RangeCheck, ...]:
    """:func:`check_leg` for every leg of ``flight``, in order."""
    return tuple(check_leg(leg, flight) for leg in flight.legs)


def range_columns(leg: Leg, flight: Flight) -> dict:
    """The range check as flat columns for a table of legs (CSV, DataFrame, JSON).

    Examples
    --------
    >>> from routes.model import Flight, Place
    >>> from routes.geodesy import make_leg
    >>> leg = make_leg(Place("A", 0.0, 0.0, "point"), Place("B", 0.0, 10.0, "point"))
    >>> range_columns(leg, Flight("f1", (), aircraft=("C-17",), cargo_tonnes=77.5))
    {'range_ok': True, 'range_km': 4480.0, 'range_aircraft': 'C-17'}
    """
    check = check_leg(leg, flight)
    km = None if check.range_km is None else round(check.range_km, 1)
    return {"range_ok": check.ok, "range_km": km, "range_aircraft": check.aircraft}


# --- range rings -------------------------------------------------------------------------


@dataclass(frozen=True)
class RangeRing:
    """A range ring to draw: ``radius_km`` around ``place`` for ``aircraft``."""

    place: Place
    aircraft: str
    radius_km: Kilometres
    payload_t: float | None = None


def _poles_inside(lat: float, lon: float, radius_km: float) -> tuple[int, ...]:
    """The poles within ``radius_km`` of (lat, lon): +1 for the North, -1 for the South."""
    return tuple(p for p in (1, -1) if inverse(lat, lon, 90.0 * p, lon)[0] < radius_km)


def _ring_coords(lat: float, lon: float, radius_km: float, points: int) -> list[tuple[float, float]]:
    return list(geodesic_circle(lat, lon, radius_km, points).exterior.coords)[:-1]


def range_ring(lat: float, lon: float, radius_km: float, points: int = 180) -> Polygon | MultiPolygon:
    """The area within ``radius_km`` of (lat, lon), longitudes within [-180, 180].

    A ring across the antimeridian comes back as a MultiPolygon, one part on each side.
    A ring around a pole runs round the whole globe; its area is closed along the pole
    (latitude +-90).  A radius beyond half the Earth's circumference is bad input.
    """
    if not 0 < radius_km < math.pi * 6371.0:
        raise InputError(f"range ring radius must be between 0 and 20,000 km, not {radius_km!r}")
    coords = _ring_coords(lat, lon, radius_km, points)
    poles = _poles_inside(lat, lon, radius_km)
    if len(poles) == 2:
        # Both poles inside: the edge loops round the antipode; the area is the rest.
        return box(-180.0, -90.0, 180.0, 90.0).difference(_clip(Polygon(coords)))
    if poles:
        # The unwrapped ring turns once round the globe: close it along the pole.
        coords.sort(key=lambda c: c[0])
        first = coords[0]
        span_end = first[0] + 360.0
        edge_lat = 90.0 * poles[0]
        coords = [*coords, (span_end, first[1]), (span_end, edge_lat), (first[0], edge_lat)]
    return _clip(Polygon(coords))


def _clip(area: Polygon) -> Polygon | MultiPolygon:
    """An unwrapped polygon cut into whole-turn windows, each moved into [-180, 180]."""
    if not area.is_valid:
        area = area.buffer(0)
    parts = []
    for k in range(-2, 3):
        piece = area.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
        if not piece.is_empty:
            parts.append(_shift(piece, -360.0 * k))
    polygons = _polygons(unary_union(parts))  # pieces of a ring round a pole rejoin
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def _polygons(geometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    return [g for g in getattr(geometry, "geoms", ()) if isinstance(g, Polygon)]


def _shift(geometry, dx: float):
    import shapely

    return shapely.transform(geometry, lambda xy: xy + (dx, 0.0))


def ring_outline(lat: float, lon: float, radius_km: float, points: int = 180) -> MultiLineString:
    """The ring's edge as lines within [-180, 180] (no edge along a pole or a cut)."""
    coords = _ring_coords(lat, lon, radius_km, points)
    if len(_poles_inside(lat, lon, radius_km)) == 1:  # the edge goes once round the globe
        coords.append((coords[0][0] + 360.0 * _turns(coords), coords[0][1]))
    else:
        coords.append(coords[0])
    line = LineString(coords)
    parts = []
    for k in range(-2, 3):
        piece = line.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
        for part in getattr(piece, "geoms", [piece]):
            if isinstance(part, LineString) and not part.is_empty:
                parts.append(_shift(part, -360.0 * k))
    merged = linemerge(parts)  # rejoin a line cut where the ring started
    return merged if isinstance(merged, MultiLineString) else MultiLineString([merged])


def _turns(coords: list[tuple[float, float]]) -> int:
    """Which way a ring round a pole turns: +1 eastwards, -1 westwards."""
    return 1 if coords[-1][0] > coords[0][0] else -1


def parse_ring_spec(spec: str) -> tuple[str, str]:
    """Split ``"CCS:An-124"`` into the place and the aircraft type.

    The last ``:`` separates them, so place names may contain one.

    >>> parse_ring_spec("CCS:An-124")
    ('CCS', 'An-124')
    """
    place, sep, kind = spec.rpartition(":")
    if not sep or not place.strip() or not kind.strip():
        raise InputError(f"range ring {spec!r}: expected PLACE:AIRCRAFT, e.g. CCS:An-124")
    return place.strip(), kind.strip()


def make_ring(spec: str, report: Report | None = None) -> RangeRing:
    """A :class:`RangeRing` from ``"PLACE:AIRCRAFT"``.

    The place is looked up in the offline gazetteer.  The radius is the type's range at
    the payload of the first flight of ``report`` that uses the type, when that payload
    is known, and otherwise its range with maximum payload (``range_km``).
    """
    from .gazetteer import lookup

    place_name, kind_name = parse_ring_spec(spec)
    kind = aircraft_table.lookup(kind_name)
    if kind is None:
        raise InputError(f"range ring {spec!r}: unknown aircraft type {kind_name!r}")
    found = lookup(place_name)
    if not found:
        raise PlaceNotFound(place_name, where=f"range ring {spec!r}")
    payload = None
    for flight in report.flights if report else ():
        kinds = {k.designation for k in map(aircraft_table.lookup, flight.aircraft) if k}
        if kind.designation in kinds and flight.cargo_tonnes is not None:
            payload = flight.cargo_tonnes
            break
    radius = kind.range_km if payload is None else aircraft_table.range_km_at(kind, payload)
    return RangeRing(found[0], kind.designation, float(radius), payload)
