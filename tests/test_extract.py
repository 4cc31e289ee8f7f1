"""The news reader: the seed report, the project's corpus against its gold routes."""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path

import pytest
import yaml

from routes.extract import read_text
from routes.geocode import resolve

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "fixtures" / "news"
SEED = ROOT.parent / "shared" / "seed" / "000_1efb7abd375c0c7f.txt"
REPORTS = sorted(p for p in NEWS.glob("*.txt") if p.with_suffix(".gold.yaml").exists())


def _legs(text: str) -> list[list[str]]:
    """The stops of each flight read from ``text``, as the text wrote them."""
    return [[s.ref.text for s in f.stops] for f in read_text(text).flights]


def km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def near(place, gold: dict) -> bool:
    limit = 600.0 if gold["kind"] == "country" else 60.0
    return place is not None and km((place.lat, place.lon), (gold["lat"], gold["lon"])) <= limit


def assert_evidence(report) -> None:
    for flight in report.flights:
        assert flight.evidence
        for ev in flight.evidence:
            assert report.text[ev.start:ev.end] == ev.text, ev


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not beside the repository")
def test_seed_report():
    report = read_text(SEED.read_text(encoding="utf-8"), source=SEED.name)
    assert len(report.flights) == 1
    f = report.flights[0]
    assert [s.ref.text for s in f.stops] == ["Syria", "Dakar", "Caracas"]
    assert [s.role for s in f.stops] == ["origin", "stopover", "destination"]
    assert set(f.aircraft) == {"An-124", "Il-62"}
    assert (f.personnel, f.cargo_tonnes, f.date, f.commander) == (99, 35.0, "2019-03-23", "Vasily Tonkoshkurov")
    assert {e.fact for e in f.evidence} >= {"origin", "stopover", "destination", "aircraft", "personnel",
                                            "cargo", "date", "commander"}
    assert_evidence(report)
    assert all(s.place is None for s in f.stops)


def test_embedded_example():
    text = resources.files("routes.data").joinpath("example_report.txt").read_text(encoding="utf-8")
    (f,) = read_text(text).flights
    assert [s.ref.text for s in f.stops] == ["Syria", "Dakar", "Caracas"]
    assert (f.personnel, f.cargo_tonnes, f.date, f.commander) == (99, 35.0, "2019-03-23", "Vasily Tonkoshkurov")


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_corpus_legs_match_gold(path: Path):
    gold = yaml.safe_load(path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    report = resolve(read_text(path.read_text(encoding="utf-8"), source=path.name))
    assert_evidence(report)
    gold_legs = [(a, b) for g in gold["flights"] for a, b in zip(g["route"], g["route"][1:])]
    found = [(a.place, b.place) for f in report.flights for a, b in zip(f.stops, f.stops[1:])]
    missing = [f"{a['name']} -> {b['name']}" for a, b in gold_legs
               if not any(near(fa, a) and near(fb, b) for fa, fb in found)]
    extra = [f"{fa.name} -> {fb.name}" for fa, fb in found
             if not any(near(fa, a) and near(fb, b) for a, b in gold_legs)]
    assert not missing and not extra, (missing, extra)


@pytest.mark.parametrize("name", ["14_no_flight_politics", "31_no_flight_generic"])
def test_no_flight_reports(name: str):
    assert read_text((NEWS / f"{name}.txt").read_text(encoding="utf-8")).flights == ()


def test_out_of_order_and_return_flight():
    text = ("A Russian Il-62 landed in Caracas on 23 March 2019 with 40 specialists. It had set off from "
            "Moscow and refuelled in Dakar. Two days later the Il-62 flew back to Moscow.")
    f1, f2 = read_text(text).flights
    assert [s.ref.text for s in f1.stops] == ["Moscow", "Dakar", "Caracas"]
    assert [s.ref.text for s in f2.stops] == ["Caracas", "Moscow"]
    assert (f2.date, f2.aircraft, f2.personnel) == ("2019-03-25", ("Il-62",), None)


def test_denied_and_hedged_places_are_left_out():
    text = ("An Il-76 flew from Moscow to Managua on 8 November 2021. The plane did not land in Havana. "
            "Observers said it could be bound for Caracas next.")
    (f,) = read_text(text).flights
    assert [s.ref.text for s in f.stops] == ["Moscow", "Managua"]


def test_background_flights_are_left_out():
    text = ("In 2018 two Tu-160 bombers flew from Engels to Caracas. On 5 May 2020 an An-124 flew "
            "from Chkalovsky to Bamako.")
    (f,) = read_text(text).flights
    assert [s.ref.text for s in f.stops][-1] == "Bamako"
    assert f.aircraft == ("An-124",)


def test_year_from_argument_and_warning_without_year():
    text = "An An-124 flew from Chkalovsky to Bamako on 17 June."
    assert read_text(text, year=2022).flights[0].date == "2022-06-17"
    report = read_text(text)
    assert report.flights[0].date is None and report.warnings


@pytest.mark.parametrize("text, route", [
    ("A Moscow\u2013Tashkent\u2013Kabul charter delivered aid on 15 September 2021.", ["Moscow", "Tashkent", "Kabul"]),
    ("The jet flew Bamako-Niamey on 2 March 2023.", ["Bamako", "Niamey"]),
    ("RA-78830 on 4 April 2024: UUMU \u2192 OSLK \u2192 HLLM.", ["UUMU", "OSLK", "HLLM"]),
    ("Russian Il-62 lands in Managua after Havana stopover", ["Havana", "Managua"]),
    ("Il-96 lands in Caracas after Syria flight", ["Syria", "Caracas"]),
    ("Two Tu-160s flew from Engels to Maiquetia by way of Olenya on 10 December 2018.", ["Engels", "Olenya", "Maiquetia"]),
    ("The plane flew Moscow to Kaliningrad on 4 June 2021.", ["Moscow", "Kaliningrad"]),
])
def test_written_routes_and_headlines(text, route):
    (f,) = read_text(text).flights
    assert [s.ref.text for s in f.stops] == route


def test_diverted_and_cancelled_legs():
    text = ("A Havana-bound Il-76 took off from Moscow on 5 August 2022 but was diverted to Shannon "
            "after being refused overflight.")
    (f,) = read_text(text).flights
    assert [s.ref.text for s in f.stops] == ["Moscow", "Shannon"]
    text = "A Caracas-bound An-124 left Moscow on 5 May 2020 and landed in Dakar to refuel."
    assert [s.ref.text for s in read_text(text).flights[0].stops] == ["Moscow", "Dakar", "Caracas"]
    text = "Two Tu-160s flew from Engels to Maiquetia on 10 December 2018. A planned hop to Managua was cancelled."
    assert [s.ref.text for s in read_text(text).flights[0].stops] == ["Engels", "Maiquetia"]


def test_a_dateline_date_is_not_the_flight_date():
    text = "MOSCOW, 11 July 2014 - The Il-96 took off from Vnukovo on Thursday and landed in Havana."
    (f,) = read_text(text).flights
    assert f.date == "2014-07-10"  # the Thursday before the Friday of the dateline
    assert read_text(text.replace(" on Thursday", "")).flights[0].date is None


@pytest.mark.parametrize("text, legs", [
    # a separate flight, a second departure from elsewhere, facility words before a name
    ("The A330 left Niamey and landed at Paris-Charles de Gaulle airport. A separate Italian flight landed at Rome's "
     "Ciampino airport after taking off from Niamey.",
     [["Niamey", "Paris-Charles de Gaulle airport"], ["Niamey", "Ciampino airport"]]),
    ("Il-76 planes landed at Almaty airport. The troops were flown from the Ivanovo airfield. A Belarusian "
     "contingent took off from the Machulishchy airfield near Minsk and also landed in Almaty.",
     [["Ivanovo airfield", "Almaty airport"], ["Machulishchy airfield", "Almaty"]]),
    ("The Y-20 touched down at the airfield in Brest. It had taken off from Urumqi.", [["Urumqi", "Brest"]]),
    ("The plane began its journey in Maiquetia. It then landed in Queretaro, Mexico, and in Cordoba, Argentina, "
     "before arriving at Ezeiza. An attempt to continue to Montevideo was blocked.",
     [["Maiquetia", "Queretaro", "Cordoba", "Ezeiza"]]),
    ("The Tupolev took off from Chkalovsky, made an intermediate landing at Hmeimim and landed at Benina.",
     [["Chkalovsky", "Hmeimim", "Benina"]]),
    ("Two Il-76MD delivered 40 tonnes of aid to Damascus. The planes departed from the airfield Chkalovsky.",
     [["Chkalovsky", "Damascus"]]),
    # no flight: airline names, warnings from a capital, claims, surface transport
    ("Tankers delivered gasoline to Venezuela despite warnings from Washington, and Mahan Air flights drew attention.", []),
    ("Iran denied claims that the jets had been flown from Komsomolsk-on-Amur to Hamadan.", []),
    ("Troops were sent from Moscow to the Kursk region by train.", []),
])
def test_general_rules_from_blind3(text, legs):
    got = _legs(text)
    assert got == legs


@pytest.mark.parametrize("text, legs", [
    # an airport the gazetteer does not know, then its city; "the <name> airport of <city>"
    ("The An-124 arrived to the International Airport of El Alto from Caracas.", [["Caracas", "El Alto"]]),
    ("Two Il-76 have landed in the evening at the airport of the Turkish city of Adana. They took off from "
     "Chkalovsky.", [["Chkalovsky", "Adana"]]),
    ("The A400M set off from the 12th Air Transport Main Base Command in Kayseri and landed in Cairo.",
     [["Kayseri", "Cairo"]]),
    # a country named before its capital: "the capital of neighbouring X, Y"
    ("The Il-76 took off from Benghazi but was refused permission to land in Niamey. It diverted to the capital "
     "of neighbouring Burkina Faso, Ouagadougou.", [["Benghazi", "Ouagadougou"]]),
    # plans told with "was to" / "are to", and "is expected in"
    ("The delegation landed in Pyongyang from Moscow. It was to fly on from Pyongyang to Vientiane.",
     [["Moscow", "Pyongyang"]]),
    ("The drones will come by A400M aircraft, which are to take off from Kayseri and refuel at Baku before "
     "landing at Manas.", []),
    # one of many flights: about the others
    ("The C-17 flew from Dover to Ramstein. The flight is one of at least eleven RCH movements into Jordan, "
     "Israel and Qatar.", [["Dover", "Ramstein"]]),
    # time words between the verb and its place
    ("Three aircraft landed within a few hours at Bangui. They came from Khartoum.", [["Khartoum", "Bangui"]]),
    # where the aircraft waited before it was sent
    ("A C-130, which had been pre-positioned at Djibouti, was dispatched to Port Sudan, from where the "
     "nationals were airlifted to Jeddah.", [["Djibouti", "Port Sudan", "Jeddah"]]),
    # a separate aircraft that "arrived from X": it arrived where the flight before it did
    ("Two Il-76 landed at Bangui after flying from Hmeimim. In the evening an An-124 arrived separately from "
     "Khartoum.", [["Hmeimim", "Bangui"], ["Khartoum", "Bangui"]]),
    # the way back told before its places
    ("The Il-76 left Minsk and landed in Harare. The same plane flew back on Saturday, with a refuelling stop "
     "in Hurghada, landing at Minsk that night.", [["Minsk", "Harare"], ["Harare", "Hurghada", "Minsk"]]),
    ("The jet flew from Moscow to Caracas. On the return flight it stopped in Dakar before landing in Moscow.",
     [["Moscow", "Caracas"], ["Caracas", "Dakar", "Moscow"]]),
])
def test_general_rules_from_blind4_and_blind5(text, legs):
    got = _legs(text)
    assert got == legs


@pytest.mark.parametrize("name", ["Robert Gabriel Mugabe", "Nelson Tembo"])
def test_an_unknown_airport_in_a_city_is_the_citys_airport(name):
    (f,) = resolve(read_text(f"A C-17 left Ramstein and landed at {name} International Airport in Harare.")).flights
    assert (f.stops[-1].place.country, f.stops[-1].place.kind) == ("ZW", "airport")


def test_an_airport_of_its_city():
    # "the Vnukovo airport of Moscow", "the Sunan International Airport of Pyongyang"
    text = ("The Il-62 departed from the Vnukovo airport of Moscow and landed at the Sunan International Airport of "
            "Pyongyang.")
    (f,) = resolve(read_text(text)).flights
    assert [(s.place.country, s.place.kind) for s in f.stops] == [("RU", "airport"), ("KP", "airport")]


def test_an_airport_named_with_its_city_is_that_citys():
    # "Marka airport in Amman" is Amman's Marka airport, not the Somali town of Marka.
    (f,) = resolve(read_text("The A400M flew from Wunstorf via Souda Bay to Marka airport in Amman.")).flights
    assert f.stops[-1].place.country == "JO" and f.stops[-1].place.kind == "airport"


def test_today_is_the_filing_date_and_other_events_dates_are_not_the_flights():
    text = ("Rome, 12 October 2023. A KC-767 was dispatched today to Israel to bring home citizens after the "
            "attacks of 7 October. It took off from Pratica di Mare air base and landed at Ben Gurion.")
    (f,) = read_text(text).flights
    assert f.date == "2023-10-12"
    text = ("Wednesday, Feb. 8, 2023. Earlier, late on Tuesday, a C-130 had arrived in Damascus from Baghdad; "
            "it flew on to Latakia the next morning.")
    (f,) = read_text(text).flights
    assert f.date is None  # counted from a weekday, which is not resolved


def test_a_nouns_past_is_not_a_background_clause():
    text = ("Two planes flew from Tehran to Caracas. On board were 42 officers led by General Reza Tavakoli and "
            "12 tonnes of spare parts for equipment previously supplied to Venezuela.")
    (f,) = read_text(text).flights
    assert (f.personnel, f.cargo_tonnes, f.commander) == (42, 12.0, "Reza Tavakoli")


def test_an_aircraft_only_expected_flies_nothing():
    text = "A C-130 flew from Baghdad to Damascus. A Russian Il-76 is expected in Aleppo on Thursday."
    (f,) = read_text(text).flights
    assert f.aircraft == ("C-130",)


@pytest.mark.parametrize("text, legs", [
    # an aside about the aircraft's past ("which had ... earlier") is on no route, and its time
    # words do not make the rest of the sentence background
    ("An Il-76 landed in Bamako on 3 May 2022. The plane, which earlier this month had been seen in Niamey, "
     "set off from Mozdok and made a stopover at Hmeimim.", [["Mozdok", "Hmeimim", "Bamako"]]),
    ("A C-17 landed in Amman on 3 May 2022. The jet, which had delivered tents to Beirut a week earlier, "
     "departed from Ramstein.", [["Ramstein", "Amman"]]),
    ("An Il-76 landed in Bangui on 3 May 2022. The aircraft, which in recent weeks had flown grain to Niamey, "
     "took off from Chkalovsky.", [["Chkalovsky", "Bangui"]]),
    # a town named only after "the" is found when a facility word follows
    ("The Il-76 took off from the Boufarik military air base and landed in Niamey.", [["Boufarik", "Niamey"]]),
    # "landed back at", "stopping on the way at", "stops on its way south, first in X and then in Y"
    ("The C-17 that landed at Hindon on 17 August 2021 had left Kabul, stopping on the way at Jamnagar to refuel.",
     [["Kabul", "Jamnagar", "Hindon"]]),
    ("The plane left Moscow and made two refuelling stops on its way south, first in Cairo and then in Khartoum, "
     "before it was unloaded at Bangui airport.", [["Moscow", "Cairo", "Khartoum", "Bangui airport"]]),
    # "its final destination was X" ends the route
    ("The Il-62 departed Vnukovo, stopped at Sal, on the ground for an hour. Its final destination was Havana.",
     [["Vnukovo", "Sal", "Havana"]]),
    ("It left Leipzig, then continued to Baku before heading to its final destination, Urumqi.",
     [["Leipzig", "Baku", "Urumqi"]]),
    # "rolled to a stop at" is an arrival; "took on fuel in" a stop; "stepped off ... at" an arrival
    ("The C-130 rolled to a stop at Santo Domingo airport. It left Brasilia and took on fuel in Manaus.",
     [["Brasilia", "Manaus", "Santo Domingo airport"]]),
    ("The 150 soldiers who stepped off the A330 at Niamey airport had boarded it at Cologne.",
     [["Cologne", "Niamey airport"]]),
    # a stop told "after" the stop it preceded
    ("The C-17 that landed at Rzeszow had set out from Dover Air Force Base. It spent a night at Ramstein Air Base, "
     "where pallets were loaded, after making a fuel stop at Shannon Airport.",
     [["Dover Air Force Base", "Shannon Airport", "Ramstein Air Base", "Rzeszow"]]),
    # "the same airport" / "the same airfield" is the place of the flight told before
    ("The first Il-76 landed at Benina airport after flying from Zhukovsky. A second aircraft, an An-124, took off "
     "from Ulyanovsk and, after a stopover in Cairo, landed at the same airport later that day.",
     [["Zhukovsky", "Benina airport"], ["Ulyanovsk", "Cairo", "Benina airport"]]),
    ("An Il-76 left Chkalovsky for Bamako. A Tu-154 went from the same airfield to Niamey with a stop in Algiers.",
     [["Chkalovsky", "Bamako"], ["Chkalovsky", "Algiers", "Niamey"]]),
    # "went onward" from where the flight had got to is the same flight
    ("The C-17 left McChord and continued to Guam. From Guam it went onward to Clark.",
     [["McChord", "Guam", "Clark"]]),
    # a flight and its way back in one sentence are two flights, "before returning" is not cut
    ("A C-130 flew from Amman to Port Sudan and the same day came back to Amman with 300 evacuees.",
     [["Amman", "Port Sudan"], ["Port Sudan", "Amman"]]),
    # people on the move over land, withdrawals, trucks and roads are no flights
    ("The Il-76 flew from Cairo to Port Sudan. Thousands of displaced people have arrived from Khartoum, and many "
     "have travelled on to Kassala.", [["Cairo", "Port Sudan"]]),
    ("The A330 flew from Cologne to Niamey. Berlin pulled its troops out of Mali last year.", [["Cologne", "Niamey"]]),
    ("The C-17 flew from Dover to Rzeszow. From Rzeszow the missiles are trucked to Lviv.", [["Dover", "Rzeszow"]]),
    ("The A400M flew from Port Sudan to Evreux. The road from Khartoum to Port Sudan was long.",
     [["Port Sudan", "Evreux"]]),
    ("The Il-76 flew from Moscow to Niamey. French soldiers leave Niger through Chad.", [["Moscow", "Niamey"]]),
    ("A C-17 landed at El Arish. Since the start of the war, Egypt has received aid flights from Jordan and Qatar.",
     []),
    # claims, offers, called-off and planned stops are no flights
    ("The Il-76 flew from Baku to Ovda air base. Several accounts claimed the aircraft then flew on to Tabriz.",
     [["Baku", "Ovda air base"]]),
    ("The C-130 flew from Whenuapai to Nadi. Fiji has offered to stage further supplies through Suva.",
     [["Whenuapai", "Nadi"]]),
    ("The A330 flew from Cologne to Niamey. Planners had scheduled a refuelling stop at Souda Bay, but the crew "
     "dropped it.", [["Cologne", "Niamey"]]),
    ("One flight from Beijing to Quito that was planned for Monday is cancelled.", []),
    ("The website said two Il-76 had landed at Bangui after a stop in Benghazi.", []),
    # "the French air base in Djibouti" is in Djibouti
    ("The A400M took off from Port Sudan and made a stop at the French air base in Djibouti before landing at Evreux.",
     [["Port Sudan", "Djibouti", "Evreux"]]),
])
def test_general_rules_from_blind6_and_blind7(text, legs):
    assert _legs(text) == legs


def test_a_facility_named_in_full_once_is_meant_by_its_short_name():
    text = ("A Y-20 stood on the apron of Nikola Tesla Airport. It touched down at Nikola Tesla on 8 April 2022 "
            "after flying from Urumqi.")
    (f,) = resolve(read_text(text)).flights
    assert f.stops[-1].place.icao == "LYBE"
    text = "A C-130 flew from Marka airport in Amman to Port Sudan, and then came back to Marka."
    flights = resolve(read_text(text)).flights
    assert [f.stops[-1].place.country for f in flights] == ["SD", "JO"]


def test_an_unknown_air_base_near_a_town_is_that_towns_airport():
    (f,) = resolve(read_text("A C-17 flew from Dover to Soto Cano Air Base, near Comayagua.")).flights
    assert f.stops[-1].place.country == "HN"


def test_a_dateline_with_an_agency_in_brackets_is_not_the_flights_date():
    text = "LA PAZ, November 18 (ABI). An An-124 landed at El Alto on Friday after flying from Algiers in 2025."
    (f,) = read_text(text).flights
    assert f.date is None


def test_people_aboard_told_in_parts_are_added_and_troops_stationed_are_not_aboard():
    text = ("A C-17 flew from Niamey to Ramstein on 3 August 2023. On board were 87 American citizens and 36 "
            "nationals of other countries. Washington has about 1,100 troops in the country.")
    (f,) = read_text(text).flights
    assert f.personnel == 123


def test_counts_weights_and_leaders_in_other_wordings():
    f, = read_text("An Il-62 flew from Moscow to Vientiane on 1 June 2021. Nine Russian epidemiologists "
                   "arrived on the same aircraft.").flights
    assert f.personnel == 9
    f, = read_text("A C-130 flew from Brasilia to Santo Domingo on 5 March 2024 with a medical team of 24.").flights
    assert f.personnel == 24
    f, = read_text("An Il-76 flew from Tashkent to Termez on 10 February 2022 with 12 500 kilogram of flour.").flights
    assert f.cargo_tonnes == 12.5
    f, = read_text("An An-124 flew from Leipzig to Baku on 5 November 2023 with a declared payload of 98 t.").flights
    assert f.cargo_tonnes == 98.0
    for lead, name in [
        ("The group was headed by the deputy oil minister for international affairs and trade, Hossein Karimzadeh.",
         "Hossein Karimzadeh"),
        ("The group was headed by the deputy director of the Federal Service for Military-Technical Cooperation, "
         "Lieutenant General Oleg Bestuzhev.", "Oleg Bestuzhev"),
        ("The team is led by USAID's regional disaster coordinator for Central America, Mark Delgado.", "Mark Delgado"),
        ("The team is led by Commandant Rajiv Sehgal.", "Rajiv Sehgal"),
        ("Group is lead by colonel Andrei Kozlov.", "Andrei Kozlov"),
    ]:
        f, = read_text("An Il-76 flew from Tehran to Caracas on 8 June 2022. " + lead).flights
        assert f.commander == name, lead


def test_an_aircraft_that_never_left_is_not_the_flights():
    text = ("A C-130 flew from Whenuapai to Nadi on 20 January 2022. An Australian C-17 was loaded at Amberley "
            "the same day, but its departure was postponed, so it has not flown yet.")
    (f,) = read_text(text).flights
    assert f.aircraft == ("C-130",)


@pytest.mark.parametrize("text, want", [
    ("The Il-62 carrying the delegation landed back at Vnukovo airport on 15 July 2023. Four days earlier, on 11 July, "
     "the same plane had taken off from Vnukovo for Pyongyang with 41 people aboard. The return flight carried 47 "
     "passengers.",
     [(["Vnukovo", "Pyongyang"], 41, "2023-07-11"), (["Pyongyang", "Vnukovo airport"], 47, "2023-07-15")]),
    ("The Tu-154 flew home to Chkalovsky on 3 May 2022. On 1 May it had left Chkalovsky for Damascus with 20 "
     "officers. On the way back it carried 12 wounded soldiers.",
     [(["Chkalovsky", "Damascus"], 20, "2022-05-01"), (["Damascus", "Chkalovsky"], 12, "2022-05-03")]),
])
def test_a_way_back_told_before_the_flight_out(text, want):
    got = [([s.ref.text for s in f.stops], f.personnel, f.date) for f in read_text(text).flights]
    assert got == want


def test_counts_of_a_flight_and_its_way_back_told_in_one_clause_go_to_each():
    text = ("On 24 April 2023 a C-130 flew from Amman to Port Sudan empty, and the same day came back to Amman "
            "with 343 people.")
    assert [f.personnel for f in read_text(text).flights] == [None, 343]


def test_the_one_aircraft_of_a_report_told_in_an_aside_is_the_flights():
    text = ("An-124 UR-82072, based at Hostomel before the 2022 attack, has been busy. On 5 November 2023 it "
            "departed Leipzig for Baku.")
    (f,) = read_text(text).flights
    assert f.aircraft == ("An-124",)


@pytest.mark.parametrize("text, legs", [
    ("The Il-76, which had earlier been spotted in Benghazi, flew from Hmeimim to Bangui on 3 May 2022.",
     [["Hmeimim", "Bangui"]]),
    ("The Il-76, which had left Moscow on Monday, landed in Bangui on 3 May 2022.", [["Moscow", "Bangui"]]),
    ("The jet refuelled in Cairo on its way south before touching down in Juba on 3 May 2022. It had left Minsk.",
     [["Minsk", "Cairo", "Juba"]]),
])
def test_asides_about_earlier_times_and_real_departures_told_in_asides(text, legs):
    assert _legs(text) == legs


# --- blind8 rules -----------------------------------------------------------------------


def test_put_down_at_is_a_landing():
    legs = _legs("An Il-62 left Vnukovo airport. It was denied permission to land in Havana. "
                  "The crew instead put down at Shannon Airport before continuing to Caracas.")
    assert legs == [["Vnukovo airport", "Shannon Airport", "Caracas"]]


def test_denied_reports_of_a_flight_give_no_stop():
    legs = _legs("An Il-76 departed from Mozdok and landed in Latakia. "
                  "The ministry denied reports that a third aircraft had flown to Beirut.")
    assert legs == [["Mozdok", "Latakia"]]


def test_stopped_for_some_hours_at_is_a_stop():
    legs = _legs("The aircraft departed UUEE shortly after midnight, stopped for about two hours at UDYZ, "
                  "and then landed at OIII.")
    assert legs == [["UUEE", "UDYZ", "OIII"]]


def test_crew_change_at_is_a_stop_and_considered_flights_are_not_legs():
    legs = _legs("A C-17 lifted off from Dover Air Force Base. After a crew change at Ramstein Air Base, "
                  "the C-17 flew on to Incirlik Air Base. Further flights to Romania were being considered.")
    assert legs == [["Dover Air Force Base", "Ramstein Air Base", "Incirlik Air Base"]]


def test_a_flight_that_began_at_gives_the_origin():
    legs = _legs("An Il-76 landed at Bamako on Thursday, completing a flight that began at the Chkalovsky "
                  "airfield. The aircraft first flew to Hmeimim air base, then stopped at Benina airport "
                  "before heading on to the Malian capital.")
    assert legs[0][0] == "Chkalovsky airfield" and legs[0][1] == "Hmeimim air base"


def test_most_of_the_contingent_deployed_elsewhere_is_no_leg():
    legs = _legs("Two Il-76s landed at Kant air base after flying in from Orenburg. "
                  "Most of the contingent was deployed to Almaty.")
    assert legs == [["Orenburg", "Kant air base"]]


def test_dateline_with_country_is_the_filing_date():
    from routes.extract import read_text as _rt
    f = _rt("SAL, Cape Verde, Nov 14, 2019 (Reuters) - An An-124 landed at Sal on Tuesday "
            "after flying in from Ulyanovsk.").flights[0]
    assert f.date == "2019-11-12"  # Tuesday, counted back from Thursday 14 November


def test_people_brought_aboard_ships_is_no_leg():
    legs = _legs("The C-17 departed from Jeddah on April 27 and landed at Hindon air base. "
                   "Most evacuees had been brought from Port Sudan to Jeddah aboard Indian Navy ships.")
    assert legs == [["Jeddah", "Hindon air base"]]


def test_office_moved_to_a_city_is_no_leg():
    legs = _legs("The C-17 departed from Jeddah and landed at Hindon air base. "
                   "The embassy has temporarily moved its operations to Port Sudan.")
    assert legs == [["Jeddah", "Hindon air base"]]


def test_home_towns_of_passengers_are_no_route():
    legs = _legs("An Il-76 landed in Managua after departing from Minsk. On board were 11 observers, "
                   "who came from Minsk, Grodno and Brest. \"We leave with one suitcase,\" said Claire, "
                   "a teacher originally from Lyon. The plane, with 200 pilgrims from Qom and Mashhad on board, was full.")
    assert legs == [["Minsk", "Managua"]]


def test_generic_airport_words_name_no_airport():
    legs = _legs("The Il-76 departed from Minsk National Airport with a stopover in Havana and landed in Managua.")
    assert len(legs) == 1 and legs[0][1:] == ["Havana", "Managua"] and "National Airport" not in legs[0]


def test_demonym_capital_is_a_destination():
    legs = _legs("The first Il-76 touched down in the Kazakh capital on 7 January 2022. "
                   "The aircraft flew in from Russia.")
    assert legs == [["Russia", "Kazakh capital"]]


def test_first_stop_was_names_a_stopover():
    legs = _legs("We took off from Anapolis air base on 8 March. The first stop was Recife. "
                   "Then we landed in Lisbon.")
    assert legs == [["Anapolis air base", "Recife", "Lisbon"]]


def test_before_that_origin_goes_first():
    legs = _legs("The Il-76 landed at Bamako on Tuesday. The aircraft had come in from Benghazi. "
                   "Before that it had started its journey at Hmeimim air base.")
    assert legs == [["Hmeimim air base", "Benghazi", "Bamako"]]


def test_money_transferred_is_no_leg():
    legs = _legs("The A330 departed from Tehran on September 18, shortly after officials confirmed "
                   "that $6 billion in funds had been transferred from South Korea to accounts in Doha. "
                   "It landed in Doha.")
    assert legs == [["Tehran", "Doha"]]


def test_a_second_typed_aircraft_is_a_new_flight():
    legs = _legs("An A330 took off from Niamey and landed at Charles de Gaulle airport on August 2. "
                   "A second A330 from Niamey touched down at Roissy-Charles de Gaulle on August 3.")
    assert legs == [["Niamey", "Charles de Gaulle airport"], ["Niamey", "Roissy-Charles de Gaulle"]]


def test_number_words_between_stop_and_place():
    legs = _legs("The Il-76 departed from Mozdok on 2 May, made a stop of about forty minutes at Baku "
                   "and continued to Damascus.")
    assert legs == [["Mozdok", "Baku", "Damascus"]]


def test_started_the_day_in_and_dropped_into_for_fuel():
    legs = _legs("The An-124 started the day in Almaty, dropped into Baku for fuel, then made another "
                   "stop at Vienna before the short hop into Frankfurt.")
    assert legs == [["Almaty", "Baku", "Vienna", "Frankfurt"]]


def test_claim_that_could_not_be_verified_is_no_leg():
    legs = _legs("On 3 May an Il-76 flew from Mozdok to Latakia. Reports that a second plane diverted "
                   "towards Aleppo could not be verified.")
    assert legs == [["Mozdok", "Latakia"]]


def test_the_island_nations_main_airport_is_the_country_named_before():
    from routes.gazetteer import lookup as _lookup
    legs = _legs("Answering a request from the Government of Fiji, a C-130 took off from Brisbane on "
                   "4 March carrying aid. The aircraft landed at the island nation's main airport later that day.")
    assert len(legs) == 1 and legs[0][0] == "Brisbane" and len(legs[0]) == 2
    dest = _lookup(legs[0][1])[0]
    assert dest.kind == "airport" and dest.country == "FJ"


def test_ship_dispatched_from_a_port_is_no_leg():
    legs = _legs("The C-17 took off from Delhi on 11 August and landed at Male. Earlier, a coast guard "
                   "ship had been dispatched from Chennai with more equipment.")
    assert legs == [["Delhi", "Male"]]


def test_a_night_on_the_island_makes_the_place_before_a_stop():
    legs = _legs('The KC-390 took off from Recife on 3 March. "The first land we saw was at Sal," said a '
                   "sergeant, who grew up in Porto. After a night on the island, the jet flew on to Lisbon, "
                   "where it took on fuel and a mail shipment bound for Madrid. It finally landed at Brussels.")
    assert legs == [["Recife", "Sal", "Lisbon", "Brussels"]]


def test_a_flat_denial_voids_the_claims_before_it():
    legs = _legs("Activists said on Sunday that tracking data showed an Il-62 flying from Minsk to Havana. "
                   '"No Belarusian plane has landed in Cuba this month," an official said.')
    assert legs == []


# --- blind11 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # "topped up again at X": a fuel stop
    ("The C-130 left Oslo, flew to Keflavik for fuel and topped up again at Gander before landing in Halifax.",
     [["Oslo", "Keflavik", "Gander", "Halifax"]]),
    # "lifted off KDOV", "off X at 10:05Z"; "into X" is an arrival even after "heading"
    ("Lifted off EGLL at 08:10Z. Climbing out heading south, into LFPG at 09:20Z. Off LFPG at 11:00Z and down into LEMD.",
     [["EGLL", "LFPG", "LEMD"]]),
    # the state of a place between the cue and its name
    ("An Il-76 took off from Moscow bound for quake-hit Turkey and landed in Adana.", [["Moscow", "Adana"]]),
    # conjecture: "analysts expect", "Claim:", "on standby to", "originally"
    ("An A400M flew from Toulouse to Bamako. Officials expect the next plane to go to Niamey.", [["Toulouse", "Bamako"]]),
    ("Claim: a Polish C-130 flew troops from Warsaw to Kinshasa. Verdict: false.", []),
    ("An A400M flew from Evreux to Niamey. A CN-235 is on standby to carry teams from Niamey to Agadez.",
     [["Evreux", "Niamey"]]),
    ("The C-17 flew from Dover to Ramstein. It had originally been meant to stop in Shannon.", [["Dover", "Ramstein"]]),
    # a correction's retracted version and a headline that calls a flight off
    ("Correction: a previous version of this story said the plane landed in Gao. It landed in Bamako after leaving Dakar.",
     [["Dakar", "Bamako"]]),
    ("Belarusian relief flight to Nepal called off\n\nThe Il-76 had been loaded at Machulishchy.", []),
    # "no record of" a landing
    ("The airport authority said it had no record of any military aircraft landing at Kigali.", []),
    # "the 40-year-old from X" says where the pilot is from
    ("The 40-year-old from Lyon flew the A400M from Orleans to Abidjan.", [["Orleans", "Abidjan"]]),
    # "made a refuelling halt in X"
    ("The C-17 left Delhi, made a short refuelling halt in Muscat and landed in Jeddah.", [["Delhi", "Muscat", "Jeddah"]]),
    # a French numbered air base
    ("An A400M took off from air base 123 Orléans-Bricy and landed in Niamey.", [["Orléans-Bricy", "Niamey"]]),
    # "continued home to X" ends the same flight
    ("On Monday the A400M flew patients out of Skopje to Vienna, and then continued home to Wunstorf.",
     [["Skopje", "Vienna", "Wunstorf"]]),
    # a country told as a second start is where the people came from
    ("The C-17 took off from Nairobi. It carried 150 evacuees from Sudan and landed at Hindon air base.",
     [["Nairobi", "Hindon air base"]]),
    # "and the X team is travelling by road" is a clause of its own
    ("It flew straight to Herat, and the Kabul team is travelling by road instead.", []),
])
def test_general_rules_from_blind11(text, legs):
    got = _legs(text)
    assert got == legs


def test_dates_counted_back_from_the_publication_date():
    text = ("BRASÍLIA, 16 September 2024 (Wire) - The KC-390 took off from Recife on the 14th "
            "and landed in Lisbon.")
    assert read_text(text).flights[0].date == "2024-09-14"  # the accented dateline is no flight date
    text = ("Weekly Courier - Friday, 16 May 2025\nThe A400M that took off from Wunstorf last Tuesday "
            "landed in Sarajevo.")
    assert read_text(text).flights[0].date == "2025-05-13"
    text = "Morning show, Sunday 3 November 2024\nThe Voyager left Kathmandu yesterday evening and landed at Brize Norton."
    assert read_text(text).flights[0].date == "2024-11-02"
    text = "Two A400Ms took off on 14/03/2025 from Kayseri and landed in Mogadishu."
    assert read_text(text).flights[0].date == "2025-03-14"
    text = "Flight log (Tue 11 Feb 2025)\nA C-5M lifted off KDOV and landed at Rota. Touchdown on the 12th."
    assert read_text(text).flights[0].date == "2025-02-11"  # the 12th is the next day, not last month's


def test_a_name_means_the_place_another_mention_names_for_sure():
    from routes.geocode import resolve
    (f,) = resolve(read_text("The 747 touched down at Bole on Thursday after leaving LEJ. "
                             "It had put down at LEJ for fuel before continuing to ADD.")).flights
    assert f.stops[-1].place.country == "ET"


def test_the_air_base_here_is_the_dateline_place():
    (f,) = read_text("WUNSTORF - The A400M took off from the air base here on Tuesday and landed in Sarajevo.").flights
    assert [s.ref.text for s in f.stops] == ["WUNSTORF", "Sarajevo"]


def test_return_leg_told_without_places_is_a_flight_back():
    flights = read_text("The Il-76 took off from Mashhad and landed in Kabul with 40 tonnes of aid. "
                        "On the return leg, the plane brought home 27 citizens.").flights
    assert [[s.ref.text for s in f.stops] for f in flights] == [["Mashhad", "Kabul"], ["Kabul", "Mashhad"]]
    assert flights[1].personnel == 27


def test_live_blog_told_newest_first_is_read_oldest_first():
    text = ("Evacuation live\n\n"
            "21:10 CET\nThe A400M has landed at Evreux after a fuel stop in Marseille.\n\n"
            "16:30 CET\nThe A400M has taken off from Niamey with 120 people.\n\n"
            "12:05 CET\nThe Transall that left Agadez this morning has landed at Niamey with 40 nationals.\n")
    r = read_text(text)
    assert [[s.ref.text for s in f.stops] for f in r.flights] == [["Agadez", "Niamey"], ["Niamey", "Marseille", "Evreux"]]
    for f in r.flights:
        assert all(text[e.start:e.end] == e.text for e in f.evidence)


def test_commander_ranks_and_the_aircrafts_captain():
    (f,) = read_text("An A400M took off from Orleans and landed in Djibouti under the command of "
                     "Lieutenant-Colonel Anne Marchal.").flights
    assert f.commander == "Anne Marchal"
    (f,) = read_text("The Voyager flew from Akrotiri to Birmingham. The aircraft's captain, Flight Lieutenant "
                     "Sam Reed, was told to divert.").flights
    assert f.commander == "Sam Reed"


def test_aircraft_named_to_compare_and_people_with_a_past():
    (f,) = read_text("A Y-20 flew from Chengdu to Karachi with 90 engineers. The fleet is small compared with "
                     "the American C-17 force.").flights
    assert f.aircraft == ("Y-20",)
    (f,) = read_text("The Voyager flew from Kathmandu to Akrotiri - 212 people on board, tourists who were "
                     "caught up in last week's earthquake.").flights
    assert f.personnel == 212


# --- blind12 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # an aircraft "being readied" to fly somewhere has not flown
    ("A C-130 took off from Darwin and landed in Dili. Another plane is being readied to carry tents to Baucau.",
     [["Darwin", "Dili"]]),
    # two aircraft flew together; then one of them went on alone: a flight of its own
    ("A C-17 and a C-130 left Townsville together and landed in Honiara on Monday. "
     "On Tuesday the C-130 went on to Munda with the medical team.",
     [["Townsville", "Honiara"], ["Honiara", "Munda"]]),
    # ", the capital of X department" only describes the city before it
    ("The KC-390 left Anapolis and landed at Cobija, the capital of Pando department, at noon.",
     [["Anapolis", "Cobija"]]),
    # a landing "to refuel" is a stop, also with a locator between
    ("The C-17 left Travis, put down in Hilo on the Big Island to refuel and landed in Apia.",
     [["Travis", "Hilo", "Apia"]]),
    # "called at X" is a call on the way
    ("The freighter flew out of Liege, called at Cairo to unload spare parts and continued to Nairobi.",
     [["Liege", "Cairo", "Nairobi"]]),
    # staying "on the ground at X", a landing that "was considered", weather "brought to" places
    ("Two transports remained on the ground at Tocumen on Friday. Landing at David, some 400 km west, "
     "was considered. The storm brought heavy rain to Colon and Chiriqui.", []),
    # air arms' base names: "RAAF Base X", "CFB X"; "X International in <city>" is that city's airport
    ("The C-17 flew out of RAAF Base Amberley and landed at Jacksons International in Port Moresby.",
     [["RAAF Base Amberley", "Port Moresby airport"]]),
    ("The Hercules left CFB Trenton and landed in Iqaluit.", [["CFB Trenton", "Iqaluit"]]),
])
def test_general_rules_from_blind12(text, legs):
    got = _legs(text)
    assert got == legs


def test_one_aircraft_going_on_alone_keeps_only_its_type():
    flights = read_text("A C-17 and a C-130 left Townsville together and landed in Honiara on Monday. "
                        "On Tuesday the C-130 went on to Munda with 9 tonnes of food.").flights
    assert [f.aircraft for f in flights] == [("C-17", "C-130"), ("C-130",)]
    assert flights[1].cargo_tonnes == 9.0


@pytest.mark.parametrize("text, name", [
    ("The Hercules flew from Ohakea to Nadi with ten medics, the team under Wing Commander Aroha Ngata.", "Aroha Ngata"),
    ("The A400M flew from Zaragoza to Dakar. The mission chief, Major Lucia Ferrer, praised the crew.", "Lucia Ferrer"),
    ("The C-130 flew from Nuuk to Iqaluit. \"Great trip,\" said chef de mission Aputsiaq Berthelsen.", "Aputsiaq Berthelsen"),
    # a year told after the name does not make the leader someone of another time
    ("The KC-390 flew from Recife to Lisbon. \"We know floods,\" said the mission chief, Colonel Paulo Reis, "
     "recalling the floods of 2019.", "Paulo Reis"),
])
def test_commander_cues_from_blind12(text, name):
    (f,) = read_text(text).flights
    assert f.commander == name


def test_people_counts_from_blind12():
    (f,) = read_text("An A330 flew from Bangkok to Manila with one hundred and twelve Filipinos who had been stranded.").flights
    assert f.personnel == 112  # a nationality in the plural counts people
    (f,) = read_text("An Il-76 flew from Almaty to Osh with tents for 400 people and 12 tonnes of food.").flights
    assert f.personnel is None  # what the tents can shelter
    (f,) = read_text("Four Chinese Y-20 transports flew from Urumqi to Islamabad with 30 Chinese engineers.").flights
    assert f.personnel == 30  # "Four Chinese Y-20": an adjective, not four people


# --- blind13 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # a route of airport codes one line per leg is one flight with its stops
    ("The routing was:\nEGLL - LPLA (fuel)\nLPLA - TXKF\n", [["EGLL", "LPLA", "TXKF"]]),
    # a filed plan "ORIG DEST 0100Z": where the flight was to go; a diversion replaces it
    ("The filing read \"EDDF LEMD 0900Z 02MAY\". The A330 flew to Madrid. The return filing, "
     "LEMD EDDF 1400Z 04MAY, ended when the jet diverted to Cologne.",
     [["EDDF", "Madrid"], ["LEMD", "Cologne"]]),
    # a surface leg told later in the same clause leaves the landing before it alone
    ("The Hercules took off from Kano and landed in Jos, and from there the boxes went by road to Bauchi.",
     [["Kano", "Jos"]]),
    # "no aircraft has left X", "no stop in X", "a stop in X had been planned", "urged to ... via X"
    ("Officials said no aircraft has left Lisbon for Bissau yet.", []),
    ("The Il-76 took off from Minsk and flew to Hanoi. No stop in Tashkent was made.", [["Minsk", "Hanoi"]]),
    ("The C-130 left Lyon and landed in Tunis. A fuel stop in Palermo had been planned.", [["Lyon", "Tunis"]]),
    ("Citizens are urged to use the remaining ferries via Piraeus or Izmir.", []),
    ("An official said a charter via Nairobi was \"equally possible\".", []),
    # a question asks, it does not tell
    ("Q: Did the jet stop in Dubai on the way?\nA: No, it flew from Karachi to Doha.", [["Karachi", "Doha"]]),
    # "touchdown at", "settled onto the runway of", "climbed the ramp ... at", "wheels up from"
    ("- 09:10 - The A400M takes off from Orleans.\n- 12:40 - Touchdown at Tirana.", [["Orleans", "Tirana"]]),
    ("The band climbed the ramp of a C-27J at Rome's Ciampino airport. At dusk the plane settled onto "
     "the runway of Tirana airport.", [["Ciampino airport", "Tirana airport"]]),
    ("Wheels up from Riyadh at dawn. We land at Amman at noon.", [["Riyadh", "Amman"]]),
    # a stop told as a noun with its verb after it; "staged through X"
    ("The jet left Vienna. A technical landing was made at Ankara for fuel. It arrived in Baghdad.",
     [["Vienna", "Ankara", "Baghdad"]]),
    ("The C-17 left Dover and staged through Lajes before landing in Naples.", [["Dover", "Lajes", "Naples"]]),
    # "X back to Y" without a verb is the way back
    ("The Il-78 flew from Lahore to Urumqi. Two days later, the same aircraft, Urumqi back to Lahore, carried doses.",
     [["Lahore", "Urumqi"], ["Urumqi", "Lahore"]]),
])
def test_general_rules_from_blind13(text, legs):
    got = _legs(text)
    assert got == legs


def test_headline_place_gives_way_to_the_body():
    text = ("How the airlift out of Tripoli went\n\nThe C-130 left Valletta at dawn and landed in Tripoli. "
            "It left Tripoli with 40 evacuees and landed back in Valletta.")
    got = _legs(text)
    assert got == [["Valletta", "Tripoli"], ["Tripoli", "Valletta"]]


def test_code_in_brackets_decides_the_place():
    (f,) = read_text("The C-17 left Hindon and staged through Mahé (SEZ) before landing in Port Louis.").flights
    assert [s.ref.text for s in f.stops][1] == "Seychelles International Airport"


def test_name_said_to_be_an_air_base_near_a_city():
    (f,) = read_text("A C-130 flew from Santa Lucía, the air base north of Mexico City, to Monterrey.").flights
    assert f.stops[0].ref.text == "Santa Lucia Air Force Base"


def test_timeline_entries_take_the_day_they_are_under():
    text = ("- Mon 6 May 2024, 21:00 - Ministers agree a flight.\n"
            "- Tue 7 May, 06:10 - The A400M takes off from Brize Norton.\n"
            "- 11:30 - It lands at Akrotiri.\n")
    (f,) = read_text(text).flights
    assert f.date == "2024-05-07"


def test_dates_from_blind13():
    # "N days before that X" counts back from the date told before
    (f,) = read_text("The festival opened on 9 June 2023. Two days before that concert the C-295 flew "
                     "from Tallinn to Riga.").flights
    assert f.date == "2023-06-07"
    # "Saturday's vote" is the day of another event
    (f,) = read_text("WARSAW, Nov. 9, 2023 - Ahead of Saturday's vote, a C-130 flew yesterday from Krakow to Gdansk.").flights
    assert f.date == "2023-11-08"
    # a day written as an ordinal word; "the return was <day>" dates the way back
    flights = read_text("The Il-76 flew from Kabul to Tashkent on 28 January 2021. The return was Monday, "
                        "the first of February. Tashkent back to Kabul, with doses.").flights
    assert [f.date for f in flights] == ["2021-01-28", "2021-02-01"]


@pytest.mark.parametrize("text, name", [
    ("Our guide, Dana Kowalczyk, who led the party, waved. The C-295 flew from Gdansk to Oslo.", "Dana Kowalczyk"),
    ("The team was headed by Commissioner Mrs. Ada Nwosu. The C-130 flew from Lagos to Kano.", "Ada Nwosu"),
])
def test_commander_cues_from_blind13(text, name):
    (f,) = read_text(text).flights
    assert f.commander == name


def test_surname_alone_is_the_full_name_told_before():
    text = ("The A330 flew from Seoul to Almaty with 20 people led by Minister Kim Min-ho. "
            "The jet flew back to Seoul on Friday. Minister Kim again headed the delegation.")
    flights = read_text(text).flights
    assert [f.commander for f in flights] == ["Kim Min-ho", "Kim Min-ho"]


def test_leader_who_flew_both_legs_leads_the_way_back():
    text = ("The Il-78 flew from Lahore to Beijing, commanded by Squadron Leader Amna Rauf, who flew both legs. "
            "It flew back to Lahore the next day.")
    assert [f.commander for f in read_text(text).flights] == ["Amna Rauf", "Amna Rauf"]


def test_people_counts_from_blind13():
    (f,) = read_text("The C-17 flew from Doha to Kabul. 30 of us went, plus two dogs.").flights
    assert f.personnel == 30  # "N of us"
    (f,) = read_text("The C-295 flew from Astana to Almaty with thirty-one musicians.").flights
    assert f.personnel == 31
    (f,) = read_text("The KC-390 carried 70 deported Brazilians from Boa Vista to Recife.").flights
    assert f.personnel == 70  # a participle between the number and the nationality
    (f,) = read_text("The C-130 flew from Accra to Tamale. Plus 12 pax in the back.").flights
    assert f.personnel == 12  # "pax": passengers
    (f,) = read_text("About 300 people say they want to leave. The C-130 flew from Larnaca to Beirut "
                     "with a six-person team.").flights
    assert f.personnel == 6  # people who only want to go are not aboard
    (f,) = read_text("The Il-76 flew from Moscow to Minsk with one thousand eight hundred kilograms of parts.").flights
    assert f.cargo_tonnes == 1.8


# --- blind14 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # a hedge of another subject before ", and the crew" leaves the landing after it alone
    ("The A400M could not cross in one go, and the crew put down at Lajes before flying on to Recife.",
     [["Lajes", "Recife"]]),
    # a tracker's log: "arrived XXXX", "landed XXXX", "Leg 2:" goes on with the same flight
    ("Leg 1: departed EGLL at 10:00Z, arrived LPLA at 14:00Z.\nLeg 2: departed LPLA at 16:00Z, landed TXKF at 21:00Z.",
     [["EGLL", "LPLA", "TXKF"]]),
    # "First landing: X" is a stop
    ("The Il-76 lifted off from Algiers. First landing: Ghardaia. It landed at Niamey later.",
     [["Algiers", "Ghardaia", "Niamey"]]),
    # "nor did it stop at X", ships carrying relief, a denial in a headline
    ("The jet flew from Delhi to Hanoi. Nor did it stop at Kolkata.", [["Delhi", "Hanoi"]]),
    ("The Il-76 flew from Moscow to Dhaka. Navy ships are carrying relief to Chittagong.", [["Moscow", "Dhaka"]]),
    ("Iran denies cargo flight to Sudan", []),
    # an idea of flying, a news site's claim, people who made their own way
    ("Officials floated the idea of flying instead to Amman.", []),
    ("A news site said the Il-76 had taken off from Tabriz and landed at Khartoum.", []),
    ("The plane flew from Minsk to Baku. Others had earlier left via Tbilisi and made their own way home.",
     [["Minsk", "Baku"]]),
    # a pluperfect departure from elsewhere is a flight flown before the one told
    ("The KC-30 took off from Beirut and landed in Recife. The same aircraft had left Manaus on Wednesday bound "
     "for Beirut, by way of Lisbon.", [["Manaus", "Lisbon", "Beirut"], ["Beirut", "Recife"]]),
    # landing back where the flight began is the way back
    ("The Il-76 took off from Minsk and landed in Ashgabat. The crew rested; the plane landed at Minsk on Thursday.",
     [["Minsk", "Ashgabat"], ["Ashgabat", "Minsk"]]),
    # a city told as an area is no place landed at
    ("Help arrives in Valparaíso region. The A400M flew from Madrid to Santiago.", [["Madrid", "Santiago"]]),
    # a bulletin's next item is another story
    ("SOMALIA. Two C-130s flew from Cairo to Mogadishu.\n\nITALY. Forty people have arrived in Italy. "
     "Their C-130J took off from Pisa and landed in Rome.", [["Cairo", "Mogadishu"], ["Pisa", "Rome"]]),
])
def test_general_rules_from_blind14(text, legs):
    got = _legs(text)
    assert got == legs


def test_air_base_told_by_the_city_it_is_outside():
    # "an air base outside the Gulf state's capital, Abu Dhabi" is the city's air base
    (f,) = read_text("The A400M left Wunstorf and made a stop at an air base outside the Gulf state's "
                     "capital, Abu Dhabi, before flying on to Darwin.").flights
    assert [s.ref.text for s in f.stops][1] == "Abu Dhabi-Al Dhafra AB Airport"


def test_aircraft_a_type_is_built_on_and_weights_are_no_people():
    (f,) = read_text("The KC-30, a military version of the Airbus A330, flew from Recife to Lisbon with "
                     "11 tonnes of police equipment. Eight police advisers travelled too.").flights
    assert f.aircraft == ("A330 MRTT",)
    assert f.personnel == 8
    (f,) = read_text("A Y-20, broadly comparable to the American C-17, flew from Guangzhou to Honiara.").flights
    assert f.aircraft == ("Y-20",)


def test_people_who_asked_to_leave_are_not_carried():
    (f,) = read_text("The KC-30 flew from Lisbon to Beirut. Some 3,000 citizens have asked to leave.").flights
    assert f.personnel is None


# --- blind15 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # "stopped twice on the way, at X and at Y": both are stops, in the order told
    ("The C-130 left Lyon, stopped twice along the way, at Tunis and at Niamey, and landed in Abuja.",
     [["Lyon", "Tunis", "Niamey", "Abuja"]]),
    # an air base "in east <city>" is that city; the "for" after it still names where it went
    ("A C-295 left an air base in west Algiers on Monday for the Malian capital Bamako.", [["Algiers", "Bamako"]]),
    # a place the passengers had left on their own is not where the plane started
    ("The A400M brought back 40 people who had left Lebanon; it flew from Larnaca to Toulouse.",
     [["Larnaca", "Toulouse"]]),
    # seats on (airline) flights, and carriers that stopped flying somewhere, are no legs
    ("The jet flew from Cairo to Rome. Officials are working to add seats on flights to Paris and Berlin.",
     [["Cairo", "Rome"]]),
    ("The KC-390 flew from Recife to Lisbon. Most carriers have stopped flying to Beirut.", [["Recife", "Lisbon"]]),
    # a verb of landing before the place is the move; a wish told later in the clause is someone else's
    ("A C-17 landed in Nicosia on Monday, the first of many flights for people trying to leave the region. "
     "It had taken off from Haifa.", [["Haifa", "Nicosia"]]),
    # "the capital" alone: the capital of the country named just before
    ("The Il-76 left Minsk and landed in Hanoi. It took off from Hanoi and stopped in Vitebsk before going on to the capital.",
     [["Minsk", "Hanoi"], ["Hanoi", "Vitebsk", "Minsk"]]),
])
def test_general_rules_from_blind15(text, legs):
    got = _legs(text)
    assert got == legs


def test_opening_that_the_plane_came_home_sums_up_the_trip():
    # the lead tells the end ("returned to X with N people"); the body tells the trip from X
    text = ("An A400M returned to Warsaw on Sunday with 60 evacuees.\n\n"
            "The plane flew out of Warsaw on Saturday and landed in Tel Aviv. It left Tel Aviv on Sunday "
            "and refuelled in Sofia before continuing to Warsaw.")
    flights = read_text(text, year=2023).flights
    assert [[s.ref.text for s in f.stops] for f in flights] == [["Warsaw", "Tel Aviv"], ["Tel Aviv", "Sofia", "Warsaw"]]
    assert [f.personnel for f in flights] == [None, 60]
    assert all(f.aircraft == ("A400M",) for f in flights)


def test_date_of_a_clause_that_tells_the_move_comes_before_other_events():
    # with no date where the places are told, the day the plane was sent beats the day of the storm
    text = ("ROME, March 6, 2024 - Italy on Tuesday sent 8 tonnes of aid aboard a C-130J. "
            "The aircraft took off from Pisa and landed in Tirana. A storm hit the coast late on Sunday.")
    (f,) = read_text(text).flights
    assert f.date == "2024-03-05"


@pytest.mark.parametrize("text, name", [
    # the name told first, then its role on board
    ("The C-17 flew from Dover to Ramstein. \"It went well,\" said Maj. Ana Ruiz, the aircraft commander.", "Ana Ruiz"),
    # "led by their commanding officer, <rank> <name>"
    ("The troops flew from Brize Norton to Akrotiri. They are led by their commanding officer, Major Ben Cole, "
     "who flew with them.", "Ben Cole"),
])
def test_commander_cues_from_blind15(text, name):
    (f,) = read_text(text).flights
    assert f.commander == name


# --- blind16 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # an arrival followed by "where the crew rested overnight before ..." is a stop on the way
    ("A KC-390 reached Maputo on Friday. It left Lisbon on Wednesday, refuelled in Dakar and went on to Kinshasa, "
     "where the crew rested overnight before the last hop.", [["Lisbon", "Dakar", "Kinshasa", "Maputo"]]),
    # a base told by what it lies next to: the cue before the base is the place's
    ("The Hercules took off from the air force's Group 5 base next to Lima airport and landed in Cusco.",
     [["Lima airport", "Cusco"]]),
    # airline services to a city are no flight
    ("The A319 flew from Prague to Baku. Critics said regular connections to Baku via Istanbul exist.",
     [["Prague", "Baku"]]),
    # a tally that counts this flight among earlier ones tells no new route
    ("A C-17 left Dover and landed at Rota. For context: this is the fifth C-17 from Dover to reach Spain since Monday.",
     [["Dover", "Rota"]]),
])
def test_general_rules_from_blind16(text, legs):
    got = _legs(text)
    assert got == legs


def test_other_aircraft_told_as_several_others_are_not_this_flights():
    text = ("A C-17 left Dover and landed at Rota. Several others have gone from Ramstein, "
            "and there is more KC-135 traffic as well.")
    assert [f.aircraft for f in read_text(text).flights] == [("C-17",)]


def test_weekday_after_scheduled_for_is_ahead_of_the_report():
    from routes.extract.dates import find_dates
    text = "Lusaka, May 8, 2025\n\nThe plane landed on Wednesday. Another flight is scheduled for Saturday."
    days = {d.text: d.iso for d in find_dates(text)}
    assert days["Wednesday"] == "2025-05-07" and days["Saturday"] == "2025-05-10"


def test_place_and_date_on_a_line_of_their_own_are_a_dateline():
    text = "Aid flight lands\nLusaka, May 8, 2025\n\nAn A400M flew from Nairobi to Lusaka on Wednesday."
    assert read_text(text).flights[0].date == "2025-05-07"


def test_kilos_and_task_force_counts():
    f = read_text("A C-130 flew from Lima to Quito with a 9-member medical task force and 4,200 kilos of tents.").flights[0]
    assert (f.cargo_tonnes, f.personnel) == (4.2, 9)


def test_commander_rank_with_a_corps_in_brackets():
    text = "A C-130 flew from Surabaya to Darwin with a medical team led by Major (Med) dr. Siti Rahma."
    assert read_text(text).flights[0].commander == "Siti Rahma"


def test_armed_forces_and_time_zone_acronyms_are_no_airports():
    # "from the TNI" (armed forces) and "06.00 WIB" (a time zone) name no airfield
    text = ("The C-130 left Jakarta at 07.00 WIB and landed in Darwin. "
            "It carried a team of 10 medics from the TNI.")
    f = read_text(text).flights
    assert [[s.ref.text for s in x.stops] for x in f] == [["Jakarta", "Darwin"]]
    assert f[0].personnel == 10


# --- blind17 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # "City's NAME domestic airport": the city's airport of that name, not a namesake town
    ("A C-130J took off from Nouméa's Magenta domestic airport and landed in Sydney.",
     [["Nouméa Magenta domestic airport", "Sydney"]]),
    # words describing a facility ("military air base") still make the name an airfield's
    ("Two planes left the Santa Lucía military air base at dawn and landed in Havana.",
     [["Santa Lucía air base", "Havana"]]),
    # earlier shipments to other places are background, not legs of this flight
    ("An Il-76 flew from Moscow to Luanda. Previous consignments of grain were sent to Kenya and Uganda.",
     [["Moscow", "Luanda"]]),
    # "last week's earthquake" dates the quake, not the flight
    ("A Y-20 with aid for victims of last week's earthquake landed in Kathmandu after flying in from Lhasa.",
     [["Lhasa", "Kathmandu"]]),
])
def test_general_rules_from_blind17(text, legs):
    got = _legs(text)
    assert got == legs


def test_relative_clause_about_a_storm_does_not_make_the_load_background():
    text = ("An Il-76 flew from Moscow to Beira. It carried 20 tonnes of tents for villages hit by the storm "
            "that struck the coast earlier this month.")
    assert read_text(text).flights[0].cargo_tonnes == 20


def test_dateline_without_year_takes_the_year_of_its_lead():
    text = "HANOI, June 6 (VNA) -- Troops for the Sea Shield 2023 drill flew from Kunming to Hanoi on Monday."
    assert read_text(text).flights[0].date == "2023-06-05"


def test_mixed_case_dateline_before_a_dash():
    text = "Cologne, 9 May 2024 – An A400M took off from Cologne on Tuesday and landed in Niamey."
    assert read_text(text).flights[0].date == "2024-05-07"


def test_people_an_exercise_brings_together_are_not_aboard():
    from routes.extract.numbers import personnel_mentions
    text = "The C-17 carried 40 soldiers. The drill brings together more than 2,000 personnel from 20 nations."
    assert [q.value for q in personnel_mentions(text)] == [40]


# --- blind18 rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text, legs", [
    # people who "departed" an airfield flew, even with no aircraft word in the clause
    ("About 90 engineers departed RAF Lossiemouth on Monday. The jet later landed in Reykjavik.",
     [["RAF Lossiemouth", "Reykjavik"]]),
    # "landed at Wing 6 in X": a numbered part of the airfield lies in X
    ("The transport left Kabul and landed at Hangar 4 in Islamabad on Friday.",
     [["Kabul", "Islamabad"]]),
    # the arrival told first, the departure after it: still one flight
    ("An air force jet with 90 students landed at Terminal 2 in Delhi on Sunday. "
     "The Boeing had left Kyiv on Saturday.",
     [["Kyiv", "Delhi"]]),
])
def test_general_rules_from_blind18(text, legs):
    got = _legs(text)
    assert got == legs


def test_an_owners_airport_is_the_namesake_in_the_owners_country():
    f = resolve(read_text("A C-130 took off from Bogota's El Dorado airport and landed in Cali.")).flights[0]
    assert f.stops[0].place.country == "CO"


def test_headline_countries_are_the_plan_when_the_body_tells_the_flight():
    text = ("President heads for Kenya, Ethiopia on African tour\n\n"
            "The president left Lisbon airport on Monday. The Airbus arrived in Nairobi in the evening.")
    assert _legs(text) == [["Lisbon airport", "Nairobi"]]


def test_two_small_towns_side_by_side_name_no_place():
    text = "A Casa C-295 flew medics from Maputo to Pemba, the provincial capital of Cabo Delgado."
    assert _legs(text) == [["Maputo", "Pemba"]]


def test_a_surname_alone_after_a_cue_takes_the_full_name_told_before():
    text = ("Foreign Minister Ana Lindqvist flew from Stockholm to Warsaw on Monday aboard a government jet. "
            "The group, led by Lindqvist, includes four officials.")
    assert read_text(text).flights[0].commander == "Ana Lindqvist"


def test_a_way_back_told_by_the_hour_is_on_the_day_of_the_flight_out():
    text = ("An A400M flew from Kayseri to Beirut on 3 March 2025. "
            "After three hours on the ground it flew back to Kayseri.")
    assert [f.date for f in read_text(text).flights] == ["2025-03-03", "2025-03-03"]


def test_migrants_and_deportees_are_people_aboard():
    from routes.extract.numbers import personnel_mentions
    text = "The jet carried 140 migrants; a second took 60 deportees."
    assert [q.value for q in personnel_mentions(text)] == [140, 60]


# --- blind19 rules ----------------------------------------------------------------------


def test_a_disaster_told_with_where_does_not_date_the_flight_to_another_time():
    text = ("An Il-76 departed Chkalovsky in the morning with tents for villages where storms "
            "caused landslides last week. It landed in Dushanbe.")
    assert _legs(text) == [["Chkalovsky", "Dushanbe"]]


def test_boarding_a_plane_with_a_long_name_at_a_base_is_the_origin():
    text = ("The 120 marines boarded an Air and Space Force A400M Atlas at Orléans air base. "
            "The aircraft arrived at Niamey airport in the evening.")
    assert _legs(text)[0][0].startswith("Orléans")


def test_how_troops_travelled_until_now_is_no_stop():
    text = ("An A400M flew from Wunstorf to Bamako on 3 May 2024. "
            "Until now, German soldiers had travelled there via Dakar.")
    assert _legs(text) == [["Wunstorf", "Bamako"]]


def test_people_counted_with_a_dotted_adjective_and_patients():
    from routes.extract.numbers import personnel_mentions
    text = "Nine U.S. service members flew with 30 patients."
    assert [q.value for q in personnel_mentions(text)] == [9, 30]


def test_a_second_take_off_without_places_belongs_to_the_next_leg():
    text = ("An Airbus flew from Madrid to Dakar on 2 June 2024. "
            "Hours later it took off again with 40 people aboard, and landed back at Madrid.")
    assert [f.personnel for f in read_text(text).flights] == [None, 40]


# --- blind20 rules ----------------------------------------------------------------------


def test_a_count_of_flights_over_a_stretch_of_time_adds_no_leg():
    text = ("An An-148 flew from Chkalovsky to Minsk on 3 May 2024 with 40 students. "
            "It was the agency's third flight to Yerevan in a month.")
    assert _legs(text) == [["Chkalovsky", "Minsk"]]


def test_a_tally_of_many_missions_flown_adds_no_flight():
    text = ("A C-130 took off from Yokota on 2 March 2022 and landed at Cebu. "
            "The wing has now flown over 20 sorties to Luzon, most of them from Misawa.")
    assert _legs(text) == [["Yokota", "Cebu"]]


def test_stops_listed_with_a_region_the_gazetteer_lacks_keep_their_role():
    text = ("The C-5 left Dover on 4 April 2021 and made stops at Travis, California, and Hickam "
            "for fuel before landing at Kadena.")
    assert _legs(text) == [["Dover", "Travis", "Hickam", "Kadena"]]


def test_a_garrison_reached_by_coach_after_landing_is_no_stop():
    text = ("The soldiers flew from Brize Norton to Vilnius on 2 June 2023, "
            "then were taken by coach to Rukla.")
    assert _legs(text) == [["Brize Norton", "Vilnius"]]


def test_a_weekday_of_a_later_flight_is_not_before_the_first_flight():
    text = ("Madrid, 6 October 2023 - An A400M left Zaragoza on Friday with 50 soldiers and landed "
            "in Dakar. On Sunday a C295 flew 20 of them from Dakar to Bamako.")
    assert [f.date for f in read_text(text).flights] == ["2023-10-06", "2023-10-08"]


def test_a_dateline_without_year_takes_the_year_of_a_date_just_before_it():
    text = ("ACCRA, March 9 (GNA). A C-295 took off from Accra on Tuesday bound for Tamale. "
            "The floods began on March 3, 2021 after heavy rain.")
    assert [f.date for f in read_text(text).flights] == ["2021-03-09"]


# --- blind21 rules ----------------------------------------------------------------------


def test_taking_off_again_for_the_home_base_is_the_way_back():
    text = ("A C-17 left Ramstein on 3 May 2022 and landed at Erbil. It waited two hours "
            "before taking off again for Ramstein with 60 evacuees.")
    assert _legs(text) == [["Ramstein", "Erbil"], ["Erbil", "Ramstein"]]


def test_a_departure_from_a_numbered_unit_at_an_airport_is_from_that_airport():
    text = "A KC-390 took off from Wing 2 at Lisbon airport on 5 May 2024 and landed in Madeira."
    assert _legs(text)[0][0] == "Lisbon airport"


def test_a_land_route_into_a_place_is_no_arrival():
    text = ("An A400M flew from Brize Norton to Larnaca on 8 June 2024. Two aid officials travelled "
            "with the flight to work with partners on the route into Gaza.")
    assert _legs(text) == [["Brize Norton", "Larnaca"]]


def test_a_ministry_portfolio_before_the_name_is_not_part_of_the_commander():
    text = ("A C-295 flew from Quito to Lima on 2 May 2024. The team was led by Vice Minister for "
            "Risk Management Ana Lucia Mora.")
    assert read_text(text).flights[0].commander == "Ana Lucia Mora"
