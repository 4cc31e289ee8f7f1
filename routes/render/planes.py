"""The aircraft drawn at the middle of each leg, pointing the way it flies there.

The heading is the geodesic azimuth *at the midpoint* (GeographicLib on WGS84), not the
initial bearing: on a 5,000 km leg the two differ by tens of degrees.  Web Mercator is
conformal, so an azimuth is also the angle on screen, clockwise from screen north; the
icon (drawn pointing north) is rotated by it with a CSS ``transform: rotate(...)`` on an
inner element (Leaflet owns the marker element's own transform), which also carries the
angle in ``data-bearing`` for tests and scripts.

Examples
--------
>>> from routes.model import Place
>>> from routes.geodesy import make_leg
>>> leg = make_leg(Place("A", 0.0, 0.0, "point"), Place("B", 0.0, 90.0, "point"))
>>> mid = midpoint(leg)
>>> round(mid.lat, 6), round(mid.lon, 6), round(mid.bearing, 6)
(0.0, 45.0, 90.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import folium
from geographiclib.geodesic import Geodesic

from ..model import Flight, Leg
from .elements import Bind
from .escape import html_text
from .popups import aircraft_popup, leg_label
from .symbols import AIRCRAFT_SIZE

if TYPE_CHECKING:
    from ..range_check import RangeCheck

__all__ = ["Midpoint", "midpoint", "aircraft_marker", "aircraft_icon_html"]

#: Decimals of the rotation angle written to the page.
ANGLE_DECIMALS = 1
_POPUP_OPTIONS = {"maxWidth": 340}


@dataclass(frozen=True)
class Midpoint:
    """Where a leg's aircraft sits: (lat, lon), lon unwrapped like the leg's geometry,
    and the geodesic heading there in degrees clockwise from north (0..360)."""

    lat: float
    lon: float
    bearing: float


def midpoint(leg: Leg) -> Midpoint:
    """The point halfway along ``leg``'s geodesic and the heading there."""
    a, b = leg.origin, leg.destination
    line = Geodesic.WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    pos = line.Position(line.s13 / 2.0)
    lon = pos["lon2"]
    # Unwrap next to the drawn line (its longitudes may run beyond +-180).
    coords = leg.geometry.coords
    ref = coords[len(coords) // 2][0]
    lon += 360.0 * round((ref - lon) / 360.0)
    return Midpoint(pos["lat2"], lon, pos["azi2"] % 360.0)


def aircraft_icon_html(colour: str, bearing: float, label: str = "") -> str:
    """The icon's markup: the aircraft (drawn by CSS, see
    :func:`routes.render.symbols.aircraft_css`) rotated by ``bearing``, and an optional
    (escaped) label."""
    angle = f"{round(bearing, ANGLE_DECIMALS) % 360.0:.{ANGLE_DECIMALS}f}"
    text = f'<span class="routes-leg-label">{label}</span>' if label else ""
    return (
        f'<div class="routes-plane" data-bearing="{angle}" '
        f'style="transform: rotate({angle}deg); color: {html_text(colour)}"></div>{text}'
    )


def aircraft_marker(
    leg: Leg, flight: Flight, colour: str, check: RangeCheck | None = None
) -> folium.Marker:
    """The aircraft of ``leg``: at the geodesic midpoint, rotated to the heading there,
    labelled with the leg number, aircraft and cargo, with the flight's facts in a popup."""
    mid = midpoint(leg)
    h = AIRCRAFT_SIZE // 2
    icon = folium.DivIcon(
        html=aircraft_icon_html(colour, mid.bearing, leg_label(leg, flight)),
        icon_size=(AIRCRAFT_SIZE, AIRCRAFT_SIZE),
        icon_anchor=(h, h),
        class_name="routes-aircraft",
    )
    marker = folium.Marker([round(mid.lat, 5), round(mid.lon, 5)], icon=icon, z_index_offset=900)
    marker.add_child(Bind("popup", aircraft_popup(leg, flight, check), _POPUP_OPTIONS))
    return marker
