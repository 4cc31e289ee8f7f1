"""Geocoding a report: every stop's mention -> a :class:`~routes.model.Place`.

With no geocoder given, names are looked up in the embedded gazetteer directly, which is
what :class:`routes.geocoders.OfflineGeocoder` does behind geopy's interface, without
importing geopy (a tenth of a second that a small map should not pay).  Any geopy
geocoder, or a chain from :func:`routes.geocoders.make_geocoder`, can be passed instead.

The geocoder classes are re-exported here for convenience (loaded on first use).

Examples
--------
>>> geocode_names(["CCS"])[0]["place"]["icao"]
'SVMI'
"""

from __future__ import annotations

import math

from . import gazetteer
from .errors import InputError, PlaceNotFound
from .model import Place, Report, replace

__all__ = [
    "resolve",
    "geocode_names",
    "MAX_ALTERNATIVES",
    # from routes.geocoders, loaded on first use
    "OfflineGeocoder",
    "OnlineGeocoder",
    "GeocoderChain",
    "make_geocoder",
    "places_of",
]

#: How many other candidates a resolved stop keeps.
MAX_ALTERNATIVES = 5
#: How many candidates the gazetteer is asked for (as OfflineGeocoder's default limit).
_LIMIT = 10

_FROM_GEOCODERS = {"OfflineGeocoder", "OnlineGeocoder", "GeocoderChain", "make_geocoder",
                   "places_of", "MAX_CONSECUTIVE_FAILURES"}


def __getattr__(name: str):
    if name in _FROM_GEOCODERS:
        from . import geocoders

        return getattr(geocoders, name)
    raise AttributeError(f"module 'routes.geocode' has no attribute {name!r}")


def _candidates(geocoder, text: str, hint: str | None) -> list[Place]:
    if geocoder is None:
        return gazetteer.lookup(text, country_hint=hint, limit=_LIMIT)
    from .geocoders import candidates

    return candidates(geocoder, text, hint)


def _point(ref) -> Place:
    where = f"{ref.where}: " if ref.where else ""
    if ref.lat is None or ref.lon is None:
        raise InputError(f"{where}{ref.text!r} has a latitude or a longitude but not both")
    try:
        lat, lon = float(ref.lat), float(ref.lon)
    except (TypeError, ValueError):
        raise InputError(f"{where}coordinates {ref.lat!r}, {ref.lon!r} are not numbers") from None
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise InputError(f"{where}latitude {ref.lat!r} is outside [-90, 90]")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise InputError(f"{where}longitude {ref.lon!r} is outside [-180, 180]")
    name = ref.text or f"{lat:.4f}, {lon:.4f}"
    return Place(name=name, lat=lat, lon=lon, kind="point", mention=ref.text, source="input")


def resolve(report: Report, geocoder=None) -> Report:
    """A copy of ``report`` with every stop's ``place`` and ``alternatives`` filled.

    Coordinates given by the input win (a ``point`` place, range-checked); other stops
    are geocoded by their text and country hint, each distinct (text, hint) once.

    Parameters
    ----------
    report : Report
        Flights whose stops have a PlaceRef and no place yet.
    geocoder : geopy.geocoders.base.Geocoder, optional
        Any geopy geocoder, or one from :func:`routes.geocoders.make_geocoder`; None
        means the embedded gazetteer.

    Raises
    ------
    InputError
        Coordinates out of range (the message names where they were).
    PlaceNotFound
        A name no geocoder knows, with suggestions from the gazetteer.
    """
    memo: dict[tuple[str, str | None], list[Place]] = {}
    flights = []
    for flight in report.flights:
        stops = []
        for stop in flight.stops:
            ref = stop.ref
            if stop.place is not None:
                stops.append(stop)
                continue
            if ref.lat is not None or ref.lon is not None:
                stops.append(replace(stop, place=_point(ref), alternatives=()))
                continue
            key = (ref.text, ref.country_hint)
            if key not in memo:
                memo[key] = _candidates(geocoder, ref.text, ref.country_hint)
            found = memo[key]
            if not found:
                raise PlaceNotFound(ref.text, where=ref.where,
                                    suggestions=tuple(gazetteer.suggest(ref.text)))
            mentioned = [replace(p, mention=ref.text) for p in found[: MAX_ALTERNATIVES + 1]]
            stops.append(replace(stop, place=mentioned[0], alternatives=tuple(mentioned[1:])))
        flights.append(replace(flight, stops=tuple(stops)))
    return replace(report, flights=tuple(flights))


def geocode_names(names: list[str], geocoder=None) -> list[dict]:
    """For each name ``{"query", "place", "alternatives"}`` (place dicts; None if unknown)."""
    out = []
    for name in names:
        found = [replace(p, mention=name) for p in _candidates(geocoder, name, None)]
        out.append({
            "query": name,
            "place": found[0].as_dict() if found else None,
            "alternatives": [p.as_dict() for p in found[1: MAX_ALTERNATIVES + 1]],
        })
    return out
