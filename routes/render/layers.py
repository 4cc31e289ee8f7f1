"""The flights' layers: one FeatureGroup per flight with its legs, direction arrows,
aircraft and place markers, each with its popup and tooltip.  A leg beyond the range of
its aircraft (see :mod:`routes.range_check`) gets a dashed red outline.

Coordinates come from the legs' unwrapped geometry (see :mod:`routes.geodesy`): a
marker sits at its leg's first or last coordinate, so a leg from Kamchatka to Alaska and
the Alaska marker both sit east of the antimeridian (longitude about 210).
"""

from __future__ import annotations

from dataclasses import dataclass

import folium

from ..model import Flight, Leg, Place
from ..range_check import RangeCheck, check_leg
from .elements import Bind
from .escape import html_text
from .planes import aircraft_marker
from .popups import flight_label, leg_popup, leg_tooltip, place_popup, place_tooltip
from .symbols import (
    ARROW_SIZE,
    MARKER_SIZE,
    RANGE_COLOUR,
    arrow_svg,
    flight_style,
    line_svg,
    role_svg,
    screen_angle,
)

__all__ = [
    "DECIMALS",
    "MarkerSpot",
    "LegParts",
    "marker_spots",
    "flight_layer",
    "layer_name",
    "leg_points",
]

#: Decimals kept in coordinates written to the page (about 1 m).
DECIMALS = 5
POPUP_OPTIONS = {"maxWidth": 340}
TOOLTIP_OPTIONS = {"sticky": True}
#: Where along a leg its direction arrow sits (the aircraft takes the middle).
ARROW_AT = 0.7


@dataclass(frozen=True)
class LegParts:
    """The map elements drawn for one leg, for the controls that animate or copy them."""

    leg: Leg
    check: RangeCheck
    line: folium.PolyLine
    aircraft: folium.Marker
    arrow: folium.Marker | None
    outline: folium.PolyLine | None


@dataclass(frozen=True)
class MarkerSpot:
    """Where to put a place's marker: (lat, lon) with lon unwrapped like the legs."""

    place: Place
    lat: float
    lon: float
    role: str


def _role(i: int, n: int) -> str:
    return "origin" if i == 0 else "destination" if i == n - 1 else "stopover"


def marker_spots(flight: Flight) -> list[MarkerSpot]:
    """The flight's places in order, with roles and the coordinates the legs use."""
    if flight.legs:
        ends = [(flight.legs[0].origin, flight.legs[0].geometry.coords[0])]
        ends += [(leg.destination, leg.geometry.coords[-1]) for leg in flight.legs]
        n = len(ends)
        return [MarkerSpot(p, c[1], c[0], _role(i, n)) for i, (p, c) in enumerate(ends)]
    places = flight.places
    return [MarkerSpot(p, p.lat, p.lon, _role(i, len(places))) for i, p in enumerate(places)]


def leg_points(geometry) -> list[list[float]]:
    """A leg geometry's (lon, lat) coordinates as rounded [lat, lon] pairs for Leaflet."""
    return [[round(y, DECIMALS), round(x, DECIMALS)] for x, y, *_ in geometry.coords]


def _arrow(coords: list[tuple[float, float]], colour: str) -> folium.Marker | None:
    """An arrowhead part way along a leg (:data:`ARROW_AT`), pointing the way of travel."""
    if len(coords) < 2:
        return None
    i = min(max(round((len(coords) - 1) * ARROW_AT), 1), len(coords) - 1)
    a, b = coords[i - 1], coords[i]
    mid = [round((a[1] + b[1]) / 2, DECIMALS), round((a[0] + b[0]) / 2, DECIMALS)]
    icon = folium.DivIcon(
        html=arrow_svg(colour, screen_angle(a, b)),
        icon_size=(ARROW_SIZE, ARROW_SIZE),
        icon_anchor=(ARROW_SIZE // 2, ARROW_SIZE // 2),
        class_name="routes-arrow",
    )
    return folium.Marker(mid, icon=icon, interactive=False, keyboard=False)


def _place_marker(spot: MarkerSpot, flight: Flight, colour: str) -> folium.Marker:
    h = MARKER_SIZE // 2
    icon = folium.DivIcon(
        html=role_svg(spot.role, colour),
        icon_size=(MARKER_SIZE, MARKER_SIZE),
        icon_anchor=(h, h),
        class_name=f"routes-marker routes-{spot.role}",
    )
    marker = folium.Marker(
        [round(spot.lat, DECIMALS), round(spot.lon, DECIMALS)],
        icon=icon,
        z_index_offset={"origin": 1000, "stopover": 1100, "destination": 1200}[spot.role],
    )
    marker.add_child(Bind("popup", place_popup(spot.place, spot.role, flight), POPUP_OPTIONS))
    marker.add_child(Bind("tooltip", place_tooltip(spot.place, spot.role), TOOLTIP_OPTIONS))
    return marker


def layer_name(flight: Flight, index: int, suffix: str = "") -> str:
    """The flight's entry in the layer control (markup): a line in its style, its label."""
    colour, dash = flight_style(index)
    return f"{line_svg(colour, dash, width=22)} {html_text(flight_label(flight) + suffix)}"


def _range_outline(points: list[list[float]]) -> folium.PolyLine:
    """A dashed red band under a leg that is beyond its aircraft's range."""
    return folium.PolyLine(
        points,
        color=RANGE_COLOUR,
        weight=10,
        opacity=0.75,
        dash_array="10 8",
        interactive=False,
        class_name="routes-beyond-range",
    )


def flight_layer(flight: Flight, index: int, name: str | None = None) -> folium.FeatureGroup:
    """A FeatureGroup with the flight's legs, arrows, aircraft and place markers, styled for
    ``index``.

    ``name`` (markup) replaces :func:`layer_name` in the layer control.  The group's
    ``routes_legs`` attribute lists a :class:`LegParts` per leg.
    """
    colour, dash = flight_style(index)
    name = name if name is not None else layer_name(flight, index)
    group = folium.FeatureGroup(name=name, overlay=True, show=True)
    parts = []
    for leg in flight.legs:
        check = check_leg(leg, flight)
        points = leg_points(leg.geometry)
        outline = _range_outline(points) if check.ok is False else None
        if outline is not None:
            outline.add_to(group)
        line = folium.PolyLine(
            points,
            color=colour,
            weight=3.5,
            opacity=0.9,
            dash_array=dash,
            smooth_factor=0.3,
            class_name=f"routes-leg routes-flight-{index}",
        )
        line.add_child(Bind("popup", leg_popup(leg, flight, check), POPUP_OPTIONS))
        line.add_child(Bind("tooltip", leg_tooltip(leg, flight), TOOLTIP_OPTIONS))
        line.add_to(group)
        arrow = _arrow([(x, y) for x, y, *_ in leg.geometry.coords], colour)
        if arrow is not None:
            arrow.add_to(group)
        plane = aircraft_marker(leg, flight, colour, check)
        plane.add_to(group)
        parts.append(LegParts(leg, check, line, plane, arrow, outline))
    for spot in marker_spots(flight):
        _place_marker(spot, flight, colour).add_to(group)
    group.routes_legs = parts
    return group
