"""Property tests: the readers and the geodesy never fail with anything but a RoutesError,
and what they return keeps its invariants.

Every test runs a fixed, derandomized set of examples (``derandomize=True``), so a run is
reproducible and needs no example database; ``max_examples`` bounds the time.
"""

from __future__ import annotations

import json
import math
import string

import pytest
import yaml
from geographiclib.geodesic import Geodesic
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from routes import geodesy
from routes.errors import RoutesError
from routes.model import Flight, Place, PlaceRef, Report, Stop

FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def reads_or_refuses(read, *args):
    """``read(*args)``, or None when it refused with a RoutesError; anything else fails."""
    try:
        return read(*args)
    except RoutesError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip("\n"), message
        return None


def check_flights(report) -> None:
    assert isinstance(report, Report)
    ids = [f.id for f in report.flights]
    assert len(ids) == len(set(ids))
    for f in report.flights:
        assert len(f.stops) >= 2, f
        assert [s.role for s in f.stops] == (
            ["origin"] + ["stopover"] * (len(f.stops) - 2) + ["destination"])
        for s in f.stops:
            assert s.ref.text and s.ref.text == s.ref.text.strip()
            if s.ref.lat is not None:
                assert -90 <= s.ref.lat <= 90 and -180 <= s.ref.lon <= 180


# --- route strings ----------------------------------------------------------------------------

ROUTE_CHARS = string.ascii_letters[:8] + "SVOHAV -/,\"\n\t'éЖ.0123"
CODES = ["SVO", "HAV", "MGA", "CCS", "DKR", "OSLK", "UUWW", "PKC", "ANC", "SCL", "AKL", "NRT"]


@FUZZ
@given(st.one_of(st.text(), st.text(alphabet=ROUTE_CHARS, max_size=60)))
def test_route_strings_parse_or_refuse(text):
    from routes.routefile import looks_like_route_string, parse_route_string

    assert looks_like_route_string(text) in (True, False)
    report = reads_or_refuses(parse_route_string, text)
    if report is not None:
        check_flights(report)


@st.composite
def code_routes(draw):
    flights = draw(st.lists(st.lists(st.sampled_from(CODES), min_size=2, max_size=5),
                            min_size=1, max_size=3))
    fan = draw(st.booleans())
    parts = []
    for codes in flights:
        text = "-".join(codes)
        if fan:
            text += "/" + draw(st.sampled_from(CODES))
        parts.append(text)
    return ", ".join(parts)


@FUZZ
@given(code_routes())
def test_legs_join_end_to_start(route):
    from routes.geocode import resolve
    from routes.routefile import parse_route_string

    report = reads_or_refuses(lambda r: geodesy.compute(resolve(parse_route_string(r))), route)
    assume(report is not None)  # a leg from a place to itself is refused
    for f in report.flights:
        assert len(f.legs) == len(f.stops) - 1
        for a, b in zip(f.legs, f.legs[1:]):
            assert a.destination == b.origin
            # drawn continuously: the next leg starts where the last one ended
            assert a.geometry.coords[-1] == pytest.approx(b.geometry.coords[0])
        for leg, (s, t) in zip(f.legs, zip(f.stops, f.stops[1:])):
            assert (leg.origin, leg.destination) == (s.place, t.place)


# --- route files ------------------------------------------------------------------------------

CELL = st.one_of(
    st.sampled_from(CODES + ["", " ", "Caracas", "10.5", "-200", "nan", "1e400", "99", "2019-03-23"]),
    st.text(alphabet='ab,;"\t\n\r #1.-', max_size=8),
)
COLUMNS = ["flight", "from", "to", "aircraft", "date", "personnel", "cargo_tonnes",
           "commander", "from_lat", "from_lon", "to_lat", "to_lon", "colour", ""]


@st.composite
def csv_texts(draw):
    header = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=7))
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=len(header) + 1), max_size=5))
    sep = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(sep.join(r) for r in [header, *rows]) + draw(st.sampled_from(["", end]))


@FUZZ
@given(st.one_of(csv_texts(), st.text(max_size=200)))
def test_csv_reader_reads_or_refuses(text):
    from routes.routefile import read_csv_text

    report = reads_or_refuses(read_csv_text, text, "fuzz.csv")
    if report is not None:
        check_flights(report)
        for f in report.flights:
            assert f.personnel is None or f.personnel >= 0
            assert f.cargo_tonnes is None or (math.isfinite(f.cargo_tonnes) and f.cargo_tonnes >= 0)


SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                   st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=10),
                   st.sampled_from(CODES + ["2019-03-23", "An-124; Il-62", "NO", "747"]))
DATA = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "route", "aircraft", "date", "personnel",
                                     "cargo_tonnes", "commander", "label", "name", "lat",
                                     "lon", "code", "x"]), inner, max_size=5)), max_leaves=20)
DOCS = st.one_of(
    DATA,
    st.fixed_dictionaries({"flights": st.lists(DATA, max_size=3)}),
    st.fixed_dictionaries({"flights": st.lists(st.fixed_dictionaries(
        {"route": st.lists(st.one_of(st.sampled_from(CODES), DATA), max_size=4)},
        optional={"id": SCALAR, "aircraft": DATA, "date": SCALAR, "personnel": SCALAR,
                  "cargo_tonnes": SCALAR, "commander": SCALAR}), max_size=3)}),
)


@FUZZ
@given(DOCS)
def test_yaml_and_json_readers_read_or_refuse(doc):
    from routes.routefile import read_json_text, read_yaml_text

    report = reads_or_refuses(read_yaml_text, yaml.safe_dump(doc, allow_unicode=True), "f.yaml")
    if report is not None:
        check_flights(report)
    report = reads_or_refuses(read_json_text, json.dumps(doc), "f.json")
    if report is not None:
        check_flights(report)


YAML_CHARS = "flights:- []{}\n  ,&*!%@`'\"#|>?route id SVO HAV 1.5 \t\\x"


@FUZZ
@given(st.one_of(st.text(alphabet=YAML_CHARS, max_size=80), st.text(max_size=80)))
def test_yaml_text_reads_or_refuses(text):
    from routes.routefile import read_geojson_text, read_json_text, read_yaml_text

    for read in (read_yaml_text, read_json_text, read_geojson_text):
        report = reads_or_refuses(read, text, "fuzz")
        if report is not None:
            check_flights(report)


POSITION = st.lists(st.one_of(st.floats(-200, 200), st.text(max_size=3), st.none()),
                    min_size=0, max_size=3)
GEOMETRY = st.one_of(
    st.fixed_dictionaries({"type": st.just("Point"), "coordinates": POSITION}),
    st.fixed_dictionaries({"type": st.just("LineString"), "coordinates": st.lists(POSITION, max_size=4)}),
    st.fixed_dictionaries({"type": st.just("MultiLineString"),
                           "coordinates": st.lists(st.lists(POSITION, max_size=3), max_size=3)}),
    DATA,
)
FEATURE = st.fixed_dictionaries(
    {"type": st.just("Feature"), "geometry": GEOMETRY},
    optional={"properties": st.one_of(DATA, st.fixed_dictionaries(
        {}, optional={"from": SCALAR, "to": SCALAR, "flight": SCALAR, "stops": DATA,
                      "name": SCALAR, "id": SCALAR}))},
)


@FUZZ
@given(st.fixed_dictionaries({"type": st.just("FeatureCollection"),
                              "features": st.lists(FEATURE, max_size=4)}))
def test_geojson_reader_reads_or_refuses(doc):
    from routes.routefile import read_geojson_text

    report = reads_or_refuses(read_geojson_text, json.dumps(doc), "f.geojson")
    if report is not None:
        check_flights(report)


# --- news text --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "A Russian An-124 Il-62 flew from to via Moscow Havana Caracas Dakar Syria landed in "
    "on 23 March 2019 with 99 people and 35 tonnes of cargo led by Colonel Ivan Petrov . , "
    "then the Senegalese capital Hmeimim air base before after stopover refuelling in "
    "$ ` < > \" ' ( ) 10,000 pounds Tu-160 bombers arrived at Maiquetia".split()
)


PLACES = st.sampled_from(["Moscow", "Havana", "Caracas", "Dakar", "Syria", "Hmeimim air base",
                          "the Senegalese capital", "Maiquetia", "Managua", "Bamako", "Engels"])
AIRCRAFT = st.sampled_from(["An-124", "Il-62", "Tu-160 bombers", "Il-76", "C-17", "two An-124s"])


@st.composite
def news_texts(draw):
    """Sentences a report might hold, with noise (words, symbols, any text) spliced in."""
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        template = draw(st.sampled_from([
            "A Russian {a} flew from {p} to {q} on {d}.",
            "The {a} landed in {q} after a stopover in {p}, carrying {n} people.",
            "{a} left {p} for {q} via {r} with {t} tonnes of cargo, led by Colonel Ivan Petrov.",
            "It arrived at {q} on {d} from {p}.",
        ]))
        sentences.append(template.format(
            a=draw(AIRCRAFT), p=draw(PLACES), q=draw(PLACES), r=draw(PLACES),
            d=draw(st.sampled_from(["23 March 2019", "March 23", "Monday", "31 February 2019"])),
            n=draw(st.integers(0, 10**7)), t=draw(st.sampled_from(["35", "1,200", "0.5", "10000000"]))))
    words = " ".join(sentences).split(" ")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(words)))
        words.insert(at, draw(st.one_of(WORDS, st.text(max_size=12))))
    return " ".join(words)


@FUZZ
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join), news_texts()))
def test_news_reader_reads_or_refuses(text):
    from routes.extract import read_text

    report = reads_or_refuses(lambda t: read_text(t, source="fuzz.txt"), text)
    if report is None:
        return
    for f in report.flights:
        assert len(f.stops) >= 2
        for e in f.evidence:
            if e.start is not None and e.end is not None:
                assert text[e.start:e.end] == e.text


# --- geodesy --------------------------------------------------------------------------------

LAT = st.one_of(st.floats(-90, 90), st.sampled_from([-90.0, 90.0, 0.0, 89.95, -89.95]))
LON = st.one_of(st.floats(-180, 180), st.sampled_from([-180.0, 180.0, 0.0, 179.99, -179.99]))
STEP = st.sampled_from([25.0, 100.0, 500.0])


@st.composite
def point_pairs(draw):
    lat1, lon1 = draw(LAT), draw(LON)
    kind = draw(st.sampled_from(["any", "antipodal", "near-antipodal", "across-180", "pole"]))
    if kind == "antipodal":
        lat2, lon2 = -lat1, (lon1 + 360.0) % 360.0 - 180.0
    elif kind == "near-antipodal":
        lat2 = max(-90.0, min(90.0, -lat1 + draw(st.floats(-0.5, 0.5))))
        lon2 = (lon1 + 360.0 + draw(st.floats(-0.5, 0.5))) % 360.0 - 180.0
    elif kind == "across-180":
        lon1 = draw(st.floats(150, 180))
        lat2, lon2 = draw(LAT), draw(st.floats(-180, -150))
    elif kind == "pole":
        lat2, lon2 = draw(st.sampled_from([90.0, -90.0])), draw(LON)
    else:
        lat2, lon2 = draw(LAT), draw(LON)
    return lat1, lon1, lat2, lon2


def passes_near_a_pole(lats, limit=0.1) -> bool:
    return max(abs(y) for y in lats) >= 90.0 - limit


@FUZZ
@given(point_pairs(), STEP)
def test_geodesics_agree_with_geographiclib_and_are_densified(pair, step):
    lat1, lon1, lat2, lon2 = pair
    km, az1, az2 = geodesy.inverse(lat1, lon1, lat2, lon2)
    ref = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)
    assert km == pytest.approx(ref["s12"] / 1000.0, rel=1e-6, abs=1e-9)
    assert 0 <= az1 < 360 and 0 <= az2 < 360

    line = geodesy.geodesic_line(lat1, lon1, lat2, lon2, max_step_km=step)
    coords = list(line.coords)
    assert coords[0] == pytest.approx((lon1, lat1))
    assert coords[-1][1] == pytest.approx(lat2)
    assert (coords[-1][0] - lon2) % 360.0 == pytest.approx(0.0, abs=1e-9) or \
        (coords[-1][0] - lon2) % 360.0 == pytest.approx(360.0, abs=1e-9) or abs(lat2) == 90.0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        assert all(math.isfinite(v) for v in (x1, y1, x2, y2))
        assert -90.0 <= y2 <= 90.0
        chord = Geodesic.WGS84.Inverse(y1, x1, y2, x2)["s12"] / 1000.0
        assert chord <= step * (1 + 1e-6) + 1e-6
        if abs(x2 - x1) > 180.0:
            assert passes_near_a_pole([y1, y2]), (x1, y1, x2, y2)

    split = geodesy.split_antimeridian(line)
    parts = [split] if split.geom_type == "LineString" else list(split.geoms)
    for part in parts:
        pts = list(part.coords)
        assert len(pts) >= 2
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            assert -180.0 <= x1 <= 180.0 and -180.0 <= x2 <= 180.0
            if abs(x2 - x1) > 180.0:
                assert passes_near_a_pole([y1, y2]), (x1, y1, x2, y2)


@FUZZ
@given(st.lists(st.tuples(LAT, LON), min_size=2, max_size=5), STEP)
def test_flights_of_random_points_compute_or_refuse(points, step):
    places = [Place(name=f"p{i}", lat=la, lon=lo, kind="point") for i, (la, lo) in enumerate(points)]
    flight = Flight(id="f1", stops=tuple(Stop(ref=PlaceRef(p.name), place=p) for p in places))
    report = reads_or_refuses(geodesy.compute, Report(flights=(flight,)), step)
    if report is None:
        return
    legs = report.flights[0].legs
    assert len(legs) == len(points) - 1
    for a, b in zip(legs, legs[1:]):
        assert a.destination == b.origin
        assert abs(a.geometry.coords[-1][0] - b.geometry.coords[0][0]) < 1e-6 or \
            abs(b.origin.lat) == 90.0
    for leg in legs:
        ref = Geodesic.WGS84.Inverse(leg.origin.lat, leg.origin.lon,
                                     leg.destination.lat, leg.destination.lon)["s12"] / 1000.0
        assert leg.distance_km == pytest.approx(ref, rel=1e-6, abs=1e-9)
        assert leg.distance_km > 0
        assert leg.duration_h is not None and leg.duration_h > 0


# --- bytes ----------------------------------------------------------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=200),
                 st.text(max_size=80).map(lambda t: t.encode("utf-16")),
                 st.text(alphabet="abcé,-\n", max_size=80).map(lambda t: t.encode("latin-1"))))
def test_any_bytes_decode_or_refuse(data):
    from routes._io import decode_bytes

    result = reads_or_refuses(decode_bytes, data, "fuzz.bin")
    if result is not None:
        text, warnings = result
        assert isinstance(text, str) and "\x00" not in text
        assert len(warnings) <= 1
