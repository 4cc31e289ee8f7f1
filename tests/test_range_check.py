"""Range against payload per leg, and range rings on the globe."""

from __future__ import annotations

import pytest
from shapely.geometry import MultiPolygon, Point

from routes.errors import InputError
from routes.geodesy import make_leg
from routes.model import Flight, Place, Report, replace
from routes.range_check import (
    check_flight,
    check_leg,
    make_ring,
    parse_ring_spec,
    range_columns,
    range_ring,
    ring_outline,
)

from conftest import _flight


@pytest.fixture
def direct(places):
    """Syria -> Caracas non-stop on an Il-62 with 35 t (about 10,400 km)."""
    return _flight("d1", [places["syria"], places["caracas"]],
                   aircraft=("Il-62",), cargo_tonnes=35.0)


def test_direct_flight_is_beyond_the_il62_range(direct):
    (check,) = check_flight(direct)
    assert check.ok is False
    assert check.aircraft == "Il-62"
    assert check.range_km == pytest.approx(7000.0)  # 35 t is above its 23 t maximum
    assert check.payload_t == 35.0
    assert check.distance_km == pytest.approx(direct.legs[0].distance_km)
    assert check.excess_km > 3000


def test_the_real_stopover_route_is_within_range(syria_report):
    checks = check_flight(syria_report.flights[0])
    assert [c.ok for c in checks] == [True, True]
    # With two types, the most limiting (the Il-62) decides.
    assert {c.aircraft for c in checks} == {"Il-62"}


def test_most_limiting_type_and_payload(direct):
    an124 = check_leg(direct.legs[0], replace(direct, aircraft=("An-124",)))
    assert an124.ok is True and an124.aircraft == "An-124"
    both = check_leg(direct.legs[0], replace(direct, aircraft=("An-124", "Il-62")))
    assert both.aircraft == "Il-62" and both.ok is False
    # No payload reported: the ferry range (10,000 km) -- still short of 10,400 km.
    light = check_leg(direct.legs[0], replace(direct, cargo_tonnes=None))
    assert light.range_km == pytest.approx(10000.0) and light.payload_t is None


def test_unknown_or_missing_aircraft_gives_none(direct):
    for aircraft in ((), ("Cessna 172",)):
        check = check_leg(direct.legs[0], replace(direct, aircraft=aircraft))
        assert check.ok is None and check.range_km is None and check.aircraft is None
    assert range_columns(direct.legs[0], replace(direct, aircraft=())) == {
        "range_ok": None, "range_km": None, "range_aircraft": None,
    }


def test_range_columns(direct):
    assert range_columns(direct.legs[0], direct) == {
        "range_ok": False, "range_km": 7000.0, "range_aircraft": "Il-62",
    }


def test_ring_is_a_geodesic_circle():
    ring = range_ring(10.6, -67.0, 3000.0)
    assert ring.geom_type == "Polygon" and ring.is_valid
    assert ring.contains(Point(-67.0, 10.6))
    assert not ring.contains(Point(-67.0, 40.0))  # 3,300 km north


def test_ring_across_the_antimeridian_is_cut():
    ring = range_ring(-17.8, 178.0, 1500.0)  # Fiji
    assert isinstance(ring, MultiPolygon) and len(ring.geoms) == 2
    west, east = sorted(ring.geoms, key=lambda g: g.bounds[0])
    assert west.bounds[0] == -180.0 and east.bounds[2] == 180.0
    assert all(-180 <= x <= 180 for g in ring.geoms for x, _ in g.exterior.coords)
    assert ring.contains(Point(-179.0, -17.8)) and ring.contains(Point(178.0, -17.8))
    edges = ring_outline(-17.8, 178.0, 1500.0)
    assert len(edges.geoms) == 2
    assert all(abs(b[0] - a[0]) < 10 for line in edges.geoms
               for a, b in zip(line.coords, line.coords[1:]))  # never across the map


def test_ring_around_a_pole_is_closed_along_it():
    ring = range_ring(70.0, 20.0, 3000.0)  # Tromsø area: the North Pole is 2,200 km away
    assert ring.geom_type == "Polygon" and ring.is_valid
    assert ring.bounds == pytest.approx((-180.0, ring.bounds[1], 180.0, 90.0))
    assert ring.contains(Point(-160.0, 88.0))  # beyond the pole
    assert not ring.contains(Point(-160.0, 60.0))
    south = range_ring(-75.0, 0.0, 2500.0)
    assert south.bounds[1] == -90.0 and south.contains(Point(179.0, -89.0))


def test_ring_containing_both_poles_leaves_the_antipode_out():
    ring = range_ring(0.0, 0.0, 19000.0)
    assert ring.is_valid
    assert ring.contains(Point(0.0, 89.0)) and ring.contains(Point(0.0, -89.0))
    assert not ring.contains(Point(179.9, 0.0)) and not ring.contains(Point(-179.9, 0.0))


def test_ring_radius_must_be_sensible():
    with pytest.raises(InputError):
        range_ring(0.0, 0.0, 0.0)
    with pytest.raises(InputError):
        range_ring(0.0, 0.0, 30000.0)


def test_parse_ring_spec():
    assert parse_ring_spec("CCS:An-124") == ("CCS", "An-124")
    assert parse_ring_spec(" Caracas : Il-62 ") == ("Caracas", "Il-62")
    for bad in ("CCS", ":An-124", "CCS:", ""):
        with pytest.raises(InputError, match="PLACE:AIRCRAFT"):
            parse_ring_spec(bad)


def test_make_ring_takes_the_flight_payload(syria_report):
    ring = make_ring("CCS:An-124", syria_report)
    assert ring.place.iata == "CCS" and ring.aircraft == "An-124"
    assert ring.payload_t == 35.0
    assert 4800 < ring.radius_km < 15700  # between full-payload and ferry range
    plain = make_ring("CCS:C-17", syria_report)  # no flight of that type: range_km
    assert plain.payload_t is None and plain.radius_km == pytest.approx(4480.0)
    with pytest.raises(InputError, match="unknown aircraft"):
        make_ring("CCS:Cessna 172", syria_report)
    with pytest.raises(LookupError):
        make_ring("Xqzzyville:An-124", syria_report)
