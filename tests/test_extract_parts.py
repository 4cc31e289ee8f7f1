"""The reader's parts: numbers, dates, commanders, sentences, flight order."""

from __future__ import annotations

import pytest

from routes.extract.dates import find_dates, text_year
from routes.extract.numbers import cargo_mentions, parse_number, personnel_mentions
from routes.extract.order import Stopish, flight_order
from routes.extract.people import find_commanders
from routes.extract.sentences import sentences


@pytest.mark.parametrize("text, value", [
    ("99 servicemen", 99), ("ninety-nine troops", 99), ("some 100 military personnel", 100),
    ("about 35 specialists", 35), ("a team of 15 technicians", 15), ("Forty-two specialists", 42),
])
def test_personnel(text, value):
    (q,) = personnel_mentions(text)
    assert q.value == value and q.kind == "personnel"


def test_crew_is_kept_apart_and_parts_are_marked():
    kinds = [(q.kind, q.subset) for q in personnel_mentions("a crew of 10 and 101 people, including 40 children")]
    assert kinds == [("crew", False), ("personnel", False), ("personnel", True)]


@pytest.mark.parametrize("text, tonnes", [
    ("35 tons", 35.0), ("35 tonnes", 35.0), ("a 35-tonne load", 35.0), ("70,000 pounds", 31.75),
    ("70,000 lbs", 31.75), ("12,000 kg", 12.0), ("45 short tons", 40.82), ("40 long tons", 40.64),
    ("thirty-five tonnes", 35.0),
])
def test_cargo_in_metric_tonnes(text, tonnes):
    (q,) = cargo_mentions(text)
    assert q.value == pytest.approx(tonnes, abs=0.01)


def test_capacity_is_not_cargo():
    assert cargo_mentions("The An-124 can carry up to 120 tonnes.") == []


def test_numbers_in_words():
    assert parse_number("two hundred and five") == 205
    assert parse_number("a dozen") == 12


def test_dates():
    text = "DAMASCUS, March 3, 2016 -- It landed on March 2 and left two days later. On Saturday it rained."
    assert text_year(text) == 2016
    assert [(d.text, d.iso) for d in find_dates(text)] == [
        ("March 3, 2016", "2016-03-03"), ("March 2", "2016-03-02"), ("two days later", "2016-03-04"),
        ("Saturday", "2016-02-27")]  # the Saturday before Thursday 3 March
    assert find_dates("on 23 March 2019")[0].iso == "2019-03-23"
    assert find_dates("on 2019-03-23")[0].iso == "2019-03-23"
    assert find_dates("on March 23")[0].iso is None


@pytest.mark.parametrize("text, name", [
    ("headed by the Chief of Staff of the Ground Forces Vasily Tonkoshkurov.", "Vasily Tonkoshkurov"),
    ("led by Lt. Gen. John Smith, who", "John Smith"),
    ("under the command of Colonel Andrei Kuznetsov.", "Andrei Kuznetsov"),
    ("commanded by Major General Igor Petrov", "Igor Petrov"),
])
def test_commanders(text, name):
    assert find_commanders(text)[0].name == name


def test_sentences_keep_abbreviations():
    text = "The U.S. Air Force C-17 left Dover. It landed at Ramstein."
    assert len(sentences(text)) == 2


def test_flight_order_from_roles():
    stops = [Stopish("C", "destination", 0), Stopish("A", "origin", 5), Stopish("B", "stopover", 9)]
    assert [s.key for s in flight_order(stops)] == ["A", "B", "C"]
    chain = [Stopish("A", "origin", 0), Stopish("B", "destination", 1), Stopish("C", "destination", 2, continuing=True)]
    assert [s.key for s in flight_order(chain)] == ["A", "B", "C"]
    early = [Stopish("A", "origin", 0), Stopish("C", "destination", 1), Stopish("B", "destination", 2, earlier=True)]
    assert [s.key for s in flight_order(early)] == ["A", "B", "C"]
    back = [Stopish("A", "origin", 0), Stopish("B", "destination", 1, and_back=True)]
    assert [s.key for s in flight_order(back)] == ["A", "B", "A"]


def test_destination_told_again_ends_the_route():
    told = [Stopish("D", "destination", 0), Stopish("A", "origin", 1), Stopish("B", "destination", 2, continuing=True),
            Stopish("D", "destination", 3)]
    assert [s.key for s in flight_order(told)] == ["A", "B", "D"]


def test_years_since_and_sentence_bounds():
    assert text_year("Sanctions have been in place since 1962.") is None
    text = 'It left on February 13 and landed in Managua.\n\n"Thanks," he said. Sanctions have followed since the 2021 vote.'
    assert [d.iso for d in find_dates(text)] == [None]


def test_rulers_are_no_commanders():
    assert find_commanders("Mali's transitional authorities, led by Colonel Assimi Goita, expelled the French.") == []


@pytest.mark.parametrize("text, value", [
    ("a 30-member delegation", 30), ("the 77-strong UK International Search and Rescue (UK-ISAR) team", 77),
    ("a forty-strong team of rescuers", 40),
])
def test_personnel_counted_before_the_group(text, value):
    (q,) = personnel_mentions(text)
    assert q.value == value and q.kind == "personnel"


@pytest.mark.parametrize("text, name", [
    ("headed by First Deputy Minister of Agriculture Andrei Kuzmich.", "Andrei Kuzmich"),
    ("headed by Deputy Chairman of the State Duma Pyotr Ilyin, who", "Pyotr Ilyin"),
    ("headed by the first deputy general director of the corporation, Andrei Shevchuk.", "Andrei Shevchuk"),
    ("headed by the Deputy Minister of Defence of the Russian Federation, Colonel General Viktor Lebedev.",
     "Viktor Lebedev"),
    ("The team is led by Station Manager Gareth Holloway of the Fire and Rescue Service.", "Gareth Holloway"),
])
def test_commanders_after_portfolios_and_appositions(text, name):
    assert [c.name for c in find_commanders(text)] == [name]


@pytest.mark.parametrize("text", [
    "Our Government of Reconciliation and National Unity, headed by Comandante Daniel Ortega, will help.",
    "the National Council for the Safeguard of the Homeland, headed by General Abdourahamane Tiani, said",
])
def test_named_rulers_are_no_commanders(text):
    assert find_commanders(text) == []


def test_today_and_this_afternoon_are_the_filing_date():
    text = "Issued 7 February 2023. Following the earthquakes of 6 February, a C-17 left this afternoon."
    got = [(d.text, d.iso) for d in find_dates(text)]
    assert got == [("7 February 2023", "2023-02-07"), ("this afternoon", "2023-02-07")]


def test_casualty_counts_are_not_people_aboard():
    assert personnel_mentions("The storms struck, killing more than 200 people across the region.") == []
    assert personnel_mentions("40 people were killed.") == []
    assert [q.value for q in personnel_mentions("It flew 40 people out.")] == [40]


def test_body_name_before_its_staff_is_no_commander():
    found = find_commanders("It was accompanied by 15 Red Crescent workers. The group was headed by "
                            "Iranian Red Crescent official Mahmoud Rezaei.")
    assert [c.name for c in found] == ["Mahmoud Rezaei"]
