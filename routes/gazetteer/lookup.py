"""Name, code and phrase look-ups on the index: ranked places for a query.

Examples
--------
>>> [p.code for p in lookup("Sheremetyevo")][:1]
['UUEE']
>>> lookup("the Senegalese capital")[0].name
'Dakar'
>>> lookup("Georgetown")[0].country
'GY'
>>> country_of_demonym("Venezuelan")
'VE'
>>> capital("CU").name
'Havana'
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import defaultdict

from ..model import Place
from .index import ALIAS_SCORE, NAME_PREFIXES, Index, facility_only, get_index, strip_facility
from .text import POSSESSIVE, name_key

__all__ = ["lookup", "suggest", "country", "capital", "country_of_demonym", "QUERY_SUFFIXES"]

#: Folded endings that make a query ask for an airport ("Hmeimim air base").
QUERY_SUFFIXES = (
    "international airport", "air force base", "air reserve base", "air reserve station",
    "air national guard base", "army airfield", "army air field", "military airfield", "military airport",
    "naval air station", "air base", "airbase", "airfield", "air field", "aerodrome",
    "airport", "airstrip", "afb",
)
_COUNTRY_CODE_ALIASES = {"UK": "GB"}
#: A city this big is what "<name> airport" means before any namesake airfield abroad.
BIG_CITY = 500_000


def _make_place(row: tuple) -> Place:
    name, lat, lon, kind, cc, code, iata, icao, source, pop = row
    return Place(name=name, lat=lat, lon=lon, kind=kind, country=cc, code=code, iata=iata,
                 icao=icao, source=source, population=pop)


@functools.lru_cache(maxsize=8192)
def _place(pid: int) -> Place:
    return _make_place(get_index().rows[pid])


def _rank(ix: Index, key: str, pid: int) -> float:
    if pid in ix.alias_ids.get(key, ()):
        return max(ALIAS_SCORE, ix.score[pid])
    return ix.score[pid]


def _merge(ix: Index, groups: list[tuple[str, tuple[int, ...]]]) -> tuple[int, ...]:
    """Ids from several keys, each at its best rank, best first (stable for ties)."""
    best: dict[int, float] = {}
    for key, ids in groups:
        for pid in ids:
            r = _rank(ix, key, pid)
            if r > best.get(pid, -1.0):
                best[pid] = r
    return tuple(sorted(best, key=lambda p: -best[p]))


def _codes(ix: Index, raw: str) -> tuple[int, ...]:
    compact = raw.replace(".", "").strip()
    if not compact.isalnum() or not 2 <= len(compact) <= 4:
        return ()
    up = compact.upper()
    out: list[int] = []
    if len(up) == 2:
        iso2 = _COUNTRY_CODE_ALIASES.get(up, up)
        if iso2 in ix.countries:
            out.append(ix.countries[iso2])
    if len(up) == 3:
        if up in ix.iata:
            out.append(ix.iata[up])
        if up in ix.iso3:
            out.append(ix.countries[ix.iso3[up]])
    if len(up) == 4 and up in ix.icao:
        out.append(ix.icao[up])
    return tuple(out)


#: A numbered airfield of a place: "Vnukovo-2", "Engels-2 air base" (folded: "vnukovo 2").
_NUMBERED = re.compile(r"^(?P<stem>.+?) \d{1,2}(?P<rest>(?: \S+)*)$")


def _facility(ix: Index, key: str) -> tuple[int, ...] | None:
    """Airports for "<name> airport/air base/..." or "RAF/Joint Base <name>", or None if
    the query has no such ending or beginning."""
    prefixed = any(key.startswith(p + " ") for p in NAME_PREFIXES)
    if not prefixed and not any(key.endswith(" " + s) for s in QUERY_SUFFIXES):
        return None
    core = strip_facility(key, QUERY_SUFFIXES)
    if prefixed:
        core = strip_facility(core)
    groups = [(key, ix.names.get(key, ())), (core, ix.names.get(core, ())),
              (core, ix.city_airports.get(core, ()))]
    ids = [p for p in _merge(ix, groups) if ix.rows[p][3] == "airport"]
    if ids:
        # An airport named in full ("Seoul Air Base") beats bigger ones of its core's city.
        # (Names from the alias table still come first.)
        aliased = set(ix.alias_ids.get(key, ())) | set(ix.alias_ids.get(core, ()))
        exact = [p for p in ix.names.get(key, ()) if ix.rows[p][3] == "airport"]
        ordered = list(dict.fromkeys([*(p for p in ids if p in aliased), *exact, *ids]))
        # "Manila airport", "Santiago airport": when the core's first place is a big city,
        # the airports of its country beat a small namesake airfield abroad ("Manila Airport",
        # Utah).  (A town's name says less: "Bole" is also Addis Ababa's airport.)
        top = next(iter(ix.names.get(core, ())), None)
        if top is not None and ix.rows[top][3] == "city" and (ix.rows[top][9] or 0) >= BIG_CITY:
            cc = ix.rows[top][4]
            ordered.sort(key=lambda p: p not in aliased and ix.rows[p][4] != cc)
        return tuple(ordered)
    found = ix.names.get(core, ())
    words = core.split()
    for n in range(len(words) - 1, 0, -1) if not found else ():
        # "Budapest Liszt Ferenc airport", the words in another order: the city's airport.
        head = " ".join(words[:n])
        city = next((p for p in ix.names.get(head, ()) if ix.rows[p][3] == "city"), None)
        if city is not None and head in ix.city_airports:
            near = tuple(p for p in ix.city_airports[head] if ix.rows[p][4] == ix.rows[city][4])
            # "Prague-Kbely airport": of the city's airports, the one the rest names first.
            rest = " ".join(words[n:])
            near = tuple(sorted(near, key=lambda p: rest not in name_key(ix.rows[p][0])))
            if near:
                return near
    if not found and not prefixed and len(words) == 1 and len(core) >= 5:
        found = _vowel_variant(ix, core)
    return found


_VOWELS = "aeiou"


def _vowel_variant(ix: Index, core: str) -> tuple[int, ...]:
    """Airports whose one-word name differs from ``core`` in one vowel only, when exactly
    one such airport is known and the name is no town's: "Hindan air base" for Hindon
    (transliterations vary)."""
    hits: dict[int, None] = {}
    for i, ch in enumerate(core):
        if ch not in _VOWELS or i == 0:
            continue
        for v in _VOWELS:
            if v == ch:
                continue
            other = core[:i] + v + core[i + 1:]
            named = ix.names.get(other, ())
            if named and all(ix.rows[pid][3] == "airport" for pid in named):  # an airfield's own name
                hits.update(dict.fromkeys(named))
    return tuple(hits) if len(hits) == 1 else ()


_WING_BASE = re.compile(r"^\d{1,2} wing (?=[a-z])")


@functools.lru_cache(maxsize=16384)
def _ranked(query: str) -> tuple[int, ...]:
    ix = get_index()
    raw = query.strip()
    key = name_key(raw)
    if not key:
        return ()
    caps = raw.replace(".", "").isupper()
    if facility_only(key):
        # facility words alone ("International Airport") name no place, but a few are
        # also airport codes: NAS Nassau, RAF Rafaela, CFB Cabo Frio
        return _codes(ix, raw) if caps else ()
    if key in ix.phrases:
        return (ix.phrases[key],)
    bare = key[4:] if key.startswith("the ") else key
    # Canada names a base by its wing: "8 Wing Trenton" is CFB Trenton.
    bare = _WING_BASE.sub("cfb ", bare)
    if bare in ix.phrases:
        return (ix.phrases[bare],)
    # a code written in lower case ("dkr") counts, unless it is an ordinary word ("the")
    codes = _codes(ix, raw) if caps or key not in ix.stopwords else ()
    if f" {POSSESSIVE} " in bare and bare not in ix.names:
        return _variants(ix, bare)
    names = ix.names.get(key) or ix.names.get(bare) or ()
    fac = _facility(ix, bare)
    if fac is not None:
        names = fac
    if codes and caps and key not in ix.caps_only:
        ordered = codes + names
    else:
        ordered = names + codes
    if not ordered:
        ordered = _variants(ix, bare)
    return tuple(dict.fromkeys(ordered))


def _variants(ix: Index, key: str) -> tuple[int, ...]:
    """Airports for forms the names table does not hold: a numbered airfield ("Vnukovo-2
    airport" is Vnukovo's airport) and a possessive ("Belgrade's Nikola Tesla airport" is
    "Belgrade Nikola Tesla airport", else "Nikola Tesla airport" in Belgrade's country)."""
    m = _NUMBERED.match(key)
    if m:
        stem = _ranked(m.group("stem"))
        cc = ix.rows[stem[0]][4] if stem else None  # the airfield is in its place's country
        found = _ranked(m.group("stem") + m.group("rest")) + stem
        return tuple(dict.fromkeys(p for p in found if ix.rows[p][3] == "airport" and ix.rows[p][4] == cc))
    if f" {POSSESSIVE} " in key:
        head, _, tail = key.partition(f" {POSSESSIVE} ")
        owner, found = _ranked(head), _ranked(tail)
        if owner and found:
            cc = ix.rows[owner[0]][4]
            found = tuple(sorted(found, key=lambda p: ix.rows[p][4] != cc))
            if ix.rows[found[0]][4] == cc:
                return found
        return _ranked(f"{head} {tail}") or found
    return ()


def _hinted(ix: Index, ids: tuple[int, ...], hint: str | None) -> tuple[int, ...]:
    if not hint:
        return ids
    iso2 = hint.strip().upper()
    if len(iso2) != 2:
        c = country(hint)
        iso2 = c.country if c else iso2
    iso2 = _COUNTRY_CODE_ALIASES.get(iso2, iso2)
    return tuple(sorted(ids, key=lambda p: ix.rows[p][4] != iso2))


def lookup(name: str, *, country_hint: str | None = None, limit: int = 10) -> list[Place]:
    """Places a name, code or phrase may mean, best first; ``[]`` when unknown.

    Parameters
    ----------
    name
        A place name in any common spelling ("Maiquetía", "Moskva", "Chkalovskiy"), an
        IATA or ICAO code ("DKR", "OSLK"), an airport or air base ("Hmeimim air base",
        "RAF Akrotiri", "Vnukovo-2", "Belgrade's Nikola Tesla airport"), a
        country ("the United States", "Cabo Verde") or a phrase naming a capital ("the
        Senegalese capital", "capital of Venezuela").
    country_hint
        ISO 3166-1 alpha-2 code (or a country name): candidates in that country come
        first, ahead of bigger namesakes elsewhere.
    limit
        At most this many places.

    Returns
    -------
    list of Place
        ``mention`` is left unset (``routes.geocode`` fills it).

    Examples
    --------
    >>> lookup("DKR")[0].icao
    'GOOY'
    >>> lookup("Georgetown", country_hint="MY")[0].country
    'MY'
    >>> lookup("no such place at all")
    []
    """
    if not isinstance(name, str) or not name.strip():
        return []
    ix = get_index()
    ids = _hinted(ix, _ranked(name), country_hint)
    return [_place(p) for p in ids[: max(limit, 0)]]


def country(name_or_code: str) -> Place | None:
    """The country named, or given by ISO alpha-2/alpha-3 code; its point is the capital's.

    >>> country("Cabo Verde").country, country("RUS").name
    ('CV', 'Russia')
    """
    ix = get_index()
    raw = name_or_code.strip()
    up = raw.replace(".", "").upper()
    up = _COUNTRY_CODE_ALIASES.get(up, up)
    if len(up) == 2 and up in ix.countries:
        return _place(ix.countries[up])
    if len(up) == 3 and up in ix.iso3:
        return _place(ix.countries[ix.iso3[up]])
    key = name_key(raw)
    for k in (key, key[4:] if key.startswith("the ") else key):
        for pid in ix.names.get(k, ()):
            if ix.rows[pid][3] == "country":
                return _place(pid)
    return None


def capital(iso2: str) -> Place | None:
    """The capital city of a country given by ISO 3166-1 alpha-2 code."""
    ix = get_index()
    code = _COUNTRY_CODE_ALIASES.get(iso2.strip().upper(), iso2.strip().upper())
    pid = ix.capitals.get(code)
    return _place(pid) if pid is not None else None


@functools.cache
def _airport_points() -> tuple[tuple[int, float, float], ...]:
    ix = get_index()
    return tuple((pid, row[1], row[2]) for pid, row in enumerate(ix.rows) if row[3] == "airport")


_MILITARY = re.compile(r"\b(?:AB|AFB|air\s*base|airbase|air\s+force|military|field|naval\s+air|raf|raaf)\b", re.I)


def airports_near(lat: float, lon: float, km: float = 50.0, *, military: bool = False, limit: int = 5) -> list[Place]:
    """Airports within ``km`` of a point, the most notable first; with ``military`` only
    air bases ("Al Dhafra AB", "Lajes Field"), for "the air base outside Abu Dhabi".

    >>> airports_near(24.45, 54.38, military=True)[0].icao
    'OMAM'
    """
    ix = get_index()
    dlat = km / 111.0
    near = []
    for pid, a, b in _airport_points():
        if abs(a - lat) > dlat:
            continue
        p1, p2 = math.radians(lat), math.radians(a)
        h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b - lon) / 2) ** 2
        if 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) <= km:
            near.append(pid)
    if military:
        near = [p for p in near if _MILITARY.search(ix.rows[p][0])]
    near.sort(key=lambda p: -ix.score[p])
    return [_place(p) for p in near[:limit]]


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-2 code of the country a demonym names ("Senegalese" -> "SN"), else None."""
    ix = get_index()
    key = name_key(word)
    if key.startswith("the "):
        key = key[4:]
    return ix.demonyms.get(key) or (ix.demonyms.get(key[:-1]) if key.endswith("s") else None)


@functools.cache
def _buckets() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for key in get_index().display:
        out[key[:1]].append(key)
    return dict(out)


def suggest(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` known names closest to ``name``, for a "did you mean" message.

    >>> "Caracas" in suggest("Caracsa")
    True
    """
    key = name_key(name)
    if not key or n <= 0:
        return []
    ix = get_index()
    raw = name.strip()
    if raw.isupper() and raw.isalnum() and len(raw) in (3, 4):  # a mistyped code: XQZ, UUEX
        codes = _near_codes(ix, raw, n)
        if codes:
            return codes
    pool = _buckets().get(key[:1], [])
    close = difflib.get_close_matches(key, pool, n=n * 4, cutoff=0.7)
    if not close:  # the first letter may be the typo
        pool = [k for b, keys in _buckets().items() if b != key[:1] for k in keys
                if abs(len(k) - len(key)) <= 1]
        close = difflib.get_close_matches(key, pool, n=n * 4, cutoff=0.8)
    shown = dict.fromkeys(ix.display[k] for k in close)
    return list(shown)[:n]


_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _near_codes(ix: Index, code: str, n: int) -> list[str]:
    """Known IATA (3 letters) or ICAO (4) codes one letter away from ``code``, the most
    notable first, each shown with its place's name: ``'HAV (Jose Marti ...)'``.

    >>> any(s.startswith("HAV ") for s in _near_codes(get_index(), "HAX", 20))
    True
    """
    table = ix.iata if len(code) == 3 else ix.icao
    found: dict[str, int] = {}
    for i in range(len(code)):
        for c in _CODE_CHARS:
            other = code[:i] + c + code[i + 1:]
            if other != code and other in table:
                found[other] = table[other]
    for i in range(len(code) - 1):  # two letters swapped
        other = code[:i] + code[i + 1] + code[i] + code[i + 2:]
        if other != code and other in table:
            found[other] = table[other]
    best = sorted(found, key=lambda k: (-ix.score[found[k]], k))[:n]
    return [f"{k} ({ix.rows[found[k]][0]})" for k in best]
