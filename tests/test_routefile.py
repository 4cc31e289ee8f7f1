"""Route strings and route files -> flights whose stops name places (not yet geocoded)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from routes.errors import InputError, RoutesError
from routes.routefile import (
    looks_like_route_string,
    parse_route_string,
    read_csv_text,
    read_geojson_text,
    read_json_text,
    read_route_file,
    read_yaml_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "routes"


def names(flight):
    return [s.ref.text for s in flight.stops]


def roles(flight):
    return [s.role for s in flight.stops]


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch):
    # Read fixtures by their bare names so messages show "seed.csv:5", as a user would see.
    monkeypatch.chdir(FIXTURES)


# ---------------------------------------------------------------------------- route strings

def test_chain_of_codes_is_one_flight_with_roles():
    r = parse_route_string("DAM-DKR-CCS")
    assert [f.id for f in r.flights] == ["f1"]
    f = r.flights[0]
    assert names(f) == ["DAM", "DKR", "CCS"]
    assert roles(f) == ["origin", "stopover", "destination"]
    assert all(s.place is None for s in f.stops)


def test_fan_out_makes_one_flight_per_branch():
    r = parse_route_string("SVO-HAV/MGA")
    assert [names(f) for f in r.flights] == [["SVO", "HAV"], ["SVO", "MGA"]]
    assert [f.id for f in r.flights] == ["f1", "f2"]
    assert [f.label for f in r.flights] == ["SVO-HAV", "SVO-MGA"]


def test_places_after_a_fan_out_continue_every_branch():
    r = parse_route_string("A-B/C-D")
    assert [names(f) for f in r.flights] == [["A", "B", "D"], ["A", "C", "D"]]


def test_commas_separate_flights_and_whitespace_is_tolerated():
    r = parse_route_string("  Moscow -  Havana ,New   York-London,")
    assert [names(f) for f in r.flights] == [["Moscow", "Havana"], ["New York", "London"]]
    assert [f.id for f in r.flights] == ["f1", "f2"]


def test_place_positions_point_into_the_string():
    text = "SVO-HAV, DME-CCS"
    r = parse_route_string(text)
    ccs = r.flights[1].stops[1].ref
    assert text[ccs.start:ccs.end] == "CCS"
    assert ccs.where == "route string, column 14"


def test_particles_keep_hyphenated_names_whole():
    r = parse_route_string("Port-au-Prince-Havana, Stoke-on-Trent-Aix-en-Provence")
    assert [names(f) for f in r.flights] == [
        ["Port-au-Prince", "Havana"],
        ["Stoke-on-Trent", "Aix-en-Provence"],
    ]


def test_quotes_and_known_names_keep_other_hyphenated_names_whole():
    assert names(parse_route_string('"Winston-Salem"-ATL').flights[0]) == ["Winston-Salem", "ATL"]
    known = {"petropavlovsk-kamchatsky"}
    r = parse_route_string("Petropavlovsk-Kamchatsky-Anchorage", known=lambda n: n.lower() in known)
    assert names(r.flights[0]) == ["Petropavlovsk-Kamchatsky", "Anchorage"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SVO", "'SVO' names only one place"),
        ("Port-au-Prince", "'Port-au-Prince' names only one place"),
        ("SVO--HAV", "column 5: empty place"),
        ('SVO-"HAV', "column 5: unclosed quote"),
        ("   ", "empty route string"),
    ],
)
def test_bad_route_strings_say_what_and_where(text, expected):
    with pytest.raises(InputError, match=expected) as info:
        parse_route_string(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text", ["OSLK-GOOY-SVMI", "DAM-DKR-CCS", "svo-hav/mga", "Moscow-Havana, Moscow-Managua",
             "St. Petersburg-Moscow", "Port-au-Prince-Havana"],
)
def test_route_strings_are_recognised(text):
    assert looks_like_route_string(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia-Venezuela ties deepen",
        "A Russian-made An-124 landed in Caracas.",
        "An-124",  # an aircraft type
        "routes.csv",
        "data/a-b.yaml",
        "Port-au-Prince",  # one place, not a route
        "SVO-HAV\nHAV-MGA",  # several lines: a file's text, not an argument
        "",
    ],
)
def test_other_text_is_not_a_route_string(text):
    assert not looks_like_route_string(text)


# ---------------------------------------------------------------------------- CSV

def test_csv_gives_flights_legs_and_fields():
    r = read_route_file("seed.csv")
    assert r.warnings == ()
    f1, f2 = r.flights
    assert (f1.id, names(f1), roles(f1)) == ("f1", ["Syria", "Dakar", "Caracas"],
                                              ["origin", "stopover", "destination"])
    assert f1.aircraft == ("An-124", "Il-62")
    assert (f1.date, f1.personnel, f1.cargo_tonnes) == ("2019-03-23", 99, 35.0)
    assert names(f2) == ["SVO", "HAV", "MGA"]
    # "24 March 2019" comes out ISO; later rows fill fields the first row left empty
    assert (f2.date, f2.personnel, f2.cargo_tonnes) == ("2019-03-24", 12, 1200.5)


def test_csv_coordinates_override_and_where_names_the_row():
    f1, f2 = read_route_file("seed.csv").flights
    syria, dakar, caracas = f1.stops
    assert (syria.ref.lat, syria.ref.lon) == (None, None)
    assert (dakar.ref.lat, dakar.ref.lon) == (14.7397, -17.4902)
    assert (caracas.ref.lat, caracas.ref.lon) == (10.60312, -66.99059)
    # the header is on line 4 after three comment lines
    assert [s.ref.where for s in f1.stops] == ["seed.csv:5", "seed.csv:5", "seed.csv:6"]
    assert (f2.stops[0].ref.lat, f2.stops[0].ref.lon) == (55.9726, 37.4146)


def test_csv_evidence_is_the_row_text():
    text = (FIXTURES / "seed.csv").read_text(encoding="utf-8")
    r = read_csv_text(text, "seed.csv")
    ev = r.flights[0].evidence[1]
    assert ev.fact == "route"
    assert ev.text == "f1,Dakar,Caracas,,,,,,,10.60312,-66.99059"
    assert text[ev.start:ev.end] == ev.text


def test_csv_unknown_column_is_a_warning():
    r = read_route_file("unknown_column.csv")
    assert names(r.flights[0]) == ["Syria", "Dakar"]
    assert len(r.warnings) == 1 and "'remarks'" in r.warnings[0]
    assert r.warnings[0].startswith("unknown_column.csv:1:")


def test_csv_semicolon_delimiter_and_conflicting_values():
    assert read_route_file("semicolons.csv").flights[0].cargo_tonnes == 35.0
    r = read_csv_text("flight,from,to,aircraft\nf1,A,B,An-124\nf1,B,C,Il-76\n", "x.csv")
    assert r.flights[0].aircraft == ("An-124",)
    assert r.warnings == (
        "x.csv:3: flight f1 has aircraft ('Il-76',) here but ('An-124',) on line 2; using line 2",
    )


def test_csv_rows_of_a_flight_need_not_be_adjacent_but_must_join():
    r = read_csv_text("flight,from,to\na,X,Y\nb,P,Q\na,Y,Z\n", "x.csv")
    assert [(f.id, names(f)) for f in r.flights] == [("a", ["X", "Y", "Z"]), ("b", ["P", "Q"])]


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("empty.csv", "empty.csv: the file is empty; expected a header 'flight,from,to'"),
        ("missing_column.csv",
         "missing_column.csv:1: missing column 'to'; the header has 'flight', 'from', 'destination'"),
        ("short_row.csv", "short_row.csv:3: 2 fields but the header (line 1) has 4; missing to, aircraft"),
        ("unclosed_quote.csv", "unclosed_quote.csv:3: unclosed quote"),
        ("bad_personnel.csv", "bad_personnel.csv:2: personnel 'many' is not a number"),
        ("bad_date.csv", "bad_date.csv:2: date '2019-02-30' is not a real date; write it as YYYY-MM-DD"),
        ("bad_latitude.csv", "bad_latitude.csv:2: to_lat '95.0' is out of range; latitude is"),
        ("broken_chain.csv",
         "broken_chain.csv:3: flight f1 continues from 'Havana' but its leg on line 2 ended at 'Dakar'"),
        ("one_place.yaml", "one_place.yaml:3: flight f1's route has 1 place(s)"),
        ("broken.yaml", "broken.yaml:4:13: YAML does not parse"),
        ("wrong_shape.yaml", "wrong_shape.yaml:1: the top level is a list; expected a mapping with a 'flights' list"),
        ("bad_personnel.yaml", "bad_personnel.yaml:4: personnel 'many' is not a number"),
        ("broken.json", "broken.json:2:44: JSON does not parse"),
        ("bad_longitude.geojson", "bad_longitude.geojson:3: longitude 200.0 is out of range"),
    ],
)
def test_bad_files_give_one_line_naming_file_line_and_value(fixture, expected):
    with pytest.raises(InputError) as info:
        read_route_file(fixture)
    message = str(info.value)
    assert message.startswith(expected)
    assert "\n" not in message
    assert isinstance(info.value, (RoutesError, ValueError))


def test_a_quote_that_swallows_rows_is_caught():
    text = 'flight,from,to\nf1,"Syria,Dakar\nf1,Dakar,"Caracas\n'
    with pytest.raises(InputError, match=r"^x\.csv:2: a quoted field runs on to line 3"):
        read_csv_text(text, "x.csv")


@pytest.mark.parametrize(
    "row, expected",
    [
        ("f1,A,B,,03/04/2019", "date '03/04/2019' is ambiguous"),
        ("f1,A,B,1.5,", "personnel '1.5' is not a whole number"),
        ("f1,A,B,-3,", "personnel '-3' must be zero or more"),
        ("f1,,B,,", "column 'from' is empty"),
        (",A,B,,", "column 'flight' is empty"),
        ("f1,A,B,,2019-03-23,extra", "6 fields but the header (line 1) has 5"),
    ],
)
def test_bad_csv_values(row, expected):
    with pytest.raises(InputError, match="^" + re.escape("x.csv:2: " + expected)):
        read_csv_text("flight,from,to,personnel,date\n" + row + "\n", "x.csv")


@pytest.mark.parametrize(
    "value, iso",
    [("2019-03-23", "2019-03-23"), ("2019/3/23", "2019-03-23"), ("23.03.2019", "2019-03-23"),
     ("23 March 2019", "2019-03-23"), ("Mar 23, 2019", "2019-03-23"), ("23/03/2019", "2019-03-23"),
     ("2019-03-23T14:05:00Z", "2019-03-23")],
)
def test_dates_come_out_iso(value, iso):
    r = read_csv_text(f"flight,from,to,date\nf1,A,B,{value}\n".replace(",Mar 23, 2019", ',"Mar 23, 2019"'), "x")
    assert r.flights[0].date == iso


def test_coordinates_come_in_pairs():
    with pytest.raises(InputError, match="^x:2: from_lat and from_lon go together"):
        read_csv_text("flight,from,to,from_lat\nf1,A,B,10\n", "x")


# ---------------------------------------------------------------------------- YAML / JSON

def test_yaml_gives_flights_fields_and_line_numbers():
    r = read_route_file("seed.yaml")
    assert r.warnings == ()
    f1, f2 = r.flights
    assert names(f1) == ["Syria", "Dakar", "Caracas"]
    assert [s.ref.where for s in f1.stops] == ["seed.yaml:7", "seed.yaml:8", "seed.yaml:9"]
    assert (f1.stops[1].ref.lat, f1.stops[1].ref.lon) == (14.7397, -17.4902)
    assert f1.aircraft == ("An-124", "Il-62")
    assert (f1.date, f1.personnel, f1.cargo_tonnes) == ("2019-03-23", 99, 35.0)
    assert f1.commander == "Vasily Tonkoshkurov"
    # no id -> its position; "NO" stays Norway's code although YAML 1.1 reads it as false
    assert (f2.id, names(f2)) == ("f2", ["Moscow", "Havana", "NO"])
    assert (f2.aircraft, f2.date) == (("Il-96-300",), "2019-03-24")
    assert r.meta["title"] == "Russian transports, March 2019"


def test_yaml_route_may_be_a_route_string_and_unknown_keys_warn():
    r = read_yaml_text("flights:\n  - route: SVO-HAV-MGA\n    remarks: x\n", "x.yaml")
    assert names(r.flights[0]) == ["SVO", "HAV", "MGA"]
    assert r.warnings == ("x.yaml:2: ignoring unknown key(s) 'remarks'; known: id, route, aircraft, "
                          "date, personnel, cargo_tonnes, commander, label",)


@pytest.mark.parametrize(
    "doc, expected",
    [
        ("", "x.yaml: the file is empty"),
        ("# only a comment\n", "x.yaml: the file has no data"),
        ("routes: []\n", "x.yaml:1: no 'flights' at the top level (found 'routes')"),
        ("flights: {a: 1}\n", "x.yaml:1: 'flights' is a mapping; expected a list"),
        ("flights:\n  - [A, B]\n", "x.yaml:2: flight 1 is a list; expected a mapping"),
        ("flights:\n  - {id: a, route: [A, B]}\n  - {id: a, route: [C, D]}\n",
         "x.yaml:3: flight id 'a' is used twice (first at x.yaml:2)"),
        ("flights:\n  - id: a\n", "x.yaml:2: flight a has no route"),
        ("flights:\n  - route: [A, {lat: 95, lon: 0}]\n", "x.yaml:2: lat 95 is out of range"),
        ("flights:\n  - route: [A, {code: B}]\n    cargo_tonnes: lots\n",
         "x.yaml:3: cargo_tonnes 'lots' is not a number; give metric tonnes"),
    ],
)
def test_bad_yaml(doc, expected):
    with pytest.raises(InputError) as info:
        read_yaml_text(doc, "x.yaml")
    assert str(info.value).startswith(expected)


def test_json_same_structure_with_line_numbers():
    r = read_route_file("seed.json")
    f1, f2 = r.flights
    assert names(f1) == ["Syria", "Dakar", "Caracas"]
    assert (f1.aircraft, f1.personnel, f1.cargo_tonnes) == (("An-124", "Il-62"), 99, 35.0)
    assert f2.stops[1].ref.where == "seed.json:16"
    assert (f2.stops[1].ref.lat, f2.stops[1].ref.lon) == (22.9892, -82.4091)


def test_json_dispatches_geojson_by_type():
    doc = json.loads((FIXTURES / "points.geojson").read_text(encoding="utf-8"))
    r = read_json_text(json.dumps(doc), "points.json")
    assert names(r.flights[0])[:2] == ["Damascus", "Dakar"]


# ---------------------------------------------------------------------------- GeoJSON

def test_geojson_lines_are_flights_named_by_stops_or_points():
    r = read_route_file("pacific.geojson")
    north, south = r.flights
    assert (north.id, north.label, names(north)) == ("north", "Kamchatka to Alaska", ["PKC", "ANC"])
    assert (north.stops[0].ref.lat, north.stops[0].ref.lon) == (53.1679, 158.45399)
    assert (north.aircraft, north.date, north.personnel) == (("Il-76", "An-124"), "2019-03-23", 20)
    # no stops: a named Point at the vertex names it, else "lat,lon"
    assert names(south) == ["Auckland", "-33.393,-70.7858"]
    assert south.cargo_tonnes == 12.5
    assert south.stops[1].ref.where == "pacific.geojson:13"


def test_geojson_points_only_are_one_flight_with_a_warning():
    r = read_route_file("points.geojson")
    assert len(r.flights) == 1
    assert names(r.flights[0]) == ["Damascus", "Dakar", "10.6031,-66.9906"]
    assert roles(r.flights[0]) == ["origin", "stopover", "destination"]
    assert "only Point features" in r.warnings[0]


@pytest.mark.parametrize(
    "doc, expected",
    [
        ({"type": "Point", "coordinates": [0, 0]}, "expected a GeoJSON FeatureCollection"),
        ({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"stops": ["A"]},
             "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]},
         "properties.stops has 1 names but the line has 2 positions"),
        ({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {},
             "geometry": {"type": "LineString", "coordinates": [[0, 95], [1, 1]]}}]},
         "latitude 95 is out of range"),
    ],
)
def test_bad_geojson(doc, expected):
    with pytest.raises(InputError, match=expected):
        read_geojson_text(json.dumps(doc), "x.geojson")


# ---------------------------------------------------------------------------- files

def test_utf16_with_bom_reads_cleanly():
    r = read_route_file("utf16.csv")
    assert names(r.flights[0]) == ["Asunción", "Bogotá"]
    assert r.warnings == ()


def test_latin1_falls_back_with_a_warning():
    r = read_route_file("latin1.csv")
    assert names(r.flights[0]) == ["Asunción", "Bogotá"]
    assert r.warnings[0].startswith("latin1.csv is not UTF-8 (byte 0xf3 at line 3)")
    # an explicit, right encoding needs no warning
    assert read_route_file("latin1.csv", encoding="cp1252").warnings == ()


def test_wrong_explicit_encoding_and_binary_files_are_refused(tmp_path):
    with pytest.raises(InputError, match=r"^latin1.csv: cannot decode as utf-8 \(byte 0xf3 at line 3\)"):
        read_route_file("latin1.csv", encoding="utf-8")
    blob = tmp_path / "blob.csv"
    blob.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe")
    with pytest.raises(InputError, match="not a text file"):
        read_route_file(blob)


def test_files_over_the_limit_are_refused(tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(InputError, match=r"is 53\.5 MB; the limit for an input file is 52 MB"):
        read_route_file(big)


def test_unusable_paths(tmp_path):
    with pytest.raises(InputError, match="unknown route file type '.txt'"):
        read_route_file("notes.txt")
    with pytest.raises(InputError, match="no such file"):
        read_route_file("missing.csv")
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_route_file(folder)


def test_utf16_without_bom_gets_a_hint(tmp_path):
    for text in ("flight,from,to\nf1,Asunción,Bogotá\n", "flight,from,to\nf1,A,B\n"):
        path = tmp_path / "nobom.csv"
        path.write_bytes(text.encode("utf-16-le"))
        with pytest.raises(InputError, match="looks like UTF-16 without a byte order mark: give the encoding utf-16-le"):
            read_route_file(path)
        assert names(read_route_file(path, encoding="utf-16-le").flights[0])[0] in ("Asunción", "A")


def test_crlf_line_endings_keep_line_numbers():
    r = read_csv_text("flight,from,to\r\nf1,A,B\r\n\r\nf1,B,C\r\n", "x.csv")
    assert [s.ref.where for s in r.flights[0].stops] == ["x.csv:2", "x.csv:2", "x.csv:4"]
    assert [e.text for e in r.flights[0].evidence] == ["f1,A,B", "f1,B,C"]
