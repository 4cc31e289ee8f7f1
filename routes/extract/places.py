"""Place mentions of a news text, from the gazetteer's scan, merged into noun phrases.

:func:`routes.gazetteer.scan` finds every span that names a known place.  This module
turns those spans into the *mentions* the reader reasons about:

* spans that name the same place side by side become one mention: "the capital of
  Venezuela Caracas", "the Senegalese capital, Dakar", "Vnukovo (VKO)";
* a place that only locates the one before it is folded into it as a country hint:
  "Lajes in the Azores", "Hmeimim air base in Syria", "Nouakchott, Mauritania",
  "Chkalovsky near Moscow"; and "Moscow's Vnukovo airport", "Syria's Latakia" keep the
  second place;
* spans inside an aircraft name ("Boeing 737") or a person's name are dropped;
* "the Syrian port city" with no name becomes a country-level mention ("Syria").

Each mention keeps the text to emit (something :func:`routes.gazetteer.lookup` resolves),
its span and the start of its whole noun phrase, where cue words are looked for.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from .. import gazetteer
from ..model import Place

__all__ = ["Mention", "place_mentions", "same_place", "km_between"]

_KIND_RANK = {"airport": 3, "city": 2, "point": 2, "country": 1}
#: Words between two places when the second only locates the first ("X in southern Y").
_LOCATOR = re.compile(
    r"^\s*(?:\([A-Z]{3,4}\)\s*)?(?:,\s*(?:in\s+)?|\s+(?:in|near|outside|close\s+to|not\s+far\s+from|at)\s+)"
    r"(?:the\s+)?(?:(?:[a-z]+-)?(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern"
    r"|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+)?(?:region|province|state|district|oblast|governorate|island|islands)\s+of\s+(?:the\s+)?)?$"
)
_NP_OF = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:(?!(?:on|in|at|to|from|for|via|of|into|near|the|a|an)\b)[A-Za-z-]+\s+){0,2}?"
    r"\b(?:city|town|port|island|capital|village|region|province)\s+of\s+$"
)


@dataclass(frozen=True)
class Mention:
    """A place named in the text, as the reader will emit it."""

    start: int  # the span of the name (what ``text`` is cut from, when it is cut)
    end: int
    text: str  # the name to emit as PlaceRef.text
    phrase_start: int  # where the whole noun phrase starts ("the capital of ...")
    phrase_end: int
    candidates: tuple[Place, ...]
    country_hint: str | None = None
    qualifiers: tuple[str, ...] = field(default=(), compare=False)

    @property
    def place(self) -> Place | None:
        return self.candidates[0] if self.candidates else None

    @property
    def kind(self) -> str:
        return self.place.kind if self.place else "point"

    @property
    def country(self) -> str | None:
        return self.country_hint or (self.place.country if self.place else None)


def km_between(a: Place, b: Place) -> float:
    """Great-circle distance in km (spherical; for telling places apart only)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: Mention, b: Mention, km: float = 60.0) -> bool:
    """Whether two mentions name the same place (same country for country-level ones)."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return a.text.lower() == b.text.lower()
    if pa.kind == "country" or pb.kind == "country":
        return pa.kind == pb.kind and pa.country == pb.country
    return km_between(pa, pb) <= km


def _emit_text(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    raw = re.sub(r"^(?:the|The)\s+", "", raw)
    return re.sub(r"\s+", " ", raw).strip(" ,")


def _is_phrase(m) -> bool:
    """A descriptive phrase rather than a name ("the Senegalese capital")."""
    return bool(re.match(r"(?:the\s+|capital\b)", m.text, re.IGNORECASE)) or " capital" in m.text.lower()


def place_mentions(text: str, *, exclude: list[tuple[int, int]] = ()) -> list[Mention]:
    """The place mentions of ``text`` in text order (see module notes).

    ``exclude`` lists spans (aircraft names, people's names) no place may overlap.
    """
    matches = [
        m for m in gazetteer.scan(text)
        if m.candidates and not any(a < m.end and m.start < b for a, b in exclude) and not _airline(text, m.start, m.end)
    ]
    mentions = [
        Mention(m.start, m.end, _emit_text(text, m.start, m.end), m.start, m.end, tuple(m.candidates))
        for m in matches
    ]
    phrase = [_is_phrase(m) for m in matches]
    mentions, phrase = _merge_same(text, mentions, phrase)
    mentions = _fold_qualifiers(text, mentions)
    mentions = [_described_facility(text, m) for m in mentions]
    mentions = _appositive_facility(text, mentions)
    mentions = _unknown_facilities(text, mentions)
    mentions = _with_np_start(text, mentions)
    mentions.extend(_unnamed_places(text, mentions, exclude))
    mentions.extend(_country_airport(text, mentions, exclude))
    mentions.extend(_here(text, mentions))
    mentions.extend(_bare_capital(text, mentions, exclude))
    mentions = _short_names(text, mentions, exclude)
    mentions = _same_as_named_elsewhere(mentions)
    return sorted(mentions, key=lambda m: m.start)


def _same_as_named_elsewhere(mentions: list[Mention]) -> list[Mention]:
    """A name with several meanings means the one another mention names for sure: "Bole"
    is Bole International Airport when "ADD" is in the text, not the town of Bole in China
    (a city and its own airport stay as written)."""
    out = []
    for m in mentions:
        others = [o.place for o in mentions if o is not m and o.place is not None and len(o.candidates) == 1]
        alt = next((c for c in m.candidates[1:] if any(c == o for o in others)), None)
        if alt is not None and not any(m.candidates[0] == o for o in others) and km_between(alt, m.candidates[0]) > 60.0:
            m = replace(m, text=alt.name, country_hint=m.country_hint or alt.country,
                        candidates=(alt, *(c for c in m.candidates if c != alt)))
        out.append(m)
    return out


_FACILITY_TAIL = re.compile(r"\s+(?:(?:International|Intl\.?|Military|Civil)\s+)?(?i:airport|air\s*base|airbase|airfield|aerodrome|airstrip)$")


def _short_names(text: str, mentions: list[Mention], exclude) -> list[Mention]:
    """An airport named in full once ("Nikola Tesla Airport", "Marka airport") is the place
    meant when its name comes back without the facility word ("touched down at Nikola
    Tesla", "came back to Marka")."""
    mentions = sorted(mentions, key=lambda m: m.start)
    for m in list(mentions):
        if m.kind != "airport":
            continue
        raw = text[m.start:m.end]
        tail = _FACILITY_TAIL.search(raw)
        core = raw[:tail.start()] if tail else (raw if _FACILITY_NEXT.match(text, m.end) else "")
        core = re.sub(r"^(?:the|The)\s+", "", core)
        if len(core) < 4 or not core[:1].isupper() or core.lower() in ("main", "new", "old", "military", "civil"):
            continue
        for hit in re.finditer(r"(?<![\w-])" + re.escape(core) + r"(?![\w-])", text[m.end:]):
            a, b = m.end + hit.start(), m.end + hit.end()
            if _FACILITY_NEXT.match(text, b) or any(x < b and a < y for x, y in exclude):
                continue
            same = [x for x in mentions if x.start < b and a < x.phrase_end]
            if any(not (x.start == a and x.end == b) for x in same):
                continue  # part of another name
            if any(x.place is not None and m.place is not None and km_between(x.place, m.place) <= 60.0 for x in same):
                continue  # "Almaty airport ... landed in Almaty": the city, as written
            for x in same:
                mentions.remove(x)
            mentions.append(Mention(a, b, m.text, a, b, m.candidates, m.country_hint))
    return mentions


#: After a place name, words that make it an airline's or an air arm's name: "Mahan Air",
#: "Qatar Airways", "Belarus Air Force" (but "Ramstein Air Base" is a place).
_AIRLINE_AFTER = re.compile(r"\s+(?:Air(?!\s*(?:[Bb]ase|[Ss]tation|[Ff]ield|port|[Pp]ort|[Ss]trip))\b|Airlines?\b|Airways\b"
                            r"|Air\s+Lines\b|Aviation\b|Cargo\s+Airlines\b)")
#: Before a place name: "Air China", "Air Koryo" (the place is the airline's name).
_AIRLINE_BEFORE = re.compile(r"\bAir\s+$")


def _airline(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``text[start:end]`` is part of an airline's name."""
    return bool(_AIRLINE_AFTER.match(text, end) or _AIRLINE_BEFORE.search(text[max(0, start - 5):start]))


def _merge_same(text: str, mentions: list[Mention], phrase: list[bool]) -> tuple[list[Mention], list[bool]]:
    """Side-by-side spans naming the same place become one ("capital of Venezuela Caracas")."""
    out: list[Mention] = []
    flags: list[bool] = []
    for m, is_phrase in zip(mentions, phrase):
        if out:
            prev = out[-1]
            gap = text[prev.end:m.start]
            if "\n" not in gap and (re.fullmatch(r"\s*[,(]?\s*", gap) or re.fullmatch(r"\s*\)?\s*", gap)):
                code = (gap.strip() == "(" and m.kind == "airport" and re.fullmatch(r"[A-Z]{3,4}", m.text)
                        and text[m.end:m.end + 1] == ")" and prev.kind != "country")
                if code and not same_place(prev, m, km=50.0):
                    # "Mahé (SEZ)": the code says which place the name means.
                    out[-1] = replace(m, text=m.place.name, phrase_start=prev.phrase_start, phrase_end=m.end + 1)
                    flags[-1] = False
                    continue
                if same_place(prev, m, km=50.0):
                    keep = _better(prev, m, flags[-1], is_phrase)
                    out[-1] = replace(
                        keep, phrase_start=prev.phrase_start, phrase_end=max(m.end, prev.end) + (1 if text[m.end:m.end + 1] == ")" else 0)
                    )
                    flags[-1] = flags[-1] and is_phrase
                    continue
        out.append(m)
        flags.append(is_phrase)
    return out, flags


def _better(a: Mention, b: Mention, a_phrase: bool, b_phrase: bool) -> Mention:
    if a_phrase != b_phrase:
        return b if a_phrase else a
    if _KIND_RANK.get(b.kind, 0) > _KIND_RANK.get(a.kind, 0):
        return b
    return a


def _fold_qualifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop places that only locate their neighbour, keeping them as a country hint."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            gap = text[prev.phrase_end:m.start]
            # "Moscow's Vnukovo airport", "Syria's Latakia": the second names the place.
            # The owner may be a namesake far away ("Fort Bragg's Pope Field"): it still
            # only says where the place is, and gives its country when it contains it.
            # "Nouméa's Magenta domestic airport": the name alone means a place elsewhere,
            # the city's airport of that name is meant.
            named = _airport_in(text, m, prev) if re.fullmatch(r"['\u2019]s?\s+", gap) else None
            if named is not None and not (_contains(prev, m) or _owner(prev, m)):
                out[-1] = replace(named, phrase_start=prev.phrase_start, qualifiers=(*prev.qualifiers, prev.text))
                continue
            if re.fullmatch(r"['\u2019]s?\s+", gap) and (_contains(prev, m) or _owner(prev, m)):
                hint = prev.country if _contains(prev, m) else m.country_hint
                if not _contains(prev, m) and prev.country is not None:
                    # "Bogota's El Dorado airport": of the namesakes, the one in the owner's country
                    near = [p for p in gazetteer.lookup(m.text, country_hint=prev.country, limit=5)
                            if p.kind == "airport" and p.country == prev.country]
                    if near:
                        m, hint = replace(m, candidates=tuple(near)), prev.country
                out[-1] = replace(
                    m, phrase_start=prev.phrase_start, country_hint=hint or m.country_hint,
                    qualifiers=(*prev.qualifiers, prev.text),
                )
                continue
            # "Lajes in the Azores", "Nouakchott, Mauritania", "Chkalovsky near Moscow", and
            # "the Sunan International Airport of Pyongyang".
            # (A facility word the gazetteer left out may stand before: "Marka airport in Amman".)
            fac = _FACILITY_NEXT.match(text, prev.phrase_end)
            loc_gap = text[fac.end():m.start] if fac and fac.end() <= m.start else gap
            locator = _LOCATOR.match(loc_gap) or (_facility_name(text, prev) is not None and _OF_LOCATOR.fullmatch(loc_gap))
            if locator and not _contains(m, prev):
                named = _airport_in(text, prev, m)  # "Marka airport in Amman": Amman's Marka
                if named is not None:
                    prev = out[-1] = named
            if locator and _contains(m, prev):
                out[-1] = replace(
                    prev, phrase_end=m.end, country_hint=prev.country_hint or m.country,
                    qualifiers=(*prev.qualifiers, m.text),
                )
                continue
            # "Trinidad, the capital of Beni department": what follows describes the city
            # (the region may not be known, or a namesake elsewhere).
            if prev.kind in ("city", "airport") and _CAPITAL_OF_AFTER.fullmatch(gap):
                out[-1] = replace(prev, phrase_end=m.end, qualifiers=(*prev.qualifiers, m.text),
                                  country_hint=prev.country_hint or (m.country if _contains(m, prev) else None))
                continue
            # "the capital of neighbouring Burkina Faso, Ouagadougou": the city is the place.
            if (prev.kind == "country" and m.kind == "city" and _contains(prev, m)
                    and re.fullmatch(r"\s*,?\s*", gap)
                    and _CAPITAL_OF.search(text, max(0, prev.phrase_start - 60), prev.phrase_start)):
                lead = _CAPITAL_OF.search(text, max(0, prev.phrase_start - 60), prev.phrase_start)
                out[-1] = replace(m, phrase_start=lead.start(), country_hint=m.country_hint or prev.country,
                                  qualifiers=(*prev.qualifiers, prev.text))
                continue
        out.append(m)
    return out


#: A facility word ending a name: "Marka airport", "Sunan International Airport", "Magenta
#: domestic airport".
_FACILITY_WORD = r"(?:(?i:(?:international|domestic|regional|military|civil)\s+)?(?i:airport|air\s*base|airfield|aerodrome|airstrip)|AFB|AB)"
_FACILITY_END = re.compile(_FACILITY_WORD + r"$")
_FACILITY_NEXT = re.compile(r"\s+" + _FACILITY_WORD + r"\b")


def _facility_name(text: str, m: Mention) -> str | None:
    """The name of a facility with its facility word ("Marka airport"), or None when the
    mention names no facility."""
    if _FACILITY_END.search(text, m.start, m.end):
        return text[m.start:m.end]
    nxt = _FACILITY_NEXT.match(text, m.end)
    return text[m.start:nxt.end()] if nxt else None
_OF_LOCATOR = re.compile(r"\s+of\s+(?:the\s+)?")
#: After a city: ", the capital of", ", the main town of", ", capital of the".
_CAPITAL_OF_AFTER = re.compile(r"\s*,\s*(?:the\s+|a\s+)?(?:(?:provincial|regional|state|departmental|main|largest|biggest|chief)\s+)?"
                               r"(?:capital|city|town|seat|hub)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}")
#: Before a country whose capital is named next: "the capital of neighbouring Burkina Faso, X".
_CAPITAL_OF = re.compile(r"(?:\b(?:the|a)\s+)?\b(?:capital|capital\s+city)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def _airport_in(text: str, facility: Mention, city: Mention) -> Mention | None:
    """"Marka airport in Amman": the airport of that name at that city, when the name alone
    means a place elsewhere (or no airport)."""
    name = _facility_name(text, facility)
    if city.kind != "city" or city.place is None or name is None:
        return None
    found = [p for p in gazetteer.lookup(f"{city.text} {name}", limit=5)
             if p.kind == "airport" and km_between(p, city.place) <= 120.0]
    if not found:
        return None
    return replace(facility, text=f"{city.text} {name}", candidates=tuple(found))


#: A facility word after a name, past words that only describe it: "Santa Lucía military
#: air base", "Magenta domestic airport".
_DESCRIBED_FACILITY = re.compile(
    r"\s+(?:(?:military|domestic|regional|civil|civilian|main|air\s+force)\s+){1,2}"
    r"(?P<word>(?i:air\s*base|airbase|airfield|airport|aerodrome|airstrip))\b")


def _described_facility(text: str, m: Mention) -> Mention:
    """"the Santa Lucía military air base": the airfield of that name, not a namesake town
    (the describing words kept the gazetteer from reading the facility name whole)."""
    hit = _DESCRIBED_FACILITY.match(text, m.phrase_end)
    if m.kind == "airport" or hit is None:
        return m
    first = gazetteer.text.name_key(m.text).split()[0]
    found = [p for p in gazetteer.lookup(f"{m.text} {hit.group('word')}", limit=5)
             if p.kind == "airport" and first in gazetteer.text.name_key(p.name)]
    if not found or (m.place is not None and km_between(found[0], m.place) <= 60.0):  # "Boufarik": the town's own base
        return m
    return replace(m, text=f"{m.text} {hit.group('word')}", phrase_end=hit.end(), candidates=tuple(found))


#: An airport by a name the gazetteer does not know, then its city: "Robert Gabriel Mugabe
#: International Airport in Harare", and "Jacksons International in Port Moresby" (the
#: short form of an airport's name).
_UNKNOWN_FACILITY = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|de|del|al|el|la)\s+)?){1,6}?(?:(?:International\s+|Military\s+)?"
    r"(?:Airport|Air\s+Base|Airbase|Airfield|Aerodrome|Air\s+Station)|International),?\s+(?:in|near|outside|of)\s+$")


def _unknown_facilities(text: str, mentions: list[Mention]) -> list[Mention]:
    """A city after an airport the gazetteer does not know becomes that city's airport, its
    noun phrase starting at the airport's name."""
    out = []
    for i, m in enumerate(mentions):
        if m.kind == "city" and m.place is not None:
            hit = _UNKNOWN_FACILITY.search(text, max(0, m.phrase_start - 90), m.phrase_start)
            # Words of the facility's name that are also names of far places ("Soto Cano Air
            # Base near Comayagua": no DeSoto, no Kano) are part of the name.
            inner = [o for o in out if hit and o.start >= hit.start() and o.end <= m.phrase_start
                     and o.kind != "airport" and o.place is not None and km_between(o.place, m.place) > 60.0]
            if hit and not any(o.phrase_end > hit.start() for o in out if o not in inner):
                out = [o for o in out if o not in inner]
                found = [p for p in gazetteer.lookup(f"{m.text} airport", limit=5)
                         if p.kind == "airport" and km_between(p, m.place) <= 60.0]
                m = replace(m, phrase_start=hit.start())
                if found:
                    m = replace(m, text=f"{m.text} airport", candidates=tuple(found))
        out.append(m)
    return out


#: Between a name and a city, saying the name is an airfield near that city: ", the air
#: base north of", ", a military airfield outside".
_APPOSITIVE_FACILITY = re.compile(
    r"\s*,\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?P<what>air\s*base|airbase|airport|airfield|aerodrome)\s+"
    r"(?:(?:just\s+|some\s+|about\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west|north-?east|north-?west"
    r"|south-?east|south-?west)\s+of|near|outside|close\s+to|in|at|of)\s+(?:the\s+)?$", re.I)


def _appositive_facility(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Santa Lucía, the air base north of Mexico City": the name is that city's airfield
    (not a town of the name elsewhere), and the city only locates it."""
    out: list[Mention] = []
    skip = None
    for i, m in enumerate(mentions):
        if m is skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        hit = _APPOSITIVE_FACILITY.fullmatch(text, m.phrase_end, nxt.phrase_start) if nxt is not None else None
        if hit and m.kind != "country" and nxt.kind == "city" and nxt.place is not None:
            words = ("air base", "airport", "airfield") if "air" in hit.group("what").lower() else ("airport", "airfield")
            found = [p for w in (hit.group("what"), *words) for p in gazetteer.lookup(f"{m.text} {w}", limit=5)
                     if p.kind == "airport" and km_between(p, nxt.place) <= 150.0]
            if found:
                found = list(dict.fromkeys(found))
                m = replace(m, candidates=tuple(found), text=found[0].name, phrase_end=nxt.phrase_end,
                            country_hint=m.country_hint or nxt.country, qualifiers=(*m.qualifiers, nxt.text))
                skip = nxt
        out.append(m)
    return out


def _owner(owner: Mention, place: Mention) -> bool:
    """Whether "owner's place" names a place by its owner: a city or country's airport."""
    return (owner.place is not None and place.place is not None and owner.kind in ("city", "country")
            and place.kind == "airport")


def _contains(outer: Mention, inner: Mention) -> bool:
    """Whether ``outer`` is a broader place around ``inner`` (its country, or a city by its airport)."""
    po, pi = outer.place, inner.place
    if po is None or pi is None:
        return False
    if po.kind == "country":
        return pi.kind != "country" and po.country == pi.country
    if po.kind == "city" and pi.kind in ("airport", "city") and po.country == pi.country:
        return km_between(po, pi) <= (120.0 if pi.kind == "airport" else 60.0)
    return False


def _with_np_start(text: str, mentions: list[Mention]) -> list[Mention]:
    """Move ``phrase_start`` back over "the Syrian city of", "a military airfield near"."""
    out = []
    for m in mentions:
        # Repeated: "the airport of the Turkish city of Adana".
        for _ in range(3):
            left = text[max(0, m.phrase_start - 60):m.phrase_start]
            near = _FACILITY_BY.search(left)
            hit = _NP_OF.search(left) or near or _FACILITY_IN.search(left) or _NUMBERED_BASE.search(left)
            if not hit:
                break
            m = replace(m, phrase_start=m.phrase_start - (len(left) - hit.start()))
            if hit is near and "base" in near.group("what").lower() and m.kind == "city":
                m = _air_base_of(m)
        out.append(m)
    return out


#: A facility told by the place it is at: "a military airfield near Kyiv", "the air base on
#: Terceira", "an air base outside the Gulf state's capital, Abu Dhabi".
_FACILITY_BY = re.compile(
    r"(?:\b(?:the|a|an)\s+)(?:[A-Za-z-]+\s+){0,2}?(?P<what>airfield|airport|air\s+base|airbase|base|airstrip)\s+"
    r"(?:near|outside|close\s+to|on)\s+(?:the\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|\u2019s)\s+capital\s*,\s+)?$")


def _air_base_of(m: Mention) -> Mention:
    """"the air base outside Abu Dhabi": the air base at that city (Al Dhafra), when the
    gazetteer knows one within 50 km; else the city stays."""
    found = gazetteer.airports_near(m.place.lat, m.place.lon, 50.0, military=True)
    if not found:
        return m
    return replace(m, text=found[0].name, candidates=tuple(found[:1]), country_hint=m.country_hint or found[0].country)


#: A facility named by where it is: "at the airfield in Brest", "from the 12th Air Transport
#: Main Base in Kayseri", "at the military airport of Bamako", "from the airfield Chkalovsky".
_FACILITY_IN = re.compile(
    r"\b(?:the|a|an)\s+(?:(?!(?:on|in|at|to|from|for|via|of|into|near|and|or)\b)[\w-]+\s+){0,5}?"
    r"(?i:airfield|airport|air\s+base|airbase|base|airstrip|aerodrome)(?:\s+[A-Z][a-z]+){0,2}(?:\s+(?:in|at|of))?"
    # "an air base in east Cairo": the part of the city it is in
    r"(?:\s+(?:north|south|east|west|northern|southern|eastern|western|north-?east|north-?west|south-?east|south-?west)(?:ern)?)?\s+$"
)


#: "air base 123 Orléans-Bricy", "BA 125 Istres": the base's number before its name.
_NUMBERED_BASE = re.compile(r"\b(?:(?i:air\s+)?base|BA)\s+\d{1,4}\s+$")

_UNNAMED = re.compile(
    r"\b(?:the|a|an)\s+(?P<dem>[A-Z][a-z]+)\s+(?:(?:military|naval|coastal|main|northern|southern|eastern|western)\s+)?"
    r"(?P<what>port\s+city|port|city|town|air\s+base|airbase|base|airfield|airport)\b(?!\s+of\b)"
)


def _unnamed_places(text: str, mentions: list[Mention], exclude) -> list[Mention]:
    """"the Syrian port city" (no name given): the country, as a country-level mention."""
    out = []
    for m in _UNNAMED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in [*((x.phrase_start, x.phrase_end) for x in mentions), *exclude]):
            continue
        after = text[m.end():m.end() + 40]
        located = re.match(r"\s+(?:in|at|near|outside|on)\s+(?:the\s+)?(?=[A-Z])", after)
        if located and any(x.start == m.end() + located.end() for x in mentions):
            continue  # "the French air base in Djibouti": the demonym says whose, Djibouti where
        if re.match(r"\s*(?:,\s*|\s+)[A-Z]", after) and any(x.start >= m.end() and x.start - m.end() < 4 for x in mentions):
            continue  # "the Syrian port of Tartus" is named by the next mention
        iso = gazetteer.country_of_demonym(m.group("dem"))
        if not iso:
            continue
        country = gazetteer.country(iso)
        if country is None:
            continue
        out.append(Mention(m.start("dem"), m.end(), country.name, m.start(), m.end(), (country,)))
    return out


#: "the island's main airport", "the country's international airport": the airport of the
#: country named last before it.
_COUNTRY_AIRPORT = re.compile(
    r"\bthe\s+(?:island|island\s+nation|island\s+state|archipelago|country|nation)(?:'s|\u2019s)\s+"
    r"(?:(?:main|only|principal|international|main\s+international|largest|biggest)\s+)?(?:airport|airfield)\b")


def _country_airport(text: str, mentions: list[Mention], exclude) -> list[Mention]:
    """"the island's main airport" after "Mauritius": the airport of that country's capital
    (or its most notable airport)."""
    out = []
    for m in _COUNTRY_AIRPORT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in [*((x.phrase_start, x.phrase_end) for x in mentions), *exclude]):
            continue
        before = [x for x in mentions if x.end <= m.start() and x.kind == "country" and x.country]
        if not before:
            continue
        iso = before[-1].country
        city = gazetteer.capital(iso)
        found = [p for p in gazetteer.lookup(f"{city.name} airport", limit=3)
                 if p.kind == "airport" and p.country == iso] if city is not None else []
        if not found:
            found = _busiest_airport(iso)
        if not found:
            continue
        out.append(Mention(m.start(), m.end(), found[0].name, m.start(), m.end(), (found[0],)))
    return out


#: "the air base here", "from here": the place of the dateline ("WUNSTORF – ...").
_HERE = re.compile(r"\b(?:(?:the|this)\s+(?:(?:military|main|local)\s+)?(?:air\s*base|airbase|airport|airfield|base)\s+here"
                   r"|(?<=from\s)here)\b", re.I)
_DATELINE_PLACE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE .'\u2019-]+?)[ \t]*(?:,|[-\u2013\u2014]{1,2})")


def _here(text: str, mentions: list[Mention]) -> list[Mention]:
    """"took off from the air base here" in a report datelined "WUNSTORF –": that place."""
    line = _DATELINE_PLACE.search(text)
    home = next((m for m in mentions if line and m.start == line.start("name")), None)
    if home is None:
        return []
    return [replace(home, start=m.start(), end=m.end(), phrase_start=m.start(), phrase_end=m.end())
            for m in _HERE.finditer(text)
            if not any(x.start < m.end() and m.start() < x.end for x in mentions)]


#: "the capital" with no name and no country: "before continuing to the capital".
_BARE_CAPITAL = re.compile(r"\bthe\s+(?:country's\s+|country\u2019s\s+)?capital\b(?!['\u2019]|\s*,?\s*(?:of\b|city\b|[A-Z]))")


def _bare_capital(text: str, mentions: list[Mention], exclude) -> list[Mention]:
    """"made a stop in Aktau before continuing to the capital": the capital of the country
    of the place named just before it (within the sentence or the one before)."""
    out = []
    for m in _BARE_CAPITAL.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in [*((x.phrase_start, x.phrase_end) for x in mentions), *exclude]):
            continue
        before = sorted((x for x in mentions if x.end <= m.start() and m.start() - x.end <= 250 and x.country),
                        key=lambda x: x.end)
        if not before:
            continue
        city = gazetteer.capital(before[-1].country)
        if city is None:
            continue
        out.append(Mention(m.start(), m.end(), city.name, m.start(), m.end(), (city,), country_hint=city.country))
    return out


def _busiest_airport(iso: str) -> list[Place]:
    """The country's most notable airport (by the index's score), as a one-item list."""
    ix = gazetteer.get_index()
    pids = [p for p, row in enumerate(ix.rows) if row[3] == "airport" and row[4] == iso]
    if not pids:
        return []
    best = max(pids, key=lambda p: ix.score[p])
    return [p for p in gazetteer.lookup(ix.rows[best][0], limit=3) if p.kind == "airport" and p.country == iso][:1]
