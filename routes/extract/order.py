"""Put the places of one flight in flight order, whatever order the report told them in.

News reports often open with the arrival and go back to the departure ("arrived in
Caracas on March 23. They set off from Syria and made a stopover in Dakar").  The order
of a flight is therefore built from the roles, not from the text:

1. places named twice (or a city and its airport) are one stop; a country is dropped when
   a place inside it is on the same flight ("arrived in Venezuela" after "landed in
   Caracas");
2. the first origin starts the route;
3. stopovers and destinations follow in text order, except that the last destination told
   in the present narrative is the final one (one told in the pluperfect, "had landed in
   Minsk", or with "earlier", happened before it);
4. "to Sochi and back" ends the route where it began.

Examples
--------
>>> from routes.extract.order import Stopish, flight_order
>>> s = [Stopish("Caracas", "destination", 0), Stopish("Syria", "origin", 1), Stopish("Dakar", "stopover", 2)]
>>> [x.key for x in flight_order(s)]
['Syria', 'Dakar', 'Caracas']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Stopish", "flight_order"]


@dataclass
class Stopish:
    """A place with a role on one flight, before ordering."""

    key: Any  # what identifies the place (a Mention, or a name in tests)
    role: str
    position: int  # where the text told it
    earlier: bool = False
    continuing: bool = False
    and_back: bool = False
    returning: bool = False  # "returned to X" where X is where the flight began
    payload: Any = field(default=None, compare=False)


def _default_same(a: Any, b: Any) -> bool:
    return a == b


def flight_order(
    stops: list[Stopish],
    same: Callable[[Any, Any], bool] = _default_same,
    redundant: Callable[[Any, list[Any]], bool] | None = None,
) -> list[Stopish]:
    """The stops of one flight in flight order (see module notes).

    ``same(a, b)`` tells whether two keys are one place; ``redundant(a, others)`` whether
    ``a`` (a country) is covered by a finer place among ``others``.
    """
    stops = sorted(stops, key=lambda s: s.position)
    # 1. One entry per place: keep the first origin, and for other roles the latest telling.
    unique: list[Stopish] = []
    for s in stops:
        twin = next((u for u in unique if same(u.key, s.key)), None)
        if twin is None:
            unique.append(s)
            continue
        if twin.role == "origin" and s.role != "origin":
            if s.and_back or s.returning:
                twin.and_back = True
            # Back where it started: only a round trip ("and back") ends there.
            continue
        if s.role == "origin" and twin.role != "origin":
            unique.remove(twin)
            unique.append(s)
            continue
        if twin.role == "stopover" and s.role == "destination" and not s.continuing:
            continue  # "landed in Dakar, where it refuelled ... landed in Dakar": still a stop
        twin.role = s.role if s.role == "destination" and twin.role == "stopover" else twin.role
        twin.and_back = twin.and_back or s.and_back
        twin.continuing = twin.continuing or s.continuing
        if s.role == twin.role and twin.role == "destination" and (s.continuing or not s.earlier):
            # Told again later in the narrative ("... before arriving at Ezeiza"): it is
            # reached after what was told in between.
            twin.position = s.position
            twin.earlier = twin.earlier and s.earlier
    if redundant is not None:
        keys = [u.key for u in unique]
        unique = [u for u in unique if not redundant(u.key, [k for k in keys if k is not u.key])]
    origins = [u for u in unique if u.role == "origin"]
    rest = sorted((u for u in unique if u.role != "origin"), key=lambda u: u.position)
    dests = [u for u in rest if u.role == "destination"]
    final = None
    if dests:
        present = [d for d in dests if not d.earlier] or dests
        # A further leg told later ("then on to Y") ends the route; otherwise the last
        # destination told in the present narrative does.
        final = present[-1]
    route: list[Stopish] = []
    if origins:
        route.append(origins[0])
        route.extend(sorted(origins[1:], key=lambda u: u.position))
    route.extend(u for u in rest if u is not final)
    if final is not None:
        route.append(final)
    if route and any(u.and_back for u in route) and origins:
        back = Stopish(origins[0].key, "destination", 10**9, payload=origins[0].payload)
        route.append(back)
    return route
