"""The data that flows between the stages: frozen dataclasses, no behaviour beyond views.

Coordinates: places carry ``lat``/``lon`` in WGS84 degrees; shapely geometries are
(lon, lat), as in GeoJSON.  Distances are kilometres unless a name says otherwise.

The stages fill a :class:`Report` step by step, each returning a new one:

* the readers (``routes.extract``, ``routes.routefile``) give flights whose stops have a
  :class:`PlaceRef` (the place as the input names it) and ``place=None``;
* ``routes.geocode.resolve`` fills ``Stop.place`` (and ``Stop.alternatives``);
* ``routes.geodesy.compute`` fills ``Flight.legs``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # shapely is only needed once legs are computed
    from shapely.geometry.base import BaseGeometry

__all__ = ["Evidence", "PlaceRef", "Place", "Stop", "Leg", "Flight", "Report", "PlaceKind", "replace"]

PlaceKind = Literal["airport", "city", "country", "point"]
Degrees = float
Kilometres = float
Hours = float


@dataclass(frozen=True)
class Evidence:
    """The text a fact came from: ``text[start:end]`` of the input (or a file position)."""

    fact: str  # origin, stopover, destination, aircraft, personnel, cargo, date, commander
    text: str
    start: int | None = None
    end: int | None = None
    source: str | None = None  # the input's name (file name, "route string", ...)

    def as_dict(self) -> dict:
        return {"fact": self.fact, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class PlaceRef:
    """A place as the input names it, before geocoding.

    ``lat``/``lon`` set means the input gave coordinates, which win over geocoding.
    ``where`` says where it was for error messages (``routes.csv:4``).
    ``country_hint`` is an ISO 3166-1 alpha-2 code that the context suggests.
    """

    text: str
    lat: Degrees | None = None
    lon: Degrees | None = None
    where: str | None = None
    start: int | None = None
    end: int | None = None
    country_hint: str | None = None


@dataclass(frozen=True)
class Place:
    """A geocoded place."""

    name: str
    lat: Degrees
    lon: Degrees
    kind: PlaceKind
    country: str | None = None  # ISO 3166-1 alpha-2
    code: str | None = None  # the code to show: ICAO, else IATA, for airports
    iata: str | None = None
    icao: str | None = None
    mention: str | None = None  # the text the input used
    source: str | None = None  # where the coordinates came from: airportsdata, geonames, ...
    population: int | None = None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "kind": self.kind,
            "country": self.country,
            "code": self.code,
            "iata": self.iata,
            "icao": self.icao,
            "mention": self.mention,
            "source": self.source,
        }


@dataclass(frozen=True)
class Stop:
    """One place on a flight's route, in flight order."""

    ref: PlaceRef
    place: Place | None = None
    alternatives: tuple[Place, ...] = ()  # other candidates, best first
    role: str | None = None  # origin, stopover, destination (set by the reader)


@dataclass(frozen=True, eq=False)
class Leg:
    """A flown leg between two places along the WGS84 geodesic.

    ``geometry`` is a shapely LineString in (lon, lat) with longitudes unwrapped
    (continuous, possibly beyond +-180) for display; ``geojson_geometry`` gives it split
    at the antimeridian.
    """

    index: int  # 1-based within its flight
    origin: Place
    destination: Place
    distance_km: Kilometres
    initial_bearing_deg: Degrees  # 0..360, clockwise from true north
    final_bearing_deg: Degrees
    duration_h: Hours | None
    geometry: "BaseGeometry"
    speed_source: str | None = None  # which aircraft's (or default) cruise speed gave duration_h

    @property
    def distance_nm(self) -> float:
        return self.distance_km / 1.852


@dataclass(frozen=True)
class Flight:
    """A flight: its route in order, and what the input says about it."""

    id: str
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...] = ()
    aircraft: tuple[str, ...] = ()
    personnel: int | None = None
    cargo_tonnes: float | None = None
    date: str | None = None  # ISO 8601 date
    commander: str | None = None
    evidence: tuple[Evidence, ...] = ()
    label: str | None = None

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(s.place for s in self.stops if s.place is not None)


@dataclass(frozen=True)
class Report:
    """Everything read from one or more inputs."""

    flights: tuple[Flight, ...]
    warnings: tuple[str, ...] = ()
    source: str | None = None  # the input's name
    text: str | None = None  # the text, for news reports
    meta: dict = field(default_factory=dict, compare=False, hash=False)
