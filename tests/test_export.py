"""Exports of computed reports: the JSON contract, frames, CSV, GeoJSON (split at +-180), KML."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from routes.errors import InputError, RoutesError
from routes.export import (
    LEG_COLUMNS,
    PLACE_COLUMNS,
    MissingDependency,
    legs_frame,
    places_frame,
    to_csv,
    to_geodataframe,
    to_geojson,
    to_json,
    to_kml,
    write_text_atomic,
)
from routes.geodesy import compute, inverse
from routes.model import Evidence, Flight, Place, PlaceRef, Report, Stop, replace
from routes.routefile import parse_route_string, read_geojson_text


def airport(code, name, country, lat, lon, iata):
    return Place(name, lat, lon, "airport", country, code, iata, code, source="airportsdata")


# Coordinates: airportsdata (MIT), the entries for these ICAO codes.
PLACES = {
    "SVO": airport("UUEE", "Sheremetyevo International Airport", "RU", 55.9726, 37.4146, "SVO"),
    "HAV": airport("MUHA", "Jose Marti International Airport", "CU", 22.9892, -82.4091, "HAV"),
    "MGA": airport("MNMG", "Augusto C. Sandino (Managua) International Airport", "NI", 12.1415, -86.1682, "MGA"),
    "PKC": airport("UHPP", "Yelizovo Airport", "RU", 53.1679, 158.45399, "PKC"),
    "ANC": airport("PANC", "Ted Stevens Anchorage International Airport", "US", 61.174085, -149.998138, "ANC"),
    "AKL": airport("NZAA", "Auckland International Airport", "NZ", -37.0081, 174.79201, "AKL"),
    "SCL": airport("SCEL", "Comodoro Arturo Merino Benitez International Airport", "CL", -33.393, -70.7858, "SCL"),
    "DKR": airport("GOOY", "Leopold Sedar Senghor International Airport", "SN", 14.7397, -17.4902, "DKR"),
    "CCS": airport("SVMI", "Maiquetia (Simon Bolivar Internacional) Airport", "VE", 10.60312, -66.99059, "CCS"),
}
# Country centroid for Syria as the DESIGN example gives it.
SYRIA = Place("Syria", 35.41, 35.95, "country", "SY", source="countryinfo")


def geocoded(report: Report, extra: dict | None = None) -> Report:
    """Stand-in for routes.geocode.resolve: look the codes up in PLACES."""
    table = {**PLACES, **(extra or {})}
    flights = tuple(
        replace(f, stops=tuple(replace(s, place=table[s.ref.text]) for s in f.stops))
        for f in report.flights
    )
    return replace(report, flights=flights)


def computed(route: str) -> Report:
    return compute(geocoded(parse_route_string(route)))


def seed_report() -> Report:
    stops = (
        Stop(PlaceRef("Syria"), SYRIA, role="origin"),
        Stop(PlaceRef("Dakar"), PLACES["DKR"], role="stopover"),
        Stop(PlaceRef("Caracas"), PLACES["CCS"], role="destination"),
    )
    flight = Flight(
        "f1", stops, aircraft=("An-124", "Il-62"), personnel=99, cargo_tonnes=35.0,
        date="2019-03-23", commander="Vasily Tonkoshkurov",
        evidence=(Evidence("origin", "set off from Syria", 210, 228),),
    )
    return compute(Report(flights=(flight,), warnings=("one warning",), source="seed"))


# ---------------------------------------------------------------------------- JSON

def test_json_matches_the_contract():
    doc = to_json(seed_report())
    assert json.loads(json.dumps(doc)) == doc  # plain data
    assert doc["warnings"] == ["one warning"]
    (f,) = doc["flights"]
    assert {k: f[k] for k in ("id", "aircraft", "personnel", "cargo_tonnes", "date", "commander")} == {
        "id": "f1", "aircraft": ["An-124", "Il-62"], "personnel": 99, "cargo_tonnes": 35.0,
        "date": "2019-03-23", "commander": "Vasily Tonkoshkurov",
    }
    assert f["evidence"] == [{"fact": "origin", "text": "set off from Syria", "start": 210, "end": 228}]
    first, second = f["legs"]
    assert set(first) == {"from", "to", "distance_km", "distance_nm", "initial_bearing_deg",
                          "final_bearing_deg", "duration_h", "range_ok", "range_km",
                          "range_aircraft"}
    assert first["from"]["name"] == "Syria" and first["from"]["kind"] == "country"
    assert first["from"]["code"] is None and first["from"]["country"] == "SY"
    assert first["to"]["code"] == "GOOY" and first["to"]["kind"] == "airport"
    # the mention comes from the stop when the place does not carry it
    assert (first["from"]["mention"], first["to"]["mention"]) == ("Syria", "Dakar")
    assert first["to"]["source"] == "airportsdata"
    assert second["from"] == first["to"]  # legs join end to start
    km, bearing, final = inverse(35.41, 35.95, 14.7397, -17.4902)
    assert first["distance_km"] == round(km, 1)
    assert 5700 < first["distance_km"] < 5850  # north-west Syria to Dakar
    assert first["distance_nm"] == round(km / 1.852, 1)
    assert first["initial_bearing_deg"] == round(bearing, 1)
    assert first["final_bearing_deg"] == round(final, 1)
    assert first["duration_h"] > first["distance_km"] / 900


def test_json_of_a_report_without_legs_gives_the_route():
    doc = to_json(parse_route_string("DAM-DKR-CCS"))
    (f,) = doc["flights"]
    assert f["legs"] == []
    assert f["route"] == ["DAM", "DKR", "CCS"]
    assert [(s["mention"], s["role"], s["place"]) for s in f["stops"]] == [
        ("DAM", "origin", None), ("DKR", "stopover", None), ("CCS", "destination", None)]
    assert f["aircraft"] == [] and f["personnel"] is None and f["date"] is None
    assert to_json(Report(flights=())) == {"flights": [], "warnings": []}


# ---------------------------------------------------------------------------- frames, CSV

def test_legs_frame_one_row_per_leg_in_order():
    report = computed("SVO-HAV-MGA, PKC-ANC")
    df = legs_frame(report)
    assert tuple(df.columns) == LEG_COLUMNS
    assert df[["flight", "leg", "from_code", "to_code"]].values.tolist() == [
        ["f1", 1, "UUEE", "MUHA"], ["f1", 2, "MUHA", "MNMG"], ["f2", 1, "UHPP", "PANC"]]
    assert df.loc[0, "from_mention"] == "SVO"
    assert df.loc[0, "distance_km"] == pytest.approx(inverse(55.9726, 37.4146, 22.9892, -82.4091)[0])
    assert df["personnel"].dtype == "Int64"
    assert legs_frame(parse_route_string("A-B")).empty
    assert tuple(legs_frame(parse_route_string("A-B")).columns) == LEG_COLUMNS


def test_places_frame_one_row_per_distinct_place():
    df = places_frame(computed("SVO-HAV, MGA-HAV-SVO"))
    assert tuple(df.columns) == PLACE_COLUMNS
    assert df["code"].tolist() == ["UUEE", "MUHA", "MNMG"]
    havana = df.set_index("code").loc["MUHA"]
    assert havana["roles"] == "stopover; destination"
    assert havana["flights"] == "f1; f2"
    assert (havana["lat"], havana["lon"]) == (22.9892, -82.4091)


def test_csv_is_the_legs_frame_with_stable_rounding():
    report = seed_report()
    text = to_csv(report)
    assert text == to_csv(report)
    assert text.splitlines()[0] == ",".join(LEG_COLUMNS)
    back = pd.read_csv(io.StringIO(text))
    assert back["distance_km"].tolist() == [round(x, 1) for x in legs_frame(report)["distance_km"]]
    assert back.loc[0, "aircraft"] == "An-124; Il-62"
    assert back.loc[0, "personnel"] == 99
    assert "\r" not in text


# ---------------------------------------------------------------------------- GeoJSON

def _steps(coords):
    return list(zip(coords, coords[1:]))


@pytest.mark.parametrize("route", ["PKC-ANC", "AKL-SCL"])
def test_geojson_splits_legs_at_the_antimeridian(route):
    doc = to_geojson(computed(route))
    leg = doc["features"][0]
    assert leg["geometry"]["type"] == "MultiLineString"
    parts = leg["geometry"]["coordinates"]
    assert len(parts) == 2
    # the first part ends on one side of 180 and the second starts on the other, same latitude
    assert abs(parts[0][-1][0]) == 180.0 and abs(parts[1][0][0]) == 180.0
    assert parts[0][-1][0] == -parts[1][0][0]
    assert parts[0][-1][1] == parts[1][0][1]
    for part in parts:
        for (x1, y1), (x2, y2) in _steps(part):
            assert -180 <= x1 <= 180 and -90 <= y1 <= 90
            assert abs(x2 - x1) <= 180
            assert inverse(y1, x1, y2, x2)[0] <= 200.0
    # the ends are the airports, rounded to 5 decimals
    a, b = route.split("-")
    assert parts[0][0] == [round(PLACES[a].lon, 5), round(PLACES[a].lat, 5)]
    assert parts[-1][-1] == [round(PLACES[b].lon, 5), round(PLACES[b].lat, 5)]


def test_geojson_features_and_properties():
    doc = to_geojson(computed("SVO-HAV/MGA"))
    assert doc["type"] == "FeatureCollection"
    kinds = [(f["id"], f["geometry"]["type"]) for f in doc["features"]]
    assert kinds == [("f1.1", "LineString"), ("f2.1", "LineString"),
                     ("p1", "Point"), ("p2", "Point"), ("p3", "Point")]
    props = doc["features"][0]["properties"]
    assert {k: props[k] for k in ("flight", "leg", "from_code", "to_code")} == {
        "flight": "f1", "leg": 1, "from_code": "UUEE", "to_code": "MUHA"}
    assert props["distance_km"] == round(props["distance_km"], 1) > 9000
    svo = doc["features"][2]
    assert svo["geometry"]["coordinates"] == [37.4146, 55.9726]
    assert (svo["properties"]["roles"], svo["properties"]["flights"]) == ("origin", "f1; f2")
    assert json.dumps(doc) == json.dumps(to_geojson(computed("SVO-HAV/MGA")))  # deterministic


def test_geojson_reads_back_as_the_same_flights():
    report = computed("SVO-HAV-MGA, PKC-ANC")
    back = read_geojson_text(json.dumps(to_geojson(report)), "legs.geojson")
    assert [f.id for f in back.flights] == ["f1", "f2"]
    for a, b in zip(report.flights, back.flights):
        for sa, sb in zip(a.stops, b.stops, strict=True):
            assert (sb.ref.lat, sb.ref.lon) == pytest.approx((sa.place.lat, sa.place.lon), abs=1e-5)
        assert [s.place.name for s in a.stops] == [s.ref.text for s in b.stops]


# ---------------------------------------------------------------------------- KML, GeoPandas

def test_kml_is_well_formed_and_escaped():
    odd = Place("Bar & Grill <Strip>", 10.0, 20.0, "point")
    report = compute(geocoded(parse_route_string("PKC-ANC, SVO-ODD"), {"ODD": odd}))
    text = to_kml(report)
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert len(marks) == 2 + 4  # two legs, four places
    assert "Bar &amp; Grill &lt;Strip&gt;" in text
    names = [m.find("k:name", ns).text for m in marks]
    assert "f2 leg 1: Sheremetyevo International Airport - Bar & Grill <Strip>" in names
    # the Pacific leg is two lines, each within +-180
    pacific = marks[0].findall(".//k:LineString/k:coordinates", ns)
    assert len(pacific) == 2
    for coords in pacific:
        assert all(abs(float(p.split(",")[0])) <= 180 for p in coords.text.split())


def test_geodataframe_without_geopandas_says_so(monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # import fails as if not installed
    with pytest.raises(MissingDependency, match="needs geopandas") as info:
        to_geodataframe(computed("SVO-HAV"))
    assert isinstance(info.value, RoutesError) and isinstance(info.value, ImportError)


# ---------------------------------------------------------------------------- writing files

def test_write_text_atomic_replaces_whole_files(tmp_path):
    target = tmp_path / "legs.csv"
    write_text_atomic(target, "first\n")
    write_text_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["legs.csv"]  # no temporary left


def test_write_text_atomic_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("routes._io.os.replace", broken_replace)
    with pytest.raises(InputError, match="^cannot write .*map.html: No space left on device$"):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_write_text_atomic_bad_paths(tmp_path):
    with pytest.raises(InputError, match="it is a folder"):
        write_text_atomic(tmp_path, "x")
    with pytest.raises(InputError, match="does not exist"):
        write_text_atomic(tmp_path / "nope" / "a.json", "x")
    write_text_atomic(tmp_path / "out" / "a.json", "{}", make_parents=True)
    assert (tmp_path / "out" / "a.json").read_text(encoding="utf-8") == "{}"
