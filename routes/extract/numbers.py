"""Numbers in news text: people carried and cargo weight, with their spans.

* Numbers may be digits ("99", "70,000", "1.5 million") or words ("ninety-nine",
  "two hundred", "a dozen").  Hedges ("about", "some", "more than") are kept out of the
  value: "some 100 military personnel" is 100.
* Personnel: a number followed (within a few adjectives) by a word for people
  ("servicemen", "troops", "specialists", "passengers", "citizens" ...), or "a team of N",
  "a group of N".  A crew count ("a crew of 10", "12 crew members") is kept apart and only
  used when nothing else is said about the people aboard.
* Cargo: a number with a unit of weight, converted to metric tonnes.  Bare "tons" are read
  as metric tonnes (the usage of the wire services this reader is for); "short tons" are
  0.9072 t, "long tons" 1.016 t, pounds 0.00045359237 t.  Capacities ("can carry up to
  120 tonnes") are not cargo.

Examples
--------
>>> [(p.value, p.text) for p in personnel_mentions("There were 99 servicemen on board.")]
[(99.0, '99 servicemen')]
>>> [(c.tonnes, c.text) for c in cargo_mentions("It unloaded roughly 70,000 pounds of kit.")]
[(31.75, '70,000 pounds')]
>>> parse_number("ninety-nine"), parse_number("1.5 million"), parse_number("a dozen")
(99.0, 1500000.0, 12.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import country_of_demonym

__all__ = [
    "Quantity",
    "parse_number",
    "personnel_mentions",
    "cargo_mentions",
    "NUMBER",
]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_ONE_WORD = (
    r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
    r"(?:[-\s](?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))?"
)
#: "forty-two", "two hundred and five", "one thousand eight hundred".
_WORDNUM = (
    r"(?:" + _ONE_WORD + r"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?" + _ONE_WORD
    + r"(?:\s+hundred(?:\s+(?:and\s+)?" + _ONE_WORD + r")?)?)?)?|a\s+dozen|a\s+hundred)"
)
#: A number as written: digits with separators, optionally "million", or words.
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?|{_WORDNUM}"
_HEDGE = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|approx\.|over|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|close\s+to|an\s+estimated|just\s+under|just\s+over)\s+)"

PEOPLE = (
    "servicemen|servicewomen|service\\s+members|service\\s+personnel|troops|soldiers|personnel|specialists|experts"
    "|advisers|advisors|instructors|technicians|engineers|doctors|nurses|medics|paramedics|paratroopers"
    "|marines|officers|people|persons|passengers|pax|evacuees|citizens|nationals|rescuers|rescue\\s+workers"
    "|officials|diplomats|staff|members|men|women|children|journalists|delegates|contractors"
    # people sent back by another state: "177 migrants", "120 deportees"
    "|migrants|deportees|returnees|repatriates|detainees|prisoners|asylum\\s+seekers"
    "|mercenaries|workers|volunteers|firefighters|sappers|airmen|pilots|guards|commandos|fighters"
    "|cadets|athletes|tourists|refugees|peacekeepers|police(?:men|\\s+officers)?|gendarmes"
    # people flown for care: "24 patients", "six stretcher cases"
    "|patients|stretcher\\s+cases"
    "|students|scientists|researchers|surgeons|physicians|epidemiologists|virologists|[a-z]{4,}(?:ists|ologists)|[a-z]{3,}icians"
    "|of\\s+us"  # "87 of us going"
)
_CREW = r"crew(?:\s+members|men)?"
#: Adjectives that may stand between a number and its noun: "99 Russian military servicemen".
_ADJ = r"(?:(?:[A-Z][a-z]+|[a-z]+(?:-[a-z]+)?|(?:[A-Z]\.){2,})\s+){0,3}?"  # also "11 U.S. service members"

_PERSONNEL = re.compile(
    rf"(?<![\w.,-]){_HEDGE}?(?P<num>{NUMBER})\s+{_ADJ}(?:(?P<crew>{_CREW})|(?P<noun>{PEOPLE}))\b",
    re.IGNORECASE,
)
_WEIGHT_NEXT = re.compile(r"\s*(?:tonnes?|tons?|t|kg|kilos?|kilograms?|pounds?|lbs?)\b", re.I)
_GROUP_OF = re.compile(
    rf"\b(?:a|the)\s+(?:[a-z]+\s+){{0,2}}?(?P<what>team|group|contingent|delegation|unit|detachment|brigade|crew)\s+of\s+{_HEDGE}?(?P<num>{NUMBER})\b(?!\s*(?:tonnes|tons|kg|t\b|per\s?cent|%))",
    re.IGNORECASE,
)
#: "a 30-member delegation", "the 77-strong UK International Search and Rescue (UK-ISAR) team".
_N_STRONG = re.compile(
    rf"(?<![\w.,-])(?P<num>{NUMBER})[-\u2010\u2011\s](?:member|strong|man|person|people)\s+"
    r"(?:[\w()'\u2019-]+\s+){0,8}?(?P<what>team|group|contingent|delegation|unit|detachment|brigade|mission|party|crew|task\s+force|taskforce|squad)\b",
    re.IGNORECASE,
)
#: "246 Indonesians": a number and a nationality in the plural (checked against the
#: gazetteer's demonyms).
_NATIONALS = re.compile(
    rf"(?<![\w.,-]){_HEDGE}?(?P<num>{NUMBER})\s+(?:(?-i:[a-z]+(?:ed|en))\s+)?(?P<who>(?-i:[A-Z][a-z]+(?:s|ese)))\b"
    # a noun, not an adjective of what follows ("six Chinese Y-20s", "40 Chinese technicians")
    r"(?=\s*(?:[,.;:)\"\u201d]|$)|\s+(?:who|whom|that|were|was|are|have|had|from|on|aboard|in|to|and|plus|with"
    r"|returned|arrived|flew|landed|home|back)\b)", re.IGNORECASE)
#: Things sized for people, not people aboard: "tents for 600 people", "meals for 2,000 people".
_SIZED_FOR = re.compile(
    r"\b(?:tents?|beds?|shelters?|food|meals|rations|kits?|supplies|blankets|water|medicines?|vaccines?|doses"
    r"|accommodation|housing|capacity|enough|equipment)\s+(?:[\w-]+\s+){0,2}?for\s+" + _HEDGE + r"?$", re.I)
_WEIGHT_UNITS = {
    "short": 0.90718474,
    "long": 1.0160469088,
    "metric": 1.0,
    "tonne": 1.0,
    "ton": 1.0,
    "t": 1.0,
    "kg": 0.001,
    "kilogram": 0.001,
    "kilogramme": 0.001,
    "kilo": 0.001,  # "8,300 kilos"
    "pound": 0.00045359237,
    "lb": 0.00045359237,
}
_CARGO = re.compile(
    rf"(?<![\w.,-]){_HEDGE}?(?P<num>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|{NUMBER})(?:\s+|-)(?P<unit>(?:short|long|metric)\s+tons?|tonnes?|tons?|t(?=[\s.,;])|kg|kilogram(?:me)?s?|kilos?|pounds?|lbs?)\b",
    re.IGNORECASE,
)
_CAPACITY = re.compile(
    r"\b(?:can|could|able\s+to|capable|capacity|maximum|max\.?|(?<!declared\s)(?<!actual\s)payload\s+of|designed|rated|up\s+to)\b",
    re.IGNORECASE,
)
#: Before a count of all who take part in an event: "brings together", "gathers", "involves".
_GATHERED = re.compile(
    r"\b(?:(?:brings?|brought|bringing)\s+together|gather(?:s|ing|ed)|draws?|drawing|involv(?:es|ing))\s+" + _HEDGE + r"?$", re.I)
_SUBSET = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among)\s*$", re.IGNORECASE)

_CASUALTIES_BEFORE = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|injur(?:ing|ed|es)|wound(?:ing|ed|s)|displac(?:ing|ed|es)|affect(?:ing|ed|s)|left|leaving"
    r"|claim(?:ing|ed)\s+the\s+lives\s+of|death\s+toll\s+(?:of|to|at)|evacuat(?:ing|ed)\s+from\s+their\s+homes)"
    r"\s+(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|over\s+|some\s+|about\s+|nearly\s+|almost\s+|around\s+)?$", re.I)
_CASUALTIES_AFTER = re.compile(
    r"\s+(?:(?:were|have\s+been|had\s+been|are)\s+)?(?:killed|dead|died|injured|wounded|missing|displaced|homeless)\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number found in the text: its value and where it was."""

    start: int
    end: int
    text: str
    value: float
    kind: str  # "personnel", "crew", "cargo"
    subset: bool = False  # "including 40 children": part of a larger count

    @property
    def tonnes(self) -> float:
        return self.value


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, else None.

    >>> parse_number("70,000"), parse_number("two hundred and five"), parse_number("Forty-two")
    (70000.0, 205.0, 42.0)
    """
    s = text.strip().lower().replace("\u2011", "-")
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", s):
        s = re.sub(r"[ \u00a0\u202f]", "", s)  # "12 500": a space between thousands
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|thousand))?", s)
    if m:
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        return value * _SCALES.get(m.group(3) or "", 1)
    s = re.sub(r"^a\s+", "one ", s)
    if s == "one dozen":
        return 12.0
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", s):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def personnel_mentions(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Counts of people in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in _PERSONNEL.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None or value != int(value) or value <= 0:
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if re.search(r"(?:\d|\bthe|\b[A-Z][a-z]+)\s*$", before) and re.match(r"\d{4}\b", m.group("num")):
            continue  # "in 2018 people ..."
        kind = "crew" if m.group("crew") else "personnel"
        if _WEIGHT_NEXT.match(text, m.end("num")):
            continue  # "11 tonnes of police equipment": a weight, not people
        if _CASUALTIES_BEFORE.search(text, max(0, m.start() - 40), m.start("num")) or _CASUALTIES_AFTER.match(text, m.end()):
            continue  # "killing more than 200 people": victims, not people aboard
        if re.search(r"\b(?:has|have|keeps?|maintains?)\s+(?:" + _HEDGE + r")?$", text[max(0, m.start() - 40):m.start("num")], re.I) \
                and re.match(r"\s+(?:stationed|based|deployed|in\s+the\s+country|in\s+[A-Z])", text[m.end():]):
            continue  # "Washington, which has about 1,100 troops in the country": not aboard
        if _SIZED_FOR.search(text, max(0, m.start() - 60), m.start("num")):
            continue  # "modular tents for 600 people": what the load can shelter
        if _GATHERED.search(text, max(0, m.start() - 40), m.start("num")):
            continue  # "the exercise brings together 1,300 personnel": all taking part, not those aboard
        out.append(Quantity(m.start("num"), m.end(), text[m.start("num"):m.end()], value, kind,
                            subset=bool(_SUBSET.search(before))))
    for m in _NATIONALS.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None or value != int(value) or value <= 0 or any(q.start <= m.start("num") < q.end for q in out):
            continue
        if re.fullmatch(r"\d{4}", m.group("num")) or _CASUALTIES_BEFORE.search(text, max(0, m.start() - 40), m.start("num")) \
                or _CASUALTIES_AFTER.match(text, m.end()):
            continue
        if country_of_demonym(m.group("who")) is None:
            continue
        line_end = text.find("\n", m.end())
        if "\n" not in text[:m.start()] and line_end > 0 and not re.search(r"[.!?\"\u201d]\s*$", text[:line_end]):
            continue  # a headline's "brings 231 Indians home" sums up the flights, it is no one flight's count
        out.append(Quantity(m.start("num"), m.end(), m.group()[m.start("num") - m.start():], value, "personnel",
                            subset=bool(_SUBSET.search(text[max(0, m.start() - 30):m.start()]))))
    for m in _N_STRONG.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None or value <= 0 or any(q.start <= m.start("num") < q.end for q in out):
            continue
        kind = "crew" if m.group("what").lower() == "crew" else "personnel"
        out.append(Quantity(m.start("num"), m.end(), text[m.start("num"):m.end()], value, kind))
    for m in _GROUP_OF.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None or any(q.start <= m.start("num") < q.end for q in out):
            continue
        kind = "crew" if m.group("what").lower() == "crew" else "personnel"
        out.append(Quantity(m.start(), m.end(), m.group(), value, kind))
    return sorted(out, key=lambda q: q.start)


def cargo_mentions(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Weights of cargo in ``text[start:end]``, converted to metric tonnes, in text order."""
    end = len(text) if end is None else end
    out = []
    for m in _CARGO.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        clause_start = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start()), start - 1) + 1
        if _CAPACITY.search(text, clause_start, m.start()):
            continue
        unit = m.group("unit").lower()
        key = unit.split()[0] if " " in unit else re.sub(r"(?:me)?s$", "", unit)
        factor = _WEIGHT_UNITS.get(key, _WEIGHT_UNITS.get(key.rstrip("s"), 1.0))
        out.append(Quantity(m.start("num"), m.end(), text[m.start("num"):m.end()],
                            round(value * factor, 2), "cargo"))
    return out
