"""The legend: the title, each flight's line style and label, and the place symbols."""

from __future__ import annotations

from ..model import Report
from .escape import html_text
from .popups import flight_label
from .symbols import ROLES, flight_style, line_svg, role_svg

__all__ = ["legend_html"]

_NEUTRAL = "#444444"


def legend_html(report: Report, title: str | None = None) -> str:
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
    parts.append(f'<div class="routes-roles">{roles}</div>')
    return "".join(parts)
