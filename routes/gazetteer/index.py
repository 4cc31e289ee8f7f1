"""The gazetteer's index: every known place and every name, code and phrase that points to it.

Built from the sources in :mod:`routes.gazetteer.sources` by :func:`build_index`; loaded
once per process by :func:`get_index` (``functools.cache``), which keeps a copy of the
built index in the user cache directory so that later processes skip the build.

Ranking is decided here, once, as a score per place:

* countries: ``1e9`` plus their population (a country name beats any city);
* aliases from ``routes/data/aliases.csv``: ``1e8`` for the alias's own name;
* cities: their population, tripled for national capitals; under an alternate name (not
  the city's own), a tenth of that;
* airports: ``1e4`` with an IATA code and "International" in the name, ``5e3`` with an IATA
  code (a proxy for scheduled service), ``100`` without, ``1`` for heliports -- so a city
  named like an airport comes first, and the airport is an alternative.

The cache lives in ``$ROUTES_CACHE_DIR``, else ``$XDG_CACHE_HOME/routes``, else
``~/.cache/routes``; its file name carries a hash of the data packages' versions and of
the project's data files, so an upgrade rebuilds it.  An unreadable or corrupt file is
ignored and rebuilt; writes go to a temporary file moved into place with ``os.replace``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import sources
from .store import read_store, write_store
from .text import fold, is_latin, name_key

__all__ = ["Index", "build_index", "get_index", "cache_dir", "cache_path", "facility_only", "FORMAT"]

#: Bumped whenever the layout or the build rules of :class:`Index` change.
FORMAT = 20

COUNTRY_SCORE = 1e9
ALIAS_SCORE = 1e8
CAPITAL_FACTOR = 3
ALTERNATE_FACTOR = 0.1
AIRPORT_SCORES = {"international": 1e4, "iata": 5e3, "plain": 100.0, "heliport": 1.0}
#: Alternate (non-primary) city names are offered to scan() only for cities this big.
SCAN_ALTERNATE_POPULATION = 50_000

#: Folded endings stripped from airport names to get the core name ("Vnukovo").
NAME_SUFFIXES = (
    "naval air station", "naval support facility", "naval station airport", "naval station",
    "air force base", "international airport", "internacional airport", "regional airport",
    "municipal airport", "afb airport", "ab airport", "air base", "airbase", "airfield",
    "air field", "aerodrome", "airport", "airstrip", "air station", "heliport",
    "international", "internacional", "afb", "field",
)
#: Folded beginnings stripped from airport names ("RAF Mildenhall", "Joint Base Andrews",
#: "RAAF Base Amberley", "CFB Trenton"): air arms name their bases this way.
NAME_PREFIXES = ("joint base", "naval air station", "raaf base", "rnzaf base", "raf base", "raf", "raaf", "rnzaf",
                 "rcaf", "cfb", "nas", "mcas",
                 # South African style puts the kind first: "AFB Waterkloof", "AFS Hoedspruit"
                 "afb", "afs", "air force base", "air force station")

_DIGIT = re.compile(r"\d")
#: A city name joined to the airport's own name by a hyphen: "Amman-Marka ...".
_CITY_HYPHEN = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?[-\u2010\u2011\u2013]\s?[^\W\d_]")
#: A "Mc" written apart from the rest of a name ("Mc Clellan").
_MC = re.compile(r"\bmc (?=[a-z])")
#: Honorifics that open an airport's name and that texts leave out ("Al Shaheed ...").
_HONORIFIC = re.compile(r"(?:al |el |as )?(?:shaheed|shahid|martyr) ")
#: Titles before a person's name that texts leave out ("Sir Grantley Adams", "General
#: Mariano Escobedo"); only with two words or more left, so that no surname alone
#: ("General Mitchell") becomes a name of the airport.
_TITLE = re.compile(r"(?:sir|dr|licenciado|ingeniero|presidente|general|capitan|comandante"
                    r"|teniente|mariscal|almirante|coronel|comodoro|brigadeiro|mwalimu) ")

# A place row: (name, lat, lon, kind, country, code, iata, icao, source, population)
Row = tuple


@dataclass
class Index:
    """Everything lookup and scan need, in plain containers; loaded from the cache, the
    large ones are views of SQLite tables (:mod:`routes.gazetteer.store`)."""

    rows: list[Row] = field(default_factory=list)
    score: list[float] = field(default_factory=list)
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)  # key -> ids, best first
    alias_ids: dict[str, tuple[int, ...]] = field(default_factory=dict)  # alias key -> ids
    phrases: dict[str, int] = field(default_factory=dict)  # "the senegalese capital" -> id
    iata: dict[str, int] = field(default_factory=dict)
    icao: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)  # ISO2 -> id
    iso3: dict[str, str] = field(default_factory=dict)  # ISO3 -> ISO2
    capitals: dict[str, int] = field(default_factory=dict)  # ISO2 -> city id
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO2
    city_airports: dict[str, tuple[int, ...]] = field(default_factory=dict)
    scan_keys: frozenset[str] = frozenset()
    caps_only: frozenset[str] = frozenset()  # keys matched in text only when written in capitals
    stopwords: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    display: dict[str, str] = field(default_factory=dict)  # suggestible key -> shown name
    max_words: int = 1
    format: int = FORMAT


class _Builder:
    def __init__(self) -> None:
        self.ix = Index()
        self.pairs: dict[str, dict[int, float]] = defaultdict(dict)
        self.scan: set[str] = set()
        self.aliases: dict[str, set[int]] = defaultdict(set)
        self.primary: set[tuple[str, int]] = set()  # (key, id) pairs from a place's own name
        self.alternate: set[tuple[str, int]] = set()  # (key, id) pairs from alternate names only

    def add_place(self, row: Row, score: float) -> int:
        self.ix.rows.append(row)
        self.ix.score.append(score)
        return len(self.ix.rows) - 1

    def add_name(self, text: str, pid: int, *, scan: bool = False, suggest: bool = False,
                 score: float | None = None) -> str:
        key = name_key(text)
        if not key:
            return key
        s = self.ix.score[pid] if score is None else score
        if self.pairs[key].get(pid, -1.0) < s:
            self.pairs[key][pid] = s
        if scan:
            self.scan.add(key)
        if suggest and key not in self.ix.display:
            self.ix.display[key] = text
        return key


def _airport_score(a: dict) -> float:
    name = a["name"].lower()
    if "heliport" in name or "helipad" in name or "closed" in name:
        return AIRPORT_SCORES["heliport"]
    if a["iata"]:
        return AIRPORT_SCORES["international" if "international" in name else "iata"]
    return AIRPORT_SCORES["plain"]


def airport_name_variants(name: str) -> list[str]:
    """The names an airport is known by: its full name, parts around a parenthesis or a
    slash, and each one's core (suffixes such as "International Airport" removed).

    >>> airport_name_variants("Maiquetia (Simon Bolivar Internacional) Airport")[-2:]
    ['simon bolivar internacional', 'simon bolivar']
    """
    parts = [name]
    if "(" in name and ")" in name:
        head, _, rest = name.partition("(")
        inner, _, tail = rest.partition(")")
        parts += [f"{head.strip()} {tail.strip()}".strip(), inner.strip()]
    for p in list(parts):
        if "/" in p:
            parts += [s.strip() for s in p.split("/") if s.strip()]
    out: list[str] = []
    for p in parts:
        key = name_key(p)
        out.append(key)
        if _MC.search(key):
            # "Mc Clellan Airfield" is written "McClellan Airfield".
            out.append(_MC.sub("mc", key))
            core = strip_facility(_MC.sub("mc", key))
            if core and core != _MC.sub("mc", key):
                out.append(core)
        core = strip_facility(key)
        if core and core != key:
            out.append(core)
        # "Al Shaheed Muwaffaq Salti Air Base" is written "Muwaffaq Salti Air Base".
        honour = _HONORIFIC.match(key)
        if honour and len(key) - honour.end() >= 4:
            out.append(key[honour.end():])
            if core and core != key:
                out.append(core[honour.end():])
        title = _TITLE.match(key)
        if title and core and " " in core[title.end():]:
            out.append(key[title.end():])
            out.append(core[title.end():])
    # A middle initial is often left out: "Julius K. Nyerere" is written "Julius Nyerere".
    out += [re.sub(r"(?<=\w) [a-z](?= \w)", "", k) for k in out if re.search(r"\w [a-z] \w", k)]
    # Facility words alone ("International Airport" of "Charleston AFB/International
    # Airport") name no place.
    return list(dict.fromkeys(k for k in out if k and not facility_only(k)))


def facility_only(key: str) -> bool:
    """Whether a folded name is facility words alone ("international airport", "air base")."""
    key = key[4:] if key.startswith("the ") else key
    core = strip_facility(key)
    return not core or core in NAME_SUFFIXES or core in NAME_PREFIXES


def strip_facility(key: str, suffixes: tuple[str, ...] = NAME_SUFFIXES) -> str:
    """``key`` without a leading "RAF"/"Joint Base" and trailing facility words."""
    changed = True
    while changed and key:
        changed = False
        for s in suffixes:
            if key.endswith(" " + s):
                key, changed = key[: -len(s) - 1], True
                break
        for p in NAME_PREFIXES:
            if key.startswith(p + " "):
                key, changed = key[len(p) + 1:], True
                break
    return key


def _add_airports(b: _Builder) -> None:
    city_airports: dict[str, list[int]] = defaultdict(list)
    for icao, a in sources.airports().items():
        score = _airport_score(a)
        iata = a["iata"] or None
        pid = b.add_place(
            (a["name"], float(a["lat"]), float(a["lon"]), "airport", a["country"] or None,
             icao or iata, iata, icao, "airportsdata", None),
            score,
        )
        b.ix.icao[icao] = pid
        if iata and (iata not in b.ix.iata or b.ix.score[b.ix.iata[iata]] < score):
            b.ix.iata[iata] = pid
        notable = bool(iata) and score > AIRPORT_SCORES["heliport"]
        for i, key in enumerate(airport_name_variants(a["name"])):
            b.pairs[key][pid] = max(b.pairs[key].get(pid, 0.0), score)
            if notable:
                b.scan.add(key)
                if i == 0:
                    b.ix.display.setdefault(key, a["name"])
        if a["city"]:
            city_airports[name_key(a["city"])].append(pid)
            # "Belgrade Nikola Tesla Airport" is also written "Nikola Tesla Airport".
            city_key = name_key(a["city"])
            words = name_key(a["name"]).split()
            n = len(city_key.split())
            head = " ".join(words[:n])
            same = len(head) >= 4 and len(city_key) >= 4 and (head.startswith(city_key) or city_key.startswith(head))
            rest = " ".join(words[n:]) if same else ""  # (the city may be spelled otherwise: "Belgrad")
            if rest and not facility_only(rest) and strip_facility(rest) != rest and len(strip_facility(rest)) >= 6:
                b.pairs[rest][pid] = max(b.pairs[rest].get(pid, 0.0), score)
                if notable:
                    b.scan.add(rest)
            # "Amman-Marka International Airport", "Stockholm-Arlanda Airport": the name
            # after the city's hyphen is the airport's own name ("landed at Marka").
            core = strip_facility(rest) if rest else ""
            if same and _CITY_HYPHEN.match(a["name"]) and len(core) >= 4 and not facility_only(core):
                b.pairs[core][pid] = max(b.pairs[core].get(pid, 0.0), score)
                if notable:
                    b.scan.add(core)
    b.ix.city_airports = {
        k: tuple(sorted(v, key=lambda i: -b.ix.score[i])) for k, v in city_airports.items()
    }


def _add_cities(b: _Builder) -> dict[str, list[int]]:
    """Add the cities; returns ids by country, for joining capitals."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for c in sources.cities():
        pop = int(c.get("population") or 0)
        pid = b.add_place(
            (c["name"], float(c["latitude"]), float(c["longitude"]), "city", c["countrycode"],
             None, None, None, "geonames", pop),
            float(pop),
        )
        by_country[c["countrycode"]].append(pid)
        b.primary.add((b.add_name(c["name"], pid, scan=True, suggest=True), pid))
        for alt in c.get("alternatenames", ()):
            if _DIGIT.search(alt) or (alt.isupper() and len(alt) <= 4) or not is_latin(alt):
                continue
            key = b.add_name(alt, pid, scan=pop >= SCAN_ALTERNATE_POPULATION)
            b.alternate.add((key, pid))
    return by_country


def _city_named(b: _Builder, names: tuple[str, ...], ids: list[int]) -> int | None:
    wanted = {name_key(n) for n in names if n}
    wanted |= {name_key(n.replace(" D.C.", "").replace(" City", "")) for n in names if n}
    best = None
    for key in wanted:
        for pid in b.pairs.get(key, {}):
            if pid in ids and (best is None or b.ix.score[pid] > b.ix.score[best]):
                best = pid
    return best


def _add_countries(b: _Builder, cities_by_country: dict[str, list[int]]) -> None:
    records = sorted(sources.countries(), key=lambda r: -(r.population or 0))
    for r in records:
        ids = set(cities_by_country.get(r.iso2, ()))
        cap = _city_named(b, r.capital_names, ids) if ids else None
        if cap is not None:
            b.ix.capitals[r.iso2] = cap
            b.ix.score[cap] *= CAPITAL_FACTOR
            lat, lon, source = b.ix.rows[cap][1], b.ix.rows[cap][2], "geonames"
        elif r.fallback_point:
            (lat, lon), source = r.fallback_point, "countryinfo"
        else:
            continue
        pid = b.add_place(
            (r.name, lat, lon, "country", r.iso2, None, None, None, source, r.population),
            COUNTRY_SCORE + (r.population or 0),
        )
        b.ix.countries[r.iso2] = pid
        if r.iso3:
            b.ix.iso3[r.iso3] = r.iso2
        for n in (r.name, *r.names):
            if is_latin(n):
                b.add_name(n, pid, scan=True, suggest=True)
        if r.demonym:
            b.ix.demonyms.setdefault(name_key(r.demonym), r.iso2)


def _add_aliases(b: _Builder) -> None:
    made: dict[tuple, int] = {}
    caps: set[str] = set()
    for row in sources.aliases():
        if row.kind == "demonym":
            b.ix.demonyms[name_key(row.name)] = row.target
            continue
        pid: int | None = None
        known = b.ix.icao.get(row.target) if row.kind == "airport" and row.target else None
        if known is not None and row.lat is not None and row.lon is not None:
            # Coordinates for an airport airportsdata has: a correction of its position.
            old = b.ix.rows[known]
            b.ix.rows[known] = (old[0], row.lat, row.lon, *old[3:8], "routes-aliases", old[9])
            pid = known
        elif row.kind == "airport" and row.lat is not None and row.lon is not None:
            ident = (row.target or None, round(row.lat, 4), round(row.lon, 4))
            if ident not in made:
                code = row.target or None
                made[ident] = b.add_place(
                    (row.name, row.lat, row.lon, "airport", row.country, code, None, code,
                     "routes-aliases", None),
                    AIRPORT_SCORES["iata"],
                )
                if code:
                    b.ix.icao.setdefault(code, made[ident])
            pid = made[ident]
        elif row.kind == "airport":
            pid = b.ix.icao.get(row.target)
        elif row.kind == "country":
            pid = b.ix.countries.get(row.target)
        elif row.kind == "city":
            pid = _city_named(b, (row.target,), [
                i for i, r in enumerate(b.ix.rows) if r[3] == "city" and r[4] == row.country
            ])
        if pid is None:
            raise ValueError(f"aliases.csv:{row.line}: unknown {row.kind} {row.target!r}")
        score = max(ALIAS_SCORE, b.ix.score[pid])
        key = b.add_name(row.name, pid, scan=True, suggest=True, score=score)
        b.aliases[key].add(pid)
        if row.name.replace(".", "").isupper() and len(row.name.replace(".", "")) <= 4:
            caps.add(key)
    b.ix.caps_only = frozenset(caps)


def _add_phrases(b: _Builder) -> None:
    """"the Senegalese capital", "capital of Venezuela", "Syria's capital" -> the capital."""
    demonyms_of: dict[str, list[str]] = defaultdict(list)
    for key, iso2 in b.ix.demonyms.items():
        demonyms_of[iso2].append(key)
    names_of: dict[str, list[str]] = defaultdict(list)
    for key, pids in b.pairs.items():
        for pid in pids:
            row = b.ix.rows[pid]
            if row[3] == "country":
                names_of[row[4]].append(key)
    for iso2, cap in b.ix.capitals.items():
        for d in demonyms_of.get(iso2, ()):
            for form in (f"{d} capital", f"the {d} capital", f"{d} capital city",
                         f"the {d} capital city"):
                b.ix.phrases.setdefault(form, cap)
        for n in names_of.get(iso2, ()):
            n = n[4:] if n.startswith("the ") else n
            for form in (f"capital of {n}", f"capital of the {n}", f"the capital of {n}",
                         f"the capital of the {n}", f"capital city of {n}", f"{n} 's capital",
                         f"the {n} 's capital"):
                b.ix.phrases.setdefault(form, cap)


def build_index() -> Index:
    """Build the index from the packaged data (about a second; see :func:`get_index`)."""
    b = _Builder()
    _add_airports(b)
    by_country = _add_cities(b)
    _add_countries(b, by_country)
    _add_aliases(b)
    _add_phrases(b)
    ix = b.ix
    score = ix.score
    alias_ids = {k: tuple(v) for k, v in b.aliases.items()}
    ix.alias_ids = alias_ids
    # A city reached only by an alternate name ranks at a tenth of its score: "Cancun" is
    # Cancún before Changchun (whose pinyin it also is), "Nis" Niš before Nice.
    alternate = b.alternate - b.primary
    for key, ids in b.aliases.items():
        alternate -= {(key, i) for i in ids}

    def rank(k: str, i: int, v: dict[int, float]) -> float:
        best = max(v[i], score[i])
        return best * ALTERNATE_FACTOR if (k, i) in alternate else best

    ix.names = {
        k: tuple(sorted(v, key=lambda i, k=k, v=v: (-rank(k, i, v), i)))
        for k, v in b.pairs.items()
    }
    ix.stopwords = sources.word_list("gazetteer_stopwords.txt")
    ix.acronyms = sources.word_list("gazetteer_acronyms.txt")
    stop = {fold(w) for w in ix.stopwords}
    # A demonym that is also a country's name ("Djibouti") stays a place to scan for.
    country_names = {name_key(ix.rows[p][0]) for p in ix.countries.values()}
    ix.scan_keys = frozenset(
        k for k in b.scan
        if k not in stop and (k not in ix.demonyms or k in country_names)
        and (len(k) >= 3 or k in ix.caps_only)
    )
    ix.max_words = max(k.count(" ") + 1 for k in (*ix.scan_keys, *ix.phrases))
    return ix


# ---------------------------------------------------------------------------------------
# caching


def cache_dir() -> Path:
    """Where the index cache is kept: ``$ROUTES_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/routes``, else ``~/.cache/routes``."""
    env = os.environ.get("ROUTES_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "routes"


def cache_path() -> Path:
    """The cache file (SQLite) for the installed data versions and this project's data files."""
    h = hashlib.sha256()
    h.update(json.dumps({"format": FORMAT, **sources.versions()}, sort_keys=True).encode())
    for name in ("aliases.csv", "gazetteer_stopwords.txt", "gazetteer_acronyms.txt"):
        h.update(sources.data_text(name).encode("utf-8"))
    return cache_dir() / f"gazetteer-{h.hexdigest()[:16]}.sqlite"


def _read_cache(path: Path) -> Index | None:
    return read_store(path, Index, FORMAT)


def _write_cache(path: Path, ix: Index) -> None:
    try:
        write_store(path, ix)
    except (OSError, sqlite3.Error):
        return  # a read-only cache directory only costs the next process a rebuild


def load_index(use_cache: bool = True) -> Index:
    """The index, read from the disk cache when valid, else built (and cached)."""
    if not use_cache:
        return build_index()
    path = cache_path()
    ix = _read_cache(path)
    if ix is None:
        ix = build_index()
        _write_cache(path, ix)
    return ix


@functools.cache
def get_index() -> Index:
    """The process-wide index (loaded on first use, never at import time)."""
    return load_index()
