"""Geodesy against GeographicLib's own WGS84 solution, and the antimeridian handling."""

from __future__ import annotations

import math

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import LineString

from routes import geodesy
from routes.errors import InputError
from routes.model import Flight, Place, PlaceRef, Report, Stop

# Airport reference points from airportsdata (OurAirports / public AIPs).
OSLK = Place("Bassel Al-Assad", 35.4011, 35.9487, "airport", "SY", "OSLK")
GOOY = Place("Dakar Yoff", 14.7397, -17.4902, "airport", "SN", "GOOY")
SVMI = Place("Maiquetia", 10.6031, -66.9906, "airport", "VE", "SVMI")
PKC = Place("Petropavlovsk-Kamchatsky", 53.1679, 158.4536, "airport", "RU", "UHPP")
ANC = Place("Anchorage", 61.1744, -149.9964, "airport", "US", "PANC")
AKL = Place("Auckland", -37.0081, 174.7917, "airport", "NZ", "NZAA")
SCL = Place("Santiago", -33.3930, -70.7858, "airport", "CL", "SCEL")

PAIRS = [(OSLK, GOOY), (GOOY, SVMI), (PKC, ANC), (AKL, SCL), (SCL, AKL)]


def _steps_km(line: LineString) -> list[float]:
    pts = list(line.coords)
    return [geodesy.inverse(a[1], a[0], b[1], b[0])[0] for a, b in zip(pts, pts[1:])]


@pytest.mark.parametrize("a,b", PAIRS, ids=lambda p: p.code)
def test_distance_and_bearings_match_geographiclib(a, b):
    ref = Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)
    km, az12, az21 = geodesy.inverse(a.lat, a.lon, b.lat, b.lon)
    assert km == pytest.approx(ref["s12"] / 1000, rel=1e-9)
    assert az12 == pytest.approx(ref["azi1"] % 360, abs=1e-7)
    assert az21 == pytest.approx(ref["azi2"] % 360, abs=1e-7)


@pytest.mark.parametrize("a,b", PAIRS, ids=lambda p: p.code)
def test_line_is_densified_continuous_and_on_the_geodesic(a, b):
    line = geodesy.geodesic_line(a.lat, a.lon, b.lat, b.lon, max_step_km=150)
    steps = _steps_km(line)
    assert max(steps) <= 150.001
    assert sum(steps) == pytest.approx(geodesy.inverse(a.lat, a.lon, b.lat, b.lon)[0], rel=1e-6)
    lons = [x for x, _ in line.coords]
    assert all(abs(q - p) < 180 for p, q in zip(lons, lons[1:]))
    # every vertex lies on the geodesic: it splits the distance without a detour
    total = Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)["s12"]
    for x, y in line.coords[1:-1]:
        via = Geodesic.WGS84.Inverse(a.lat, a.lon, y, x)["s12"] + Geodesic.WGS84.Inverse(y, x, b.lat, b.lon)["s12"]
        assert via == pytest.approx(total, rel=1e-7)


def test_pacific_leg_crosses_east_and_splits_for_geojson():
    line = geodesy.geodesic_line(PKC.lat, PKC.lon, ANC.lat, ANC.lon)
    assert line.coords[-1][0] == pytest.approx(ANC.lon + 360)
    parts = geodesy.split_antimeridian(line)
    assert parts.geom_type == "MultiLineString"
    first, second = parts.geoms
    assert first.coords[-1][0] == 180 and second.coords[0][0] == -180
    assert first.coords[-1][1] == pytest.approx(second.coords[0][1])
    for part in parts.geoms:
        assert all(-180 <= x <= 180 for x, _ in part.coords)


def test_polar_route_stays_continuous():
    # Oslo to Anchorage over the Arctic, and a route through the pole itself.
    for lat1, lon1, lat2, lon2 in [(60.2, 11.1, 61.2, -150.0), (80.0, 0.0, 80.0, 180.0)]:
        line = geodesy.geodesic_line(lat1, lon1, lat2, lon2, max_step_km=100)
        assert max(_steps_km(line)) <= 100.001
        assert all(-90 <= y <= 90 for _, y in line.coords)


def test_split_handles_lines_crossing_twice_and_not_at_all():
    plain = LineString([(10, 0), (20, 5)])
    assert geodesy.split_antimeridian(plain).equals(plain)
    twice = LineString([(170, 0), (190, 1), (170, 2)])
    parts = geodesy.split_antimeridian(twice)
    assert len(parts.geoms) == 3


def test_circle_radius_is_geodesic():
    ring = geodesy.geodesic_circle(10.6, -67.0, 4000, points=72)
    for lon, lat in list(ring.exterior.coords)[:-1]:
        assert geodesy.inverse(10.6, -67.0, lat, lon)[0] == pytest.approx(4000, rel=1e-9)


def test_flight_legs_continue_unwrapped_longitudes():
    stops = tuple(Stop(PlaceRef(p.name), p) for p in (SCL, AKL, PKC, ANC))
    report = geodesy.compute(Report(flights=(Flight("f1", stops),)))
    legs = report.flights[0].legs
    assert [leg.index for leg in legs] == [1, 2, 3]
    for a, b in zip(legs, legs[1:]):
        assert a.geometry.coords[-1][0] == pytest.approx(b.geometry.coords[0][0])
    lons = [x for leg in legs for x, _ in leg.geometry.coords]
    assert all(abs(q - p) < 180 for p, q in zip(lons, lons[1:]))


def test_duration_uses_default_speed_and_allowance():
    leg = geodesy.make_leg(OSLK, GOOY)
    assert leg.duration_h == pytest.approx(leg.distance_km / 800 + 0.5)
    assert leg.distance_nm == pytest.approx(leg.distance_km / 1.852)
    assert not math.isnan(leg.final_bearing_deg)


def test_leg_to_itself_is_an_input_error():
    stops = (Stop(PlaceRef("Dakar", where="r.csv:3"), GOOY), Stop(PlaceRef("DKR"), GOOY))
    with pytest.raises(InputError, match=r"r.csv:3: flight f1 leg 1 goes from 'Dakar Yoff' to itself"):
        geodesy.flight_legs(Flight("f1", stops))
