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
from shapely.geometry import LineString, MultiLineString, Polygon

from .errors import InputError
from .model import Flight, Leg, Place, Report, replace

__all__ = [
    "DEFAULT_CRUISE_KMH",
    "inverse",
    "geodesic_line",
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
    if max_step_km <= 0:
        raise InputError(f"max_step_km must be positive, not {max_step_km!r}")
    km, _, _ = inverse(lat1, lon1, lat2, lon2)
    inner = max(math.ceil(km / max_step_km) - 1, 0)
    pts = WGS84.npts(lon1, lat1, lon2, lat2, inner) if inner else []
    lons = np.array([lon1, *(p[0] for p in pts), lon2], dtype=float)
    lats = np.array([lat1, *(p[1] for p in pts), lat2], dtype=float)
    lons = unwrap(lons)
    return LineString(np.column_stack([lons, lats]))


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
    start_lon: float | None = None,
) -> Leg:
    """One :class:`Leg` from ``origin`` to ``destination``.

    ``start_lon`` continues the unwrapped longitudes of a previous leg (see module notes).
    """
    km, az12, az21 = inverse(origin.lat, origin.lon, destination.lat, destination.lon)
    line = geodesic_line(origin.lat, origin.lon, destination.lat, destination.lon, max_step_km)
    if start_lon is not None:
        shift = 360.0 * round((start_lon - origin.lon) / 360.0)
        if shift:
            line = LineString([(x + shift, y) for x, y in line.coords])
    speed = cruise_kmh or DEFAULT_CRUISE_KMH
    return Leg(
        index=index,
        origin=origin,
        destination=destination,
        distance_km=km,
        initial_bearing_deg=az12,
        final_bearing_deg=az21,
        duration_h=estimate_hours(km, speed),
        geometry=line,
        speed_source=speed_source or ("default" if cruise_kmh is None else None),
    )


def _cruise_for(aircraft: Iterable[str]) -> tuple[float | None, str | None]:
    """The slowest known cruise speed among the flight's aircraft (they fly together)."""
    try:
        from . import aircraft as aircraft_table
    except ImportError:  # the aircraft table is optional for geodesy
        return None, None
    best: tuple[float | None, str | None] = (None, None)
    for name in aircraft:
        kind = aircraft_table.lookup(name)
        speed = getattr(kind, "cruise_kmh", None) if kind else None
        if speed and (best[0] is None or speed < best[0]):
            best = (float(speed), kind.designation)
    return best


def flight_legs(flight: Flight, max_step_km: float = DEFAULT_STEP_KM) -> tuple[Leg, ...]:
    """The legs between consecutive geocoded stops of ``flight``, longitudes continuous."""
    missing = [s.ref.text for s in flight.stops if s.place is None]
    if missing:
        raise InputError(f"flight {flight.id}: place {missing[0]!r} is not geocoded")
    cruise, source = _cruise_for(flight.aircraft)
    legs: list[Leg] = []
    start_lon = None
    for i, (a, b) in enumerate(zip(flight.stops, flight.stops[1:]), start=1):
        pa, pb = a.place, b.place
        assert pa is not None and pb is not None
        if (pa.lat, pa.lon) == (pb.lat, pb.lon):
            where = b.ref.where or a.ref.where
            prefix = f"{where}: " if where else ""
            raise InputError(
                f"{prefix}flight {flight.id} leg {i} goes from {pa.name!r} to itself"
            )
        leg = make_leg(
            pa, pb, i, cruise_kmh=cruise, speed_source=source, max_step_km=max_step_km,
            start_lon=start_lon,
        )
        start_lon = leg.geometry.coords[-1][0]
        legs.append(leg)
    return tuple(legs)


def compute(report: Report, max_step_km: float = DEFAULT_STEP_KM) -> Report:
    """A copy of ``report`` whose flights have their legs computed."""
    flights = tuple(replace(f, legs=flight_legs(f, max_step_km)) for f in report.flights)
    return replace(report, flights=flights)
