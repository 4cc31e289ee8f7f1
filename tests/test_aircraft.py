"""Aircraft types: the table, spelling-tolerant lookup, mentions in text, range estimate."""

from __future__ import annotations

import pytest

from routes.aircraft import AircraftType, find_in_text, lookup, range_km_at, types


@pytest.mark.parametrize("name, designation", [
    ("An-124", "An-124"), ("AN124", "An-124"), ("Antonov An-124 Ruslan", "An-124"), ("Ruslan", "An-124"),
    ("Il-62M", "Il-62"), ("Ilyushin-62", "Il-62"), ("C-17 Globemaster III", "C-17"),
    ("Boeing 747-400F", "Boeing 747"), ("747", "Boeing 747"), ("A400M Atlas", "A400M"),
    ("Tu-160", "Tu-160"), ("Tu-95MS", "Tu-95"), ("Il-76MD", "Il-76"), ("Il-96-300", "Il-96"),
    ("Tu-154M", "Tu-154"), ("Tu-214", "Tu-214"), ("C-130J", "C-130"), ("C-5M", "C-5"),
    ("An-22", "An-22"), ("An-26", "An-26"), ("An-72", "An-72"), ("Yak-42", "Yak-42"), ("Il-78", "Il-78"),
    ("IL76MD", "Il-76"), ("Super Galaxy", "C-5"), ("Boeing 787-9", "Boeing 787"), ("Dreamliner", "Boeing 787"),
])
def test_lookup(name, designation):
    assert lookup(name).designation == designation


def test_unknown_names():
    assert lookup("Cessna 172") is None
    assert lookup("") is None


def test_table_is_sane():
    kinds = types()
    assert len({k.designation for k in kinds}) == len(kinds) >= 40
    for k in kinds:
        assert isinstance(k, AircraftType)
        assert 300 <= k.cruise_kmh <= 1000
        assert 0 < k.range_km <= k.ferry_range_km
        assert k.max_payload_t > 0 and k.source


def test_find_in_text():
    text = "An An-124 Ruslan and two Il-76MD landed; a Boeing 737 and 747 passengers. An 12-member crew."
    found = [(text[a:b], k.designation) for a, b, k in find_in_text(text)]
    assert found == [("An-124 Ruslan", "An-124"), ("Il-76MD", "Il-76"), ("Boeing 737", "Boeing 737")]


def test_lowercase_words_are_not_aircraft():
    assert find_in_text("it will be 200 km away") == []


def test_range_at_payload():
    c17 = lookup("C-17")
    assert range_km_at(c17, c17.max_payload_t) == c17.range_km
    assert range_km_at(c17, 0) == c17.ferry_range_km
    assert range_km_at(c17, None) == c17.ferry_range_km
    assert range_km_at(c17, 10 * c17.max_payload_t) == c17.range_km
    assert c17.range_km < range_km_at(c17, 35.0) < c17.ferry_range_km


@pytest.mark.parametrize("text, mention, designation", [
    ("an AN124 landed", "AN124", "An-124"), ("the A-400M left", "A-400M", "A400M"),
    ("an Il-96-300 flew", "Il-96-300", "Il-96"), ("two Tu-160s flew", "Tu-160s", "Tu-160"),
    ("a Lockheed Martin C-130J Super Hercules", "Lockheed Martin C-130J Super Hercules", "C-130"),
    ("an Antonov-124 landed", "Antonov-124", "An-124"), ("a Boeing 777-300ER", "Boeing 777-300ER", "Boeing 777"),
    ("a Tu-214PU landed", "Tu-214PU", "Tu-214"), ("Xi'an Y-20 jets", "Xi'an Y-20", "Y-20"),
])
def test_find_in_text_spellings(text, mention, designation):
    ((a, b, kind),) = find_in_text(text)
    assert (text[a:b], kind.designation) == (mention, designation)


def test_numbers_and_words_that_are_no_aircraft():
    assert find_in_text("An 12-member crew and 747 passengers; a 777-300ER alone; it will be 200 km") == []


def test_tankers_and_the_707():
    from routes.aircraft import find_in_text
    text = "a Boeing 707 tanker-transport, a KC-330 Cygnus and a Boeing KC-767A"
    assert [k.designation for _, _, k in find_in_text(text)] == ["Boeing 707", "A330 MRTT", "KC-767"]


def test_given_name_that_is_a_nickname_is_no_aircraft():
    from routes.aircraft import find_in_text
    assert find_in_text("The troops were led by Colonel Ruslan Yakupov.") == []
    assert [k.designation for _, _, k in find_in_text("An An-124 Ruslan landed; a Ruslan left.")] == ["An-124", "An-124"]


def test_small_turboprops_by_maker_and_model():
    text = "The air ambulance, a Beechcraft King Air 250, took off at dawn."
    assert [(text[a:b], k.designation) for a, b, k in find_in_text(text)] == [("Beechcraft King Air 250", "King Air")]
    assert lookup("King Air 350").designation == "King Air"


def test_business_jet_and_japanese_transport():
    text = "a Gulfstream G550 and a Kawasaki C-2 landed; later a G550 left"
    assert [(text[a:b], k.designation) for a, b, k in find_in_text(text)] == [
        ("Gulfstream G550", "Gulfstream G550"), ("Kawasaki C-2", "C-2"), ("G550", "Gulfstream G550")]
    assert lookup("C-2").max_payload_t == 36


def test_canadian_a310_tanker_transport():
    # the RCAF's name for its A310 conversions is a type of its own
    assert lookup("CC-150 Polaris").designation == "CC-150"
    text = "A Royal Canadian Air Force CC-150 Polaris left Trenton."
    assert [(text[a:b], k.designation) for a, b, k in find_in_text(text)] == [("CC-150 Polaris", "CC-150")]


@pytest.mark.parametrize("name, designation", [
    ("CC-177", "C-17"), ("CC-130J", "C-130"), ("C-130BZ", "C-130"), ("Voyager", "A330 MRTT"), ("A340", "Airbus A340"),
])
def test_canadian_and_other_designations(name, designation):
    assert lookup(name).designation == designation
    assert [t.designation for _, _, t in find_in_text(f"A {name} landed.")] == [designation]


def test_spartan_tactical_transport():
    found = find_in_text("A Kenya Air Force C-27J Spartan landed at Goma.")
    assert [t.designation for _, _, t in found] == ["C-27J"]


@pytest.mark.parametrize("text, designation", [
    ("An Airbus A220-300 landed.", "Airbus A220"), ("A Y-8 transport landed.", "Y-8"),
])
def test_a220_and_y8(text, designation):
    assert [t.designation for _, _, t in find_in_text(text)] == [designation]
