"""Legs along the WGS84 geodesic: distance, bearings, time and shapely geometry.

All geodesic arithmetic goes through :class:`pyproj.Geod` on the WGS84 ellipsoid (the
GeographicLib algorithms), never a spherical formula.  Geometries are (lon, lat).

Longitudes along a flight are *unwrapped*: each point is within 180 degrees of the one
before, so a line from Kamchatka to Alaska runs east across the antimeridian (lon 158 to
210) instead of the long way round.  Leaflet draws such coordinates correctly; GeoJSON
wants them split at +-180, which :func:`split_antimeridian` does.

Examples
--------
>>> km, az12, az21 = inverse(55.97, 37.41, 22.99, -82.41)  # Sheremetyevo to Havana
>>> round(km), round(az12)
(9594, 307)
>>> line = geodesic_line(53.0, 158.0, 61.2, -150.0, max_step_km=200)
>>> max(abs(b[0] - a[0]) for a, b in zip(line.coords, line.coords[1:])) < 10
True
>>> split_antimeridian(line).geom_type
'MultiLineString'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from pyproj import Geod
import shapely
from shapely.geometry import LineString, MultiLineString, Polygon

from .errors import InputError
from .model import Flight, Leg, Place, Report, replace

__all__ = [
    "DEFAULT_CRUISE_KMH",
    "inverse",
    "geodesic_line",
    "GeodesicBatch",
    "split_antimeridian",
    "geodesic_circle",
    "make_leg",
    "flight_legs",
    "compute",
    "estimate_hours",
]

WGS84 = Geod(ellps="WGS84")

#: Cruise speed assumed when no aircraft type with a known speed is given: a typical
#: jet transport (An-124, Il-62, Il-76 and C-17 all cruise between 750 and 850 km/h).
DEFAULT_CRUISE_KMH = 800.0
#: Added to every leg's time for taxi, climb and descent.
GROUND_AND_CLIMB_H = 0.5
#: Longest distance between neighbouring points of a drawn geodesic, by default.
DEFAULT_STEP_KM = 100.0


def inverse(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float, float]:
    """Distance (km), initial bearing and final bearing (degrees 0..360) from 1 to 2."""
    az12, az21, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    final = (az21 + 180.0) % 360.0  # direction of travel on arrival
    return metres / 1000.0, az12 % 360.0, final


def geodesic_line(
    lat1: float, lon1: float, lat2: float, lon2: float, max_step_km: float = DEFAULT_STEP_KM
) -> LineString:
    """The geodesic from 1 to 2 as a LineString of (lon, lat), densified and unwrapped.

    Neighbouring points are at most ``max_step_km`` apart along the geodesic.  The first
    point keeps ``lon1`` as given; every later longitude is unwrapped to lie within 180
    degrees of its predecessor.
    """
    batch = GeodesicBatch(np.array([[lat1, lon1, lat2, lon2]], dtype=float), max_step_km)
    return batch.lines[0]


class GeodesicBatch:
    """Geodesics between many pairs of points, computed with whole-array calls.

    One :meth:`pyproj.Geod.inv` call gives every distance and azimuth; one
    :meth:`pyproj.Geod.fwd` call gives every intermediate point (each leg cut into
    ``ceil(km / max_step_km)`` equal steps, so short legs get few points); one
    :func:`shapely.linestrings` call builds the geometries.

    Parameters
    ----------
    ends
        Array of shape (n, 4): lat1, lon1, lat2, lon2 in degrees.
    max_step_km
        Longest step between neighbouring points.
    """

    def __init__(self, ends: np.ndarray, max_step_km: float = DEFAULT_STEP_KM):
        if not max_step_km > 0:
            raise InputError(f"max_step_km must be positive, not {max_step_km!r}")
        ends = np.asarray(ends, dtype=float).reshape(-1, 4)
        lat1, lon1, lat2, lon2 = ends.T
        az12, az21, metres = WGS84.inv(lon1, lat1, lon2, lat2)
        az12, az21, metres = (np.atleast_1d(np.asarray(a, dtype=float)) for a in (az12, az21, metres))
        self.km = metres / 1000.0
        self.initial_bearing = az12 % 360.0
        self.final_bearing = (az21 + 180.0) % 360.0  # direction of travel on arrival
        steps = np.maximum(np.ceil(self.km / max_step_km), 1).astype(np.int64)
        counts = steps + 1
        first = np.concatenate([[0], np.cumsum(counts)[:-1]])
        leg = np.repeat(np.arange(len(ends)), counts)
        k = np.arange(counts.sum()) - first[leg]
        lons, lats, _ = WGS84.fwd(lon1[leg], lat1[leg], az12[leg], metres[leg] * k / steps[leg])
        lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        last = first + steps
        lons[last], lats[last] = lon2, lat2  # exact ends, free of round-off
        lons[first] = lon1
        # Unwrap within each leg: accumulate wrapped differences from the leg's first point.
        step = np.diff(lons, prepend=lons[:1])
        step = (step + 180.0) % 360.0 - 180.0
        step[first] = 0.0
        cum = np.cumsum(step)
        lons = lons[first][leg] + cum - cum[first][leg]
        self.lines = list(shapely.linestrings(np.column_stack([lons, lats]), indices=leg))


def unwrap(lons: Sequence[float] | np.ndarray, start: float | None = None) -> np.ndarray:
    """Longitudes made continuous: each within 180 degrees of the one before.

    With ``start``, the first longitude is first moved by whole turns to lie within 180
    degrees of ``start`` (to continue a line drawn before).
    """
    lons = np.asarray(lons, dtype=float)
    if lons.size == 0:
        return lons
    out = np.unwrap(lons, period=360.0)
    if start is not None:
        out = out + 360.0 * np.round((start - out[0]) / 360.0)
    return out


def split_antimeridian(line: LineString) -> LineString | MultiLineString:
    """Cut an unwrapped line where it crosses +-180 and bring every part into [-180, 180].

    Latitude at each cut is interpolated linearly between the two points around it (they are
    at most one densification step apart, so the error is far below a pixel).
    """
    coords = list(line.coords)
    parts: list[list[tuple[float, float]]] = [[]]
    for i, (lon, lat) in enumerate(coords):
        if i:
            plon, plat = coords[i - 1]
            # Boundaries sit at 180 + 360k; find those strictly crossed between the two points.
            lo, hi = sorted((plon, lon))
            k0 = math.floor((lo - 180.0) / 360.0) + 1
            k1 = math.ceil((hi - 180.0) / 360.0) - 1
            for k in range(k0, k1 + 1) if plon < lon else range(k1, k0 - 1, -1):
                b = 180.0 + 360.0 * k
                t = (b - plon) / (lon - plon)
                blat = plat + t * (lat - plat)
                parts[-1].append((b, blat))
                parts.append([(b, blat)])
        parts[-1].append((lon, lat))
    out = []
    for part in parts:
        if len(part) < 2:
            continue
        # Shift the whole part by the turns that bring its middle into [-180, 180].
        mid = (part[0][0] + part[-1][0]) / 2.0
        shift = -360.0 * math.floor((mid + 180.0) / 360.0)
        out.append([(_clamp180(x + shift), y) for x, y in part])
    if len(out) == 1:
        return LineString(out[0])
    return MultiLineString(out)


def _clamp180(lon: float) -> float:
    # Points exactly on the boundary come out as +-180.0000000001 after shifting.
    return max(-180.0, min(180.0, round(lon, 9)))


def geodesic_circle(lat: float, lon: float, radius_km: float, points: int = 180) -> Polygon:
    """The set of points ``radius_km`` from (lat, lon) along geodesics, as a Polygon of
    (lon, lat), unwrapped around ``lon`` (a range ring)."""
    az = np.linspace(0.0, 360.0, points, endpoint=False)
    lons, lats, _ = WGS84.fwd(
        np.full(points, lon), np.full(points, lat), az, np.full(points, radius_km * 1000.0)
    )
    lons = unwrap(np.asarray(lons), start=lon)
    return Polygon(np.column_stack([lons, np.asarray(lats)]))


def estimate_hours(distance_km: float, cruise_kmh: float = DEFAULT_CRUISE_KMH) -> float:
    """Block time: cruise over the distance plus a fixed allowance for taxi and climb."""
    return distance_km / cruise_kmh + GROUND_AND_CLIMB_H


def make_leg(
    origin: Place,
    destination: Place,
    index: int = 1,
    *,
    cruise_kmh: float | None = None,
    speed_source: str | None = None,
    max_step_km: float = DEFAULT_STEP_KM,
) -> Leg:
    """One :class:`Leg` from ``origin`` to ``destination``."""
    batch = GeodesicBatch(
        np.array([[origin.lat, origin.lon, destination.lat, destination.lon]]), max_step_km
    )
    return _leg(batch, 0, origin, destination, index, cruise_kmh, speed_source)


def _leg(batch, i, origin, destination, index, cruise_kmh, speed_source, shift=0.0) -> Leg:
    line = batch.lines[i]
    if shift:
        line = shapely.transform(line, lambda xy: xy + (shift, 0.0))
    km = float(batch.km[i])
    return Leg(
        index=index,
        origin=origin,
        destination=destination,
        distance_km=km,
        initial_bearing_deg=float(batch.initial_bearing[i]),
        final_bearing_deg=float(batch.final_bearing[i]),
        duration_h=estimate_hours(km, cruise_kmh or DEFAULT_CRUISE_KMH),
        geometry=line,
        speed_source=speed_source or ("default" if cruise_kmh is None else None),
    )


def _cruise_for(aircraft: Iterable[str]) -> tuple[float | None, str | None]:
    """The slowest known cruise speed among the flight's aircraft (they fly together)."""
    best: tuple[float | None, str | None] = (None, None)
    if not aircraft:
        return best
    from . import aircraft as aircraft_table

    for name in aircraft:
        kind = aircraft_table.lookup(name)
        speed = kind.cruise_kmh if kind else None
        if speed and (best[0] is None or speed < best[0]):
            best = (float(speed), kind.designation)
    return best


def _check_stops(flight: Flight) -> None:
    for i, (a, b) in enumerate(zip(flight.stops, flight.stops[1:]), start=1):
        if a.place is None or b.place is None:
            missing = a if a.place is None else b
            raise InputError(f"flight {flight.id}: place {missing.ref.text!r} is not geocoded")
        if (a.place.lat, a.place.lon) == (b.place.lat, b.place.lon):
            raise _to_itself(flight, i)


def _to_itself(flight: Flight, i: int) -> InputError:
    """The error for leg ``i`` (1-based) of ``flight``, whose ends are one point."""
    a, b = flight.stops[i - 1], flight.stops[i]
    where = b.ref.where or a.ref.where
    prefix = f"{where}: " if where else ""
    both = f" ({a.ref.text!r} and {b.ref.text!r} are one place)" if a.ref.text != b.ref.text else ""
    return InputError(
        f"{prefix}flight {flight.id} leg {i} goes from {a.place.name!r} to itself{both}; "
        f"a leg joins two different places"
    )


#: Legs shorter than this (km) join one point to itself: two longitudes at a pole, or
#: coordinates that differ by round-off.
MIN_LEG_KM = 1e-6


def compute(report: Report, max_step_km: float = DEFAULT_STEP_KM) -> Report:
    """A copy of ``report`` whose flights have their legs computed.

    Each distinct pair of places is computed once, and all of them in one batch, so a
    route table of 100,000 rows over a few thousand airports costs a few array calls.
    Longitudes continue from leg to leg within a flight (see the module notes).
    """
    for flight in report.flights:
        _check_stops(flight)
    pairs: dict[tuple[float, float, float, float], int] = {}
    for flight in report.flights:
        for a, b in zip(flight.stops, flight.stops[1:]):
            pairs.setdefault((a.place.lat, a.place.lon, b.place.lat, b.place.lon), len(pairs))
    if not pairs:
        return report
    batch = GeodesicBatch(np.array(list(pairs), dtype=float), max_step_km)
    cruise_cache: dict[tuple[str, ...], tuple[float | None, str | None]] = {}
    flights = []
    for flight in report.flights:
        if flight.aircraft not in cruise_cache:
            cruise_cache[flight.aircraft] = _cruise_for(flight.aircraft)
        cruise, source = cruise_cache[flight.aircraft]
        legs, end_lon = [], None
        for index, (a, b) in enumerate(zip(flight.stops, flight.stops[1:]), start=1):
            i = pairs[(a.place.lat, a.place.lon, b.place.lat, b.place.lon)]
            if not batch.km[i] >= MIN_LEG_KM:
                raise _to_itself(flight, index)
            shift = 0.0 if end_lon is None else 360.0 * round((end_lon - a.place.lon) / 360.0)
            leg = _leg(batch, i, a.place, b.place, index, cruise, source, shift)
            end_lon = leg.geometry.coords[-1][0]
            legs.append(leg)
        flights.append(replace(flight, legs=tuple(legs)))
    return replace(report, flights=tuple(flights))


def flight_legs(flight: Flight, max_step_km: float = DEFAULT_STEP_KM) -> tuple[Leg, ...]:
    """The legs between consecutive geocoded stops of ``flight``, longitudes continuous."""
    return compute(Report(flights=(flight,)), max_step_km).flights[0].legs
