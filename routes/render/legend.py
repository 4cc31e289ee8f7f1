"""The legend: the title, each flight's line style and label, the place and aircraft
symbols, the legs beyond range and the range rings."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from ..range_check import RangeRing, check_leg
from .escape import html_text
from .popups import flight_label
from .symbols import RANGE_COLOUR, ROLES, flight_style, line_svg, role_svg

__all__ = ["legend_html"]

_NEUTRAL = "#444444"


def legend_html(
    report: Report, title: str | None = None, rings: Sequence[RangeRing] = ()
) -> str:
    """The legend's markup, with every value from the report escaped."""
    parts = []
    if title:
        parts.append(f"<h2>{html_text(title)}</h2>")
    for i, flight in enumerate(report.flights):
        colour, dash = flight_style(i)
        km = sum(leg.distance_km for leg in flight.legs)
        total = f" · {km:,.0f} km" if flight.legs else ""
        parts.append(
            f'<div class="routes-row routes-legend-flight">{line_svg(colour, dash)}'
            f"<span>{html_text(flight_label(flight))}{total}</span></div>"
        )
    if not report.flights:
        parts.append('<div class="routes-row">no flights</div>')
    roles = "".join(
        f'<span class="routes-row">{role_svg(role, _NEUTRAL, size=16)}{role}</span>'
        for role in ROLES
    )
    plane = (
        f'<span class="routes-row"><i class="routes-plane-icon" style="color:{_NEUTRAL}"></i>'
        "aircraft, heading at mid-leg</span>"
    )
    parts.append(f'<div class="routes-roles">{roles}{plane}</div>')
    beyond = []
    for flight in report.flights:
        for leg in flight.legs:
            check = check_leg(leg, flight)
            if check.ok is False:
                beyond.append(
                    f"{html_text(flight.label or flight.id)} leg {leg.index}: "
                    f"{leg.distance_km:,.0f} km, {html_text(check.aircraft)} about "
                    f"{check.range_km:,.0f} km"
                )
    if beyond:
        swatch = line_svg(RANGE_COLOUR, "5 4")
        items = "".join(f"<div>{b}</div>" for b in beyond)
        parts.append(
            f'<div class="routes-roles routes-legend-range"><div class="routes-row">{swatch}'
            f'<span class="routes-beyond">beyond the aircraft range</span></div>{items}</div>'
        )
    if rings:
        from .rings import RING_COLOUR, ring_text

        swatch = line_svg(RING_COLOUR, "4 4")
        items = "".join(f'<div class="routes-row">{swatch}<span>{ring_text(r)}</span></div>' for r in rings)
        parts.append(f'<div class="routes-roles routes-legend-rings">{items}</div>')
    return "".join(parts)

