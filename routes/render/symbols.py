"""Colours and marker symbols.

Flights are told apart by colour, from the Okabe-Ito palette (safe for the common forms
of colour blindness; its yellow is left out, it vanishes on the light basemap), and after
the seventh flight also by dash pattern.  Places are told apart by shape: a filled circle
for the origin, a hollow diamond for a stopover, a filled square for the destination.

Examples
--------
>>> flight_style(0)
('#0072B2', None)
>>> flight_style(8)
('#D55E00', '8 6')
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources

__all__ = [
    "PALETTE",
    "DASHES",
    "ROLES",
    "flight_style",
    "role_svg",
    "line_svg",
    "arrow_svg",
    "screen_angle",
    "aircraft_svg",
    "aircraft_css",
    "AIRCRAFT_SIZE",
    "RANGE_COLOUR",
]

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = (None, "8 6", "2 5")
ROLES = ("origin", "stopover", "destination")
MARKER_SIZE = 18
ARROW_SIZE = 18
AIRCRAFT_SIZE = 26
#: Colour of the outline that flags a leg beyond the aircraft's range.
RANGE_COLOUR = "#E0001B"


def flight_style(index: int) -> tuple[str, str | None]:
    """Colour and dash pattern (SVG ``stroke-dasharray``, None for solid) of the
    ``index``-th flight (0-based)."""
    colour = PALETTE[index % len(PALETTE)]
    dash = DASHES[(index // len(PALETTE)) % len(DASHES)]
    return colour, dash


def role_svg(role: str, colour: str, size: int = MARKER_SIZE) -> str:
    """An inline SVG of the symbol for ``role`` (origin, stopover or destination)."""
    h = size / 2
    edge = 'stroke="#fff" stroke-width="2"'
    if role == "origin":
        shape = f'<circle cx="{h:g}" cy="{h:g}" r="{h - 2.5:g}" fill="{colour}" {edge}/>'
    elif role == "stopover":
        r = h - 2
        pts = f"{h:g},{h - r:g} {h + r:g},{h:g} {h:g},{h + r:g} {h - r:g},{h:g}"
        shape = f'<polygon points="{pts}" fill="#fff" stroke="{colour}" stroke-width="2.5"/>'
    elif role == "destination":
        s = size - 6
        shape = f'<rect x="3" y="3" width="{s}" height="{s}" fill="{colour}" {edge}/>'
    else:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}">{shape}</svg>'
    )


def line_svg(colour: str, dash: str | None, width: int = 28) -> str:
    """A short horizontal line in the flight's style, for the legend."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="{width}" height="10" viewBox="0 0 {width} 10">'
        f'<line x1="1" y1="5" x2="{width - 1}" y2="5" stroke="{colour}" stroke-width="3.5"'
        f'{dash_attr} stroke-linecap="round"/></svg>'
    )


def arrow_svg(colour: str, angle: float, size: int = ARROW_SIZE) -> str:
    """A small arrowhead pointing ``angle`` degrees clockwise from screen east."""
    h = size / 2
    return (
        f'<svg width="{size}" height="{size}" viewBox="{-h:g} {-h:g} {size} {size}">'
        f'<path d="M-6,-5.5L7,0L-6,5.5L-3,0Z" fill="{colour}" stroke="#fff" stroke-width="1"'
        f' transform="rotate({angle:.0f})"/></svg>'
    )


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def screen_angle(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Direction from (lon, lat) ``a`` to ``b`` on a Web Mercator map, in degrees
    clockwise from screen east (screen y grows downwards)."""
    dx = b[0] - a[0]
    dy = _mercator_y(b[1]) - _mercator_y(a[1])
    return -math.degrees(math.atan2(dy, dx))


@cache
def aircraft_svg() -> str:
    """The aircraft icon (``routes/data/aircraft-icon.svg``), pointing north, without its
    header comment."""
    text = resources.files("routes.data").joinpath("aircraft-icon.svg").read_text("utf-8")
    return re.sub(r"<!--.*?-->", "", text, flags=re.S).strip()


@cache
def aircraft_css() -> str:
    """CSS drawing the icon in ``currentColor`` on any element of class ``routes-plane``
    (or ``routes-plane-icon``), the SVG written once into the page as a mask."""
    uri = "data:image/svg+xml," + re.sub(
        r'[<>#"%]', lambda m: f"%{ord(m.group()):02X}", aircraft_svg()
    )
    mask = f'url("{uri}") center / contain no-repeat'
    return (
        ".routes-plane, .routes-plane-icon { background: currentColor; "
        f"-webkit-mask: {mask}; mask: {mask}; }}"
    )
