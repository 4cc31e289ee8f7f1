"""geopy-shaped geocoders: the offline gazetteer, online services, and chains of them.

* :class:`OfflineGeocoder` answers from the embedded gazetteer (:mod:`routes.gazetteer`);
  no network, ever.
* :class:`OnlineGeocoder` wraps any geopy geocoder (Nominatim by default) with geopy's
  :class:`~geopy.extra.rate_limiter.RateLimiter` and an on-disk JSON cache; every failure
  becomes :class:`~routes.errors.GeocoderUnavailable`.
* :class:`GeocoderChain` asks its geocoders in order; when an online one fails it falls
  back to the next and warns once (:class:`~routes.errors.RoutesWarning`).
* :func:`make_geocoder` builds the chain; :func:`candidates` asks any geocoder for
  Places.  :mod:`routes.geocode` uses them to fill a report's stops.

Every :class:`geopy.location.Location` returned here has ``raw`` = ``Place.as_dict()`` plus
``"place"``: the :class:`~routes.model.Place` itself.

Examples
--------
>>> g = OfflineGeocoder()
>>> loc = g.geocode("SVMI")
>>> round(loc.latitude, 2), round(loc.longitude, 2), loc.raw["place"].code
(10.6, -66.99, 'SVMI')
>>> g.geocode("nowhere-at-all-xyz") is None
True
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import warnings
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from . import gazetteer
from .errors import GeocoderUnavailable, InputError, RoutesWarning
from .gazetteer.index import cache_dir as cache_root
from .model import Place, replace

__all__ = [
    "OfflineGeocoder",
    "OnlineGeocoder",
    "GeocoderChain",
    "make_geocoder",
    "candidates",
    "places_of",
    "MAX_CONSECUTIVE_FAILURES",
]
#: Failures in a row after which a chain stops asking a geocoder.
MAX_CONSECUTIVE_FAILURES = 3
#: What a misbehaving online geocoder can raise: geopy's errors (HTTP status, timeout,
#: unparsable body) and what its parser raises on well-formed but unexpected JSON.
_ONLINE_FAILURES = (GeopyError, KeyError, TypeError, ValueError, AttributeError, OSError)


def _version() -> str:
    try:
        return version("routes")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0"


def _location(place: Place) -> Location:
    address = f"{place.name}, {place.country}" if place.country else place.name
    return Location(address, (place.lat, place.lon), {**place.as_dict(), "place": place})


def places_of(result) -> list[Place]:
    """The places in a geocoder's answer (a Location, a list of them, or None)."""
    if result is None:
        return []
    locations = result if isinstance(result, list) else [result]
    out = []
    for loc in locations:
        place = loc.raw.get("place") if isinstance(loc.raw, dict) else None
        if not isinstance(place, Place):
            place = _place_from_location(loc, "geopy")
        out.append(place)
    return out


class OfflineGeocoder(Geocoder):
    """The embedded gazetteer behind geopy's :class:`~geopy.geocoders.base.Geocoder` interface.

    Parameters
    ----------
    limit
        Most candidates returned when ``exactly_one=False``.
    """

    def __init__(self, *, limit: int = 10):
        super().__init__(user_agent=f"routes/{_version()}")
        self.limit = limit

    def geocode(self, query, exactly_one: bool = True, timeout=None, country_hint=None):
        """A :class:`~geopy.location.Location` (or a list, best first) for ``query``;
        None when the gazetteer does not know it.  ``timeout`` is accepted and ignored."""
        places = gazetteer.lookup(str(query), country_hint=country_hint,
                                  limit=1 if exactly_one else self.limit)
        if not places:
            return None
        locations = [_location(p) for p in places]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")


def _kind_of(raw: dict) -> str:
    if raw.get("class") == "aeroway" or raw.get("type") in {"aerodrome", "airport"}:
        return "airport"
    if raw.get("addresstype") == "country" or raw.get("type") == "country":
        return "country"
    return "city"


def _place_from_location(loc: Location, source: str) -> Place:
    lat, lon = float(loc.latitude), float(loc.longitude)
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    raw = loc.raw if isinstance(loc.raw, dict) else {}
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    cc = str(address.get("country_code") or "").upper() or None
    name = raw.get("name") or (loc.address or "").split(",")[0].strip() or loc.address
    return Place(name=str(name), lat=lat, lon=lon, kind=_kind_of(raw), country=cc, source=source)


def _cached_places(entries) -> list[Place] | None:
    """The places of one cache entry, or None if it is not a list of valid places (a cache
    edited by hand or by another version is ignored entry by entry, never trusted)."""
    if not isinstance(entries, list):
        return None
    places = []
    for d in entries:
        if not isinstance(d, dict):
            return None
        try:
            place = Place(**{k: v for k, v in d.items() if k in Place.__dataclass_fields__})
            ok = (isinstance(place.name, str) and place.kind in ("airport", "city", "country", "point")
                  and -90 <= float(place.lat) <= 90 and -180 <= float(place.lon) <= 180)
        except (TypeError, ValueError):
            return None
        if not ok:
            return None
        places.append(replace(place, lat=float(place.lat), lon=float(place.lon)))
    return places


#: Points the online geocoder at another Nominatim server (``https://host[:port][/path]``).
NOMINATIM_URL_ENV = "ROUTES_NOMINATIM_URL"


def _nominatim(agent: str) -> Nominatim:
    """Nominatim at ``$ROUTES_NOMINATIM_URL`` (a mirror, or a test server), else the public one."""
    url = os.environ.get(NOMINATIM_URL_ENV, "").strip()
    if not url:
        return Nominatim(user_agent=agent)
    scheme, sep, rest = url.partition("://")
    domain = rest.strip("/")
    if not sep or scheme not in ("http", "https") or not domain:
        raise InputError(
            f"{NOMINATIM_URL_ENV}={url!r} is not an http(s) URL; e.g. https://nominatim.example.org"
        )
    return Nominatim(user_agent=agent, domain=domain, scheme=scheme)


class OnlineGeocoder(Geocoder):
    """A geopy geocoder, rate limited, cached on disk, its failures made uniform.

    Parameters
    ----------
    geocoder
        Any geopy geocoder instance (a :class:`~geopy.geocoders.Nominatim` by default,
        possibly pointed at another ``domain``/``scheme``).
    cache_dir
        Directory of the JSON answer cache (``None``: the routes cache directory; ``False``:
        no cache).
    min_delay_seconds
        Least time between two requests (Nominatim's policy asks for 1 s).
    """

    def __init__(self, geocoder: Geocoder | None = None, *, user_agent: str | None = None,
                 cache_dir=None, min_delay_seconds: float = 1.0):
        agent = user_agent or f"routes/{_version()}"
        super().__init__(user_agent=agent)
        self.geocoder = geocoder or _nominatim(agent)
        self.source = type(self.geocoder).__name__.lower()
        self._limited = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        if cache_dir is None:
            cache_dir = cache_root()
        self.cache_file = Path(cache_dir) / f"geocode-{self.source}.json" if cache_dir else None
        self._cache: dict[str, list[dict]] | None = None

    # -- cache -------------------------------------------------------------------------
    def _load_cache(self) -> dict[str, list[dict]]:
        if self._cache is None:
            self._cache = {}
            if self.cache_file is not None:
                try:
                    data = json.loads(self.cache_file.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    data = {}  # missing or corrupt: start again, the next write replaces it
                if isinstance(data, dict):
                    self._cache = {k: v for k, v in data.items() if _cached_places(v) is not None}
        return self._cache

    def _store(self, key: str, places: list[Place]) -> None:
        cache = self._load_cache()
        cache[key] = [{**p.as_dict(), "population": p.population} for p in places]
        if self.cache_file is None:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.cache_file.name, suffix=".tmp",
                                       dir=self.cache_file.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(cache, f, ensure_ascii=False, indent=0, sort_keys=True)
                os.replace(tmp, self.cache_file)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass  # an unwritable cache only costs repeated requests

    # -- geocoding ---------------------------------------------------------------------
    def geocode(self, query, exactly_one: bool = True, timeout=None, country_hint=None):
        """Like :meth:`OfflineGeocoder.geocode`; raises GeocoderUnavailable on any failure."""
        key = f"{query}\x1f{(country_hint or '').upper()}"
        cached = _cached_places(self._load_cache().get(key))
        if cached is not None:
            places = cached
        else:
            places = self._ask(str(query), timeout, country_hint)
            self._store(key, places)
        if not places:
            return None
        locations = [_location(p) for p in places]
        return locations[0] if exactly_one else locations

    def _ask(self, query: str, timeout, country_hint) -> list[Place]:
        kwargs: dict = {"exactly_one": False}
        if timeout is not None:
            kwargs["timeout"] = timeout
        if isinstance(self.geocoder, Nominatim):
            kwargs["addressdetails"] = True
            if country_hint:
                kwargs["country_codes"] = country_hint.lower()
        try:
            result = self._limited(query, **kwargs)
            if result is not None and not isinstance(result, (list, Location)):
                raise ValueError(f"unexpected answer {type(result).__name__}")
            locations = result if isinstance(result, list) else ([result] if result else [])
            return [_place_from_location(loc, self.source) for loc in locations]
        except _ONLINE_FAILURES as exc:
            raise GeocoderUnavailable(f"{self.source} failed for {query!r}: {exc}") from exc

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):
        raise NotImplementedError("routes does not reverse-geocode")


class GeocoderChain(Geocoder):
    """Geocoders asked in order until one knows the place.

    A geocoder that raises :class:`~routes.errors.GeocoderUnavailable` is skipped; the
    first such failure warns (:class:`~routes.errors.RoutesWarning`), later ones are silent.
    After :data:`MAX_CONSECUTIVE_FAILURES` failures in a row a geocoder is not asked again
    by this chain (a dead service must not cost a timeout per place).
    """

    def __init__(self, geocoders: Sequence[Geocoder]):
        super().__init__(user_agent=f"routes/{_version()}")
        if not geocoders:
            raise InputError("a geocoder chain needs at least one geocoder")
        self.geocoders = tuple(geocoders)
        self.failures = 0
        self._in_a_row = [0] * len(self.geocoders)

    def geocode(self, query, exactly_one: bool = True, timeout=None, country_hint=None):
        for i, g in enumerate(self.geocoders):
            if self._in_a_row[i] >= MAX_CONSECUTIVE_FAILURES:
                continue
            try:
                if isinstance(g, (OfflineGeocoder, OnlineGeocoder, GeocoderChain)):
                    result = g.geocode(query, exactly_one=exactly_one, timeout=timeout,
                                       country_hint=country_hint)
                else:
                    result = g.geocode(query, exactly_one=exactly_one, timeout=timeout)
            except GeocoderUnavailable as exc:
                self.failures += 1
                self._in_a_row[i] += 1
                if self.failures == 1:
                    warnings.warn(f"online geocoding failed, using the offline gazetteer ({exc})",
                                  RoutesWarning, stacklevel=2)
                continue
            self._in_a_row[i] = 0
            if result:
                return result
        return None

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):
        raise NotImplementedError("routes does not reverse-geocode")


def make_geocoder(online: bool = False, *, user_agent: str | None = None, cache_dir=None,
                  online_geocoder: Geocoder | None = None, order: str = "offline-first",
                  min_delay_seconds: float = 1.0) -> GeocoderChain:
    """The geocoder the pipeline uses: offline alone, or offline and online chained.

    Parameters
    ----------
    online
        Add an online geocoder (Nominatim unless ``online_geocoder`` is given; the
        ``ROUTES_NOMINATIM_URL`` environment variable names another Nominatim server).
    user_agent
        User-Agent for Nominatim (default ``routes/<version>``).
    cache_dir
        Directory of the online answers' JSON cache (default: the routes cache directory).
    online_geocoder
        A geopy geocoder to use online instead of Nominatim (implies ``online``).
    order
        ``"offline-first"`` (online only for names the gazetteer lacks) or
        ``"online-first"`` (the gazetteer only when the service fails or knows nothing).
    min_delay_seconds
        Least time between online requests.

    Examples
    --------
    >>> g = make_geocoder()
    >>> g.geocode("Dakar").raw["country"]
    'SN'
    """
    if order not in ("offline-first", "online-first"):
        raise InputError(f"geocoder order must be 'offline-first' or 'online-first', not {order!r}")
    offline = OfflineGeocoder()
    if not online and online_geocoder is None:
        return GeocoderChain([offline])
    remote = OnlineGeocoder(online_geocoder, user_agent=user_agent or f"routes/{_version()}",
                            cache_dir=cache_dir, min_delay_seconds=min_delay_seconds)
    return GeocoderChain([offline, remote] if order == "offline-first" else [remote, offline])


def candidates(geocoder: Geocoder, text: str, hint: str | None) -> list[Place]:
    """The Places ``geocoder`` finds for ``text``, best first (``hint``: an ISO country
    code, passed to the geocoders of this module)."""
    if isinstance(geocoder, (OfflineGeocoder, OnlineGeocoder, GeocoderChain)):
        result = geocoder.geocode(text, exactly_one=False, country_hint=hint)
    else:
        result = geocoder.geocode(text, exactly_one=False)
    return places_of(result)
