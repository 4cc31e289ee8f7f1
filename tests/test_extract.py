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
    assert f.date is None


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
    got = [[s.ref.text for s in f.stops] for f in read_text(text).flights]
    assert got == legs
